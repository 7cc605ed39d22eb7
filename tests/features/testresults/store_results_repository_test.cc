// What is particular to the SQLite-backed repository: opaque, binary-safe records, the store's
// purge, the whole 48-bit receive range and its own item encoding. The behaviour both
// repositories share is tests/e2e/results_repository_conformance_e2e_test.cc.
#include "features/testresults/store_results_repository.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "../../core/store/store_test_util.h"
#include "core/async/work_pool.h"
#include "core/store/sqlite_store.h"

namespace badgesmith::testresults {
namespace {

using namespace std::string_literals;
using store::await;

constexpr std::int64_t kStartTime = 1'700'000'000;  // Unix seconds: the store's clock at start.
constexpr std::int64_t kStartMs = kStartTime * 1000;

Series series() { return Series{"acme", "widget", "linux", "main"}; }

RunKey run(std::string run_id) { return RunKey{series(), std::move(run_id), 1}; }

class StoreResultsRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<store::SqliteStore>> opened =
        store::SqliteStore::open(temp_.path(), pool_, [this] { return now_.load(); });
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(opened).value();
    repository_ = std::make_unique<StoreResultsRepository>(*store_);
  }

  Result<RecordOutcome> record(RunKey key, std::int64_t timestamp_ms, std::string body,
                               std::int64_t received_at_ms = kStartMs) {
    return await<RecordOutcome>([&](Callback<RecordOutcome> done) {
      repository_->record(std::move(key), timestamp_ms, received_at_ms, std::move(body),
                          std::move(done));
    });
  }
  Result<std::optional<StoredResult>> latest(const Series& of) {
    return await<std::optional<StoredResult>>([&](Callback<std::optional<StoredResult>> done) {
      repository_->latest(of, std::move(done));
    });
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

TEST_F(StoreResultsRepositoryTest, RecordsAreBinarySafe) {
  const std::string body = "{\"x\":\"\xFF\0\n,:\"}"s;
  ASSERT_TRUE(record(run("1"), kStartMs, body));
  Result<RecordOutcome> again = record(run("1"), kStartMs, body);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again.value().duplicate);
  EXPECT_EQ(latest_record(series()), body);
}

TEST_F(StoreResultsRepositoryTest, PurgeReclaimsTheResultAndItsRunItem) {
  ASSERT_TRUE(record(run("1"), kStartMs, "old", kStartMs));
  now_ = kStartTime + kDefaultRetention.count();
  Result<std::size_t> purged = await<std::size_t>(
      [&](Callback<std::size_t> done) { store_->purge_expired(std::move(done)); });
  ASSERT_TRUE(purged);
  EXPECT_EQ(purged.value(), 2u);
  // Once forgotten, the run may be posted again.
  Result<RecordOutcome> again = record(run("1"), kStartMs, "new", now_ * 1000);
  ASSERT_TRUE(again);
  EXPECT_FALSE(again.value().duplicate);
}

TEST_F(StoreResultsRepositoryTest, AcceptsTheWholeReceiveRange) {
  // The DynamoDB repository stops at year 9999 (its CreatedAt is an ISO date); this one takes
  // every receive time an id can hold.
  EXPECT_TRUE(record(run("1"), 9'999'999'999'999, "max", (std::int64_t{1} << 48) - 1));
  EXPECT_EQ(latest_record(series()), "max");
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
