// Checks a raw HTTP/1.1 request head (request line and header fields, up to and including the
// blank line) before it is parsed or routed. These are the limits and smuggling defences that
// must hold no matter which route the request names, so they run first and cheaply.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "core/result.h"

namespace badgesmith::http {

struct RequestLimits {
  std::size_t max_head_bytes = std::size_t{16} * 1024;    // Request line + headers: 431 beyond.
  std::size_t max_target_bytes = std::size_t{4} * 1024;   // Request target: 414 beyond.
  std::size_t max_body_bytes = std::size_t{1024} * 1024;  // Declared body size: 413 beyond.
};

struct ScreenedHead {
  std::optional<std::size_t> content_length;
  bool chunked = false;
  bool expects_continue = false;
};

// Returns what the body framing will be, or the error to answer with:
//  - kInvalidArgument (400): malformed request line, obs-fold, a Content-Length that is repeated,
//    not a plain decimal or combined with Transfer-Encoding, a Transfer-Encoding other than
//    "chunked", invalid percent-encoding in the target, an Expect other than 100-continue;
//  - kUriTooLong (414), kPayloadTooLarge (413), kHeadersTooLarge (431).
// `head` should end with the CRLF CRLF that terminates the header section; a head ended any
// other way (bare LFs) is refused with kInvalidArgument.
Result<ScreenedHead> screen_request_head(std::string_view head, const RequestLimits& limits);

}  // namespace badgesmith::http
