// libFuzzer target for what an upstream's answer goes through before the feed code sees it:
// gunzip (Content-Encoding: gzip) and parse_json_limited. Both bound what a hostile or broken
// upstream can cost us, so besides not crashing they must enforce their limits exactly: a decoded
// body never exceeds its cap, a parsed document never exceeds its size or nesting limit, and
// neither refuses what is within them.
//
// Input layout: byte 0 = nesting limit (mod 32), byte 1 = size limit in units of 32 bytes, both
// for the JSON document and the decoded gzip body; the rest is the upstream body, parsed as JSON
// as it is and, when it is gzip, decoded and its content parsed as JSON.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/http/gzip.h"
#include "core/json_limits.h"

namespace {

// Large enough for any decoded seed, small enough to keep a zip bomb cheap.
constexpr std::size_t kLargeCap = 256 * 1024;

void check(bool condition) {
  if (!condition) __builtin_trap();
}

// Nesting depth of text that nlohmann::json::accept()s: the most brackets open at once outside
// strings. Independent of the parser, so it can judge the depth limit.
int text_depth(std::string_view text) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

// Nesting depth of a parsed value (a scalar 0, `[]` 1), walked iteratively so that a document
// that slipped past the limit is reported rather than overflowing the stack.
int value_depth(const nlohmann::json& root) {
  int deepest = 0;
  std::vector<std::pair<const nlohmann::json*, int>> pending{{&root, 0}};
  while (!pending.empty()) {
    const auto [value, level] = pending.back();
    pending.pop_back();
    if (!value->is_structured()) continue;
    deepest = std::max(deepest, level + 1);
    for (const auto& child : *value) pending.emplace_back(&child, level + 1);
  }
  return deepest;
}

void check_json(std::string_view text, std::size_t max_bytes, int max_depth) {
  const auto parsed = badgesmith::parse_json_limited(text, max_bytes, max_depth);
  if (!parsed) check(parsed.error().code == badgesmith::Errc::kUpstreamInvalid);
  // accept() shares the lexer that reads a NUL byte as the end of input; JSON has no raw NUL.
  const bool is_json =
      text.find('\0') == std::string_view::npos && nlohmann::json::accept(text.begin(), text.end());
  if (text.size() > max_bytes || !is_json) {
    check(!parsed);
    return;
  }
  const int depth = text_depth(text);
  check(parsed.has_value() == (depth <= max_depth));
  if (parsed) check(value_depth(parsed.value()) == depth);
}

void check_gunzip(std::string_view body, std::size_t cap, int max_depth) {
  const auto decoded = badgesmith::http::gunzip(body, cap);
  const auto full = badgesmith::http::gunzip(body, kLargeCap);
  if (decoded) {
    check(decoded.value().size() <= cap);
    check(full.has_value() && full.value() == decoded.value());
  }
  if (!full) return;
  // The cap is exact: the decoded size itself is allowed, one byte less is not.
  check(decoded.has_value() == (full.value().size() <= cap));
  check(badgesmith::http::gunzip(body, full.value().size()).has_value());
  if (!full.value().empty()) {
    check(!badgesmith::http::gunzip(body, full.value().size() - 1).has_value());
  }
  if (decoded) check_json(decoded.value(), cap, max_depth);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const int max_depth = data[0] % 32;
  const std::size_t max_bytes = std::size_t{32} * data[1];
  const std::string_view body(reinterpret_cast<const char*>(data) + 2, size - 2);
  check_json(body, max_bytes, max_depth);
  check_gunzip(body, max_bytes, max_depth);
  return 0;
}
