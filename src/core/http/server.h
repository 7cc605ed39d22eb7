// The HTTP/1.1 server: Boost.Beast on Asio with C++20 coroutines, one io_context per thread,
// each with its own SO_REUSEPORT acceptor. Every request passes the pre-routing limits of
// request_screen.h, then goes to the Dispatcher. Asio stays inside server.cc: this header is
// plain so the CLI that builds a server does not compile Beast.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "core/http/client_address.h"
#include "core/http/dispatcher.h"
#include "core/http/request_screen.h"
#include "core/log/access_log.h"
#include "core/result.h"

namespace badgesmith::http {

struct ServerOptions {
  std::string host = "127.0.0.1";  // An IPv4 or IPv6 literal; no name resolution.
  std::uint16_t port = 8080;       // 0 picks a free port; listen() reports it.
  unsigned threads = 0;            // 0: one per core.
  RequestLimits limits;
  std::chrono::milliseconds idle_timeout{60'000};    // Keep-alive wait for the next request.
  std::chrono::milliseconds header_timeout{10'000};  // From first byte to the end of the head.
  std::chrono::milliseconds body_timeout{30'000};
  std::chrono::milliseconds write_timeout{30'000};
  std::chrono::milliseconds shutdown_grace{10'000};  // In-flight requests get this long.
  std::size_t max_connections = 10'000;  // Beyond it a connection is accepted and closed.
  TrustedProxies trusted_proxies;
  log::AccessLog* access_log = nullptr;  // Not owned; may be null (access log off).
};

// Use from one thread: listen(), then run(). stop() may be called from any thread.
class Server {
 public:
  // `dispatcher` and `options.access_log` must outlive the server.
  Server(ServerOptions options, const Dispatcher& dispatcher);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds every acceptor. Returns the bound address as "host:port" ("[v6]:port" for IPv6).
  // Fails with kUnavailable-style kUpstreamUnavailable when the address is in use or cannot be
  // bound (the message says which).
  Result<std::string> listen();

  // Serves until SIGTERM/SIGINT or stop(): then stops accepting, lets in-flight requests finish
  // within shutdown_grace, closes idle connections and returns. REQUIRES: listen() succeeded.
  void run();

  // Starts the same graceful shutdown as SIGTERM.
  void stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace badgesmith::http
