#include "features/testresults/test_badge.h"

#include <gtest/gtest.h>

#include <string>

namespace badgesmith::testresults {
namespace {

TestResult counts(std::int64_t passed, std::int64_t failed, std::int64_t skipped) {
  TestResult result;
  result.passed = passed;
  result.failed = failed;
  result.skipped = skipped;
  result.total = passed + failed + skipped;
  return result;
}

TEST(TestBadge, MessagesAndColours) {
  const struct {
    std::int64_t passed, failed, skipped;
    const char* text;
    const char* compact;
    const char* color;
  } cases[] = {
      {190, 0, 0, "190 passed", "✔ 190", "brightgreen"},
      {0, 0, 0, "0 passed", "no tests", "brightgreen"},
      {190, 0, 3, "190 passed, 3 skipped", "✔ 190 | ➟ 3", "brightgreen"},
      {0, 0, 3, "0 passed, 3 skipped", "✔ 0 | ➟ 3", "brightgreen"},
      {190, 2, 0, "190 passed, 2 failed", "✔ 190 | ✘ 2", "yellow"},
      {190, 2, 3, "190 passed, 2 failed, 3 skipped", "✔ 190 | ✘ 2 | ➟ 3", "yellow"},
      {2, 2, 0, "2 passed, 2 failed", "✔ 2 | ✘ 2", "yellow"},
      {1, 2, 0, "2 failed", "✔ 1 | ✘ 2", "red"},
      {0, 5, 1, "5 failed, 1 skipped", "✔ 0 | ✘ 5 | ➟ 1", "red"},
      {INT64_MAX - 1, 1, 0, "9223372036854775806 passed, 1 failed", "✔ 9223372036854775806 | ✘ 1",
       "yellow"},
  };
  for (const auto& c : cases) {
    const TestResult result = counts(c.passed, c.failed, c.skipped);
    const auto text = test_badge(result, TestBadgeForm::kText);
    EXPECT_EQ(text.label, "tests");
    EXPECT_EQ(text.message, c.text);
    EXPECT_EQ(text.color, c.color) << c.text;
    const auto compact = test_badge(result, TestBadgeForm::kCompact);
    EXPECT_EQ(compact.label, "tests");
    EXPECT_EQ(compact.message, c.compact);
    EXPECT_EQ(compact.color, c.color) << c.compact;
  }
}

TEST(TestBadge, SerialisesAsTheDotNetEndpointJson) {
  EXPECT_EQ(badges::to_endpoint_json(test_badge(counts(190, 0, 0), TestBadgeForm::kText)),
            R"({"schemaVersion":1,"label":"tests","message":"190 passed","color":"brightgreen"})");
}

}  // namespace
}  // namespace badgesmith::testresults
