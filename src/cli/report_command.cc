#include "cli/report_command.h"

#include <fnmatch.h>
#include <glob.h>
#include <openssl/rand.h>

#include <array>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "cli/operator_command.h"
#include "core/ascii.h"
#include "core/async/io_thread.h"
#include "core/async/wait.h"
#include "core/hex.h"
#include "core/http/client.h"
#include "core/http/url.h"
#include "core/routing/path_codec.h"
#include "core/timestamp.h"
#include "features/reports/report_parser.h"
#include "features/testresults/signature.h"

namespace badgesmith::cli {

namespace {

constexpr std::string_view kCommand = "report";

struct ReportFlags {
  std::vector<std::string> reports;
  std::string server;
  std::string platform;
  std::string repo;  // owner/repo
  std::string branch;
  std::string commit;
  std::string run_id;
  unsigned run_attempt = 0;  // 0: GITHUB_RUN_ATTEMPT, else 1.
  std::string url_html;
  std::string workflow_run_url;
  std::string secret_env = "BADGESMITH_SECRET";
  std::string secret_file;
  bool dry_run = false;
  bool print_counts = false;
  bool fail_on_error = false;
  unsigned max_attempts = 4;
};

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

// On GitHub Actions, what the runner already says about the run; an explicit flag wins.
void apply_github_defaults(ReportFlags& flags) {
  if (env("GITHUB_ACTIONS") != "true") return;
  const auto fill = [](std::string& flag, std::string value) {
    if (flag.empty()) flag = std::move(value);
  };
  fill(flags.platform, ascii_lower(env("RUNNER_OS")));
  fill(flags.repo, env("GITHUB_REPOSITORY"));
  // A pull request's GITHUB_REF_NAME is "<n>/merge"; its branch is GITHUB_HEAD_REF.
  fill(flags.branch, env("GITHUB_HEAD_REF"));
  fill(flags.branch, env("GITHUB_REF_NAME"));
  fill(flags.commit, env("GITHUB_SHA"));
  fill(flags.run_id, env("GITHUB_RUN_ID"));
  if (flags.run_attempt == 0) {
    const std::string attempt = env("GITHUB_RUN_ATTEMPT");
    flags.run_attempt = static_cast<unsigned>(std::strtoul(attempt.c_str(), nullptr, 10));
  }
  const std::string server_url = env("GITHUB_SERVER_URL");
  if (!server_url.empty() && !flags.repo.empty() && !flags.run_id.empty()) {
    const std::string run_url = server_url + '/' + flags.repo + "/actions/runs/" + flags.run_id;
    fill(flags.url_html, run_url);
    fill(flags.workflow_run_url, run_url);
  }
}

// Files under `base` (recursively) whose path below it, or the tail of that path after any
// directory, matches `rest` with fnmatch's FNM_PATHNAME rules: `**/` stands for zero or more
// directories, as in the globs CI tools take.
void match_recursive(const std::filesystem::path& base, const std::string& rest,
                     std::set<std::string>& files) {
  std::error_code ec;
  std::filesystem::recursive_directory_iterator it(base, ec);
  if (ec) return;
  for (const auto& entry : it) {
    if (!entry.is_regular_file(ec)) continue;
    const std::string relative = entry.path().lexically_relative(base).generic_string();
    for (std::size_t start = 0; start != std::string::npos;) {
      if (::fnmatch(rest.c_str(), relative.c_str() + start, FNM_PATHNAME) == 0) {
        files.insert(entry.path().string());
        break;
      }
      start = relative.find('/', start);
      if (start != std::string::npos) ++start;
    }
  }
}

// Every file the arguments name, each once, in a stable order: glob(3) patterns, plus `**/`. A
// pattern or path that matches nothing is a missing report.
std::vector<std::string> expand_reports(const std::vector<std::string>& patterns) {
  std::set<std::string> files;
  for (const std::string& pattern : patterns) {
    const std::size_t before = files.size();
    if (const std::size_t globstar = pattern.find("**/"); globstar != std::string::npos) {
      const std::string base = globstar == 0 ? "." : pattern.substr(0, globstar);
      match_recursive(base, pattern.substr(globstar + 3), files);
    } else {
      glob_t matches{};
      if (::glob(pattern.c_str(), GLOB_ERR, nullptr, &matches) == 0) {
        for (std::size_t i = 0; i < matches.gl_pathc; ++i) files.emplace(matches.gl_pathv[i]);
      }
      globfree(&matches);
    }
    if (files.size() == before) fail(kCommand, kExitReportInvalid, "no report at " + pattern);
  }
  return {files.begin(), files.end()};
}

reports::TestCounts sum_reports(const std::vector<std::string>& files) {
  reports::TestCounts total;
  for (const std::string& file : files) {
    auto parsed = reports::parse_report_file(file);
    if (!parsed) fail(kCommand, kExitReportInvalid, parsed.error().message);
    total += parsed.value().counts;
  }
  return total;
}

std::string counts_json(const reports::TestCounts& counts) {
  nlohmann::ordered_json json;
  json["passed"] = counts.passed;
  json["failed"] = counts.failed;
  json["skipped"] = counts.skipped;
  json["total"] = counts.total();
  return json.dump();
}

struct Repository {
  std::string owner;
  std::string name;
};

Repository split_repository(const std::string& repo) {
  const std::size_t slash = repo.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == repo.size() ||
      repo.find('/', slash + 1) != std::string::npos) {
    fail(kCommand, kExitUsage, "--repo must be OWNER/REPO (GITHUB_REPOSITORY on GitHub Actions)");
  }
  return {repo.substr(0, slash), repo.substr(slash + 1)};
}

void require(const std::string& value, std::string_view flag) {
  if (value.empty()) {
    fail(kCommand, kExitUsage,
         std::string(flag) + " is required (outside GitHub Actions it has no default)");
  }
}

// The key, from the file or the environment: never argv, which every local user can read.
WipedString read_secret(const ReportFlags& flags) {
  WipedString secret;
  if (!flags.secret_file.empty()) {
    std::ifstream in(flags.secret_file, std::ios::binary);
    if (!in) fail(kCommand, kExitUsage, "cannot read --secret-file " + flags.secret_file);
    std::ostringstream content;
    content << in.rdbuf();
    secret.text = content.str();
    if (secret.text.ends_with('\n')) secret.text.pop_back();
    if (secret.text.ends_with('\r')) secret.text.pop_back();
  } else {
    secret.text = env(flags.secret_env.c_str());
  }
  if (secret.text.empty()) {
    fail(kCommand, kExitUsage,
         "no key: set $" + flags.secret_env + " (or --secret-env NAME) or --secret-file FILE");
  }
  return secret;
}

struct Upload {
  std::string platform;
  Repository repository;
  std::string branch;
  std::string body;
  std::string series_path;  // "/{platform}/{owner}/{repo}/{branch}", encoded.
};

std::string unix_ms_timestamp(std::chrono::system_clock::time_point time) {
  return format_rfc3339_ms(
      std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count());
}

Upload build_upload(const ReportFlags& flags, const reports::TestCounts& counts) {
  require(flags.platform, "--platform");
  require(flags.repo, "--repo");
  require(flags.branch, "--branch");
  require(flags.commit, "--commit");
  require(flags.run_id, "--run-id");
  require(flags.url_html, "--url-html");
  Upload upload{flags.platform, split_repository(flags.repo), flags.branch, {}, {}};
  nlohmann::ordered_json payload;
  payload["platform"] = flags.platform;
  payload["passed"] = counts.passed;
  payload["failed"] = counts.failed;
  payload["skipped"] = counts.skipped;
  payload["total"] = counts.total();
  payload["url_html"] = flags.url_html;
  // Whole seconds, as the .NET action sent: the payload timestamp only orders runs.
  std::string now = unix_ms_timestamp(std::chrono::system_clock::now());
  payload["timestamp"] = now.substr(0, 19) + 'Z';
  payload["commit"] = flags.commit;
  payload["run_id"] = flags.run_id;
  payload["workflow_run_url"] =
      flags.workflow_run_url.empty() ? flags.url_html : flags.workflow_run_url;
  payload["run_attempt"] = flags.run_attempt == 0 ? 1 : flags.run_attempt;
  upload.body = payload.dump();
  upload.series_path = '/' + routing::percent_encode_path_segment(upload.platform) + '/' +
                       routing::percent_encode_path_segment(upload.repository.owner) + '/' +
                       routing::percent_encode_path_segment(upload.repository.name) + '/' +
                       routing::percent_encode_path_segment(upload.branch);
  return upload;
}

std::string fresh_nonce() {
  std::array<unsigned char, 16> random{};
  if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1) {
    fail(kCommand, kExitFailure, "no random source for the nonce");
  }
  std::string nonce;
  append_hex(nonce, random.data(), random.size());
  return nonce;
}

// The three signing headers for one attempt: a fresh timestamp and nonce each time, so a retry
// is a new request to the replay checks and the same run to the idempotency check.
http::Headers signed_headers(const Upload& upload, std::string_view secret) {
  const std::string timestamp = unix_ms_timestamp(std::chrono::system_clock::now());
  const std::string nonce = fresh_nonce();
  const auto canonical = testresults::canonical_request(
      {"POST", upload.platform, upload.repository.owner, upload.repository.name, upload.branch,
       timestamp, nonce, upload.body});
  if (!canonical) fail(kCommand, kExitUsage, canonical.error().message);
  const auto signature = testresults::sign(secret, canonical.value());
  if (!signature) fail(kCommand, kExitFailure, signature.error().message);
  http::Headers headers;
  headers.set("Content-Type", "application/json");
  headers.set(testresults::kTimestampHeader, timestamp);
  headers.set(testresults::kNonceHeader, nonce);
  headers.set(testresults::kSignatureHeader, signature.value());
  return headers;
}

bool is_transient(const Result<http::ClientResponse>& response) {
  if (!response) {
    return response.error().code == Errc::kUpstreamUnavailable ||
           response.error().code == Errc::kUpstreamInvalid;
  }
  const int status = response.value().status;
  return status == 408 || status == 429 || status >= 500;
}

Result<http::ClientResponse> post(http::Client& client, const std::string& url,
                                  const Upload& upload, std::string_view secret,
                                  unsigned max_attempts) {
  Result<http::ClientResponse> response = make_error(Errc::kInternal, "not sent");
  for (unsigned attempt = 1; attempt <= max_attempts; ++attempt) {
    http::ClientRequest request;
    request.method = "POST";
    request.url = url;
    request.headers = signed_headers(upload, secret);
    request.body = upload.body;
    response = async::wait_for<http::ClientResponse>([&](Callback<http::ClientResponse> done) {
      client.send(std::move(request), std::move(done));
    });
    if (!is_transient(response) || attempt == max_attempts) break;
    const auto wait = std::chrono::seconds(1) * (1 << (attempt - 1));
    std::cerr << "badgesmith: report: attempt " << attempt << " failed ("
              << (response ? "HTTP " + std::to_string(response.value().status)
                           : response.error().message)
              << "); retrying in " << wait.count() << " s\n";
    std::this_thread::sleep_for(wait);
  }
  return response;
}

void print_badge_links(const std::string& server, const Upload& upload) {
  const std::string badge = server + "/badges/tests" + upload.series_path;
  const std::string redirect = server + "/redirect/test-results" + upload.series_path;
  std::cout << "badge (svg):  " << badge << "?format=svg\n"
            << "badge (json): " << badge << '\n'
            << "redirect:     " << redirect << '\n'
            << "markdown:     [![tests](" << badge << "?format=svg)](" << redirect << ")\n";
}

void run_report(ReportFlags flags) {
  apply_github_defaults(flags);
  const reports::TestCounts counts = sum_reports(expand_reports(flags.reports));
  if (flags.print_counts) {
    std::cout << counts_json(counts) << '\n';
    return;
  }
  const Upload upload = build_upload(flags, counts);
  const WipedString secret = read_secret(flags);
  std::string server = flags.server;
  while (server.ends_with('/')) server.pop_back();
  const std::string url = server + "/tests/results" + upload.series_path;
  if (flags.dry_run) {
    std::cout << "POST " << url << '\n';
    const http::Headers headers = signed_headers(upload, secret.text);
    for (const auto& field : headers.fields()) {
      std::cout << field.name << ": " << field.value << '\n';
    }
    std::cout << '\n' << upload.body << '\n';
    return;
  }
  require(flags.server, "--server");
  if (auto parsed = http::parse_upstream_url(url); !parsed) {
    fail(kCommand, kExitUsage, "--server: " + parsed.error().message);
  }
  async::IoThread loop;
  http::ClientOptions options;
  options.max_attempts = 1;  // Retries need a fresh nonce: post() does them.
  options.timeout = std::chrono::seconds(30);
  auto client = std::make_unique<http::Client>(options, loop.context());
  const auto response = post(*client, url, upload, secret.text, flags.max_attempts);
  loop.stop();
  client.reset();

  if (response && (response.value().status == 200 || response.value().status == 201)) {
    std::cout << counts_json(counts) << " → HTTP " << response.value().status << ' '
              << response.value().body << '\n';
    print_badge_links(server, upload);
    return;
  }
  const std::string why = response ? "HTTP " + std::to_string(response.value().status) + ' ' +
                                         response.value().body.substr(0, 512)
                                   : response.error().message;
  if (flags.fail_on_error) fail(kCommand, kExitServerFailed, "upload failed: " + why);
  warn(kCommand, "upload failed (the build goes on; --fail-on-error to fail it): " + why);
}

}  // namespace

void add_report_command(CLI::App& app) {
  auto flags = std::make_shared<ReportFlags>();
  CLI::App* report = app.add_subcommand(
      "report", "Sum test reports (JUnit, TRX, NUnit 3, xUnit v2) and upload the counts, signed");
  report->add_option("REPORTS", flags->reports, "Report files or glob patterns")->required();
  report->add_option("--server", flags->server, "BadgeSmith base URL")
      ->envname("BADGESMITH_SERVER");
  report->add_option("--platform", flags->platform, "e.g. linux (RUNNER_OS)");
  report->add_option("--repo", flags->repo, "OWNER/REPO (GITHUB_REPOSITORY)");
  report->add_option("--branch", flags->branch, "GITHUB_HEAD_REF or GITHUB_REF_NAME");
  report->add_option("--commit", flags->commit, "GITHUB_SHA");
  report->add_option("--run-id", flags->run_id, "GITHUB_RUN_ID");
  report->add_option("--run-attempt", flags->run_attempt, "GITHUB_RUN_ATTEMPT, else 1")
      ->check(CLI::Range(1U, 1'000'000U));
  report->add_option("--url-html", flags->url_html, "Where the badge links (the run's page)");
  report->add_option("--workflow-run-url", flags->workflow_run_url, "Default: --url-html");
  report->add_option("--secret-env", flags->secret_env, "Environment variable holding the key")
      ->capture_default_str();
  report->add_option("--secret-file", flags->secret_file, "File holding the key");
  report->add_flag("--dry-run", flags->dry_run, "Print the request instead of sending it");
  report->add_flag("--print-counts", flags->print_counts, "Print the summed counts and stop");
  report->add_flag("--fail-on-error", flags->fail_on_error,
                   "Exit 4 when the server refuses the upload or cannot be reached");
  report->add_option("--max-attempts", flags->max_attempts, "Attempts for transient failures")
      ->check(CLI::Range(1U, 10U))
      ->capture_default_str();
  on_parsed(*report, std::string(kCommand), [flags] { run_report(*flags); });
}

}  // namespace badgesmith::cli
