// shields.io's metric() and downloadCount() (services/text-formatters.js,
// services/color-formatters.js). Expected strings were printed by running shields' metric() in
// Node v20 on Number(count) for each count below (a one-off script, not kept).
#include "features/badges/metric.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace badgesmith::badges {
namespace {

struct MetricCase {
  std::uint64_t count;
  std::string_view text;
};

constexpr MetricCase kMetricCases[] = {
    // Below 1000: the number itself.
    {0, "0"},
    {1, "1"},
    {9, "9"},
    {10, "10"},
    {99, "99"},
    {100, "100"},
    {999, "999"},
    // One decimal below 10, dropped when it is 0.
    {1000, "1k"},
    {1001, "1k"},
    {1049, "1k"},
    {1051, "1.1k"},
    {1949, "1.9k"},
    {2500, "2.5k"},
    {9499, "9.5k"},
    {9500, "9.5k"},
    {9949, "9.9k"},
    // toFixed rounds the binary double: 1.05 and 1.35 lie above, 1.15, 1.45, 1.95, 9.95 below.
    {1050, "1.1k"},
    {1150, "1.1k"},
    {1350, "1.4k"},
    {1450, "1.4k"},
    {1950, "1.9k"},
    {9950, "9.9k"},
    // Exact binary ties (odd quarters) go up, where printf would round to even.
    {1250, "1.3k"},
    {1750, "1.8k"},
    {2250, "2.3k"},
    {1250000, "1.3M"},
    {2750000, "2.8M"},
    {9750000000ull, "9.8G"},
    {1250000000000000000ull, "1.3E"},
    // "10.0" ends in 0, so the integer branch takes over.
    {9951, "10k"},
    {9960, "10k"},
    {9999, "10k"},
    // Integers from 10 on, Math.round half up.
    {10000, "10k"},
    {10499, "10k"},
    {10500, "11k"},
    {12345, "12k"},
    {99499, "99k"},
    {99500, "100k"},
    // Rollover to the next prefix.
    {999499, "999k"},
    {999500, "1M"},
    {999999, "1M"},
    {999500000, "1G"},
    {999499999999ull, "999G"},
    {999500000000ull, "1T"},
    // Every prefix a 64-bit count reaches.
    {1000000, "1M"},
    {1050000, "1.1M"},
    {1500000, "1.5M"},
    {9950000, "9.9M"},
    {1000000000, "1G"},
    {1234567890, "1.2G"},
    {1000000000000ull, "1T"},
    {2500000000000ull, "2.5T"},
    {1000000000000000ull, "1P"},
    {1000000000000000000ull, "1E"},
    // Above 2^53 the count is first rounded to a double, as in JS.
    {9007199254740993ull, "9P"},
    {999999999999999999ull, "1E"},
    {18446744073709551615ull, "18E"},
};

TEST(MetricTest, MatchesShields) {
  for (const MetricCase& c : kMetricCases) {
    SCOPED_TRACE(c.count);
    EXPECT_EQ(metric(c.count), c.text);
  }
}

TEST(MetricTest, DownloadCountColorMatchesShields) {
  struct ColorCase {
    std::uint64_t count;
    std::string_view color;
  };
  constexpr ColorCase kCases[] = {
      {0, "red"},          {1, "yellow"},         {9, "yellow"},
      {10, "yellowgreen"}, {99, "yellowgreen"},   {100, "green"},
      {999, "green"},      {1000, "brightgreen"}, {18446744073709551615ull, "brightgreen"},
  };
  for (const ColorCase& c : kCases) {
    SCOPED_TRACE(c.count);
    EXPECT_EQ(download_count_color(c.count), c.color);
  }
}

}  // namespace
}  // namespace badgesmith::badges
