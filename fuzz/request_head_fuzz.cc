// Feeds arbitrary bytes to screen_request_head and checks that whatever it accepts is framed
// unambiguously: never both Content-Length and chunked, never a body over the limit.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/http/request_screen.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string head(reinterpret_cast<const char*>(data), size);
  head += "\r\n\r\n";  // The server only screens heads it has seen end.
  badgesmith::http::RequestLimits limits;
  limits.max_head_bytes = 2048;
  limits.max_target_bytes = 256;
  limits.max_body_bytes = 1000;
  const auto screened = badgesmith::http::screen_request_head(head, limits);
  if (screened) {
    const auto& value = screened.value();
    if (value.content_length && value.chunked) __builtin_trap();
    if (value.content_length && *value.content_length > limits.max_body_bytes) __builtin_trap();
    if (head.size() > limits.max_head_bytes) __builtin_trap();
  } else if (screened.error().message.empty()) {
    __builtin_trap();
  }
  return 0;
}
