#include "core/log/access_log.h"

#include <unistd.h>

#include <charconv>
#include <chrono>

#include "core/json_string.h"
#include "core/log/log.h"

namespace badgesmith::log {

namespace {

void append_number(std::string& out, std::uint64_t value) {
  char digits[24];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, end);
}

}  // namespace

AccessLog::AccessLog(int fd, bool owns_fd) : fd_(fd), owns_fd_(owns_fd) {
  pending_.reserve(kFlushBytes * 2);
  writer_ = std::thread([this] { run_writer(); });
}

AccessLog::~AccessLog() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  writer_.join();
  if (owns_fd_) ::close(fd_);
}

void AccessLog::record(const AccessRecord& record) {
  thread_local std::string line;
  line.clear();
  line += "{\"time\":\"";
  append_utc_timestamp_now(line);
  line += "\",\"request_id\":";
  append_json_string(line, record.request_id);
  line += ",\"method\":";
  append_json_string(line, record.method);
  line += ",\"path\":";
  append_json_string(line, record.path);
  line += ",\"status\":";
  append_number(line, record.status);
  line += ",\"bytes\":";
  append_number(line, record.bytes);
  line += ",\"duration_us\":";
  append_number(line, record.duration_us);
  line += ",\"client\":";
  append_json_string(line, record.client_address);
  line += "}\n";
  append_line(line);
}

void AccessLog::append_line(std::string_view line) {
  bool should_wake = false;
  {
    std::lock_guard lock(mutex_);
    if (pending_.size() + line.size() > kMaxPendingBytes) {
      ++dropped_;
      return;
    }
    pending_ += line;
    should_wake = pending_.size() >= kFlushBytes;
  }
  if (should_wake) wake_.notify_one();
}

std::uint64_t AccessLog::dropped_lines() const {
  std::lock_guard lock(mutex_);
  return dropped_;
}

void AccessLog::run_writer() {
  std::string batch;
  batch.reserve(kFlushBytes * 2);
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait_for(lock, std::chrono::milliseconds(100),
                   [this] { return stopping_ || pending_.size() >= kFlushBytes; });
    batch.swap(pending_);
    const bool stop = stopping_;
    lock.unlock();
    if (!batch.empty()) write_all(batch);
    batch.clear();
    if (stop) return;
    lock.lock();
  }
}

void AccessLog::write_all(const std::string& data) {
  const char* cursor = data.data();
  std::size_t left = data.size();
  while (left > 0) {
    const ssize_t n = ::write(fd_, cursor, left);
    if (n <= 0) {
      log::warn("access log write failed; lines lost");
      return;
    }
    cursor += n;
    left -= static_cast<std::size_t>(n);
  }
}

}  // namespace badgesmith::log
