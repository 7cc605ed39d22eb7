// SHA-256 and HMAC-SHA256 through OpenSSL 3, for everything that hashes or signs: test-result
// signatures, ETags, stored-record digests, AWS SigV4.
//
// Thread-safe. nullopt only when OpenSSL cannot compute the digest (no provider loaded), which no
// input causes.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace badgesmith::security {

inline constexpr std::size_t kSha256Bytes = 32;
using Sha256 = std::array<unsigned char, kSha256Bytes>;

std::optional<Sha256> sha256(std::string_view bytes);
std::optional<Sha256> hmac_sha256(std::string_view key, std::string_view message);

// The digest's bytes, e.g. as the key of a chained HMAC (SigV4's signing key).
inline std::string_view as_bytes(const Sha256& digest) {
  return {reinterpret_cast<const char*>(digest.data()), digest.size()};
}

}  // namespace badgesmith::security
