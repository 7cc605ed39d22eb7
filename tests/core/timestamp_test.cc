#include "core/timestamp.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace badgesmith {
namespace {

constexpr std::int64_t kNowMs = 1'795'852'800'000;  // 2026-11-28T08:00:00Z

TEST(Rfc3339, ParsesDateTimes) {
  const struct {
    const char* text;
    std::int64_t ms;
  } valid[] = {
      {"1970-01-01T00:00:00Z", 0},
      {"1970-01-01t00:00:00z", 0},
      {"2026-11-28T08:00:00.123Z", kNowMs + 123},
      {"2026-11-28T08:00:00.1Z", kNowMs + 100},
      {"2026-11-28T08:00:00.123456789Z", kNowMs + 123},
      {"2026-11-28T10:30:00+02:30", kNowMs},
      {"2026-11-28T07:00:00-01:00", kNowMs},
      {"2026-11-28T08:00:00-00:00", kNowMs},
      {"2024-02-29T00:00:00Z", 1709164800000},
      {"1969-12-31T23:59:59.999Z", -1},
  };
  for (const auto& c : valid) EXPECT_EQ(parse_rfc3339_ms(c.text), c.ms) << c.text;

  const char* invalid[] = {"",
                           "2026-11-28",
                           "2026-11-28T08:00Z",
                           "2026-11-28 08:00:00Z",
                           "2026-11-28T08:00:00",
                           "2026-11-28T08:00:00.Z",
                           "2026-11-28T08:00:00.1234567890Z",
                           "2026-02-29T08:00:00Z",
                           "2026-13-01T08:00:00Z",
                           "2026-11-28T24:00:00Z",
                           "2026-11-28T23:59:60Z",
                           "2026-11-28T08:00:00+24:00",
                           "2026-11-28T08:00:00+0200",
                           "2026-11-28T08:00:00Zjunk",
                           "+2026-11-28T08:00:00Z",
                           "2026-1-28T08:00:00Z",
                           "２026-11-28T08:00:00Z"};
  for (const char* text : invalid) EXPECT_FALSE(parse_rfc3339_ms(text)) << text;
}

TEST(Rfc3339, FormatsWhatItParses) {
  EXPECT_EQ(format_rfc3339_ms(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(format_rfc3339_ms(1'795'852'800'123), "2026-11-28T08:00:00.123Z");
  EXPECT_EQ(format_rfc3339_ms(951'782'400'007), "2000-02-29T00:00:00.007Z");
  for (const std::int64_t ms :
       {std::int64_t{0}, std::int64_t{1'795'852'800'123}, std::int64_t{253'402'300'799'999}}) {
    EXPECT_EQ(parse_rfc3339_ms(format_rfc3339_ms(ms)), ms);
  }
}

}  // namespace
}  // namespace badgesmith
