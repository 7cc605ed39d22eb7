// Parsing of the `serve` settings that need more than CLI11's type checks. Pure functions, so
// the rules are unit-tested without starting anything.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace badgesmith::cli {

struct ListenAddress {
  std::string host;  // An IP literal without brackets.
  std::uint16_t port = 0;
};

// "127.0.0.1:8080", "0.0.0.0:0" or "[::1]:8080". Host names are refused: a listener must not
// depend on name resolution. Fails with kInvalidArgument and a one-line reason.
Result<ListenAddress> parse_listen_address(std::string_view text);

struct AccessLogTarget {
  enum class Kind { kOff, kStdout, kFile };
  Kind kind = Kind::kStdout;
  std::string path;  // For kFile.
};

// "off", "stdout" or a file path.
Result<AccessLogTarget> parse_access_log_target(std::string_view text);

// BADGESMITH_REDIRECT_HOSTS: comma-separated DNS host names (white space around commas
// ignored), lower-cased. Fails with kInvalidArgument for an empty list or a name that is not
// letters, digits, '-' and '.'-separated labels (a port, a scheme or a '*' would never match).
Result<std::vector<std::string>> parse_redirect_hosts(std::string_view text);

}  // namespace badgesmith::cli
