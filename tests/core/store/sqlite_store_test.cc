#include "core/store/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <latch>
#include <memory>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "core/async/work_pool.h"
#include "store_test_util.h"

namespace badgesmith::store {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr std::int64_t kStartTime = 1'700'000'000;

Write make_write(std::string partition, std::string sort, std::string value,
                 PutMode mode = PutMode::kOverwrite,
                 std::optional<std::int64_t> expires_at = std::nullopt) {
  return Write{Item{Key{std::move(partition), std::move(sort)}, std::move(value), expires_at},
               mode};
}

unsigned permissions(const fs::path& path) {
  struct stat info {};
  EXPECT_EQ(::stat(path.c_str(), &info), 0);
  return info.st_mode & 0777;
}

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { store_ = open_store(); }

  std::unique_ptr<SqliteStore> open_store() {
    Result<std::unique_ptr<SqliteStore>> opened =
        SqliteStore::open(data_dir_, pool_, [this] { return now_.load(); });
    if (!opened) {
      ADD_FAILURE() << "open failed: " << opened.error().message;
      return nullptr;
    }
    return std::move(opened).value();
  }

  fs::path db_file() const { return data_dir_ / SqliteStore::kFileName; }

  Result<void> put(Write write) {
    return await<void>([&](Callback<void> done) { store_->put(std::move(write), done); });
  }
  Result<void> put_all(std::vector<Write> writes) {
    return await<void>([&](Callback<void> done) { store_->put_all(std::move(writes), done); });
  }
  Result<std::optional<Item>> get(std::string partition, std::string sort) {
    return await<std::optional<Item>>([&](Callback<std::optional<Item>> done) {
      store_->get(Key{std::move(partition), std::move(sort)}, done);
    });
  }
  Result<QueryPage> query(QueryRequest request) {
    return await<QueryPage>(
        [&](Callback<QueryPage> done) { store_->query(std::move(request), done); });
  }
  // The sort keys of every page of `request`, following cursors; fails the test on errors.
  std::vector<std::string> query_all(QueryRequest request, std::size_t* pages = nullptr) {
    std::vector<std::string> keys;
    std::size_t count = 0;
    for (;;) {
      Result<QueryPage> page = query(request);
      if (!page) {
        ADD_FAILURE() << page.error().message;
        break;
      }
      ++count;
      EXPECT_LE(page.value().items.size(), request.limit);
      for (const Item& item : page.value().items) keys.push_back(item.key.sort);
      if (page.value().next_cursor.empty()) break;
      EXPECT_FALSE(page.value().items.empty()) << "a cursor led to an empty page";
      request.cursor = page.value().next_cursor;
      if (count > 10'000) {
        ADD_FAILURE() << "paging does not terminate";
        break;
      }
    }
    if (pages != nullptr) *pages = count;
    return keys;
  }

  TempDir temp_;
  fs::path data_dir_ = temp_.path() / "nested" / "data";
  std::atomic<std::int64_t> now_{kStartTime};
  async::WorkPool pool_{4};  // Declared after what its jobs use, so it drains first.
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(SqliteStoreTest, CreatesPrivateDirectoryAndFileInWalMode) {
  ASSERT_NE(store_, nullptr);
  EXPECT_TRUE(fs::is_directory(data_dir_));
  EXPECT_EQ(permissions(data_dir_), 0700u);
  EXPECT_EQ(permissions(data_dir_.parent_path()), 0700u);
  ASSERT_TRUE(fs::is_regular_file(db_file()));
  EXPECT_EQ(permissions(db_file()), 0600u);
  RawDb raw(db_file());
  EXPECT_EQ(raw.scalar("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(raw.scalar("SELECT MAX(version) FROM schema_migrations"),
            std::to_string(SqliteStore::latest_schema_version()));
  EXPECT_EQ(raw.scalar("SELECT applied_at FROM schema_migrations WHERE version = 1"),
            std::to_string(kStartTime));
}

TEST_F(SqliteStoreTest, RefusesADataDirectoryThatIsAFile) {
  const fs::path file = temp_.path() / "plain-file";
  std::ofstream(file) << "x";
  Result<std::unique_ptr<SqliteStore>> opened = SqliteStore::open(file, pool_);
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, Errc::kInternal);
}

TEST_F(SqliteStoreTest, ReopenKeepsDataAndDoesNotReapplyMigrations) {
  ASSERT_TRUE(put(make_write("p", "s", "kept")));
  store_.reset();
  now_ += 3600;
  store_ = open_store();
  ASSERT_NE(store_, nullptr);
  Result<std::optional<Item>> item = get("p", "s");
  ASSERT_TRUE(item);
  ASSERT_TRUE(item.value().has_value());
  EXPECT_EQ(item.value()->value, "kept");
  RawDb raw(db_file());
  EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM schema_migrations"),
            std::to_string(SqliteStore::latest_schema_version()));
  // Still the first open's time: nothing was applied again.
  EXPECT_EQ(raw.scalar("SELECT MAX(applied_at) FROM schema_migrations"),
            std::to_string(kStartTime));
}

TEST_F(SqliteStoreTest, RefusesANewerSchemaVersion) {
  store_.reset();
  {
    RawDb raw(db_file());
    raw.exec("INSERT INTO schema_migrations(version, applied_at) VALUES(" +
             std::to_string(SqliteStore::latest_schema_version() + 1) + ", 0)");
  }
  Result<std::unique_ptr<SqliteStore>> opened = SqliteStore::open(data_dir_, pool_);
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, Errc::kInternal);
  EXPECT_NE(opened.error().message.find("newer"), std::string::npos) << opened.error().message;
  EXPECT_EQ(opened.error().message.find(data_dir_.native()), std::string::npos);
}

TEST_F(SqliteStoreTest, PutThenGet) {
  Result<std::optional<Item>> missing = get("p", "s");
  ASSERT_TRUE(missing);
  EXPECT_FALSE(missing.value().has_value());

  // Binary values and keys with NUL bytes survive the round trip.
  const std::string value("v\0\xff\x01", 4);
  const std::string sort("s\0t", 3);
  ASSERT_TRUE(put(make_write("p", sort, value, PutMode::kOverwrite, kStartTime + 60)));
  Result<std::optional<Item>> item = get("p", sort);
  ASSERT_TRUE(item);
  ASSERT_TRUE(item.value().has_value());
  EXPECT_EQ(item.value()->key.partition, "p");
  EXPECT_EQ(item.value()->key.sort, sort);
  EXPECT_EQ(item.value()->value, value);
  EXPECT_EQ(item.value()->expires_at, kStartTime + 60);
  Result<std::optional<Item>> prefix_only = get("p", "s");
  ASSERT_TRUE(prefix_only);
  EXPECT_FALSE(prefix_only.value().has_value());

  ASSERT_TRUE(put(make_write("p", "empty", "")));
  Result<std::optional<Item>> empty = get("p", "empty");
  ASSERT_TRUE(empty);
  ASSERT_TRUE(empty.value().has_value());
  EXPECT_EQ(empty.value()->value, "");
  EXPECT_EQ(empty.value()->expires_at, std::nullopt);
}

TEST_F(SqliteStoreTest, OverwriteReplacesValueAndExpiry) {
  ASSERT_TRUE(put(make_write("p", "s", "one", PutMode::kOverwrite, kStartTime + 5)));
  ASSERT_TRUE(put(make_write("p", "s", "two")));
  Result<std::optional<Item>> item = get("p", "s");
  ASSERT_TRUE(item);
  ASSERT_TRUE(item.value().has_value());
  EXPECT_EQ(item.value()->value, "two");
  EXPECT_EQ(item.value()->expires_at, std::nullopt);
}

TEST_F(SqliteStoreTest, IfAbsentConflictsWithALiveItem) {
  ASSERT_TRUE(put(make_write("p", "s", "first", PutMode::kIfAbsent)));
  Result<void> second = put(make_write("p", "s", "second", PutMode::kIfAbsent));
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, Errc::kConflict);
  Result<std::optional<Item>> item = get("p", "s");
  ASSERT_TRUE(item);
  ASSERT_TRUE(item.value().has_value());
  EXPECT_EQ(item.value()->value, "first");
  // Other keys of the partition are unaffected.
  EXPECT_TRUE(put(make_write("p", "t", "other", PutMode::kIfAbsent)));
}

TEST_F(SqliteStoreTest, ExpiredItemIsInvisibleAndReplaceable) {
  ASSERT_TRUE(put(make_write("p", "s", "old", PutMode::kIfAbsent, kStartTime + 10)));
  now_ = kStartTime + 9;
  Result<std::optional<Item>> live = get("p", "s");
  ASSERT_TRUE(live);
  EXPECT_TRUE(live.value().has_value());
  EXPECT_EQ(put(make_write("p", "s", "x", PutMode::kIfAbsent)).error().code, Errc::kConflict);

  now_ = kStartTime + 10;  // expires_at is the first second the item is gone.
  Result<std::optional<Item>> expired = get("p", "s");
  ASSERT_TRUE(expired);
  EXPECT_FALSE(expired.value().has_value());
  Result<QueryPage> page = query(QueryRequest{"p", "", false, 10, ""});
  ASSERT_TRUE(page);
  EXPECT_TRUE(page.value().items.empty());

  ASSERT_TRUE(put(make_write("p", "s", "new", PutMode::kIfAbsent)));
  Result<std::optional<Item>> replaced = get("p", "s");
  ASSERT_TRUE(replaced);
  ASSERT_TRUE(replaced.value().has_value());
  EXPECT_EQ(replaced.value()->value, "new");
  EXPECT_EQ(replaced.value()->expires_at, std::nullopt);
}

TEST_F(SqliteStoreTest, PutAllWritesEveryItem) {
  ASSERT_TRUE(put(make_write("p", "b", "old")));
  ASSERT_TRUE(put_all({make_write("p", "a", "1", PutMode::kIfAbsent),
                       make_write("p", "b", "2", PutMode::kOverwrite),
                       make_write("q", "c", "3", PutMode::kIfAbsent)}));
  for (const auto& [partition, sort, value] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"p", "a", "1"}, {"p", "b", "2"}, {"q", "c", "3"}}) {
    Result<std::optional<Item>> item = get(partition, sort);
    ASSERT_TRUE(item);
    ASSERT_TRUE(item.value().has_value()) << partition << "/" << sort;
    EXPECT_EQ(item.value()->value, value);
  }
}

TEST_F(SqliteStoreTest, PutAllConflictWritesNothing) {
  ASSERT_TRUE(put(make_write("p", "taken", "original")));
  Result<void> batch = put_all({make_write("p", "a", "1", PutMode::kIfAbsent),
                                make_write("p", "overwritten?", "2", PutMode::kOverwrite),
                                make_write("p", "taken", "3", PutMode::kIfAbsent),
                                make_write("p", "z", "4", PutMode::kIfAbsent)});
  ASSERT_FALSE(batch);
  EXPECT_EQ(batch.error().code, Errc::kConflict);
  for (const char* sort : {"a", "overwritten?", "z"}) {
    Result<std::optional<Item>> item = get("p", sort);
    ASSERT_TRUE(item);
    EXPECT_FALSE(item.value().has_value()) << sort;
  }
  Result<std::optional<Item>> taken = get("p", "taken");
  ASSERT_TRUE(taken);
  ASSERT_TRUE(taken.value().has_value());
  EXPECT_EQ(taken.value()->value, "original");
  RawDb raw(db_file());
  EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM items"), "1");
  // The connection that rolled back is healthy for the next batch.
  EXPECT_TRUE(put_all({make_write("p", "a", "1", PutMode::kIfAbsent)}));
}

TEST_F(SqliteStoreTest, PutAllValidatesBatchSize) {
  Result<void> empty = put_all({});
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, Errc::kInvalidArgument);

  std::vector<Write> writes;
  for (int i = 0; i < 101; ++i) writes.push_back(make_write("p", std::to_string(i), "v"));
  Result<void> too_many = put_all(writes);
  ASSERT_FALSE(too_many);
  EXPECT_EQ(too_many.error().code, Errc::kInvalidArgument);
  RawDb raw(db_file());
  EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM items"), "0");

  writes.pop_back();
  ASSERT_TRUE(put_all(writes));
  EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM items"), "100");
}

TEST_F(SqliteStoreTest, PutAllRejectsTheSameKeyTwice) {
  Result<void> batch = put_all({make_write("p", "s", "1"), make_write("p", "s", "2")});
  ASSERT_FALSE(batch);
  EXPECT_EQ(batch.error().code, Errc::kInvalidArgument);
}

class SqliteStoreQueryTest : public SqliteStoreTest {
 protected:
  void SetUp() override {
    SqliteStoreTest::SetUp();
    std::vector<Write> batch;
    for (int i = 0; i < 250; ++i) {
      char sort[32];
      std::snprintf(sort, sizeof sort, "item#%03d", i);
      batch.push_back(make_write("p", sort, std::to_string(i)));
      if (batch.size() == 100) {
        ASSERT_TRUE(put_all(std::move(batch)));
        batch.clear();
      }
      expected_.push_back(sort);
    }
    ASSERT_TRUE(put_all(std::move(batch)));
    // Neighbours that must never show up.
    ASSERT_TRUE(put_all({make_write("p", "item", "short"), make_write("p", "itemz", "after"),
                         make_write("p", "iteM#000", "case"), make_write("o", "item#001", "other"),
                         make_write("q", "item#001", "other")}));
  }

  std::vector<std::string> expected_;
};

TEST_F(SqliteStoreQueryTest, PagesAscending) {
  std::size_t pages = 0;
  EXPECT_EQ(query_all(QueryRequest{"p", "item#", false, 100, ""}, &pages), expected_);
  EXPECT_EQ(pages, 3u);

  Result<QueryPage> first = query(QueryRequest{"p", "item#", false, 100, ""});
  ASSERT_TRUE(first);
  ASSERT_EQ(first.value().items.size(), 100u);
  EXPECT_EQ(first.value().items.front().value, "0");
  EXPECT_EQ(first.value().items.front().key.partition, "p");
  EXPECT_FALSE(first.value().next_cursor.empty());
}

TEST_F(SqliteStoreQueryTest, PagesDescending) {
  std::size_t pages = 0;
  const std::vector<std::string> reversed(expected_.rbegin(), expected_.rend());
  EXPECT_EQ(query_all(QueryRequest{"p", "item#", true, 100, ""}, &pages), reversed);
  EXPECT_EQ(pages, 3u);
  EXPECT_EQ(query_all(QueryRequest{"p", "item#", true, 7, ""}), reversed);
}

TEST_F(SqliteStoreQueryTest, ExactMultipleOfTheLimitHasNoEmptyLastPage) {
  std::size_t pages = 0;
  EXPECT_EQ(query_all(QueryRequest{"p", "item#", false, 125, ""}, &pages), expected_);
  EXPECT_EQ(pages, 2u);
  EXPECT_EQ(query_all(QueryRequest{"p", "item#", true, 250, ""}, &pages).size(), 250u);
  EXPECT_EQ(pages, 1u);
}

TEST_F(SqliteStoreQueryTest, NarrowerPrefixAndWholePartition) {
  EXPECT_EQ(query_all(QueryRequest{"p", "item#24", false, 3, ""}),
            (std::vector<std::string>{"item#240", "item#241", "item#242", "item#243", "item#244",
                                      "item#245", "item#246", "item#247", "item#248", "item#249"}));
  // Empty prefix: the whole partition, in memcmp order ('M' < 'm', "item" < "item#...").
  const std::vector<std::string> all = query_all(QueryRequest{"p", "", false, 1000, ""});
  ASSERT_EQ(all.size(), 253u);
  EXPECT_EQ(all.front(), "iteM#000");
  EXPECT_EQ(all[1], "item");
  EXPECT_EQ(all.back(), "itemz");
  const std::vector<std::string> none = query_all(QueryRequest{"nobody", "", false, 10, ""});
  EXPECT_TRUE(none.empty());
}

TEST_F(SqliteStoreQueryTest, ValidatesLimit) {
  for (std::size_t limit : {std::size_t{0}, std::size_t{1001}}) {
    Result<QueryPage> page = query(QueryRequest{"p", "", false, limit, ""});
    ASSERT_FALSE(page);
    EXPECT_EQ(page.error().code, Errc::kInvalidArgument);
  }
  EXPECT_TRUE(query(QueryRequest{"p", "", false, 1000, ""}));
  EXPECT_TRUE(query(QueryRequest{"p", "", false, 1, ""}));
}

TEST_F(SqliteStoreQueryTest, RejectsForeignAndMalformedCursors) {
  Result<QueryPage> first = query(QueryRequest{"p", "item#", false, 10, ""});
  ASSERT_TRUE(first);
  const std::string cursor = first.value().next_cursor;
  ASSERT_FALSE(cursor.empty());
  const std::vector<QueryRequest> wrong_scope = {
      {"q", "item#", false, 10, cursor},   // Other partition.
      {"p", "item#0", false, 10, cursor},  // Other prefix.
      {"p", "item#", true, 10, cursor},    // Other direction.
      {"p", "item#", false, 10, "!!!"},    // Not base64url.
      {"p", "item#", false, 10, "AAAA"},   // Too short.
      {"p", "item#", false, 10, cursor.substr(0, cursor.size() - 1) + "+"},
      {"p", "item#", false, 10, "x" + cursor},
  };
  for (const QueryRequest& request : wrong_scope) {
    Result<QueryPage> page = query(request);
    ASSERT_FALSE(page) << request.cursor;
    EXPECT_EQ(page.error().code, Errc::kInvalidArgument) << request.cursor;
  }
  // A different limit is fine: the cursor only pins what defines the sequence.
  Result<QueryPage> next = query(QueryRequest{"p", "item#", false, 5, cursor});
  ASSERT_TRUE(next);
  ASSERT_EQ(next.value().items.size(), 5u);
  EXPECT_EQ(next.value().items.front().key.sort, "item#010");
}

TEST_F(SqliteStoreTest, QueryPrefixMatchesRawBytes) {
  const std::vector<std::string> keys = {
      "a",
      "a%",
      "a%b",
      "a%c",
      "a_b",
      "ab",
      "a\xfe\xff",
      "a\xff",
      "a\xff\xff",
      "a\xff\xff\x01",
      "b",
      "\xff",
      "\xff\xff",
      "\xff\xff\xff",
      std::string("a\xff\0z", 4),
      std::string("a\0b", 3),
  };
  std::vector<Write> batch;
  for (const std::string& key : keys) batch.push_back(make_write("p", key, "v"));
  ASSERT_TRUE(put_all(batch));

  const auto sorted_matches = [&](const std::string& prefix, bool descending) {
    std::vector<std::string> matches;
    for (const std::string& key : keys) {
      if (key.starts_with(prefix)) matches.push_back(key);
    }
    std::sort(matches.begin(), matches.end());  // std::string compares as unsigned bytes.
    if (descending) std::reverse(matches.begin(), matches.end());
    return matches;
  };
  for (const std::string& prefix :
       {std::string("a%"), std::string("a_"), std::string("a\xff"), std::string("a\xff\xff"),
        std::string("\xff"), std::string("\xff\xff"), std::string("a\0", 2), std::string("a")}) {
    for (const bool descending : {false, true}) {
      for (const std::size_t limit : {std::size_t{1}, std::size_t{2}, std::size_t{100}}) {
        EXPECT_EQ(query_all(QueryRequest{"p", prefix, descending, limit, ""}),
                  sorted_matches(prefix, descending))
            << "prefix of " << prefix.size() << " bytes, descending " << descending << ", limit "
            << limit;
      }
    }
  }
}

TEST_F(SqliteStoreTest, Probe) {
  EXPECT_TRUE(await<void>([&](Callback<void> done) { store_->probe(done); }));
  ASSERT_TRUE(put(make_write("p", "s", "v")));
  EXPECT_TRUE(await<void>([&](Callback<void> done) { store_->probe(done); }));
}

TEST_F(SqliteStoreTest, PurgeExpiredDeletesOnlyExpiredRows) {
  std::vector<Write> batch;
  for (int i = 0; i < 98; ++i) {
    batch.push_back(
        make_write("p", "gone" + std::to_string(i), "v", PutMode::kOverwrite, kStartTime + 10));
  }
  batch.push_back(make_write("p", "later", "v", PutMode::kOverwrite, kStartTime + 1000));
  batch.push_back(make_write("p", "forever", "v"));
  ASSERT_TRUE(put_all(batch));
  for (int i = 0; i < 700; i += 100) {  // More than one purge batch.
    batch.clear();
    for (int j = 0; j < 100; ++j) {
      batch.push_back(
          make_write("q", std::to_string(i + j), "v", PutMode::kOverwrite, kStartTime + 5));
    }
    ASSERT_TRUE(put_all(batch));
  }

  const auto purge = [&] {
    return await<std::size_t>([&](Callback<std::size_t> done) { store_->purge_expired(done); });
  };
  Result<std::size_t> nothing = purge();
  ASSERT_TRUE(nothing);
  EXPECT_EQ(nothing.value(), 0u);

  now_ = kStartTime + 10;
  Result<std::size_t> purged = purge();
  ASSERT_TRUE(purged);
  EXPECT_EQ(purged.value(), 798u);
  RawDb raw(db_file());
  EXPECT_EQ(raw.column("SELECT sk FROM items ORDER BY sk"),
            (std::vector<std::string>{"forever", "later"}));
}

TEST_F(SqliteStoreTest, CallbacksNeverRunOnTheCallingThread) {
  const std::thread::id caller = std::this_thread::get_id();
  const auto check = [&](auto start) {
    auto promise = std::make_shared<std::promise<std::thread::id>>();
    std::future<std::thread::id> ran_on = promise->get_future();
    start([promise](auto) { promise->set_value(std::this_thread::get_id()); });
    ASSERT_EQ(ran_on.wait_for(30s), std::future_status::ready);
    EXPECT_NE(ran_on.get(), caller);
  };
  check([&](auto cb) { store_->put(make_write("p", "s", "v"), cb); });
  check([&](auto cb) { store_->put(make_write("p", "s", "v", PutMode::kIfAbsent), cb); });
  check([&](auto cb) { store_->put_all({make_write("p", "t", "v")}, cb); });
  check([&](auto cb) { store_->put_all({}, cb); });  // Even validation failures.
  check([&](auto cb) { store_->get(Key{"p", "s"}, cb); });
  check([&](auto cb) { store_->query(QueryRequest{"p", "", false, 10, ""}, cb); });
  check([&](auto cb) { store_->query(QueryRequest{"p", "", false, 0, ""}, cb); });
  check([&](auto cb) { store_->probe(cb); });
  check([&](auto cb) { store_->purge_expired(cb); });
}

TEST_F(SqliteStoreTest, ConcurrentIfAbsentHasExactlyOneWinner) {
  constexpr int kThreads = 16;
  constexpr int kRounds = 10;
  // A pool as wide as the callers, so the puts really race on separate connections.
  async::WorkPool wide_pool(kThreads);
  Result<std::unique_ptr<SqliteStore>> opened =
      SqliteStore::open(data_dir_, wide_pool, [this] { return now_.load(); });
  ASSERT_TRUE(opened);
  SqliteStore& store = *opened.value();

  for (int round = 0; round < kRounds; ++round) {
    std::atomic<int> winners{0};
    std::atomic<int> conflicts{0};
    std::atomic<int> others{0};
    std::latch start(kThreads);
    std::latch finished(kThreads);
    std::vector<std::thread> callers;
    for (int t = 0; t < kThreads; ++t) {
      callers.emplace_back([&, t] {
        start.arrive_and_wait();
        store.put(make_write("race", std::to_string(round), std::to_string(t), PutMode::kIfAbsent),
                  [&](Result<void> result) {
                    if (result) {
                      ++winners;
                    } else if (result.error().code == Errc::kConflict) {
                      ++conflicts;
                    } else {
                      ++others;
                    }
                    finished.count_down();
                  });
      });
    }
    for (std::thread& caller : callers) caller.join();
    finished.wait();
    EXPECT_EQ(winners.load(), 1) << "round " << round;
    EXPECT_EQ(conflicts.load(), kThreads - 1) << "round " << round;
    EXPECT_EQ(others.load(), 0) << "round " << round;
  }
  opened.value().reset();
  wide_pool.shutdown();
}

TEST_F(SqliteStoreTest, BackupCopiesItemsAndRefusesToOverwrite) {
  ASSERT_TRUE(put_all({make_write("p", "a", "1"), make_write("p", "b", std::string("\0\xff", 2)),
                       make_write("q", "c", "3", PutMode::kOverwrite, kStartTime + 99)}));
  const fs::path backup = temp_.path() / "backup.db";
  Result<void> done = store_->backup_to(backup);
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(permissions(backup), 0600u);
  {
    RawDb raw(backup);
    EXPECT_EQ(raw.scalar("PRAGMA journal_mode"), "delete");
    EXPECT_EQ(raw.column("SELECT pk || '/' || sk FROM items ORDER BY pk, sk"),
              (std::vector<std::string>{"p/a", "p/b", "q/c"}));
    EXPECT_EQ(raw.scalar("SELECT value FROM items WHERE sk = 'b'"), std::string("\0\xff", 2));
    EXPECT_EQ(raw.scalar("SELECT expires_at FROM items WHERE sk = 'c'"),
              std::to_string(kStartTime + 99));
    EXPECT_EQ(raw.scalar("SELECT MAX(version) FROM schema_migrations"),
              std::to_string(SqliteStore::latest_schema_version()));
  }
  EXPECT_FALSE(fs::exists(backup.native() + "-wal"));

  // The store keeps working, and a second backup never clobbers the first.
  ASSERT_TRUE(put(make_write("p", "d", "4")));
  Result<void> again = store_->backup_to(backup);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, Errc::kConflict);
  RawDb raw(backup);
  EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM items"), "3");
}

TEST_F(SqliteStoreTest, BackupIntoAMissingDirectoryFailsWithoutLeftovers) {
  Result<void> done = store_->backup_to(temp_.path() / "missing" / "backup.db");
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().code, Errc::kInternal);
  EXPECT_FALSE(fs::exists(temp_.path() / "missing"));
}

TEST_F(SqliteStoreTest, OperationsAfterPoolShutdownFailAsUnavailable) {
  pool_.shutdown();
  Result<std::optional<Item>> item = get("p", "s");
  ASSERT_FALSE(item);
  EXPECT_EQ(item.error().code, Errc::kUpstreamUnavailable);
}

}  // namespace
}  // namespace badgesmith::store
