// libFuzzer target for the test-result ingestion payload, which reaches parse_test_result once its
// signature holds, so its author is any CI holding a secret. Besides not crashing: every refusal
// is an INVALID_PAYLOAD with a short property, every acceptance keeps the documented invariants,
// and the canonical form reads back, as a stored record and as a payload, to the same result and
// the same bytes.
//
// Input layout: the request body as it is.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "features/testresults/test_badge.h"
#include "features/testresults/test_result.h"

namespace {

namespace testresults = badgesmith::testresults;

void check(bool condition) {
  if (!condition) __builtin_trap();
}

testresults::PayloadRules fixed_rules() {
  testresults::PayloadRules rules;
  // 2026-11-28T08:00:00Z, so that whether a timestamp is "in the future" never depends on the run.
  rules.now = std::chrono::system_clock::time_point(std::chrono::milliseconds(1795852800000));
  return rules;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const testresults::PayloadRules rules = fixed_rules();
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const auto parsed = testresults::parse_test_result(body, rules);
  if (!parsed) {
    const auto& error = parsed.error();
    check(error.code == badgesmith::Errc::kInvalidArgument);
    check(error.error_code == "INVALID_PAYLOAD");
    // The property is a field name, which may be "" (an unknown empty key), cut to 64 bytes.
    check(error.property.size() <= 64 + std::string("…").size());
    return 0;
  }
  const testresults::TestResult& result = parsed.value();
  check(result.passed >= 0 && result.failed >= 0 && result.skipped >= 0);
  check(result.passed + result.failed + result.skipped == result.total);
  check(!result.run_id.empty() && result.run_id.size() <= 64 && result.run_attempt >= 1);
  check(!result.duration_s || *result.duration_s >= 0);

  const std::string canonical = testresults::to_canonical_json(result);
  const auto stored = testresults::parse_stored_test_result(canonical);
  check(stored.has_value() && stored.value() == result);
  check(testresults::to_canonical_json(stored.value()) == canonical);
  const auto reposted = testresults::parse_test_result(canonical, rules);
  check(reposted.has_value() && reposted.value() == result);

  for (const auto form : {testresults::TestBadgeForm::kText, testresults::TestBadgeForm::kCompact})
    check(!testresults::test_badge(result, form).message.empty());
  return 0;
}
