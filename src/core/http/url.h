// Absolute http(s) URLs of upstream services (nuget.org, the GitHub API, AWS endpoints), parsed
// once at start-up so a typo in configuration fails there rather than on the first request.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace badgesmith::http {

struct Url {
  bool tls = true;     // https
  std::string host;    // Lower case; an IPv6 literal without its brackets.
  std::uint16_t port;  // Explicit or the scheme's default.
  std::string target;  // Path and query as written ("/" when empty); never a fragment.

  // The Host header value: the host, bracketed if IPv6, with ":port" unless it is the default.
  std::string authority() const;
};

// True for "localhost", 127.0.0.0/8 and ::1: hosts whose traffic never leaves the machine.
bool is_loopback_host(std::string_view host) noexcept;

// Parses "http[s]://host[:port][/path][?query][#fragment]". Plain http is accepted only for a
// loopback host (tests, local emulators); anything else must use https so that no credential or
// upstream answer crosses a network unauthenticated. User info, empty hosts, ports outside
// 1..65535 and characters outside a DNS name or IP literal are refused with kInvalidArgument.
Result<Url> parse_upstream_url(std::string_view text);

}  // namespace badgesmith::http
