// Shared response caching helper: Cache-Control, a strong ETag over the body, Last-Modified, and
// conditional GET (RFC 9110 §13) answered with 304, so every cacheable route agrees on headers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/http/message.h"

namespace badgesmith::http {

struct CachePolicy {
  std::string cache_control;                  // e.g. "public, max-age=300, s-maxage=600".
  std::optional<std::int64_t> last_modified;  // Unix seconds; no Last-Modified when absent.
};

// Sets Cache-Control, ETag (strong, over the final body) and Last-Modified on `response`, then
// answers the request's validators as answer_if_not_modified does.
// REQUIRES: `response` is a 2xx with its final body.
void apply_cache_policy(const Request& request, Response& response, const CachePolicy& policy);

// The first half of apply_cache_policy, for responses built once and served many times.
void set_cache_headers(Response& response, const CachePolicy& policy);

// For GET and HEAD, turns `response` into a 304 without body when If-None-Match matches its ETag
// (weak comparison, lists and `*`) or, only when If-None-Match is absent, when its Last-Modified
// is not after a valid If-Modified-Since (RFC 9110 §13.1-13.2). Otherwise leaves it unchanged.
void answer_if_not_modified(const Request& request, Response& response);

// `"<hex SHA-256 of body>"`.
std::string strong_etag(std::string_view body);

// True when an If-None-Match field value matches `etag` by weak comparison (RFC 9110 §8.8.3.2).
bool if_none_match_matches(std::string_view field_value, std::string_view etag);

// IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
std::string format_http_date(std::int64_t unix_seconds);
// Parses IMF-fixdate, RFC 850 and asctime dates (RFC 9110 §5.6.7); nullopt when invalid.
std::optional<std::int64_t> parse_http_date(std::string_view text);

}  // namespace badgesmith::http
