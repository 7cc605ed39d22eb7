#include "features/badges/color.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numbers>
#include <system_error>
#include <utility>

#include "core/ascii.h"

namespace badgesmith::badges {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct CssNamedColor {
  std::string_view name;
  std::uint8_t r, g, b;
};

// color-name 1.1.4 (what css-color-converter looks names up in), sorted by name.
// clang-format off
constexpr CssNamedColor kCssNamedColors[] = {
    {"aliceblue", 240, 248, 255}, {"antiquewhite", 250, 235, 215}, {"aqua", 0, 255, 255},
    {"aquamarine", 127, 255, 212}, {"azure", 240, 255, 255}, {"beige", 245, 245, 220},
    {"bisque", 255, 228, 196}, {"black", 0, 0, 0}, {"blanchedalmond", 255, 235, 205},
    {"blue", 0, 0, 255}, {"blueviolet", 138, 43, 226}, {"brown", 165, 42, 42},
    {"burlywood", 222, 184, 135}, {"cadetblue", 95, 158, 160}, {"chartreuse", 127, 255, 0},
    {"chocolate", 210, 105, 30}, {"coral", 255, 127, 80}, {"cornflowerblue", 100, 149, 237},
    {"cornsilk", 255, 248, 220}, {"crimson", 220, 20, 60}, {"cyan", 0, 255, 255},
    {"darkblue", 0, 0, 139}, {"darkcyan", 0, 139, 139}, {"darkgoldenrod", 184, 134, 11},
    {"darkgray", 169, 169, 169}, {"darkgreen", 0, 100, 0}, {"darkgrey", 169, 169, 169},
    {"darkkhaki", 189, 183, 107}, {"darkmagenta", 139, 0, 139}, {"darkolivegreen", 85, 107, 47},
    {"darkorange", 255, 140, 0}, {"darkorchid", 153, 50, 204}, {"darkred", 139, 0, 0},
    {"darksalmon", 233, 150, 122}, {"darkseagreen", 143, 188, 143}, {"darkslateblue", 72, 61, 139},
    {"darkslategray", 47, 79, 79}, {"darkslategrey", 47, 79, 79}, {"darkturquoise", 0, 206, 209},
    {"darkviolet", 148, 0, 211}, {"deeppink", 255, 20, 147}, {"deepskyblue", 0, 191, 255},
    {"dimgray", 105, 105, 105}, {"dimgrey", 105, 105, 105}, {"dodgerblue", 30, 144, 255},
    {"firebrick", 178, 34, 34}, {"floralwhite", 255, 250, 240}, {"forestgreen", 34, 139, 34},
    {"fuchsia", 255, 0, 255}, {"gainsboro", 220, 220, 220}, {"ghostwhite", 248, 248, 255},
    {"gold", 255, 215, 0}, {"goldenrod", 218, 165, 32}, {"gray", 128, 128, 128},
    {"green", 0, 128, 0}, {"greenyellow", 173, 255, 47}, {"grey", 128, 128, 128},
    {"honeydew", 240, 255, 240}, {"hotpink", 255, 105, 180}, {"indianred", 205, 92, 92},
    {"indigo", 75, 0, 130}, {"ivory", 255, 255, 240}, {"khaki", 240, 230, 140},
    {"lavender", 230, 230, 250}, {"lavenderblush", 255, 240, 245}, {"lawngreen", 124, 252, 0},
    {"lemonchiffon", 255, 250, 205}, {"lightblue", 173, 216, 230}, {"lightcoral", 240, 128, 128},
    {"lightcyan", 224, 255, 255}, {"lightgoldenrodyellow", 250, 250, 210},
    {"lightgray", 211, 211, 211}, {"lightgreen", 144, 238, 144}, {"lightgrey", 211, 211, 211},
    {"lightpink", 255, 182, 193}, {"lightsalmon", 255, 160, 122}, {"lightseagreen", 32, 178, 170},
    {"lightskyblue", 135, 206, 250}, {"lightslategray", 119, 136, 153},
    {"lightslategrey", 119, 136, 153}, {"lightsteelblue", 176, 196, 222},
    {"lightyellow", 255, 255, 224}, {"lime", 0, 255, 0}, {"limegreen", 50, 205, 50},
    {"linen", 250, 240, 230}, {"magenta", 255, 0, 255}, {"maroon", 128, 0, 0},
    {"mediumaquamarine", 102, 205, 170}, {"mediumblue", 0, 0, 205}, {"mediumorchid", 186, 85, 211},
    {"mediumpurple", 147, 112, 219}, {"mediumseagreen", 60, 179, 113},
    {"mediumslateblue", 123, 104, 238}, {"mediumspringgreen", 0, 250, 154},
    {"mediumturquoise", 72, 209, 204}, {"mediumvioletred", 199, 21, 133},
    {"midnightblue", 25, 25, 112}, {"mintcream", 245, 255, 250}, {"mistyrose", 255, 228, 225},
    {"moccasin", 255, 228, 181}, {"navajowhite", 255, 222, 173}, {"navy", 0, 0, 128},
    {"oldlace", 253, 245, 230}, {"olive", 128, 128, 0}, {"olivedrab", 107, 142, 35},
    {"orange", 255, 165, 0}, {"orangered", 255, 69, 0}, {"orchid", 218, 112, 214},
    {"palegoldenrod", 238, 232, 170}, {"palegreen", 152, 251, 152},
    {"paleturquoise", 175, 238, 238}, {"palevioletred", 219, 112, 147},
    {"papayawhip", 255, 239, 213}, {"peachpuff", 255, 218, 185}, {"peru", 205, 133, 63},
    {"pink", 255, 192, 203}, {"plum", 221, 160, 221}, {"powderblue", 176, 224, 230},
    {"purple", 128, 0, 128}, {"rebeccapurple", 102, 51, 153}, {"red", 255, 0, 0},
    {"rosybrown", 188, 143, 143}, {"royalblue", 65, 105, 225}, {"saddlebrown", 139, 69, 19},
    {"salmon", 250, 128, 114}, {"sandybrown", 244, 164, 96}, {"seagreen", 46, 139, 87},
    {"seashell", 255, 245, 238}, {"sienna", 160, 82, 45}, {"silver", 192, 192, 192},
    {"skyblue", 135, 206, 235}, {"slateblue", 106, 90, 205}, {"slategray", 112, 128, 144},
    {"slategrey", 112, 128, 144}, {"snow", 255, 250, 250}, {"springgreen", 0, 255, 127},
    {"steelblue", 70, 130, 180}, {"tan", 210, 180, 140}, {"teal", 0, 128, 128},
    {"thistle", 216, 191, 216}, {"tomato", 255, 99, 71}, {"turquoise", 64, 224, 208},
    {"violet", 238, 130, 238}, {"wheat", 245, 222, 179}, {"white", 255, 255, 255},
    {"whitesmoke", 245, 245, 245}, {"yellow", 255, 255, 0}, {"yellowgreen", 154, 205, 50},
};
// clang-format on

constexpr bool css_names_sorted() {
  for (std::size_t i = 1; i < std::size(kCssNamedColors); ++i) {
    if (!(kCssNamedColors[i - 1].name < kCssNamedColors[i].name)) return false;
  }
  return true;
}
static_assert(std::size(kCssNamedColors) == 148 && css_names_sorted());

bool is_ascii_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }

// Cheap rejection first: most strings that get here are rgb()/hsl() forms, not names.
bool could_be_name(std::string_view name) noexcept {
  return name.size() >= 3 && name.size() <= 20 && is_ascii_lower(name.front()) &&
         is_ascii_lower(name.back());
}

// Name lookups go through a small open-addressing table built at compile time and keyed on a
// hash of five bytes and the length, not through comparisons: colours vary from badge to badge,
// and a binary search or a scan mispredicted at most of its steps. REQUIRES: size >= 3.
constexpr std::size_t name_hash(std::string_view name) noexcept {
  const auto byte = [name](std::size_t i) { return static_cast<std::size_t>(name[i]); };
  const std::size_t n = name.size();
  return n * 0x9E37 ^ byte(0) * 0x2D ^ byte(1) * 0x3C1 ^ byte(n / 2) * 0x1F3 ^ byte(n - 2) * 0x7B ^
         byte(n - 1) * 0x611;
}

constexpr std::uint8_t kNoIndex = 0xFF;

// A name and what it is: a palette name, an alias and a CSS name, each as an index into its
// table (several names are two of these). Exact, case-sensitive (JS `in`, minus the
// Object.prototype members).
struct ColorName {
  std::string_view name;
  std::uint8_t palette = kNoIndex;
  std::uint8_t alias = kNoIndex;
  std::uint8_t css = kNoIndex;
};

struct ColorNameList {
  std::array<ColorName, kNamedColors.size() + kColorAliases.size() + std::size(kCssNamedColors)>
      names{};
  std::size_t count = 0;
};

// Every name once, so that a colour costs one lookup whichever kind it names.
constexpr ColorNameList collect_color_names() {
  ColorNameList list;
  const auto entry = [&list](std::string_view name) -> ColorName& {
    for (std::size_t i = 0; i < list.count; ++i) {
      if (list.names[i].name == name) return list.names[i];
    }
    list.names[list.count].name = name;
    return list.names[list.count++];
  };
  for (std::size_t i = 0; i < kNamedColors.size(); ++i) {
    entry(kNamedColors[i].name).palette = static_cast<std::uint8_t>(i);
  }
  for (std::size_t i = 0; i < kColorAliases.size(); ++i) {
    entry(kColorAliases[i].alias).alias = static_cast<std::uint8_t>(i);
  }
  for (std::size_t i = 0; i < std::size(kCssNamedColors); ++i) {
    entry(kCssNamedColors[i].name).css = static_cast<std::uint8_t>(i);
  }
  return list;
}
constexpr ColorNameList kColorNames = collect_color_names();

// No CSS name is also a bare hex colour (3 or 6 hex digits), which would take precedence.
constexpr bool kCssNamesAreNotHex = [] {
  for (const CssNamedColor& entry : kCssNamedColors) {
    const std::string_view name = entry.name;
    const bool all_hex = std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
    if ((name.size() == 3 || name.size() == 6) && all_hex) return false;
  }
  return true;
}();
static_assert(kCssNamesAreNotHex);

constexpr std::size_t kNameSlotCount = 512;
constexpr auto kNameSlots = [] {
  static_assert(kColorNames.count < kNameSlotCount / 2 && kColorNames.count < kNoIndex);
  std::array<std::uint8_t, kNameSlotCount> slots{};
  for (std::uint8_t& slot : slots) slot = kNoIndex;
  for (std::size_t i = 0; i < kColorNames.count; ++i) {
    std::size_t at = name_hash(kColorNames.names[i].name) & (kNameSlotCount - 1);
    while (slots[at] != kNoIndex) at = (at + 1) & (kNameSlotCount - 1);
    slots[at] = static_cast<std::uint8_t>(i);
  }
  return slots;
}();

const ColorName* find_color_name(std::string_view name) noexcept {
  if (!could_be_name(name)) return nullptr;
  for (std::size_t at = name_hash(name) & (kNameSlotCount - 1); kNameSlots[at] != kNoIndex;
       at = (at + 1) & (kNameSlotCount - 1)) {
    if (kColorNames.names[kNameSlots[at]].name == name) return &kColorNames.names[kNameSlots[at]];
  }
  return nullptr;
}

const CssNamedColor* find_css_name(std::string_view name) noexcept {
  const ColorName* found = find_color_name(name);
  return found == nullptr || found->css == kNoIndex ? nullptr : &kCssNamedColors[found->css];
}

const NamedColor* find_named(std::string_view name) noexcept {
  const ColorName* found = find_color_name(name);
  return found == nullptr || found->palette == kNoIndex ? nullptr : &kNamedColors[found->palette];
}

const ColorAlias* find_alias(std::string_view name) noexcept {
  const ColorName* found = find_color_name(name);
  return found == nullptr || found->alias == kNoIndex ? nullptr : &kColorAliases[found->alias];
}

bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// Hex digit values, kNotHex for anything else: hex colours are the common case, so keep them cheap.
constexpr std::uint8_t kNotHex = 0xFF;
constexpr std::array<std::uint8_t, 256> make_hex_values() {
  std::array<std::uint8_t, 256> values{};
  for (int c = 0; c < 256; ++c) {
    values[c] = c >= '0' && c <= '9'   ? static_cast<std::uint8_t>(c - '0')
                : c >= 'a' && c <= 'f' ? static_cast<std::uint8_t>(c - 'a' + 10)
                : c >= 'A' && c <= 'F' ? static_cast<std::uint8_t>(c - 'A' + 10)
                                       : kNotHex;
  }
  return values;
}
constexpr std::array<std::uint8_t, 256> kHexValues = make_hex_values();

bool is_ascii_hex_digit(char c) noexcept {
  return kHexValues[static_cast<unsigned char>(c)] != kNotHex;
}

std::uint8_t byte_at(std::string_view s, std::size_t pos) noexcept {
  return static_cast<std::uint8_t>(s[pos]);
}

// The bytes a JS WhiteSpace or LineTerminator code point (what both String#trim and regex \s
// match) starts and ends with in UTF-8: most texts start and end with none of them, and one table
// lookup settles those.
constexpr std::array<bool, 256> kMayStartSpace = [] {
  std::array<bool, 256> starts{};
  for (const unsigned char c : {'\t', '\n', '\v', '\f', '\r', ' '}) starts[c] = true;
  for (const unsigned char c : {0xC2, 0xE1, 0xE2, 0xE3, 0xEF}) starts[c] = true;
  return starts;
}();
constexpr std::array<bool, 256> kMayEndSpace = [] {
  std::array<bool, 256> ends{};
  for (const unsigned char c : {'\t', '\n', '\v', '\f', '\r', ' '}) ends[c] = true;
  for (int c = 0x80; c <= 0x8A; ++c) ends[c] = true;  // U+1680, U+2000-U+200A, U+3000
  for (const unsigned char c : {0xA0, 0xA8, 0xA9, 0xAF, 0x9F, 0xBF}) ends[c] = true;
  return ends;
}();

// js_space_at() past its first-byte check; out of line, as it is rarely needed.
[[gnu::noinline]] std::size_t js_space_after_start(std::string_view s, std::size_t pos) noexcept {
  const std::size_t left = s.size() - pos;
  const std::uint8_t c = byte_at(s, pos);
  switch (c) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
      return 1;
    case 0xC2:  // U+00A0
      return left >= 2 && byte_at(s, pos + 1) == 0xA0 ? 2 : 0;
    default:
      break;
  }
  if (left < 3) return 0;
  const std::uint8_t c1 = byte_at(s, pos + 1);
  const std::uint8_t c2 = byte_at(s, pos + 2);
  switch (c) {
    case 0xE1:  // U+1680
      return c1 == 0x9A && c2 == 0x80 ? 3 : 0;
    case 0xE2:  // U+2000-U+200A, U+2028, U+2029, U+202F, U+205F
      if (c1 == 0x80)
        return (c2 <= 0x8A && c2 >= 0x80) || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF ? 3 : 0;
      return c1 == 0x81 && c2 == 0x9F ? 3 : 0;
    case 0xE3:  // U+3000
      return c1 == 0x80 && c2 == 0x80 ? 3 : 0;
    case 0xEF:  // U+FEFF
      return c1 == 0xBB && c2 == 0xBF ? 3 : 0;
    default:
      return 0;
  }
}

// Byte length of the JS WhiteSpace or LineTerminator code point starting at s[pos], or 0.
// Matches exact UTF-8 sequences, so any bytes are safe. The common answer, no, is inline.
inline std::size_t js_space_at(std::string_view s, std::size_t pos) noexcept {
  if (!kMayStartSpace[byte_at(s, pos)]) return 0;
  return js_space_after_start(s, pos);
}

// Whether a JS space code point ends exactly at s[end - 1]; its byte length or 0.
std::size_t js_space_before(std::string_view s, std::size_t end) noexcept {
  if (end >= 1 && js_space_at(s, end - 1) == 1) return 1;
  if (end >= 2 && js_space_at(s, end - 2) == 2) return 2;
  if (end >= 3 && js_space_at(s, end - 3) == 3) return 3;
  return 0;
}

std::string_view js_space_trim(std::string_view s) noexcept {
  if (s.empty() || (!kMayStartSpace[byte_at(s, 0)] && !kMayEndSpace[byte_at(s, s.size() - 1)])) {
    return s;
  }
  std::size_t begin = 0;
  std::size_t end = s.size();
  while (begin < end) {
    const std::size_t n = js_space_at(s.substr(0, end), begin);
    if (n == 0) break;
    begin += n;
  }
  while (end > begin) {
    const std::size_t n = js_space_before(s.substr(begin, end - begin), end - begin);
    if (n == 0) break;
    end -= n;
  }
  return s.substr(begin, end - begin);
}

// A hand-written matcher for css-color-converter's regexes. They are anchored, use only greedy
// runs that the next token cannot extend, so a single left-to-right pass decides them.
class Scanner {
 public:
  explicit Scanner(std::string_view text) noexcept : text_(text) {}

  bool done() const noexcept { return pos_ == text_.size(); }
  std::size_t pos() const noexcept { return pos_; }
  void rewind(std::size_t pos) noexcept { pos_ = pos; }

  bool peek(char c, std::size_t ahead = 0) const noexcept {
    return pos_ + ahead < text_.size() && text_[pos_ + ahead] == c;
  }

  bool eat(char c) noexcept {
    if (!peek(c)) return false;
    ++pos_;
    return true;
  }

  // Byte by byte rather than through memcmp: the literals are a few bytes long and known at
  // compile time, so this unrolls into as many compares.
  bool eat(std::string_view literal) noexcept {
    if (text_.size() - pos_ < literal.size()) return false;
    for (std::size_t i = 0; i < literal.size(); ++i) {
      if (text_[pos_ + i] != literal[i]) return false;
    }
    pos_ += literal.size();
    return true;
  }

  // \s* ; returns how many code points were skipped.
  std::size_t skip_spaces() noexcept {
    std::size_t count = 0;
    while (pos_ < text_.size()) {
      const std::size_t n = js_space_at(text_, pos_);
      if (n == 0) break;
      pos_ += n;
      ++count;
    }
    return count;
  }

  // \d+ (ASCII digits, as JS regexes without the u flag); empty when there is none.
  std::string_view digits() noexcept {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && is_ascii_digit(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// (0|1|0?\.\d+|\d+%)
bool match_alpha(Scanner& scanner) noexcept {
  if (scanner.peek('.') || (scanner.peek('0') && scanner.peek('.', 1))) {
    scanner.eat('0');
    scanner.eat('.');
    return !scanner.digits().empty();
  }
  const std::string_view whole = scanner.digits();
  if (whole.empty()) return false;
  return scanner.eat('%') || whole == "0" || whole == "1";
}

// (?:\s*SEP\s*ALPHA)?  -- the alpha value itself never matters for brightness.
void match_optional_alpha(Scanner& scanner, char separator) noexcept {
  const std::size_t start = scanner.pos();
  scanner.skip_spaces();
  if (scanner.eat(separator)) {
    scanner.skip_spaces();
    if (match_alpha(scanner)) return;
  }
  scanner.rewind(start);
}

// \s*\)$
bool match_close(Scanner& scanner) noexcept {
  scanner.skip_spaces();
  return scanner.eat(')') && scanner.done();
}

using Channels = std::array<std::string_view, 3>;

// The regexes rgb (percent=false, comma=true), rgbperc (true, true), rgbfn (false, false) and
// rgbpercfn (true, false). Channels exclude the '%'.
bool match_rgb(std::string_view text, bool percent, bool comma, Channels* channels) noexcept {
  Scanner scanner(text);
  if (!scanner.eat("rgb")) return false;
  scanner.eat('a');
  if (!scanner.eat('(')) return false;
  scanner.skip_spaces();
  for (std::size_t i = 0; i < 3; ++i) {
    if (i > 0) {
      if (comma) {
        scanner.skip_spaces();
        if (!scanner.eat(',')) return false;
        scanner.skip_spaces();
      } else if (scanner.skip_spaces() == 0) {
        return false;
      }
    }
    (*channels)[i] = scanner.digits();
    if ((*channels)[i].empty() || (percent && !scanner.eat('%'))) return false;
  }
  match_optional_alpha(scanner, comma ? ',' : '/');
  return match_close(scanner);
}

// Which of the four rgb regexes could match `text`: they agree up to the first channel's digits,
// and then only one variant can go on -- a '%' next rules out the plain ones, and the first
// separator (',' after optional spaces, or spaces then a digit) rules out the other pair. So one
// match_rgb() call decides instead of up to four. False: none can match.
bool rgb_variant(std::string_view text, bool* percent, bool* comma) noexcept {
  Scanner scanner(text);
  if (!scanner.eat("rgb")) return false;
  scanner.eat('a');
  if (!scanner.eat('(')) return false;
  scanner.skip_spaces();
  if (scanner.digits().empty()) return false;
  *percent = scanner.eat('%');
  scanner.skip_spaces();
  *comma = scanner.peek(',');
  return true;
}

// ^hsla?\(\s*(\d+)(deg|rad|grad|turn)?\s*,\s*(\d+)%\s*,\s*(\d+)%(?:\s*,\s*ALPHA)?\s*\)$
bool match_hsl(std::string_view text, Channels* channels, double* hue_factor) noexcept {
  Scanner scanner(text);
  if (!scanner.eat("hsl")) return false;
  scanner.eat('a');
  if (!scanner.eat('(')) return false;
  scanner.skip_spaces();
  (*channels)[0] = scanner.digits();
  if ((*channels)[0].empty()) return false;
  // css-unit-converter's factors to degrees; no unit means degrees.
  *hue_factor = 1;
  if (scanner.eat("rad")) {
    *hue_factor = 180 / std::numbers::pi;
  } else if (scanner.eat("grad")) {
    *hue_factor = 0.9;
  } else if (scanner.eat("turn")) {
    *hue_factor = 360;
  } else {
    scanner.eat("deg");
  }
  for (std::size_t i = 1; i < 3; ++i) {
    scanner.skip_spaces();
    if (!scanner.eat(',')) return false;
    scanner.skip_spaces();
    (*channels)[i] = scanner.digits();
    if ((*channels)[i].empty() || !scanner.eat('%')) return false;
  }
  match_optional_alpha(scanner, ',');
  return match_close(scanner);
}

// parseInt / parseFloat of a run of ASCII digits: the correctly rounded double, or Infinity.
double parse_digits(std::string_view digits) noexcept {
  // Up to 15 digits the integer is exact in a double, and summing it is far cheaper than the
  // general conversion, which the longer runs still take.
  if (digits.size() <= 15) {
    std::uint64_t integer = 0;
    for (const char digit : digits) integer = integer * 10 + static_cast<unsigned>(digit - '0');
    return static_cast<double>(integer);
  }
  double value = 0;
  const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec == std::errc::result_out_of_range) return std::numeric_limits<double>::infinity();
  return value;
}

// parseInt(String(value), 10): the integer part, except that JS prints |value| >= 1e21 and
// |value| < 1e-6 in exponent form, of which parseInt keeps only the leading digit.
double js_parse_int_of_number(double value) noexcept {
  // JS prints exactly the doubles in [1e-6, 1e21) in plain decimal (1e21 is a double, and the
  // double nearest 1e-6 prints as "0.000001"), so parseInt sees the integer part.
  const double magnitude = std::fabs(value);
  if (magnitude >= 1e-6 && magnitude < 1e21) return std::trunc(value);
  if (!std::isfinite(value)) return kNaN;
  if (value == 0) return 0;
  char buffer[32];
  const auto result =
      std::to_chars(std::begin(buffer), std::end(buffer), value, std::chars_format::scientific);
  const std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));
  const std::size_t e = text.find('e');
  int exponent = 0;
  std::from_chars(text.data() + e + (text[e + 1] == '+' ? 2 : 1), text.data() + text.size(),
                  exponent);
  if (exponent >= 21 || exponent <= -7) {
    const double digit = text[0] == '-' ? -(text[1] - '0') : text[0] - '0';
    return digit;
  }
  return std::trunc(value);
}

// css-color-converter's Color constructor: Math.max(Math.min(parseInt(v, 10), 255), 0), NaN
// passing through.
double color_channel(double value) noexcept {
  const double parsed = js_parse_int_of_number(value);
  if (std::isnan(parsed)) return parsed;
  return std::max(std::min(parsed, 255.0), 0.0);
}

// JS Math.round: nearest integer, halves towards +Infinity.
double js_math_round(double value) noexcept {
  if (!std::isfinite(value)) return value;
  double rounded = std::floor(value);
  if (value - rounded >= 0.5) rounded += 1;  // Exact: value - floor(value) never rounds.
  return rounded;
}

struct Rgb {
  double r, g, b;
};

Rgb rgb_of(const CssNamedColor& named) noexcept {
  return {static_cast<double>(named.r), static_cast<double>(named.g), static_cast<double>(named.b)};
}

Rgb color_from(double r, double g, double b) noexcept {
  return {color_channel(r), color_channel(g), color_channel(b)};
}

// css-color-converter's hslToRgb, operation for operation (hue is deliberately not reduced).
Rgb hsl_to_rgb(double h, double s, double l) noexcept {
  const double hprim = h / 60;
  const double sprim = s / 100;
  const double lprim = l / 100;
  const double c = (1 - std::fabs(2 * lprim - 1)) * sprim;
  const double x = c * (1 - std::fabs(std::fmod(hprim, 2) - 1));
  const double m = lprim - c / 2;
  double rprim = c, gprim = 0, bprim = x;
  if (hprim < 1) {
    rprim = c, gprim = x, bprim = 0;
  } else if (hprim < 2) {
    rprim = x, gprim = c, bprim = 0;
  } else if (hprim < 3) {
    rprim = 0, gprim = c, bprim = x;
  } else if (hprim < 4) {
    rprim = 0, gprim = x, bprim = c;
  } else if (hprim < 5) {
    rprim = x, gprim = 0, bprim = c;
  }
  return color_from((rprim + m) * 255, (gprim + m) * 255, (bprim + m) * 255);
}

// css-color-converter's fromString(text)?.toRgbaArray() without the alpha.
std::optional<Rgb> parse_css_color(std::string_view text) noexcept {
  if (!text.empty() && text[0] == '#') {
    const std::size_t count = text.size() - 1;
    if (count != 3 && count != 4 && count != 6 && count != 8) return std::nullopt;
    int values[8];
    for (std::size_t i = 0; i < count; ++i) {
      values[i] = kHexValues[static_cast<unsigned char>(text[i + 1])];
      if (values[i] == kNotHex) return std::nullopt;
    }
    if (count >= 6) {
      return Rgb{static_cast<double>(values[0] * 16 + values[1]),
                 static_cast<double>(values[2] * 16 + values[3]),
                 static_cast<double>(values[4] * 16 + values[5])};
    }
    return Rgb{static_cast<double>(values[0] * 17), static_cast<double>(values[1] * 17),
               static_cast<double>(values[2] * 17)};
  }
  // No CSS name starts with '#', so testing hex first (the common case) changes nothing.
  if (const CssNamedColor* named = find_css_name(text)) {
    return rgb_of(*named);
  }
  Channels channels;
  bool percent = false;
  bool comma = false;
  if (rgb_variant(text, &percent, &comma) && match_rgb(text, percent, comma, &channels)) {
    double values[3];
    for (std::size_t i = 0; i < 3; ++i) {
      values[i] = parse_digits(channels[i]);
      if (percent) values[i] = values[i] * 255 / 100;
    }
    return color_from(values[0], values[1], values[2]);
  }
  double hue_factor = 1;
  if (match_hsl(text, &channels, &hue_factor)) {
    // css-unit-converter rounds to 5 decimals by default.
    const double hue = js_math_round(hue_factor * parse_digits(channels[0]) * 100000) / 100000;
    return hsl_to_rgb(hue, parse_digits(channels[1]), parse_digits(channels[2]));
  }
  return std::nullopt;
}

// +value.toFixed(2) for finite value >= 0: the exact decimal value of the double rounded to
// hundredths, ties up. fma gives the exact sign of value*100 - k, so no double rounding slips in.
double js_to_fixed_2(double value) noexcept {
  if (!std::isfinite(value)) return value;
  double hundredths = std::floor(value * 100);
  while (std::fma(value, 100, -hundredths) < 0) hundredths -= 1;
  while (std::fma(value, 100, -(hundredths + 1)) >= 0) hundredths += 1;
  if (std::fma(value, 100, -(hundredths + 0.5)) >= 0) hundredths += 1;
  return hundredths / 100;  // The double nearest to the decimal, as parsing "0.66" gives.
}

// hundredths / 100 for each possible brightness, a load instead of a division on the way to the
// text colour.
constexpr auto kHundredths = [] {
  std::array<double, 101> values{};
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<double>(i) / 100;
  return values;
}();

double brightness_of(const Rgb& rgb) noexcept {
  // Channels are integers in [0, 255] (or NaN), so the weighted sum is an exact integer.
  const double sum = rgb.r * 299 + rgb.g * 587 + rgb.b * 114;
  if (std::isnan(sum)) return sum;
  const auto weighted = static_cast<std::int64_t>(sum);
  // Away from a tie (sum / 2550 exactly halfway between hundredths) the division's rounding
  // error cannot change the rounding, so integers give the answer. At a tie, the exact value of
  // the double quotient decides, as it does for toFixed (0.115 -> 0.12 but 0.185 -> 0.18).
  if (weighted % 2550 != 1275) {
    const std::int64_t hundredths = (2 * weighted + 2550) / 5100;  // round(weighted / 2550)
    return kHundredths[hundredths];
  }
  return js_to_fixed_2(sum / 255000);
}

}  // namespace

bool is_hex_color(std::string_view color) noexcept {
  return (color.size() == 3 || color.size() == 6) &&
         std::all_of(color.begin(), color.end(), is_ascii_hex_digit);
}

bool is_css_color(std::string_view color) noexcept { return parse_css_color(color).has_value(); }

std::optional<std::string> normalize_color(std::string_view color) {
  if (const NamedColor* named = find_named(color)) return std::string(named->name);
  if (const ColorAlias* alias = find_alias(color)) return std::string(alias->name);
  if (is_hex_color(color)) return "#" + ascii_lower(color);
  // Lower-casing the whole string equals JS toLowerCase() here: an accepted colour holds only
  // ASCII and JS white space, which has no case mapping.
  if (is_css_color(js_space_trim(color))) return ascii_lower(color);
  return std::nullopt;
}

std::optional<std::string> to_svg_color(std::string_view color) {
  std::string storage;
  const std::optional<SvgColor> svg_color = resolve_svg_color(color, &storage);
  if (!svg_color) return std::nullopt;
  return std::string(svg_color->value);
}

namespace {

// A palette colour with its brightness, worked out once: badges mostly use the palette.
SvgColor palette_color(const NamedColor& named) {
  static const std::array<double, kNamedColors.size()> kBrightness = [] {
    std::array<double, kNamedColors.size()> values{};
    for (std::size_t i = 0; i < kNamedColors.size(); ++i) {
      values[i] = brightness(kNamedColors[i].hex);
    }
    return values;
  }();
  return SvgColor{named.hex, kBrightness[static_cast<std::size_t>(&named - kNamedColors.data())]};
}

}  // namespace

std::optional<SvgColor> resolve_svg_color(std::string_view color, std::string* storage) {
  if (const ColorName* name = find_color_name(color)) {
    if (name->palette != kNoIndex) return palette_color(kNamedColors[name->palette]);
    if (name->alias != kNoIndex) {
      return palette_color(*find_named(kColorAliases[name->alias].name));
    }
    // A CSS name: no hex colour (kCssNamesAreNotHex), nothing to trim or lower-case.
    return SvgColor{color, brightness_of(rgb_of(kCssNamedColors[name->css]))};
  }
  if (is_hex_color(color)) {
    storage->assign(1, '#');
    storage->append(color);
    ascii_lower_in_place(*storage);
    return SvgColor{*storage, brightness(*storage)};
  }
  const std::string_view trimmed = js_space_trim(color);
  const std::optional<Rgb> rgb = parse_css_color(trimmed);
  if (!rgb) return std::nullopt;
  // Only hex digits can be upper case in an accepted colour, so anything but a '#' colour is
  // already its own lower-cased form and needs no copy.
  std::string_view value = color;
  if (trimmed.front() == '#') {
    storage->assign(color);
    ascii_lower_in_place(*storage);
    value = *storage;
  }
  // brightness() of the normalized string parses it untrimmed, so surrounding white space makes
  // it 0. Otherwise it is the trimmed string lower-cased, which parses to the same RGB, so the
  // parse above serves.
  return SvgColor{value, trimmed.size() == color.size() ? brightness_of(*rgb) : 0};
}

double brightness(std::string_view color) noexcept {
  if (color.empty()) return 0;
  const std::optional<Rgb> rgb = parse_css_color(color);
  if (!rgb) return 0;
  return brightness_of(*rgb);
}

}  // namespace badgesmith::badges
