#include "core/http/cache_headers.h"

#include <gtest/gtest.h>

namespace badgesmith::http {
namespace {

TEST(CacheHeaders, StrongEtagIsQuotedSha256) {
  EXPECT_EQ(strong_etag(""),
            "\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"");
  EXPECT_EQ(strong_etag("abc"),
            "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"");
}

TEST(CacheHeaders, IfNoneMatchUsesWeakComparison) {
  struct Case {
    const char* field;
    bool matches;
  } cases[] = {
      {"\"abc\"", true},
      {"W/\"abc\"", true},
      {"*", true},
      {"\"x\", \"abc\"", true},
      {" \"x\" ,W/\"abc\" ", true},
      {"\"abd\"", false},
      {"\"ABC\"", false},
      {"abc", false},
      {"", false},
      {",,", false},
      {"\"x\", *", true},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(if_none_match_matches(c.field, "\"abc\""), c.matches) << c.field;
    EXPECT_EQ(if_none_match_matches(c.field, "W/\"abc\""), c.matches) << c.field;
  }
}

TEST(CacheHeaders, HttpDatesRoundTripAndAcceptObsoleteForms) {
  EXPECT_EQ(format_http_date(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777);
  EXPECT_EQ(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), 784111777);
  EXPECT_EQ(parse_http_date("Sun Nov  6 08:49:37 1994"), 784111777);
  EXPECT_FALSE(parse_http_date("yesterday"));
  EXPECT_FALSE(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT trailing"));
  EXPECT_FALSE(parse_http_date(std::string(200, 'x')));
}

Response ok_response() {
  Response response;
  response.body = "hello";
  return response;
}

Request get_request() {
  Request request;
  request.method = "GET";
  return request;
}

TEST(CacheHeaders, SetsHeadersAndAnswers304OnMatchingEtag) {
  const CachePolicy policy{"public, max-age=60", 1000};
  Request request = get_request();
  Response response = ok_response();
  apply_cache_policy(request, response, policy);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.headers.get("Cache-Control"), "public, max-age=60");
  EXPECT_EQ(response.headers.get("Last-Modified"), "Thu, 01 Jan 1970 00:16:40 GMT");
  const std::string etag(*response.headers.get("ETag"));

  request.headers.set("If-None-Match", "W/" + etag);
  Response conditional = ok_response();
  apply_cache_policy(request, conditional, policy);
  EXPECT_EQ(conditional.status, 304);
  EXPECT_TRUE(conditional.body.empty());
  EXPECT_EQ(conditional.headers.get("ETag"), etag);
}

TEST(CacheHeaders, IfModifiedSinceOnlyWithoutIfNoneMatch) {
  const CachePolicy policy{"no-cache", 1000};
  Request request = get_request();
  request.headers.set("If-Modified-Since", format_http_date(1000));
  Response same_time = ok_response();
  apply_cache_policy(request, same_time, policy);
  EXPECT_EQ(same_time.status, 304);

  request.headers.set("If-Modified-Since", format_http_date(999));
  Response older = ok_response();
  apply_cache_policy(request, older, policy);
  EXPECT_EQ(older.status, 200);

  // RFC 9110 §13.1.3: If-None-Match takes precedence, even when it does not match.
  request.headers.set("If-Modified-Since", format_http_date(2000));
  request.headers.set("If-None-Match", "\"other\"");
  Response precedence = ok_response();
  apply_cache_policy(request, precedence, policy);
  EXPECT_EQ(precedence.status, 200);

  Request invalid_date = get_request();
  invalid_date.headers.set("If-Modified-Since", "garbage");
  Response ignored = ok_response();
  apply_cache_policy(invalid_date, ignored, policy);
  EXPECT_EQ(ignored.status, 200);
}

TEST(CacheHeaders, NeverAnswers304ToUnsafeMethods) {
  Request request;
  request.method = "POST";
  request.headers.set("If-None-Match", "*");
  Response response = ok_response();
  apply_cache_policy(request, response, {"no-store", std::nullopt});
  EXPECT_EQ(response.status, 200);
  EXPECT_FALSE(response.headers.get("Last-Modified"));
}

}  // namespace
}  // namespace badgesmith::http
