// API Gateway HTTP API (payload format 2.0) events to and from the transport-neutral request and
// response of core/http/message.h, so the Lambda loop feeds the same Dispatcher as the server.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/http/message.h"
#include "core/result.h"

namespace badgesmith::lambda {

// Lambda's own bound on a synchronous invocation's event and response.
inline constexpr std::size_t kMaxPayloadBytes = std::size_t{6} * 1024 * 1024;
// A v2 event nests three levels (requestContext.http.*, authorizer claims a few more).
inline constexpr int kMaxEventDepth = 16;

// Builds the request an event describes: requestContext.http.method, rawPath as an already
// decoded path (path_is_decoded), rawQueryString, headers (API Gateway lower-cases names and
// joins repeats with ','), cookies as one Cookie header joined by "; ", body (base64-decoded when
// isBase64Encoded), requestContext.http.sourceIp as client_address and requestContext.requestId
// as request_id (dropped unless short and of [A-Za-z0-9-_.=+/], so the dispatcher makes one). Fails
// with kPayloadTooLarge over kMaxPayloadBytes and kInvalidArgument for anything else malformed
// (invalid JSON, too deep, a field of the wrong type, no method or a path not starting with '/',
// invalid base64, CR/LF/NUL in a header). Never throws on bad input.
Result<http::Request> request_from_event(std::string_view event);

// The v2 response for `response`: statusCode, headers (repeated names joined with ","), body and
// isBase64Encoded. Text bodies (valid UTF-8: JSON, SVG, HTML) go as they are; anything else is
// base64. Fails with kPayloadTooLarge when the encoded document exceeds kMaxPayloadBytes.
Result<std::string> event_response(const http::Response& response);

}  // namespace badgesmith::lambda
