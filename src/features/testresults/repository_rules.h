// What every ResultsRepository implementation decides alike, kept in one place so the SQLite and
// DynamoDB repositories cannot drift: test_result_id generation, the range checks of record(),
// the run-retry verdict, the page limit, the errors callers branch on, and how owner settings are
// spelled as stored text. Private to features/testresults (callers use results_repository.h).
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "features/testresults/results_repository.h"

namespace badgesmith::testresults {

// Issues StoredResult::test_result_id values (see there for the format and why).
// Thread-safety: safe to share between threads.
class ResultIdGenerator {
 public:
  // The id of a result received at `received_at_ms`. Within one millisecond (or when the clock
  // steps back) ids count up from the last one, so they keep the order of receipt; an
  // overflowing 80-bit tail carries into the time. Fails with kInternal when the system's
  // random source fails. REQUIRES: 0 <= received_at_ms < 2^48.
  Result<std::string> next(std::int64_t received_at_ms);

 private:
  std::mutex mutex_;  // Guards the last id, which later ids of the same millisecond count from.
  std::int64_t last_ms_ = -1;
  std::uint64_t last_high_ = 0;  // The 16 high bits of the last id's 80-bit tail.
  std::uint64_t last_low_ = 0;   // Its 64 low bits.
};

// record()'s argument check: kInvalidArgument when run_attempt < 1, timestamp_ms is outside
// [0, 10^13) or received_at_ms outside [0, 2^48).
Result<void> check_record_arguments(const RunKey& run, std::int64_t timestamp_ms,
                                    std::int64_t received_at_ms);

// history()'s limit check: kInvalidArgument outside 1..kMaxHistoryPage.
Result<void> check_history_limit(std::size_t limit);

// The hex SHA-256 that a run item keeps in place of the record; kInternal when hashing fails.
Result<std::string> record_digest(std::string_view record);

// The verdict on a post of an already stored run. `first` is the run item's result, whose
// `record` holds the stored digest: a different `digest` is kConflict DUPLICATE_RUN, an equal one
// is a duplicate answered with `first` and `record` put back in place of the digest.
Result<RecordOutcome> repeated_run(StoredResult first, std::string_view digest, std::string record);

// kConflict NONCE_ALREADY_USED, what claim_nonce answers for a live claim.
Error nonce_already_used();

// kUpstreamUnavailable: the run's first acceptance could not be read back after a lost race
// (it expired in between, or a concurrent transaction had not committed yet).
Error record_retry_later();

// Owner settings as stored text: "true"/"false" and a decimal deadline or "off". Reading
// anything else is kInternal.
std::string history_hidden_value(bool hidden);
Result<bool> parse_history_hidden(std::string_view value);
std::string legacy_until_value(std::optional<std::int64_t> until_unix_seconds);
Result<std::optional<std::int64_t>> parse_legacy_until(std::string_view value);

}  // namespace badgesmith::testresults
