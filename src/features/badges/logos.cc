#include "features/badges/logos.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>

#include "core/ascii.h"
#include "features/badges/color.h"
#include "features/badges/js_string.h"

namespace badgesmith::badges {
namespace {

// lib/logos.js: lightThreshold and darkThreshold.
constexpr double kLightThreshold = 0.4;
constexpr double kDarkThreshold = 0.6;

// The fills load-simple-icons.js precomputes for its "light" and "dark" styles.
constexpr std::string_view kLightFill = "whitesmoke";
constexpr std::string_view kDarkFill = "#333";

constexpr std::string_view kSvgDataUriPrefix = "data:image/svg+xml;base64,";

// JS String#toLowerCase, for lookups only. Every key is ASCII, and the one non-ASCII code point
// that lower-cases to pure ASCII is U+212A KELVIN SIGN ("k"; the generator checks both), so any
// other non-ASCII code point means no key can match. nullopt then, and for invalid UTF-8.
std::optional<std::string> lower_case_for_lookup(std::string_view name) {
  if (!is_valid_utf8(name)) return std::nullopt;
  std::string lower;
  lower.reserve(name.size());
  std::size_t pos = 0;
  while (pos < name.size()) {
    const char32_t cp = next_code_point(name, &pos);
    if (cp == U'\u212A') {
      lower.push_back('k');
    } else if (cp >= 0x80) {
      return std::nullopt;
    } else {
      const char c = static_cast<char>(cp);
      lower.push_back(ascii_lower(c));
    }
  }
  return lower;
}

const logo_data::Key* find_key(std::string_view name) {
  const auto keys = logo_data::kKeys;
  const auto it = std::lower_bound(
      keys.begin(), keys.end(), name,
      [](const logo_data::Key& key, std::string_view wanted) { return key.name < wanted; });
  return it != keys.end() && it->name == name ? &*it : nullptr;
}

std::string_view resolve_alias(std::string_view name) {
  for (const logo_data::Alias& alias : logo_data::kAliases) {
    if (alias.name == name) return alias.target;
  }
  return name;
}

// The fill shields gives an icon when ?logoColor is absent or invalid (getSimpleIconStyle).
std::string brand_fill(const logo_data::Icon& icon, Style style) {
  // normalizeColor turns the bare hex into "#rrggbb" before brightness() parses it.
  const std::optional<std::string> normalized = normalize_color(icon.hex);
  const double bright = normalized ? brightness(*normalized) : 0;
  if (style != Style::kSocial && bright <= kLightThreshold) return std::string(kLightFill);
  if (style == Style::kSocial && bright >= kDarkThreshold) return std::string(kDarkFill);
  return "#" + std::string(icon.hex);
}

// Buffer.from(svg).toString('base64'): standard alphabet, '=' padding.
void append_base64(std::string& out, std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const auto byte = [bytes](std::size_t i) -> std::uint32_t {
    return static_cast<unsigned char>(bytes[i]);
  };
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t n = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
    out.push_back(kAlphabet[n >> 18]);
    out.push_back(kAlphabet[(n >> 12) & 63]);
    out.push_back(kAlphabet[(n >> 6) & 63]);
    out.push_back(kAlphabet[n & 63]);
  }
  const std::size_t rest = bytes.size() - i;
  if (rest == 0) return;
  const std::uint32_t n = byte(i) << 16 | (rest == 2 ? byte(i + 1) << 8 : 0);
  out.push_back(kAlphabet[n >> 18]);
  out.push_back(kAlphabet[(n >> 12) & 63]);
  out.push_back(rest == 2 ? kAlphabet[(n >> 6) & 63] : '=');
  out.push_back('=');
}

// ---- data: URIs ----

// What regex \s matches in JavaScript: WhiteSpace and LineTerminator code points.
bool is_js_whitespace(char32_t cp) {
  static constexpr char32_t kSingles[] = {U'\t',     U'\n',     U'\v',     U'\f',     U'\r',
                                          U' ',      U'\u00A0', U'\u1680', U'\u2028', U'\u2029',
                                          U'\u202F', U'\u205F', U'\u3000', U'\uFEFF'};
  return (cp >= U'\u2000' && cp <= U'\u200A') ||
         std::find(std::begin(kSingles), std::end(kSingles), cp) != std::end(kSingles);
}

bool is_word_char(char c) {  // Regex \w, which is ASCII-only without the u flag.
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_media_token_char(char c) { return is_word_char(c) || c == '+' || c == '.' || c == '-'; }

bool is_base64_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/';
}

// Joi's padded, non-URL-safe base64 regex:
// ^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$
// With the length a multiple of 4, one or two trailing '=' always complete the last quantum.
bool is_padded_base64(std::string_view text) {
  if (text.size() % 4 != 0) return false;
  std::size_t padding = 0;
  while (padding < 2 && padding < text.size() && text[text.size() - 1 - padding] == '=') {
    ++padding;
  }
  text.remove_suffix(padding);
  return std::all_of(text.begin(), text.end(), is_base64_char);
}

// Length of the longest prefix of `s` made of media-type token characters.
std::size_t media_token_length(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && is_media_token_char(s[n])) ++n;
  return n;
}

// Joi string().dataUri() on an already prefixed, whitespace-free value:
// ^data:[\w+.-]+\/[\w+.-]+;((charset=[\w-]+|base64),)?(.*)$ and, when the group captured
// "base64", the padded base64 check on the rest. Greedy quantifiers never need to backtrack
// here: the token classes exclude '/' and ';', and (.*)$ always matches once the group is
// settled, so the group is taken whenever it can be.
bool is_joi_data_uri(std::string_view uri) {
  constexpr std::string_view kScheme = "data:";
  if (!uri.starts_with(kScheme)) return false;
  std::string_view rest = uri.substr(kScheme.size());
  const std::size_t type = media_token_length(rest);
  if (type == 0 || type >= rest.size() || rest[type] != '/') return false;
  rest.remove_prefix(type + 1);
  const std::size_t subtype = media_token_length(rest);
  if (subtype == 0 || subtype >= rest.size() || rest[subtype] != ';') return false;
  rest.remove_prefix(subtype + 1);

  constexpr std::string_view kBase64 = "base64,";
  if (rest.starts_with(kBase64)) return is_padded_base64(rest.substr(kBase64.size()));
  // "charset=" + [\w-]+ + "," is accepted with any content, and so is anything else.
  return true;
}

Error data_uri_error(std::string message) {
  return make_error(Errc::kInvalidArgument, std::move(message), "INVALID_LOGO", "logo");
}

}  // namespace

std::optional<Logo> named_logo(std::string_view name, std::optional<std::string_view> logo_color,
                               bool size_auto, Style style) {
  const std::optional<std::string> lower = lower_case_for_lookup(name);
  if (!lower) return std::nullopt;

  // lib/logos.js getSimpleIcon: alias, then spaces to '-', then the key table.
  std::string key(resolve_alias(*lower));
  std::replace(key.begin(), key.end(), ' ', '-');
  const logo_data::Key* found = find_key(key);
  if (found == nullptr || found->icon == logo_data::kNoIcon) return std::nullopt;
  const logo_data::Icon& icon = logo_data::kIcons[static_cast<std::size_t>(found->icon)];

  std::optional<std::string> fill;
  if (logo_color) fill = to_svg_color(*logo_color);
  if (!fill) fill = brand_fill(icon, style);

  const std::string_view tail =
      size_auto && !icon.auto_svg_tail.empty() ? icon.auto_svg_tail : icon.svg_tail;
  std::string svg;
  svg.reserve(16 + fill->size() + tail.size());
  svg.append("<svg fill=\"").append(*fill).append("\"").append(tail);

  Logo logo;
  logo.data_uri.reserve(kSvgDataUriPrefix.size() + (svg.size() + 2) / 3 * 4);
  logo.data_uri.append(kSvgDataUriPrefix);
  // svg2base64 trims first; the SVG starts with '<' and ends with '>', and a fill cannot start
  // or end it, so there is nothing to trim.
  append_base64(logo.data_uri, svg);

  // core/base-service/coalesce-badge.js sizes by the name as given (only lower-cased).
  if (size_auto) {
    if (const logo_data::Key* sized = find_key(*lower)) logo.width = sized->auto_width;
  }
  return logo;
}

Result<std::string> validate_data_uri_logo(std::string_view value) {
  if (!is_valid_utf8(value)) return data_uri_error("The logo data URI is not valid UTF-8");
  constexpr std::string_view kScheme = "data:";
  std::string uri;
  uri.reserve(value.size() + kScheme.size());
  if (!value.starts_with(kScheme)) uri.append(kScheme);
  std::size_t pos = 0;
  while (pos < value.size()) {
    const std::size_t start = pos;
    const char32_t cp = next_code_point(value, &pos);
    if (cp == U' ') {
      uri.push_back('+');
    } else if (!is_js_whitespace(cp)) {
      uri.append(value.substr(start, pos - start));
    }
    if (uri.size() > kMaxDataUriLogoBytes) {
      return data_uri_error("The logo data URI is longer than " +
                            std::to_string(kMaxDataUriLogoBytes) + " bytes");
    }
  }
  if (!is_joi_data_uri(uri)) {
    return data_uri_error(
        "The logo is not a data URI of the form data:<type>/<subtype>;base64,<base64>");
  }
  return uri;
}

}  // namespace badgesmith::badges
