#include "core/http/url.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>

#include "core/http/message.h"

namespace badgesmith::http {

namespace {

Error invalid(std::string_view text, std::string_view why) {
  return make_error(Errc::kInvalidArgument,
                    "invalid upstream URL '" + std::string(text) + "': " + std::string(why));
}

bool is_ipv6(const std::string& host) {
  in6_addr address{};
  return inet_pton(AF_INET6, host.c_str(), &address) == 1;
}

bool is_dns_name(std::string_view host) {
  return !host.empty() && std::all_of(host.begin(), host.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '.' || c == '_';
  });
}

}  // namespace

std::string Url::authority() const {
  std::string out = host.find(':') == std::string::npos ? host : "[" + host + "]";
  if (port != (tls ? 443 : 80)) out += ":" + std::to_string(port);
  return out;
}

bool is_loopback_host(std::string_view host) noexcept {
  if (iequals(host, "localhost")) return true;
  char buffer[INET6_ADDRSTRLEN] = {};
  if (host.size() >= sizeof buffer) return false;
  std::memcpy(buffer, host.data(), host.size());
  in_addr v4{};
  if (inet_pton(AF_INET, buffer, &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  return inet_pton(AF_INET6, buffer, &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

bool is_aws_metadata_host(std::string_view host) noexcept {
  constexpr std::string_view kHosts[] = {"169.254.169.254", "169.254.170.2", "169.254.170.23",
                                         "fd00:ec2::254", "fd00:ec2::23"};
  for (std::string_view known : kHosts) {
    if (iequals(host, known)) return true;
  }
  return false;
}

Result<Url> parse_upstream_url(std::string_view text, PlainHttp plain_http) {
  Url url;
  const std::size_t scheme_end = text.find("://");
  const std::string_view scheme = text.substr(0, scheme_end);
  if (scheme_end == std::string_view::npos ||
      !(iequals(scheme, "https") || iequals(scheme, "http")))
    return invalid(text, "the scheme must be https (or http for a loopback host)");
  url.tls = scheme.size() == 5;

  std::string_view rest = text.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find('#'));
  const std::size_t authority_end = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, authority_end);
  url.target =
      authority_end == std::string_view::npos ? "/" : std::string(rest.substr(authority_end));
  if (url.target.front() == '?') url.target.insert(0, "/");
  if (authority.find('@') != std::string_view::npos)
    return invalid(text, "user info is not allowed");

  std::string_view port;
  bool has_port = false;
  if (!authority.empty() && authority.front() == '[') {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return invalid(text, "unterminated IPv6 literal");
    url.host = std::string(authority.substr(1, close - 1));
    if (!is_ipv6(url.host)) return invalid(text, "bad IPv6 literal");
    const std::string_view after = authority.substr(close + 1);
    if (!after.empty() && after.front() != ':') return invalid(text, "junk after the IPv6 literal");
    has_port = !after.empty();
    port = after.substr(has_port ? 1 : 0);
  } else {
    const std::size_t colon = authority.find(':');
    url.host = std::string(authority.substr(0, colon));
    if (!is_dns_name(url.host)) return invalid(text, "bad host");
    has_port = colon != std::string_view::npos;
    if (has_port) port = authority.substr(colon + 1);
  }
  std::transform(url.host.begin(), url.host.end(), url.host.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });

  url.port = url.tls ? 443 : 80;
  if (has_port) {
    int value = 0;
    const char* end = port.data() + port.size();
    const auto parsed = std::from_chars(port.data(), end, value);
    if (parsed.ec != std::errc() || parsed.ptr != end || value < 1 || value > 65535)
      return invalid(text, "bad port");
    url.port = static_cast<std::uint16_t>(value);
  }
  const bool metadata_allowed =
      plain_http == PlainHttp::kLoopbackOrAwsMetadata && is_aws_metadata_host(url.host);
  if (!url.tls && !is_loopback_host(url.host) && !metadata_allowed)
    return invalid(text, "plain http is allowed only for a loopback host");
  return url;
}

}  // namespace badgesmith::http
