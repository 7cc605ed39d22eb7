#include "core/http/dispatcher.h"

#include <atomic>
#include <chrono>
#include <exception>
#include <memory>
#include <random>
#include <thread>

#include "core/hex.h"
#include "core/http/error_response.h"
#include "core/log/log.h"

namespace badgesmith::http {

namespace {

constexpr std::size_t kMaxClientRequestIdBytes = 64;

bool is_acceptable_request_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxClientRequestIdBytes) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

// Request ids only need to be unique enough to correlate log lines, not unpredictable, so a
// per-thread PRNG keeps crypto out of the hot path and out of start-up.
std::string new_request_id() {
  thread_local std::mt19937_64 generator{
      std::random_device{}() ^
      static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()) ^
      std::hash<std::thread::id>{}(std::this_thread::get_id())};
  std::string id;
  id.reserve(32);
  append_hex(id, generator(), 16);
  append_hex(id, generator(), 16);
  return id;
}

void add_common_headers(const Request& request, Response& response) {
  response.headers.set("Access-Control-Allow-Origin", "*");
  response.headers.set("Access-Control-Expose-Headers", "ETag, Last-Modified, X-Request-Id");
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("X-Request-Id", request.request_id);
  if (!response.body.empty() && !response.headers.get("Content-Type")) {
    response.headers.set("Content-Type", "application/json; charset=utf-8");
  }
}

std::string allowed_request_headers(std::string_view requested) {
  std::string allowed;
  while (!requested.empty()) {
    const std::size_t comma = requested.find(',');
    const std::string_view name = trim_ows(requested.substr(0, comma));
    for (std::string_view candidate : kCorsAllowedHeaders) {
      if (iequals(name, candidate) && allowed.find(candidate) == std::string::npos) {
        if (!allowed.empty()) allowed += ", ";
        allowed += candidate;
      }
    }
    if (comma == std::string_view::npos) break;
    requested.remove_prefix(comma + 1);
  }
  return allowed;
}

Response preflight(const Request& request, const routing::Match& match) {
  Response response;
  response.status = 204;
  const routing::MethodSet methods =
      match.kind == routing::Match::Kind::kBadPath ? routing::MethodSet{} : match.allowed;
  response.headers.set("Access-Control-Allow-Methods",
                       methods.to_string().empty() ? "OPTIONS" : methods.to_string());
  std::string allowed_headers;
  if (const auto requested = request.headers.get("Access-Control-Request-Headers")) {
    allowed_headers = allowed_request_headers(*requested);
  } else {
    for (std::string_view candidate : kCorsAllowedHeaders) {
      if (!allowed_headers.empty()) allowed_headers += ", ";
      allowed_headers += candidate;
    }
  }
  if (!allowed_headers.empty()) {
    response.headers.set("Access-Control-Allow-Headers", allowed_headers);
  }
  response.headers.set("Access-Control-Max-Age", "3600");
  response.headers.set("Vary", "Access-Control-Request-Method, Access-Control-Request-Headers");
  return response;
}

// Owns the caller's Respond. If a handler lets its Respond die without calling it (a bug), the
// destructor still answers, so the connection cannot hang.
class ResponseSink {
 public:
  ResponseSink(const Request& request, Respond respond)
      : request_(request), respond_(std::move(respond)) {}
  ~ResponseSink() {
    if (!answered_.exchange(true)) {
      log::error("handler finished without a response", {{"request_id", request_.request_id}});
      finish(error_response(make_error(Errc::kInternal, "no response")));
    }
  }
  ResponseSink(const ResponseSink&) = delete;
  ResponseSink& operator=(const ResponseSink&) = delete;

  void send(Response response) {
    if (answered_.exchange(true)) {
      log::error("handler responded twice", {{"request_id", request_.request_id}});
      return;
    }
    finish(std::move(response));
  }

 private:
  void finish(Response response) {
    add_common_headers(request_, response);
    respond_(std::move(response));
  }

  const Request& request_;
  Respond respond_;
  std::atomic<bool> answered_{false};
};

void assign_request_id(Request& request) {
  // A transport that knows the request's id (API Gateway's requestId) has set it already.
  if (!request.request_id.empty()) return;
  if (const auto client_id = request.headers.get("X-Request-Id");
      client_id && is_acceptable_request_id(*client_id)) {
    request.request_id = std::string(*client_id);
  } else {
    request.request_id = new_request_id();
  }
}

void answer(const Request& request, Response response, const Respond& respond) {
  add_common_headers(request, response);
  respond(std::move(response));
}

}  // namespace

Response Dispatcher::reject(Request& request, const Error& error) const {
  assign_request_id(request);
  Response response = error_response(error);
  add_common_headers(request, response);
  return response;
}

void Dispatcher::dispatch(Request& request, routing::PathMode mode, Respond respond) const {
  assign_request_id(request);
  if (origin_guard_ != nullptr && !origin_guard_->admits(request)) {
    return answer(
        request,
        error_response(make_error(Errc::kForbidden, "Requests must come through the service's CDN",
                                  "FORBIDDEN_ORIGIN")),
        respond);
  }

  const routing::Match match = router_.match(request.method, request.path, mode, request.params);
  using Kind = routing::Match::Kind;
  if (request.method == "OPTIONS") {
    return answer(request, preflight(request, match), respond);
  }
  switch (match.kind) {
    case Kind::kBadPath:
      return answer(request,
                    error_response(make_error(Errc::kInvalidArgument, "The request path is invalid",
                                              "INVALID_PATH", "path")),
                    respond);
    case Kind::kNotFound:
      return answer(
          request,
          error_response(make_error(Errc::kNotFound, "Route not found", "ROUTE_NOT_FOUND", "path")),
          respond);
    case Kind::kMethodNotAllowed: {
      Response response = error_response(make_error(
          Errc::kMethodNotAllowed, "Method not allowed for this route", "METHOD_NOT_ALLOWED"));
      response.headers.set("Allow", match.allowed.to_string());
      return answer(request, std::move(response), respond);
    }
    case Kind::kFound:
      break;
  }

  auto sink = std::make_shared<ResponseSink>(request, std::move(respond));
  try {
    (*match.handler)(request, [sink](Response response) { sink->send(std::move(response)); });
  } catch (const std::exception& e) {
    // Handlers return errors as values; an exception here is a bug, reported without detail.
    log::error("handler threw", {{"request_id", request.request_id}, {"what", e.what()}});
    sink->send(error_response(make_error(Errc::kInternal, "exception")));
  }
}

}  // namespace badgesmith::http
