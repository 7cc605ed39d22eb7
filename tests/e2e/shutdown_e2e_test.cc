// Graceful shutdown on SIGTERM/SIGINT: stop accepting, close idle keep-alive connections, let
// in-flight requests finish (with Connection: close), exit 0.
#include <signal.h>
#include <unistd.h>

#include "harness.h"

namespace badgesmith::e2e {
namespace {

using Clock = std::chrono::steady_clock;

TEST(ShutdownE2eTest, IdleServerExitsZeroOnSigterm) {
  ServerProcess server;
  ASSERT_TRUE(server.started()) << server.stderr_text();
  ASSERT_TRUE(is_healthy(server.port()));
  EXPECT_EQ(server.terminate(), 0) << server.stderr_text();
  EXPECT_NE(server.stderr_text().find("\"msg\":\"shutdown requested\""), std::string::npos)
      << server.stderr_text();
  EXPECT_NE(server.stderr_text().find("\"msg\":\"stopped\""), std::string::npos);
}

TEST(ShutdownE2eTest, SigintIsGracefulToo) {
  ServerProcess server;
  ASSERT_TRUE(server.started()) << server.stderr_text();
  // A served request proves the server loop (and its signal handling) is running; see
  // SigtermRightAfterListeningIsGraceful for the window before that.
  ASSERT_TRUE(is_healthy(server.port()));
  ASSERT_TRUE(server.send_signal(SIGINT));
  EXPECT_EQ(server.wait_exit(), 0) << server.stderr_text();
}

// The "listening" line is the readiness signal a supervisor waits for, so a SIGTERM sent right
// after it must already get the graceful path (exit 0), not the default action (exit 143).
TEST(ShutdownE2eTest, SigtermRightAfterListeningIsGraceful) {
  int ungraceful = 0;
  std::string example;
  for (int i = 0; i < 30; ++i) {
    ServerProcess server({"--access-log", "off"});
    ASSERT_TRUE(server.started()) << server.stderr_text();
    const auto code = server.terminate();
    ASSERT_TRUE(code) << "did not exit";
    if (*code != 0) {
      ++ungraceful;
      example = "exit " + std::to_string(*code) + ", stderr:\n" + server.stderr_text();
    }
  }
  EXPECT_EQ(ungraceful, 0) << "of 30 starts; e.g. " << example;
}

TEST(ShutdownE2eTest, IdleKeepAliveConnectionsAreClosedAndExitIsPrompt) {
  // Long idle timeout and grace: a prompt exit proves the idle connections were closed actively
  // rather than waited out.
  ServerProcess server({"--idle-timeout-ms", "60000", "--shutdown-grace-ms", "30000"});
  ASSERT_TRUE(server.started()) << server.stderr_text();
  std::vector<HttpConnection> idle;
  for (int i = 0; i < 4; ++i) {
    auto connection = HttpConnection::open(server.port());
    ASSERT_TRUE(connection);
    ASSERT_TRUE(connection->send(make_request("GET", "/health")));
    const auto response = connection->read_response();
    ASSERT_TRUE(response) << connection->error();
    ASSERT_FALSE(response->closes_connection());
    idle.push_back(std::move(*connection));
  }
  // One more that never sent anything: idle from the start.
  auto silent = HttpConnection::open(server.port());
  ASSERT_TRUE(silent);

  const auto start = Clock::now();
  ASSERT_TRUE(server.send_signal(SIGTERM));
  for (auto& connection : idle) {
    EXPECT_EQ(connection.wait_closed(Millis(3000)), HttpConnection::CloseWait::kClosed)
        << connection.pending();
  }
  EXPECT_EQ(silent->wait_closed(Millis(3000)), HttpConnection::CloseWait::kClosed);
  EXPECT_EQ(server.wait_exit(Millis(3000)), 0) << server.stderr_text();
  EXPECT_LT(Clock::now() - start, Millis(3000));
}

TEST(ShutdownE2eTest, InFlightRequestFinishesWithConnectionClose) {
  ServerProcess server({"--shutdown-grace-ms", "10000", "--body-timeout-ms", "10000"});
  ASSERT_TRUE(server.started()) << server.stderr_text();
  auto connection = HttpConnection::open(server.port());
  ASSERT_TRUE(connection);
  ASSERT_TRUE(
      connection->send(make_request("POST", "/health", "Content-Length: 10\r\n") + "12345"));
  // Let the server take the head off the socket, so the request is in flight (reading its body)
  // rather than a connection that has not started a request yet.
  ::usleep(200'000);
  ASSERT_TRUE(server.send_signal(SIGTERM));
  ::usleep(200'000);
  EXPECT_TRUE(server.running()) << "exited with a request in flight:\n" << server.stderr_text();

  // New connections are no longer served while the in-flight request drains.
  auto late = HttpConnection::open(server.port(), Millis(1000));
  if (late) {
    late->send(make_request("GET", "/health"));
    EXPECT_NE(late->wait_closed(Millis(2000)), HttpConnection::CloseWait::kTimedOut);
    EXPECT_EQ(late->pending().find("HTTP/1.1 200"), std::string::npos) << late->pending();
  }

  ASSERT_TRUE(connection->send("67890"));
  const auto response = connection->read_response();
  EXPECT_TRUE(is_json_error(response, 405, "METHOD_NOT_ALLOWED")) << connection->error();
  ASSERT_TRUE(response);
  EXPECT_TRUE(response->closes_connection()) << response->raw;
  EXPECT_EQ(connection->wait_closed(Millis(3000)), HttpConnection::CloseWait::kClosed);
  EXPECT_EQ(server.wait_exit(Millis(3000)), 0) << server.stderr_text();
}

TEST(ShutdownE2eTest, PipelinedRequestAfterShutdownIsNotStarted) {
  // A response finishing during the drain announces the close; a request the client had already
  // queued behind it is not served.
  ServerProcess server({"--shutdown-grace-ms", "10000", "--body-timeout-ms", "10000"});
  ASSERT_TRUE(server.started()) << server.stderr_text();
  auto connection = HttpConnection::open(server.port());
  ASSERT_TRUE(connection);
  ASSERT_TRUE(connection->send(make_request("POST", "/health", "Content-Length: 4\r\n") + "ab"));
  ::usleep(200'000);
  ASSERT_TRUE(server.send_signal(SIGTERM));
  ::usleep(200'000);
  ASSERT_TRUE(connection->send("cd" + make_request("GET", "/health")));
  const auto response = connection->read_response();
  EXPECT_TRUE(is_json_error(response, 405, "METHOD_NOT_ALLOWED")) << connection->error();
  ASSERT_TRUE(response);
  EXPECT_TRUE(response->closes_connection());
  EXPECT_EQ(connection->wait_closed(Millis(3000)), HttpConnection::CloseWait::kClosed)
      << "served after shutdown: " << connection->pending();
  EXPECT_EQ(server.wait_exit(Millis(3000)), 0) << server.stderr_text();
}

TEST(ShutdownE2eTest, GracePeriodBoundsAStalledRequest) {
  ServerProcess server({"--shutdown-grace-ms", "300", "--body-timeout-ms", "60000"});
  ASSERT_TRUE(server.started()) << server.stderr_text();
  auto connection = HttpConnection::open(server.port());
  ASSERT_TRUE(connection);
  ASSERT_TRUE(connection->send(make_request("POST", "/health", "Content-Length: 10\r\n") + "1"));
  ::usleep(200'000);
  const auto start = Clock::now();
  ASSERT_TRUE(server.send_signal(SIGTERM));
  // The body never completes: the process must still exit (cleanly) soon after the grace period.
  EXPECT_EQ(server.wait_exit(Millis(4000)), 0) << server.stderr_text();
  EXPECT_LT(Clock::now() - start, Millis(4000));
  EXPECT_NE(server.stderr_text().find("grace period over"), std::string::npos)
      << server.stderr_text();
  EXPECT_NE(connection->wait_closed(Millis(2000)), HttpConnection::CloseWait::kTimedOut);
}

TEST(ShutdownE2eTest, ManyIdleConnectionsAcrossThreads) {
  ServerProcess server({"--threads", "4", "--idle-timeout-ms", "60000"});
  ASSERT_TRUE(server.started()) << server.stderr_text();
  std::vector<HttpConnection> connections;
  for (int i = 0; i < 32; ++i) {
    auto connection = HttpConnection::open(server.port());
    ASSERT_TRUE(connection);
    if (i % 2 == 0) {
      ASSERT_TRUE(connection->send(make_request("GET", "/favicon.svg")));
      ASSERT_TRUE(connection->read_response()) << connection->error();
    }
    connections.push_back(std::move(*connection));
  }
  const auto start = Clock::now();
  EXPECT_EQ(server.terminate(Millis(4000)), 0) << server.stderr_text();
  EXPECT_LT(Clock::now() - start, Millis(4000));
  for (auto& connection : connections) {
    EXPECT_EQ(connection.wait_closed(Millis(1000)), HttpConnection::CloseWait::kClosed);
  }
}

}  // namespace
}  // namespace badgesmith::e2e
