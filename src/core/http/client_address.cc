#include "core/http/client_address.h"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>
#include <optional>

#include "core/http/message.h"

namespace badgesmith::http {

namespace {

// Parses an IPv4 or IPv6 address (IPv4 as IPv4-mapped IPv6) and reports whether it was IPv4.
std::optional<std::array<std::uint8_t, 16>> parse_address(std::string_view text, bool& is_v4) {
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') {
    text = text.substr(1, text.size() - 2);
  }
  if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return std::nullopt;
  const std::string copy(text);
  std::array<std::uint8_t, 16> bytes{};
  in_addr v4{};
  if (inet_pton(AF_INET, copy.c_str(), &v4) == 1) {
    bytes[10] = 0xFF;
    bytes[11] = 0xFF;
    std::memcpy(bytes.data() + 12, &v4, 4);
    is_v4 = true;
    return bytes;
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, copy.c_str(), &v6) == 1) {
    std::memcpy(bytes.data(), &v6, 16);
    is_v4 = false;
    return bytes;
  }
  return std::nullopt;
}

}  // namespace

Result<TrustedProxies> TrustedProxies::parse(std::string_view csv) {
  TrustedProxies proxies;
  while (!csv.empty()) {
    const std::size_t comma = csv.find(',');
    const std::string_view entry = trim_ows(csv.substr(0, comma));
    csv = comma == std::string_view::npos ? std::string_view() : csv.substr(comma + 1);
    if (entry.empty()) continue;
    const std::size_t slash = entry.find('/');
    bool is_v4 = false;
    const auto address = parse_address(entry.substr(0, slash), is_v4);
    if (!address) {
      return make_error(Errc::kInvalidArgument,
                        "invalid trusted proxy '" + std::string(entry) + "'");
    }
    const unsigned max_bits = is_v4 ? 32 : 128;
    unsigned bits = max_bits;
    if (slash != std::string_view::npos) {
      const std::string_view digits = entry.substr(slash + 1);
      const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), bits);
      if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty() ||
          bits > max_bits) {
        return make_error(Errc::kInvalidArgument,
                          "invalid trusted proxy prefix '" + std::string(entry) + "'");
      }
    }
    proxies.ranges_.push_back(Range{*address, is_v4 ? bits + 96 : bits});
  }
  return proxies;
}

bool TrustedProxies::contains(std::string_view address) const {
  bool is_v4 = false;
  const auto bytes = parse_address(address, is_v4);
  if (!bytes) return false;
  for (const Range& range : ranges_) {
    unsigned bits = range.prefix_bits;
    std::size_t i = 0;
    bool match = true;
    for (; bits >= 8 && match; bits -= 8, ++i) match = (*bytes)[i] == range.bytes[i];
    if (match && bits > 0) {
      const auto mask = static_cast<std::uint8_t>(0xFF << (8 - bits));
      match = ((*bytes)[i] & mask) == (range.bytes[i] & mask);
    }
    if (match) return true;
  }
  return false;
}

std::string resolve_client_address(std::string_view peer, std::string_view forwarded_for,
                                   const TrustedProxies& trusted) {
  if (forwarded_for.empty() || !trusted.contains(peer)) return std::string(peer);
  std::string_view nearest_trusted = peer;
  while (!forwarded_for.empty()) {
    const std::size_t comma = forwarded_for.rfind(',');
    const std::string_view hop =
        trim_ows(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
    forwarded_for =
        comma == std::string_view::npos ? std::string_view() : forwarded_for.substr(0, comma);
    bool is_v4 = false;
    if (!parse_address(hop, is_v4)) break;
    if (!trusted.contains(hop)) return std::string(hop);
    nearest_trusted = hop;
  }
  return std::string(nearest_trusted);
}

}  // namespace badgesmith::http
