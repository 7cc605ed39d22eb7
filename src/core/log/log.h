// Leveled, structured logs: one JSON object per line on stderr. Used for start-up, errors and
// audit events, not for the per-request access log (see access_log.h).
//
// Values passed here are written verbatim (escaped): never pass a secret. Thread-safe.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace badgesmith::log {

enum class Level { kDebug, kInfo, kWarn, kError, kOff };

// Parses "debug", "info", "warn", "error" or "off" (case-sensitive); nullopt otherwise.
std::optional<Level> parse_level(std::string_view text);

// Messages below `level` are dropped. Default kInfo.
void set_level(Level level);
bool enabled(Level level);

struct Field {
  Field(std::string_view k, std::string_view v) : key(k), text(v) {}
  Field(std::string_view k, const char* v) : key(k), text(v) {}
  Field(std::string_view k, std::int64_t v) : key(k), number(std::to_string(v)), is_number(true) {}
  Field(std::string_view k, int v) : Field(k, static_cast<std::int64_t>(v)) {}
  Field(std::string_view k, std::uint64_t v) : key(k), number(std::to_string(v)), is_number(true) {}

  std::string_view key;
  std::string_view text;
  std::string number;
  bool is_number = false;
};

// Writes `line` to `fd` whole, retrying short writes; gives up silently if the fd fails
// (logging must never take the service down).
void write_line(int fd, std::string_view line);

// Appends `,"key":value` for each field, values escaped as JSON strings unless numbers.
void append_fields(std::string& out, std::initializer_list<Field> fields);

void write(Level level, std::string_view message, std::initializer_list<Field> fields = {});

inline void debug(std::string_view m, std::initializer_list<Field> f = {}) {
  write(Level::kDebug, m, f);
}
inline void info(std::string_view m, std::initializer_list<Field> f = {}) {
  write(Level::kInfo, m, f);
}
inline void warn(std::string_view m, std::initializer_list<Field> f = {}) {
  write(Level::kWarn, m, f);
}
inline void error(std::string_view m, std::initializer_list<Field> f = {}) {
  write(Level::kError, m, f);
}

// RFC 3339 UTC timestamp with milliseconds, e.g. 2026-11-28T08:00:00.123Z.
std::string utc_timestamp_now();
// Appends the same to `out`; formats the date part once per second per thread.
void append_utc_timestamp_now(std::string& out);

}  // namespace badgesmith::log
