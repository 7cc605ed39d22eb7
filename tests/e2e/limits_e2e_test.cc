// Pre-routing limits: each refusal has its exact status and JSON body, never a 5xx, and the
// process keeps serving afterwards.
#include "harness.h"

namespace badgesmith::e2e {
namespace {

// A request head of exactly `total` bytes (request line, Host, one padding field, blank line).
std::string head_of_size(std::size_t total) {
  const std::string prefix = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: ";
  const std::string suffix = "\r\n\r\n";
  return prefix + std::string(total - prefix.size() - suffix.size(), 'p') + suffix;
}

// A GET whose request target is exactly `size` bytes.
std::string target_of_size(std::size_t size) {
  return "/health?" + std::string(size - std::string("/health?").size(), 'q');
}

class DefaultLimitsE2eTest : public SharedServerTest {
 protected:
  static void SetUpTestSuite() { start_shared_server(); }
  static void TearDownTestSuite() { stop_shared_server(); }
};

TEST_F(DefaultLimitsE2eTest, HeadAtTheLimitIsServed) {
  const auto response = round_trip(port(), head_of_size(16 * 1024));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
}

TEST_F(DefaultLimitsE2eTest, HeadOverTheLimitIs431) {
  for (const std::size_t size : {std::size_t{16 * 1024 + 1}, std::size_t{64 * 1024}}) {
    SCOPED_TRACE(size);
    auto connection = HttpConnection::open(port());
    ASSERT_TRUE(connection);
    ASSERT_TRUE(connection->send(head_of_size(size)));
    const auto response = connection->read_response();
    EXPECT_TRUE(is_json_error(response, 431, "HEADERS_TOO_LARGE")) << connection->error();
    ASSERT_TRUE(response);
    EXPECT_TRUE(has_common_headers(*response));
    // The rest of the oversized head cannot be framed, so the connection ends.
    EXPECT_TRUE(response->closes_connection());
    EXPECT_NE(connection->wait_closed(), HttpConnection::CloseWait::kTimedOut);
  }
  EXPECT_TRUE(is_healthy(port()));
}

TEST_F(DefaultLimitsE2eTest, HeadWithoutEndOverTheLimitIs431) {
  // Never sends the blank line: the server must not wait for it once the limit is passed.
  auto connection = HttpConnection::open(port());
  ASSERT_TRUE(connection);
  ASSERT_TRUE(connection->send("GET /health HTTP/1.1\r\nX-Pad: " + std::string(20'000, 'p')));
  EXPECT_TRUE(is_json_error(connection->read_response(), 431, "HEADERS_TOO_LARGE"))
      << connection->error();
  EXPECT_TRUE(is_healthy(port()));
}

TEST_F(DefaultLimitsE2eTest, ManySmallHeadersOverTheLimitAre431) {
  std::string extra;
  for (int i = 0; extra.size() <= 17'000; ++i) extra += "X-H" + std::to_string(i) + ": v\r\n";
  EXPECT_TRUE(is_json_error(round_trip(port(), make_request("GET", "/health", extra)), 431,
                            "HEADERS_TOO_LARGE"));
  EXPECT_TRUE(is_healthy(port()));
}

TEST_F(DefaultLimitsE2eTest, TargetAtTheLimitIsRouted) {
  const auto response = round_trip(port(), make_request("GET", target_of_size(4096)));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
}

TEST_F(DefaultLimitsE2eTest, TargetOverTheLimitIs414) {
  for (const std::string& target : {target_of_size(4097), "/" + std::string(8000, 'a')}) {
    SCOPED_TRACE(target.size());
    const auto response = round_trip(port(), make_request("GET", target));
    EXPECT_TRUE(is_json_error(response, 414, "URI_TOO_LONG"));
    ASSERT_TRUE(response);
    EXPECT_TRUE(has_common_headers(*response));
  }
  EXPECT_TRUE(is_healthy(port()));
}

TEST_F(DefaultLimitsE2eTest, ContentLengthOverTheLimitIs413) {
  auto connection = HttpConnection::open(port());
  ASSERT_TRUE(connection);
  ASSERT_TRUE(connection->send(make_request("POST", "/health", "Content-Length: 1048577\r\n")));
  const auto response = connection->read_response();
  EXPECT_TRUE(is_json_error(response, 413, "BODY_TOO_LARGE")) << connection->error();
  ASSERT_TRUE(response);
  EXPECT_TRUE(has_common_headers(*response));
  EXPECT_TRUE(response->closes_connection());
  EXPECT_NE(connection->wait_closed(), HttpConnection::CloseWait::kTimedOut);
  EXPECT_TRUE(is_healthy(port()));
}

TEST_F(DefaultLimitsE2eTest, UnrepresentableContentLengthIs413) {
  EXPECT_TRUE(is_json_error(
      round_trip(port(),
                 make_request("POST", "/health", "Content-Length: 99999999999999999999999999\r\n")),
      413, "BODY_TOO_LARGE"));
  EXPECT_TRUE(is_healthy(port()));
}

TEST_F(DefaultLimitsE2eTest, OversizedBodyWithExpectContinueGetsNo100) {
  auto connection = HttpConnection::open(port());
  ASSERT_TRUE(connection);
  ASSERT_TRUE(connection->send(
      make_request("POST", "/health", "Content-Length: 2000000\r\nExpect: 100-continue\r\n")));
  const auto response = connection->read_response();
  ASSERT_TRUE(response) << connection->error();
  EXPECT_NE(response->status, 100) << "the client was invited to send a body that is refused";
  EXPECT_TRUE(is_json_error(response, 413, "BODY_TOO_LARGE"));
  EXPECT_TRUE(is_healthy(port()));
}

TEST_F(DefaultLimitsE2eTest, InvalidPercentEncodingIs400) {
  for (const char* target : {"/health%zz", "/%4", "/%", "/he%g1lth", "/health?x=%zz"}) {
    SCOPED_TRACE(target);
    auto connection = HttpConnection::open(port());
    ASSERT_TRUE(connection);
    ASSERT_TRUE(connection->send(make_request("GET", target)));
    const auto response = connection->read_response();
    EXPECT_TRUE(is_json_error(response, 400, "INVALID_PERCENT_ENCODING")) << connection->error();
    ASSERT_TRUE(response);
    EXPECT_TRUE(has_common_headers(*response));
    EXPECT_TRUE(response->closes_connection());
    EXPECT_EQ(connection->wait_closed(), HttpConnection::CloseWait::kClosed);
  }
  EXPECT_TRUE(is_healthy(port()));
}

TEST_F(DefaultLimitsE2eTest, ExpectContinueWithAcceptableBodyGets100ThenFinal) {
  auto connection = HttpConnection::open(port());
  ASSERT_TRUE(connection);
  ASSERT_TRUE(connection->send(
      make_request("POST", "/health", "Content-Length: 5\r\nExpect: 100-continue\r\n")));
  const auto interim = connection->read_response();
  ASSERT_TRUE(interim) << connection->error();
  EXPECT_EQ(interim->status, 100);
  EXPECT_EQ(interim->raw, "HTTP/1.1 100 Continue\r\n\r\n");
  // The final answer only comes once the body arrives.
  EXPECT_EQ(connection->wait_closed(Millis(150)), HttpConnection::CloseWait::kTimedOut)
      << connection->pending();
  ASSERT_TRUE(connection->send("hello"));
  EXPECT_TRUE(is_json_error(connection->read_response(), 405, "METHOD_NOT_ALLOWED"))
      << connection->error();
  // The connection remains usable.
  ASSERT_TRUE(connection->send(make_request("GET", "/health")));
  const auto next = connection->read_response();
  ASSERT_TRUE(next) << connection->error();
  EXPECT_EQ(next->status, 200);
}

// RFC 9110 §10.1.1 and §15.2: a 100-continue expectation in an HTTP/1.0 request is ignored, and
// no 1xx response may be sent to an HTTP/1.0 client at all.
TEST_F(DefaultLimitsE2eTest, Http10ClientGetsNo100Continue) {
  auto connection = HttpConnection::open(port());
  ASSERT_TRUE(connection);
  ASSERT_TRUE(connection->send(
      "POST /health HTTP/1.0\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"));
  EXPECT_EQ(connection->wait_closed(Millis(300)), HttpConnection::CloseWait::kTimedOut)
      << "sent to an HTTP/1.0 client: " << connection->pending();
  ASSERT_TRUE(connection->send("hello"));
  const auto response = connection->read_response();
  ASSERT_TRUE(response) << connection->error();
  EXPECT_EQ(response->status, 405) << response->raw;
}

TEST_F(DefaultLimitsE2eTest, UnsupportedExpectationIs400) {
  EXPECT_TRUE(is_json_error(
      round_trip(port(),
                 make_request("POST", "/health", "Content-Length: 1\r\nExpect: 200-ok\r\n") + "x"),
      400, "INVALID_REQUEST"));
  EXPECT_TRUE(is_healthy(port()));
}

class SmallLimitsE2eTest : public SharedServerTest {
 protected:
  static void SetUpTestSuite() {
    start_shared_server(
        {"--max-header-bytes", "2048", "--max-url-bytes", "100", "--max-body-bytes", "100"});
  }
  static void TearDownTestSuite() { stop_shared_server(); }
};

TEST_F(SmallLimitsE2eTest, HeaderLimitFollowsTheFlag) {
  const auto ok = round_trip(port(), head_of_size(2048));
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  EXPECT_TRUE(is_json_error(round_trip(port(), head_of_size(2049)), 431, "HEADERS_TOO_LARGE"));
  EXPECT_TRUE(is_healthy(port()));
}

TEST_F(SmallLimitsE2eTest, UrlLimitFollowsTheFlag) {
  const auto ok = round_trip(port(), make_request("GET", target_of_size(100)));
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  EXPECT_TRUE(is_json_error(round_trip(port(), make_request("GET", target_of_size(101))), 414,
                            "URI_TOO_LONG"));
  EXPECT_TRUE(is_healthy(port()));
}

TEST_F(SmallLimitsE2eTest, BodyAtTheLimitIsRead) {
  // POST /health is 405 whatever the body: proof the body was read and routing happened.
  const auto response = round_trip(
      port(), make_request("POST", "/health", "Content-Length: 100\r\n") + std::string(100, 'b'));
  EXPECT_TRUE(is_json_error(response, 405, "METHOD_NOT_ALLOWED"));
}

TEST_F(SmallLimitsE2eTest, BodyOverTheLimitIs413) {
  auto connection = HttpConnection::open(port());
  ASSERT_TRUE(connection);
  ASSERT_TRUE(connection->send(make_request("POST", "/health", "Content-Length: 101\r\n") +
                               std::string(101, 'b')));
  EXPECT_TRUE(is_json_error(connection->read_response(), 413, "BODY_TOO_LARGE"))
      << connection->error();
  EXPECT_TRUE(is_healthy(port()));
}

TEST_F(SmallLimitsE2eTest, ChunkedBodyOverTheLimitIs413) {
  for (const std::string& chunks :
       {std::string("65\r\n") + std::string(101, 'c') + "\r\n0\r\n\r\n",         // One chunk.
        "40\r\n" + std::string(64, 'c') + "\r\n40\r\n" + std::string(64, 'c') +  // Two that add
            "\r\n0\r\n\r\n",                                                     // up to 128.
        std::string("fffffff\r\n") + std::string(200, 'c')}) {                   // Announced only.
    SCOPED_TRACE(chunks.substr(0, 10));
    auto connection = HttpConnection::open(port());
    ASSERT_TRUE(connection);
    ASSERT_TRUE(connection->send(make_request("POST", "/health", "Transfer-Encoding: chunked\r\n") +
                                 chunks));
    const auto response = connection->read_response();
    EXPECT_TRUE(is_json_error(response, 413, "BODY_TOO_LARGE")) << connection->error();
    ASSERT_TRUE(response);
    EXPECT_TRUE(has_common_headers(*response));
    EXPECT_TRUE(response->closes_connection());
  }
  EXPECT_TRUE(is_healthy(port()));
}

TEST_F(SmallLimitsE2eTest, ChunkedBodyWithinTheLimitIsRead) {
  const auto response = round_trip(
      port(), make_request("POST", "/health", "Transfer-Encoding: chunked\r\n") + "32\r\n" +
                  std::string(50, 'c') + "\r\n32\r\n" + std::string(50, 'c') + "\r\n0\r\n\r\n");
  EXPECT_TRUE(is_json_error(response, 405, "METHOD_NOT_ALLOWED"));
}

}  // namespace
}  // namespace badgesmith::e2e
