// Percent-encoding (RFC 3986) for request paths and query strings. Everything here is pure and
// thread-safe; the non-allocating helpers are what the router uses while matching.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace badgesmith::routing {

// True when every '%' in `s` is followed by two hex digits (either case). Other bytes, including
// '+' and non-ASCII, are accepted as they are.
bool is_valid_percent_encoding(std::string_view s) noexcept;

// Appends the decoded bytes of `in` to `out`. With `plus_as_space` a '+' becomes ' ' (query
// strings, application/x-www-form-urlencoded); without it '+' stays a literal plus (paths).
// Returns false on invalid encoding; `out` then holds an unspecified prefix.
bool percent_decode(std::string_view in, std::string& out, bool plus_as_space);

// Number of bytes `in` decodes to. REQUIRES: is_valid_percent_encoding(in).
std::size_t percent_decoded_size(std::string_view in) noexcept;

// Decodes `in` into the front of `out` without allocating and returns the number of bytes
// written. REQUIRES: is_valid_percent_encoding(in) and out.size() >= percent_decoded_size(in).
std::size_t percent_decode_into(std::string_view in, std::span<char> out,
                                bool plus_as_space) noexcept;

// True when `encoded`, decoded without plus_as_space, equals `plain` ignoring ASCII case.
// Invalid encoding never compares equal. Does not allocate.
bool decoded_iequals(std::string_view encoded, std::string_view plain) noexcept;

// Case-insensitive comparison of ASCII letters; every other byte must match exactly.
bool ascii_iequals(std::string_view a, std::string_view b) noexcept;

// Looks up `name` in a raw query string (no leading '?'): '&'-separated "key=value" pairs, first
// occurrence wins. Keys are compared case-sensitively after decoding; empty pairs and pairs whose
// key is invalidly encoded are skipped. Returns the value decoded with '+' as space, "" for a key
// without '=', or nullopt when the key is absent or its value is invalidly encoded.
std::optional<std::string> find_query_param(std::string_view query, std::string_view name);

// Encodes every byte except the RFC 3986 unreserved set (ALPHA / DIGIT / "-" / "." / "_" / "~")
// as %XX with upper-case hex, so the result is safe as one path segment or query value.
std::string percent_encode_path_segment(std::string_view segment);

}  // namespace badgesmith::routing
