#include "features/testresults/store_results_repository.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <latch>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "../../core/store/store_test_util.h"
#include "core/async/work_pool.h"
#include "core/store/sqlite_store.h"

namespace badgesmith::testresults {
namespace {

using namespace std::string_literals;
using store::await;

constexpr std::int64_t kStartTime = 1'700'000'000;  // Unix seconds: the store's clock at start.
constexpr std::int64_t kStartMs = kStartTime * 1000;

Series series(std::string platform = "linux", std::string branch = "main") {
  return Series{"acme", "widget", std::move(platform), std::move(branch)};
}

RunKey run(std::string run_id, Series of = series(), std::int64_t attempt = 1) {
  return RunKey{std::move(of), std::move(run_id), attempt};
}

class StoreResultsRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<store::SqliteStore>> opened =
        store::SqliteStore::open(temp_.path(), pool_, [this] { return now_.load(); });
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(opened).value();
    repository_ = std::make_unique<StoreResultsRepository>(*store_);
  }

  Result<void> claim(std::string owner, std::string nonce, std::int64_t now = kStartTime) {
    return await<void>(
        [&](Callback<void> done) { repository_->claim_nonce(owner, nonce, now, done); });
  }
  Result<RecordOutcome> record(RunKey key, std::int64_t timestamp_ms, std::string body,
                               std::int64_t received_at_ms = kStartMs) {
    return await<RecordOutcome>([&](Callback<RecordOutcome> done) {
      repository_->record(std::move(key), timestamp_ms, received_at_ms, std::move(body), done);
    });
  }
  Result<std::optional<StoredResult>> latest(const Series& of) {
    return await<std::optional<StoredResult>>(
        [&](Callback<std::optional<StoredResult>> done) { repository_->latest(of, done); });
  }
  Result<HistoryPage> history(const Series& of, std::size_t limit, std::string cursor = {}) {
    return await<HistoryPage>([&](Callback<HistoryPage> done) {
      repository_->history(of, limit, std::move(cursor), done);
    });
  }
  // The record of every result of the series, newest first, following cursors.
  std::vector<std::string> all_records(const Series& of, std::size_t limit,
                                       std::size_t* pages = nullptr) {
    std::vector<std::string> records;
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
      for (const StoredResult& item : page.value().items) records.push_back(item.record);
      cursor = page.value().next_cursor;
    } while (!cursor.empty() && count < 1000);
    if (pages != nullptr) *pages = count;
    return records;
  }
  std::string latest_record(const Series& of) {
    Result<std::optional<StoredResult>> found = latest(of);
    if (!found) return "<error: " + found.error().message + ">";
    return found.value() ? found.value()->record : "<none>";
  }

  store::TempDir temp_;
  std::atomic<std::int64_t> now_{kStartTime};
  async::WorkPool pool_{8};  // Declared after what its jobs use, so it drains first.
  std::unique_ptr<store::SqliteStore> store_;
  std::unique_ptr<StoreResultsRepository> repository_;
};

TEST_F(StoreResultsRepositoryTest, NonceIsClaimedOnce) {
  ASSERT_TRUE(claim("acme", "nonce-0123456789abcdef"));
  Result<void> again = claim("acme", "nonce-0123456789abcdef");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, Errc::kConflict);
  EXPECT_EQ(again.error().error_code, "NONCE_ALREADY_USED");
}

TEST_F(StoreResultsRepositoryTest, NonceScopeIsTheOwnerInAnyCase) {
  ASSERT_TRUE(claim("Acme", "nonce-0123456789abcdef"));
  EXPECT_FALSE(claim("ACME", "nonce-0123456789abcdef"));
  EXPECT_TRUE(claim("other", "nonce-0123456789abcdef"));
  // Nonces themselves are case-sensitive.
  EXPECT_TRUE(claim("acme", "NONCE-0123456789ABCDEF"));
  // A '#' cannot make one owner's claim collide with another's.
  EXPECT_TRUE(claim("acme#nonce", "0123456789abcdef"));
  EXPECT_TRUE(claim("acme", "nonce#0123456789abcdef"));
}

TEST_F(StoreResultsRepositoryTest, NonceClaimExpiresAfter45Minutes) {
  ASSERT_TRUE(claim("acme", "nonce-0123456789abcdef"));
  now_ = kStartTime + kNonceLifetime.count() - 1;
  EXPECT_FALSE(claim("acme", "nonce-0123456789abcdef", now_));
  now_ = kStartTime + kNonceLifetime.count();
  EXPECT_TRUE(claim("acme", "nonce-0123456789abcdef", now_));
}

TEST_F(StoreResultsRepositoryTest, ConcurrentNonceClaimsHaveExactlyOneWinner) {
  constexpr int kThreads = 5;
  constexpr int kClaimsPerThread = 10;
  std::atomic<int> winners{0};
  std::atomic<int> used{0};
  std::atomic<int> others{0};
  std::latch start(kThreads);
  std::latch finished(kThreads * kClaimsPerThread);
  std::vector<std::thread> callers;
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

TEST_F(StoreResultsRepositoryTest, FirstRecordThenSameBodyThenDifferentBody) {
  Result<RecordOutcome> first = record(run("42"), kStartMs - 5000, "{\"passed\":1}");
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_FALSE(first.value().duplicate);
  const StoredResult& stored = first.value().result;
  ASSERT_EQ(stored.test_result_id.size(), 32u);
  EXPECT_EQ(stored.test_result_id.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(stored.timestamp_ms, kStartMs - 5000);
  EXPECT_EQ(stored.received_at_ms, kStartMs);
  EXPECT_EQ(stored.run.run_id, "42");

  // A retry, received later: the first acceptance's data comes back.
  Result<RecordOutcome> same =
      record(run("42"), kStartMs - 5000, "{\"passed\":1}", kStartMs + 9000);
  ASSERT_TRUE(same) << same.error().message;
  EXPECT_TRUE(same.value().duplicate);
  EXPECT_EQ(same.value().result.test_result_id, stored.test_result_id);
  EXPECT_EQ(same.value().result.received_at_ms, kStartMs);
  EXPECT_EQ(same.value().result.timestamp_ms, kStartMs - 5000);
  EXPECT_EQ(same.value().result.record, "{\"passed\":1}");

  Result<RecordOutcome> different = record(run("42"), kStartMs - 5000, "{\"passed\":2}");
  ASSERT_FALSE(different);
  EXPECT_EQ(different.error().code, Errc::kConflict);
  EXPECT_EQ(different.error().error_code, "DUPLICATE_RUN");

  // The same run id in any case of the series names is the same run.
  Result<RecordOutcome> upper = record(run("42", Series{"ACME", "Widget", "LINUX", "Main"}),
                                       kStartMs - 5000, "{\"passed\":1}");
  ASSERT_TRUE(upper);
  EXPECT_TRUE(upper.value().duplicate);

  EXPECT_EQ(all_records(series(), 100), (std::vector<std::string>{"{\"passed\":1}"}));
}

TEST_F(StoreResultsRepositoryTest, AnotherAttemptOrRunIsANewResult) {
  ASSERT_TRUE(record(run("42"), kStartMs, "a1"));
  ASSERT_TRUE(record(run("42", series(), 2), kStartMs + 1, "a2"));
  ASSERT_TRUE(record(run("43"), kStartMs + 2, "b1"));
  // Run ids are case-sensitive.
  ASSERT_TRUE(record(run("abc"), kStartMs + 3, "c"));
  Result<RecordOutcome> other_case = record(run("ABC"), kStartMs + 4, "C");
  ASSERT_TRUE(other_case);
  EXPECT_FALSE(other_case.value().duplicate);
  EXPECT_EQ(all_records(series(), 100), (std::vector<std::string>{"C", "c", "b1", "a2", "a1"}));
}

TEST_F(StoreResultsRepositoryTest, ConcurrentIdenticalRecordsStoreOne) {
  constexpr int kThreads = 5;
  constexpr int kPerThread = 10;
  std::mutex mutex;
  std::vector<Result<RecordOutcome>> outcomes;
  std::latch start(kThreads);
  std::latch finished(kThreads * kPerThread);
  std::vector<std::thread> callers;
  for (int t = 0; t < kThreads; ++t) {
    callers.emplace_back([&, t] {
      start.arrive_and_wait();
      for (int i = 0; i < kPerThread; ++i) {
        repository_->record(run("7"), kStartMs, kStartMs + t * kPerThread + i, "same body",
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
  EXPECT_EQ(all_records(series(), 100), (std::vector<std::string>{"same body"}));
}

TEST_F(StoreResultsRepositoryTest, ConcurrentDifferentRecordsStoreOneAndRejectTheRest) {
  constexpr int kCallers = 10;
  std::atomic<int> stored{0};
  std::atomic<int> rejected{0};
  std::latch start(kCallers);
  std::latch finished(kCallers);
  std::vector<std::thread> callers;
  for (int t = 0; t < kCallers; ++t) {
    callers.emplace_back([&, t] {
      start.arrive_and_wait();
      repository_->record(run("7"), kStartMs, kStartMs, "body " + std::to_string(t),
                          [&](Result<RecordOutcome> outcome) {
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
  EXPECT_EQ(all_records(series(), 100).size(), 1u);
}

TEST_F(StoreResultsRepositoryTest, MatrixRunStoresOneResultPerPlatform) {
  for (const char* platform : {"linux", "windows", "macos"}) {
    Result<RecordOutcome> outcome = record(run("99", series(platform)), kStartMs, platform);
    ASSERT_TRUE(outcome) << outcome.error().message;
    EXPECT_FALSE(outcome.value().duplicate);
  }
  for (const char* platform : {"linux", "windows", "macos"}) {
    EXPECT_EQ(latest_record(series(platform)), platform);
    EXPECT_EQ(all_records(series(platform), 100).size(), 1u);
  }
}

TEST_F(StoreResultsRepositoryTest, LatestIsGreatestPayloadTimestampThenReceiveOrder) {
  EXPECT_EQ(latest_record(series()), "<none>");
  ASSERT_TRUE(record(run("1"), kStartMs, "t0", kStartMs));
  ASSERT_TRUE(record(run("2"), kStartMs + 60'000, "t60", kStartMs + 1));
  // Received later but dated earlier: not the latest.
  ASSERT_TRUE(record(run("3"), kStartMs + 30'000, "t30", kStartMs + 2));
  EXPECT_EQ(latest_record(series()), "t60");
  // The same payload timestamp: the later receipt wins, also within one millisecond.
  ASSERT_TRUE(record(run("4"), kStartMs + 60'000, "t60 again", kStartMs + 3));
  EXPECT_EQ(latest_record(series()), "t60 again");
  ASSERT_TRUE(record(run("5"), kStartMs + 60'000, "t60 same ms a", kStartMs + 4));
  ASSERT_TRUE(record(run("6"), kStartMs + 60'000, "t60 same ms b", kStartMs + 4));
  EXPECT_EQ(latest_record(series()), "t60 same ms b");
  // A receive clock that steps back still counts as later.
  ASSERT_TRUE(record(run("7"), kStartMs + 60'000, "t60 clock back", kStartMs - 1000));
  EXPECT_EQ(latest_record(series()), "t60 clock back");
  // Timestamps of different digit counts sort numerically (fixed width).
  ASSERT_TRUE(record(run("8"), 999, "early", kStartMs + 5));
  EXPECT_EQ(latest_record(series()), "t60 clock back");
  EXPECT_EQ(all_records(series(), 100),
            (std::vector<std::string>{"t60 clock back", "t60 same ms b", "t60 same ms a",
                                      "t60 again", "t60", "t30", "t0", "early"}));
}

TEST_F(StoreResultsRepositoryTest, HistoryPagesNewestFirstWithinLimits) {
  std::vector<std::string> expected;
  for (int i = 0; i < 7; ++i) {
    ASSERT_TRUE(record(run(std::to_string(i)), kStartMs + i * 1000, "r" + std::to_string(i)));
    expected.insert(expected.begin(), "r" + std::to_string(i));
  }
  std::size_t pages = 0;
  EXPECT_EQ(all_records(series(), 3, &pages), expected);
  EXPECT_EQ(pages, 3u);
  EXPECT_EQ(all_records(series(), 1, &pages), expected);
  EXPECT_EQ(pages, 7u);
  EXPECT_EQ(all_records(series(), kMaxHistoryPage, &pages), expected);
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
  // A cursor of one series does not page another.
  Result<HistoryPage> foreign = history(series("windows"), 2, first.value().next_cursor);
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().code, Errc::kInvalidArgument);

  Result<HistoryPage> empty = history(series("windows"), 10);
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty.value().items.empty());
  EXPECT_TRUE(empty.value().next_cursor.empty());
}

TEST_F(StoreResultsRepositoryTest, ReadsIgnoreCaseAndRecordsKeepThePostedCase) {
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
    EXPECT_EQ(all_records(asked, 10), (std::vector<std::string>{"body"}));
  }
}

TEST_F(StoreResultsRepositoryTest, BranchesWithAnyBytesStayApart) {
  // Only A-Z fold: other bytes, UTF-8 included, are kept; separators cannot be forged.
  const std::vector<std::string> branches = {"feature/a b+c",
                                             "feature/a%20b+c",
                                             "caf\xC3\xA9",
                                             "CAF\xC3\x89",
                                             "a#b",
                                             "a",
                                             std::string("nul\0byte", 8),
                                             "main#x"};
  for (std::size_t i = 0; i < branches.size(); ++i) {
    ASSERT_TRUE(record(run("1", series("linux", branches[i])), kStartMs, "b" + std::to_string(i)));
  }
  for (std::size_t i = 0; i < branches.size(); ++i) {
    EXPECT_EQ(all_records(series("linux", branches[i]), 10),
              (std::vector<std::string>{"b" + std::to_string(i)}))
        << i;
  }
  EXPECT_EQ(latest_record(series("linux", "main")), "<none>");
}

TEST_F(StoreResultsRepositoryTest, RecordsAreBinarySafe) {
  const std::string body = "{\"x\":\"\xFF\0\n,:\"}"s;
  ASSERT_TRUE(record(run("1"), kStartMs, body));
  Result<RecordOutcome> again = record(run("1"), kStartMs, body);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again.value().duplicate);
  EXPECT_EQ(latest_record(series()), body);
}

TEST_F(StoreResultsRepositoryTest, ResultsExpireAfterTheRetention) {
  ASSERT_TRUE(record(run("1"), kStartMs, "old", kStartMs));
  const std::int64_t retention = kDefaultRetention.count();
  now_ = kStartTime + retention - 1;
  EXPECT_EQ(latest_record(series()), "old");

  now_ = kStartTime + retention;
  EXPECT_EQ(latest_record(series()), "<none>");
  EXPECT_TRUE(all_records(series(), 10).empty());
  Result<std::size_t> purged =
      await<std::size_t>([&](Callback<std::size_t> done) { store_->purge_expired(done); });
  ASSERT_TRUE(purged);
  EXPECT_EQ(purged.value(), 2u);  // The result and its run item.
  // Once forgotten, the run may be posted again.
  Result<RecordOutcome> again = record(run("1"), kStartMs, "new", now_ * 1000);
  ASSERT_TRUE(again);
  EXPECT_FALSE(again.value().duplicate);
}

TEST_F(StoreResultsRepositoryTest, RetentionIsConfigurable) {
  StoreResultsRepository short_lived(*store_, RepositoryOptions{std::chrono::hours(1)});
  ASSERT_TRUE(await<RecordOutcome>([&](Callback<RecordOutcome> done) {
    short_lived.record(run("1"), kStartMs, kStartMs, "brief", done);
  }));
  now_ = kStartTime + 3600;
  EXPECT_EQ(latest_record(series()), "<none>");
}

TEST_F(StoreResultsRepositoryTest, HistoryHiddenIsAPerOwnerSetting) {
  const auto hidden = [&](std::string owner) {
    Result<bool> value =
        await<bool>([&](Callback<bool> done) { repository_->history_hidden(owner, done); });
    EXPECT_TRUE(value) << value.error().message;
    return value && value.value();
  };
  const auto set = [&](std::string owner, bool value) {
    return await<void>(
        [&](Callback<void> done) { repository_->set_history_hidden(owner, value, done); });
  };
  EXPECT_FALSE(hidden("acme"));
  ASSERT_TRUE(set("Acme", true));
  EXPECT_TRUE(hidden("ACME"));
  EXPECT_FALSE(hidden("other"));
  ASSERT_TRUE(set("acme", false));
  EXPECT_FALSE(hidden("acme"));
}

TEST_F(StoreResultsRepositoryTest, LegacyUntilIsAPerOwnerSetting) {
  using Until = std::optional<std::int64_t>;
  const auto until = [&](std::string owner) {
    Result<Until> value =
        await<Until>([&](Callback<Until> done) { repository_->legacy_until(owner, done); });
    EXPECT_TRUE(value) << value.error().message;
    return value ? value.value() : Until{-1};
  };
  const auto set = [&](std::string owner, Until value) {
    return await<void>(
        [&](Callback<void> done) { repository_->set_legacy_until(owner, value, done); });
  };
  EXPECT_EQ(until("acme"), std::nullopt);
  ASSERT_TRUE(set("Acme", 1'801'000'000));
  EXPECT_EQ(until("ACME"), Until{1'801'000'000});
  EXPECT_EQ(until("other"), std::nullopt);
  ASSERT_TRUE(set("acme", std::nullopt));
  EXPECT_EQ(until("acme"), std::nullopt);
}

TEST_F(StoreResultsRepositoryTest, RefusesOutOfRangeRunsAndTimes) {
  for (const auto& [key, timestamp_ms, received_at_ms] :
       std::vector<std::tuple<RunKey, std::int64_t, std::int64_t>>{
           {run("1", series(), 0), kStartMs, kStartMs},
           {run("1"), -1, kStartMs},
           {run("1"), 10'000'000'000'000, kStartMs},
           {run("1"), kStartMs, -1},
           {run("1"), kStartMs, std::int64_t{1} << 48}}) {
    Result<RecordOutcome> refused = record(key, timestamp_ms, "x", received_at_ms);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, Errc::kInvalidArgument);
  }
  EXPECT_TRUE(record(run("1"), 9'999'999'999'999, "max", (std::int64_t{1} << 48) - 1));
}

TEST_F(StoreResultsRepositoryTest, AnUnreadableItemIsAnInternalError) {
  ASSERT_TRUE(record(run("1"), kStartMs, "good"));
  store::RawDb raw(temp_.path() / store::SqliteStore::kFileName);
  raw.exec("UPDATE items SET value = X'3a3a' WHERE sk LIKE 'result#%'");
  Result<std::optional<StoredResult>> found = latest(series());
  ASSERT_FALSE(found);
  EXPECT_EQ(found.error().code, Errc::kInternal);
}

}  // namespace
}  // namespace badgesmith::testresults
