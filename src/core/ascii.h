// ASCII-only case folding. Names on the wire (GitHub owners, NuGet ids, CSS colour names, header
// fields) compare case-insensitively in ASCII alone: folding other letters (Unicode's 'K' for
// KELVIN SIGN) would make two different names one.
#pragma once

#include <string>
#include <string_view>

namespace badgesmith {

constexpr char ascii_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline void ascii_lower_in_place(std::string& text) noexcept {
  for (char& c : text) c = ascii_lower(c);
}

inline std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  ascii_lower_in_place(lower);
  return lower;
}

}  // namespace badgesmith
