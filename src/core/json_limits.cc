#include "core/json_limits.h"

#include <nlohmann/json.hpp>
#include <string>

namespace badgesmith {

Result<nlohmann::json> parse_json_limited(std::string_view text, std::size_t max_bytes,
                                          int max_depth) {
  if (text.size() > max_bytes) {
    return make_error(Errc::kUpstreamInvalid,
                      "JSON document exceeds " + std::to_string(max_bytes) + " bytes");
  }
  // nlohmann's lexer takes a NUL byte for the end of input, so "1\0junk" would parse as 1. No JSON
  // text holds a raw NUL (RFC 8259 escapes control characters in strings, allows none outside).
  if (text.find('\0') != std::string_view::npos) {
    return make_error(Errc::kUpstreamInvalid, "malformed JSON document");
  }
  // nlohmann's parser is iterative, so the document is walked to its end whatever its depth; the
  // callback only declines to build containers that are too deep and remembers that it did.
  bool too_deep = false;
  const nlohmann::json::parser_callback_t limit_depth =
      [&too_deep, max_depth](int depth, nlohmann::json::parse_event_t event, nlohmann::json&) {
        const bool opens = event == nlohmann::json::parse_event_t::object_start ||
                           event == nlohmann::json::parse_event_t::array_start;
        if (opens && depth >= max_depth) too_deep = true;
        return !too_deep;
      };
  nlohmann::json value =
      nlohmann::json::parse(text.begin(), text.end(), limit_depth, /*allow_exceptions=*/false);
  if (too_deep) {
    return make_error(Errc::kUpstreamInvalid,
                      "JSON document nests deeper than " + std::to_string(max_depth));
  }
  if (value.is_discarded()) return make_error(Errc::kUpstreamInvalid, "malformed JSON document");
  return value;
}

}  // namespace badgesmith
