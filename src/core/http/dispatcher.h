// Turns a parsed request into a response, independent of the transport: request id, CORS
// preflight, routing (404/405/400), the handler call, and the headers every response carries.
// The HTTP server and the Lambda loop both call it, so both behave identically.
#pragma once

#include "core/http/message.h"
#include "core/http/origin_guard.h"
#include "core/result.h"
#include "core/routing/router.h"

namespace badgesmith::http {

// Thread-safety: safe to share between threads; holds only a const Router and guard.
class Dispatcher {
 public:
  // `router` and `origin_guard` (null: every origin is admitted) must outlive the dispatcher.
  explicit Dispatcher(const routing::Router& router, const OriginGuard* origin_guard = nullptr)
      : router_(router), origin_guard_(origin_guard) {}

  // Routes `request` and calls `respond` exactly once, possibly on another thread, with a
  // complete response (403 FORBIDDEN_ORIGIN, before anything else, when the guard refuses): CORS
  // headers, X-Request-Id and X-Content-Type-Options are always set, and errors have their JSON
  // body. A handler that throws or drops its Respond yields a generic 500 (a bug, logged), never a
  // hang. `request` must stay alive until `respond` is called; dispatch fills its params, and its
  // request_id unless the transport set one: then from an acceptable X-Request-Id, else a fresh id.
  void dispatch(Request& request, routing::PathMode mode, Respond respond) const;

  // The complete error response, common headers included, for a request the transport refused
  // before routing (a limit or a malformed head). Fills request.request_id as dispatch does.
  Response reject(Request& request, const Error& error) const;

 private:
  const routing::Router& router_;
  const OriginGuard* origin_guard_;
};

// The allow-list for CORS request headers, in the case browsers send.
inline constexpr std::string_view kCorsAllowedHeaders[] = {"content-type", "x-signature",
                                                           "x-timestamp", "x-nonce"};

}  // namespace badgesmith::http
