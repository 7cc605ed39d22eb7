// The one place an Error becomes an HTTP response: its status code and the .NET-compatible body
// {"message": …, "error_details": [{"error_code": …, "property_name": …}]}.
#pragma once

#include "core/http/message.h"
#include "core/result.h"

namespace badgesmith::http {

int status_for(Errc code) noexcept;

// A JSON error response with the status of `error.code`. `error_details` is omitted when the
// error has no error_code. kInternal errors never expose their message: the body says only that
// the request failed, so internal detail cannot leak to a client. A 503 (kUpstreamUnavailable)
// carries `Retry-After: max(1, error.retry_after)` in seconds.
Response error_response(const Error& error);

}  // namespace badgesmith::http
