#include "features/testresults/test_result.h"

#include <climits>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "core/http/message.h"
#include "core/http/url.h"
#include "core/json_limits.h"
#include "core/timestamp.h"

namespace badgesmith::testresults {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxNameBytes = 64;
constexpr std::size_t kMaxUrlBytes = 2048;
constexpr std::size_t kMaxTimestampBytes = 64;
constexpr std::size_t kMaxRunIdBytes = 64;
constexpr std::size_t kMaxPropertyBytes = 64;
// An object of scalars is depth 1; allowing 2 lets `"passed": [1]` be reported as a bad `passed`
// rather than as a malformed body.
constexpr int kMaxDepth = 2;

// The keys a payload may hold.
constexpr const char* kKeys[] = {"platform", "passed",           "failed",     "skipped",
                                 "total",    "url_html",         "timestamp",  "commit",
                                 "run_id",   "workflow_run_url", "duration_s", "run_attempt"};

// A field name from the input, cut at a UTF-8 boundary so an error never carries a long key.
std::string clip(std::string_view name) {
  if (name.size() <= kMaxPropertyBytes) return std::string(name);
  std::size_t end = kMaxPropertyBytes;
  while (end > 0 && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) --end;
  return std::string(name.substr(0, end)) + "…";
}

Error invalid(std::string_view property, std::string message) {
  return make_error(Errc::kInvalidArgument, std::move(message), "INVALID_PAYLOAD", clip(property));
}

// nlohmann keeps the last of repeated keys, while other readers (a CI's own tooling, a reviewer)
// may take the first: a signed body must mean one thing, so a repeat is refused. Returns the
// first repeated top-level key.
std::optional<std::string> repeated_key(std::string_view body) {
  std::set<std::string> seen;
  std::optional<std::string> repeated;
  const json::parser_callback_t watch = [&](int depth, json::parse_event_t event, json& parsed) {
    if (event != json::parse_event_t::key) return true;
    if (depth == 1 && !repeated && !seen.insert(parsed.get<std::string>()).second)
      repeated = parsed.get<std::string>();
    return false;  // Drops the member: its value was built by the first parse already.
  };
  [[maybe_unused]] const json skeleton =
      json::parse(body.begin(), body.end(), watch, /*allow_exceptions=*/false);
  return repeated;
}

// `value` as an int64 when it is a JSON integer that fits (nlohmann holds non-negative ones as
// unsigned).
std::optional<std::int64_t> as_int64(const json& value) {
  if (value.is_number_unsigned()) {
    const auto unsigned_value = value.get<std::uint64_t>();
    if (unsigned_value > static_cast<std::uint64_t>(INT64_MAX)) return {};
    return static_cast<std::int64_t>(unsigned_value);
  }
  if (value.is_number_integer()) return value.get<std::int64_t>();
  return {};
}

Result<std::int64_t> count(const json& object, const char* key) {
  const auto field = object.find(key);
  if (field == object.end()) return invalid(key, std::string(key) + " is required");
  const auto value = as_int64(*field);
  if (!value || *value < 0)
    return invalid(key, std::string(key) + " must be a non-negative 64-bit integer");
  return *value;
}

Result<std::string> text(const json& object, const char* key, std::size_t max_bytes) {
  const auto field = object.find(key);
  if (field == object.end()) return invalid(key, std::string(key) + " is required");
  if (!field->is_string()) return invalid(key, std::string(key) + " must be a string");
  const auto& value = field->get_ref<const std::string&>();
  if (value.size() > max_bytes)
    return invalid(key, std::string(key) + " exceeds " + std::to_string(max_bytes) + " bytes");
  bool blank = true;
  for (const unsigned char c : value) {
    if (c < 0x20 || c == 0x7F)
      return invalid(key, std::string(key) + " must not contain control characters");
    blank = blank && c == ' ';
  }
  if (blank) return invalid(key, std::string(key) + " must not be blank");
  return value;
}

// `rules` is null for a stored record: its host was allowed when it was accepted.
Result<std::string> redirect_url(const json& object, const char* key, const PayloadRules* rules) {
  BOOST_OUTCOME_TRY(value, text(object, key, kMaxUrlBytes));
  const std::string must = std::string(key) + " must be an https URL on an allowed host";
  // Visible ASCII only: no white space a browser would strip, nothing that could split the
  // Location header this URL becomes.
  for (const unsigned char c : value)
    if (c <= 0x20 || c >= 0x7F) return invalid(key, must + " (percent-encode other characters)");
  const auto url = http::parse_upstream_url(value);
  if (!url || !url.value().tls || url.value().port != 443) return invalid(key, must);
  if (rules) {
    bool allowed = false;
    for (const auto& host : rules->redirect_hosts)
      allowed = allowed || http::iequals(host, url.value().host);
    if (!allowed) return invalid(key, must);
  }
  return value;
}

Result<TestResult> parse(std::string_view body, const PayloadRules* rules) {
  const auto document = parse_json_limited(body, kMaxPayloadBytes, kMaxDepth);
  if (!document) return invalid("payload", "payload: " + document.error().message);
  const json& object = document.value();
  if (!object.is_object()) return invalid("payload", "payload must be a JSON object");
  if (const auto repeated = repeated_key(body))
    return invalid(*repeated, "property appears more than once");
  for (const auto& [key, value] : object.items()) {
    bool known = false;
    for (const char* name : kKeys) known = known || key == name;
    if (!known) return invalid(key, "unknown property");
    if (value.is_null()) return invalid(key, key + " must not be null");
  }

  BOOST_OUTCOME_TRY(platform, text(object, "platform", kMaxNameBytes));
  BOOST_OUTCOME_TRY(passed, count(object, "passed"));
  BOOST_OUTCOME_TRY(failed, count(object, "failed"));
  BOOST_OUTCOME_TRY(skipped, count(object, "skipped"));
  BOOST_OUTCOME_TRY(total, count(object, "total"));
  std::int64_t sum = 0;
  if (__builtin_add_overflow(passed, failed, &sum) || __builtin_add_overflow(sum, skipped, &sum) ||
      sum != total)
    return invalid("total", "total must equal passed + failed + skipped");
  BOOST_OUTCOME_TRY(url_html, redirect_url(object, "url_html", rules));

  BOOST_OUTCOME_TRY(timestamp, text(object, "timestamp", kMaxTimestampBytes));
  const auto timestamp_ms = parse_rfc3339_ms(timestamp);
  if (!timestamp_ms)
    return invalid("timestamp",
                   "timestamp must be an RFC 3339 date-time, e.g. 2026-11-28T08:00:00Z");
  if (rules) {
    const auto latest = std::chrono::duration_cast<std::chrono::milliseconds>(
        (rules->now + rules->max_future_skew).time_since_epoch());
    if (*timestamp_ms > latest.count())
      return invalid("timestamp", "timestamp is more than " +
                                      std::to_string(rules->max_future_skew.count()) +
                                      " s in the future");
  }

  BOOST_OUTCOME_TRY(commit, text(object, "commit", kMaxNameBytes));
  BOOST_OUTCOME_TRY(run_id, text(object, "run_id", kMaxRunIdBytes));
  for (const unsigned char c : run_id)
    if (c <= 0x20 || c >= 0x7F) return invalid("run_id", "run_id must be visible ASCII characters");
  BOOST_OUTCOME_TRY(workflow_run_url, redirect_url(object, "workflow_run_url", rules));

  std::optional<double> duration_s;
  if (const auto duration = object.find("duration_s"); duration != object.end()) {
    const double seconds = duration->is_number() ? duration->get<double>() : -1.0;
    if (!std::isfinite(seconds) || seconds < 0)
      return invalid("duration_s", "duration_s must be a number >= 0");
    duration_s = seconds;
  }
  int run_attempt = 1;
  if (const auto attempt = object.find("run_attempt"); attempt != object.end()) {
    const auto value = as_int64(*attempt);
    if (!value || *value < 1 || *value > INT_MAX)
      return invalid("run_attempt", "run_attempt must be an integer >= 1");
    run_attempt = static_cast<int>(*value);
  }
  return TestResult{.platform = std::move(platform),
                    .passed = passed,
                    .failed = failed,
                    .skipped = skipped,
                    .total = total,
                    .url_html = std::move(url_html),
                    .timestamp_ms = *timestamp_ms,
                    .timestamp = std::move(timestamp),
                    .commit = std::move(commit),
                    .run_id = std::move(run_id),
                    .workflow_run_url = std::move(workflow_run_url),
                    .duration_s = duration_s,
                    .run_attempt = run_attempt};
}

}  // namespace

Result<TestResult> parse_test_result(std::string_view body, const PayloadRules& rules) {
  return parse(body, &rules);
}

std::string to_canonical_json(const TestResult& result) {
  nlohmann::ordered_json out;
  out["platform"] = result.platform;
  out["passed"] = result.passed;
  out["failed"] = result.failed;
  out["skipped"] = result.skipped;
  out["total"] = result.total;
  out["url_html"] = result.url_html;
  out["timestamp"] = result.timestamp;
  out["commit"] = result.commit;
  out["run_id"] = result.run_id;
  out["workflow_run_url"] = result.workflow_run_url;
  if (result.duration_s) out["duration_s"] = *result.duration_s;
  out["run_attempt"] = result.run_attempt;
  return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Result<TestResult> parse_stored_test_result(std::string_view json) {
  auto result = parse(json, nullptr);
  if (!result)
    return make_error(Errc::kInternal,
                      "stored test result unreadable at " + result.error().property);
  return result;
}

}  // namespace badgesmith::testresults
