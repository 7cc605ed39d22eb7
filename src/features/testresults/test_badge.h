// The test-results badge (GET /badges/tests/…): label "tests" and the latest result's counts.
#pragma once

#include "features/badges/endpoint_json.h"
#include "features/testresults/test_result.h"

namespace badgesmith::testresults {

enum class TestBadgeForm {
  // The .NET service's message (badgesmith-dotnet.md §2) with the skipped count appended:
  // "N passed", "P passed, F failed" or, when failures outnumber passes, "F failed"; then
  // ", S skipped" when S > 0.
  kText,
  // shields' compact message (services/test-results.js): "✔ P", then " | ✘ F" and " | ➟ S" for
  // non-zero counts, or "no tests" when there are none.
  kCompact,
};

// The badge of `result` in `form`. The colour is the .NET one in both forms, so a result looks
// the same whichever message a README asks for: brightgreen without failures (0 tests
// included), yellow for 0 < failed ≤ passed, red for failed > passed.
badges::EndpointBadge test_badge(const TestResult& result, TestBadgeForm form);

}  // namespace badgesmith::testresults
