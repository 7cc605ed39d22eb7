#include "core/http/cache_headers.h"

#include <array>
#include <cstdio>
#include <ctime>

#include "core/hex.h"
#include "core/security/digest.h"

namespace badgesmith::http {

namespace {

std::string_view opaque_tag(std::string_view tag) {
  if (tag.size() >= 2 && tag[0] == 'W' && tag[1] == '/') tag.remove_prefix(2);
  return tag;
}

std::optional<std::int64_t> parse_with(std::string_view text, const char* format) {
  std::tm tm{};
  const std::string copy(text);
  const char* end = strptime(copy.c_str(), format, &tm);
  if (end == nullptr || *end != '\0') return std::nullopt;
  return static_cast<std::int64_t>(timegm(&tm));
}

}  // namespace

std::string strong_etag(std::string_view body) {
  // A digest never fails without an OpenSSL provider, and then nothing would work: an ETag of
  // the empty hash only costs revalidations.
  const security::Sha256 digest = security::sha256(body).value_or(security::Sha256{});
  std::string etag;
  etag.reserve(2 + 2 * digest.size());
  etag += '"';
  append_hex(etag, digest.data(), digest.size());
  etag += '"';
  return etag;
}

bool if_none_match_matches(std::string_view field_value, std::string_view etag) {
  const std::string_view wanted = opaque_tag(etag);
  while (!field_value.empty()) {
    const std::size_t comma = field_value.find(',');
    const std::string_view member = trim_ows(field_value.substr(0, comma));
    if (member == "*" || (!member.empty() && opaque_tag(member) == wanted)) return true;
    if (comma == std::string_view::npos) break;
    field_value.remove_prefix(comma + 1);
  }
  return false;
}

std::string format_http_date(std::int64_t unix_seconds) {
  const auto seconds = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buffer[40];
  const int n = std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d GMT",
                              kDays[tm.tm_wday], tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900,
                              tm.tm_hour, tm.tm_min, tm.tm_sec);
  return std::string(buffer, static_cast<std::size_t>(n));
}

std::optional<std::int64_t> parse_http_date(std::string_view text) {
  text = trim_ows(text);
  if (text.size() > 64) return std::nullopt;
  for (const char* format :
       {"%a, %d %b %Y %H:%M:%S GMT", "%A, %d-%b-%y %H:%M:%S GMT", "%a %b %e %H:%M:%S %Y"}) {
    if (auto parsed = parse_with(text, format)) return parsed;
  }
  return std::nullopt;
}

void set_cache_headers(Response& response, const CachePolicy& policy) {
  response.headers.set("Cache-Control", policy.cache_control);
  response.headers.set("ETag", strong_etag(response.body));
  if (policy.last_modified) {
    response.headers.set("Last-Modified", format_http_date(*policy.last_modified));
  }
}

void apply_cache_policy(const Request& request, Response& response, const CachePolicy& policy) {
  set_cache_headers(response, policy);
  answer_if_not_modified(request, response);
}

void answer_if_not_modified(const Request& request, Response& response) {
  if (request.method != "GET" && request.method != "HEAD") return;
  bool not_modified = false;
  if (const auto if_none_match = request.headers.get("If-None-Match")) {
    const auto etag = response.headers.get("ETag");
    not_modified = etag && if_none_match_matches(*if_none_match, *etag);
  } else if (const auto if_modified_since = request.headers.get("If-Modified-Since")) {
    const auto last_modified = response.headers.get("Last-Modified");
    const auto modified = last_modified ? parse_http_date(*last_modified) : std::nullopt;
    const auto since = parse_http_date(*if_modified_since);
    not_modified = modified && since && *modified <= *since;
  }
  if (not_modified) {
    response.status = 304;
    response.body.clear();
  }
}

}  // namespace badgesmith::http
