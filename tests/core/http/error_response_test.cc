#include "core/http/error_response.h"

#include <gtest/gtest.h>

namespace badgesmith::http {
namespace {

TEST(ErrorResponse, StatusForEveryCode) {
  const std::pair<Errc, int> cases[] = {
      {Errc::kInvalidArgument, 400},     {Errc::kUnauthorized, 401},
      {Errc::kForbidden, 403},           {Errc::kNotFound, 404},
      {Errc::kMethodNotAllowed, 405},    {Errc::kConflict, 409},
      {Errc::kPayloadTooLarge, 413},     {Errc::kUriTooLong, 414},
      {Errc::kHeadersTooLarge, 431},     {Errc::kUpstreamInvalid, 502},
      {Errc::kUpstreamUnavailable, 503}, {Errc::kInternal, 500},
  };
  for (const auto& [code, status] : cases) EXPECT_EQ(status_for(code), status);
}

TEST(ErrorResponse, BodyShapeMatchesTheDotNetService) {
  const Response with_details = error_response(
      make_error(Errc::kNotFound, "Package 'x\"y' not found", "PACKAGE_NOT_FOUND", "package"));
  EXPECT_EQ(with_details.status, 404);
  EXPECT_EQ(with_details.body,
            R"({"message":"Package 'x\"y' not found","error_details":[{"error_code":)"
            R"("PACKAGE_NOT_FOUND","property_name":"package"}]})");
  EXPECT_EQ(with_details.headers.get("Content-Type"), "application/json; charset=utf-8");

  EXPECT_EQ(error_response(make_error(Errc::kConflict, "dup")).body, R"({"message":"dup"})");
}

TEST(ErrorResponse, InternalErrorsNeverShowTheirMessage) {
  const Response response =
      error_response(make_error(Errc::kInternal, "sqlite: disk I/O at /secret", "X", "y"));
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.body, R"({"message":"The request could not be processed"})");
}

TEST(ErrorResponse, UnavailableCarriesRetryAfterOfAtLeastOneSecond) {
  Error error = make_error(Errc::kUpstreamUnavailable, "busy");
  EXPECT_EQ(error_response(error).headers.get("Retry-After"), "1");
  error.retry_after = std::chrono::seconds(7);
  EXPECT_EQ(error_response(error).headers.get("Retry-After"), "7");
  EXPECT_FALSE(
      error_response(make_error(Errc::kUpstreamInvalid, "bad")).headers.get("Retry-After"));
}

}  // namespace
}  // namespace badgesmith::http
