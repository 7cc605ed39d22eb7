// The body of a test-result ingestion (POST /tests/results/…): the .NET service's payload
// (badgesmith-dotnet.md §5.1) plus `duration_s` and `run_attempt`, validated strictly, and its
// canonical form for storage.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace badgesmith::testresults {

inline constexpr std::size_t kMaxPayloadBytes = std::size_t{64} * 1024;

// What a payload is checked against besides its own shape.
struct PayloadRules {
  // Hosts that `url_html` and `workflow_run_url` may point at (BADGESMITH_REDIRECT_HOSTS),
  // matched exactly and case-insensitively: "github.com" admits neither "www.github.com" nor
  // "github.com.evil.com".
  std::vector<std::string> redirect_hosts{"github.com"};
  // A payload timestamp later than `now + max_future_skew` is refused: "latest" is decided by
  // payload time, so a result dated in the future would pin the badge (.NET weakness §6.5.10).
  std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
  std::chrono::seconds max_future_skew{60};
};

struct TestResult {
  std::string platform;  // As the client wrote it; the route's platform is the one that counts.
  std::int64_t passed = 0;
  std::int64_t failed = 0;
  std::int64_t skipped = 0;
  std::int64_t total = 0;         // passed + failed + skipped.
  std::string url_html;           // The redirect target: https on an allowed host.
  std::int64_t timestamp_ms = 0;  // Unix milliseconds of `timestamp`.
  std::string timestamp;          // RFC 3339 as sent, kept so the stored record says what the
                                  // client said.
  std::string commit;
  std::string run_id;  // 1–64 visible ASCII characters.
  std::string workflow_run_url;
  std::optional<double> duration_s;  // Finite, ≥ 0.
  int run_attempt = 1;               // ≥ 1.

  friend bool operator==(const TestResult&, const TestResult&) = default;
};

// Parses an ingestion body. Strict: one JSON object (RFC 8259, ≤ kMaxPayloadBytes) holding each
// of the .NET fields `platform, passed, failed, skipped, total, url_html, timestamp, commit,
// run_id, workflow_run_url` and optionally `duration_s` (a number ≥ 0) and `run_attempt` (an
// integer ≥ 1; 1 when absent), every key once, no other key, no null. Counts are JSON integers
// in 0..2^63-1 that add up to `total`, as .NET requires. Strings are non-blank, without control
// characters, and bounded: `platform` and `commit` 64 bytes, URLs 2048, `timestamp` 64, `run_id`
// 1–64 visible ASCII characters (a JSON number is refused: .NET sends a string, and an id kept
// as text is never rewritten, as 7, 7.0 and 7e0 would be). URLs must be https on a host of
// `rules.redirect_hosts`, with no user info and no port but 443, so the redirect to `url_html`
// can never send a reader elsewhere. `timestamp` is RFC 3339 and at most
// `rules.max_future_skew` after `rules.now`.
//
// Unknown keys are refused although .NET ignores them: its clients (update-test-badge,
// test-ingestion.sh) send exactly the fields above, and a misspelt `run_attempt` silently
// defaulting to 1 would turn a retried run into a DUPLICATE_RUN.
//
// Every failure is kInvalidArgument with error_code INVALID_PAYLOAD and as property the
// offending field ("payload" when the body as a whole is at fault); the message never quotes
// the input beyond a field name of at most 64 bytes.
Result<TestResult> parse_test_result(std::string_view body, const PayloadRules& rules);

// The stored form of `result`: compact JSON with the keys in the order documented above
// (duration_s only when present), so equal results give equal bytes.
std::string to_canonical_json(const TestResult& result);

// Reads what to_canonical_json wrote. The shape is checked as by parse_test_result but not the
// policy of the day (allowed hosts, clock skew), which the record met when it was accepted. A
// record that does not parse is kInternal: the store holds only what we wrote.
Result<TestResult> parse_stored_test_result(std::string_view json);

}  // namespace badgesmith::testresults
