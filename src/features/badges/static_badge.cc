#include "features/badges/static_badge.h"

#include <vector>

#include "core/routing/path_codec.h"
#include "features/badges/js_string.h"

namespace badgesmith::badges {

namespace {

constexpr std::size_t kNone = std::string_view::npos;

// One unit of `(?:[^-]|--)` (or `(?:[^-.]|--)` for the colour) starting at `pos`: the position
// after it, or kNone. Units are forced: a dash can only start "--".
std::size_t next_unit(std::string_view s, std::size_t pos, bool is_color) {
  if (pos >= s.size()) return kNone;
  if (s[pos] == '-') return pos + 1 < s.size() && s[pos + 1] == '-' ? pos + 2 : kNone;
  if (is_color && s[pos] == '.') return kNone;
  return pos + 1;
}

Error invalid_content() {
  return make_error(Errc::kInvalidArgument,
                    "Badge content must be LABEL-MESSAGE-COLOR or MESSAGE-COLOR",
                    "INVALID_BADGE_CONTENT", "content");
}

Result<std::string> decode(std::string_view text, bool is_decoded) {
  std::string out;
  if (is_decoded) {
    out = std::string(text);
  } else if (!routing::percent_decode(text, out, /*plus_as_space=*/false)) {
    return make_error(Errc::kInvalidArgument, "Invalid percent-encoding in the badge content",
                      "INVALID_PERCENT_ENCODING", "content");
  }
  if (!is_valid_utf8(out)) {
    return make_error(Errc::kInvalidArgument, "Badge content is not valid UTF-8", "INVALID_UTF8",
                      "content");
  }
  return out;
}

}  // namespace

std::string unescape_badge_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '_') {
      std::size_t run = i;
      while (run < text.size() && text[run] == '_') ++run;
      const std::size_t length = run - i;
      out.append(length / 2, '_');
      if (length % 2 == 1) out += ' ';
      i = run;
    } else if (text[i] == '-' && i + 1 < text.size() && text[i + 1] == '-') {
      out += '-';
      i += 2;
    } else {
      out += text[i++];
    }
  }
  return out;
}

std::optional<Format> take_format_suffix(std::string_view& content) {
  for (const auto& [suffix, format] : {std::pair{std::string_view(".svg"), Format::kSvg},
                                       std::pair{std::string_view(".json"), Format::kJson}}) {
    if (content.size() > suffix.size() && content.ends_with(suffix)) {
      content.remove_suffix(suffix.size());
      return format;
    }
  }
  return std::nullopt;
}

Result<StaticBadgeContent> parse_static_badge_content(std::string_view content, bool is_decoded) {
  StaticBadgeContent parsed;
  const std::string_view body = content;
  const std::size_t n = body.size();

  // color_reaches_end[q]: `(?:[^-.]|--)+` starting at q consumes exactly the rest.
  std::vector<bool> color_reaches_end(n + 2, false);
  for (std::size_t q = n; q-- > 0;) {
    const std::size_t next = next_unit(body, q, true);
    color_reaches_end[q] = next != kNone && (next == n || color_reaches_end[next]);
  }
  // best_message_end[q]: the longest message `(?:[^-]|--)*` from q followed by "-" and a colour
  // (greedy, so the farthest valid end wins), or kNone.
  std::vector<std::size_t> best_message_end(n + 1, kNone);
  for (std::size_t q = n + 1; q-- > 0;) {
    const std::size_t next = next_unit(body, q, false);
    if (next != kNone) best_message_end[q] = best_message_end[next];
    if (best_message_end[q] == kNone && q < n && body[q] == '-' && color_reaches_end[q + 1]) {
      best_message_end[q] = q;
    }
  }

  // The label is lazy: try its ends shortest first; for each, `-?` prefers taking the dash.
  std::size_t label_end = 0;
  std::size_t message_start = kNone;
  for (std::size_t l = 0; l != kNone; l = next_unit(body, l, false)) {
    if (l < n && body[l] == '-' && best_message_end[l + 1] != kNone) {
      label_end = l;
      message_start = l + 1;
      break;
    }
    if (best_message_end[l] != kNone) {
      label_end = l;
      message_start = l;
      break;
    }
  }
  if (message_start == kNone) return invalid_content();
  const std::size_t message_end = best_message_end[message_start];

  BOOST_OUTCOME_TRY(label, decode(unescape_badge_text(body.substr(0, label_end)), is_decoded));
  BOOST_OUTCOME_TRY(
      message, decode(unescape_badge_text(body.substr(message_start, message_end - message_start)),
                      is_decoded));
  // shields passes the colour through without the underscore/dash decoding.
  BOOST_OUTCOME_TRY(color, decode(body.substr(message_end + 1), is_decoded));
  parsed.label = std::move(label);
  parsed.message = std::move(message);
  parsed.color = std::move(color);
  return parsed;
}

}  // namespace badgesmith::badges
