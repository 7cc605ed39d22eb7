// Signed test-result ingestion end to end (issue 5, docs/signing.md): the real binary on loopback
// with a real SQLite data directory, secrets stored through `badgesmith secrets set`, requests
// signed with scheme v2, and the badge, redirect and history reads that follow.
#include <openssl/evp.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <latch>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/hex.h"
#include "core/routing/path_codec.h"
#include "features/testresults/signature.h"
#include "fixture_upstream.h"
#include "harness.h"

namespace badgesmith::e2e {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;
using std::chrono::system_clock;
using namespace std::chrono_literals;

constexpr std::string_view kMasterKey = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
// Distinctive, so finding one in a log line can only mean a leak.
constexpr std::string_view kAcmeSecret = "acme-E2E-CANARY-secret-0123456789";
constexpr std::string_view kSpecialSecret = "special-E2E-CANARY-repo-secret-42";
constexpr std::string_view kCommit = "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00";
constexpr std::string_view kBadgeCacheControl =
    "public, max-age=60, s-maxage=60, stale-while-revalidate=600, stale-if-error=3600";

// --- Encoding, time and identifiers. ---

// Every byte outside RFC 3986's unreserved set as %XX: '/' becomes %2F, ' ' %20, '+' %2B.
std::string encode(std::string_view value) { return routing::percent_encode_path_segment(value); }

std::string upper(std::string value) {
  for (char& c : value) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return value;
}

// RFC 3339 in UTC with milliseconds: "2026-11-28T08:00:00.123Z".
std::string rfc3339_ms(system_clock::time_point time) {
  const std::int64_t ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
  const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  ::gmtime_r(&seconds, &tm);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms % 1000));
  return buffer;
}

std::string now_rfc3339(system_clock::duration offset = {}) {
  return rfc3339_ms(system_clock::now() + offset);
}

// A process-wide counter after a random prefix: unique across runs and threads, valid X-Nonce.
std::string fresh_nonce() {
  static const std::string prefix = [] {
    std::random_device random;
    return "e2e-" + std::to_string(random()) + "-";
  }();
  static std::atomic<int> counter{0};
  return prefix + std::to_string(counter.fetch_add(1)) + "-nonce";
}

std::string fresh_run_id() {
  static std::atomic<int> counter{0};
  return "run-" + std::to_string(counter.fetch_add(1) + 1000);
}

json body_json(const std::optional<HttpResponse>& response) {
  return response ? json::parse(response->body, nullptr, false) : json();
}

std::string shell_quote(std::string_view value) {
  std::string out = "'";
  for (const char c : value) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

void write_file(const std::string& path, std::string_view content) {
  std::ofstream(path, std::ios::binary) << content;
  ::chmod(path.c_str(), 0600);
}

// --- The payload and the signed request. ---

// The ingestion body (issue item 5); json() gives the same bytes for the same fields.
struct Payload {
  std::string platform = "linux";
  std::int64_t passed = 190;
  std::int64_t failed = 2;
  std::int64_t skipped = 3;
  std::string url_html = "https://github.com/Acme/Widget/actions/runs/1/job/2";
  std::string timestamp = now_rfc3339(-10s);
  std::string commit = std::string(kCommit);
  std::string run_id = fresh_run_id();
  std::string workflow_run_url = "https://github.com/Acme/Widget/actions/runs/1";
  std::optional<int> run_attempt;

  std::string json() const {
    ordered_json body = {{"platform", platform},
                         {"passed", passed},
                         {"failed", failed},
                         {"skipped", skipped},
                         {"total", passed + failed + skipped},
                         {"url_html", url_html},
                         {"timestamp", timestamp},
                         {"commit", commit},
                         {"run_id", run_id},
                         {"workflow_run_url", workflow_run_url}};
    if (run_attempt) body["run_attempt"] = *run_attempt;
    return body.dump();
  }
};

// POST /tests/results/{platform}/{owner}/{repo}/{branch}: the decoded path values, the body and
// the three signing headers (nullopt: not sent). sign() binds the current values; changing one
// afterwards sends a request whose signature was made for another.
struct SignedPost {
  std::string platform = "linux";
  std::string owner = "acme";
  std::string repo = "widget";
  std::string branch = "main";
  std::string body = Payload().json();
  std::optional<std::string> timestamp = now_rfc3339();
  std::optional<std::string> nonce = fresh_nonce();
  std::optional<std::string> signature;
  std::string target;         // The request target; empty: every segment fully encoded.
  std::string extra_headers;  // Lines ending in CRLF.

  SignedPost& sign(std::string_view secret) {
    const auto canonical = testresults::canonical_request({.method = "POST",
                                                           .platform = platform,
                                                           .owner = owner,
                                                           .repo = repo,
                                                           .branch = branch,
                                                           .timestamp = timestamp.value_or(""),
                                                           .nonce = nonce.value_or(""),
                                                           .body = body});
    signature = testresults::sign(secret, canonical.value()).value();
    return *this;
  }
  // A fresh nonce and timestamp, then signed again: a new attempt at the same request.
  SignedPost& renew(std::string_view secret) {
    timestamp = now_rfc3339();
    nonce = fresh_nonce();
    return sign(secret);
  }
  std::string path() const {
    if (!target.empty()) return target;
    return "/tests/results/" + encode(platform) + "/" + encode(owner) + "/" + encode(repo) + "/" +
           encode(branch);
  }
  std::string request() const {
    std::string headers =
        "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
    if (timestamp) headers += "X-Timestamp: " + *timestamp + "\r\n";
    if (nonce) headers += "X-Nonce: " + *nonce + "\r\n";
    if (signature) headers += "X-Signature: " + *signature + "\r\n";
    return make_request("POST", path(), headers + extra_headers) + body;
  }
};

SignedPost signed_post(std::string_view secret, const Payload& payload = {},
                       std::string branch = "main") {
  SignedPost post;
  post.body = payload.json();
  post.branch = std::move(branch);
  return post.sign(secret);
}

// --- The data directory's database, read directly. ---

// The first column of every row `sql` yields, as text; a failure is a test failure.
std::vector<std::string> query_db(const std::string& db_path, const std::string& sql) {
  std::vector<std::string> rows;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << "cannot open " << db_path << ": " << sqlite3_errmsg(db);
    sqlite3_close(db);
    return rows;
  }
  sqlite3_busy_timeout(db, static_cast<int>(kIoTimeout.count()));
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
  } else {
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(statement, 0);
      rows.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
    }
    if (step != SQLITE_DONE) ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return rows;
}

// --- The server. ---

struct Secret {
  std::string owner;
  std::string repo;  // Empty: the owner's secret.
  std::string value;
  std::string type = "testdata";
};

std::vector<Secret> default_secrets() {
  return {{"acme", "", std::string(kAcmeSecret)},
          {"acme", "special", std::string(kSpecialSecret)},
          {"packager", "", "a-package-token-not-a-testdata-secret", "package"}};
}

// Where a ResultsServer keeps its data: the embedded SQLite store, or AWS mode's DynamoDB tables
// and Secrets Manager on a moto of its own.
enum class Backend { kSqlite, kDynamoDb };

std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "sqlite" : "dynamodb";
}

// A badge server over its own data directory (and, for kDynamoDb, its own moto with the tables
// made by `badgesmith dynamodb create-tables`), its secrets set through the CLI before it starts
// (the server caches secret lookups), an audit log file and an extra allowed redirect host.
class ResultsServer {
 public:
  static constexpr std::string_view kAuditFile = "audit.log";

  explicit ResultsServer(const std::vector<Secret>& secrets = default_secrets(),
                         Backend backend = Backend::kSqlite)
      : data_dir_(make_temp_dir("badgesmith-testresults-")) {
    if (backend == Backend::kDynamoDb) {
      moto_ = std::make_unique<FixtureUpstream>(moto_fixture());
      EXPECT_TRUE(moto_->started()) << moto_->output();
      const CommandResult created = cli({"dynamodb", "create-tables"});
      EXPECT_EQ(created.exit_code, 0) << created.err;
    }
    for (const Secret& secret : secrets) set_secret(secret);
    start();
  }
  ~ResultsServer() {
    server_.reset();
    remove_tree(data_dir_);
  }
  ResultsServer(const ResultsServer&) = delete;
  ResultsServer& operator=(const ResultsServer&) = delete;

  void start() {
    server_.reset();
    server_ = std::make_unique<ServerProcess>(server_options());
  }

  // Another server on the same store: a second instance of a scaled-out deployment.
  std::unique_ptr<ServerProcess> start_another() const {
    return std::make_unique<ServerProcess>(server_options());
  }

  ServerProcess& process() { return *server_; }
  const FixtureUpstream* moto() const { return moto_.get(); }  // kDynamoDb only.
  std::uint16_t port() const { return server_->port(); }
  const std::string& data_dir() const { return data_dir_; }
  std::string db_path() const { return data_dir_ + "/badgesmith.db"; }
  std::string audit_path() const { return data_dir_ + "/" + std::string(kAuditFile); }

  std::optional<HttpResponse> send(const SignedPost& post) {
    return round_trip(port(), post.request());
  }
  std::optional<HttpResponse> get(std::string_view target, std::string_view headers = {}) {
    return round_trip(port(), make_request("GET", target, headers));
  }

  // `badgesmith <args> --data-dir <dir>` with the master key (and in AWS mode on moto), as an
  // operator runs it.
  CommandResult cli(std::vector<std::string> args, std::optional<std::string> stdin_data = {}) {
    if (args.front() != "dynamodb") args.insert(args.end(), {"--data-dir", data_dir_});
    CommandOptions options;
    options.stdin_data = std::move(stdin_data);
    options.env = env();
    return run_command(args, options);
  }

  void set_secret(const Secret& secret) {
    std::vector<std::string> args = {"secrets",    "set",    "--owner",
                                     secret.owner, "--type", secret.type};
    if (!secret.repo.empty()) args.insert(args.end(), {"--repo", secret.repo});
    const CommandResult result = cli(args, secret.value + "\n");
    EXPECT_EQ(result.exit_code, 0) << result.err;
  }

  // Rows of the store's items table that belong to test results (nonces, runs, history).
  // Nonce claims and results; owner settings (which `secrets set` writes) are not counted.
  int testresult_items() {
    const auto rows =
        query_db(db_path(),
                 "SELECT count(*) FROM items WHERE pk LIKE 'tr-nonce#%' OR pk LIKE 'tr-series#%'");
    return rows.empty() ? -1 : std::stoi(rows[0]);
  }

 private:
  std::vector<std::string> env() const {
    std::vector<std::string> env = {"BADGESMITH_MASTER_KEY=" + std::string(kMasterKey)};
    if (moto_) {
      const std::vector<std::string> aws = aws_mode_env(*moto_);
      env.insert(env.end(), aws.begin(), aws.end());
    }
    return env;
  }

  ServerProcess::Options server_options() const {
    ServerProcess::Options options;
    options.add_data_dir = false;
    options.args = {"--data-dir", data_dir_};
    options.env = env();
    options.env.insert(options.env.end(), {"BADGESMITH_AUDIT_LOG=" + std::string(kAuditFile),
                                           "BADGESMITH_REDIRECT_HOSTS=github.com,ci.example.com"});
    return options;
  }

  std::string data_dir_;
  std::unique_ptr<FixtureUpstream> moto_;  // kDynamoDb only; outlives server_.
  std::unique_ptr<ServerProcess> server_;
};

// The series paths of the reads: /badges/tests/…, /redirect/test-results/…, /tests/results/….
std::string series_path(std::string_view platform, std::string_view owner, std::string_view repo,
                        std::string_view branch_as_sent) {
  return std::string(platform) + "/" + std::string(owner) + "/" + std::string(repo) + "/" +
         std::string(branch_as_sent);
}
std::string badge_path(const std::string& series) { return "/badges/tests/" + series; }
std::string redirect_path(const std::string& series) { return "/redirect/test-results/" + series; }
std::string history_path(const std::string& series) { return "/tests/results/" + series; }

// Every behaviour below holds on both backends (Backends/…/sqlite and …/dynamodb); the
// TestResultsSqliteE2eTest cases look inside the SQLite file.
class TestResultsE2eTest : public ::testing::TestWithParam<Backend> {
 protected:
  virtual Backend backend() const { return GetParam(); }
  void SetUp() override {
    server_ = std::make_unique<ResultsServer>(default_secrets(), backend());
    ASSERT_TRUE(server_->process().started()) << server_->process().stderr_text();
  }

  std::optional<HttpResponse> send(const SignedPost& post) { return server_->send(post); }
  std::optional<HttpResponse> get(std::string_view target, std::string_view headers = {}) {
    return server_->get(target, headers);
  }

  // Sends `post`, expects its first acceptance, and returns the response body.
  json accept(const SignedPost& post) {
    const auto response = send(post);
    EXPECT_TRUE(response) << post.path();
    if (!response) return json();
    EXPECT_EQ(response->status, 201) << post.path() << "\n" << response->raw;
    EXPECT_EQ(response->header("Cache-Control"), "no-store");
    return body_json(response);
  }

  // Every history item of the series, following next_cursor.
  std::vector<json> full_history(const std::string& series) {
    std::vector<json> items;
    std::string cursor;
    for (int page = 0; page < 100; ++page) {
      std::string target = history_path(series) + "?limit=100";
      if (!cursor.empty()) target += "&cursor=" + encode(cursor);
      const auto response = get(target);
      if (!response || response->status != 200) {
        ADD_FAILURE() << target << "\n" << (response ? response->raw : "no response");
        break;
      }
      const json body = body_json(response);
      for (const json& item : body["items"]) items.push_back(item);
      if (!body.contains("next_cursor")) break;
      cursor = body["next_cursor"].get<std::string>();
    }
    return items;
  }

  // kill -9: no shutdown path runs, as in a crash or an OOM kill.
  // Never fatal: a test may have threads to join first.
  void kill9() {
    EXPECT_TRUE(server_->process().send_signal(SIGKILL));
    EXPECT_EQ(server_->process().wait_exit(), 128 + SIGKILL);
  }
  // A new server process on the same data directory (and a new port).
  void restart() {
    server_->start();
    ASSERT_TRUE(server_->process().started()) << server_->process().stderr_text();
  }

  std::unique_ptr<ResultsServer> server_;
};

// Sends every post at once (the clients are released together by a latch); the responses in
// the posts' order.
std::vector<std::optional<HttpResponse>> send_concurrently(ResultsServer& server,
                                                           const std::vector<SignedPost>& posts) {
  std::vector<std::optional<HttpResponse>> responses(posts.size());
  std::latch start(static_cast<std::ptrdiff_t>(posts.size()));
  std::vector<std::thread> clients;
  clients.reserve(posts.size());
  for (std::size_t i = 0; i < posts.size(); ++i) {
    clients.emplace_back([&, i] {
      const std::string request = posts[i].request();
      start.arrive_and_wait();
      responses[i] = round_trip(server.port(), request);
    });
  }
  for (std::thread& client : clients) client.join();
  return responses;
}

// Cases that look inside the SQLite file or kill the process under it.
class TestResultsSqliteE2eTest : public TestResultsE2eTest {
 protected:
  Backend backend() const override { return Backend::kSqlite; }
};

INSTANTIATE_TEST_SUITE_P(Backends, TestResultsE2eTest,
                         ::testing::Values(Backend::kSqlite, Backend::kDynamoDb), backend_name);

// --- Acceptance and the reads that follow. ---

TEST_P(TestResultsE2eTest, FirstAcceptanceIs201AndEveryReadReflectsIt) {
  SignedPost post;
  post.platform = "Linux";
  post.owner = "Acme";
  post.repo = "Widget";
  post.sign(kAcmeSecret);
  const auto response = send(post);
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 201) << response->raw;
  EXPECT_EQ(response->header("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(response->header("Cache-Control"), "no-store");
  EXPECT_TRUE(has_common_headers(*response));
  const json body = body_json(response);
  ASSERT_TRUE(body.is_object()) << response->body;
  EXPECT_EQ(body.size(), 5u) << body;
  EXPECT_TRUE(std::regex_match(body.value("test_result_id", ""), std::regex("[0-9a-f]{32}")))
      << body;
  EXPECT_EQ(body["repository"], "Acme/Widget");
  EXPECT_EQ(body["platform"], "Linux");
  EXPECT_EQ(body["branch"], "main");
  EXPECT_TRUE(std::regex_match(body.value("timestamp", ""),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")))
      << body;

  // The badge, in any letter case.
  for (const std::string series :
       {"linux/acme/widget/main", "LINUX/ACME/WIDGET/MAIN", "Linux/aCmE/wIdGeT/Main"}) {
    SCOPED_TRACE(series);
    const auto badge = get(badge_path(series));
    ASSERT_TRUE(badge);
    EXPECT_EQ(badge->status, 200) << badge->raw;
    EXPECT_EQ(body_json(badge), json::parse(R"({"schemaVersion":1,"label":"tests",)"
                                            R"("message":"190 passed, 2 failed, 3 skipped",)"
                                            R"("color":"yellow"})"));
    EXPECT_EQ(badge->header("Content-Type"), "application/json; charset=utf-8");
    EXPECT_EQ(badge->header("Cache-Control"), kBadgeCacheControl);
    EXPECT_TRUE(badge->header("Last-Modified"));
    EXPECT_TRUE(has_common_headers(*badge));
    const auto etag = badge->header("ETag");
    ASSERT_TRUE(etag);
    const auto revalidated = get(badge_path(series), "If-None-Match: " + *etag + "\r\n");
    ASSERT_TRUE(revalidated);
    EXPECT_EQ(revalidated->status, 304) << revalidated->raw;
    EXPECT_TRUE(revalidated->body.empty());

    const auto redirect = get(redirect_path(series));
    ASSERT_TRUE(redirect);
    EXPECT_EQ(redirect->status, 302) << redirect->raw;
    EXPECT_EQ(redirect->header("Location"), Payload().url_html);
    EXPECT_EQ(redirect->header("Cache-Control"), kBadgeCacheControl);
  }
  EXPECT_EQ(body_json(get(badge_path("linux/acme/widget/main?compact=true")))["message"],
            "✔ 190 | ✘ 2 | ➟ 3");
  const auto svg = get(badge_path("linux/acme/widget/main?format=svg"));
  ASSERT_TRUE(svg);
  EXPECT_EQ(svg->status, 200);
  EXPECT_EQ(svg->header("Content-Type").value_or("").rfind("image/svg+xml", 0), 0u);
  EXPECT_NE(svg->body.find("190 passed, 2 failed, 3 skipped"), std::string::npos);

  const auto history = get(history_path("LINUX/Acme/widget/MAIN"));
  ASSERT_TRUE(history);
  EXPECT_EQ(history->status, 200) << history->raw;
  EXPECT_NE(history->header("Cache-Control").value_or("").find("max-age=30"), std::string::npos);
  const json page = body_json(history);
  ASSERT_EQ(page["items"].size(), 1u) << page;
  EXPECT_FALSE(page.contains("next_cursor"));
  const json& item = page["items"][0];
  const json payload = json::parse(post.body);
  EXPECT_EQ(item["test_result_id"], body["test_result_id"]);
  EXPECT_EQ(item["platform"], "Linux");
  EXPECT_EQ(item["branch"], "main");
  EXPECT_EQ(item["received_at"], body["timestamp"]);
  for (const char* field :
       {"run_id", "passed", "failed", "skipped", "total", "commit", "url_html", "timestamp"}) {
    EXPECT_EQ(item[field], payload[field]) << field;
  }
  EXPECT_EQ(item["run_attempt"], 1);
}

TEST_P(TestResultsE2eTest, MessagesAndColoursFollowTheCounts) {
  struct Case {
    std::int64_t passed, failed, skipped;
    const char* message;
    const char* compact;
    const char* color;
  };
  const Case cases[] = {{190, 0, 0, "190 passed", "✔ 190", "brightgreen"},
                        {0, 3, 0, "3 failed", "✔ 0 | ✘ 3", "red"},
                        {5, 0, 2, "5 passed, 2 skipped", "✔ 5 | ➟ 2", "brightgreen"}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    Payload payload;
    payload.passed = c.passed;
    payload.failed = c.failed;
    payload.skipped = c.skipped;
    const std::string branch = "counts-" + std::to_string(c.passed) + "-" +
                               std::to_string(c.failed) + "-" + std::to_string(c.skipped);
    accept(signed_post(kAcmeSecret, payload, branch));
    const json badge = body_json(get(badge_path("linux/acme/widget/" + branch)));
    EXPECT_EQ(badge["message"], c.message);
    EXPECT_EQ(badge["color"], c.color);
    EXPECT_EQ(
        body_json(get(badge_path("linux/acme/widget/" + branch + "?compact=true")))["message"],
        c.compact);
  }
}

TEST_P(TestResultsE2eTest, BranchesWithSlashesSpacesPlusAndNonAsciiReadAlike) {
  struct Case {
    std::string branch;       // Decoded, as signed and answered.
    std::string post_target;  // The branch segment as posted; empty: fully encoded.
    std::vector<std::string> reads;
  };
  const std::vector<Case> cases = {
      {"feature/x", "feature/x", {"feature/x", "feature%2Fx", "FEATURE%2fX", "Feature/X"}},
      {"release/1.x/hotfix", "", {"release/1.x/hotfix", "release%2F1.x%2Fhotfix"}},
      {"Fix/Überprüfung-ÄÖÜ",
       "",
       {"fix/%C3%9Cberpr%C3%BCfung-%C3%84%C3%96%C3%9C",
        "FIX%2F%C3%9Cberpr%C3%BCfung-%C3%84%C3%96%C3%9C"}},
      {"feature/a b+c", "feature/a%20b+c", {"feature%2Fa%20b%2Bc", "Feature/A%20B+C"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.branch);
    SignedPost post;
    post.branch = c.branch;
    if (!c.post_target.empty()) post.target = "/tests/results/linux/acme/widget/" + c.post_target;
    post.sign(kAcmeSecret);
    const json accepted = accept(post);
    EXPECT_EQ(accepted["branch"], c.branch);
    for (const std::string& read : c.reads) {
      SCOPED_TRACE(read);
      const std::string series = series_path("linux", "acme", "widget", read);
      const auto badge = get(badge_path(series));
      ASSERT_TRUE(badge);
      EXPECT_EQ(badge->status, 200) << badge->raw;
      const auto redirect = get(redirect_path(series));
      ASSERT_TRUE(redirect);
      EXPECT_EQ(redirect->status, 302) << redirect->raw;
      const json page = body_json(get(history_path(series)));
      ASSERT_EQ(page["items"].size(), 1u) << page;
      EXPECT_EQ(page["items"][0]["test_result_id"], accepted["test_result_id"]);
      EXPECT_EQ(page["items"][0]["branch"], c.branch);
    }
  }
  // Each branch is its own series: "feature" is neither "feature/x" nor "feature/a b+c".
  EXPECT_TRUE(
      is_json_error(get(badge_path("linux/acme/widget/feature")), 404, "TEST_RESULTS_NOT_FOUND"));
}

TEST_P(TestResultsE2eTest, ReadsOfAnUnknownSeriesAre404) {
  EXPECT_TRUE(
      is_json_error(get(badge_path("linux/acme/widget/main")), 404, "TEST_RESULTS_NOT_FOUND"));
  EXPECT_TRUE(
      is_json_error(get(redirect_path("linux/acme/widget/main")), 404, "TEST_RESULTS_NOT_FOUND"));
}

TEST_P(TestResultsE2eTest, LatestIsTheGreatestPayloadTimestampAndHistoryPages) {
  // Posted out of order: the badge and the history follow the payload time, not the arrival.
  const std::vector<std::pair<int, std::int64_t>> minutes_ago_and_passed = {
      {30, 30}, {10, 10}, {50, 50}, {20, 20}, {40, 40}};
  for (const auto& [minutes_ago, passed] : minutes_ago_and_passed) {
    Payload payload;
    payload.failed = 0;
    payload.skipped = 0;
    payload.passed = passed;
    payload.timestamp = now_rfc3339(-std::chrono::minutes(minutes_ago));
    accept(signed_post(kAcmeSecret, payload));
  }
  EXPECT_EQ(body_json(get(badge_path("linux/acme/widget/main")))["message"], "10 passed");

  std::vector<std::int64_t> seen;
  std::string cursor;
  for (int page = 0; page < 3; ++page) {
    std::string target = history_path("linux/acme/widget/main") + "?limit=2";
    if (!cursor.empty()) target += "&cursor=" + encode(cursor);
    const json body = body_json(get(target));
    ASSERT_TRUE(body.contains("items")) << target << " " << body;
    EXPECT_EQ(body["items"].size(), page < 2 ? 2u : 1u) << body;
    for (const json& item : body["items"]) seen.push_back(item.value("passed", -1));
    EXPECT_EQ(body.contains("next_cursor"), page < 2) << body;
    if (page < 2) cursor = body.value("next_cursor", "");
  }
  EXPECT_EQ(seen, (std::vector<std::int64_t>{10, 20, 30, 40, 50}));
  EXPECT_EQ(body_json(get(history_path("linux/acme/widget/main")))["items"].size(), 5u);

  for (const char* limit : {"0", "101", "-1", "abc"}) {
    EXPECT_TRUE(is_json_error(get(history_path("linux/acme/widget/main") + "?limit=" + limit), 400,
                              "INVALID_LIMIT"))
        << limit;
  }
}

TEST_P(TestResultsE2eTest, SameTimestampLatestIsTheLastReceived) {
  Payload first;
  first.passed = 1;
  first.failed = first.skipped = 0;
  Payload second = first;
  second.run_id = fresh_run_id();
  second.passed = 2;
  accept(signed_post(kAcmeSecret, first));
  accept(signed_post(kAcmeSecret, second));
  EXPECT_EQ(body_json(get(badge_path("linux/acme/widget/main")))["message"], "2 passed");
}

// --- Replays and forgeries. ---

TEST_P(TestResultsE2eTest, ReplayOfTheSameRequestIsNonceAlreadyUsed) {
  const SignedPost post = signed_post(kAcmeSecret);
  accept(post);
  const auto replay = send(post);
  EXPECT_TRUE(is_json_error(replay, 409, "NONCE_ALREADY_USED"));
  EXPECT_EQ(replay->header("Cache-Control"), "no-store");
}

TEST_P(TestResultsE2eTest, SignedBodyPostedToAnotherRepoBranchPlatformOrOwnerIs401) {
  const SignedPost original = signed_post(kAcmeSecret);
  std::vector<SignedPost> elsewhere(4, original);
  elsewhere[0].repo = "gadget";
  elsewhere[1].branch = "release";
  elsewhere[2].platform = "windows";
  elsewhere[3].owner = "packager";
  for (const SignedPost& post : elsewhere) {
    SCOPED_TRACE(post.path());
    EXPECT_TRUE(is_json_error(send(post), 401, "INVALID_SIGNATURE"));
  }
  // None of them spent the nonce: the original still goes through, once.
  accept(original);
  for (const SignedPost& post : elsewhere) {
    EXPECT_TRUE(is_json_error(send(post), 401, "INVALID_SIGNATURE")) << post.path();
  }
}

TEST_P(TestResultsE2eTest, CapturedBodyAndSignatureWithFreshNonceOrTimestampIs401) {
  const SignedPost captured = signed_post(kAcmeSecret);
  accept(captured);
  SignedPost fresh_nonce_only = captured;
  fresh_nonce_only.nonce = fresh_nonce();
  SignedPost fresh_timestamp_only = captured;
  fresh_timestamp_only.timestamp = now_rfc3339(1s);
  SignedPost both = captured;
  both.nonce = fresh_nonce();
  both.timestamp = now_rfc3339(1s);
  for (const SignedPost* post : {&fresh_nonce_only, &fresh_timestamp_only, &both}) {
    EXPECT_TRUE(is_json_error(send(*post), 401, "INVALID_SIGNATURE"));
  }
}

TEST_P(TestResultsE2eTest, StaleAndFutureTimestampsAreInvalidTimestamp) {
  const std::vector<std::pair<std::string, system_clock::duration>> cases = {
      {"6 minutes old", -6min}, {"2 minutes ahead", 2min}, {"a day old", -24h}};
  for (const auto& [name, offset] : cases) {
    SCOPED_TRACE(name);
    SignedPost post = signed_post(kAcmeSecret);
    post.timestamp = now_rfc3339(offset);
    post.sign(kAcmeSecret);
    EXPECT_TRUE(is_json_error(send(post), 400, "INVALID_TIMESTAMP"));
  }
  // Inside the window both ways.
  SignedPost old = signed_post(kAcmeSecret);
  old.timestamp = now_rfc3339(-4min);
  accept(old.sign(kAcmeSecret));
  SignedPost ahead = signed_post(kAcmeSecret, Payload());
  ahead.timestamp = now_rfc3339(30s);
  accept(ahead.sign(kAcmeSecret));
}

TEST_P(TestResultsE2eTest, TamperedBodyIs401) {
  SignedPost post = signed_post(kAcmeSecret);
  const std::string original = post.body;
  post.body.replace(post.body.find("\"passed\":190"), 12, "\"passed\":199");
  post.body.replace(post.body.find("\"total\":195"), 11, "\"total\":204");
  EXPECT_TRUE(is_json_error(send(post), 401, "INVALID_SIGNATURE"));
  post.body = original + " ";  // Even white space the JSON parser would not mind.
  EXPECT_TRUE(is_json_error(send(post), 401, "INVALID_SIGNATURE"));
  post.body = original;
  accept(post);  // The nonce was not spent by the forgeries.
}

TEST_P(TestResultsE2eTest, MalformedSignaturesAndUnknownOwnersAreOneIndistinguishable401) {
  const SignedPost good = signed_post(kAcmeSecret);
  const std::string hex = good.signature->substr(7);
  std::vector<std::string> bad_values = {
      "sha256=" + upper(hex),                                        // Upper-case hex.
      "SHA256=" + hex,                                               // Upper-case prefix.
      hex,                                                           // No prefix.
      "sha1=" + hex,                                                 // Another algorithm.
      "sha256=" + hex.substr(0, 63) + "g",                           // Not hex.
      "sha256=" + hex.substr(0, 62),                                 // Short.
      "sha256=" + hex + "00",                                        // Long.
      "sha256=" + std::string(64, '0'),                              // Well-formed, wrong.
      "sha256=" + hex.substr(0, 63) + (hex[63] == '0' ? "1" : "0"),  // One digit off.
  };
  std::vector<SignedPost> attempts;
  for (const std::string& value : bad_values) {
    SignedPost post = good;
    post.signature = value;
    attempts.push_back(post);
  }
  // An owner unknown to the store, and one with a package secret but no testdata secret.
  for (const char* owner : {"nobody-knows-me", "packager"}) {
    SignedPost post = signed_post(kAcmeSecret);
    post.owner = owner;
    attempts.push_back(post.sign(kAcmeSecret));
  }
  std::optional<json> first_body;
  for (const SignedPost& post : attempts) {
    SCOPED_TRACE(post.path() + " " + post.signature.value_or(""));
    const auto response = send(post);
    ASSERT_TRUE(is_json_error(response, 401, "INVALID_SIGNATURE"));
    EXPECT_EQ(response->header("Cache-Control"), "no-store");
    const json body = body_json(response);
    if (!first_body) first_body = body;
    EXPECT_EQ(body, *first_body) << "a 401 that tells one failure from another";
  }
  accept(good);  // Still unspent.
}

TEST_P(TestResultsE2eTest, MissingOrMalformedHeadersAreInvalidHeaders) {
  const SignedPost good = signed_post(kAcmeSecret);
  std::vector<SignedPost> attempts(10, good);
  attempts[0].timestamp.reset();
  attempts[1].nonce.reset();
  attempts[2].signature.reset();
  attempts[3].timestamp = "2026-11-28T08:00:00+00:00";  // An offset, not Z.
  attempts[4].timestamp = *good.timestamp + "x";
  attempts[5].timestamp = std::to_string(std::time(nullptr));  // Unix seconds.
  attempts[6].nonce = "short-nonce";                           // < 16 characters.
  attempts[7].nonce = "nonce.with.dots.0123456789";
  attempts[8].nonce = std::string(129, 'n');
  attempts[9].extra_headers = "X-Nonce: " + fresh_nonce() + "\r\n";  // Repeated.
  for (SignedPost& post : attempts) {
    if (post.signature) post.sign(kAcmeSecret);  // Signed as sent: only the syntax is wrong.
    SCOPED_TRACE(post.request().substr(0, post.request().find("\r\n\r\n")));
    const auto response = send(post);
    EXPECT_TRUE(is_json_error(response, 400, "INVALID_HEADERS"));
  }
  accept(good);
}

// --- Concurrency. ---

TEST_P(TestResultsE2eTest, FiftyConcurrentIdenticalRequestsHaveExactlyOneWinner) {
  const std::vector<SignedPost> posts(50, signed_post(kAcmeSecret));
  int created = 0;
  int nonce_used = 0;
  for (const auto& response : send_concurrently(*server_, posts)) {
    if (response && response->status == 201) ++created;
    if (is_json_error(response, 409, "NONCE_ALREADY_USED")) ++nonce_used;
  }
  EXPECT_EQ(created, 1);
  EXPECT_EQ(nonce_used, 49);
  EXPECT_EQ(full_history("linux/acme/widget/main").size(), 1u);
}

TEST_P(TestResultsE2eTest, FiftyConcurrentRetriesOfOneRunShareOneResult) {
  const std::string body = Payload().json();
  std::vector<SignedPost> posts(50);
  for (SignedPost& post : posts) {
    post.body = body;
    post.sign(kAcmeSecret);
  }
  int created = 0;
  int repeated = 0;
  std::set<std::string> bodies;
  for (const auto& response : send_concurrently(*server_, posts)) {
    ASSERT_TRUE(response);
    if (response->status == 201) ++created;
    if (response->status == 200) ++repeated;
    bodies.insert(response->body);
  }
  EXPECT_EQ(created, 1);
  EXPECT_EQ(repeated, 49);
  EXPECT_EQ(bodies.size(), 1u) << "every answer is the first acceptance's";
  EXPECT_EQ(full_history("linux/acme/widget/main").size(), 1u);
}

// --- Idempotency and the matrix. ---

TEST_P(TestResultsE2eTest, SameRunAgainIsTheFirstAnswerAndAnotherBodyIsDuplicateRun) {
  Payload payload;
  SignedPost first = signed_post(kAcmeSecret, payload);
  const auto created = send(first);
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->raw;
  std::this_thread::sleep_for(5ms);  // A later receive time must not leak into the answer.

  const auto again = send(first.renew(kAcmeSecret));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200) << again->raw;
  EXPECT_EQ(again->body, created->body);
  EXPECT_EQ(again->header("Cache-Control"), "no-store");

  Payload changed = payload;
  changed.passed = 191;
  EXPECT_TRUE(is_json_error(send(signed_post(kAcmeSecret, changed)), 409, "DUPLICATE_RUN"));

  Payload second_attempt = payload;
  second_attempt.run_attempt = 2;
  const json retried = accept(signed_post(kAcmeSecret, second_attempt));
  EXPECT_NE(retried["test_result_id"], body_json(created)["test_result_id"]);
  EXPECT_EQ(full_history("linux/acme/widget/main").size(), 2u);
}

TEST_P(TestResultsE2eTest, MatrixRunOnThreePlatformsIsThreeResults) {
  const Payload payload{};  // One run id.
  std::set<std::string> ids;
  for (const char* platform : {"linux", "windows", "macos"}) {
    SignedPost post;
    post.platform = platform;
    post.body = payload.json();  // The body's platform is informative; the path decides.
    const json accepted = accept(post.sign(kAcmeSecret));
    EXPECT_EQ(accepted["platform"], platform);
    ids.insert(accepted.value("test_result_id", ""));
    EXPECT_EQ(body_json(get(badge_path(std::string(platform) + "/acme/widget/main")))["message"],
              "190 passed, 2 failed, 3 skipped");
  }
  EXPECT_EQ(ids.size(), 3u);
}

// --- Payload policy. ---

TEST_P(TestResultsE2eTest, OpenRedirectAttemptsAreInvalidPayload) {
  const std::vector<std::string> urls = {
      "http://github.com/Acme/Widget/actions/runs/1",
      "https://gitlab.com/Acme/Widget/-/jobs/1",
      "https://github.com.evil.com/Acme/Widget",
      "https://evil.com/github.com/Acme/Widget",
      "https://user@github.com/Acme/Widget",
      "https://github.com@evil.com/Acme/Widget",
      "https://github.com:8443/Acme/Widget",
      "https://www.github.com/Acme/Widget",
      "//evil.com/Acme/Widget",
      "javascript:alert(1)",
      "https:/github.com/Acme/Widget",
  };
  for (const std::string& url : urls) {
    SCOPED_TRACE(url);
    Payload html;
    html.url_html = url;
    EXPECT_TRUE(is_json_error(send(signed_post(kAcmeSecret, html)), 400, "INVALID_PAYLOAD"));
    Payload workflow;
    workflow.workflow_run_url = url;
    EXPECT_TRUE(is_json_error(send(signed_post(kAcmeSecret, workflow)), 400, "INVALID_PAYLOAD"));
  }
  EXPECT_TRUE(
      is_json_error(get(redirect_path("linux/acme/widget/main")), 404, "TEST_RESULTS_NOT_FOUND"));

  // BADGESMITH_REDIRECT_HOSTS adds hosts; case does not matter; port 443 is the https default.
  for (const char* url : {"https://ci.example.com/builds/7", "https://GitHub.com/Acme/Widget/x",
                          "https://github.com:443/Acme/Widget/y"}) {
    Payload allowed;
    allowed.url_html = url;
    accept(signed_post(kAcmeSecret, allowed, "allowed"));
    const auto redirect = get(redirect_path("linux/acme/widget/allowed"));
    ASSERT_TRUE(redirect);
    EXPECT_EQ(redirect->status, 302);
  }
}

TEST_P(TestResultsE2eTest, InvalidPayloadsAre400AndOversizedBodiesAre413) {
  Payload future;
  future.timestamp = now_rfc3339(10min);
  std::vector<std::string> bodies = {future.json()};
  const std::string valid = Payload().json();
  const auto replaced = [&](std::string_view from, std::string_view to) {
    std::string body = valid;
    body.replace(body.find(from), from.size(), to);
    return body;
  };
  const std::string run_id = json::parse(valid)["run_id"];
  bodies.push_back(replaced("\"run_id\":\"" + run_id + "\"", "\"run_id\":12345"));  // A number.
  bodies.push_back(replaced("\"total\":195", "\"total\":196"));  // Does not add up.
  bodies.push_back(replaced("\"passed\":190", "\"passed\":-190"));
  bodies.push_back(replaced("{", R"({"surprise":1,)"));                       // Unknown key.
  bodies.push_back(replaced(",\"commit\"", ",\"commit\":\"x\",\"commit\""));  // Repeated key.
  bodies.push_back("");
  bodies.push_back("[]");
  bodies.push_back(valid.substr(0, valid.size() - 1));  // Truncated.
  for (const std::string& body : bodies) {
    SCOPED_TRACE(body);
    SignedPost post;
    post.body = body;
    EXPECT_TRUE(is_json_error(send(post.sign(kAcmeSecret)), 400, "INVALID_PAYLOAD"));
  }

  SignedPost huge;
  huge.body =
      replaced("\"commit\"", "\"padding\":\"" + std::string(70 * 1024, 'x') + "\",\"commit\"");
  const auto too_large = send(huge.sign(kAcmeSecret));
  ASSERT_TRUE(too_large);
  EXPECT_EQ(too_large->status, 413) << too_large->raw.substr(0, 500);
  EXPECT_TRUE(is_healthy(server_->port()));
  EXPECT_EQ(full_history("linux/acme/widget/main").size(), 0u);
}

// --- Secrets and the store. ---

// Counted in the SQLite file itself: no nonce claim and no result for a request without a key.
// The last check proves the count can see the server's writes at all.
TEST_F(TestResultsSqliteE2eTest, UnknownOwnerCostsNoStoreWrite) {
  const int before = server_->testresult_items();
  ASSERT_EQ(before, 0);
  SignedPost post = signed_post(kAcmeSecret);
  post.owner = "stranger";
  post.sign(kAcmeSecret);
  for (int i = 0; i < 5; ++i) {
    EXPECT_TRUE(is_json_error(send(post.renew(kAcmeSecret)), 401, "INVALID_SIGNATURE"));
  }
  // Nor does a wrong signature for a known owner.
  SignedPost wrong = signed_post("not-the-acme-secret");
  EXPECT_TRUE(is_json_error(send(wrong), 401, "INVALID_SIGNATURE"));
  EXPECT_EQ(server_->testresult_items(), 0) << "a nonce or a result was written without a key";

  accept(signed_post(kAcmeSecret));
  EXPECT_GT(server_->testresult_items(), 0) << "the count above cannot see writes";
}

TEST_P(TestResultsE2eTest, RepoSecretIsTheOnlyOneAcceptedForItsRepo) {
  const auto post_to = [](std::string repo, std::string_view secret) {
    SignedPost post;
    post.repo = std::move(repo);
    return post.sign(secret);
  };
  EXPECT_TRUE(is_json_error(send(post_to("special", kAcmeSecret)), 401, "INVALID_SIGNATURE"));
  EXPECT_TRUE(is_json_error(send(post_to("SPECIAL", kAcmeSecret)), 401, "INVALID_SIGNATURE"));
  EXPECT_EQ(accept(post_to("Special", kSpecialSecret))["repository"], "acme/Special");
  EXPECT_EQ(accept(post_to("widget", kAcmeSecret))["repository"], "acme/widget");
  EXPECT_TRUE(is_json_error(send(post_to("widget", kSpecialSecret)), 401, "INVALID_SIGNATURE"));
}

TEST_P(TestResultsE2eTest, HiddenHistoryIs404WhileBadgeAndRedirectStayPublic) {
  accept(signed_post(kAcmeSecret));
  ASSERT_EQ(server_->process().terminate(), 0);
  const CommandResult hidden = server_->cli({"history", "hide", "acme"});
  ASSERT_EQ(hidden.exit_code, 0) << hidden.err;
  ASSERT_NO_FATAL_FAILURE(restart());
  EXPECT_TRUE(is_json_error(get(history_path("linux/ACME/widget/main")), 404, "HISTORY_HIDDEN"));
  EXPECT_EQ(body_json(get(badge_path("linux/acme/widget/main")))["message"],
            "190 passed, 2 failed, 3 skipped");
  const auto redirect = get(redirect_path("linux/acme/widget/main"));
  ASSERT_TRUE(redirect);
  EXPECT_EQ(redirect->status, 302);
}

// --- Legacy (.NET) signatures, for owners in migration. ---

// The .NET service's X-Signature: the HMAC of the body alone.
std::string legacy_signature(std::string_view secret, std::string_view body) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  std::size_t length = 0;
  EXPECT_NE(EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, secret.data(), secret.size(),
                      reinterpret_cast<const unsigned char*>(body.data()), body.size(), mac,
                      sizeof mac, &length),
            nullptr);
  std::string signature = "sha256=";
  badgesmith::append_hex(signature, mac, length);
  return signature;
}

// A fresh request to acme/<repo> signed the .NET way.
SignedPost legacy_post(std::string repo, const Payload& payload = {}) {
  SignedPost post;
  post.repo = std::move(repo);
  post.body = payload.json();
  post.signature = legacy_signature(kAcmeSecret, post.body);
  return post;
}

class LegacySignatureE2eTest : public TestResultsE2eTest {
 protected:
  // Sets acme's owner key again, allowing legacy signatures until `until` (none: not at all),
  // and restarts the server so that no cached key hides the change.
  void set_legacy_until(std::optional<std::string> until) {
    ASSERT_EQ(server_->process().terminate(), 0);
    std::vector<std::string> args = {"secrets", "set", "--owner", "acme", "--type", "testdata"};

    if (until) args.insert(args.end(), {"--legacy-signature", "--legacy-until", *until});
    const CommandResult set = server_->cli(args, std::string(kAcmeSecret) + "\n");
    ASSERT_EQ(set.exit_code, 0) << set.err;
    ASSERT_NO_FATAL_FAILURE(restart());
  }
};

INSTANTIATE_TEST_SUITE_P(Backends, LegacySignatureE2eTest,
                         ::testing::Values(Backend::kSqlite, Backend::kDynamoDb), backend_name);

TEST_P(LegacySignatureE2eTest, RefusedUnlessTheOwnerAllowsThem) {
  EXPECT_TRUE(is_json_error(send(legacy_post("widget")), 401, "INVALID_SIGNATURE"));
}

TEST_P(LegacySignatureE2eTest, AcceptedUntilTheDateForTheOwnersOwnRepositoriesOnly) {
  ASSERT_NO_FATAL_FAILURE(set_legacy_until("2099-01-01"));
  const json created = accept(legacy_post("Widget"));
  EXPECT_EQ(created["repository"], "acme/Widget");
  // Still one nonce per request: the .NET headers are checked as v2's are.
  SignedPost replayed = legacy_post("widget");
  EXPECT_EQ(send(replayed)->status, 201);
  EXPECT_TRUE(is_json_error(send(replayed), 409, "NONCE_ALREADY_USED"));
  // A legacy signature binds no path: url_html must name the path's repository.
  EXPECT_TRUE(is_json_error(send(legacy_post("other-repo")), 400, "INVALID_PAYLOAD"));
  Payload elsewhere;
  elsewhere.url_html = "https://github.com/acme/widget-evil/runs/1";
  EXPECT_TRUE(is_json_error(send(legacy_post("widget", elsewhere)), 400, "INVALID_PAYLOAD"));
  // A repository with its own key accepts that key's v2 signatures only.
  Payload special;
  special.url_html = "https://github.com/acme/special/runs/1";
  EXPECT_TRUE(is_json_error(send(legacy_post("special", special)), 401, "INVALID_SIGNATURE"));
  // v2 keeps working beside it, and every legacy use is audited as such.
  accept(signed_post(kAcmeSecret));
  ASSERT_TRUE(server_->process().wait_for_stdout(R"("signature":"legacy")"));
  EXPECT_NE(server_->process().stderr_text().find("legacy"), std::string::npos);
}

TEST_P(LegacySignatureE2eTest, RefusedAfterTheDateAndWhenTurnedOff) {
  ASSERT_NO_FATAL_FAILURE(set_legacy_until("2020-01-01"));
  EXPECT_TRUE(is_json_error(send(legacy_post("widget")), 401, "INVALID_SIGNATURE"));
  ASSERT_NO_FATAL_FAILURE(set_legacy_until("2099-01-01"));
  EXPECT_EQ(send(legacy_post("widget"))->status, 201);
  ASSERT_NO_FATAL_FAILURE(set_legacy_until(std::nullopt));
  EXPECT_TRUE(is_json_error(send(legacy_post("widget")), 401, "INVALID_SIGNATURE"));
}

// --- The audit trail. ---

TEST_P(TestResultsE2eTest, AuditLogRecordsEveryAttemptWithoutSecretsSignaturesOrBodies) {
  Payload payload;
  payload.commit = "feedfacefeedfacefeedfacefeedfacefeedface";  // Found only in the body.
  const SignedPost accepted = signed_post(kAcmeSecret, payload, "audit/branch");
  const auto created = send(accepted);
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->raw;
  const auto duplicate = send(SignedPost(accepted).renew(kAcmeSecret));
  ASSERT_TRUE(duplicate);
  EXPECT_EQ(duplicate->status, 200);
  const SignedPost forged = signed_post("a-guess", payload, "audit/branch");
  const auto forged_response = send(forged);
  ASSERT_TRUE(is_json_error(forged_response, 401, "INVALID_SIGNATURE"));
  SignedPost stranger = signed_post(kAcmeSecret, payload);
  stranger.owner = "stranger";
  const auto stranger_response = send(stranger.sign(kAcmeSecret));
  ASSERT_TRUE(is_json_error(stranger_response, 401, "INVALID_SIGNATURE"));
  const auto replay_response = send(accepted);
  ASSERT_TRUE(is_json_error(replay_response, 409, "NONCE_ALREADY_USED"));

  struct stat st {};
  ASSERT_EQ(::stat(server_->audit_path().c_str(), &st), 0) << server_->audit_path();
  EXPECT_EQ(st.st_mode & 0777, 0600u);

  std::vector<json> lines;
  ASSERT_TRUE(eventually([&] {
    lines.clear();
    for (const std::string& line : split_lines(read_file(server_->audit_path()).value_or(""))) {
      const json entry = json::parse(line, nullptr, false);
      if (entry.is_object() && entry.value("event", "") == "test_result_ingest") {
        lines.push_back(entry);
      }
    }
    return lines.size() >= 5;
  })) << lines.size();
  ASSERT_EQ(lines.size(), 5u);

  ASSERT_TRUE(server_->process().wait_for_stdout(R"("reason":"NONCE_ALREADY_USED")"));
  const std::string file = read_file(server_->audit_path()).value_or("");
  const std::string out = server_->process().stdout_text();
  for (const std::string_view secret_stuff :
       {kAcmeSecret, kSpecialSecret, std::string_view(*accepted.signature).substr(7),
        std::string_view(*forged.signature).substr(7), std::string_view(payload.commit)}) {
    EXPECT_EQ(file.find(secret_stuff), std::string::npos) << secret_stuff;
    EXPECT_EQ(out.find(secret_stuff), std::string::npos) << secret_stuff;
  }

  struct Expected {
    const char* outcome;
    // nullptr: none expected; "": any but "unknown_owner" (the audit trail may name a wrong
    // signature more precisely than the client's INVALID_SIGNATURE, but must tell it apart).
    const char* reason;
    const char* owner;
    const char* branch;
    const std::optional<HttpResponse>& response;
  };
  const Expected expected[] = {
      {"accepted", nullptr, "acme", "audit/branch", created},
      {"duplicate", nullptr, "acme", "audit/branch", duplicate},
      {"rejected", "", "acme", "audit/branch", forged_response},
      {"rejected", "unknown_owner", "stranger", "main", stranger_response},
      {"rejected", "NONCE_ALREADY_USED", "acme", "audit/branch", replay_response},
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const json& line = lines[i];
    const Expected& want = expected[i];
    SCOPED_TRACE(line.dump());
    EXPECT_EQ(line["log"], "audit");
    EXPECT_TRUE(line.contains("time"));
    EXPECT_EQ(line["outcome"], want.outcome);
    const std::string reason = line.value("reason", "");
    if (!want.reason) {
      EXPECT_EQ(reason, "");
    } else if (*want.reason == '\0') {
      EXPECT_NE(reason, "");
      EXPECT_NE(reason, "unknown_owner");
    } else {
      EXPECT_EQ(reason, want.reason);
    }
    EXPECT_EQ(line["owner"], want.owner);
    EXPECT_EQ(line["repo"], "widget");
    EXPECT_EQ(line["platform"], "linux");
    EXPECT_EQ(line["branch"], want.branch);
    EXPECT_EQ(line.value("client", "").rfind("127.0.0.1", 0), 0u);
    EXPECT_EQ(line["request_id"], want.response->header("X-Request-Id").value_or("?"));
    // Also on stdout, where operators collect logs.
    EXPECT_TRUE(server_->process().wait_for_stdout(R"("event":"test_result_ingest")" +
                                                   std::string(R"(,"outcome":")") + want.outcome))
        << server_->process().stdout_text();
    EXPECT_TRUE(server_->process().wait_for_stdout(R"("request_id":")" +
                                                   line.value("request_id", "?") + "\""));
  }
}

// --- Crash safety. ---

TEST_F(TestResultsSqliteE2eTest, KillNineUnderAStreamLosesNoAcknowledgedResult) {
  std::mutex mutex;
  std::vector<std::string> acknowledged;  // Run ids answered 201; guarded by `mutex`.
  std::atomic<bool> stop{false};
  const std::uint16_t port = server_->port();
  std::vector<std::thread> writers;
  for (int w = 0; w < 3; ++w) {
    writers.emplace_back([&] {
      while (!stop.load()) {
        Payload payload;
        const auto response = round_trip(port, signed_post(kAcmeSecret, payload).request());
        if (!response) continue;  // The server is gone; keep trying until told to stop.
        if (response->status == 201) {
          const std::lock_guard lock(mutex);
          acknowledged.push_back(payload.run_id);
        }
      }
    });
  }
  const auto acked = [&] {
    const std::lock_guard lock(mutex);
    return acknowledged.size();
  };
  const bool streamed = eventually([&] { return acked() >= 30; }, Millis(20000));
  kill9();
  std::this_thread::sleep_for(100ms);  // Writers see refused connections.
  stop = true;
  for (std::thread& writer : writers) writer.join();
  ASSERT_TRUE(streamed) << "only " << acked() << " results acknowledged";

  ASSERT_NO_FATAL_FAILURE(restart());
  std::set<std::string> stored;
  for (const json& item : full_history("linux/acme/widget/main")) {
    stored.insert(item.value("run_id", ""));
  }
  for (const std::string& run_id : acknowledged) {
    EXPECT_TRUE(stored.count(run_id)) << run_id << " was acknowledged and is gone";
  }
  EXPECT_EQ(query_db(server_->db_path(), "PRAGMA integrity_check"), std::vector<std::string>{"ok"});
  // And the restarted server still takes results.
  accept(signed_post(kAcmeSecret));
}

// An operator's command opens and closes the database while the server runs (secrets set is
// meant to be run so); what the server acknowledges afterwards must still survive a crash.
TEST_F(TestResultsSqliteE2eTest, ResultAcknowledgedAfterAnOperatorCommandSurvivesKillNine) {
  server_->set_secret({"another-owner", "", "another-secret"});
  const json accepted = accept(signed_post(kAcmeSecret));
  kill9();
  ASSERT_NO_FATAL_FAILURE(restart());
  const std::vector<json> items = full_history("linux/acme/widget/main");
  ASSERT_EQ(items.size(), 1u) << "an acknowledged result is gone after kill -9";
  EXPECT_EQ(items[0]["test_result_id"], accepted["test_result_id"]);
}

// --- The client recipes of docs/signing.md against the server. ---

struct ShellResult {
  int exit_code = -1;
  std::string out;
};

// Runs `command` under sh, bounded by coreutils' timeout, collecting stdout.
ShellResult run_shell(const std::string& command) {
  ShellResult result;
  FILE* pipe = ::popen(("timeout 30 sh -c " + shell_quote(command)).c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

class ClientRecipeE2eTest : public TestResultsSqliteE2eTest {
 protected:
  void SetUp() override {
    TestResultsE2eTest::SetUp();
    ASSERT_FALSE(dir_.empty());
    write_file(key_file(), std::string(kAcmeSecret) + "\n");
  }
  void TearDown() override { remove_tree(dir_); }

  std::string file(std::string_view name) const { return dir_ + "/" + std::string(name); }
  std::string key_file() const { return file("key"); }

  std::string dir_ = make_temp_dir("badgesmith-recipe-");
};

TEST_F(ClientRecipeE2eTest, PythonClientPostsAndIsAccepted) {
  const std::string body_file = file("results.json");
  Payload payload;
  write_file(body_file, payload.json());
  const std::string script = std::string(BADGESMITH_SOURCE_DIR) + "/scripts/sign-test-results.py";
  const ShellResult result = run_shell(
      "NO_PROXY='*' no_proxy='*' python3 " + shell_quote(script) +
      " --platform Linux --owner Acme --repo Widget --branch " + shell_quote("feature/a b+c") +
      " --body " + shell_quote(body_file) + " --secret-file " + shell_quote(key_file()) +
      " --post http://127.0.0.1:" + std::to_string(server_->port()));
  EXPECT_EQ(result.exit_code, 0) << result.out;
  const std::vector<std::string> lines = split_lines(result.out);
  ASSERT_EQ(lines.size(), 2u) << result.out;
  EXPECT_EQ(lines[0], "201");
  const json body = json::parse(lines[1], nullptr, false);
  EXPECT_EQ(body["repository"], "Acme/Widget");
  EXPECT_EQ(body["branch"], "feature/a b+c");
  EXPECT_EQ(body_json(get(badge_path("linux/acme/widget/feature%2Fa%20b%2Bc")))["message"],
            "190 passed, 2 failed, 3 skipped");
}

// The fenced ```bash block of docs/signing.md.
std::string openssl_recipe() {
  const std::string doc =
      read_file(std::string(BADGESMITH_SOURCE_DIR) + "/docs/signing.md").value_or("");
  const std::size_t start = doc.find("```bash\n");
  if (start == std::string::npos) return {};
  const std::size_t begin = start + 8;
  const std::size_t end = doc.find("\n```", begin);
  return end == std::string::npos ? std::string() : doc.substr(begin, end - begin + 1);
}

TEST_F(ClientRecipeE2eTest, OpensslRecipeSignsARequestTheServerAccepts) {
  const std::string recipe = openssl_recipe();
  ASSERT_FALSE(recipe.empty());
  write_file(file("sign.sh"), recipe);
  SignedPost post;
  post.platform = "Linux";
  post.owner = "Acme";
  post.repo = "Widget";
  post.branch = "Fix/Überprüfung-ÄÖÜ";
  write_file(file("results.json"), post.body);
  const ShellResult headers = run_shell(
      "PLATFORM=" + shell_quote(post.platform) + " OWNER=" + shell_quote(post.owner) +
      " REPO=" + shell_quote(post.repo) + " BRANCH=" + shell_quote(post.branch) +
      " KEY_FILE=" + shell_quote(key_file()) + " BODY=" + shell_quote(file("results.json")) +
      " bash " + shell_quote(file("sign.sh")));
  ASSERT_EQ(headers.exit_code, 0) << headers.out;
  const std::vector<std::string> lines = split_lines(headers.out);
  ASSERT_EQ(lines.size(), 3u) << headers.out;
  const auto value_of = [&](std::string_view name) -> std::optional<std::string> {
    for (const std::string& line : lines) {
      if (line.rfind(std::string(name) + ": ", 0) == 0) return line.substr(name.size() + 2);
    }
    return std::nullopt;
  };
  post.timestamp = value_of("X-Timestamp");
  post.nonce = value_of("X-Nonce");
  post.signature = value_of("X-Signature");
  ASSERT_TRUE(post.timestamp && post.nonce && post.signature) << headers.out;
  // The recipe stamps whole seconds; the window forgives that.
  const json accepted = accept(post);
  EXPECT_EQ(accepted["branch"], "Fix/Überprüfung-ÄÖÜ");
  EXPECT_EQ(accepted["repository"], "Acme/Widget");
}

// --- AWS mode as a scaled-out deployment: several instances on one DynamoDB. ---

class TestResultsDynamoDbE2eTest : public TestResultsE2eTest {
 protected:
  Backend backend() const override { return Backend::kDynamoDb; }
};

TEST_F(TestResultsDynamoDbE2eTest, TwoInstancesShareResultsAndRefuseAReplayAcrossThem) {
  const std::unique_ptr<ServerProcess> other = server_->start_another();
  ASSERT_TRUE(other->started()) << other->stderr_text();

  Payload payload;
  SignedPost post = signed_post(kAcmeSecret, payload);
  const json created = accept(post);
  // The captured request, replayed to the other instance: its nonce is claimed in the shared
  // table, not in the first instance's memory.
  EXPECT_TRUE(is_json_error(round_trip(other->port(), post.request()), 409, "NONCE_ALREADY_USED"));

  const auto badge =
      round_trip(other->port(), make_request("GET", badge_path("linux/acme/widget/main")));
  ASSERT_TRUE(badge);
  EXPECT_EQ(badge->status, 200) << badge->raw;
  EXPECT_NE(badge->body.find("190 passed"), std::string::npos) << badge->body;

  // The same run retried through the other instance is the first answer, not a second result.
  const auto again = round_trip(other->port(), post.renew(kAcmeSecret).request());
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200) << again->raw;
  EXPECT_EQ(body_json(again)["test_result_id"], created["test_result_id"]);
  EXPECT_EQ(full_history("linux/acme/widget/main").size(), 1u);
}

TEST_F(TestResultsDynamoDbE2eTest, SecretsCommandsActOnSecretsManagerAndNeedNoMasterKey) {
  CommandOptions options;
  options.env = aws_mode_env(*server_->moto());
  options.stdin_data = "late-E2E-CANARY-token\n";
  const CommandResult set = run_command(
      {"secrets", "set", "--owner", "Latecomer", "--repo", "Tool", "--type", "package"}, options);
  EXPECT_EQ(set.exit_code, 0) << set.err;
  options.stdin_data.reset();
  const CommandResult list = run_command({"secrets", "list", "--owner", "latecomer"}, options);
  EXPECT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("latecomer\ttool\tpackage"), std::string::npos) << list.out;
  EXPECT_EQ(list.out.find("CANARY"), std::string::npos);
  const CommandResult rekey =
      run_command({"secrets", "rekey", "--new-key-file", "/nonexistent"}, options);
  EXPECT_NE(rekey.exit_code, 0);
  const CommandResult rm = run_command(
      {"secrets", "rm", "--owner", "latecomer", "--repo", "tool", "--type", "package"}, options);
  EXPECT_EQ(rm.exit_code, 0) << rm.err;
  EXPECT_EQ(
      run_command({"secrets", "list", "--owner", "latecomer"}, options).out.find("latecomer\t"),
      std::string::npos);
  // create-tables again: the tables exist, nothing changes.
  EXPECT_EQ(run_command({"dynamodb", "create-tables"}, options).exit_code, 0);
}

// --- Origin protection (BADGESMITH_ORIGIN_SECRET[_NAME]). ---

TEST(OriginProtectionE2eTest, OnlyTheCdnSecretPassesAndRefusalsAreAudited) {
  ServerProcess::Options options;
  options.env = {"BADGESMITH_ORIGIN_SECRET=origin-E2E-CANARY-value"};
  ServerProcess server(options);
  ASSERT_TRUE(server.started()) << server.stderr_text();
  const std::string badge = "/badge/build-passing-green";
  const auto direct = round_trip(server.port(), make_request("GET", badge));
  EXPECT_TRUE(is_json_error(direct, 403, "FORBIDDEN_ORIGIN"));
  const auto wrong = round_trip(
      server.port(), make_request("GET", badge, "X-Origin-Verify: origin-E2E-CANARY\r\n"));
  EXPECT_TRUE(is_json_error(wrong, 403, "FORBIDDEN_ORIGIN"));
  const auto through_cdn = round_trip(
      server.port(), make_request("GET", badge, "X-Origin-Verify: origin-E2E-CANARY-value\r\n"));
  ASSERT_TRUE(through_cdn);
  EXPECT_EQ(through_cdn->status, 200) << through_cdn->raw;
  const auto health = round_trip(server.port(), make_request("GET", "/health"));
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  ASSERT_TRUE(server.wait_for_stdout("bad_origin_secret"));
  EXPECT_NE(server.stdout_text().find("no_origin_secret"), std::string::npos);
  EXPECT_EQ(server.stdout_text().find("origin-E2E-CANARY"), std::string::npos);
  EXPECT_EQ(server.stderr_text().find("origin-E2E-CANARY"), std::string::npos);
}

TEST(OriginProtectionE2eTest, SecretNamedInSecretsManagerIsReadAtStartAndAMissingOneStopsIt) {
  FixtureUpstream moto(moto_fixture());
  ASSERT_TRUE(moto.started()) << moto.output();
  // The secret as the CDK stack would create it, through boto3 (preinstalled with moto).
  CommandOptions boto;
  boto.env = {"AWS_ACCESS_KEY_ID=AKIDE2ETESTS", "AWS_SECRET_ACCESS_KEY=e2e",
              "AWS_EC2_METADATA_DISABLED=true"};
  const CommandResult created =
      run_program("python3",
                  {"-c",
                   "import boto3,sys; boto3.client('secretsmanager', region_name='us-east-1', "
                   "endpoint_url=sys.argv[1]).create_secret(Name='badgesmith/origin', "
                   "SecretString='origin-from-SM-E2E-CANARY')",
                   moto.base_url()},
                  boto);
  ASSERT_EQ(created.exit_code, 0) << created.err;

  ServerProcess::Options options;
  options.env = aws_mode_env(moto);
  options.env.erase(options.env.begin());  // The SQLite store: the secret alone comes from AWS.
  options.env.push_back("BADGESMITH_ORIGIN_SECRET_NAME=badgesmith/origin");
  ServerProcess server(options);
  ASSERT_TRUE(server.started()) << server.stderr_text();
  const std::string badge = "/badge/build-passing-green";
  EXPECT_TRUE(is_json_error(round_trip(server.port(), make_request("GET", badge)), 403,
                            "FORBIDDEN_ORIGIN"));
  const auto through_cdn = round_trip(
      server.port(), make_request("GET", badge, "x-origin-verify: origin-from-SM-E2E-CANARY\r\n"));
  ASSERT_TRUE(through_cdn);
  EXPECT_EQ(through_cdn->status, 200) << through_cdn->raw;

  options.env.back() = "BADGESMITH_ORIGIN_SECRET_NAME=badgesmith/missing";
  options.wait_listening = false;
  ServerProcess missing(options);
  EXPECT_EQ(missing.wait_exit(), 1) << missing.stderr_text();
  EXPECT_NE(missing.stderr_text().find("cannot start"), std::string::npos) << missing.stderr_text();
}

}  // namespace
}  // namespace badgesmith::e2e
