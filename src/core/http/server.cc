#include "core/http/server.h"

#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ip/v6_only.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <ctime>
#include <list>
#include <thread>
#include <vector>

#include "core/log/log.h"

namespace badgesmith::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
using boost::system::error_code;

namespace {

constexpr std::size_t kReadChunk = 4096;
using ReusePort = asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;

const char* reason_phrase(int status) {
  switch (status) {
    case 100:
      return "Continue";
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Content Too Large";
    case 414:
      return "URI Too Long";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    default:
      return "Unknown";
  }
}

// The Date header changes once a second; formatting it per response would be wasted work.
const std::string& current_http_date() {
  thread_local std::string cached;
  thread_local std::time_t cached_second = 0;
  const std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    cached_second = now;
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[64];
    const std::size_t n = std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    cached.assign(buffer, n);
  }
  return cached;
}

bool has_line_break(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c == '\r' || c == '\n'; });
}

bool body_allowed(int status) { return status >= 200 && status != 204 && status != 304; }

// Serialises the status line and headers. Fields with CR/LF (header injection) are dropped.
void serialize_head(const Response& response, bool keep_alive, std::string& out) {
  out.clear();
  out += "HTTP/1.1 ";
  out += std::to_string(response.status);
  out += ' ';
  out += reason_phrase(response.status);
  out += "\r\nDate: ";
  out += current_http_date();
  out += "\r\n";
  for (const Headers::Field& field : response.headers.fields()) {
    if (has_line_break(field.name) || has_line_break(field.value) ||
        iequals(field.name, "Content-Length") || iequals(field.name, "Connection") ||
        iequals(field.name, "Date") || iequals(field.name, "Transfer-Encoding")) {
      continue;
    }
    out += field.name;
    out += ": ";
    out += field.value;
    out += "\r\n";
  }
  if (body_allowed(response.status)) {
    out += "Content-Length: ";
    out += std::to_string(response.body.size());
    out += "\r\n";
  }
  if (!keep_alive) out += "Connection: close\r\n";
  out += "\r\n";
}

std::string format_endpoint(const tcp::endpoint& endpoint) {
  const std::string address = endpoint.address().to_string();
  const std::string port = std::to_string(endpoint.port());
  return endpoint.address().is_v6() ? "[" + address + "]:" + port : address + ":" + port;
}

// Bridges the callback-based Dispatcher into a coroutine: resumes with the Response on the
// session's own executor whichever thread responds, and keeps the io_context alive meanwhile.
template <class Token>
auto async_dispatch(const Dispatcher& dispatcher, Request& request, Token&& token) {
  return asio::async_initiate<Token, void(Response)>(
      [&dispatcher, &request](auto handler) {
        auto executor = asio::prefer(asio::get_associated_executor(handler),
                                     asio::execution::outstanding_work.tracked);
        using State = std::pair<decltype(handler), decltype(executor)>;
        auto state = std::make_shared<State>(std::move(handler), std::move(executor));
        dispatcher.dispatch(request, routing::PathMode::kRaw, [state](Response response) {
          asio::post(state->second, [state, response = std::move(response)]() mutable {
            std::move(state->first)(std::move(response));
          });
        });
      },
      token);
}

}  // namespace

class Server::Impl {
 public:
  Impl(ServerOptions options, const Dispatcher& dispatcher)
      : options_(std::move(options)), dispatcher_(dispatcher) {
    unsigned threads = options_.threads;
    if (threads == 0) threads = std::max(1U, std::thread::hardware_concurrency());
    for (unsigned i = 0; i < threads; ++i) workers_.push_back(std::make_unique<Worker>());
  }

  Result<std::string> listen();
  void run();
  void stop() {
    asio::post(workers_.front()->ioc, [this] { begin_shutdown(); });
  }

 private:
  // A connection's registration, so shutdown can wake sessions idling in keep-alive.
  struct Session {
    beast::tcp_stream* stream = nullptr;
    bool idle = false;
  };

  struct Worker {
    // Declared first so it is destroyed last: destroying the io_context destroys any session
    // coroutine still suspended (after the grace period), and those unregister from this list.
    std::list<Session*> sessions;  // Touched only from this worker's thread.
    asio::io_context ioc{1};
    std::optional<tcp::acceptor> acceptor;
  };

  asio::awaitable<void> accept_loop(Worker& worker);
  asio::awaitable<void> run_session(Worker& worker, tcp::socket socket);
  asio::awaitable<void> wait_for_shutdown();
  asio::awaitable<bool> write_response(beast::tcp_stream& stream, Request& request,
                                       Response& response, bool keep_alive,
                                       std::chrono::steady_clock::time_point started);
  void begin_shutdown();
  Result<void> bind_worker(Worker& worker, const tcp::endpoint& endpoint);

  ServerOptions options_;
  const Dispatcher& dispatcher_;
  std::atomic<std::size_t> connections_{0};
  std::atomic<bool> draining_{false};
  // Destroyed before the io_contexts that their I/O objects belong to.
  std::vector<std::unique_ptr<Worker>> workers_;
  std::optional<asio::signal_set> signals_;
};

Result<void> Server::Impl::bind_worker(Worker& worker, const tcp::endpoint& endpoint) {
  error_code ec;
  tcp::acceptor acceptor(worker.ioc);
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.set_option(ReusePort(true), ec);
  if (!ec && endpoint.address().is_v6()) acceptor.set_option(asio::ip::v6_only(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return make_error(Errc::kUpstreamUnavailable,
                      "cannot listen on " + format_endpoint(endpoint) + ": " + ec.message());
  }
  worker.acceptor.emplace(std::move(acceptor));
  return success();
}

Result<std::string> Server::Impl::listen() {
  error_code ec;
  const auto address = asio::ip::make_address(options_.host, ec);
  if (ec) return make_error(Errc::kInvalidArgument, "invalid listen address " + options_.host);
  tcp::endpoint endpoint(address, options_.port);

  if (endpoint.port() != 0) {
    // SO_REUSEPORT would let a second instance silently share the port; a plain bind first
    // proves nobody holds it.
    tcp::acceptor probe(workers_.front()->ioc);
    probe.open(endpoint.protocol(), ec);
    if (!ec) probe.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec && address.is_v6()) probe.set_option(asio::ip::v6_only(true), ec);
    if (!ec) probe.bind(endpoint, ec);
    if (ec) {
      return make_error(Errc::kUpstreamUnavailable,
                        "cannot listen on " + format_endpoint(endpoint) + ": " + ec.message());
    }
  }
  for (auto& worker : workers_) {
    BOOST_OUTCOME_TRY(bind_worker(*worker, endpoint));
    // Port 0 resolves on the first bind; the other acceptors join that port.
    endpoint = worker->acceptor->local_endpoint();
  }
  // Catch SIGTERM from now on: a supervisor may signal as soon as it sees the port is open.
  signals_.emplace(workers_.front()->ioc, SIGINT, SIGTERM);
  return format_endpoint(endpoint);
}

void Server::Impl::run() {
  Worker& main_worker = *workers_.front();
  signals_->async_wait([this](const error_code& ec, int signal_number) {
    if (ec) return;
    log::info("shutdown requested", {{"signal", signal_number}});
    begin_shutdown();
  });
  for (auto& worker : workers_) {
    asio::co_spawn(worker->ioc, accept_loop(*worker), asio::detached);
  }
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < workers_.size(); ++i) {
    threads.emplace_back([worker = workers_[i].get()] {
      pthread_setname_np(pthread_self(), "bs-io");
      worker->ioc.run();
    });
  }
  main_worker.ioc.run();
  for (auto& thread : threads) thread.join();
}

void Server::Impl::begin_shutdown() {
  if (draining_.exchange(true)) return;
  signals_->cancel();
  for (auto& worker : workers_) {
    asio::post(worker->ioc, [w = worker.get()] {
      error_code ignored;
      if (w->acceptor) w->acceptor->close(ignored);
      for (Session* session : w->sessions) {
        if (session->idle) session->stream->cancel();
      }
    });
  }
  asio::co_spawn(workers_.front()->ioc, wait_for_shutdown(), asio::detached);
}

asio::awaitable<void> Server::Impl::wait_for_shutdown() {
  const auto deadline = std::chrono::steady_clock::now() + options_.shutdown_grace;
  asio::steady_timer timer(workers_.front()->ioc);
  while (connections_.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    timer.expires_after(std::chrono::milliseconds(20));
    error_code ec;
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
  if (connections_.load() > 0) {
    log::warn("shutdown grace period over; closing remaining connections",
              {{"connections", static_cast<std::uint64_t>(connections_.load())}});
    for (auto& worker : workers_) worker->ioc.stop();
  }
}

asio::awaitable<void> Server::Impl::accept_loop(Worker& worker) {
  asio::steady_timer backoff(worker.ioc);
  while (worker.acceptor && worker.acceptor->is_open()) {
    error_code ec;
    tcp::socket socket(worker.ioc);
    co_await worker.acceptor->async_accept(socket, asio::redirect_error(asio::use_awaitable, ec));
    if (ec == asio::error::operation_aborted || draining_.load()) co_return;
    if (ec) {
      // Typically EMFILE: back off instead of spinning on a full descriptor table.
      log::warn("accept failed", {{"error", ec.message()}});
      backoff.expires_after(std::chrono::milliseconds(50));
      co_await backoff.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      continue;
    }
    if (connections_.fetch_add(1) >= options_.max_connections) {
      connections_.fetch_sub(1);
      socket.close(ec);
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    asio::co_spawn(worker.ioc, run_session(worker, std::move(socket)),
                   [this](const std::exception_ptr& error) {
                     connections_.fetch_sub(1);
                     if (error) log::error("connection ended by an exception");
                   });
  }
}

asio::awaitable<bool> Server::Impl::write_response(beast::tcp_stream& stream, Request& request,
                                                   Response& response, bool keep_alive,
                                                   std::chrono::steady_clock::time_point started) {
  thread_local std::string head;
  serialize_head(response, keep_alive, head);
  const bool send_body = request.method != "HEAD" && body_allowed(response.status);
  std::array<asio::const_buffer, 2> buffers{
      asio::buffer(head), send_body ? asio::buffer(response.body) : asio::const_buffer()};
  error_code ec;
  stream.expires_after(options_.write_timeout);
  co_await asio::async_write(stream, buffers, asio::redirect_error(asio::use_awaitable, ec));
  if (options_.access_log != nullptr) {
    const auto elapsed = std::chrono::steady_clock::now() - started;
    options_.access_log->record(log::AccessRecord{
        request.request_id, request.method, request.path, response.status,
        send_body ? response.body.size() : 0,
        static_cast<std::uint64_t>(
            std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count()),
        request.client_address});
  }
  co_return !ec;
}

asio::awaitable<void> Server::Impl::run_session(Worker& worker, tcp::socket socket) {
  error_code ec;
  const auto peer_endpoint = socket.remote_endpoint(ec);
  const std::string peer = ec ? std::string() : peer_endpoint.address().to_string();
  beast::tcp_stream stream(std::move(socket));
  const RequestLimits& limits = options_.limits;
  beast::flat_buffer buffer(limits.max_head_bytes + limits.max_body_bytes + kReadChunk * 2);

  Session session{&stream, false};
  worker.sessions.push_front(&session);
  const auto registration = worker.sessions.begin();
  struct Unregister {
    std::list<Session*>& list;
    std::list<Session*>::iterator it;
    ~Unregister() { list.erase(it); }
  } unregister{worker.sessions, registration};

  for (;;) {
    if (buffer.size() == 0) {
      if (draining_.load()) break;
      session.idle = true;
      stream.expires_after(options_.idle_timeout);
      const std::size_t n = co_await stream.async_read_some(
          buffer.prepare(kReadChunk), asio::redirect_error(asio::use_awaitable, ec));
      session.idle = false;
      if (ec) break;
      buffer.commit(n);
    }
    const auto started = std::chrono::steady_clock::now();

    // RFC 9112 §2.2: ignore empty lines before a request line.
    while (buffer.size() >= 2 &&
           std::string_view(static_cast<const char*>(buffer.data().data()), 2) == "\r\n") {
      buffer.consume(2);
    }

    // Read the whole head under one deadline, so a client trickling bytes (slowloris) is cut
    // off after header_timeout however steadily it sends.
    stream.expires_after(options_.header_timeout);
    std::size_t head_size = 0;
    Request request;
    request.client_address = peer;
    std::optional<Error> refusal;
    for (;;) {
      const std::string_view data(static_cast<const char*>(buffer.data().data()), buffer.size());
      const std::size_t end = data.find("\r\n\r\n");
      if (end != std::string_view::npos) {
        head_size = end + 4;
        break;
      }
      // A head ended by bare LFs is refused by screening now rather than timing out.
      if (const std::size_t bare = data.find("\n\n"); bare != std::string_view::npos) {
        head_size = bare + 2;
        break;
      }
      if (data.size() > limits.max_head_bytes) break;
      const std::size_t n = co_await stream.async_read_some(
          buffer.prepare(kReadChunk), asio::redirect_error(asio::use_awaitable, ec));
      if (ec) co_return;
      buffer.commit(n);
    }
    const std::string_view head(static_cast<const char*>(buffer.data().data()),
                                head_size == 0 ? buffer.size() : head_size);
    ScreenedHead screened;
    if (head_size == 0 || head_size > limits.max_head_bytes) {
      refusal = make_error(Errc::kHeadersTooLarge, "Request header fields are too large",
                           "HEADERS_TOO_LARGE");
    } else if (auto checked = screen_request_head(head, limits); !checked) {
      refusal = checked.error();
    } else {
      screened = checked.value();
    }

    beast::http::request_parser<beast::http::string_body> parser;
    if (!refusal) {
      parser.header_limit(static_cast<std::uint32_t>(limits.max_head_bytes + 4));
      parser.body_limit(limits.max_body_bytes);
      parser.put(asio::buffer(head.data(), head.size()), ec);
      if (ec || !parser.is_header_done()) {
        refusal = make_error(Errc::kInvalidArgument, "Malformed request head", "INVALID_REQUEST");
      }
    }
    if (refusal) {
      // The framing of whatever follows is unknown, so the connection cannot be reused.
      // Best-effort method and path for the access log; the head is not trusted to parse.
      const std::string_view request_line = head.substr(0, std::min(head.find("\r\n"), kReadChunk));
      request.method =
          std::string(request_line.substr(0, std::min<std::size_t>(request_line.find(' '), 16)));
      const std::size_t path_start = std::min(request_line.find(' '), request_line.size());
      request.path = std::string(
          request_line.substr(path_start + (path_start < request_line.size() ? 1 : 0),
                              request_line.find_first_of(" ?", path_start + 1) - path_start - 1));
      Response response = dispatcher_.reject(request, *refusal);
      co_await write_response(stream, request, response, false, started);
      break;
    }
    buffer.consume(head_size);

    auto& message = parser.get();
    request.method = std::string(message.method_string());
    const std::string_view target = message.target();
    const std::size_t question = target.find('?');
    request.path = std::string(target.substr(0, question));
    if (question != std::string_view::npos)
      request.query = std::string(target.substr(question + 1));
    for (const auto& field : message) {
      request.headers.add(field.name_string(), field.value());
    }
    if (!options_.trusted_proxies.empty()) {
      request.client_address = resolve_client_address(
          peer, request.headers.joined("X-Forwarded-For"), options_.trusted_proxies);
    }
    bool keep_alive = message.keep_alive();

    if (!parser.is_done()) {
      if (screened.expects_continue) {
        static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
        stream.expires_after(options_.write_timeout);
        co_await asio::async_write(stream, asio::buffer(kContinue),
                                   asio::redirect_error(asio::use_awaitable, ec));
        if (ec) break;
      }
      stream.expires_after(options_.body_timeout);
      co_await beast::http::async_read(stream, buffer, parser,
                                       asio::redirect_error(asio::use_awaitable, ec));
      if (ec == beast::http::error::body_limit) {
        Response response = dispatcher_.reject(
            request,
            make_error(Errc::kPayloadTooLarge, "Request body is too large", "BODY_TOO_LARGE"));
        co_await write_response(stream, request, response, false, started);
        break;
      }
      if (ec == beast::error::timeout || ec == asio::error::eof ||
          ec == asio::error::operation_aborted || ec == asio::error::connection_reset) {
        break;
      }
      if (ec) {
        Response response = dispatcher_.reject(
            request, make_error(Errc::kInvalidArgument, "Malformed request body", "INVALID_BODY"));
        co_await write_response(stream, request, response, false, started);
        break;
      }
    }
    request.body = std::move(message.body());

    Response response = co_await async_dispatch(dispatcher_, request, asio::use_awaitable);
    keep_alive = keep_alive && !draining_.load();
    if (!co_await write_response(stream, request, response, keep_alive, started) || !keep_alive) {
      break;
    }
  }
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
}

Server::Server(ServerOptions options, const Dispatcher& dispatcher)
    : impl_(std::make_unique<Impl>(std::move(options), dispatcher)) {}
Server::~Server() = default;
Result<std::string> Server::listen() { return impl_->listen(); }
void Server::run() { impl_->run(); }
void Server::stop() { impl_->stop(); }

}  // namespace badgesmith::http
