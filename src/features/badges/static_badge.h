// GET /badge/{content...}: shields' static badge grammar. `{label}-{message}-{color}` or
// `{message}-{color}`, where `--` is a literal dash, `__` a literal underscore and `_` a space.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "features/badges/badge_response.h"

namespace badgesmith::badges {

struct StaticBadgeContent {
  std::string label;
  std::string message;
  std::string color;
};

// Removes a case-sensitive ".svg" or ".json" suffix from `content` and returns the format it
// names; nullopt (content unchanged) without one. The colour cannot contain '.', so such a
// suffix can only ever be the extension of shields' route.
std::optional<Format> take_format_suffix(std::string_view& content);

// Splits `content` (the path after "/badge/", its format suffix already taken) with shields'
// route expression
//   ((?:[^-]|--)*?)-?((?:[^-]|--)*)-((?:[^-.]|--)+)
// with the same lazy/greedy preferences, on the raw, still-encoded text; then decodes label and
// message (`__`→`_`, lone `_`→space, `--`→`-`) and finally percent-decodes all three. With
// `is_decoded` (API Gateway paths) the percent-decoding step is skipped: an encoded `-`, `_` or
// `/` then cannot be told from a literal one (docs/badges.md). Linear time in the input.
// Fails with kInvalidArgument (INVALID_BADGE_CONTENT) when the content does not match, or
// (INVALID_UTF8) when the decoded text is not UTF-8.
Result<StaticBadgeContent> parse_static_badge_content(std::string_view content, bool is_decoded);

// shields' escapeFormat: within each run of underscores, pairs become one `_` and an odd last
// one becomes a space; then `--` becomes `-`.
std::string unescape_badge_text(std::string_view text);

}  // namespace badgesmith::badges
