#include "core/http/error_response.h"

#include <algorithm>
#include <string>

#include "core/json_string.h"

namespace badgesmith::http {

int status_for(Errc code) noexcept {
  switch (code) {
    case Errc::kInvalidArgument:
      return 400;
    case Errc::kUnauthorized:
      return 401;
    case Errc::kForbidden:
      return 403;
    case Errc::kNotFound:
      return 404;
    case Errc::kMethodNotAllowed:
      return 405;
    case Errc::kConflict:
      return 409;
    case Errc::kPayloadTooLarge:
      return 413;
    case Errc::kUriTooLong:
      return 414;
    case Errc::kHeadersTooLarge:
      return 431;
    case Errc::kUpstreamInvalid:
      return 502;
    case Errc::kUpstreamUnavailable:
      return 503;
    case Errc::kInternal:
      break;
  }
  return 500;
}

Response error_response(const Error& error) {
  Response response;
  response.status = status_for(error.code);
  const bool is_internal = error.code == Errc::kInternal;
  std::string& body = response.body;
  body = "{\"message\":";
  append_json_string(body, is_internal ? "The request could not be processed" : error.message);
  if (!error.error_code.empty() && !is_internal) {
    body += ",\"error_details\":[{\"error_code\":";
    append_json_string(body, error.error_code);
    body += ",\"property_name\":";
    append_json_string(body, error.property);
    body += "}]";
  }
  body += '}';
  response.headers.set("Content-Type", "application/json; charset=utf-8");
  if (error.code == Errc::kUpstreamUnavailable) {
    // A 503 without a hint invites clients to retry at once; one second is the smallest honest one.
    const auto seconds = std::max<std::chrono::seconds::rep>(1, error.retry_after.count());
    response.headers.set("Retry-After", std::to_string(seconds));
  }
  return response;
}

}  // namespace badgesmith::http
