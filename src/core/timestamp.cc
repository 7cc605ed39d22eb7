#include "core/timestamp.h"

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <ctime>

namespace badgesmith {

namespace {

// Reads `count` ASCII digits at `at`; -1 if any of them is not a digit or the text ends first.
int digits(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return -1;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

bool is(std::string_view text, std::size_t at, char upper) {
  return at < text.size() && (text[at] == upper || text[at] == upper + ('a' - 'A'));
}

}  // namespace

std::optional<std::int64_t> parse_rfc3339_ms(std::string_view text) {
  // Fixed layout up to the seconds: YYYY-MM-DDThh:mm:ss
  const int year = digits(text, 0, 4);
  const int month = digits(text, 5, 2);
  const int day = digits(text, 8, 2);
  const int hour = digits(text, 11, 2);
  const int minute = digits(text, 14, 2);
  const int second = digits(text, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return {};
  if (text[4] != '-' || text[7] != '-' || !is(text, 10, 'T') || text[13] != ':' || text[16] != ':')
    return {};
  if (hour > 23 || minute > 59 || second > 59) return {};
  const std::chrono::year_month_day date{std::chrono::year{year},
                                         std::chrono::month{static_cast<unsigned>(month)},
                                         std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) return {};

  std::size_t at = 19;
  int millis = 0;
  if (at < text.size() && text[at] == '.') {
    const std::size_t first = ++at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      if (at - first < 3) millis = millis * 10 + (text[at] - '0');
      ++at;
    }
    const std::size_t count = at - first;
    if (count == 0 || count > 9) return {};
    for (std::size_t i = count; i < 3; ++i) millis *= 10;
  }

  int offset_minutes = 0;
  if (is(text, at, 'Z')) {
    ++at;
  } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    const int offset_hour = digits(text, at + 1, 2);
    const int offset_minute = digits(text, at + 4, 2);
    if (offset_hour < 0 || offset_hour > 23 || offset_minute < 0 || offset_minute > 59 ||
        text[at + 3] != ':')
      return {};
    offset_minutes = (text[at] == '+' ? 1 : -1) * (offset_hour * 60 + offset_minute);
    at += 6;
  } else {
    return {};
  }
  if (at != text.size()) return {};

  const std::int64_t days = std::chrono::sys_days{date}.time_since_epoch().count();
  const std::int64_t seconds =
      days * 86400 + hour * 3600 + minute * 60 + second - std::int64_t{offset_minutes} * 60;
  return seconds * 1000 + millis;
}

std::string format_rfc3339_ms(std::int64_t unix_ms) {
  const auto seconds = static_cast<std::time_t>(unix_ms / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  std::array<char, 32> text{};
  const int length = std::snprintf(text.data(), text.size(), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                                   tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                                   tm.tm_min, tm.tm_sec, static_cast<int>(unix_ms % 1000));
  return std::string(text.data(), static_cast<std::size_t>(length));
}

}  // namespace badgesmith
