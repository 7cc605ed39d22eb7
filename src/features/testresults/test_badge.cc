#include "features/testresults/test_badge.h"

#include <string>

namespace badgesmith::testresults {

namespace {

std::string text_message(const TestResult& result) {
  std::string message;
  if (result.failed <= result.passed) message = std::to_string(result.passed) + " passed";
  if (result.failed > 0) {
    if (!message.empty()) message += ", ";
    message += std::to_string(result.failed) + " failed";
  }
  if (result.skipped > 0) message += ", " + std::to_string(result.skipped) + " skipped";
  return message;
}

std::string compact_message(const TestResult& result) {
  if (result.total == 0) return "no tests";
  std::string message = "✔ " + std::to_string(result.passed);
  if (result.failed > 0) message += " | ✘ " + std::to_string(result.failed);
  if (result.skipped > 0) message += " | ➟ " + std::to_string(result.skipped);
  return message;
}

}  // namespace

badges::EndpointBadge test_badge(const TestResult& result, TestBadgeForm form) {
  badges::EndpointBadge badge;
  badge.label = "tests";
  badge.message = form == TestBadgeForm::kCompact ? compact_message(result) : text_message(result);
  if (result.failed == 0)
    badge.color = "brightgreen";
  else
    badge.color = result.failed > result.passed ? "red" : "yellow";
  return badge;
}

}  // namespace badgesmith::testresults
