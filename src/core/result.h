// Errors as values. Every fallible operation on a request path returns Result<T>; the HTTP layer
// (core/http/error_response.h) is the one place an Errc becomes a status code and a JSON body.
#pragma once

#include <boost/outcome/result.hpp>
#include <boost/outcome/try.hpp>
#include <chrono>
#include <functional>
#include <string>
#include <utility>

namespace badgesmith {

enum class Errc {
  kInvalidArgument,      // 400: the client sent something malformed.
  kUnauthorized,         // 401
  kForbidden,            // 403
  kNotFound,             // 404
  kMethodNotAllowed,     // 405
  kConflict,             // 409
  kPayloadTooLarge,      // 413
  kUriTooLong,           // 414
  kHeadersTooLarge,      // 431
  kUpstreamUnavailable,  // 503: an upstream or the store could not be reached; retry later.
  kUpstreamInvalid,      // 502: an upstream answered something we cannot use.
  kInternal,             // 500: a bug or an environment failure; the message stays generic.
};

// A failure that is safe to show to a client: `message` never holds a secret or internal
// exception text. `error_code`/`property` fill the .NET-compatible `error_details` entry and may
// be empty. `retry_after` is a hint for kUpstreamUnavailable (a local rate limit knows when it
// will admit again); the HTTP layer sends it as Retry-After.
struct Error {
  Errc code = Errc::kInternal;
  std::string message;
  std::string error_code;
  std::string property;
  std::chrono::seconds retry_after{0};
};

inline Error make_error(Errc code, std::string message, std::string error_code = {},
                        std::string property = {}) {
  return Error{code, std::move(message), std::move(error_code), std::move(property), {}};
}

// `value()` on an error aborts instead of reading garbage (policy::terminate).
template <class T>
using Result = boost::outcome_v2::result<T, Error, boost::outcome_v2::policy::terminate>;

// `return success();` completes a Result<void>.
using boost::outcome_v2::success;

// Completion callback of an asynchronous operation. Called exactly once, possibly on another
// thread than the caller's.
template <class T>
using Callback = std::function<void(Result<T>)>;

}  // namespace badgesmith
