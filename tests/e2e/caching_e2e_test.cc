// Conditional requests on /favicon.svg: strong ETag, If-None-Match with weak comparison, lists
// and "*", and a bodiless 304 that keeps the connection's framing intact.
#include <regex>

#include "harness.h"

namespace badgesmith::e2e {
namespace {

class CachingE2eTest : public SharedServerTest {
 protected:
  static void SetUpTestSuite() { start_shared_server(); }
  static void TearDownTestSuite() { stop_shared_server(); }

  static std::optional<HttpResponse> get_favicon(std::string_view extra_headers = {}) {
    return round_trip(port(), make_request("GET", "/favicon.svg", extra_headers));
  }

  // The current ETag, read from an unconditional GET.
  static std::string current_etag() {
    const auto response = get_favicon();
    return response ? response->header("ETag").value_or("") : "";
  }
};

TEST_F(CachingE2eTest, FaviconIsCacheableSvg) {
  const auto response = get_favicon();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->header("Content-Type"), "image/svg+xml");
  EXPECT_EQ(response->header("Cache-Control"), "public, max-age=86400");
  EXPECT_TRUE(has_common_headers(*response));
  EXPECT_TRUE(response->body.starts_with("<svg")) << response->body;
  EXPECT_TRUE(response->body.ends_with("</svg>"));
  const auto etag = response->header("ETag");
  ASSERT_TRUE(etag);
  // Strong (no W/ prefix), quoted, and derived from the content (a SHA-256 in hex).
  EXPECT_TRUE(std::regex_match(*etag, std::regex(R"("[0-9a-f]{64}")"))) << *etag;
}

TEST_F(CachingE2eTest, EtagIsStable) {
  const std::string first = current_etag();
  ASSERT_FALSE(first.empty());
  EXPECT_EQ(current_etag(), first);
  const auto head = round_trip(port(), make_request("HEAD", "/favicon.svg"), /*for_head=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->header("ETag"), first);
}

TEST_F(CachingE2eTest, MatchingIfNoneMatchIs304) {
  const std::string etag = current_etag();
  ASSERT_FALSE(etag.empty());
  const std::vector<std::string> matching = {
      etag,                            // Exact.
      "W/" + etag,                     // Weak comparison ignores W/.
      "\"nope\", " + etag,             // A list.
      "\"a\",W/" + etag + " , \"b\"",  // A list without and with spaces.
      "*",                             // Any representation.
  };
  for (const std::string& value : matching) {
    SCOPED_TRACE(value);
    const auto response = get_favicon("If-None-Match: " + value + "\r\n");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 304);
    EXPECT_TRUE(response->body.empty());
    EXPECT_TRUE(has_common_headers(*response));  // Also: no Content-Length on a 304.
    EXPECT_EQ(response->header("ETag"), etag);
    EXPECT_EQ(response->header("Cache-Control"), "public, max-age=86400");
  }
}

TEST_F(CachingE2eTest, NonMatchingIfNoneMatchIs200) {
  const std::string etag = current_etag();
  ASSERT_GE(etag.size(), 4U);
  std::string altered = etag;
  altered[1] = altered[1] == 'a' ? 'b' : 'a';
  for (const std::string& value : std::vector<std::string>{altered, "\"nope\"", "\"a\", \"b\"",
                                                           etag.substr(1, etag.size() - 2)}) {
    SCOPED_TRACE(value);
    const auto response = get_favicon("If-None-Match: " + value + "\r\n");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_FALSE(response->body.empty());
  }
}

TEST_F(CachingE2eTest, HeadHonoursIfNoneMatch) {
  const std::string etag = current_etag();
  const auto response =
      round_trip(port(), make_request("HEAD", "/favicon.svg", "If-None-Match: " + etag + "\r\n"),
                 /*for_head=*/true);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 304);
  EXPECT_FALSE(response->has_header("Content-Length"));
}

TEST_F(CachingE2eTest, NotModifiedKeepsPipelineFraming) {
  // A 304 carries no body; if any byte leaked, the next response would not parse.
  const std::string etag = current_etag();
  auto connection = HttpConnection::open(port());
  ASSERT_TRUE(connection);
  ASSERT_TRUE(
      connection->send(make_request("GET", "/favicon.svg", "If-None-Match: " + etag + "\r\n") +
                       make_request("GET", "/favicon.svg") +
                       make_request("GET", "/favicon.svg", "If-None-Match: *\r\n")));
  for (const int expected : {304, 200, 304}) {
    const auto response = connection->read_response();
    ASSERT_TRUE(response) << connection->error();
    EXPECT_EQ(response->status, expected);
  }
  EXPECT_EQ(connection->wait_closed(Millis(100)), HttpConnection::CloseWait::kTimedOut)
      << connection->pending();
}

TEST_F(CachingE2eTest, IfModifiedSinceWithoutLastModifiedIs200) {
  // The favicon has no Last-Modified, so a date cannot validate it.
  const auto response = get_favicon("If-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT\r\n");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_FALSE(response->has_header("Last-Modified"));
}

TEST_F(CachingE2eTest, HealthIsNeverCached) {
  const auto response = round_trip(port(), make_request("GET", "/health", "If-None-Match: *\r\n"));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->header("Cache-Control"), "no-store");
  EXPECT_FALSE(response->has_header("ETag"));
}

}  // namespace
}  // namespace badgesmith::e2e
