// The per-request access log: one JSON line per request, buffered in memory and written by a
// background thread at most once per 64 KiB or 100 ms, so request threads never wait on disk.
//
// Thread-safe: record() may be called from any thread. When the writer falls behind by more than
// kMaxPendingBytes, new lines are dropped (and counted) rather than growing memory without bound.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace badgesmith::log {

struct AccessRecord {
  std::string_view request_id;
  std::string_view method;
  std::string_view path;
  int status = 0;
  std::uint64_t bytes = 0;  // Response body bytes sent.
  std::uint64_t duration_us = 0;
  std::string_view client_address;
};

class AccessLog {
 public:
  static constexpr std::size_t kFlushBytes = std::size_t{64} * 1024;
  static constexpr std::size_t kMaxPendingBytes = std::size_t{8} * 1024 * 1024;

  // Writes to `fd`, which the log does not own (stdout) unless `owns_fd`.
  AccessLog(int fd, bool owns_fd);
  // Flushes everything recorded so far, then stops the writer thread.
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  void record(const AccessRecord& record);
  // Queues a complete JSON line ("…\n") of another log that shares this log's fd (the audit
  // log on stdout), so the two never interleave within a line. Dropped and counted like
  // access lines when the writer falls behind.
  void append_line(std::string_view line);
  std::uint64_t dropped_lines() const;

 private:
  void run_writer();
  void write_all(const std::string& data);

  const int fd_;
  const bool owns_fd_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::string pending_;        // Guarded by mutex_.
  bool stopping_ = false;      // Guarded by mutex_.
  std::uint64_t dropped_ = 0;  // Guarded by mutex_.
  std::thread writer_;
};

}  // namespace badgesmith::log
