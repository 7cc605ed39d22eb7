// Sixteen bytes at a time, for the renderer's loops over badge texts. GCC/Clang vector extensions
// compile to SSE2 on x86-64 (and to NEON or scalar code elsewhere).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace badgesmith::badges::blocks {

using Bytes16 = unsigned char __attribute__((vector_size(16)));

// The same 16 bytes as two 64-bit lanes: building or testing a vector through these stays in
// registers (going through memory in 8-byte halves would stall store-to-load forwarding).
using Words2 = std::uint64_t __attribute__((vector_size(16)));

inline bool any_set(Bytes16 mask) noexcept {
  const auto words = reinterpret_cast<Words2>(mask);
  return (words[0] | words[1]) != 0;
}

inline Bytes16 load16(const char* p) noexcept {
  Bytes16 v;
  std::memcpy(&v, p, 16);
  return v;
}

inline void store16(char* p, Bytes16 v) noexcept { std::memcpy(p, &v, 16); }

// All ones in the lanes below n (n <= 16), zero above.
inline Bytes16 lanes_below(std::size_t n) noexcept {
  constexpr Bytes16 kLaneIndex = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
  return Bytes16(kLaneIndex < static_cast<unsigned char>(n));
}

// Bit i set for each set lane i of a lane mask, so flagged bytes are visited with ctz rather
// than by testing all 16.
inline unsigned lane_bits(Bytes16 lanes) noexcept {
#if defined(__SSE2__)
  using Chars16 = char __attribute__((vector_size(16)));
  return static_cast<unsigned>(__builtin_ia32_pmovmskb128(reinterpret_cast<Chars16>(lanes)));
#else
  unsigned bits = 0;
  for (int i = 0; i < 16; ++i) bits |= (lanes[i] & 1u) << i;
  return bits;
#endif
}

}  // namespace badgesmith::badges::blocks
