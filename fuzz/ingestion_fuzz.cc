// libFuzzer target for what a test-result upload sends before and after its signature holds: the
// signing headers and path values, which any stranger controls (parse_signed_headers,
// canonical_request, verify, verify_legacy), and the payload, which reaches parse_test_result
// once the signature holds, so its author is any CI holding a secret.
//
// Besides not crashing: header refusals are INVALID_HEADERS, accepted headers are well-formed, a
// canonical request has exactly nine lines, a signature verifies under its key and no other;
// every payload refusal is an INVALID_PAYLOAD with a short property, every acceptance keeps the
// documented invariants, and the canonical form reads back, as a stored record and as a payload,
// to the same result and the same bytes.
//
// Input layout: four lines (platform, owner, repo, branch: decoded path values), then header
// fields "Name: value" one per line up to an empty line, then the request body as it is.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/http/message.h"
#include "features/testresults/signature.h"
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

// The next line of `input` (without its '\n'), or nullopt at the end; consumes it.
std::optional<std::string_view> next_line(std::string_view& input) {
  if (input.empty()) return std::nullopt;
  const std::size_t end = input.find('\n');
  const std::string_view line = input.substr(0, end);
  input.remove_prefix(end == std::string_view::npos ? input.size() : end + 1);
  return line;
}

void check_signing(std::string_view& input) {
  std::string_view path[4];
  for (auto& value : path) value = next_line(input).value_or("");
  badgesmith::http::Headers headers;
  while (const auto line = next_line(input)) {
    if (line->empty()) break;
    const std::size_t colon = line->find(':');
    if (colon == std::string_view::npos) continue;
    headers.add(line->substr(0, colon), badgesmith::http::trim_ows(line->substr(colon + 1)));
  }
  const auto signed_headers = testresults::parse_signed_headers(headers);
  if (!signed_headers) {
    check(signed_headers.error().error_code == "INVALID_HEADERS");
    return;
  }
  const testresults::SignedHeaders& parsed = signed_headers.value();
  check(testresults::is_valid_nonce(parsed.nonce));
  check(testresults::parse_timestamp(parsed.timestamp) == parsed.timestamp_ms);

  const auto canonical = testresults::canonical_request(
      {"POST", path[0], path[1], path[2], path[3], parsed.timestamp, parsed.nonce, input});
  if (!canonical) {
    check(canonical.error().error_code == "INVALID_PATH");
    return;
  }
  std::size_t lines = 1;
  for (const char c : canonical.value()) lines += c == '\n' ? 1 : 0;
  check(lines == 9);
  const auto signature = testresults::sign("key", canonical.value());
  check(signature.has_value());
  check(testresults::verify("key", canonical.value(), signature.value()).has_value());
  check(!testresults::verify("other", canonical.value(), signature.value()).has_value());
  check(!testresults::verify(std::nullopt, canonical.value(), signature.value()).has_value());
  const auto verified = testresults::verify("key", canonical.value(), parsed.signature);
  check(verified.has_value() || verified.error().error_code == "INVALID_SIGNATURE");
  const auto legacy = testresults::verify_legacy("key", input, parsed.signature);
  check(legacy.has_value() || legacy.error().error_code == "INVALID_SIGNATURE");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const testresults::PayloadRules rules = fixed_rules();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  check_signing(input);
  const std::string_view body = input;
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
