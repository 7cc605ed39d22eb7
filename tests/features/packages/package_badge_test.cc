#include "features/packages/package_badge.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace badgesmith::packages {
namespace {

http::Request request_with_query(std::string query) {
  http::Request request;
  request.method = "GET";
  request.path = "/badges/packages/nuget/Newtonsoft.Json";
  request.query = std::move(query);
  return request;
}

nuget::NuGetVersion version(std::string_view text) {
  auto parsed = nuget::parse_version(text);
  EXPECT_TRUE(parsed) << text;
  return parsed.value_or(nuget::NuGetVersion());
}

TEST(VersionQuery, DefaultsToAnyStableVersionAsJson) {
  const auto query = parse_version_query(request_with_query(""));
  ASSERT_TRUE(query);
  EXPECT_EQ(query.value().format, badges::Format::kJson);
  EXPECT_FALSE(query.value().include_prerelease);
  EXPECT_TRUE(query.value().range.satisfies(version("99.0.0"), false));
}

TEST(VersionQuery, PrereleaseIsParsedAsDotNetBoolParse) {
  for (const char* yes : {"true", "True", "TRUE", "%20true%20", "%09tRuE"}) {
    const auto query = parse_version_query(request_with_query(std::string("prerelease=") + yes));
    ASSERT_TRUE(query) << yes;
    EXPECT_TRUE(query.value().include_prerelease) << yes;
  }
  for (const char* no : {"false", "1", "yes", "", "truee", "t rue"}) {
    const auto query = parse_version_query(request_with_query(std::string("prerelease=") + no));
    ASSERT_TRUE(query) << no;
    EXPECT_FALSE(query.value().include_prerelease) << no;
  }
}

TEST(VersionQuery, RangeAndFormat) {
  const auto query = parse_version_query(request_with_query("version=%5B1.0%2C2.0%29&format=svg"));
  ASSERT_TRUE(query);
  EXPECT_EQ(query.value().format, badges::Format::kSvg);
  EXPECT_TRUE(query.value().range.satisfies(version("1.5"), false));
  EXPECT_FALSE(query.value().range.satisfies(version("2.0"), false));
}

TEST(VersionQuery, BadInputIsA400WithTheDotNetCodes) {
  const auto range = parse_version_query(request_with_query("version=%281.0%29"));
  ASSERT_FALSE(range);
  EXPECT_EQ(range.error().code, Errc::kInvalidArgument);
  EXPECT_EQ(range.error().error_code, "PACKAGE_RANGE_INVALID");
  EXPECT_EQ(range.error().property, "versionRange");
  const auto format = parse_version_query(request_with_query("format=png"));
  ASSERT_FALSE(format);
  EXPECT_EQ(format.error().error_code, "INVALID_FORMAT");
}

TEST(RetryAfter, SecondsAndDatesAreClampedToAnHour) {
  http::Headers headers;
  EXPECT_FALSE(retry_after_of(headers));
  headers.set("Retry-After", "120");
  EXPECT_EQ(retry_after_of(headers), std::chrono::seconds(120));
  headers.set("Retry-After", "0");
  EXPECT_EQ(retry_after_of(headers), std::chrono::seconds(1));
  headers.set("Retry-After", "999999");
  EXPECT_EQ(retry_after_of(headers), std::chrono::seconds(3600));
  headers.set("Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT");  // In the past.
  EXPECT_EQ(retry_after_of(headers), std::chrono::seconds(1));
  headers.set("Retry-After", "soon");
  EXPECT_FALSE(retry_after_of(headers));
}

TEST(UpstreamFailure, RetryableStatusesAreUnavailableWithAHint) {
  http::ClientResponse response;
  response.status = 503;
  Error error = upstream_failure(response, "NuGet");
  EXPECT_EQ(error.code, Errc::kUpstreamUnavailable);
  EXPECT_EQ(error.error_code, "UPSTREAM_UNAVAILABLE");
  EXPECT_EQ(error.retry_after, std::chrono::seconds(30));
  response.status = 429;
  response.headers.set("Retry-After", "7");
  EXPECT_EQ(upstream_failure(response, "NuGet").retry_after, std::chrono::seconds(7));
  response.status = 400;
  error = upstream_failure(response, "NuGet");
  EXPECT_EQ(error.code, Errc::kUpstreamInvalid);
  EXPECT_EQ(error.message, "NuGet answered HTTP 400");
}

TEST(PackageError, ClientErrorsGetACodeAndAHint) {
  Error timeout = package_error(make_error(Errc::kUpstreamUnavailable, "timed out"));
  EXPECT_EQ(timeout.error_code, "UPSTREAM_UNAVAILABLE");
  EXPECT_EQ(timeout.retry_after, std::chrono::seconds(30));
  Error limited = make_error(Errc::kUpstreamUnavailable, "gate", "UPSTREAM_RATE_LIMITED");
  limited.retry_after = std::chrono::seconds(3);
  EXPECT_EQ(package_error(limited).error_code, "UPSTREAM_RATE_LIMITED");
  EXPECT_EQ(package_error(limited).retry_after, std::chrono::seconds(3));
  EXPECT_EQ(package_error(make_error(Errc::kUpstreamInvalid, "x")).error_code, "UPSTREAM_INVALID");
  const Error not_found =
      package_error(make_error(Errc::kNotFound, "gone", "PACKAGE_NOT_FOUND", "packageId"));
  EXPECT_EQ(not_found.error_code, "PACKAGE_NOT_FOUND");
  EXPECT_EQ(not_found.retry_after, std::chrono::seconds(0));
}

TEST(VersionBadge, NewestAllowedVersionWithProviderColours) {
  cache::ResultCache<PackageVersions>::Lookup lookup;
  lookup.value = std::make_shared<const PackageVersions>(
      PackageVersions{{version("1.0.0"), version("2.0.0-beta"), version("1.5.0")}, "\"e\""});
  lookup.changed_at = std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));
  const VersionBadgeStyle style{"nuget", "blue", "nuget"};
  const http::Request request = request_with_query("");
  auto query = parse_version_query(request);
  ASSERT_TRUE(query);
  http::Response stable = build_version_badge(query.value(), lookup, style, "public");
  EXPECT_EQ(stable.status, 200);
  EXPECT_EQ(stable.body, R"({"schemaVersion":1,"label":"nuget","message":"1.5.0","color":"blue",)"
                         R"("namedLogo":"nuget"})");
  EXPECT_EQ(stable.headers.get("Last-Modified"), "Tue, 14 Nov 2023 22:13:20 GMT");
  EXPECT_EQ(stable.headers.get("Cache-Control"), "public");

  query.value().include_prerelease = true;
  http::Response pre = build_version_badge(query.value(), lookup, style, "public");
  EXPECT_NE(pre.body.find(R"("message":"2.0.0-beta","color":"orange")"), std::string::npos);

  auto none = parse_version_query(request_with_query("version=%5B3.0%5D"));
  ASSERT_TRUE(none);
  http::Response missing = build_version_badge(none.value(), lookup, style, "public");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("VERSION_NOT_FOUND"), std::string::npos);
}

TEST(BadgeMemo, BuildsOncePerSourceAndAnswersValidators) {
  BadgeMemo memo;
  int builds = 0;
  const auto build = [&builds] {
    ++builds;
    http::Response response;
    response.body = "badge " + std::to_string(builds);
    http::set_cache_headers(response, {"public", std::nullopt});
    return response;
  };
  http::Request request = request_with_query("format=svg");
  auto source = std::make_shared<const int>(1);
  const http::Response first = memo.respond(request, source, build);
  EXPECT_EQ(memo.respond(request, source, build).body, first.body);
  EXPECT_EQ(builds, 1);
  // Another query is another badge; a new upstream value rebuilds.
  EXPECT_EQ(memo.respond(request_with_query("format=json"), source, build).body, "badge 2");
  EXPECT_EQ(memo.respond(request, std::make_shared<const int>(1), build).body, "badge 3");
  request.headers.set("If-None-Match", std::string(*first.headers.get("ETag")));
  const http::Response revalidated = memo.respond(request, source, build);
  EXPECT_EQ(revalidated.status, 200);  // The memoised ETag is for "badge 3" now.
  request.headers.set(
      "If-None-Match",
      std::string(
          *memo.respond(request_with_query("format=svg"), source, build).headers.get("ETag")));
  EXPECT_EQ(memo.respond(request, source, build).status, 304);
}

TEST(BadgeMemo, StaysWithinItsBound) {
  BadgeMemo memo(4);
  int builds = 0;
  auto source = std::make_shared<const int>(1);
  for (int i = 0; i < 10; ++i) {
    memo.respond(request_with_query("n=" + std::to_string(i)), source, [&builds] {
      ++builds;
      return http::Response{};
    });
  }
  EXPECT_EQ(builds, 10);
  // The last one is still memoised after the starts-over.
  memo.respond(request_with_query("n=9"), source, [&builds] {
    ++builds;
    return http::Response{};
  });
  EXPECT_EQ(builds, 10);
}

}  // namespace
}  // namespace badgesmith::packages
