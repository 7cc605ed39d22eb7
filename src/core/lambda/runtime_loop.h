// The AWS Lambda custom-runtime loop: takes invocations from the Runtime API
// (http://$AWS_LAMBDA_RUNTIME_API/2018-06-01), runs each API Gateway v2 event through the same
// Dispatcher the HTTP server uses (decoded-path mode) and posts the answer back.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/http/dispatcher.h"
#include "core/log/access_log.h"
#include "core/result.h"

namespace badgesmith::lambda {

struct RuntimeOptions {
  std::string api;  // host:port, as in AWS_LAMBDA_RUNTIME_API; loopback only.
  // A handler still busy this long before the invocation's deadline is answered with a 503, so
  // API Gateway gets a response instead of Lambda killing the sandbox.
  std::chrono::milliseconds deadline_margin{500};
  // One line per invocation, as the server writes per request; none when null. Must outlive the
  // loop.
  log::AccessLog* access_log = nullptr;
};

// Serves invocations one at a time until SIGTERM/SIGINT (returns 0) or until the Runtime API
// cannot be used (unreachable, or /next answers without a request id: returns 1, and Lambda
// replaces the sandbox). A malformed event is answered with a 400 response; a response that
// cannot be delivered (over 6 MB) is reported through /invocation/{id}/error. `dispatcher` must
// outlive handlers still running when this returns.
int run_runtime_loop(const RuntimeOptions& options, const http::Dispatcher& dispatcher);

// Posts `error` to /runtime/init/error (errorType Runtime.InitError), after which the caller
// should exit non-zero. Failures to post are logged only: the exit tells Lambda as well.
void report_init_error(std::string_view api, const Error& error);

}  // namespace badgesmith::lambda
