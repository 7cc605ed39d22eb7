// Instants as operators type them on the command line and in seed files, and as commands print
// them: whole seconds, always UTC, so a date means the same day wherever the command runs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace badgesmith::cli {

// Unix seconds of a UTC instant: a date "YYYY-MM-DD" (00:00:00 UTC of that day) or an RFC 3339
// date-time in UTC ("2026-12-01T12:00:00Z", fraction truncated). nullopt for anything else,
// including a numeric offset (a local time is easy to misread as UTC), an impossible date and an
// instant before 1970.
std::optional<std::int64_t> parse_utc_instant(std::string_view text);

// "2026-12-01T00:00:00Z".
std::string format_utc(std::int64_t unix_seconds);

}  // namespace badgesmith::cli
