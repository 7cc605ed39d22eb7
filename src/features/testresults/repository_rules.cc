#include "features/testresults/repository_rules.h"

#include <openssl/rand.h>

#include <array>
#include <charconv>
#include <system_error>
#include <utility>

#include "core/hex.h"
#include "core/security/digest.h"

namespace badgesmith::testresults {
namespace {

constexpr std::int64_t kMaxTimestampMs = 10'000'000'000'000;      // 13 digits in a sort key.
constexpr std::int64_t kMaxReceivedAtMs = std::int64_t{1} << 48;  // 12 hex digits in the id.

Error unreadable_setting() {
  return make_error(Errc::kInternal, "A stored owner setting is unreadable");
}

}  // namespace

Result<std::string> ResultIdGenerator::next(std::int64_t received_at_ms) {
  std::lock_guard lock(mutex_);
  if (received_at_ms > last_ms_) {
    std::array<unsigned char, 10> random{};
    if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1) {
      return make_error(Errc::kInternal, "No random source");
    }
    last_ms_ = received_at_ms;
    last_high_ = std::uint64_t{random[0]} << 8 | random[1];
    last_low_ = 0;
    for (std::size_t i = 2; i < random.size(); ++i) last_low_ = last_low_ << 8 | random[i];
  } else if (++last_low_ == 0 && ++last_high_ == 0x10000) {
    last_high_ = 0;
    ++last_ms_;
  }
  std::string id;
  id.reserve(32);
  append_hex(id, static_cast<std::uint64_t>(last_ms_), 12);
  append_hex(id, last_high_, 4);
  append_hex(id, last_low_, 16);
  return id;
}

Result<void> check_record_arguments(const RunKey& run, std::int64_t timestamp_ms,
                                    std::int64_t received_at_ms) {
  if (run.run_attempt < 1 || timestamp_ms < 0 || timestamp_ms >= kMaxTimestampMs ||
      received_at_ms < 0 || received_at_ms >= kMaxReceivedAtMs) {
    return make_error(Errc::kInvalidArgument, "The test result's run or times are out of range");
  }
  return success();
}

Result<void> check_history_limit(std::size_t limit) {
  if (limit < 1 || limit > kMaxHistoryPage) {
    return make_error(Errc::kInvalidArgument, "limit must be between 1 and 100", {}, "limit");
  }
  return success();
}

Result<std::string> record_digest(std::string_view record) {
  const auto digest = security::sha256(record);
  if (!digest) return make_error(Errc::kInternal, "Hashing failed");
  std::string hex;
  append_hex(hex, digest->data(), digest->size());
  return hex;
}

Result<RecordOutcome> repeated_run(StoredResult first, std::string_view digest,
                                   std::string record) {
  if (first.record != digest) {
    return make_error(Errc::kConflict, "This run was already recorded with a different result",
                      "DUPLICATE_RUN", "run_id");
  }
  first.record = std::move(record);
  return RecordOutcome{true, std::move(first)};
}

Error nonce_already_used() {
  return make_error(Errc::kConflict, "The nonce has already been used", "NONCE_ALREADY_USED",
                    "nonce");
}

Error record_retry_later() {
  return make_error(Errc::kUpstreamUnavailable, "The test result could not be stored; retry");
}

std::string history_hidden_value(bool hidden) { return hidden ? "true" : "false"; }

Result<bool> parse_history_hidden(std::string_view value) {
  if (value != "true" && value != "false") return unreadable_setting();
  return value == "true";
}

std::string legacy_until_value(std::optional<std::int64_t> until_unix_seconds) {
  // "off" rather than no item: the Store interface has no delete, and an explicit value reads
  // the same on both backends.
  return until_unix_seconds ? std::to_string(*until_unix_seconds) : "off";
}

Result<std::optional<std::int64_t>> parse_legacy_until(std::string_view value) {
  if (value == "off") return std::optional<std::int64_t>{};
  std::int64_t until = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), until);
  if (ec != std::errc{} || end != value.data() + value.size()) return unreadable_setting();
  return std::optional<std::int64_t>{until};
}

}  // namespace badgesmith::testresults
