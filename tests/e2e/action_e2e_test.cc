// The GitHub Action (action.yml, action/badgesmith_report.py) end to end: the script runs under
// python3 with the environment a runner gives a composite step (GITHUB_*, RUNNER_OS, the inputs
// as INPUT_*), against the real server on loopback holding a testdata key stored through
// `badgesmith secrets set`.
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/routing/path_codec.h"
#include "harness.h"

namespace badgesmith::e2e {
namespace {

using nlohmann::json;

constexpr std::string_view kMasterKey = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
// Distinctive, so finding it in the script's output can only mean a leak.
constexpr std::string_view kSecret = "action-E2E-CANARY-key-0123456789";
constexpr std::string_view kCommit = "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00";
constexpr std::string_view kBranch = "feature/a b+c";
constexpr std::string_view kEncodedBranch = "feature%2Fa%20b%2Bc";

std::string source_path(std::string_view relative) {
  return std::string(BADGESMITH_SOURCE_DIR) + "/" + std::string(relative);
}

// Every byte outside RFC 3986's unreserved set as %XX, as the script encodes path segments.
std::string encode(std::string_view value) { return routing::percent_encode_path_segment(value); }

json body_json(const std::optional<HttpResponse>& response) {
  return response ? json::parse(response->body, nullptr, false) : json();
}

class ActionE2eTest : public ::testing::Test {
 protected:
  using Env = std::map<std::string, std::string>;

  void SetUp() override {
    ASSERT_FALSE(dir_.empty());
    CommandOptions options;
    options.stdin_data = std::string(kSecret) + "\n";
    options.env = {"BADGESMITH_MASTER_KEY=" + std::string(kMasterKey)};
    const CommandResult stored = run_command(
        {"secrets", "set", "--owner", "acme", "--type", "testdata", "--data-dir", data_dir()},
        options);
    ASSERT_EQ(stored.exit_code, 0) << stored.err;
    ServerProcess::Options server_options;
    server_options.add_data_dir = false;
    server_options.args = {"--data-dir", data_dir()};
    server_options.env = {"BADGESMITH_MASTER_KEY=" + std::string(kMasterKey)};
    server_ = std::make_unique<ServerProcess>(server_options);
    ASSERT_TRUE(server_->started()) << server_->stderr_text();
  }

  void TearDown() override {
    for (const CommandResult& result : results_) {
      // The runner consumes ::add-mask:: lines and never shows them; any other line with the key
      // would reach the log.
      for (const std::string& line : split_lines(result.out)) {
        if (line.starts_with("::add-mask::")) continue;
        EXPECT_EQ(line.find(kSecret), std::string::npos) << line;
      }
      EXPECT_EQ(result.err.find(kSecret), std::string::npos) << result.err;
    }
    server_.reset();
    remove_tree(dir_);
  }

  std::string data_dir() const { return dir_ + "/data"; }
  std::string summary_file() const { return dir_ + "/summary.md"; }
  std::string server_url() const { return "http://127.0.0.1:" + std::to_string(server_->port()); }

  // What a runner gives the action's step on a push of kBranch, inputs included. Every input the
  // script reads is set, so none leaks in from a CI that runs these tests as a GitHub workflow.
  Env runner_env(std::string_view run_id) const {
    Env env = {
        {"GITHUB_ACTIONS", "true"},
        {"GITHUB_REPOSITORY", "Acme/Widget"},
        {"GITHUB_REF_NAME", std::string(kBranch)},
        {"GITHUB_HEAD_REF", ""},
        {"GITHUB_SHA", std::string(kCommit)},
        {"GITHUB_RUN_ID", std::string(run_id)},
        {"GITHUB_RUN_ATTEMPT", "1"},
        {"GITHUB_SERVER_URL", "https://github.com"},
        {"GITHUB_STEP_SUMMARY", summary_file()},
        {"RUNNER_OS", "Linux"},
        // A developer's or CI proxy must not carry loopback requests away.
        {"NO_PROXY", "*"},
        {"no_proxy", "*"},
    };
    for (const char* name :
         {"SERVER", "SECRET", "PLATFORM", "PASSED", "FAILED", "SKIPPED", "REPORTS", "URL_HTML",
          "BRANCH", "FAIL_ON_ERROR", "TEST_PASSED", "TEST_FAILED", "TEST_SKIPPED", "TEST_URL_HTML",
          "COMMIT_SHA", "RUN_ID", "REPOSITORY", "SERVER_URL"}) {
      env[std::string("INPUT_") + name] = "";
    }
    env["INPUT_SERVER"] = server_url();
    env["INPUT_SECRET"] = std::string(kSecret);
    return env;
  }

  Env counts_env(std::string_view run_id) const {
    Env env = runner_env(run_id);
    env["INPUT_PASSED"] = "190";
    env["INPUT_FAILED"] = "2";
    env["INPUT_SKIPPED"] = "3";
    return env;
  }

  CommandResult run_action(const Env& env) {
    CommandOptions options;
    for (const auto& [name, value] : env) options.env.push_back(name + "=" + value);
    options.timeout = Millis(30000);
    results_.push_back(
        run_program("python3", {"-B", source_path("action/badgesmith_report.py")}, options));
    return results_.back();
  }

  std::optional<HttpResponse> get(const std::string& target) {
    return round_trip(server_->port(), make_request("GET", target));
  }
  std::string badge_message(const std::string& series) {
    return body_json(get("/badges/tests/" + series)).value("message", "");
  }
  json latest(const std::string& series) {
    const json history = body_json(get("/tests/results/" + series));
    return history.contains("items") && !history["items"].empty() ? history["items"][0] : json();
  }

  std::string dir_ = make_temp_dir("badgesmith-action-");
  std::unique_ptr<ServerProcess> server_;
  std::vector<CommandResult> results_;  // Every run's output, checked for the key.
};

TEST_F(ActionE2eTest, CountsModePostsASignedResultAndWritesTheSummary) {
  const CommandResult result = run_action(counts_env("1001"));
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
  // Masked before anything else is printed.
  EXPECT_TRUE(result.out.starts_with("::add-mask::" + std::string(kSecret) + "\n")) << result.out;
  EXPECT_NE(result.out.find("-> 201 "), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("::warning"), std::string::npos) << result.out;
  EXPECT_TRUE(server_->wait_for_stdout(R"("outcome":"accepted")")) << server_->stdout_text();

  const std::string series = "linux/acme/widget/" + std::string(kEncodedBranch);
  EXPECT_EQ(badge_message(series), "190 passed, 2 failed, 3 skipped");
  const json item = latest(series);
  EXPECT_EQ(item["branch"], kBranch);
  EXPECT_EQ(item["commit"], kCommit);
  EXPECT_EQ(item["run_id"], "1001");
  EXPECT_EQ(item["run_attempt"], 1);
  EXPECT_EQ(item["url_html"], "https://github.com/Acme/Widget/actions/runs/1001");
  const auto redirect = get("/redirect/test-results/" + series);
  ASSERT_TRUE(redirect);
  EXPECT_EQ(redirect->status, 302);
  EXPECT_EQ(redirect->header("Location"), "https://github.com/Acme/Widget/actions/runs/1001");

  const std::string path = "linux/Acme/Widget/" + std::string(kEncodedBranch);
  const std::string markdown = "[![tests](" + server_url() + "/badges/tests/" + path +
                               "?format=svg)](" + server_url() + "/redirect/test-results/" + path +
                               ")";
  const std::string summary = read_file(summary_file()).value_or("");
  EXPECT_NE(summary.find(markdown), std::string::npos) << summary;
  EXPECT_NE(summary.find("190 passed, 2 failed, 3 skipped"), std::string::npos) << summary;
  EXPECT_NE(result.out.find(server_url() + "/badges/tests/" + path), std::string::npos);
}

// Reads one request (head and Content-Length body) from `fd`; empty on EOF, error or timeout.
std::string read_request(int fd) {
  std::string data;
  char chunk[4096];
  std::size_t need = std::string::npos;
  while (data.size() < need) {
    pollfd ready{fd, POLLIN, 0};
    if (::poll(&ready, 1, static_cast<int>(kIoTimeout.count())) != 1) return {};
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n <= 0) return {};
    data.append(chunk, static_cast<std::size_t>(n));
    const std::size_t head_end = data.find("\r\n\r\n");
    if (need == std::string::npos && head_end != std::string::npos) {
      std::string head = data.substr(0, head_end);
      for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      const std::size_t length = head.find("\r\ncontent-length:");
      need =
          head_end + 4 + (length == std::string::npos ? 0 : std::stoul(head.substr(length + 17)));
    }
  }
  return data;
}

// A loopback relay to the server that forwards every request but drops the first answer, the
// way a connection lost after the server committed looks to a client.
class AnswerLosingRelay {
 public:
  explicit AnswerLosingRelay(std::uint16_t target) : target_(target) {
    listener_ = open_loopback_listener(port_);
    thread_ = std::thread([this] { serve(); });
  }
  ~AnswerLosingRelay() {
    stop_ = true;
    thread_.join();
    if (listener_ >= 0) ::close(listener_);
  }
  std::uint16_t port() const { return port_; }
  int forwarded() const { return forwarded_; }

 private:
  void serve() {
    while (!stop_ && listener_ >= 0) {
      pollfd ready{listener_, POLLIN, 0};
      if (::poll(&ready, 1, 50) != 1) continue;
      const int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
      if (client < 0) continue;
      const std::string request = read_request(client);
      const auto answer = request.empty() ? std::nullopt : round_trip(target_, request);
      if (answer && ++forwarded_ > 1) {
        std::string_view rest = answer->raw;
        while (!rest.empty()) {
          const ssize_t n = ::send(client, rest.data(), rest.size(), MSG_NOSIGNAL);
          if (n <= 0) break;
          rest.remove_prefix(static_cast<std::size_t>(n));
        }
      }
      ::close(client);
    }
  }

  std::uint16_t target_;
  std::uint16_t port_ = 0;
  int listener_ = -1;
  std::atomic<bool> stop_{false};
  std::atomic<int> forwarded_{0};
  std::thread thread_;
};

TEST_F(ActionE2eTest, LostAnswerIsRetriedWithTheSameBodyAndAFreshNonce) {
  AnswerLosingRelay relay(server_->port());
  Env env = counts_env("1010");
  env["INPUT_SERVER"] = "http://127.0.0.1:" + std::to_string(relay.port());
  const CommandResult result = run_action(env);
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_EQ(relay.forwarded(), 2);
  EXPECT_NE(result.out.find("attempt 1 failed"), std::string::npos) << result.out;
  // The server stored the first attempt; the second, re-signed, is recognised as its retry.
  EXPECT_NE(result.out.find("-> 200 "), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("::warning"), std::string::npos) << result.out;
  EXPECT_EQ(badge_message("linux/acme/widget/" + std::string(kEncodedBranch)),
            "190 passed, 2 failed, 3 skipped");
}

TEST_F(ActionE2eTest, DotNetInputNamesKeepWorking) {
  Env env = runner_env("1002");
  env["INPUT_PLATFORM"] = "Windows";
  env["INPUT_TEST_PASSED"] = "7";
  env["INPUT_TEST_FAILED"] = "0";
  env["INPUT_TEST_SKIPPED"] = "1";
  env["INPUT_TEST_URL_HTML"] = "https://github.com/Acme/Gadget/runs/99";
  env["INPUT_COMMIT_SHA"] = "89abcdef0123456789abcdef0123456789abcdef";
  env["INPUT_RUN_ID"] = "2002";
  env["INPUT_REPOSITORY"] = "Acme/Gadget";
  env["INPUT_SERVER_URL"] = "https://github.com";
  const CommandResult result = run_action(env);
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;

  const std::string series = "windows/acme/gadget/" + std::string(kEncodedBranch);
  EXPECT_EQ(badge_message(series), "7 passed, 1 skipped");
  const json item = latest(series);
  EXPECT_EQ(item["commit"], "89abcdef0123456789abcdef0123456789abcdef");
  EXPECT_EQ(item["run_id"], "2002");
  EXPECT_EQ(item["url_html"], "https://github.com/Acme/Gadget/runs/99");
}

TEST_F(ActionE2eTest, WrongKeyWarnsAndFailsOnlyWhenAsked) {
  Env env = counts_env("1003");
  env["INPUT_SECRET"] = "not-the-key";
  const CommandResult lenient = run_action(env);
  EXPECT_EQ(lenient.exit_code, 0) << lenient.out << lenient.err;
  EXPECT_NE(lenient.out.find("::warning title=BadgeSmith::test results not recorded (401)"),
            std::string::npos)
      << lenient.out;

  env["INPUT_FAIL_ON_ERROR"] = "true";
  const CommandResult strict = run_action(env);
  EXPECT_EQ(strict.exit_code, 1) << strict.out << strict.err;
  EXPECT_NE(strict.out.find("::warning"), std::string::npos) << strict.out;

  EXPECT_TRUE(is_json_error(get("/badges/tests/linux/acme/widget/" + std::string(kEncodedBranch)),
                            404, "TEST_RESULTS_NOT_FOUND"));
  EXPECT_FALSE(std::filesystem::exists(summary_file()));
}

TEST_F(ActionE2eTest, PullRequestBranchWithQuotesAndNonAsciiRoundTrips) {
  const std::string branch = "it's \"Überprüfung\"/ä-ö $(x) `y`";
  Env env = counts_env("1004");
  // On a pull request GITHUB_REF_NAME is the merge ref; the head branch names the series.
  env["GITHUB_REF_NAME"] = "17/merge";
  env["GITHUB_HEAD_REF"] = branch;
  const CommandResult result = run_action(env);
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;

  const std::string series = "linux/acme/widget/" + encode(branch);
  EXPECT_EQ(badge_message(series), "190 passed, 2 failed, 3 skipped");
  EXPECT_EQ(latest(series)["branch"], branch);
  EXPECT_TRUE(is_json_error(get("/badges/tests/linux/acme/widget/17%2Fmerge"), 404,
                            "TEST_RESULTS_NOT_FOUND"));
}

TEST_F(ActionE2eTest, BadInputsAreConfigurationErrors) {
  for (const char* passed : {"-1", "1.5", "12a", "", "１２"}) {
    Env env = counts_env("1005");
    env["INPUT_PASSED"] = passed;
    const CommandResult result = run_action(env);
    EXPECT_EQ(result.exit_code, 2) << passed << ": " << result.out << result.err;
    EXPECT_NE(result.out.find("::error title=BadgeSmith::"), std::string::npos) << result.out;
  }
  Env env = counts_env("1005");
  env["INPUT_SERVER"] = "badges.example.com";
  EXPECT_EQ(run_action(env).exit_code, 2);
  EXPECT_FALSE(server_->wait_for_stdout("test_result_ingest", Millis(200)));
}

TEST_F(ActionE2eTest, EmptySecretSkipsWithAWarning) {
  // What a pull request from a fork gets: secrets are withheld.
  Env env = counts_env("1006");
  env["INPUT_SECRET"] = "";
  const CommandResult result = run_action(env);
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("::warning"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("::add-mask::"), std::string::npos) << result.out;
}

TEST_F(ActionE2eTest, ReportsModeWithoutTheBinaryPointsToTheDocs) {
  Env env = runner_env("1007");
  env["INPUT_REPORTS"] = dir_ + "/*.xml";
  env["PATH"] = "/usr/bin:/bin";  // python3 is found through this process's PATH.
  const CommandResult result = run_action(env);
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  EXPECT_NE(result.out.find("::error title=BadgeSmith::"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("docs/ci.md"), std::string::npos) << result.out;
}

// The hand-over alone, with a stand-in `badgesmith` on PATH: the flags it gets, the key only in
// its environment, and its exit status passed on.
TEST_F(ActionE2eTest, ReportsModePassesTheRunAndTheKeyToBadgesmithReport) {
  const std::string bin_dir = dir_ + "/stub-bin";
  const std::string args_file = dir_ + "/args.txt";
  std::filesystem::create_directory(bin_dir);
  std::ofstream(bin_dir + "/badgesmith") << "#!/bin/sh\n"
                                            "printf '%s\\n' \"$@\" > \"$STUB_ARGS\"\n"
                                            "[ \"$BADGESMITH_SECRET\" = '"
                                         << kSecret
                                         << "' ] && echo key-in-env >> \"$STUB_ARGS\"\n"
                                            "[ -z \"$INPUT_SECRET\" ] && echo input-dropped >> "
                                            "\"$STUB_ARGS\"\n"
                                            "exit \"$STUB_EXIT\"\n";
  std::filesystem::permissions(bin_dir + "/badgesmith", std::filesystem::perms::owner_all);
  Env env = runner_env("1009");
  env["INPUT_REPORTS"] = "out/*.trx\n\n  junit/**/*.xml  \n";
  env["INPUT_FAIL_ON_ERROR"] = "true";
  env["PATH"] = bin_dir + ":/usr/bin:/bin";
  env["STUB_ARGS"] = args_file;
  env["STUB_EXIT"] = "0";
  const CommandResult passed = run_action(env);
  ASSERT_EQ(passed.exit_code, 0) << passed.out << passed.err;
  const std::string url = "https://github.com/Acme/Widget/actions/runs/1009";
  EXPECT_EQ(split_lines(read_file(args_file).value_or("")),
            (std::vector<std::string>{"report",
                                      "out/*.trx",
                                      "junit/**/*.xml",
                                      "--server",
                                      server_url(),
                                      "--platform",
                                      "linux",
                                      "--repo",
                                      "Acme/Widget",
                                      "--branch",
                                      std::string(kBranch),
                                      "--commit",
                                      std::string(kCommit),
                                      "--run-id",
                                      "1009",
                                      "--run-attempt",
                                      "1",
                                      "--url-html",
                                      url,
                                      "--workflow-run-url",
                                      url,
                                      "--secret-env",
                                      "BADGESMITH_SECRET",
                                      "--fail-on-error",
                                      "key-in-env",
                                      "input-dropped"}));
  EXPECT_NE(read_file(summary_file()).value_or("").find("[![tests]("), std::string::npos);

  std::filesystem::remove(summary_file());
  env["STUB_EXIT"] = "4";
  EXPECT_EQ(run_action(env).exit_code, 4);
  EXPECT_FALSE(std::filesystem::exists(summary_file()));
}

TEST_F(ActionE2eTest, ReportsModeHandsTheReportsToBadgesmithReport) {
  std::ofstream(dir_ + "/junit.xml") << R"(<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="widget" tests="4" failures="1" errors="0" skipped="1">
  <testcase classname="widget" name="adds"/>
  <testcase classname="widget" name="subtracts"/>
  <testcase classname="widget" name="divides"><failure message="by zero">trace</failure></testcase>
  <testcase classname="widget" name="later"><skipped/></testcase>
</testsuite>
)";
  Env env = runner_env("1008");
  env["INPUT_REPORTS"] = dir_ + "/*.xml";
  const std::string bin_dir = std::filesystem::path(binary_path()).parent_path().string();
  const char* path = std::getenv("PATH");
  env["PATH"] = bin_dir + ":" + (path != nullptr ? path : "/usr/bin:/bin");
  const CommandResult result = run_action(env);
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;

  const std::string series = "linux/acme/widget/" + std::string(kEncodedBranch);
  EXPECT_EQ(badge_message(series), "2 passed, 1 failed, 1 skipped");
  EXPECT_EQ(latest(series)["run_id"], "1008");
  EXPECT_NE(read_file(summary_file()).value_or("").find("[![tests]("), std::string::npos);
}

// --- `badgesmith report`, the same run's other client. ---

class ReportCommandE2eTest : public ActionE2eTest {
 protected:
  // `badgesmith report <args>` on a simulated runner, the key in BADGESMITH_SECRET.
  CommandResult report(std::vector<std::string> args, std::string_view secret = kSecret) {
    args.insert(args.begin(), "report");
    CommandOptions options;
    for (const auto& [name, value] : runner_env("2001")) options.env.push_back(name + "=" + value);
    options.env.push_back("BADGESMITH_SECRET=" + std::string(secret));
    options.timeout = Millis(30000);
    results_.push_back(run_command(args, options));
    return results_.back();
  }
  // JUnit (jest), TRX, NUnit 3 and xUnit v2 fixtures: 17 passed, 8 failed, 8 skipped together.
  static std::vector<std::string> four_formats() {
    std::vector<std::string> files;
    for (const char* name : {"junit-jest.xml", "trx-vstest.trx", "nunit3.xml", "xunit2.xml"}) {
      files.push_back(source_path("tests/fixtures/reports/") + name);
    }
    return files;
  }
  const std::string series_ = "linux/acme/widget/" + std::string(kEncodedBranch);
};

TEST_F(ReportCommandE2eTest, PostsTheSummedReportsAndTheBadgeShowsThem) {
  std::vector<std::string> args = four_formats();
  args.insert(args.end(), {"--server", server_url()});
  const CommandResult result = report(args);
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("HTTP 201"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find(server_url() + "/badges/tests/linux/Acme/Widget/" +
                            std::string(kEncodedBranch) + "?format=svg"),
            std::string::npos)
      << result.out;
  EXPECT_EQ(badge_message(series_), "17 passed, 8 failed, 8 skipped");
  const json item = latest(series_);
  EXPECT_EQ(item["run_id"], "2001");
  EXPECT_EQ(item["commit"], kCommit);
  EXPECT_EQ(item["branch"], kBranch);
  EXPECT_EQ(item["url_html"], "https://github.com/Acme/Widget/actions/runs/2001");
}

TEST_F(ReportCommandE2eTest, LostAnswerIsRetriedWithTheSameBodyAndAFreshNonce) {
  AnswerLosingRelay relay(server_->port());
  const CommandResult result =
      report({source_path("tests/fixtures/reports/junit-jest.xml"), "--server",
              "http://127.0.0.1:" + std::to_string(relay.port())});
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_EQ(relay.forwarded(), 2);
  EXPECT_NE(result.err.find("retrying"), std::string::npos) << result.err;
  // The server stored the first attempt; the re-signed second is recognised as its retry.
  EXPECT_NE(result.out.find("HTTP 200"), std::string::npos) << result.out;
  EXPECT_EQ(badge_message(series_), "5 passed, 1 failed, 2 skipped");
}

TEST_F(ReportCommandE2eTest, PrintCountsAndDryRunSendNothing) {
  // A glob taking in a malformed report fails as a whole: never counts from half the reports.
  const CommandResult glob =
      report({source_path("tests/fixtures/reports/*.trx"), "--print-counts"});
  EXPECT_EQ(glob.exit_code, 3) << glob.out;
  EXPECT_EQ(glob.out, "");
  const CommandResult exact =
      report({source_path("tests/fixtures/reports/trx-vstest.trx"),
              source_path("tests/fixtures/reports/xunit2.xml"), "--print-counts"});
  ASSERT_EQ(exact.exit_code, 0) << exact.err;
  EXPECT_EQ(exact.out, "{\"passed\":7,\"failed\":5,\"skipped\":4,\"total\":16}\n");

  // `**/` stands for any depth of directories, as in CI tools' globs.
  const CommandResult globstar = report({source_path("tests/**/junit-jest.xml"), "--print-counts"});
  EXPECT_EQ(globstar.out, "{\"passed\":5,\"failed\":1,\"skipped\":2,\"total\":8}\n")
      << globstar.err;

  const CommandResult dry = report(
      {source_path("tests/fixtures/reports/xunit2.xml"), "--server", server_url(), "--dry-run"});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_TRUE(dry.out.starts_with("POST " + server_url() + "/tests/results/linux/Acme/Widget/" +
                                  std::string(kEncodedBranch) + "\n"))
      << dry.out;
  EXPECT_NE(dry.out.find("X-Signature: sha256="), std::string::npos) << dry.out;
  EXPECT_NE(dry.out.find("\"passed\":3,\"failed\":2,\"skipped\":2,\"total\":7"), std::string::npos)
      << dry.out;
  const auto history = get("/tests/results/" + series_);
  ASSERT_TRUE(history);
  EXPECT_EQ(body_json(history)["items"].size(), 0u) << "a dry run or --print-counts sent something";
}

TEST_F(ReportCommandE2eTest, MissingMalformedOrHostileReportsExit3InEveryMode) {
  for (const char* name : {"hostile-billion-laughs.xml", "hostile-xxe-file.xml",
                           "malformed-truncated.xml", "empty.xml", "no-such-report.xml"}) {
    for (const std::vector<std::string>& mode :
         {std::vector<std::string>{"--print-counts"}, {"--dry-run"}, {"--server", server_url()}}) {
      std::vector<std::string> args = {source_path("tests/fixtures/reports/junit-jest.xml"),
                                       source_path("tests/fixtures/reports/") + name};
      args.insert(args.end(), mode.begin(), mode.end());
      const CommandResult result = report(args);
      EXPECT_EQ(result.exit_code, 3) << name << " " << mode[0] << "\n" << result.err;
      EXPECT_EQ(result.out, "") << name;
    }
  }
  EXPECT_EQ(body_json(get("/tests/results/" + series_))["items"].size(), 0u);
}

TEST_F(ReportCommandE2eTest, RefusalIsReportedAndFailsTheStepOnlyWhenAsked) {
  const std::string jest = source_path("tests/fixtures/reports/junit-jest.xml");
  const CommandResult refused = report({jest, "--server", server_url()}, "not-the-key");
  EXPECT_EQ(refused.exit_code, 0) << refused.err;
  EXPECT_NE(refused.err.find("INVALID_SIGNATURE"), std::string::npos) << refused.err;
  const CommandResult failed =
      report({jest, "--server", server_url(), "--fail-on-error"}, "not-the-key");
  EXPECT_EQ(failed.exit_code, 4) << failed.err;
  // Nothing listening: unreachable, after its retries.
  const CommandResult unreachable =
      report({jest, "--server", "http://127.0.0.1:1", "--fail-on-error", "--max-attempts", "2"});
  EXPECT_EQ(unreachable.exit_code, 4) << unreachable.err;
  EXPECT_NE(unreachable.err.find("retrying"), std::string::npos) << unreachable.err;
  // No key at all is a usage error, before anything is sent.
  const CommandResult keyless = report({jest, "--server", server_url()}, "");
  EXPECT_EQ(keyless.exit_code, 2) << keyless.err;
}

// A `run:` block of action.yml: its lines and the indentation of its key.
struct RunBlock {
  std::size_t line = 0;
  std::vector<std::string> text;
};

std::size_t indentation(std::string_view line) {
  const std::size_t first = line.find_first_not_of(' ');
  return first == std::string_view::npos ? line.size() : first;
}

// `run: value` or `run: |` / `run: >-` followed by the lines indented deeper than the key. Also
// finds `- run:` list items. Enough YAML for an action file, which has no flow-style steps.
std::vector<RunBlock> run_blocks(const std::vector<std::string>& lines) {
  std::vector<RunBlock> blocks;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    std::size_t key_indent = indentation(line);
    line.remove_prefix(key_indent);
    if (line.starts_with("- ")) {
      line.remove_prefix(2);
      key_indent += 2;
    }
    if (!line.starts_with("run:")) continue;
    RunBlock block{i + 1, {std::string(line.substr(4))}};
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
      const bool blank = lines[j].find_first_not_of(' ') == std::string::npos;
      if (!blank && indentation(lines[j]) <= key_indent) break;
      block.text.push_back(lines[j]);
    }
    blocks.push_back(std::move(block));
  }
  return blocks;
}

TEST(ActionYmlTest, NoExpressionInsideRunAndEveryInputPassedThroughEnv) {
  const std::optional<std::string> yml = read_file(source_path("action.yml"));
  ASSERT_TRUE(yml);
  const std::vector<std::string> lines = split_lines(*yml);
  const std::vector<RunBlock> blocks = run_blocks(lines);
  ASSERT_FALSE(blocks.empty());
  for (const RunBlock& block : blocks) {
    for (const std::string& text : block.text) {
      EXPECT_EQ(text.find("${{"), std::string::npos) << "action.yml:" << block.line << ": " << text;
    }
  }

  // Inputs are the keys two spaces deep under `inputs:`; each must reach the script as
  // INPUT_<NAME> (upper-case, '-' as '_'), or setting it would silently do nothing.
  bool in_inputs = false;
  std::vector<std::string> inputs;
  for (const std::string& line : lines) {
    if (!line.empty() && line[0] != ' ' && line[0] != '#') in_inputs = line == "inputs:";
    if (!in_inputs || indentation(line) != 2 || line[2] == '#' || line.back() != ':') continue;
    inputs.push_back(line.substr(2, line.size() - 3));
  }
  EXPECT_GE(inputs.size(), 18u);
  for (const std::string& input : inputs) {
    std::string variable = "INPUT_" + input;
    for (char& c : variable) {
      c = c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    EXPECT_NE(yml->find(variable + ": ${{ inputs." + input + " }}"), std::string::npos) << input;
  }
}

// The checker itself must see an expression in a run block, or the test above proves nothing.
TEST(ActionYmlTest, RunBlockScanFindsExpressions) {
  const std::vector<RunBlock> blocks = run_blocks({
      "runs:",
      "  steps:",
      "    - run: echo ${{ inputs.a }}",
      "    - shell: bash",
      "      run: |",
      "        echo ok",
      "",
      "        echo \"${{ github.head_ref }}\"",
      "      env:",
      "        X: ${{ inputs.x }}",
  });
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_NE(blocks[0].text[0].find("${{"), std::string::npos);
  ASSERT_EQ(blocks[1].text.size(), 4u);
  EXPECT_NE(blocks[1].text[3].find("${{ github.head_ref }}"), std::string::npos);
}

}  // namespace
}  // namespace badgesmith::e2e
