#include "core/http/client.h"

#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <charconv>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <mutex>
#include <random>
#include <unordered_map>
#include <variant>

#include "core/http/gzip.h"
#include "core/http/url.h"
#include "core/log/log.h"

namespace badgesmith::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using boost::system::error_code;
using Clock = std::chrono::steady_clock;

namespace {

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;
using OutgoingRequest = bhttp::request<bhttp::string_body>;
constexpr auto kAwait = asio::use_awaitable;

// One connection to one upstream, busy with a single request or idle in the pool.
struct Connection {
  explicit Connection(asio::io_context& io) : stream(std::in_place_type<PlainStream>, io) {}
  Connection(asio::io_context& io, ssl::context& tls)
      : stream(std::in_place_type<TlsStream>, io, tls) {}

  beast::tcp_stream& transport() {
    return std::visit([](auto& s) -> beast::tcp_stream& { return beast::get_lowest_layer(s); },
                      stream);
  }

  std::variant<PlainStream, TlsStream> stream;
};

// The outcome of one request/response exchange on one connection.
struct Exchange {
  Result<ClientResponse> result;
  bool stale = false;     // Failed before any response byte: the peer had closed the connection.
  bool reusable = false;  // The connection may serve another request.
};

// Idle keep-alive connections per upstream. Expiry is checked when a host's list is touched
// rather than by a timer: the hosts are few, so the descriptors parked meanwhile are bounded.
class Pool {
 public:
  Pool(std::size_t max_idle, std::chrono::milliseconds idle_timeout)
      : max_idle_(max_idle), idle_timeout_(idle_timeout) {}

  // The most recently parked live connection to `key`, or null.
  std::unique_ptr<Connection> take(const std::string& key) {
    const std::lock_guard lock(mutex_);
    std::deque<Idle>& idle = prune(key);
    if (idle.empty()) return nullptr;
    std::unique_ptr<Connection> connection = std::move(idle.back().connection);
    idle.pop_back();
    return connection;
  }

  void put(const std::string& key, std::unique_ptr<Connection> connection) {
    const std::lock_guard lock(mutex_);
    std::deque<Idle>& idle = prune(key);
    idle.push_back(Idle{std::move(connection), Clock::now()});
    if (idle.size() > max_idle_) idle.pop_front();
  }

 private:
  struct Idle {
    std::unique_ptr<Connection> connection;
    Clock::time_point since;
  };

  std::deque<Idle>& prune(const std::string& key) {
    std::deque<Idle>& idle = idle_[key];
    const auto oldest_allowed = Clock::now() - idle_timeout_;
    while (!idle.empty() && idle.front().since < oldest_allowed) idle.pop_front();
    return idle;
  }

  const std::size_t max_idle_;
  const std::chrono::milliseconds idle_timeout_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<Idle>> idle_;  // Guarded by mutex_.
};

Error unavailable(const Url& url, std::string_view what, const error_code& ec) {
  const std::string reason = ec == beast::error::timeout ? "timed out" : ec.message();
  return make_error(Errc::kUpstreamUnavailable,
                    "Upstream " + url.host + ": " + std::string(what) + ": " + reason);
}

// What a peer closing an idle keep-alive connection looks like to the next request on it.
bool is_disconnect(const error_code& ec) {
  return ec == bhttp::error::end_of_stream || ec == asio::error::eof ||
         ec == asio::error::connection_reset || ec == asio::error::broken_pipe ||
         ec == asio::error::connection_aborted || ec == ssl::error::stream_truncated;
}

// Retry-After in its delay-seconds form (RFC 9110 §10.2.3); nullopt for an HTTP-date or junk.
std::optional<std::chrono::seconds> parse_delay_seconds(std::string_view value) {
  value = trim_ows(value);
  std::chrono::seconds::rep seconds = 0;
  const char* end = value.data() + value.size();
  const auto parsed = std::from_chars(value.data(), end, seconds);
  if (parsed.ec != std::errc() || parsed.ptr != end || seconds < 0) return std::nullopt;
  return std::chrono::seconds(seconds);
}

// The CA set packaged beside the executable: a `certs` directory next to it (the Lambda zip's
// /var/task/certs), in OpenSSL's hashed layout (`<subject hash>.0` files), so certificates are
// read lazily, one issuer at a time, not all parsed at start-up. The executable's directory
// comes from /proc/self/exe, or $LAMBDA_TASK_ROOT where /proc is not mounted. Empty when absent.
std::string bundled_ca_dir() {
  std::error_code ec;
  std::filesystem::path base = std::filesystem::read_symlink("/proc/self/exe", ec).parent_path();
  if (ec || base.empty()) {
    const char* task_root = std::getenv("LAMBDA_TASK_ROOT");
    if (task_root == nullptr || *task_root == '\0') return {};
    base = task_root;
  }
  std::filesystem::path dir = base / "certs";
  if (!std::filesystem::is_directory(dir, ec)) return {};
  return dir.string();
}

// Trust anchors, first match wins: the options (--upstream-ca-file); else SSL_CERT_FILE and
// SSL_CERT_DIR; else the bundled certs directory (above) together with the first system CA
// directory found. Verification is always on.
Result<std::unique_ptr<ssl::context>> load_tls_context(const ClientOptions& options) {
  std::string file = options.ca_file;
  std::string dir = options.ca_dir;
  if (file.empty() && dir.empty()) {
    const char* env_file = std::getenv("SSL_CERT_FILE");
    const char* env_dir = std::getenv("SSL_CERT_DIR");
    file = env_file != nullptr ? env_file : "";
    dir = env_dir != nullptr ? env_dir : "";
  }
  const std::string bundled = file.empty() && dir.empty() ? bundled_ca_dir() : std::string();
  if (file.empty() && dir.empty()) {
    for (const char* candidate :
         {"/etc/ssl/certs", "/etc/pki/ca-trust/extracted/pem/directory-hash"}) {
      std::error_code ignored;
      if (std::filesystem::is_directory(candidate, ignored)) {
        dir = candidate;
        break;
      }
    }
  }
  if (file.empty() && dir.empty() && bundled.empty()) {
    return make_error(Errc::kInternal, "no CA certificates found for https upstreams");
  }
  auto context = std::make_unique<ssl::context>(ssl::context::tls_client);
  SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_2_VERSION);
  context->set_verify_mode(ssl::verify_peer);
  error_code ec;
  if (!file.empty()) context->load_verify_file(file, ec);
  // Each call adds one more directory to the context's single hash_dir lookup.
  if (!ec && !bundled.empty()) context->add_verify_path(bundled, ec);
  if (!ec && !dir.empty()) context->add_verify_path(dir, ec);
  if (ec) {
    return make_error(Errc::kInternal, "cannot load CA certificates from '" + file + dir + bundled +
                                           "': " + ec.message());
  }
  return context;
}

// SNI for names (RFC 6066 forbids it for IP literals) and a certificate check against the URL's
// host, done by OpenSSL during the handshake.
bool expect_peer(TlsStream& stream, const std::string& host) {
  SSL* ssl = stream.native_handle();
  X509_VERIFY_PARAM* param = SSL_get0_param(ssl);
  X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
  error_code not_an_ip;
  asio::ip::make_address(host, not_an_ip);
  if (!not_an_ip) return X509_VERIFY_PARAM_set1_ip_asc(param, host.c_str()) == 1;
  return SSL_set_tlsext_host_name(ssl, host.c_str()) == 1 &&
         X509_VERIFY_PARAM_set1_host(param, host.c_str(), host.size()) == 1;
}

OutgoingRequest build_request(const Url& url, ClientRequest& request,
                              const ClientOptions& options) {
  OutgoingRequest out;
  out.version(11);
  const bhttp::verb verb = bhttp::string_to_verb(request.method);
  if (verb == bhttp::verb::unknown) {
    out.method_string(request.method);
  } else {
    out.method(verb);
  }
  out.target(url.target);
  out.set(bhttp::field::host, url.authority());
  out.set(bhttp::field::user_agent, options.user_agent);
  out.set(bhttp::field::accept_encoding, "gzip");
  for (const Headers::Field& field : request.headers.fields()) {
    const bhttp::field known = bhttp::string_to_field(field.name);
    if (known == bhttp::field::host || known == bhttp::field::connection ||
        known == bhttp::field::content_length || known == bhttp::field::transfer_encoding) {
      continue;
    }
    if (known == bhttp::field::user_agent || known == bhttp::field::accept_encoding) {
      out.set(known, field.value);
    } else {
      out.insert(field.name, field.value);
    }
  }
  out.body() = std::move(request.body);
  out.prepare_payload();
  return out;
}

// Writes `request` and reads one response on an open stream whose deadline is already set.
template <class Stream>
asio::awaitable<Exchange> exchange_on(Stream& stream, const OutgoingRequest& request,
                                      const Url& url, const ClientOptions& options) {
  error_code ec;
  co_await bhttp::async_write(stream, request, asio::redirect_error(kAwait, ec));
  if (ec) co_return Exchange{unavailable(url, "write failed", ec), is_disconnect(ec)};

  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
  parser.body_limit(options.max_response_bytes);
  parser.skip(request.method() == bhttp::verb::head);
  // Boost 1.74's parser loses its body_limit error for a Content-Length over the limit when it
  // reads on into the body, so the head is read alone and its length checked here. A 304 or a
  // HEAD response is done after its head, whatever Content-Length it announces.
  co_await bhttp::async_read_header(stream, buffer, parser, asio::redirect_error(kAwait, ec));
  if (!ec && !parser.is_done() &&
      parser.content_length().value_or(0) > options.max_response_bytes) {
    ec = bhttp::error::body_limit;
  }
  if (!ec && !parser.is_done()) {
    co_await bhttp::async_read(stream, buffer, parser, asio::redirect_error(kAwait, ec));
  }
  if (ec == bhttp::error::body_limit) {
    co_return Exchange{make_error(Errc::kUpstreamInvalid,
                                  "Upstream " + url.host + ": response body is too large")};
  }
  if (ec && ec.category() == bhttp::make_error_code(bhttp::error::bad_version).category() &&
      ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
    co_return Exchange{make_error(
        Errc::kUpstreamInvalid, "Upstream " + url.host + ": malformed response: " + ec.message())};
  }
  if (ec) {
    co_return Exchange{unavailable(url, "read failed", ec),
                       !parser.got_some() && is_disconnect(ec)};
  }

  auto& message = parser.get();
  ClientResponse response;
  response.status = static_cast<int>(message.result_int());
  for (const auto& field : message) response.headers.add(field.name_string(), field.value());
  response.body = std::move(message.body());
  // Leftover bytes would be the start of an answer to no request: such a connection is done.
  const bool reusable = message.keep_alive() && buffer.size() == 0;
  if (const auto encoding = response.headers.get("Content-Encoding");
      encoding && iequals(trim_ows(*encoding), "gzip")) {
    Result<std::string> decoded = gunzip(response.body, options.max_response_bytes);
    if (!decoded) {
      Error error = std::move(decoded.error());
      error.message = "Upstream " + url.host + ": " + error.message;
      co_return Exchange{std::move(error), false, reusable};
    }
    response.body = std::move(decoded.value());
    response.headers.remove("Content-Encoding");
    response.headers.remove("Content-Length");
  }
  co_return Exchange{std::move(response), false, reusable};
}

}  // namespace

// Full jitter (uniform in [0, cap)): retries of many clients spread out instead of colliding.
std::chrono::milliseconds jittered_backoff(std::chrono::milliseconds base, int attempt,
                                           std::chrono::milliseconds limit) {
  thread_local std::minstd_rand random(
      static_cast<std::uint_fast32_t>(Clock::now().time_since_epoch().count()));
  const std::chrono::milliseconds cap =
      std::min(limit, std::chrono::milliseconds(base * (1LL << std::min(attempt - 1, 20))));
  std::uniform_int_distribution<std::int64_t> pick(0, std::max<std::int64_t>(0, cap.count() - 1));
  return std::chrono::milliseconds(pick(random));
}

class Client::Impl {
 public:
  Impl(ClientOptions options, asio::io_context& io)
      : options_(std::move(options)),
        io_(io),
        gate_(options_.gate),
        pool_(options_.max_idle_per_host, options_.idle_timeout) {}

  asio::io_context& io() { return io_; }

  // Owns `self` so that the client's state outlives the coroutine, whatever happens to Client.
  static asio::awaitable<void> run(std::shared_ptr<Impl> self, ClientRequest request,
                                   Callback<ClientResponse> done) {
    Result<ClientResponse> result = make_error(Errc::kInternal, "upstream request failed");
    try {
      result = co_await self->perform(std::move(request));
    } catch (const std::exception& e) {
      // Only resource exhaustion gets here (allocation, an OpenSSL context that cannot be made).
      log::error("upstream request failed", {{"error", e.what()}});
    }
    done(std::move(result));
  }

 private:
  asio::awaitable<Result<ClientResponse>> perform(ClientRequest request);
  asio::awaitable<Result<ClientResponse>> attempt(const Url& url, const OutgoingRequest& request,
                                                  Clock::time_point deadline);
  asio::awaitable<Result<std::unique_ptr<Connection>>> connect(const Url& url,
                                                               Clock::time_point deadline);
  asio::awaitable<Result<tcp::resolver::results_type>> resolve(const Url& url,
                                                               Clock::time_point deadline);
  std::optional<Clock::duration> retry_delay(const Result<ClientResponse>& result, int attempt,
                                             Clock::time_point deadline) const;
  Result<ssl::context*> tls_context();

  const ClientOptions options_;
  asio::io_context& io_;
  UpstreamGate gate_;
  Pool pool_;
  std::once_flag tls_once_;
  std::unique_ptr<ssl::context> tls_;  // Set by tls_once_, or tls_error_ is.
  Error tls_error_;
};

asio::awaitable<Result<ClientResponse>> Client::Impl::perform(ClientRequest request) {
  const Clock::time_point deadline = Clock::now() + request.timeout.value_or(options_.timeout);
  Result<Url> url = parse_upstream_url(request.url, request.plain_http);
  if (!url) co_return url.error();
  Result<UpstreamGate::Permit> permit = gate_.acquire(url.value().authority());
  if (!permit) co_return permit.error();
  const OutgoingRequest outgoing = build_request(url.value(), request, options_);

  asio::steady_timer pause(io_);
  for (int attempt_number = 1;; ++attempt_number) {
    Result<ClientResponse> result = co_await attempt(url.value(), outgoing, deadline);
    if (result) result.value().attempts = attempt_number;
    const std::optional<Clock::duration> delay = retry_delay(result, attempt_number, deadline);
    if (!delay) co_return result;
    pause.expires_after(*delay);
    error_code ignored;
    co_await pause.async_wait(asio::redirect_error(kAwait, ignored));
  }
}

std::optional<Clock::duration> Client::Impl::retry_delay(const Result<ClientResponse>& result,
                                                         int attempt_number,
                                                         Clock::time_point deadline) const {
  if (attempt_number >= options_.max_attempts) return std::nullopt;
  Clock::duration delay = jittered_backoff(options_.backoff_base, attempt_number);
  if (!result) {
    if (result.error().code != Errc::kUpstreamUnavailable) return std::nullopt;
  } else {
    const int status = result.value().status;
    if (status != 429 && status != 502 && status != 503 && status != 504) return std::nullopt;
    const auto retry_after = result.value().headers.get("Retry-After");
    if (retry_after && (status == 429 || status == 503)) {
      const std::optional<std::chrono::seconds> seconds = parse_delay_seconds(*retry_after);
      if (!seconds || *seconds > options_.max_retry_after) return std::nullopt;
      delay = *seconds;
    }
  }
  if (Clock::now() + delay >= deadline) return std::nullopt;
  return delay;
}

asio::awaitable<Result<ClientResponse>> Client::Impl::attempt(const Url& url,
                                                              const OutgoingRequest& request,
                                                              Clock::time_point deadline) {
  const std::string key = (url.tls ? "https://" : "http://") + url.authority();
  std::unique_ptr<Connection> connection = pool_.take(key);
  bool may_be_stale = connection != nullptr;
  for (;;) {
    if (!connection) {
      Result<std::unique_ptr<Connection>> fresh = co_await connect(url, deadline);
      if (!fresh) co_return fresh.error();
      connection = std::move(fresh.value());
    }
    connection->transport().expires_at(deadline);
    Exchange exchange = co_await std::visit(
        [&](auto& stream) { return exchange_on(stream, request, url, options_); },
        connection->stream);
    if (exchange.stale && may_be_stale) {
      // A pooled connection the peer closed while it sat idle: nothing was processed, so the
      // request goes once more, on a new connection.
      connection.reset();
      may_be_stale = false;
      continue;
    }
    if (exchange.reusable) pool_.put(key, std::move(connection));
    co_return std::move(exchange.result);
  }
}

asio::awaitable<Result<std::unique_ptr<Connection>>> Client::Impl::connect(
    const Url& url, Clock::time_point deadline) {
  std::unique_ptr<Connection> connection;
  if (url.tls) {
    Result<ssl::context*> context = tls_context();
    if (!context) co_return context.error();
    connection = std::make_unique<Connection>(io_, *context.value());
  } else {
    connection = std::make_unique<Connection>(io_);
  }
  Result<tcp::resolver::results_type> endpoints = co_await resolve(url, deadline);
  if (!endpoints) co_return endpoints.error();

  beast::tcp_stream& socket = connection->transport();
  socket.expires_at(deadline);
  error_code ec;
  co_await socket.async_connect(endpoints.value(), asio::redirect_error(kAwait, ec));
  if (ec) co_return unavailable(url, "cannot connect", ec);
  socket.socket().set_option(tcp::no_delay(true), ec);

  if (auto* tls = std::get_if<TlsStream>(&connection->stream)) {
    if (!expect_peer(*tls, url.host)) {
      co_return make_error(Errc::kInternal, "cannot set up TLS verification for " + url.host);
    }
    co_await tls->async_handshake(ssl::stream_base::client, asio::redirect_error(kAwait, ec));
    if (ec) co_return unavailable(url, "TLS handshake failed", ec);
  }
  co_return connection;
}

asio::awaitable<Result<tcp::resolver::results_type>> Client::Impl::resolve(
    const Url& url, Clock::time_point deadline) {
  // The resolver has no deadline of its own; the watchdog shares its ownership because its
  // handler may still run after this coroutine is gone.
  auto resolver = std::make_shared<tcp::resolver>(io_);
  asio::steady_timer watchdog(io_, deadline);
  watchdog.async_wait([resolver](const error_code& ec) {
    if (!ec) resolver->cancel();
  });
  error_code ec;
  tcp::resolver::results_type endpoints = co_await resolver->async_resolve(
      url.host, std::to_string(url.port), asio::redirect_error(kAwait, ec));
  watchdog.cancel();
  if (ec == asio::error::operation_aborted) ec = beast::error::timeout;
  if (ec) co_return unavailable(url, "cannot resolve", ec);
  co_return endpoints;
}

Result<ssl::context*> Client::Impl::tls_context() {
  std::call_once(tls_once_, [this] {
    Result<std::unique_ptr<ssl::context>> loaded = load_tls_context(options_);
    if (loaded) {
      tls_ = std::move(loaded.value());
    } else {
      tls_error_ = loaded.error();
      log::error("https upstreams unusable", {{"error", tls_error_.message}});
    }
  });
  if (!tls_) return tls_error_;
  return tls_.get();
}

Client::Client(ClientOptions options, asio::io_context& io)
    : impl_(std::make_shared<Impl>(std::move(options), io)) {}

Client::~Client() = default;

void Client::send(ClientRequest request, Callback<ClientResponse> done) {
  asio::post(impl_->io(),
             [impl = impl_, request = std::move(request), done = std::move(done)]() mutable {
               asio::co_spawn(impl->io(), Impl::run(impl, std::move(request), std::move(done)),
                              asio::detached);
             });
}

}  // namespace badgesmith::http
