// Comparison of secrets (MACs, tokens) whose running time does not depend on where they differ,
// so an attacker cannot find a valid value byte by byte by timing rejections.
#pragma once

#include <string_view>

namespace badgesmith::security {

// True when `a` and `b` hold the same bytes. Time depends only on the lengths: a length
// mismatch returns at once, which leaks the length of the expected value. That is acceptable for
// fixed-size values such as MACs, whose length is public anyway.
bool constant_time_equals(std::string_view a, std::string_view b) noexcept;

}  // namespace badgesmith::security
