#include "features/badges/metric.h"

#include <array>
#include <charconv>
#include <cmath>
#include <system_error>

namespace badgesmith::badges {
namespace {

// shields also lists Z and Y, which a 64-bit count (at most 18.4E) never reaches.
constexpr std::array<char, 6> kPrefixes{'k', 'M', 'G', 'T', 'P', 'E'};

// Number#toFixed(1) for 0 <= value < 10. std::to_chars rounds the exact binary value too, but
// breaks ties to even where JS takes the larger candidate. A one-decimal tie is an exact
// x.x5, and the only such doubles are the odd quarters (x.25, x.75): those we round up here.
std::string to_fixed_1(double value) {
  const double quarters = value * 4;  // Exact: a power-of-two scaling.
  if (quarters == std::floor(quarters) && std::fmod(quarters, 2) == 1) {
    const int tenths = static_cast<int>(value * 10 + 0.5);  // Exact for quarters.
    return std::to_string(tenths / 10) + '.' + static_cast<char>('0' + tenths % 10);
  }
  std::array<char, 8> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                    std::chars_format::fixed, 1);
  return std::string(buffer.data(), result.ptr);
}

}  // namespace

std::string metric(std::uint64_t count) {
  const double n = static_cast<double>(count);  // What a JS caller would pass.
  double limit = 1e18;                          // 1000^6, exact in a double.
  for (std::size_t i = kPrefixes.size(); i-- > 0; limit /= 1000) {
    if (n < limit) continue;
    const double scaled = n / limit;
    if (scaled < 10) {
      const std::string one_decimal = to_fixed_1(scaled);
      if (one_decimal.back() != '0') return one_decimal + kPrefixes[i];
    }
    const double rounded = std::round(scaled);  // Math.round, for positive values.
    if (rounded < 1000) return std::to_string(static_cast<int>(rounded)) + kPrefixes[i];
    return std::string("1") + kPrefixes[i + 1];  // i < 5: 1000E would need a 10^21 count.
  }
  return std::to_string(count);
}

std::string_view download_count_color(std::uint64_t count) {
  if (count == 0) return "red";
  if (count < 10) return "yellow";
  if (count < 100) return "yellowgreen";
  if (count < 1000) return "green";
  return "brightgreen";
}

}  // namespace badgesmith::badges
