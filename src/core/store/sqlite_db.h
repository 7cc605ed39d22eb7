// The plumbing shared by the stores that live in one SQLite file, `<data_dir>/badgesmith.db`
// (SqliteStore's items, SqliteSecretStore's secrets): creating, migrating and opening the file,
// pooled connections with cached prepared statements, running work on the WorkPool, and mapping
// SQLite result codes to Errors. Private to core/store: features see only the store interfaces.
#pragma once

#include <sqlite3.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/async/work_pool.h"
#include "core/result.h"

namespace badgesmith::store {

// The database file inside the data directory.
inline constexpr std::string_view kDatabaseFileName = "badgesmith.db";

// How long a connection waits for another's write lock before failing with SQLITE_BUSY.
inline constexpr int kBusyTimeoutMs = 5000;

// The highest schema version this binary knows (the last migration's).
std::int64_t latest_database_schema_version() noexcept;

// For request paths: busy/locked/I-O failures are kUpstreamUnavailable (retrying may help),
// anything else kInternal; the message is generic.
Error store_error(int rc);

// For start-up and the CLI, where an operator reads the message: `what` plus sqlite3_errstr,
// which names only the class of failure ("database is locked"), never SQL or a path.
Error operator_error(int rc, std::string_view what);

Error internal_error();

// Resets and unbinds a cached statement when a use ends, so it never pins a read transaction
// (which would stall WAL checkpoints) or a dangling binding.
class StatementUse {
 public:
  explicit StatementUse(sqlite3_stmt* statement) : statement_(statement) {}
  ~StatementUse() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }
  StatementUse(const StatementUse&) = delete;
  StatementUse& operator=(const StatementUse&) = delete;

  sqlite3_stmt* get() const { return statement_; }

  // Binds bytes as TEXT: keys must all have the same storage class for memcmp ordering to hold.
  // REQUIRES: `text` outlives this use (bound without copying).
  int bind_text(int index, std::string_view text) {
    return sqlite3_bind_text64(statement_, index, text.data(), text.size(), SQLITE_STATIC,
                               SQLITE_UTF8);
  }
  // REQUIRES: `bytes` outlives this use.
  int bind_blob(int index, std::string_view bytes) {
    return sqlite3_bind_blob64(statement_, index, bytes.data(), bytes.size(), SQLITE_STATIC);
  }
  int bind_int(int index, std::int64_t value) {
    return sqlite3_bind_int64(statement_, index, value);
  }
  int bind_optional_int(int index, const std::optional<std::int64_t>& value) {
    return value ? sqlite3_bind_int64(statement_, index, *value)
                 : sqlite3_bind_null(statement_, index);
  }
  int step() { return sqlite3_step(statement_); }

  std::string column_bytes(int index) const {
    // Blob access returns TEXT unconverted; bytes must be read after the pointer.
    const void* data = sqlite3_column_blob(statement_, index);
    const int size = sqlite3_column_bytes(statement_, index);
    return data == nullptr ? std::string() : std::string(static_cast<const char*>(data), size);
  }
  std::int64_t column_int(int index) const { return sqlite3_column_int64(statement_, index); }
  std::optional<std::int64_t> column_optional_int(int index) const {
    if (sqlite3_column_type(statement_, index) == SQLITE_NULL) return std::nullopt;
    return sqlite3_column_int64(statement_, index);
  }

 private:
  sqlite3_stmt* statement_;
};

// One SQLite connection with its prepared statements. Used by one thread at a time (hence
// SQLITE_OPEN_NOMUTEX); a ConnectionPool hands it between threads under a mutex.
class Connection {
 public:
  // Opens `path` (creating it when `create`) with extended result codes, the busy timeout and
  // synchronous=NORMAL. `statements` are the SQL texts statement(id) prepares, by index; they
  // must outlive the connection (static tables). Returns an SQLite result code; on SQLITE_OK
  // `*out` holds the connection.
  static int open(const std::string& path, bool create, std::span<const std::string> statements,
                  std::unique_ptr<Connection>* out);

  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  sqlite3* db() const { return db_; }

  // Runs ad-hoc SQL (possibly several statements) without caching: start-up only.
  int exec(const char* sql) { return sqlite3_exec(db_, sql, nullptr, nullptr, nullptr); }

  // The cached statement `id`, prepared on first use. Returns an SQLite result code.
  // REQUIRES: id < the size of the table given to open().
  int statement(std::size_t id, sqlite3_stmt** out);

  // IMMEDIATE takes the write lock up front, under busy_timeout; a deferred transaction could
  // fail to upgrade half-way with SQLITE_BUSY_SNAPSHOT, which no busy handler retries.
  Result<void> begin_immediate();
  Result<void> commit();
  // Best effort: if it fails the connection is dropped instead of pooled, which rolls back.
  void rollback();

  bool in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

 private:
  enum Transaction : std::size_t { kBegin, kCommit, kRollback, kTransactionCount };

  Connection(sqlite3* db, std::span<const std::string> statements);
  int prepare(const std::string& sql, sqlite3_stmt** slot);
  Result<void> run_transaction_statement(Transaction id);

  sqlite3* db_;
  std::span<const std::string> sql_;
  std::vector<sqlite3_stmt*> statements_;
  std::array<sqlite3_stmt*, kTransactionCount> transaction_statements_{};
};

// The idle connections to one database file, for one statement table.
//
// Thread-safety: safe to share between threads.
class ConnectionPool {
 public:
  ConnectionPool(std::string path, std::span<const std::string> statements);
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  const std::string& path() const { return path_; }

  // An idle connection, or a new one. Never creates the file: if it vanished, failing beats a
  // blank schema-less database.
  Result<std::unique_ptr<Connection>> acquire();

  // Returns `connection` for reuse; one still inside a transaction is closed (rolling it back)
  // instead, since it would hold the write lock.
  void release(std::unique_ptr<Connection> connection);

 private:
  const std::string path_;
  const std::span<const std::string> statements_;
  std::mutex mutex_;
  // At most one per job running at once, so the WorkPool's size bounds them.
  std::vector<std::unique_ptr<Connection>> idle_;  // Guarded by mutex_.
};

// Creates `data_dir` (missing components with mode 0700) and the database file (mode 0600) if
// absent, switches it to WAL mode and applies every pending migration in one transaction, the
// schema version recorded at `now`. Synchronous: start-up work. Returns a pool for `statements`
// holding that first connection. Errors are operator_error()s, or kInternal when the directory
// cannot be created or the schema is newer than latest_database_schema_version().
Result<std::shared_ptr<ConnectionPool>> open_database(const std::filesystem::path& data_dir,
                                                      std::span<const std::string> statements,
                                                      std::int64_t now);

// Runs `work(Connection&) -> Result<T>` on `pool` with a pooled connection and completes `done`
// with its result on that pool thread; a throwing `work` completes with internal_error(). When
// the pool refuses the job (shut down), `done` runs inline with kUpstreamUnavailable, since
// nothing else is left to run it.
template <class T, class Work>
void run_on_pool(async::WorkPool& pool, std::shared_ptr<ConnectionPool> connections,
                 Callback<T> done, Work work) {
  // Shared so that `done` survives a refused post and can still be completed.
  auto shared_done = std::make_shared<Callback<T>>(std::move(done));
  const bool posted = pool.post(
      [connections = std::move(connections), shared_done, work = std::move(work)]() mutable {
        Result<T> result = [&]() -> Result<T> {
          try {
            Result<std::unique_ptr<Connection>> connection = connections->acquire();
            if (!connection) return connection.error();
            Result<T> worked = work(*connection.value());
            // Returned before the callback runs, so a callback issuing the next operation
            // reuses it.
            connections->release(std::move(connection).value());
            return worked;
          } catch (...) {
            // A throwing clock or allocation failure; the connection, if any, closes and rolls
            // back.
            return internal_error();
          }
        }();
        (*shared_done)(std::move(result));
      });
  if (!posted) {
    (*shared_done)(make_error(Errc::kUpstreamUnavailable, "the store is shutting down"));
  }
}

}  // namespace badgesmith::store
