// The asynchronous HTTP/1.1 client for upstream services (nuget.org, the GitHub API, later AWS).
// Every request is bounded: a total deadline, a response size cap, per-host admission control
// (upstream_gate.h) and a few retries with jittered backoff. Plain http is for loopback only
// (url.h); https verifies the peer against the configured CAs and the URL's host name.
//
// Thread-safety: send() may be called from any thread. The client's state is touched only from
// the io_context's threads, and is safe however many threads run it.
//
// Lifetime: the io_context must outlive the Client. Requests in flight keep the client's state
// alive, so destroying the Client neither cancels nor invalidates them. Destroying the io_context
// drops them without calling their callbacks.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "core/http/message.h"
#include "core/http/upstream_gate.h"
#include "core/http/url.h"
#include "core/result.h"

namespace boost::asio {
class io_context;
}

namespace badgesmith::http {

struct ClientOptions {
  std::string user_agent = "badgesmith/" BADGESMITH_VERSION;
  // Covers resolution, connection, TLS, writing, reading, retries and the waits between them.
  std::chrono::milliseconds timeout{5000};
  // Bound on a response body, both as received and after gzip decoding.
  std::size_t max_response_bytes = std::size_t{8} * 1024 * 1024;
  std::size_t max_header_bytes = std::size_t{64} * 1024;
  // Attempts for 429/502/503/504 and network failures, the first included (>= 1).
  int max_attempts = 3;
  // Attempt n waits a uniformly random time in [0, backoff_base * 2^(n-1)) before it starts...
  std::chrono::milliseconds backoff_base{100};
  // ...unless a 429/503 says `Retry-After: <seconds>`: waited if at most this long and within the
  // deadline; otherwise that response is returned as it is, for the caller to pass on.
  std::chrono::seconds max_retry_after{2};
  // Idle keep-alive connections kept per host (scheme, host, port) and for how long.
  std::size_t max_idle_per_host = 4;
  std::chrono::milliseconds idle_timeout{30000};
  UpstreamGateOptions gate;
  // CA certificates for https. When both are empty: $SSL_CERT_FILE / $SSL_CERT_DIR, else the first
  // existing of /etc/ssl/certs and /etc/pki/ca-trust/extracted/pem/directory-hash. Loaded on the
  // first https request, so a process that never uses https never pays for it.
  std::string ca_file;
  std::string ca_dir;
};

struct ClientRequest {
  std::string method = "GET";
  std::string url;  // Checked by parse_upstream_url (url.h).
  // Sent as given, after Host, User-Agent and Accept-Encoding: gzip (a caller's own value of those
  // last two wins). Connection, Content-Length and Transfer-Encoding are the client's business.
  // REQUIRES: no name or value contains CR or LF.
  Headers headers;
  std::string body;
  std::optional<std::chrono::milliseconds> timeout;  // Default: ClientOptions::timeout.
  // Passed to parse_upstream_url: only the AWS credential providers reach the metadata hosts.
  PlainHttp plain_http = PlainHttp::kLoopbackOnly;
};

struct ClientResponse {
  int status = 0;
  // As received, except that a gzip-decoded body drops Content-Encoding and Content-Length.
  Headers headers;
  std::string body;  // Decoded.
  int attempts = 0;  // Requests sent, retries included (a silent re-send on a stale pooled
                     // connection is part of the same attempt).
};

// The wait before attempt `attempt` (>= 2 for a retry): uniform in
// [0, min(limit, base * 2^(attempt-1))). Thread-safe.
std::chrono::milliseconds jittered_backoff(
    std::chrono::milliseconds base, int attempt,
    std::chrono::milliseconds limit = std::chrono::milliseconds::max());

class Client {
 public:
  Client(ClientOptions options, boost::asio::io_context& io);
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // Sends `request` without blocking the caller; `done` runs exactly once on an io_context thread.
  //
  // Any status, 304 and 4xx/5xx included, is a response. After retries, a 502/504 or a 429/503
  // whose Retry-After is too long comes back as a response too. Errors:
  //   kUpstreamUnavailable: resolution, connection, TLS or network failure, the deadline, or
  //                         the host's gate refused (then Error::retry_after is set);
  //   kUpstreamInvalid:     a malformed response, or a body over max_response_bytes;
  //   kInvalidArgument:     the URL does not pass parse_upstream_url;
  //   kInternal:            the CA certificates cannot be loaded.
  // Requests that are not idempotent are retried like the others: do not send what must not
  // happen twice.
  void send(ClientRequest request, Callback<ClientResponse> done);

 private:
  class Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace badgesmith::http
