#include "features/testresults/test_result.h"

#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

namespace badgesmith::testresults {
namespace {

using nlohmann::ordered_json;

// 2026-11-28T08:00:00Z
constexpr std::int64_t kNowMs = 1795852800000;

PayloadRules rules() {
  PayloadRules rules;
  rules.now = std::chrono::system_clock::time_point(std::chrono::milliseconds(kNowMs));
  return rules;
}

// The .NET sample payload (badgesmith-dotnet.md §9.4).
ordered_json sample() {
  return {{"platform", "Linux"},
          {"passed", 190},
          {"failed", 0},
          {"skipped", 0},
          {"total", 190},
          {"url_html", "https://github.com/o/r/runs/49780297024"},
          {"timestamp", "2025-09-05T10:57:00Z"},
          {"commit", "0123456789abcdef0123456789abcdef01234567"},
          {"run_id", "16814735762"},
          {"workflow_run_url", "https://github.com/o/r/actions/runs/16814735762"}};
}

Result<TestResult> parse_with(const std::function<void(ordered_json&)>& edit) {
  ordered_json payload = sample();
  edit(payload);
  return parse_test_result(payload.dump(), rules());
}

void expect_invalid(const Result<TestResult>& result, std::string_view property,
                    const std::string& context) {
  ASSERT_FALSE(result) << context;
  EXPECT_EQ(result.error().code, Errc::kInvalidArgument) << context;
  EXPECT_EQ(result.error().error_code, "INVALID_PAYLOAD") << context;
  EXPECT_EQ(result.error().property, property) << context << ": " << result.error().message;
}

TEST(ParseTestResult, AcceptsTheDotNetPayload) {
  const auto result = parse_test_result(sample().dump(2), rules());
  ASSERT_TRUE(result) << result.error().message;
  const TestResult& r = result.value();
  EXPECT_EQ(r.platform, "Linux");
  EXPECT_EQ(r.passed, 190);
  EXPECT_EQ(r.failed, 0);
  EXPECT_EQ(r.skipped, 0);
  EXPECT_EQ(r.total, 190);
  EXPECT_EQ(r.url_html, "https://github.com/o/r/runs/49780297024");
  EXPECT_EQ(r.timestamp, "2025-09-05T10:57:00Z");
  EXPECT_EQ(r.timestamp_ms, 1757069820000);
  EXPECT_EQ(r.commit, "0123456789abcdef0123456789abcdef01234567");
  EXPECT_EQ(r.run_id, "16814735762");
  EXPECT_EQ(r.workflow_run_url, "https://github.com/o/r/actions/runs/16814735762");
  EXPECT_FALSE(r.duration_s);
  EXPECT_EQ(r.run_attempt, 1);
}

TEST(ParseTestResult, AcceptsTheOptionalFieldsAndEdgeValues) {
  const std::function<void(ordered_json&)> valid[] = {
      [](ordered_json& p) { p["duration_s"] = 12.5; },
      [](ordered_json& p) { p["duration_s"] = 0; },
      [](ordered_json& p) { p["run_attempt"] = 3; },
      [](ordered_json& p) { p["run_attempt"] = 2147483647; },
      [](ordered_json& p) {
        p["passed"] = INT64_MAX;
        p["total"] = INT64_MAX;
      },
      [](ordered_json& p) {
        p["passed"] = 0;
        p["total"] = 0;
      },
      [](ordered_json& p) { p["run_id"] = std::string(64, '7'); },
      [](ordered_json& p) { p["platform"] = "Windows · ARM"; },
      [](ordered_json& p) {
        p["url_html"] = "HTTPS://GitHub.COM:443/o/r?check_suite_focus=true#x";
      },
      [](ordered_json& p) { p["url_html"] = "https://github.com"; },
      // Within the allowed skew, and offsets other than Z.
      [](ordered_json& p) { p["timestamp"] = "2026-11-28T08:01:00Z"; },
      [](ordered_json& p) { p["timestamp"] = "2026-11-28T10:00:59.999999999+02:00"; },
  };
  for (std::size_t i = 0; i < std::size(valid); ++i) {
    const auto result = parse_with(valid[i]);
    EXPECT_TRUE(result) << "case " << i << ": " << (result ? "" : result.error().message);
  }
  EXPECT_EQ(parse_with([](ordered_json& p) { p["run_attempt"] = 3; }).value().run_attempt, 3);
  EXPECT_EQ(parse_with([](ordered_json& p) { p["duration_s"] = 12.5; }).value().duration_s, 12.5);
}

struct InvalidCase {
  const char* name;
  std::function<void(ordered_json&)> edit;
  const char* property;
};

TEST(ParseTestResult, RefusesEachBadField) {
  const InvalidCase cases[] = {
      {"missing platform", [](ordered_json& p) { p.erase("platform"); }, "platform"},
      {"blank platform", [](ordered_json& p) { p["platform"] = "  "; }, "platform"},
      {"empty platform", [](ordered_json& p) { p["platform"] = ""; }, "platform"},
      {"long platform", [](ordered_json& p) { p["platform"] = std::string(65, 'x'); }, "platform"},
      {"control in platform", [](ordered_json& p) { p["platform"] = "a\nb"; }, "platform"},
      {"numeric platform", [](ordered_json& p) { p["platform"] = 1; }, "platform"},
      {"missing passed", [](ordered_json& p) { p.erase("passed"); }, "passed"},
      {"negative failed", [](ordered_json& p) { p["failed"] = -1; }, "failed"},
      {"fractional skipped", [](ordered_json& p) { p["skipped"] = 0.5; }, "skipped"},
      {"float passed", [](ordered_json& p) { p["passed"] = 190.0; }, "passed"},
      {"string passed", [](ordered_json& p) { p["passed"] = "190"; }, "passed"},
      {"bool failed", [](ordered_json& p) { p["failed"] = false; }, "failed"},
      {"array passed", [](ordered_json& p) { p["passed"] = {1}; }, "passed"},
      {"beyond int64", [](ordered_json& p) { p["total"] = UINT64_MAX; }, "total"},
      {"wrong total", [](ordered_json& p) { p["total"] = 191; }, "total"},
      {"overflowing sum",
       [](ordered_json& p) {
         p["passed"] = INT64_MAX;
         p["failed"] = 1;
         p["total"] = 0;
       },
       "total"},
      {"missing url_html", [](ordered_json& p) { p.erase("url_html"); }, "url_html"},
      {"empty url_html", [](ordered_json& p) { p["url_html"] = ""; }, "url_html"},
      {"long url_html",
       [](ordered_json& p) { p["url_html"] = "https://github.com/" + std::string(2048, 'a'); },
       "url_html"},
      {"missing timestamp", [](ordered_json& p) { p.erase("timestamp"); }, "timestamp"},
      {"date-only timestamp", [](ordered_json& p) { p["timestamp"] = "2025-09-05"; }, "timestamp"},
      {"numeric timestamp", [](ordered_json& p) { p["timestamp"] = 1757069820; }, "timestamp"},
      {"future timestamp", [](ordered_json& p) { p["timestamp"] = "2026-11-28T08:01:00.001Z"; },
       "timestamp"},
      {"future via offset", [](ordered_json& p) { p["timestamp"] = "2026-11-28T07:00:00-01:02"; },
       "timestamp"},
      {"missing commit", [](ordered_json& p) { p.erase("commit"); }, "commit"},
      {"blank commit", [](ordered_json& p) { p["commit"] = " "; }, "commit"},
      {"missing run_id", [](ordered_json& p) { p.erase("run_id"); }, "run_id"},
      {"numeric run_id", [](ordered_json& p) { p["run_id"] = 16814735762; }, "run_id"},
      {"empty run_id", [](ordered_json& p) { p["run_id"] = ""; }, "run_id"},
      {"long run_id", [](ordered_json& p) { p["run_id"] = std::string(65, '7'); }, "run_id"},
      {"run_id with space", [](ordered_json& p) { p["run_id"] = "1 2"; }, "run_id"},
      {"non-ASCII run_id", [](ordered_json& p) { p["run_id"] = "é"; }, "run_id"},
      {"missing workflow_run_url", [](ordered_json& p) { p.erase("workflow_run_url"); },
       "workflow_run_url"},
      {"negative duration", [](ordered_json& p) { p["duration_s"] = -0.5; }, "duration_s"},
      {"string duration", [](ordered_json& p) { p["duration_s"] = "1"; }, "duration_s"},
      {"run_attempt 0", [](ordered_json& p) { p["run_attempt"] = 0; }, "run_attempt"},
      {"run_attempt float", [](ordered_json& p) { p["run_attempt"] = 1.5; }, "run_attempt"},
      {"run_attempt beyond int", [](ordered_json& p) { p["run_attempt"] = 2147483648; },
       "run_attempt"},
      {"null run_attempt", [](ordered_json& p) { p["run_attempt"] = nullptr; }, "run_attempt"},
      {"null commit", [](ordered_json& p) { p["commit"] = nullptr; }, "commit"},
      {"unknown key", [](ordered_json& p) { p["runAttempt"] = 2; }, "runAttempt"},
  };
  for (const auto& c : cases) expect_invalid(parse_with(c.edit), c.property, c.name);
}

TEST(ParseTestResult, RedirectTargetsStayOnAllowedHosts) {
  const char* refused[] = {
      "https://github.com.evil.com/",
      "https://evil.com/github.com",
      "http://github.com/",
      "https://user@github.com/",
      "https://github.com@evil.com/",
      "https://evil.com\\@github.com/",
      "javascript:alert(1)",
      "//evil.com/",
      "/o/r/runs/1",
      "https://www.github.com/",
      "https://github.com./",
      "https://github.com:8443/",
      "https://github.com:443:443/",
      "https:///github.com/",
      "ftp://github.com/",
      "https://github.com/a b",
      "https://github.com/a\r\nSet-Cookie:x=1",
      "https://github.com/é",
      "https://[::1]/",
      " https://github.com/",
  };
  for (const char* url : refused) {
    for (const char* field : {"url_html", "workflow_run_url"}) {
      expect_invalid(parse_with([&](ordered_json& p) { p[field] = url; }), field,
                     std::string(field) + "=" + url);
    }
  }
}

TEST(ParseTestResult, RedirectHostsAreConfigurable) {
  PayloadRules gitlab = rules();
  gitlab.redirect_hosts = {"GitLab.com", "ci.example.org"};
  ordered_json payload = sample();
  payload["url_html"] = "https://gitlab.com/o/r/-/pipelines/1";
  payload["workflow_run_url"] = "https://CI.example.org/run/1";
  EXPECT_TRUE(parse_test_result(payload.dump(), gitlab));
  expect_invalid(parse_test_result(sample().dump(), gitlab), "url_html", "github not allowed");
}

TEST(ParseTestResult, RefusesBodiesThatAreNotOneFlatObject) {
  const std::string body = sample().dump();
  const std::string open = body.substr(0, body.size() - 1);
  const struct {
    std::string text;
    const char* property;
  } cases[] = {
      {"", "payload"},
      {"null", "payload"},
      {"[]", "payload"},
      {"\"x\"", "payload"},
      {"{", "payload"},
      {body + "x", "payload"},
      {open + ",}", "payload"},
      {"{\"platform\":{\"a\":[]}}", "payload"},
      {body.substr(0, 1) + std::string(1, '\0') + body.substr(1), "payload"},
      {body + std::string(kMaxPayloadBytes, ' '), "payload"},
      {open + ",\"passed\":190}", "passed"},
  };
  for (const auto& c : cases)
    expect_invalid(parse_test_result(c.text, rules()), c.property, c.text.substr(0, 80));
  // Exactly at the limit, white space included, is fine.
  EXPECT_TRUE(parse_test_result(body + std::string(kMaxPayloadBytes - body.size(), ' '), rules()));
}

TEST(ParseTestResult, ErrorsNeverEchoLongInput) {
  ordered_json payload = sample();
  payload[std::string(10000, 'k')] = 1;
  const auto result = parse_test_result(payload.dump(), rules());
  ASSERT_FALSE(result);
  EXPECT_LE(result.error().property.size(), 64 + std::string("…").size());
  EXPECT_LT(result.error().message.size(), 200u);
  const auto long_url = parse_with(
      [](ordered_json& p) { p["url_html"] = "https://evil.com/" + std::string(1000, 'a'); });
  ASSERT_FALSE(long_url);
  EXPECT_LT(long_url.error().message.size(), 200u);
}

TEST(CanonicalJson, IsStableAndRoundTrips) {
  ordered_json shuffled = sample();
  shuffled.erase("platform");
  shuffled["run_attempt"] = 2;
  shuffled["duration_s"] = 61.25;
  shuffled["platform"] = "Linux";
  const auto result = parse_test_result(shuffled.dump(4), rules());
  ASSERT_TRUE(result);
  const std::string canonical = to_canonical_json(result.value());
  EXPECT_EQ(canonical,
            R"({"platform":"Linux","passed":190,"failed":0,"skipped":0,"total":190,)"
            R"("url_html":"https://github.com/o/r/runs/49780297024",)"
            R"("timestamp":"2025-09-05T10:57:00Z",)"
            R"("commit":"0123456789abcdef0123456789abcdef01234567","run_id":"16814735762",)"
            R"("workflow_run_url":"https://github.com/o/r/actions/runs/16814735762",)"
            R"("duration_s":61.25,"run_attempt":2})");
  const auto stored = parse_stored_test_result(canonical);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored.value(), result.value());
  EXPECT_EQ(to_canonical_json(stored.value()), canonical);
}

TEST(CanonicalJson, StoredRecordsOutliveTodaysPolicy) {
  PayloadRules gitlab = rules();
  gitlab.redirect_hosts = {"gitlab.com"};
  ordered_json payload = sample();
  payload["url_html"] = "https://gitlab.com/o/r/-/pipelines/1";
  payload["workflow_run_url"] = "https://gitlab.com/o/r/-/pipelines/1";
  payload["timestamp"] = "2026-11-28T08:01:00Z";
  const auto result = parse_test_result(payload.dump(), gitlab);
  ASSERT_TRUE(result);
  // Later: other hosts allowed, and the clock is wherever it is.
  EXPECT_TRUE(parse_stored_test_result(to_canonical_json(result.value())));

  const auto corrupt = parse_stored_test_result(R"({"platform":"Linux"})");
  ASSERT_FALSE(corrupt);
  EXPECT_EQ(corrupt.error().code, Errc::kInternal);
}

}  // namespace
}  // namespace badgesmith::testresults
