// Ambiguous framing (request smuggling shapes) and malformed heads: 400, the connection closes,
// nothing hidden behind the ambiguous request is executed, and the process keeps serving.
#include "harness.h"

namespace badgesmith::e2e {
namespace {

class SmugglingE2eTest : public SharedServerTest {
 protected:
  // A short header timeout bounds the wait when the server (wrongly) waits for more bytes.
  static void SetUpTestSuite() { start_shared_server({"--header-timeout-ms", "3000"}); }
  static void TearDownTestSuite() { stop_shared_server(); }

  // Sends `bytes` and expects exactly one 400 with `error_code`, then the close: whatever was
  // smuggled after the ambiguous head must not produce a second response.
  static void expect_rejected_and_closed(const std::string& bytes,
                                         std::string_view error_code = "INVALID_REQUEST") {
    auto connection = HttpConnection::open(port());
    ASSERT_TRUE(connection);
    ASSERT_TRUE(connection->send(bytes));
    const auto response = connection->read_response(Millis(2000));
    EXPECT_TRUE(is_json_error(response, 400, error_code)) << connection->error();
    if (!response) return;
    EXPECT_TRUE(has_common_headers(*response));
    EXPECT_TRUE(response->closes_connection());
    EXPECT_EQ(connection->wait_closed(), HttpConnection::CloseWait::kClosed)
        << "bytes after the 400: " << connection->pending();
    EXPECT_TRUE(is_healthy(port()));
  }
};

// Smuggled after each ambiguous request: a second request that must never be answered.
const std::string kSmuggled = make_request("GET", "/favicon.svg");

TEST_F(SmugglingE2eTest, ContentLengthAndTransferEncodingTogether) {
  expect_rejected_and_closed(
      make_request("POST", "/health", "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n") +
      "0\r\n\r\n" + kSmuggled);
  expect_rejected_and_closed(
      make_request("POST", "/health", "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n") +
      "0\r\n\r\n" + kSmuggled);
}

TEST_F(SmugglingE2eTest, DuplicateContentLength) {
  // Even equal values: two parsers may still pick different fields.
  expect_rejected_and_closed(
      make_request("POST", "/health", "Content-Length: 5\r\nContent-Length: 5\r\n") + "hello" +
      kSmuggled);
  expect_rejected_and_closed(
      make_request("POST", "/health", "Content-Length: 0\r\ncontent-length: 40\r\n") + kSmuggled);
}

TEST_F(SmugglingE2eTest, MalformedContentLength) {
  for (const char* value : {"5x", "-1", "+5", "0x10", "5, 5", "", "1 2"}) {
    SCOPED_TRACE(value);
    expect_rejected_and_closed(
        make_request("POST", "/health", "Content-Length: " + std::string(value) + "\r\n") +
        "hello" + kSmuggled);
  }
}

TEST_F(SmugglingE2eTest, TransferEncodingOtherThanChunked) {
  for (const char* value :
       {"gzip", "gzip, chunked", "chunked, gzip", "identity", "xchunked", "chunked;q=1"}) {
    SCOPED_TRACE(value);
    expect_rejected_and_closed(
        make_request("POST", "/health", "Transfer-Encoding: " + std::string(value) + "\r\n") +
        "0\r\n\r\n" + kSmuggled);
  }
}

TEST_F(SmugglingE2eTest, RepeatedTransferEncoding) {
  expect_rejected_and_closed(
      make_request("POST", "/health",
                   "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n") +
      "0\r\n\r\n" + kSmuggled);
}

TEST_F(SmugglingE2eTest, WhitespaceBeforeColon) {
  expect_rejected_and_closed(
      make_request("POST", "/health", "Transfer-Encoding : chunked\r\nContent-Length: 3\r\n") +
      "0\r\n\r\n" + kSmuggled);
  expect_rejected_and_closed(make_request("POST", "/health", "Content-Length\t: 3\r\n") + "abc" +
                             kSmuggled);
}

TEST_F(SmugglingE2eTest, ObsoleteLineFolding) {
  expect_rejected_and_closed(make_request("GET", "/health", "X-Folded: first\r\n second\r\n") +
                             kSmuggled);
  expect_rejected_and_closed(make_request("POST", "/health", "Content-Length: 3\r\n\t, 30\r\n") +
                             "abc" + kSmuggled);
}

TEST_F(SmugglingE2eTest, BareLineFeedInsideHead) {
  expect_rejected_and_closed("GET /health HTTP/1.1\nHost: x\r\n\r\n" + kSmuggled);
  expect_rejected_and_closed("GET /health HTTP/1.1\r\nHost: x\nX-Other: y\r\n\r\n" + kSmuggled);
  expect_rejected_and_closed("GET /health HTTP/1.1\r\nHost: x\rX-Other: y\r\n\r\n" + kSmuggled);
}

TEST_F(SmugglingE2eTest, GarbageRequestLine) {
  for (const char* line :
       {"HELLO", "GET", "GET /health", "GET /health HTTP/2.0", "GET health HTTP/1.1",
        "GET /health HTTP/1.1 extra", "G(T /health HTTP/1.1", " GET /health HTTP/1.1",
        "GET http://example.com/health HTTP/1.1"}) {
    SCOPED_TRACE(line);
    expect_rejected_and_closed(std::string(line) + "\r\nHost: x\r\n\r\n" + kSmuggled);
  }
}

TEST_F(SmugglingE2eTest, ControlCharacterInTarget) {
  expect_rejected_and_closed(std::string("GET /hea\x01lth HTTP/1.1\r\n\r\n") + kSmuggled);
  expect_rejected_and_closed(std::string("GET /hea\x7Flth HTTP/1.1\r\n\r\n") + kSmuggled);
}

TEST_F(SmugglingE2eTest, MalformedHeaderField) {
  expect_rejected_and_closed(make_request("GET", "/health", "NoColonHere\r\n") + kSmuggled);
  expect_rejected_and_closed(make_request("GET", "/health", ": empty-name\r\n") + kSmuggled);
  expect_rejected_and_closed(make_request("GET", "/health", "Bad(Name): x\r\n") + kSmuggled);
}

TEST_F(SmugglingE2eTest, MalformedChunkedBody) {
  // A chunk-size that is not hex: the body framing is broken, so the connection must end.
  auto connection = HttpConnection::open(port());
  ASSERT_TRUE(connection);
  ASSERT_TRUE(connection->send(make_request("POST", "/health", "Transfer-Encoding: chunked\r\n") +
                               "zz\r\nhello\r\n0\r\n\r\n" + kSmuggled));
  const auto response = connection->read_response(Millis(2000));
  EXPECT_TRUE(is_json_error(response, 400, "INVALID_BODY")) << connection->error();
  EXPECT_EQ(connection->wait_closed(), HttpConnection::CloseWait::kClosed) << connection->pending();
  EXPECT_TRUE(is_healthy(port()));
}

// A head whose lines all end in a bare LF is the other "bare LF" shape. RFC 9112 §2.2 lets a
// server either accept LF as a line end or reject the message; either way the client gets an
// answer well before the 3 s header timeout instead of a silent wait and disconnect.
TEST_F(SmugglingE2eTest, HeadTerminatedByBareLineFeedsIsAnswered) {
  auto connection = HttpConnection::open(port());
  ASSERT_TRUE(connection);
  ASSERT_TRUE(connection->send("GET /health HTTP/1.1\nHost: x\n\n"));
  const auto response = connection->read_response(Millis(1500));
  ASSERT_TRUE(response) << "no answer to an LF-only head: " << connection->error();
  EXPECT_TRUE(response->status == 400 || response->status == 200) << response->raw;
  EXPECT_TRUE(is_healthy(port()));
}

// RFC 9112 §6.1: an HTTP/1.0 message with Transfer-Encoding must be treated as having faulty
// framing and the connection closed after it (HTTP/1.0 intermediaries do not understand chunked,
// which is what makes this a smuggling vector), even when the client asks for keep-alive.
TEST_F(SmugglingE2eTest, Http10WithTransferEncodingClosesTheConnection) {
  auto connection = HttpConnection::open(port());
  ASSERT_TRUE(connection);
  ASSERT_TRUE(connection->send(
      "POST /health HTTP/1.0\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n"
      "0\r\n\r\n" +
      kSmuggled));
  const auto response = connection->read_response(Millis(2000));
  ASSERT_TRUE(response) << connection->error();
  EXPECT_TRUE(response->status == 400 || response->status == 405) << response->raw;
  EXPECT_TRUE(response->closes_connection()) << response->raw;
  EXPECT_EQ(connection->wait_closed(Millis(2000)), HttpConnection::CloseWait::kClosed)
      << "the request after it was served: " << connection->pending();
  EXPECT_TRUE(is_healthy(port()));
}

TEST_F(SmugglingE2eTest, ChunkedRequestIsFramedCorrectly) {
  // The chunk carries bytes that look like a request; they are body, not a second request.
  const std::string hidden = make_request("GET", "/nope");
  char size[16];
  std::snprintf(size, sizeof size, "%zx", hidden.size());
  auto connection = HttpConnection::open(port());
  ASSERT_TRUE(connection);
  ASSERT_TRUE(connection->send(make_request("POST", "/health", "Transfer-Encoding: chunked\r\n") +
                               size + "\r\n" + hidden + "\r\n0\r\n\r\n" +
                               make_request("GET", "/health")));
  EXPECT_TRUE(is_json_error(connection->read_response(), 405, "METHOD_NOT_ALLOWED"));
  const auto second = connection->read_response();
  ASSERT_TRUE(second) << connection->error();
  EXPECT_EQ(second->status, 200);
  EXPECT_EQ(connection->wait_closed(Millis(100)), HttpConnection::CloseWait::kTimedOut)
      << connection->pending();
}

}  // namespace
}  // namespace badgesmith::e2e
