// Connection timeouts and the connection cap. Timeouts are short (300 ms) and assertions use wide
// margins: a check fails only when a deadline is missed by seconds, not by scheduling jitter.
#include <unistd.h>

#include "harness.h"

namespace badgesmith::e2e {
namespace {

using Clock = std::chrono::steady_clock;

Millis since(Clock::time_point start) {
  return std::chrono::duration_cast<Millis>(Clock::now() - start);
}

class TimeoutsE2eTest : public SharedServerTest {
 protected:
  static void SetUpTestSuite() {
    start_shared_server(
        {"--header-timeout-ms", "300", "--idle-timeout-ms", "300", "--body-timeout-ms", "300"});
  }
  static void TearDownTestSuite() { stop_shared_server(); }
};

TEST_F(TimeoutsE2eTest, SlowlorisIsDisconnectedAfterHeaderTimeout) {
  auto connection = HttpConnection::open(port());
  ASSERT_TRUE(connection);
  // At one byte per 100 ms this head would take 6 s to arrive; the 300 ms head deadline must
  // cut it off however steadily bytes come in.
  const std::string head =
      make_request("GET", "/health", "X-Pad: " + std::string(30, 'p') + "\r\n");
  const auto start = Clock::now();
  std::size_t sent = 0;
  bool closed = false;
  while (sent < head.size() && since(start) < Millis(4000)) {
    if (!connection->send(head.substr(sent, 1))) {
      closed = true;  // EPIPE/ECONNRESET: the server already hung up.
      break;
    }
    ++sent;
    const auto state = connection->wait_closed(Millis(100));
    if (state == HttpConnection::CloseWait::kClosed) {
      closed = true;
      break;
    }
    ASSERT_NE(state, HttpConnection::CloseWait::kGotData) << connection->pending();
  }
  EXPECT_TRUE(closed) << "still connected after " << since(start).count() << " ms, " << sent
                      << " of " << head.size() << " bytes sent";
  EXPECT_LT(sent, head.size());
  EXPECT_LT(since(start), Millis(3000));
  EXPECT_EQ(connection->pending().find("HTTP/1.1 5"), std::string::npos) << connection->pending();
  EXPECT_TRUE(is_healthy(port()));
}

TEST_F(TimeoutsE2eTest, IdleKeepAliveConnectionIsClosed) {
  auto connection = HttpConnection::open(port());
  ASSERT_TRUE(connection);
  ASSERT_TRUE(connection->send(make_request("GET", "/health")));
  const auto response = connection->read_response();
  ASSERT_TRUE(response) << connection->error();
  EXPECT_EQ(response->status, 200);
  EXPECT_FALSE(response->closes_connection());
  const auto start = Clock::now();
  EXPECT_EQ(connection->wait_closed(Millis(3000)), HttpConnection::CloseWait::kClosed)
      << connection->pending();
  // Not closed right after the response either: the idle timer, not the response, closed it.
  EXPECT_GE(since(start), Millis(150));
  EXPECT_TRUE(connection->pending().empty()) << connection->pending();
}

TEST_F(TimeoutsE2eTest, FreshConnectionWithoutRequestIsClosed) {
  auto connection = HttpConnection::open(port());
  ASSERT_TRUE(connection);
  EXPECT_EQ(connection->wait_closed(Millis(3000)), HttpConnection::CloseWait::kClosed);
  EXPECT_TRUE(connection->pending().empty()) << connection->pending();
}

TEST_F(TimeoutsE2eTest, KeepAliveRequestsBelowIdleTimeoutContinue) {
  // Each request arrives well within the idle timeout, and together they outlast the header
  // timeout: that deadline must restart per request, not run from the connection's start.
  auto connection = HttpConnection::open(port());
  ASSERT_TRUE(connection);
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(connection->send(make_request("GET", "/health")));
    const auto response = connection->read_response();
    ASSERT_TRUE(response) << "request " << i << ": " << connection->error();
    EXPECT_EQ(response->status, 200);
    ::usleep(100'000);
  }
}

TEST_F(TimeoutsE2eTest, StalledBodyIsDisconnectedAfterBodyTimeout) {
  auto connection = HttpConnection::open(port());
  ASSERT_TRUE(connection);
  ASSERT_TRUE(connection->send(make_request("POST", "/health", "Content-Length: 10\r\n") + "12"));
  const auto start = Clock::now();
  const auto state = connection->wait_closed(Millis(3000));
  EXPECT_NE(state, HttpConnection::CloseWait::kTimedOut) << "body deadline not enforced";
  EXPECT_LT(since(start), Millis(3000));
  EXPECT_EQ(connection->pending().find("HTTP/1.1 5"), std::string::npos) << connection->pending();
  EXPECT_TRUE(is_healthy(port()));
}

class ConnectionCapE2eTest : public SharedServerTest {
 protected:
  static void SetUpTestSuite() { start_shared_server({"--max-connections", "2"}); }
  static void TearDownTestSuite() { stop_shared_server(); }

  // A connection the server admitted, proven by a served request. Retries because slots held by
  // an earlier test are released only once the server has seen those connections close.
  static std::optional<HttpConnection> open_admitted() {
    std::optional<HttpConnection> admitted;
    eventually(
        [&] {
          auto connection = HttpConnection::open(port());
          if (!connection || !connection->send(make_request("GET", "/health"))) return false;
          const auto response = connection->read_response(Millis(1000));
          if (!response || response->status != 200) return false;
          admitted = std::move(connection);
          return true;
        },
        Millis(3000));
    return admitted;
  }

  static void expect_served(HttpConnection& connection) {
    ASSERT_TRUE(connection.send(make_request("GET", "/health")));
    const auto response = connection.read_response();
    ASSERT_TRUE(response) << connection.error();
    EXPECT_EQ(response->status, 200);
  }
};

TEST_F(ConnectionCapE2eTest, ConnectionOverTheCapIsClosedWithoutResponse) {
  auto first = open_admitted();
  auto second = open_admitted();
  ASSERT_TRUE(first && second);

  auto third = HttpConnection::open(port());
  ASSERT_TRUE(third) << "the kernel completes the handshake; the server then closes";
  EXPECT_EQ(third->wait_closed(), HttpConnection::CloseWait::kClosed) << third->pending();
  EXPECT_TRUE(third->pending().empty());

  // The two admitted connections are unaffected.
  expect_served(*first);
  expect_served(*second);
}

TEST_F(ConnectionCapE2eTest, SlotIsReusedAfterAConnectionCloses) {
  auto first = open_admitted();
  auto second = open_admitted();
  ASSERT_TRUE(first && second);
  first.reset();  // Frees a slot once the server notices the EOF.

  const bool admitted = eventually(
      [] {
        auto next = HttpConnection::open(port());
        if (!next || !next->send(make_request("GET", "/health"))) return false;
        const auto response = next->read_response(Millis(1000));
        return response && response->status == 200;
      },
      Millis(3000));
  EXPECT_TRUE(admitted) << "the closed connection's slot was never released";
}

TEST_F(ConnectionCapE2eTest, RefusedConnectionsDoNotLeakSlots) {
  {
    auto first = open_admitted();
    auto second = open_admitted();
    ASSERT_TRUE(first && second);
    for (int i = 0; i < 20; ++i) {
      auto extra = HttpConnection::open(port());
      ASSERT_TRUE(extra);
      EXPECT_EQ(extra->wait_closed(), HttpConnection::CloseWait::kClosed);
    }
  }
  // With both holders gone, both slots come back.
  const bool both_admitted = eventually(
      [] {
        auto a = HttpConnection::open(port());
        auto b = HttpConnection::open(port());
        if (!a || !b) return false;
        for (auto* connection : {&*a, &*b}) {
          if (!connection->send(make_request("GET", "/health"))) return false;
          const auto response = connection->read_response(Millis(1000));
          if (!response || response->status != 200) return false;
        }
        return true;
      },
      Millis(3000));
  EXPECT_TRUE(both_admitted);
}

}  // namespace
}  // namespace badgesmith::e2e
