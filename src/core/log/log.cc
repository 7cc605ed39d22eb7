#include "core/log/log.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "core/json_string.h"

namespace badgesmith::log {

namespace {

std::atomic<Level> g_level{Level::kInfo};

const char* level_name(Level level) {
  switch (level) {
    case Level::kDebug:
      return "debug";
    case Level::kInfo:
      return "info";
    case Level::kWarn:
      return "warn";
    case Level::kError:
      return "error";
    case Level::kOff:
      break;
  }
  return "off";
}

}  // namespace

std::optional<Level> parse_level(std::string_view text) {
  for (Level level : {Level::kDebug, Level::kInfo, Level::kWarn, Level::kError, Level::kOff}) {
    if (text == level_name(level)) return level;
  }
  return std::nullopt;
}

void set_level(Level level) { g_level.store(level, std::memory_order_relaxed); }

bool enabled(Level level) {
  return level != Level::kOff && level >= g_level.load(std::memory_order_relaxed);
}

void append_utc_timestamp_now(std::string& out) {
  thread_local std::time_t cached_second = -1;
  thread_local char cached_prefix[24];  // "YYYY-MM-DDTHH:MM:SS."
  thread_local std::size_t cached_length = 0;
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
  const auto seconds = static_cast<std::time_t>(ms / 1000);
  if (seconds != cached_second) {
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    const int n = std::snprintf(cached_prefix, sizeof cached_prefix,
                                "%04d-%02d-%02dT%02d:%02d:%02d.", tm.tm_year + 1900, tm.tm_mon + 1,
                                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    cached_length = static_cast<std::size_t>(n);
    cached_second = seconds;
  }
  const auto millis = static_cast<int>(ms % 1000);
  out.append(cached_prefix, cached_length);
  out += static_cast<char>('0' + millis / 100);
  out += static_cast<char>('0' + millis / 10 % 10);
  out += static_cast<char>('0' + millis % 10);
  out += 'Z';
}

std::string utc_timestamp_now() {
  std::string timestamp;
  append_utc_timestamp_now(timestamp);
  return timestamp;
}

void write_line(int fd, std::string_view line) {
  // One write(2) per line (short writes aside) keeps lines whole when threads log at once.
  while (!line.empty()) {
    const ssize_t n = ::write(fd, line.data(), line.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    line.remove_prefix(static_cast<std::size_t>(n));
  }
}

void append_fields(std::string& out, std::initializer_list<Field> fields) {
  for (const Field& field : fields) {
    out += ',';
    append_json_string(out, field.key);
    out += ':';
    if (field.is_number) {
      out += field.number;
    } else {
      append_json_string(out, field.text);
    }
  }
}

void write(Level level, std::string_view message, std::initializer_list<Field> fields) {
  if (!enabled(level)) return;
  std::string line = "{\"time\":\"" + utc_timestamp_now() + "\",\"level\":\"";
  line += level_name(level);
  line += "\",\"msg\":";
  append_json_string(line, message);
  append_fields(line, fields);
  line += "}\n";
  write_line(STDERR_FILENO, line);
}

}  // namespace badgesmith::log
