#include "core/lambda/runtime_loop.h"

#include <charconv>
#include <condition_variable>
#include <csignal>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/async/io_thread.h"
#include "core/http/client.h"
#include "core/lambda/apigw_event.h"
#include "core/log/log.h"

// The only Asio use outside server.cc and client.cc: SIGTERM must also end a /next that is
// blocked on the client's loop, and signal_set is how that loop learns of it.
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

namespace badgesmith::lambda {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::string_view kPathPrefix = "/2018-06-01/runtime/";
// /next carries no timeout (a frozen sandbox must not time out), but the client wants one.
constexpr std::chrono::milliseconds kNoTimeout = std::chrono::hours(24 * 365);

// What the loop thread waits on: client and handler completions, and the stop signal.
struct Shared {
  std::mutex mutex;
  std::condition_variable changed;
  bool stopping = false;  // Guarded by mutex.
};

// Starts an operation that completes through a callback (possibly on another thread, possibly
// after this returned) and waits for its value. nullopt when `deadline` passes first, or when a
// stop is requested and `stoppable`.
template <class T, class Start>
std::optional<T> wait_for(const std::shared_ptr<Shared>& shared, Start start,
                          std::optional<Clock::time_point> deadline, bool stoppable) {
  auto slot = std::make_shared<std::optional<T>>();
  start([shared, slot](T value) {
    {
      std::lock_guard lock(shared->mutex);
      *slot = std::move(value);
    }
    shared->changed.notify_all();
  });
  std::unique_lock lock(shared->mutex);
  const auto done = [&] { return slot->has_value() || (stoppable && shared->stopping); };
  if (deadline) {
    shared->changed.wait_until(lock, *deadline, done);
  } else {
    shared->changed.wait(lock, done);
  }
  if (!slot->has_value()) return std::nullopt;
  return std::move(*slot);
}

// One Runtime API connection: its own loop and client, so no upstream gate or cache setting of
// the app applies to it.
class RuntimeApi {
 public:
  explicit RuntimeApi(std::string_view api)
      : base_url_("http://" + std::string(api) + std::string(kPathPrefix)),
        client_(client_options(), io_.context()) {}

  // Stops the loop first: a /next still pending is dropped, never completed into a dead loop.
  ~RuntimeApi() { io_.stop(); }

  RuntimeApi(const RuntimeApi&) = delete;
  RuntimeApi& operator=(const RuntimeApi&) = delete;

  boost::asio::io_context& context() { return io_.context(); }

  // nullopt when stopped (only `stoppable` calls) before an answer came.
  std::optional<Result<http::ClientResponse>> call(const std::shared_ptr<Shared>& shared,
                                                   http::ClientRequest request, bool stoppable) {
    request.url = base_url_ + request.url;
    return wait_for<Result<http::ClientResponse>>(
        shared,
        [this, &request](auto done) {
          client_.send(std::move(request),
                       [done](Result<http::ClientResponse> result) { done(std::move(result)); });
        },
        std::nullopt, stoppable);
  }

  // POSTs a JSON document to `path`; the failure, logged, when not accepted (202).
  Result<void> post(const std::shared_ptr<Shared>& shared, std::string path, std::string body,
                    std::string_view error_type = {}) {
    http::ClientRequest request;
    request.method = "POST";
    request.url = std::move(path);
    request.headers.add("Content-Type", "application/json");
    if (!error_type.empty()) request.headers.add("Lambda-Runtime-Function-Error-Type", error_type);
    request.body = std::move(body);
    auto answer = call(shared, std::move(request), false).value();
    if (!answer) return answer.error();
    if (answer.value().status != 202) {
      return make_error(Errc::kUpstreamInvalid,
                        "Runtime API answered " + std::to_string(answer.value().status));
    }
    return success();
  }

 private:
  static http::ClientOptions client_options() {
    http::ClientOptions options;
    options.user_agent = "badgesmith-lambda/" BADGESMITH_VERSION;
    // A 6 MB event plus its envelope; one invocation at a time, so no gate worth the name.
    options.max_response_bytes = kMaxPayloadBytes + std::size_t{64} * 1024;
    options.gate.max_concurrent = 4;
    options.gate.rate_per_second = 1e6;
    options.gate.burst = 1e6;
    return options;
  }

  std::string base_url_;
  async::IoThread io_;
  http::Client client_;
};

std::string error_document(const Error& error, std::string_view type) {
  return nlohmann::json{
      {"errorMessage", error.message}, {"errorType", type}, {"stackTrace", nlohmann::json::array()}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// When the invocation must be answered: Lambda-Runtime-Deadline-Ms (epoch milliseconds) less the
// margin, on the steady clock the waits use. nullopt when the header is absent or unreadable.
std::optional<Clock::time_point> answer_by(const http::Headers& headers,
                                           std::chrono::milliseconds margin) {
  const auto text = headers.get("Lambda-Runtime-Deadline-Ms");
  long long epoch_ms = 0;
  if (!text ||
      std::from_chars(text->data(), text->data() + text->size(), epoch_ms).ec != std::errc()) {
    return std::nullopt;
  }
  const auto deadline =
      std::chrono::system_clock::time_point(std::chrono::milliseconds(epoch_ms)) - margin;
  return Clock::now() + (deadline - std::chrono::system_clock::now());
}

void record(log::AccessLog* access_log, const http::Request& request,
            const http::Response& response, Clock::time_point started) {
  if (access_log == nullptr) return;
  access_log->record(log::AccessRecord{
      request.request_id, request.method, request.path, response.status, response.body.size(),
      static_cast<std::uint64_t>(
          std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started).count()),
      request.client_address});
}

// Runs one event through the dispatcher; a 503 when the handler misses `deadline`.
http::Response handle(const std::shared_ptr<Shared>& shared, const http::Dispatcher& dispatcher,
                      std::string_view event, std::optional<Clock::time_point> deadline,
                      log::AccessLog* access_log) {
  const auto started = Clock::now();
  auto mapped = request_from_event(event);
  if (!mapped) {
    http::Request unparsed;
    http::Response refused = dispatcher.reject(unparsed, mapped.error());
    record(access_log, unparsed, refused, started);
    return refused;
  }
  // Shared with the handler: a late handler still reads it after we answered without it.
  auto request = std::make_shared<http::Request>(std::move(mapped).value());
  auto response = wait_for<http::Response>(
      shared,
      [&dispatcher, request](auto done) {
        dispatcher.dispatch(*request, routing::PathMode::kDecoded,
                            [request, done](http::Response answer) { done(std::move(answer)); });
      },
      deadline, false);
  if (response) {
    record(access_log, *request, *response, started);
    return std::move(*response);
  }
  log::warn("handler missed the invocation deadline", {{"request_id", request->request_id}});
  http::Request late;
  late.headers = request->headers;
  late.request_id = request->request_id;
  late.method = request->method;
  late.path = request->path;
  late.client_address = request->client_address;
  http::Response timed_out = dispatcher.reject(
      late, make_error(Errc::kUpstreamUnavailable, "the request did not complete in time"));
  record(access_log, late, timed_out, started);
  return timed_out;
}

}  // namespace

int run_runtime_loop(const RuntimeOptions& options, const http::Dispatcher& dispatcher) {
  auto shared = std::make_shared<Shared>();
  RuntimeApi api(options.api);
  boost::asio::signal_set signals(api.context(), SIGINT, SIGTERM);
  signals.async_wait([shared](const boost::system::error_code& ec, int signal_number) {
    if (ec) return;
    log::info("shutdown requested", {{"signal", signal_number}});
    {
      std::lock_guard lock(shared->mutex);
      shared->stopping = true;
    }
    shared->changed.notify_all();
  });
  log::info("lambda runtime started",
            {{"runtime_api", options.api}, {"version", BADGESMITH_VERSION}});

  for (;;) {
    http::ClientRequest next_request;
    next_request.url = "invocation/next";
    next_request.timeout = kNoTimeout;
    auto next = api.call(shared, std::move(next_request), true);
    if (!next) break;
    if (!next->has_value() || next->value().status != 200) {
      log::error("Runtime API /next failed",
                 {{"reason", next->has_value() ? "status " + std::to_string(next->value().status)
                                               : next->error().message}});
      return 1;
    }
    const http::ClientResponse& invocation = next->value();
    const auto id = invocation.headers.get("Lambda-Runtime-Aws-Request-Id");
    if (!id || id->empty() || id->find('/') != std::string_view::npos) {
      log::error("Runtime API /next without a usable request id");
      return 1;
    }
    const std::string invocation_id(*id);
    // The X-Ray SDK convention: the current invocation's trace header lives in the environment.
    if (const auto trace = invocation.headers.get("Lambda-Runtime-Trace-Id")) {
      ::setenv("_X_AMZN_TRACE_ID", std::string(*trace).c_str(), 1);
    } else {
      ::unsetenv("_X_AMZN_TRACE_ID");
    }

    const http::Response response =
        handle(shared, dispatcher, invocation.body,
               answer_by(invocation.headers, options.deadline_margin), options.access_log);
    const std::string prefix = "invocation/" + invocation_id;
    Result<void> posted = success();
    if (auto encoded = event_response(response)) {
      posted = api.post(shared, prefix + "/response", std::move(encoded).value());
    } else {
      posted = api.post(shared, prefix + "/error",
                        error_document(encoded.error(), "Runtime.ResponseTooLarge"),
                        "Runtime.ResponseTooLarge");
    }
    if (!posted) {
      log::warn("Runtime API refused the result",
                {{"invocation", invocation_id}, {"reason", posted.error().message}});
    }
  }
  log::info("stopped");
  return 0;
}

void report_init_error(std::string_view api, const Error& error) {
  auto shared = std::make_shared<Shared>();
  RuntimeApi runtime(api);
  auto posted = runtime.post(shared, "init/error", error_document(error, "Runtime.InitError"),
                             "Runtime.InitError");
  if (!posted) log::error("cannot report the init error", {{"reason", posted.error().message}});
}

}  // namespace badgesmith::lambda
