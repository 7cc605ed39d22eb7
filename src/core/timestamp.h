// RFC 3339 date-times ("2026-11-28T08:00:00.123Z", "2026-11-28T10:00:00+02:00"), as CI clients
// send them in test-result payloads and AWS sends credential expiry times.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace badgesmith {

// Milliseconds since the Unix epoch of an RFC 3339 `date-time` (§5.6): a full date, "T", a time
// with an optional fraction of 1–9 digits (truncated to milliseconds), and "Z" or a ±hh:mm
// offset; "T" and "Z" in either case, as RFC 3339's ABNF allows. nullopt for anything else,
// including an impossible date (2026-02-29), a leap second (:60, which no clock we compare with
// can represent) and a date-only value.
std::optional<std::int64_t> parse_rfc3339_ms(std::string_view text);

// `unix_ms` as "YYYY-MM-DDTHH:MM:SS.mmmZ", the form parse_rfc3339_ms reads back exactly.
// REQUIRES: 0 <= unix_ms < 253402300800000 (years 1970-9999).
std::string format_rfc3339_ms(std::int64_t unix_ms);

}  // namespace badgesmith
