// Works out the client's address: the socket peer, unless the peer is a trusted proxy, in which
// case the nearest X-Forwarded-For hop that is not itself a trusted proxy.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace badgesmith::http {

// A set of IPv4/IPv6 CIDR ranges. Immutable after parse(); safe to share between threads.
class TrustedProxies {
 public:
  // Parses "10.0.0.0/8,::1/128,192.0.2.7" (a bare address is a full-length prefix).
  // Fails with kInvalidArgument naming the first bad entry. An empty string gives an empty set.
  static Result<TrustedProxies> parse(std::string_view csv);

  bool contains(std::string_view address) const;
  bool empty() const noexcept { return ranges_.empty(); }

 private:
  struct Range {
    std::array<std::uint8_t, 16> bytes{};  // IPv4 stored as IPv4-mapped IPv6.
    unsigned prefix_bits = 0;
  };
  std::vector<Range> ranges_;
};

// `peer` is the socket peer address text; `forwarded_for` the X-Forwarded-For field values,
// comma-joined, or empty. Walks the hops right to left (nearest first) while they are trusted
// proxies and returns the first one that is not; a malformed hop stops the walk at the last
// trusted address, so a client cannot inject arbitrary text into logs.
std::string resolve_client_address(std::string_view peer, std::string_view forwarded_for,
                                   const TrustedProxies& trusted);

}  // namespace badgesmith::http
