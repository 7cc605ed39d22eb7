#include "cli/serve_config.h"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>

#include "core/ascii.h"
#include "core/http/message.h"

namespace badgesmith::cli {

namespace {

Error invalid(std::string message) {
  return make_error(Errc::kInvalidArgument, std::move(message));
}

bool is_ip_literal(const std::string& host, int family) {
  unsigned char bytes[sizeof(in6_addr)];
  return inet_pton(family, host.c_str(), bytes) == 1;
}

}  // namespace

Result<ListenAddress> parse_listen_address(std::string_view text) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) {
    return invalid("listen address must be HOST:PORT or [IPv6]:PORT, got '" + std::string(text) +
                   "'");
  }
  ListenAddress address;
  std::string_view host = text.substr(0, colon);
  const std::string_view port = text.substr(colon + 1);
  int family = AF_INET;
  if (host.front() == '[') {
    if (host.size() < 3 || host.back() != ']') return invalid("malformed IPv6 listen address");
    host = host.substr(1, host.size() - 2);
    family = AF_INET6;
  }
  address.host = std::string(host);
  if (!is_ip_literal(address.host, family)) {
    return invalid("listen host must be an IPv4 address or a bracketed IPv6 address, got '" +
                   address.host + "'");
  }
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (port.empty() || ec != std::errc() || end != port.data() + port.size() || value > 65535) {
    return invalid("listen port must be 0-65535, got '" + std::string(port) + "'");
  }
  address.port = static_cast<std::uint16_t>(value);
  return address;
}

Result<AccessLogTarget> parse_access_log_target(std::string_view text) {
  if (text == "off") return AccessLogTarget{AccessLogTarget::Kind::kOff, {}};
  if (text == "stdout") return AccessLogTarget{AccessLogTarget::Kind::kStdout, {}};
  if (text.empty()) return invalid("access log must be off, stdout or a file path");
  return AccessLogTarget{AccessLogTarget::Kind::kFile, std::string(text)};
}

Result<std::vector<std::string>> parse_redirect_hosts(std::string_view text) {
  std::vector<std::string> hosts;
  while (true) {
    const std::size_t comma = text.find(',');
    std::string host = ascii_lower(http::trim_ows(text.substr(0, comma)));
    const bool valid_host =
        !host.empty() && host.size() <= 253 && host.front() != '.' && host.back() != '.' &&
        host.find("..") == std::string::npos && std::all_of(host.begin(), host.end(), [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
        });
    if (!valid_host) {
      return make_error(Errc::kInvalidArgument,
                        "redirect hosts must be comma-separated host names, e.g. github.com");
    }
    hosts.push_back(std::move(host));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return hosts;
}

}  // namespace badgesmith::cli
