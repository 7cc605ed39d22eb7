#include "features/packages/package_badge.h"

#include <algorithm>
#include <charconv>

#include "core/ascii.h"
#include "core/http/error_response.h"

namespace badgesmith::packages {

namespace {

constexpr std::string_view kPrereleaseColor = "orange";
constexpr std::chrono::seconds kMinRetryAfter{1};
constexpr std::chrono::seconds kMaxRetryAfter{3600};
// After a timeout or a refused connection: long enough not to be hammered, short for a badge.
constexpr std::chrono::seconds kDefaultRetryAfter{30};

bool dotnet_bool_is_true(std::string_view text) {
  text = nuget::trim_whitespace(text);
  return text.size() == 4 && ascii_lower(text) == "true";
}

std::chrono::seconds clamp_retry_after(std::int64_t seconds) {
  return std::clamp(std::chrono::seconds(seconds), kMinRetryAfter, kMaxRetryAfter);
}

}  // namespace

std::size_t size_of(const PackageVersions& versions) {
  std::size_t bytes = sizeof(PackageVersions) + versions.etag.size();
  for (const nuget::NuGetVersion& version : versions.versions) {
    bytes += sizeof(version) + version.release().size();
  }
  return bytes;
}

Result<VersionQuery> parse_version_query(const http::Request& request) {
  VersionQuery query;
  const auto format = badges::requested_format(request, badges::Format::kJson);
  if (!format) return format.error();
  query.format = format.value();
  if (const auto range_text = request.query_param("version")) {
    auto range = nuget::parse_version_range(*range_text);
    if (!range) {
      return make_error(Errc::kInvalidArgument,
                        "The version range is invalid: " + range.error().message,
                        "PACKAGE_RANGE_INVALID", "versionRange");
    }
    query.range = std::move(range).value();
  }
  if (const auto prerelease = request.query_param("prerelease")) {
    query.include_prerelease = dotnet_bool_is_true(*prerelease);
  }
  return query;
}

http::Response build_package_badge(badges::Format format, const badges::EndpointBadge& badge,
                                   std::chrono::system_clock::time_point changed_at,
                                   std::string_view cache_control) {
  const http::CachePolicy policy{
      std::string(cache_control),
      std::chrono::duration_cast<std::chrono::seconds>(changed_at.time_since_epoch()).count()};
  return badges::endpoint_badge(format, badge, policy);
}

http::Response build_version_badge(const VersionQuery& query,
                                   const cache::ResultCache<PackageVersions>::Lookup& lookup,
                                   const VersionBadgeStyle& style, std::string_view cache_control) {
  const std::optional<nuget::NuGetVersion> newest =
      query.range.best_match(lookup.value->versions, query.include_prerelease);
  if (!newest) {
    return badges::badge_error_response(
        make_error(Errc::kNotFound, "The latest version of the package could not be found",
                   "VERSION_NOT_FOUND", "version"),
        query.format, style.label);
  }
  badges::EndpointBadge badge;
  badge.label = std::string(style.label);
  badge.message = newest->normalized();
  badge.color = std::string(newest->is_prerelease() ? kPrereleaseColor : style.stable_color);
  badge.named_logo = std::string(style.named_logo);
  return build_package_badge(query.format, badge, lookup.changed_at, cache_control);
}

http::Response BadgeMemo::respond(const http::Request& request, std::shared_ptr<const void> source,
                                  const std::function<http::Response()>& build) {
  std::string key = request.path;
  key += '?';
  key += request.query;
  std::shared_ptr<const http::Response> memoised;
  {
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(key);
    if (it != entries_.end() && it->second.source == source) memoised = it->second.response;
  }
  if (!memoised) {
    memoised = std::make_shared<const http::Response>(build());
    std::lock_guard lock(mutex_);
    if (entries_.size() >= max_entries_) entries_.clear();
    entries_[std::move(key)] = Entry{std::move(source), memoised};
  }
  http::Response response = *memoised;
  http::answer_if_not_modified(request, response);
  return response;
}

Error package_error(Error error) {
  if (error.error_code.empty() && error.code == Errc::kUpstreamUnavailable) {
    error.error_code = "UPSTREAM_UNAVAILABLE";
  } else if (error.error_code.empty() && error.code == Errc::kUpstreamInvalid) {
    error.error_code = "UPSTREAM_INVALID";
  }
  if (error.code == Errc::kUpstreamUnavailable && error.retry_after.count() == 0) {
    error.retry_after = kDefaultRetryAfter;
  }
  return error;
}

std::optional<std::chrono::seconds> retry_after_of(const http::Headers& headers) {
  const auto value = headers.get("Retry-After");
  if (!value) return std::nullopt;
  const std::string_view text = http::trim_ows(*value);
  std::int64_t seconds = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (ec == std::errc() && end == text.data() + text.size()) return clamp_retry_after(seconds);
  if (const auto date = http::parse_http_date(text)) {
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    return clamp_retry_after(*date - now);
  }
  return std::nullopt;
}

Error upstream_failure(const http::ClientResponse& response, std::string_view upstream) {
  const int status = response.status;
  if (status == 429 || status >= 500) {
    Error error = make_error(Errc::kUpstreamUnavailable,
                             std::string(upstream) + " is unavailable (HTTP " +
                                 std::to_string(status) + "); retry later",
                             "UPSTREAM_UNAVAILABLE");
    error.retry_after = retry_after_of(response.headers).value_or(kDefaultRetryAfter);
    return error;
  }
  return make_error(Errc::kUpstreamInvalid,
                    std::string(upstream) + " answered HTTP " + std::to_string(status),
                    "UPSTREAM_ERROR");
}

}  // namespace badgesmith::packages
