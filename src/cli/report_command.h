// `badgesmith report FILE|GLOB…`: the CI side of test-result badges. Sums the test reports
// (features/reports), signs the payload with scheme v2 (docs/signing.md) and posts it, retrying
// transient failures with the identical body under a fresh X-Timestamp and X-Nonce (the server
// answers a retried run with its first response). On GitHub Actions every flag defaults from the
// GITHUB_* variables; the key comes from an environment variable or a file, never argv.
//
// Exit status: 0 done; 2 bad usage; 3 a report missing, unreadable, malformed or hostile (in
// every mode: a badge must never show counts from half a report); 4 the server refused the
// upload or could not be reached, with --fail-on-error (else that is reported and the status is
// 0, so a badge outage never fails a build).
#pragma once

#include <CLI/CLI.hpp>

namespace badgesmith::cli {

inline constexpr int kExitReportInvalid = 3;
inline constexpr int kExitServerFailed = 4;

// Registers the `report` subcommand; the work runs as its CLI11 callback (see secrets_command.h).
void add_report_command(CLI::App& app);

}  // namespace badgesmith::cli
