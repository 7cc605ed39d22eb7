// The Store on a local SQLite database (WAL mode), for single-node deployments and tests.
//
// Layout: one file, `<data_dir>/badgesmith.db`, holding a `schema_migrations` table and an `items`
// table keyed by (pk, sk). Sort keys are compared bytewise (memcmp order), whatever bytes they
// hold.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "core/async/work_pool.h"
#include "core/result.h"
#include "core/store/store.h"

namespace badgesmith::store {

// Thread-safety: safe to share between threads, as Store promises. Each operation runs on the
// WorkPool on a pooled connection (at most one per concurrently running job), never on the
// caller's thread; its callback runs once, on that pool thread. The only exception: when the pool
// has been shut down, the callback runs inline with Errc::kUpstreamUnavailable, since nothing else
// is left to run it.
//
// Lifetime: the store may be destroyed while operations are in flight (they keep the connections
// alive and still complete). The WorkPool must outlive every call made on the store.
//
// Errors: busy/locked/I-O failures of SQLite are Errc::kUpstreamUnavailable (retry later), any
// other SQLite failure is Errc::kInternal; messages are generic and never hold SQL or paths.
class SqliteStore final : public Store {
 public:
  // The database file inside the data directory.
  static constexpr std::string_view kFileName = "badgesmith.db";

  // The highest schema version this binary knows (the last migration's).
  static std::int64_t latest_schema_version() noexcept;

  // Unix seconds from the system clock; the default clock of open().
  static std::int64_t system_unix_seconds() noexcept;

  // Creates `data_dir` (missing components with mode 0700) and the database file (mode 0600) if
  // absent, switches it to WAL mode and applies every pending migration in one transaction.
  // Runs synchronously on the caller's thread: it is start-up work.
  // `now_unix_seconds` decides expiry; it is called on pool threads, concurrently, so it must be
  // thread-safe. `pool` is borrowed, see Lifetime above.
  // Fails with kInvalidArgument for an empty `data_dir`; with kInternal when the directory cannot
  // be created, the file is not a database, or its schema is newer than latest_schema_version();
  // with kUpstreamUnavailable when the file is locked or unreadable.
  static Result<std::unique_ptr<SqliteStore>> open(
      const std::filesystem::path& data_dir, async::WorkPool& pool,
      std::function<std::int64_t()> now_unix_seconds = &SqliteStore::system_unix_seconds);

  ~SqliteStore() override;

  // Store. put_all additionally fails with kInvalidArgument when two writes share a key, as
  // DynamoDB's TransactWriteItems does. query fails with kInvalidArgument for a limit outside
  // 1..1000 or a cursor issued for another partition, prefix or direction.
  void put(Write write, Callback<void> done) override;
  void put_all(std::vector<Write> writes, Callback<void> done) override;
  void get(Key key, Callback<std::optional<Item>> done) override;
  void query(QueryRequest request, Callback<QueryPage> done) override;
  void probe(Callback<void> done) override;

  // Deletes every item whose expiry has passed (expires_at <= now); completes with how many.
  // Gets and queries already hide such items, so this only reclaims space: call it periodically.
  void purge_expired(Callback<std::size_t> done);

  // Copies a consistent snapshot of the live database into the new file `file` with SQLite's
  // online backup, while other connections keep reading and writing. Synchronous: it blocks the
  // caller (meant for the CLI, or a pool thread), so never call it on an I/O thread.
  // The copy is a self-contained rollback-journal database with mode 0600.
  // Fails with kConflict when `file` already exists (it is left untouched), with
  // kUpstreamUnavailable when the database stays busy or an I/O error occurs, kInternal otherwise;
  // on failure no partial copy is left behind.
  Result<void> backup_to(const std::filesystem::path& file);

 private:
  struct State;

  SqliteStore(async::WorkPool& pool, std::shared_ptr<State> state);

  // Runs `work(connection, now)` on the pool and completes `done` with its result.
  template <class T, class Work>
  void submit(Callback<T> done, Work work);

  async::WorkPool& pool_;
  std::shared_ptr<State> state_;
};

}  // namespace badgesmith::store
