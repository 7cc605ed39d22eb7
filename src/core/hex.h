// Lower-case hexadecimal, as digests, ids and ETags are printed everywhere in the service.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace badgesmith {

inline constexpr std::string_view kLowerHexDigits = "0123456789abcdef";

// Two digits per byte.
inline void append_hex(std::string& out, const unsigned char* bytes, std::size_t size) {
  for (std::size_t i = 0; i < size; ++i) {
    out += kLowerHexDigits[bytes[i] >> 4];
    out += kLowerHexDigits[bytes[i] & 0xF];
  }
}

// The low `digits` nibbles of `value`, most significant first (zero-padded).
inline void append_hex(std::string& out, std::uint64_t value, int digits) {
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
    out += kLowerHexDigits[(value >> shift) & 0xF];
  }
}

}  // namespace badgesmith
