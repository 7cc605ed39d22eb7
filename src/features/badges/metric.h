// shields.io's formatting of download counts: the metric() text formatter
// (services/text-formatters.js) and the downloadCount() colour (services/color-formatters.js),
// so that download badges read and colour exactly like shields'.
//
// Pure functions: safe from any thread; nothing here throws except std::bad_alloc.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace badgesmith::badges {

// metric(n) for the JS number nearest `count` (counts above 2^53 round, as they would in JS):
// the count itself below 1000, else scaled by the largest power of 1000 it reaches, with prefix
// k, M, G, T, P or E. A scaled value below 10 keeps one decimal unless that decimal is 0
// (Number#toFixed(1), which rounds the exact binary value and takes the upper candidate on a
// tie); otherwise it is rounded to an integer, and 1000 rolls over to the next prefix
// ("999.5k" -> "1M"). Examples: 999 -> "999", 1050 -> "1.1k", 9950 -> "9.9k", 999500 -> "1M".
std::string metric(std::uint64_t count);

// downloadCount(n): "red" for 0, "yellow" below 10, "yellowgreen" below 100, "green" below 1000,
// "brightgreen" from 1000 on. The names are badge-maker palette names.
std::string_view download_count_color(std::uint64_t count);

}  // namespace badgesmith::badges
