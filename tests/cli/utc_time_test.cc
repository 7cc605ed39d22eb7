#include "cli/utc_time.h"

#include <gtest/gtest.h>

namespace badgesmith::cli {
namespace {

TEST(UtcTime, ParsesDatesAsMidnightUtcAndUtcDateTimes) {
  const struct {
    const char* text;
    std::int64_t unix_seconds;
  } good[] = {
      {"1970-01-01", 0},
      {"2026-12-01", 1'796'083'200},
      {"2024-02-29", 1'709'164'800},
      {"2026-12-01T00:00:00Z", 1'796'083'200},
      {"2026-12-01t12:30:15z", 1'796'128'215},
      {"2026-12-01T12:30:15.999Z", 1'796'128'215},  // Fraction truncated.
  };
  for (const auto& c : good) {
    EXPECT_EQ(parse_utc_instant(c.text), std::optional<std::int64_t>{c.unix_seconds}) << c.text;
  }
  for (const char* bad :
       {"", "2026-12-1", "2026-13-01", "2026-02-29", "2026-12-01T", "20261201",
        "2026-12-01 00:00:00Z", "2026-12-01T00:00:00", "2026-12-01T02:00:00+02:00",
        "2026-12-01T00:00:60Z", "1969-12-31", "1969-12-31T23:59:59.5Z", "2026-12-0Z", "tomorrow"}) {
    EXPECT_EQ(parse_utc_instant(bad), std::nullopt) << bad;
  }
}

TEST(UtcTime, FormatsWholeSecondsInUtc) {
  EXPECT_EQ(format_utc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_utc(1'796'128'215), "2026-12-01T12:30:15Z");
  EXPECT_EQ(parse_utc_instant(format_utc(1'796'128'215)), 1'796'128'215);
}

}  // namespace
}  // namespace badgesmith::cli
