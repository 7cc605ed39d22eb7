// One behavioural suite for every testresults::ResultsRepository: StoreResultsRepository on a
// SQLite file and DynamoDbResultsRepository on moto (tests/fixtures/aws/aws_fixture.py --moto,
// loopback only) run the same cases, so the two backends cannot drift apart. Then the DynamoDB
// repository's compatibility with the .NET service's items (badgesmith-dotnet.md §5.2-5.3),
// checked with raw DynamoDB requests, and aws::create_tables.
//
// Records are canonical test results (the DynamoDB repository derives the .NET attributes from
// them) whose `commit` carries a tag the cases compare; time is the fixture's injected clock.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <latch>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "../core/store/store_test_util.h"
#include "core/async/io_thread.h"
#include "core/async/work_pool.h"
#include "core/aws/aws_client.h"
#include "core/aws/credentials.h"
#include "core/aws/dynamodb_tables.h"
#include "core/http/client.h"
#include "core/store/sqlite_store.h"
#include "core/timestamp.h"
#include "features/testresults/dynamodb_results_repository.h"
#include "features/testresults/store_results_repository.h"
#include "features/testresults/test_result.h"
#include "fixture_upstream.h"

namespace badgesmith::testresults {
namespace {

using namespace std::chrono_literals;
using e2e::FixtureUpstream;
using nlohmann::json;
using store::await;

constexpr std::int64_t kStartTime = 1'700'000'000;  // Unix seconds: the clock at start.
constexpr std::int64_t kStartMs = kStartTime * 1000;

enum class Backend { kSqlite, kDynamoDb };

Series series(std::string platform = "linux", std::string branch = "main") {
  return Series{"acme", "widget", std::move(platform), std::move(branch)};
}

RunKey run(std::string run_id, Series of = series(), std::int64_t attempt = 1) {
  return RunKey{std::move(of), std::move(run_id), attempt};
}

// A canonical record for `key`, dated `timestamp_ms`, told apart by `tag` (its commit).
std::string body(const std::string& tag, const RunKey& key, std::int64_t timestamp_ms) {
  std::string path = key.run_id;  // In the URLs, where '#' and '%' would not be a path.
  for (char& c : path) c = c == '#' || c == '%' ? '_' : c;
  return to_canonical_json(
      TestResult{.platform = "linux",
                 .passed = 3,
                 .failed = 1,
                 .skipped = 1,
                 .total = 5,
                 .url_html = "https://github.com/acme/widget/runs/" + path,
                 .timestamp_ms = timestamp_ms,
                 .timestamp = format_rfc3339_ms(timestamp_ms),
                 .commit = tag,
                 .run_id = key.run_id,
                 .workflow_run_url = "https://github.com/acme/widget/actions/runs/" + path,
                 .duration_s = std::nullopt,
                 .run_attempt = static_cast<int>(key.run_attempt)});
}

std::string tag_of(const std::string& record) {
  Result<TestResult> parsed = parse_stored_test_result(record);
  return parsed ? parsed.value().commit : "<unreadable record>";
}

aws::Environment fake_keys() {
  return [](std::string_view name) -> std::optional<std::string> {
    static const std::map<std::string, std::string, std::less<>> kVariables = {
        {"AWS_ACCESS_KEY_ID", "AKIDTEST"},
        {"AWS_SECRET_ACCESS_KEY", "secret"},
        {"AWS_EC2_METADATA_DISABLED", "true"}};
    const auto it = kVariables.find(name);
    if (it == kVariables.end()) return std::nullopt;
    return it->second;
  };
}

// The concurrency cases send 50 requests at once, more than the default upstream gate admits.
http::ClientOptions unthrottled() {
  http::ClientOptions options;
  options.gate = {.max_concurrent = 256, .rate_per_second = 1e6, .burst = 1e6};
  return options;
}

// Owns whichever backend a test runs on, and the clock both read. moto runs once per test
// program (started by the first DynamoDB test); each test gets tables of its own.
class RepositoryFixture {
 protected:
  static void stop_moto() { moto_.reset(); }

  void open(Backend backend) {
    backend_ = backend;
    if (backend == Backend::kSqlite) {
      Result<std::unique_ptr<store::SqliteStore>> opened =
          store::SqliteStore::open(temp_.path(), pool_, [this] { return now_.load(); });
      ASSERT_TRUE(opened) << opened.error().message;
      sqlite_ = std::move(opened).value();
    } else {
      // scripts/test-dynamodb-local points the suite at AWS's DynamoDB Local instead.
      std::string endpoint;
      if (const char* local = std::getenv("BADGESMITH_TEST_DYNAMODB_ENDPOINT")) {
        endpoint = local;
      } else {
        if (!moto_) moto_ = std::make_unique<FixtureUpstream>(e2e::moto_fixture());
        ASSERT_TRUE(moto_->started()) << moto_->output();
        endpoint = moto_->base_url();
      }
      aws::AwsClientOptions options;
      options.region = "us-east-1";
      options.endpoint = aws::check_endpoint_override(endpoint).value();
      options.backoff_base = 1ms;
      aws_ = std::make_unique<aws::AwsClient>(options, http_, credentials_, io_.context());
      static std::atomic<int> tables{0};
      const std::string prefix = "t" + std::to_string(tables++) + "-";
      tables_.test_results = prefix + "badge-smith-test-result";
      tables_.nonces = prefix + "badge-smith-hmac-nonce";
      tables_.org_secrets = prefix + "badge-smith-github-org-secrets";
      Result<void> created = await<void>([&](Callback<void> done) {
        aws::create_tables(*aws_, io_.context(), tables_, std::move(done));
      });
      ASSERT_TRUE(created) << created.error().message;
    }
    repository_ = make_repository({});
  }

  std::unique_ptr<ResultsRepository> make_repository(RepositoryOptions options) {
    if (backend_ == Backend::kSqlite) {
      return std::make_unique<StoreResultsRepository>(*sqlite_, options);
    }
    return std::make_unique<DynamoDbResultsRepository>(*aws_, tables_, options,
                                                       [this] { return now_.load(); });
  }

  Result<void> claim(std::string owner, std::string nonce, std::int64_t now = kStartTime) {
    return await<void>(
        [&](Callback<void> done) { repository_->claim_nonce(owner, nonce, now, std::move(done)); });
  }
  Result<RecordOutcome> record(const RunKey& key, std::int64_t timestamp_ms, const std::string& tag,
                               std::int64_t received_at_ms = kStartMs,
                               ResultsRepository* repository = nullptr) {
    if (repository == nullptr) repository = repository_.get();
    return await<RecordOutcome>([&](Callback<RecordOutcome> done) {
      repository->record(key, timestamp_ms, received_at_ms, body(tag, key, timestamp_ms),
                         std::move(done));
    });
  }
  Result<std::optional<StoredResult>> latest(const Series& of) {
    return await<std::optional<StoredResult>>([&](Callback<std::optional<StoredResult>> done) {
      repository_->latest(of, std::move(done));
    });
  }
  Result<HistoryPage> history(const Series& of, std::size_t limit, std::string cursor = {}) {
    return await<HistoryPage>([&](Callback<HistoryPage> done) {
      repository_->history(of, limit, std::move(cursor), std::move(done));
    });
  }
  // The tag of every result of the series, newest first, following cursors.
  std::vector<std::string> all_tags(const Series& of, std::size_t limit,
                                    std::size_t* pages = nullptr) {
    std::vector<std::string> tags;
    std::string cursor;
    std::size_t count = 0;
    do {
      Result<HistoryPage> page = history(of, limit, cursor);
      if (!page) {
        ADD_FAILURE() << page.error().message;
        break;
      }
      ++count;
      EXPECT_LE(page.value().items.size(), limit);
      for (const StoredResult& item : page.value().items) tags.push_back(tag_of(item.record));
      cursor = page.value().next_cursor;
    } while (!cursor.empty() && count < 1000);
    if (pages != nullptr) *pages = count;
    return tags;
  }
  std::string latest_tag(const Series& of) {
    Result<std::optional<StoredResult>> found = latest(of);
    if (!found) return "<error: " + found.error().message + ">";
    return found.value() ? tag_of(found.value()->record) : "<none>";
  }

  // A raw DynamoDB request, as the .NET service (or an operator) would send it.
  Result<json> dynamodb(std::string_view operation, const json& request) {
    Result<std::string> answer = await<std::string>([&](Callback<std::string> done) {
      aws_->call(aws::Service::kDynamoDb, operation, request.dump(), std::move(done));
    });
    if (!answer) return answer.error();
    return json::parse(answer.value());
  }

  static inline std::unique_ptr<FixtureUpstream> moto_;

  Backend backend_ = Backend::kSqlite;
  std::atomic<std::int64_t> now_{kStartTime};
  store::TempDir temp_;
  async::IoThread io_;
  http::Client http_{unthrottled(), io_.context()};
  aws::CredentialsProvider credentials_{http_, aws::CredentialsProviderOptions{.env = fake_keys()}};
  std::unique_ptr<aws::AwsClient> aws_;
  aws::TableNames tables_;
  async::WorkPool pool_{8};  // Declared after what its jobs use, so it drains first.
  std::unique_ptr<store::SqliteStore> sqlite_;
  std::unique_ptr<ResultsRepository> repository_;
};

class ResultsRepositoryConformance : public RepositoryFixture,
                                     public ::testing::TestWithParam<Backend> {
 protected:
  static void TearDownTestSuite() { stop_moto(); }
  void SetUp() override { open(GetParam()); }
};

INSTANTIATE_TEST_SUITE_P(Backends, ResultsRepositoryConformance,
                         ::testing::Values(Backend::kSqlite, Backend::kDynamoDb),
                         [](const ::testing::TestParamInfo<Backend>& backend) {
                           return backend.param == Backend::kSqlite ? "Sqlite" : "DynamoDb";
                         });

TEST_P(ResultsRepositoryConformance, NonceIsClaimedOnce) {
  ASSERT_TRUE(claim("acme", "nonce-0123456789abcdef"));
  Result<void> again = claim("acme", "nonce-0123456789abcdef");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, Errc::kConflict);
  EXPECT_EQ(again.error().error_code, "NONCE_ALREADY_USED");
}

TEST_P(ResultsRepositoryConformance, NonceScopeIsTheOwnerInAnyCase) {
  ASSERT_TRUE(claim("Acme", "nonce-0123456789abcdef"));
  EXPECT_FALSE(claim("ACME", "nonce-0123456789abcdef"));
  EXPECT_TRUE(claim("other", "nonce-0123456789abcdef"));
  // Nonces themselves are case-sensitive.
  EXPECT_TRUE(claim("acme", "NONCE-0123456789ABCDEF"));
  // A '#' or '%' cannot make one owner's claim collide with another's.
  EXPECT_TRUE(claim("acme#nonce", "0123456789abcdef"));
  EXPECT_TRUE(claim("acme", "nonce#0123456789abcdef"));
  EXPECT_TRUE(claim("acme", "nonce%230123456789abcdef"));
}

TEST_P(ResultsRepositoryConformance, NonceClaimExpiresAfter45Minutes) {
  ASSERT_TRUE(claim("acme", "nonce-0123456789abcdef"));
  now_ = kStartTime + kNonceLifetime.count() - 1;
  EXPECT_FALSE(claim("acme", "nonce-0123456789abcdef", now_));
  now_ = kStartTime + kNonceLifetime.count();
  EXPECT_TRUE(claim("acme", "nonce-0123456789abcdef", now_));
}

TEST_P(ResultsRepositoryConformance, ConcurrentNonceClaimsHaveExactlyOneWinner) {
  constexpr int kThreads = 5;
  constexpr int kClaimsPerThread = 10;
  std::atomic<int> winners{0};
  std::atomic<int> used{0};
  std::atomic<int> others{0};
  std::latch start(kThreads);
  std::latch finished(std::ptrdiff_t{kThreads} * kClaimsPerThread);
  std::vector<std::thread> callers;
  callers.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    callers.emplace_back([&] {
      start.arrive_and_wait();
      for (int i = 0; i < kClaimsPerThread; ++i) {
        repository_->claim_nonce("acme", "nonce-0123456789abcdef", kStartTime,
                                 [&](Result<void> claimed) {
                                   if (claimed) {
                                     ++winners;
                                   } else if (claimed.error().error_code == "NONCE_ALREADY_USED") {
                                     ++used;
                                   } else {
                                     ++others;
                                   }
                                   finished.count_down();
                                 });
      }
    });
  }
  for (std::thread& caller : callers) caller.join();
  finished.wait();
  EXPECT_EQ(winners.load(), 1);
  EXPECT_EQ(used.load(), kThreads * kClaimsPerThread - 1);
  EXPECT_EQ(others.load(), 0);
}

TEST_P(ResultsRepositoryConformance, FirstRecordThenSameBodyThenDifferentBody) {
  Result<RecordOutcome> first = record(run("42"), kStartMs - 5000, "p1");
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_FALSE(first.value().duplicate);
  const StoredResult& stored = first.value().result;
  ASSERT_EQ(stored.test_result_id.size(), 32u);
  EXPECT_EQ(stored.test_result_id.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(stored.timestamp_ms, kStartMs - 5000);
  EXPECT_EQ(stored.received_at_ms, kStartMs);
  EXPECT_EQ(stored.run.run_id, "42");

  // A retry, received later: the first acceptance's data comes back.
  Result<RecordOutcome> same = record(run("42"), kStartMs - 5000, "p1", kStartMs + 9000);
  ASSERT_TRUE(same) << same.error().message;
  EXPECT_TRUE(same.value().duplicate);
  EXPECT_EQ(same.value().result.test_result_id, stored.test_result_id);
  EXPECT_EQ(same.value().result.received_at_ms, kStartMs);
  EXPECT_EQ(same.value().result.timestamp_ms, kStartMs - 5000);
  EXPECT_EQ(same.value().result.record, body("p1", run("42"), kStartMs - 5000));

  Result<RecordOutcome> different = record(run("42"), kStartMs - 5000, "p2");
  ASSERT_FALSE(different);
  EXPECT_EQ(different.error().code, Errc::kConflict);
  EXPECT_EQ(different.error().error_code, "DUPLICATE_RUN");

  // The same run id in any case of the series names is the same run.
  Result<RecordOutcome> upper =
      record(run("42", Series{"ACME", "Widget", "LINUX", "Main"}), kStartMs - 5000, "p1");
  ASSERT_TRUE(upper) << upper.error().message;
  EXPECT_TRUE(upper.value().duplicate);

  EXPECT_EQ(all_tags(series(), 100), (std::vector<std::string>{"p1"}));
}

TEST_P(ResultsRepositoryConformance, AnotherAttemptOrRunIsANewResult) {
  ASSERT_TRUE(record(run("42"), kStartMs, "a1"));
  ASSERT_TRUE(record(run("42", series(), 2), kStartMs + 1, "a2"));
  ASSERT_TRUE(record(run("43"), kStartMs + 2, "b1"));
  // Run ids are case-sensitive.
  ASSERT_TRUE(record(run("abc"), kStartMs + 3, "c"));
  Result<RecordOutcome> other_case = record(run("ABC"), kStartMs + 4, "C");
  ASSERT_TRUE(other_case);
  EXPECT_FALSE(other_case.value().duplicate);
  EXPECT_EQ(all_tags(series(), 100), (std::vector<std::string>{"C", "c", "b1", "a2", "a1"}));
}

TEST_P(ResultsRepositoryConformance, ConcurrentIdenticalRecordsStoreOne) {
  constexpr int kThreads = 5;
  constexpr int kPerThread = 10;
  const std::string same = body("same", run("7"), kStartMs);
  std::mutex mutex;
  std::vector<Result<RecordOutcome>> outcomes;
  std::latch start(kThreads);
  std::latch finished(std::ptrdiff_t{kThreads} * kPerThread);
  std::vector<std::thread> callers;
  callers.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    callers.emplace_back([&, t] {
      start.arrive_and_wait();
      for (int i = 0; i < kPerThread; ++i) {
        repository_->record(run("7"), kStartMs, kStartMs + std::int64_t{t} * kPerThread + i, same,
                            [&](Result<RecordOutcome> outcome) {
                              {
                                std::lock_guard lock(mutex);
                                outcomes.push_back(std::move(outcome));
                              }
                              finished.count_down();
                            });
      }
    });
  }
  for (std::thread& caller : callers) caller.join();
  finished.wait();

  int firsts = 0;
  std::set<std::string> ids;
  for (const Result<RecordOutcome>& outcome : outcomes) {
    ASSERT_TRUE(outcome) << outcome.error().message;
    if (!outcome.value().duplicate) ++firsts;
    ids.insert(outcome.value().result.test_result_id);
  }
  EXPECT_EQ(firsts, 1);
  EXPECT_EQ(ids.size(), 1u) << "every duplicate reports the first acceptance's id";
  EXPECT_EQ(all_tags(series(), 100), (std::vector<std::string>{"same"}));
}

TEST_P(ResultsRepositoryConformance, ConcurrentDifferentRecordsStoreOneAndRejectTheRest) {
  constexpr int kCallers = 10;
  std::atomic<int> stored{0};
  std::atomic<int> rejected{0};
  std::latch start(kCallers);
  std::latch finished(kCallers);
  std::vector<std::thread> callers;
  callers.reserve(kCallers);
  for (int t = 0; t < kCallers; ++t) {
    callers.emplace_back([&, t] {
      const std::string mine = body("body " + std::to_string(t), run("7"), kStartMs);
      start.arrive_and_wait();
      repository_->record(run("7"), kStartMs, kStartMs, mine, [&](Result<RecordOutcome> outcome) {
        if (outcome && !outcome.value().duplicate) {
          ++stored;
        } else if (!outcome && outcome.error().error_code == "DUPLICATE_RUN") {
          ++rejected;
        }
        finished.count_down();
      });
    });
  }
  for (std::thread& caller : callers) caller.join();
  finished.wait();
  EXPECT_EQ(stored.load(), 1);
  EXPECT_EQ(rejected.load(), kCallers - 1);
  EXPECT_EQ(all_tags(series(), 100).size(), 1u);
}

TEST_P(ResultsRepositoryConformance, MatrixRunStoresOneResultPerPlatform) {
  for (const char* platform : {"linux", "windows", "macos"}) {
    Result<RecordOutcome> outcome = record(run("99", series(platform)), kStartMs, platform);
    ASSERT_TRUE(outcome) << outcome.error().message;
    EXPECT_FALSE(outcome.value().duplicate);
  }
  for (const char* platform : {"linux", "windows", "macos"}) {
    EXPECT_EQ(latest_tag(series(platform)), platform);
    EXPECT_EQ(all_tags(series(platform), 100).size(), 1u);
  }
}

TEST_P(ResultsRepositoryConformance, LatestIsGreatestPayloadTimestampThenReceiveOrder) {
  EXPECT_EQ(latest_tag(series()), "<none>");
  ASSERT_TRUE(record(run("1"), kStartMs, "t0", kStartMs));
  ASSERT_TRUE(record(run("2"), kStartMs + 60'000, "t60", kStartMs + 1));
  // Received later but dated earlier: not the latest.
  ASSERT_TRUE(record(run("3"), kStartMs + 30'000, "t30", kStartMs + 2));
  EXPECT_EQ(latest_tag(series()), "t60");
  // The same payload timestamp: the later receipt wins, also within one millisecond.
  ASSERT_TRUE(record(run("4"), kStartMs + 60'000, "t60 again", kStartMs + 3));
  EXPECT_EQ(latest_tag(series()), "t60 again");
  ASSERT_TRUE(record(run("5"), kStartMs + 60'000, "t60 same ms a", kStartMs + 4));
  ASSERT_TRUE(record(run("6"), kStartMs + 60'000, "t60 same ms b", kStartMs + 4));
  EXPECT_EQ(latest_tag(series()), "t60 same ms b");
  // A receive clock that steps back still counts as later.
  ASSERT_TRUE(record(run("7"), kStartMs + 60'000, "t60 clock back", kStartMs - 1000));
  EXPECT_EQ(latest_tag(series()), "t60 clock back");
  // Timestamps of different digit counts sort numerically.
  ASSERT_TRUE(record(run("8"), 999, "early", kStartMs + 5));
  EXPECT_EQ(latest_tag(series()), "t60 clock back");
  EXPECT_EQ(all_tags(series(), 100),
            (std::vector<std::string>{"t60 clock back", "t60 same ms b", "t60 same ms a",
                                      "t60 again", "t60", "t30", "t0", "early"}));
}

TEST_P(ResultsRepositoryConformance, HistoryPagesNewestFirstWithinLimits) {
  std::vector<std::string> expected;
  for (int i = 0; i < 7; ++i) {
    ASSERT_TRUE(
        record(run(std::to_string(i)), kStartMs + std::int64_t{i} * 1000, "r" + std::to_string(i)));
    expected.insert(expected.begin(), "r" + std::to_string(i));
  }
  std::size_t pages = 0;
  EXPECT_EQ(all_tags(series(), 3, &pages), expected);
  EXPECT_EQ(pages, 3u);
  EXPECT_EQ(all_tags(series(), 1, &pages), expected);
  EXPECT_EQ(pages, 7u);
  EXPECT_EQ(all_tags(series(), kMaxHistoryPage, &pages), expected);
  EXPECT_EQ(pages, 1u);

  Result<HistoryPage> first = history(series(), 2);
  ASSERT_TRUE(first);
  ASSERT_EQ(first.value().items.size(), 2u);
  EXPECT_EQ(first.value().items[0].run.run_id, "6");
  EXPECT_EQ(first.value().items[0].timestamp_ms, kStartMs + 6000);
  EXPECT_EQ(first.value().items[0].received_at_ms, kStartMs);
  EXPECT_FALSE(first.value().next_cursor.empty());

  for (std::size_t bad : {std::size_t{0}, kMaxHistoryPage + 1}) {
    Result<HistoryPage> refused = history(series(), bad);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, Errc::kInvalidArgument);
  }
  // A cursor of one series does not page another, and a made-up one pages nothing.
  const std::string& cursor = first.value().next_cursor;
  for (const Series& other : {series("windows"), Series{"acme", "gadget", "linux", "main"},
                              Series{"other", "widget", "linux", "main"}}) {
    Result<HistoryPage> foreign = history(other, 2, cursor);
    ASSERT_FALSE(foreign);
    EXPECT_EQ(foreign.error().code, Errc::kInvalidArgument);
  }
  for (const std::string& hostile : {std::string("x"), std::string("zz"), std::string(10000, 'a'),
                                     std::string("%00"), std::string("\xFF\xFE", 2)}) {
    Result<HistoryPage> refused = history(series(), 2, hostile);
    ASSERT_FALSE(refused) << hostile;
    EXPECT_EQ(refused.error().code, Errc::kInvalidArgument) << hostile;
  }

  Result<HistoryPage> empty = history(series("windows"), 10);
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty.value().items.empty());
  EXPECT_TRUE(empty.value().next_cursor.empty());
}

TEST_P(ResultsRepositoryConformance, ReadsIgnoreCaseAndRecordsKeepThePostedCase) {
  const Series posted{"Acme", "Widget.Core", "Linux", "Feature/Login"};
  ASSERT_TRUE(record(run("1", posted), kStartMs, "body"));
  for (const Series& asked : {Series{"acme", "widget.core", "linux", "feature/login"},
                              Series{"ACME", "WIDGET.CORE", "LINUX", "FEATURE/LOGIN"}}) {
    Result<std::optional<StoredResult>> found = latest(asked);
    ASSERT_TRUE(found);
    ASSERT_TRUE(found.value().has_value());
    EXPECT_EQ(found.value()->run.series.owner, "Acme");
    EXPECT_EQ(found.value()->run.series.repo, "Widget.Core");
    EXPECT_EQ(found.value()->run.series.platform, "Linux");
    EXPECT_EQ(found.value()->run.series.branch, "Feature/Login");
    EXPECT_EQ(all_tags(asked, 10), (std::vector<std::string>{"body"}));
  }
}

TEST_P(ResultsRepositoryConformance, NamesWithAnyBytesStayApart) {
  // Only A-Z fold: other bytes, UTF-8 and invalid UTF-8 included, are kept; separators and
  // escapes cannot be forged.
  const std::vector<std::string> branches = {"feature/a b+c",
                                             "feature/a%20b+c",
                                             "caf\xC3\xA9",
                                             "CAF\xC3\x89",
                                             "a#b",
                                             "a%23b",
                                             "a%2",
                                             "a",
                                             std::string("nul\0byte", 8),
                                             "main#x",
                                             "\xFF\xFE",
                                             "%FF%FE",
                                             "\xF0\x9F\x90\x8D"};
  for (std::size_t i = 0; i < branches.size(); ++i) {
    Result<RecordOutcome> stored =
        record(run("1", series("linux", branches[i])), kStartMs, "b" + std::to_string(i));
    ASSERT_TRUE(stored) << i << ": " << stored.error().message;
  }
  for (std::size_t i = 0; i < branches.size(); ++i) {
    EXPECT_EQ(all_tags(series("linux", branches[i]), 10),
              (std::vector<std::string>{"b" + std::to_string(i)}))
        << i;
    Result<std::optional<StoredResult>> found = latest(series("linux", branches[i]));
    ASSERT_TRUE(found && found.value()) << i;
    EXPECT_EQ(found.value()->run.series.branch, branches[i]) << i;
  }
  EXPECT_EQ(latest_tag(series("linux", "main")), "<none>");

  // Owners and repos too; '/' is an ordinary byte.
  const Series slashed{"acme#widget", "x", "linux", "main"};
  const Series plain{"acme", "widget#x", "linux", "main"};
  const Series percent{"acme%23widget", "x", "linux", "main"};
  const Series slash{"acme/widget", "x", "linux", "main"};
  ASSERT_TRUE(record(run("1", slashed), kStartMs, "slashed"));
  ASSERT_TRUE(record(run("1", plain), kStartMs, "plain"));
  ASSERT_TRUE(record(run("1", percent), kStartMs, "percent"));
  ASSERT_TRUE(record(run("1", slash), kStartMs, "slash"));
  EXPECT_EQ(latest_tag(slashed), "slashed");
  EXPECT_EQ(latest_tag(plain), "plain");
  EXPECT_EQ(latest_tag(percent), "percent");
  EXPECT_EQ(latest_tag(slash), "slash");
  // Run ids holding separators stay apart as well.
  ASSERT_TRUE(record(run("1#2"), kStartMs, "r1#2"));
  Result<RecordOutcome> other = record(run("1%232"), kStartMs + 1, "r1%232");
  ASSERT_TRUE(other);
  EXPECT_FALSE(other.value().duplicate);
  EXPECT_EQ(other.value().result.run.run_id, "1%232");
}

TEST_P(ResultsRepositoryConformance, ResultsExpireAfterTheRetention) {
  ASSERT_TRUE(record(run("1"), kStartMs, "old", kStartMs));
  const std::int64_t retention = kDefaultRetention.count();
  now_ = kStartTime + retention - 1;
  EXPECT_EQ(latest_tag(series()), "old");

  now_ = kStartTime + retention;
  EXPECT_EQ(latest_tag(series()), "<none>");
  EXPECT_TRUE(all_tags(series(), 10).empty());
  // Expired, the run may be posted again, with another result.
  Result<RecordOutcome> again = record(run("1"), kStartMs, "new", now_ * 1000);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_FALSE(again.value().duplicate);
  EXPECT_EQ(all_tags(series(), 10), (std::vector<std::string>{"new"}));
}

TEST_P(ResultsRepositoryConformance, RetentionIsConfigurable) {
  std::unique_ptr<ResultsRepository> short_lived =
      make_repository(RepositoryOptions{std::chrono::hours(1)});
  ASSERT_TRUE(record(run("1"), kStartMs, "brief", kStartMs, short_lived.get()));
  now_ = kStartTime + 3599;
  EXPECT_EQ(latest_tag(series()), "brief");
  now_ = kStartTime + 3600;
  EXPECT_EQ(latest_tag(series()), "<none>");
}

TEST_P(ResultsRepositoryConformance, HistoryHiddenIsAPerOwnerSetting) {
  const auto hidden = [&](std::string owner) {
    Result<bool> value = await<bool>(
        [&](Callback<bool> done) { repository_->history_hidden(owner, std::move(done)); });
    EXPECT_TRUE(value) << value.error().message;
    return value && value.value();
  };
  const auto set = [&](std::string owner, bool value) {
    return await<void>([&](Callback<void> done) {
      repository_->set_history_hidden(owner, value, std::move(done));
    });
  };
  EXPECT_FALSE(hidden("acme"));
  ASSERT_TRUE(set("Acme", true));
  EXPECT_TRUE(hidden("ACME"));
  EXPECT_FALSE(hidden("other"));
  EXPECT_FALSE(hidden("acme#x"));
  ASSERT_TRUE(set("acme", false));
  EXPECT_FALSE(hidden("acme"));
}

TEST_P(ResultsRepositoryConformance, LegacyUntilIsAPerOwnerSetting) {
  using Until = std::optional<std::int64_t>;
  const auto until = [&](std::string owner) {
    Result<Until> value = await<Until>(
        [&](Callback<Until> done) { repository_->legacy_until(owner, std::move(done)); });
    EXPECT_TRUE(value) << value.error().message;
    return value ? value.value() : Until{-1};
  };
  const auto set = [&](std::string owner, Until value) {
    return await<void>(
        [&](Callback<void> done) { repository_->set_legacy_until(owner, value, std::move(done)); });
  };
  EXPECT_EQ(until("acme"), std::nullopt);
  ASSERT_TRUE(set("Acme", 1'801'000'000));
  EXPECT_EQ(until("ACME"), Until{1'801'000'000});
  EXPECT_EQ(until("other"), std::nullopt);
  ASSERT_TRUE(set("acme", std::nullopt));
  EXPECT_EQ(until("acme"), std::nullopt);
}

TEST_P(ResultsRepositoryConformance, RefusesOutOfRangeRunsAndTimes) {
  for (const auto& refusal : std::vector<std::tuple<RunKey, std::int64_t, std::int64_t>>{
           {run("1", series(), 0), kStartMs, kStartMs},
           {run("1"), -1, kStartMs},
           {run("1"), 10'000'000'000'000, kStartMs},
           {run("1"), kStartMs, -1},
           {run("1"), kStartMs, std::int64_t{1} << 48}}) {
    Result<RecordOutcome> refused = await<RecordOutcome>([&](Callback<RecordOutcome> done) {
      repository_->record(std::get<0>(refusal), std::get<1>(refusal), std::get<2>(refusal),
                          body("x", std::get<0>(refusal), kStartMs), std::move(done));
    });
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, Errc::kInvalidArgument);
  }
  EXPECT_TRUE(record(run("1"), 9'999'999'999'999, "max"));
  EXPECT_EQ(latest_tag(series()), "max");
}

// ---- DynamoDB only: the .NET service's items and tables --------------------------------------

class DynamoDbCompatibility : public RepositoryFixture, public ::testing::Test {
 protected:
  static void TearDownTestSuite() { stop_moto(); }
  void SetUp() override { open(Backend::kDynamoDb); }

  // An item exactly as the .NET service writes it (§5.2), for acme/widget linux/<branch>.
  json dotnet_item(const std::string& branch, const std::string& key_time,
                   const std::string& timestamp, const std::string& run_id) {
    return {{"PK", {{"S", "TEST#acme#widget"}}},
            {"SK", {{"S", "RESULT#linux#" + branch + "#" + key_time}}},
            {"GSI1PK", {{"S", "LATEST#acme#widget#linux#" + branch}}},
            {"GSI1SK", {{"S", key_time}}},
            {"Owner", {{"S", "acme"}}},
            {"Repo", {{"S", "widget"}}},
            {"Platform", {{"S", "linux"}}},
            {"Branch", {{"S", branch}}},
            {"Passed", {{"N", "40"}}},
            {"Failed", {{"N", "2"}}},
            {"Skipped", {{"N", "1"}}},
            {"Total", {{"N", "43"}}},
            {"Timestamp", {{"S", timestamp}}},
            {"Commit", {{"S", "0123456789abcdef0123456789abcdef01234567"}}},
            {"RunId", {{"S", run_id}}},
            {"UrlHtml", {{"S", "https://github.com/acme/widget/runs/" + run_id}}},
            {"WorkflowRunUrl", {{"S", "https://github.com/acme/widget/actions/runs/" + run_id}}},
            {"CreatedAt", {{"S", "2023-11-14T22:13:25.1234567+00:00"}}},
            {"TTL", {{"N", std::to_string(kStartTime + kDefaultRetention.count())}}}};
  }

  Result<json> put(const json& item) {
    return dynamodb("PutItem", {{"TableName", tables_.test_results}, {"Item", item}});
  }
};

TEST_F(DynamoDbCompatibility, ReadsItemsTheDotNetServiceWrote) {
  ASSERT_TRUE(put(dotnet_item("main", "2023-11-14T22:00:00.000Z",
                              "2023-11-14T22:00:00.0000000+00:00", "17000")));
  ASSERT_TRUE(
      put(dotnet_item("main", "2023-11-14T21:00:00.000Z", "2023-11-14T21:00:00.5Z", "16999")));
  // A .NET branch holding '#' shares our key prefix for "main": it must not show up there.
  ASSERT_TRUE(put(dotnet_item("main#x", "2023-11-14T23:00:00.000Z",
                              "2023-11-14T23:00:00.0000000+00:00", "17001")));

  Result<std::optional<StoredResult>> found = latest(series());
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_TRUE(found.value().has_value());
  const StoredResult& stored = *found.value();
  EXPECT_EQ(stored.run.run_id, "17000");
  EXPECT_EQ(stored.run.run_attempt, 1);
  EXPECT_EQ(stored.run.series.owner, "acme");
  EXPECT_EQ(stored.run.series.branch, "main");
  EXPECT_EQ(stored.timestamp_ms, parse_rfc3339_ms("2023-11-14T22:00:00Z").value());
  EXPECT_EQ(stored.received_at_ms, parse_rfc3339_ms("2023-11-14T22:13:25.123Z").value());
  ASSERT_EQ(stored.test_result_id.size(), 32u);
  EXPECT_EQ(stored.test_result_id.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_TRUE(stored.test_result_id.starts_with("018bcfe57c03"))  // CreatedAt in ms, hex.
      << stored.test_result_id;
  Result<TestResult> payload = parse_stored_test_result(stored.record);
  ASSERT_TRUE(payload) << stored.record;
  EXPECT_EQ(payload.value().passed, 40);
  EXPECT_EQ(payload.value().failed, 2);
  EXPECT_EQ(payload.value().skipped, 1);
  EXPECT_EQ(payload.value().total, 43);
  EXPECT_EQ(payload.value().url_html, "https://github.com/acme/widget/runs/17000");
  EXPECT_EQ(payload.value().workflow_run_url, "https://github.com/acme/widget/actions/runs/17000");
  EXPECT_EQ(payload.value().commit, "0123456789abcdef0123456789abcdef01234567");
  EXPECT_EQ(payload.value().run_id, "17000");
  EXPECT_EQ(payload.value().platform, "linux");

  // The derived id is stable, and history agrees with latest.
  Result<HistoryPage> page = history(series(), 10);
  ASSERT_TRUE(page) << page.error().message;
  ASSERT_EQ(page.value().items.size(), 2u);
  EXPECT_EQ(page.value().items[0].test_result_id, stored.test_result_id);
  EXPECT_EQ(page.value().items[1].run.run_id, "16999");
  EXPECT_NE(page.value().items[1].test_result_id, stored.test_result_id);

  // Ours and theirs in one series: payload time decides.
  ASSERT_TRUE(record(run("18000"), parse_rfc3339_ms("2023-11-14T22:30:00Z").value(), "ours"));
  EXPECT_EQ(latest_tag(series()), "ours");
  EXPECT_EQ(all_tags(series(), 1),
            (std::vector<std::string>{"ours", "0123456789abcdef0123456789abcdef01234567",
                                      "0123456789abcdef0123456789abcdef01234567"}));
}

TEST_F(DynamoDbCompatibility, UnreadableDotNetItemsAreInternalErrors) {
  const std::string key_time = "2023-11-14T22:00:00.000Z";
  const std::string timestamp = "2023-11-14T22:00:00.0000000+00:00";
  json missing = dotnet_item("missing", key_time, timestamp, "1");
  missing.erase("Passed");
  json text_count = dotnet_item("text-count", key_time, timestamp, "1");
  text_count["Failed"] = {{"S", "two"}};
  json huge = dotnet_item("huge", key_time, timestamp, "1");
  huge["Total"] = {{"N", "99999999999999999999999"}};
  json bad_time = dotnet_item("bad-time", key_time, "yesterday", "1");
  json bad_sum = dotnet_item("bad-sum", key_time, timestamp, "1");
  bad_sum["Total"] = {{"N", "7"}};
  json http_url = dotnet_item("http-url", key_time, timestamp, "1");
  http_url["UrlHtml"] = {{"S", "http://example.com/"}};
  for (const json& item : {missing, text_count, huge, bad_time, bad_sum, http_url}) {
    ASSERT_TRUE(put(item));
    const std::string branch = item["Branch"]["S"];
    Result<std::optional<StoredResult>> found = latest(series("linux", branch));
    ASSERT_FALSE(found) << branch;
    EXPECT_EQ(found.error().code, Errc::kInternal) << branch;
  }
}

TEST_F(DynamoDbCompatibility, AMissingTableIsAnInternalErrorNotAnAbsentResult) {
  aws::TableNames missing;
  missing.test_results = "no-such-results";
  missing.org_secrets = "no-such-settings";
  DynamoDbResultsRepository repository(*aws_, missing);
  Result<std::optional<StoredResult>> found =
      await<std::optional<StoredResult>>([&](Callback<std::optional<StoredResult>> done) {
        repository.latest(series(), std::move(done));
      });
  ASSERT_FALSE(found);
  EXPECT_EQ(found.error().code, Errc::kInternal);
  Result<bool> hidden =
      await<bool>([&](Callback<bool> done) { repository.history_hidden("acme", std::move(done)); });
  ASSERT_FALSE(hidden);
  EXPECT_EQ(hidden.error().code, Errc::kInternal);
}

TEST_F(DynamoDbCompatibility, DotNetLatestQueryReadsOurItems) {
  const std::int64_t timestamp_ms = parse_rfc3339_ms("2023-11-14T22:00:00.250Z").value();
  Result<RecordOutcome> stored =
      record(run("4242", Series{"Acme", "Widget", "Linux", "Main"}), timestamp_ms, "deadbeef");
  ASSERT_TRUE(stored) << stored.error().message;
  const std::string& id = stored.value().result.test_result_id;

  // §5.3: GSI1, descending, limit 1 (the .NET service lower-cases nothing here; we write
  // lower-case keys, which is what its writes did too).
  Result<json> answer = dynamodb(
      "Query", {{"TableName", tables_.test_results},
                {"IndexName", "GSI1"},
                {"KeyConditionExpression", "GSI1PK = :pk"},
                {"ExpressionAttributeValues", {{":pk", {{"S", "LATEST#acme#widget#linux#main"}}}}},
                {"ScanIndexForward", false},
                {"Limit", 1}});
  ASSERT_TRUE(answer) << answer.error().message;
  ASSERT_EQ(answer.value()["Items"].size(), 1u) << answer.value().dump();
  const json& item = answer.value()["Items"][0];
  const auto text = [&](const char* name) { return item[name]["S"].get<std::string>(); };
  const auto number = [&](const char* name) { return item[name]["N"].get<std::string>(); };
  EXPECT_EQ(text("PK"), "TEST#acme#widget");
  EXPECT_EQ(text("SK"), "RESULT#linux#main#2023-11-14T22:00:00.250Z#" + id);
  EXPECT_EQ(text("GSI1SK"), "2023-11-14T22:00:00.250Z#" + id);
  EXPECT_EQ(text("Owner"), "acme");
  EXPECT_EQ(text("Repo"), "widget");
  EXPECT_EQ(text("Platform"), "linux");
  EXPECT_EQ(text("Branch"), "main");
  EXPECT_EQ(number("Passed"), "3");
  EXPECT_EQ(number("Failed"), "1");
  EXPECT_EQ(number("Skipped"), "1");
  EXPECT_EQ(number("Total"), "5");
  EXPECT_EQ(text("Timestamp"), "2023-11-14T22:00:00.250Z");
  EXPECT_EQ(text("Commit"), "deadbeef");
  EXPECT_EQ(text("RunId"), "4242");
  EXPECT_EQ(text("UrlHtml"), "https://github.com/acme/widget/runs/4242");
  EXPECT_EQ(text("WorkflowRunUrl"), "https://github.com/acme/widget/actions/runs/4242");
  EXPECT_EQ(text("CreatedAt"), format_rfc3339_ms(kStartMs));
  EXPECT_EQ(number("TTL"), std::to_string(kStartTime + kDefaultRetention.count()));
}

TEST_F(DynamoDbCompatibility, ExpiredItemsAreFilteredAndReplaceable) {
  ASSERT_TRUE(record(run("1"), kStartMs, "old"));
  ASSERT_TRUE(put(dotnet_item("main", "2023-11-14T21:00:00.000Z", "2023-11-14T21:00:00Z", "9")));
  now_ = kStartTime + kDefaultRetention.count() + 1;  // Both past their TTL; moto keeps them.
  EXPECT_EQ(latest_tag(series()), "<none>");
  Result<HistoryPage> page = history(series(), 1);
  ASSERT_TRUE(page);
  EXPECT_TRUE(page.value().items.empty());
  EXPECT_TRUE(page.value().next_cursor.empty());

  Result<RecordOutcome> again = record(run("1"), kStartMs, "new", now_ * 1000);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_FALSE(again.value().duplicate);
  EXPECT_EQ(all_tags(series(), 1), (std::vector<std::string>{"new"}));
  Result<json> raw =
      dynamodb("Query", {{"TableName", tables_.test_results},
                         {"KeyConditionExpression", "PK = :pk"},
                         {"ExpressionAttributeValues", {{":pk", {{"S", "TEST#acme#widget"}}}}}});
  ASSERT_TRUE(raw);
  EXPECT_EQ(raw.value()["Items"].size(), 4u)  // Two old results, the new one, the run item.
      << raw.value().dump();
}

TEST_F(DynamoDbCompatibility, LatestLooksPastManyExpiredResults) {
  // More expired results above the live one than the first query round reads.
  std::unique_ptr<ResultsRepository> short_lived =
      make_repository(RepositoryOptions{std::chrono::seconds(10)});
  ASSERT_TRUE(record(run("live"), kStartMs, "live", kStartMs));
  for (int i = 0; i < 12; ++i) {
    ASSERT_TRUE(record(run("gone" + std::to_string(i)), kStartMs + 1000 + i, "gone", kStartMs,
                       short_lived.get()));
  }
  now_ = kStartTime + 10;
  EXPECT_EQ(latest_tag(series()), "live");
  EXPECT_EQ(all_tags(series(), 100), (std::vector<std::string>{"live"}));
}

TEST_F(DynamoDbCompatibility, CreateTablesMakesTheDotNetTablesIdempotently) {
  // open() created them; a second call leaves them as they are.
  ASSERT_TRUE(await<void>([&](Callback<void> done) {
    aws::create_tables(*aws_, io_.context(), tables_, std::move(done));
  }));
  for (const std::string* table : {&tables_.test_results, &tables_.nonces, &tables_.org_secrets}) {
    Result<json> described = dynamodb("DescribeTable", {{"TableName", *table}});
    ASSERT_TRUE(described) << *table << ": " << described.error().message;
    const json& about = described.value()["Table"];
    EXPECT_EQ(about["TableStatus"], "ACTIVE");
    EXPECT_EQ(about["KeySchema"], json::parse(R"([{"AttributeName":"PK","KeyType":"HASH"},
                              {"AttributeName":"SK","KeyType":"RANGE"}])"));
    const bool results = table == &tables_.test_results;
    EXPECT_EQ(about.value("GlobalSecondaryIndexes", json::array()).empty(), !results) << *table;
    if (results) {
      const json& index = about["GlobalSecondaryIndexes"][0];
      EXPECT_EQ(index["IndexName"], "GSI1");
      EXPECT_EQ(index["Projection"]["ProjectionType"], "ALL");
      EXPECT_EQ(index["KeySchema"][0]["AttributeName"], "GSI1PK");
      EXPECT_EQ(index["KeySchema"][1]["AttributeName"], "GSI1SK");
    }
    Result<json> ttl = dynamodb("DescribeTimeToLive", {{"TableName", *table}});
    ASSERT_TRUE(ttl) << ttl.error().message;
    const json& status = ttl.value()["TimeToLiveDescription"];
    if (table == &tables_.org_secrets) {
      EXPECT_NE(status.value("TimeToLiveStatus", ""), "ENABLED");
    } else {
      EXPECT_EQ(status.value("TimeToLiveStatus", ""), "ENABLED") << *table;
      EXPECT_EQ(status.value("AttributeName", ""), "TTL") << *table;
    }
  }
}

}  // namespace
}  // namespace badgesmith::testresults
