#include "core/http/client.h"

#include <gtest/gtest.h>

#include <boost/asio/executor_work_guard.hpp>
#include <future>
#include <vector>

#include "loopback_upstream.h"

namespace badgesmith::http {
namespace {

using loopback::LoopbackServer;
using loopback::Reply;
using loopback::response;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;
using ServerRequest = boost::beast::http::request<boost::beast::http::string_body>;

Reply ok(std::string_view body = "hello") { return Reply{response(200, body)}; }

// Runs the client's io_context on its own thread; tests call send() from theirs.
class ClientTest : public ::testing::Test {
 protected:
  ClientTest() : thread_([this] { io_.run(); }) {}

  ~ClientTest() override {
    work_.reset();
    io_.stop();
    thread_.join();
  }

  Client& client(ClientOptions options = {}) {
    client_ = std::make_unique<Client>(std::move(options), io_);
    return *client_;
  }

  static std::string url(const LoopbackServer& server, const char* scheme = "http",
                         const char* host = "127.0.0.1") {
    return std::string(scheme) + "://" + host + ":" + std::to_string(server.port()) + "/path?q=1";
  }

  static Result<ClientResponse> fetch(Client& client, ClientRequest request) {
    std::promise<Result<ClientResponse>> promise;
    client.send(std::move(request), [&promise](Result<ClientResponse> result) {
      promise.set_value(std::move(result));
    });
    return promise.get_future().get();
  }

  static Result<ClientResponse> get(Client& client, std::string target) {
    ClientRequest request;
    request.url = std::move(target);
    return fetch(client, std::move(request));
  }

  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_{
      io_.get_executor()};
  std::thread thread_;
  std::unique_ptr<Client> client_;  // Destroyed first.
};

TEST_F(ClientTest, GetsAResponseOnTheIoThread) {
  std::string seen_target, seen_agent, seen_encoding, seen_custom;
  LoopbackServer server([&](const ServerRequest& request) {
    seen_target = request.target();
    seen_agent = request[boost::beast::http::field::user_agent];
    seen_encoding = request[boost::beast::http::field::accept_encoding];
    seen_custom = request["X-Custom"];
    return Reply{response(200, "hello", "X-Answer: 42\r\n")};
  });
  Client& c = client();
  ClientRequest request;
  request.url = url(server);
  request.headers.set("X-Custom", "yes");
  std::promise<std::pair<Result<ClientResponse>, std::thread::id>> promise;
  c.send(std::move(request), [&promise](Result<ClientResponse> result) {
    promise.set_value({std::move(result), std::this_thread::get_id()});
  });
  auto [result, callback_thread] = promise.get_future().get();

  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result.value().status, 200);
  EXPECT_EQ(result.value().body, "hello");
  EXPECT_EQ(result.value().headers.get("X-Answer"), "42");
  EXPECT_EQ(result.value().attempts, 1);
  EXPECT_EQ(callback_thread, thread_.get_id());
  EXPECT_EQ(seen_target, "/path?q=1");
  EXPECT_EQ(seen_agent, "badgesmith/" BADGESMITH_VERSION);
  EXPECT_EQ(seen_encoding, "gzip");
  EXPECT_EQ(seen_custom, "yes");
}

TEST_F(ClientTest, ReusesKeepAliveConnections) {
  LoopbackServer server([](const ServerRequest&) { return ok(); });
  Client& c = client();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(get(c, url(server)));
  EXPECT_EQ(server.connections(), 1);
  EXPECT_EQ(server.requests(), 3);
}

TEST_F(ClientTest, NotModifiedWithoutBodyKeepsTheConnection) {
  LoopbackServer server([](const ServerRequest& request) {
    if (request["If-None-Match"] == "\"v1\"")
      return Reply{"HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\nContent-Length: 99999\r\n\r\n"};
    return ok();
  });
  ClientOptions options;
  options.max_response_bytes = 1024;  // Below the representation's length, which a 304 may give.
  Client& c = client(options);
  ClientRequest conditional;
  conditional.url = url(server);
  conditional.headers.set("If-None-Match", "\"v1\"");
  const auto result = fetch(c, conditional);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result.value().status, 304);
  EXPECT_EQ(result.value().body, "");
  EXPECT_EQ(result.value().headers.get("ETag"), "\"v1\"");
  EXPECT_EQ(get(c, url(server)).value().status, 200);
  EXPECT_EQ(server.connections(), 1);
}

TEST_F(ClientTest, RetriesOnceWhenAPooledConnectionTurnsOutDead) {
  // The server closes every connection after answering, though its answers announce keep-alive.
  LoopbackServer server([](const ServerRequest&) { return Reply{response(200, "hi"), true}; });
  Client& c = client();
  ASSERT_TRUE(get(c, url(server)));
  std::this_thread::sleep_for(milliseconds(50));  // Let the close arrive.
  const auto second = get(c, url(server));
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second.value().body, "hi");
  EXPECT_EQ(second.value().attempts, 1);
  EXPECT_EQ(server.connections(), 2);
}

TEST_F(ClientTest, RetriesA503ThenReturnsTheSuccess) {
  std::atomic<int> calls{0};
  LoopbackServer server([&](const ServerRequest&) {
    return ++calls == 1 ? Reply{response(503, "busy")} : ok("finally");
  });
  const auto result = get(client(), url(server));
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result.value().status, 200);
  EXPECT_EQ(result.value().body, "finally");
  EXPECT_EQ(result.value().attempts, 2);
}

TEST_F(ClientTest, GivesUpAfterMaxAttemptsWithTheLastResponse) {
  LoopbackServer server([](const ServerRequest&) { return Reply{response(502, "bad")}; });
  ClientOptions options;
  options.backoff_base = milliseconds(1);
  const auto result = get(client(options), url(server));
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result.value().status, 502);
  EXPECT_EQ(result.value().attempts, 3);
  EXPECT_EQ(server.requests(), 3);
}

TEST_F(ClientTest, Returns429WithALongRetryAfterAsIs) {
  LoopbackServer server([](const ServerRequest&) {
    return Reply{response(429, "slow down", "Retry-After: 120\r\n")};
  });
  const auto result = get(client(), url(server));
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result.value().status, 429);
  EXPECT_EQ(result.value().headers.get("Retry-After"), "120");
  EXPECT_EQ(result.value().attempts, 1);
  EXPECT_EQ(server.requests(), 1);
}

TEST_F(ClientTest, Returns503WithADateRetryAfterAsIs) {
  LoopbackServer server([](const ServerRequest&) {
    return Reply{response(503, "", "Retry-After: Wed, 21 Oct 2099 07:28:00 GMT\r\n")};
  });
  const auto result = get(client(), url(server));
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result.value().status, 503);
  EXPECT_EQ(result.value().attempts, 1);
}

TEST_F(ClientTest, HonoursAShortRetryAfter) {
  std::atomic<int> calls{0};
  LoopbackServer server([&](const ServerRequest&) {
    return ++calls == 1 ? Reply{response(429, "", "Retry-After: 0\r\n")} : ok();
  });
  const auto result = get(client(), url(server));
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result.value().status, 200);
  EXPECT_EQ(result.value().attempts, 2);
}

TEST_F(ClientTest, AHangingUpstreamFailsWithinTheTimeout) {
  LoopbackServer server([](const ServerRequest&) { return Reply{"", false, true}; });
  Client& c = client();
  ClientRequest request;
  request.url = url(server);
  request.timeout = milliseconds(300);
  const auto started = Clock::now();
  const auto result = fetch(c, std::move(request));
  const auto elapsed = Clock::now() - started;
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::kUpstreamUnavailable);
  EXPECT_GE(elapsed, milliseconds(300));
  EXPECT_LT(elapsed, std::chrono::seconds(3));  // Generous, for sanitizer builds.
}

TEST_F(ClientTest, ARefusedConnectionIsUnavailable) {
  std::uint16_t port = 0;
  {
    LoopbackServer closed([](const ServerRequest&) { return ok(); });
    port = closed.port();
  }
  ClientOptions options;
  options.backoff_base = milliseconds(1);
  const auto result = get(client(options), "http://127.0.0.1:" + std::to_string(port) + "/");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::kUpstreamUnavailable);
}

TEST_F(ClientTest, AnOversizeBodyIsInvalid) {
  LoopbackServer server([](const ServerRequest&) { return ok(std::string(4096, 'x')); });
  ClientOptions options;
  options.max_response_bytes = 1024;
  const auto result = get(client(options), url(server));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::kUpstreamInvalid);
}

TEST_F(ClientTest, AnOversizeChunkedBodyIsInvalid) {
  const std::string chunk(800, 'x');
  LoopbackServer server([&](const ServerRequest&) {
    return Reply{"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n320\r\n" + chunk +
                 "\r\n320\r\n" + chunk + "\r\n0\r\n\r\n"};
  });
  ClientOptions options;
  options.max_response_bytes = 1024;
  const auto result = get(client(options), url(server));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::kUpstreamInvalid);
}

TEST_F(ClientTest, AMalformedResponseIsInvalid) {
  LoopbackServer server([](const ServerRequest&) { return Reply{"SMTP ready\r\n\r\n"}; });
  const auto result = get(client(), url(server));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::kUpstreamInvalid);
}

TEST_F(ClientTest, DecodesGzipWithinTheCap) {
  const std::string text(5000, 'z');
  LoopbackServer server([&](const ServerRequest& request) {
    const bool bomb = request.target() == "/bomb";
    return Reply{response(200, loopback::gzip(bomb ? std::string(1 << 20, '0') : text),
                          "Content-Encoding: gzip\r\n")};
  });
  ClientOptions options;
  options.max_response_bytes = 64 * 1024;
  Client& c = client(options);
  const auto decoded = get(c, url(server));
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded.value().body, text);
  EXPECT_FALSE(decoded.value().headers.get("Content-Encoding"));

  const auto bomb = get(c, "http://127.0.0.1:" + std::to_string(server.port()) + "/bomb");
  ASSERT_FALSE(bomb);
  EXPECT_EQ(bomb.error().code, Errc::kUpstreamInvalid);
}

TEST_F(ClientTest, RefusesPlainHttpToANonLoopbackHost) {
  const auto result = get(client(), "http://example.com/");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::kInvalidArgument);
}

TEST_F(ClientTest, FailsFastBeyondConcurrentRequestsPerHost) {
  auto server = std::make_unique<LoopbackServer>([](const ServerRequest&) {
    return Reply{"", false, true};
  });
  Client& c = client();
  std::atomic<int> finished{0};
  std::promise<void> all_finished;
  for (int i = 0; i < 16; ++i) {
    ClientRequest request;
    request.url = url(*server);
    c.send(std::move(request), [&](Result<ClientResponse>) {
      if (++finished == 16) all_finished.set_value();
    });
  }
  const auto waiting = Clock::now() + std::chrono::seconds(4);
  while (server->requests() < 16 && Clock::now() < waiting) {
    std::this_thread::sleep_for(milliseconds(5));
  }
  ASSERT_EQ(server->requests(), 16);

  const auto started = Clock::now();
  const auto refused = get(c, url(*server));
  EXPECT_LT(Clock::now() - started, milliseconds(500));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Errc::kUpstreamUnavailable);
  EXPECT_GE(refused.error().retry_after, std::chrono::seconds(1));
  EXPECT_EQ(server->requests(), 16);

  server.reset();  // Drops the hanging connections: the 16 complete.
  all_finished.get_future().wait();
}

TEST_F(ClientTest, FailsFastWhenTheRateBucketIsEmpty) {
  LoopbackServer server([](const ServerRequest&) { return ok(); });
  ClientOptions options;
  options.gate = {.max_concurrent = 16, .rate_per_second = 0.5, .burst = 2};
  Client& c = client(options);
  EXPECT_TRUE(get(c, url(server)));
  EXPECT_TRUE(get(c, url(server)));
  const auto refused = get(c, url(server));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Errc::kUpstreamUnavailable);
  EXPECT_GT(refused.error().retry_after, std::chrono::seconds(0));
  EXPECT_EQ(server.requests(), 2);
}

// TLS against a CA made for the test.
class ClientTlsTest : public ClientTest {
 protected:
  ClientTlsTest() { ca_.write_ca(ca_file_); }

  ClientOptions trusting(const std::filesystem::path& ca_file) {
    ClientOptions options;
    options.ca_file = ca_file;
    options.backoff_base = milliseconds(1);
    return options;
  }

  loopback::TempDir dir_;
  loopback::TestCa ca_{"BadgeSmith Test CA"};
  std::filesystem::path ca_file_ = dir_.path() / "ca.pem";
  std::unique_ptr<boost::asio::ssl::context> tls_ = ca_.server_context("DNS:localhost");
};

TEST_F(ClientTlsTest, TrustsOurCaForTheCertifiedName) {
  LoopbackServer server([](const ServerRequest&) { return ok("secure"); }, tls_.get());
  Client& c = client(trusting(ca_file_));
  for (int i = 0; i < 2; ++i) {
    const auto result = get(c, url(server, "https", "localhost"));
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result.value().body, "secure");
  }
  EXPECT_EQ(server.connections(), 1);
}

TEST_F(ClientTlsTest, RefusesACertificateForAnotherName) {
  LoopbackServer server([](const ServerRequest&) { return ok(); }, tls_.get());
  const auto result = get(client(trusting(ca_file_)), url(server, "https", "127.0.0.1"));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::kUpstreamUnavailable);
  EXPECT_EQ(server.requests(), 0);
}

TEST_F(ClientTlsTest, RefusesAnUnknownCa) {
  LoopbackServer server([](const ServerRequest&) { return ok(); }, tls_.get());
  const loopback::TestCa stranger("Some Other CA");
  const std::filesystem::path other_file = dir_.path() / "other.pem";
  stranger.write_ca(other_file);
  const auto result = get(client(trusting(other_file)), url(server, "https", "localhost"));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::kUpstreamUnavailable);
  EXPECT_EQ(server.requests(), 0);
}

TEST_F(ClientTlsTest, UnloadableCaCertificatesAreAnInternalError) {
  LoopbackServer server([](const ServerRequest&) { return ok(); }, tls_.get());
  const auto result =
      get(client(trusting(dir_.path() / "missing.pem")), url(server, "https", "localhost"));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::kInternal);
}

}  // namespace
}  // namespace badgesmith::http
