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

// True for the link-local addresses of the EC2 instance metadata service (169.254.169.254,
// fd00:ec2::254) and the ECS/EKS credential agents (169.254.170.2, 169.254.170.23, fd00:ec2::23):
// AWS serves them from the host itself, over plain http only.
bool is_aws_metadata_host(std::string_view host) noexcept;

enum class PlainHttp {
  kLoopbackOnly,
  kLoopbackOrAwsMetadata,  // For the credential providers only (core/aws/credentials.h).
};

// Parses "http[s]://host[:port][/path][?query][#fragment]". Plain http is accepted only for a
// loopback host (tests, local emulators), or an AWS metadata host when `plain_http` says so;
// anything else must use https so that no credential or upstream answer crosses a network
// unauthenticated. User info, empty hosts, ports outside 1..65535 and characters outside a DNS
// name or IP literal are refused with kInvalidArgument.
Result<Url> parse_upstream_url(std::string_view text,
                               PlainHttp plain_http = PlainHttp::kLoopbackOnly);

}  // namespace badgesmith::http
