// Test-result routes (docs/routes.md, docs/signing.md):
//   POST /tests/results/{platform}/{owner}/{repo}/{branch...}       signed ingestion
//   GET  /badges/tests/{platform}/{owner}/{repo}/{branch...}        latest result as a badge
//   GET  /redirect/test-results/{platform}/{owner}/{repo}/{branch...}  302 to its CI run
//   GET  /tests/results/{platform}/{owner}/{repo}/{branch...}       history, newest first
// Reads fold letter case and accept a branch with raw or %2F-encoded slashes.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "core/log/audit_log.h"
#include "core/routing/router.h"
#include "features/testresults/results_repository.h"
#include "features/testresults/signature.h"
#include "features/testresults/signing_keys.h"

namespace badgesmith::testresults {

// A badge must follow a CI run within minutes, so it is cached for one: shields' camo proxy and
// CDNs revalidate every minute and may serve a stale badge while the store is down.
inline constexpr std::string_view kDefaultTestBadgeCacheControl =
    "public, max-age=60, s-maxage=60, stale-while-revalidate=600, stale-if-error=3600";

struct TestResultsOptions {
  TimestampWindow window;
  // Hosts url_html and workflow_run_url may point at (BADGESMITH_REDIRECT_HOSTS).
  std::vector<std::string> redirect_hosts{"github.com"};
  // How far a payload's own timestamp may run ahead of the server clock.
  std::chrono::seconds max_future_skew{60};
  std::string badge_cache_control = std::string(kDefaultTestBadgeCacheControl);
};

struct TestResultsDeps {
  ResultsRepository& results;  // Each must outlive the router's use.
  SigningKeys& keys;
  log::AuditLog& audit;
  TestResultsOptions options;
};

void add_routes(routing::Router& router, TestResultsDeps deps);

}  // namespace badgesmith::testresults
