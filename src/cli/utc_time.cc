#include "cli/utc_time.h"

#include <ctime>

#include "core/timestamp.h"

namespace badgesmith::cli {

std::optional<std::int64_t> parse_utc_instant(std::string_view text) {
  constexpr std::string_view kDateLayout = "YYYY-MM-DD";
  std::optional<std::int64_t> ms;
  if (text.size() == kDateLayout.size()) {
    ms = parse_rfc3339_ms(std::string(text) + "T00:00:00Z");
  } else if (text.ends_with('Z') || text.ends_with('z')) {
    ms = parse_rfc3339_ms(text);
  }
  if (!ms || *ms < 0) return std::nullopt;
  return *ms / 1000;
}

std::string format_utc(std::int64_t unix_seconds) {
  const auto time = static_cast<std::time_t>(unix_seconds);
  std::tm parts{};
  char text[32] = "?";
  if (::gmtime_r(&time, &parts) != nullptr)
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

}  // namespace badgesmith::cli
