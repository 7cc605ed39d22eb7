#include "core/store/sqlite_db.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace badgesmith::store {
namespace {

namespace fs = std::filesystem;
using boost::outcome_v2::success;

// ---------------------------------------------------------------------------------------------
// Schema

struct Migration {
  std::int64_t version;
  const char* sql;  // May hold several statements.
};

// Append-only: a new migration is one new line with the next version. Never edit an applied one;
// databases in the field already ran it.
constexpr Migration kMigrations[] = {
    {1,
     "CREATE TABLE items(pk TEXT NOT NULL, sk TEXT NOT NULL, value BLOB NOT NULL,"
     " expires_at INTEGER, PRIMARY KEY(pk, sk)) WITHOUT ROWID;"
     // Partial: most items never expire, and `expires_at <= ?` implies the index's condition.
     "CREATE INDEX items_by_expiry ON items(expires_at) WHERE expires_at IS NOT NULL;"},
    // SqliteSecretStore: values sealed with AES-256-GCM; ciphertext ends with the 16-byte tag.
    // key_id names the master key that sealed the row, so a wrong key is told from tampering.
    {2,
     "CREATE TABLE secrets(owner TEXT NOT NULL, repo TEXT NOT NULL, type TEXT NOT NULL,"
     " key_id TEXT NOT NULL, nonce BLOB NOT NULL, ciphertext BLOB NOT NULL,"
     " created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,"
     " PRIMARY KEY(owner, repo, type)) WITHOUT ROWID;"},
};

constexpr bool migrations_are_consecutive() {
  std::int64_t expected = 1;
  for (const Migration& migration : kMigrations) {
    if (migration.version != expected++) return false;
  }
  return true;
}
static_assert(migrations_are_consecutive(), "migration versions must be 1, 2, 3, ... in order");

constexpr std::int64_t kLatestSchemaVersion = std::size(kMigrations);

bool is_transient(int rc) {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL:
      return true;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Start-up

// Creates missing components of `dir` with mode 0700; existing ones keep their mode.
Result<void> ensure_directory(const fs::path& dir) {
  std::error_code ec;
  if (fs::is_directory(dir, ec)) return success();
  const fs::path parent = dir.parent_path();
  if (!parent.empty() && parent != dir) {
    if (Result<void> made = ensure_directory(parent); !made) return made;
  }
  // EEXIST: another process created it meanwhile, or a non-directory is in the way (checked).
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    return make_error(Errc::kInternal,
                      std::string("cannot create the data directory: ") + std::strerror(errno));
  }
  if (!fs::is_directory(dir, ec)) {
    return make_error(Errc::kInternal, "the data directory path is not a directory");
  }
  return success();
}

// SQLite would create the file 0644; pre-creating it 0600 also fixes the WAL and shm files' mode,
// which SQLite copies from the database file. An existing file is never opened here: closing any
// descriptor of it would drop every POSIX lock this process holds on it (the other store's WAL
// read lock among them), and another process could then delete the WAL under our feet, losing
// acknowledged writes ("How To Corrupt An SQLite Database File" §2.2).
Result<void> ensure_private_file(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return success();
    return make_error(Errc::kInternal,
                      std::string("cannot create the database file: ") + std::strerror(errno));
  }
  ::close(fd);
  return success();
}

Result<void> enable_wal(Connection& connection) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(connection.db(), "PRAGMA journal_mode=WAL", -1, &raw, nullptr);
  if (rc != SQLITE_OK) return operator_error(rc, "cannot open the database");
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, &sqlite3_finalize);
  if ((rc = sqlite3_step(raw)) != SQLITE_ROW) return operator_error(rc, "cannot enable WAL mode");
  const auto* mode = reinterpret_cast<const char*>(sqlite3_column_text(raw, 0));
  // SQLite answers with the mode it kept, e.g. "delete" on a file system without shared memory.
  if (mode == nullptr || std::string_view(mode) != "wal") {
    return make_error(Errc::kInternal,
                      "cannot enable WAL mode on the data directory's file system");
  }
  return success();
}

Result<std::int64_t> current_schema_version(Connection& connection) {
  sqlite3_stmt* raw = nullptr;
  int rc =
      sqlite3_prepare_v2(connection.db(), "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
                         -1, &raw, nullptr);
  if (rc != SQLITE_OK) return operator_error(rc, "cannot read the schema version");
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, &sqlite3_finalize);
  if ((rc = sqlite3_step(raw)) != SQLITE_ROW) {
    return operator_error(rc, "cannot read the schema version");
  }
  return sqlite3_column_int64(raw, 0);
}

Result<void> record_migration(Connection& connection, std::int64_t version, std::int64_t now) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(connection.db(),
                              "INSERT INTO schema_migrations(version, applied_at) VALUES(?1, ?2)",
                              -1, &raw, nullptr);
  if (rc != SQLITE_OK) return operator_error(rc, "cannot record a migration");
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, &sqlite3_finalize);
  sqlite3_bind_int64(raw, 1, version);
  sqlite3_bind_int64(raw, 2, now);
  if ((rc = sqlite3_step(raw)) != SQLITE_DONE)
    return operator_error(rc, "cannot record a migration");
  return success();
}

// All pending migrations in one IMMEDIATE transaction: a crash leaves the old schema, and two
// processes starting at once cannot both migrate (the second sees the first's versions).
Result<void> migrate(Connection& connection, std::int64_t now) {
  int rc = connection.exec("BEGIN IMMEDIATE");
  if (rc != SQLITE_OK) return operator_error(rc, "cannot start the schema migration");
  Result<void> outcome = [&]() -> Result<void> {
    rc = connection.exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations("
        "version INTEGER PRIMARY KEY, applied_at INTEGER)");
    if (rc != SQLITE_OK) return operator_error(rc, "cannot create the migrations table");
    Result<std::int64_t> current = current_schema_version(connection);
    if (!current) return current.error();
    if (current.value() > kLatestSchemaVersion) {
      return make_error(Errc::kInternal,
                        "the database schema (version " + std::to_string(current.value()) +
                            ") is newer than this binary supports (version " +
                            std::to_string(kLatestSchemaVersion) + "); upgrade badgesmith");
    }
    for (const Migration& migration : kMigrations) {
      if (migration.version <= current.value()) continue;
      if ((rc = connection.exec(migration.sql)) != SQLITE_OK) {
        return operator_error(rc,
                              "schema migration " + std::to_string(migration.version) + " failed");
      }
      if (Result<void> recorded = record_migration(connection, migration.version, now); !recorded) {
        return recorded;
      }
    }
    if ((rc = connection.exec("COMMIT")) != SQLITE_OK) {
      return operator_error(rc, "cannot commit the schema migration");
    }
    return success();
  }();
  if (!outcome && connection.in_transaction()) connection.exec("ROLLBACK");
  return outcome;
}

}  // namespace

std::int64_t latest_database_schema_version() noexcept { return kLatestSchemaVersion; }

Error store_error(int rc) {
  if (is_transient(rc)) {
    return make_error(Errc::kUpstreamUnavailable, "the store is temporarily unavailable");
  }
  return make_error(Errc::kInternal, "internal store error");
}

Error operator_error(int rc, std::string_view what) {
  Error error = store_error(rc);
  error.message = std::string(what) + ": " + sqlite3_errstr(rc);
  return error;
}

Error internal_error() { return make_error(Errc::kInternal, "internal store error"); }

// ---------------------------------------------------------------------------------------------
// Connection

int Connection::open(const std::string& path, bool create, std::span<const std::string> statements,
                     std::unique_ptr<Connection>* out) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  // Closes db on failure.
  auto connection = std::unique_ptr<Connection>(new Connection(db, statements));
  if (rc != SQLITE_OK) return rc;
  sqlite3_extended_result_codes(db, 1);
  if ((rc = sqlite3_busy_timeout(db, kBusyTimeoutMs)) != SQLITE_OK) return rc;
  // Per connection, not persistent. NORMAL is durable up to the last checkpoint-free commits
  // on power loss, and never corrupts in WAL mode.
  if ((rc = connection->exec("PRAGMA synchronous=NORMAL")) != SQLITE_OK) return rc;
  *out = std::move(connection);
  return SQLITE_OK;
}

Connection::Connection(sqlite3* db, std::span<const std::string> statements)
    : db_(db), sql_(statements), statements_(statements.size(), nullptr) {}

Connection::~Connection() {
  for (sqlite3_stmt* statement : statements_) sqlite3_finalize(statement);
  for (sqlite3_stmt* statement : transaction_statements_) sqlite3_finalize(statement);
  // close_v2 tolerates a null handle and never leaves a zombie we could leak.
  sqlite3_close_v2(db_);
}

int Connection::prepare(const std::string& sql, sqlite3_stmt** slot) {
  if (*slot != nullptr) return SQLITE_OK;
  return sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()) + 1,
                            SQLITE_PREPARE_PERSISTENT, slot, nullptr);
}

int Connection::statement(std::size_t id, sqlite3_stmt** out) {
  const int rc = prepare(sql_[id], &statements_[id]);
  if (rc == SQLITE_OK) *out = statements_[id];
  return rc;
}

Result<void> Connection::run_transaction_statement(Transaction id) {
  static const std::array<std::string, kTransactionCount> kSql = {"BEGIN IMMEDIATE", "COMMIT",
                                                                  "ROLLBACK"};
  if (const int rc = prepare(kSql[id], &transaction_statements_[id]); rc != SQLITE_OK) {
    return store_error(rc);
  }
  StatementUse use(transaction_statements_[id]);
  if (const int rc = use.step(); rc != SQLITE_DONE) return store_error(rc);
  return success();
}

Result<void> Connection::begin_immediate() { return run_transaction_statement(kBegin); }

Result<void> Connection::commit() { return run_transaction_statement(kCommit); }

void Connection::rollback() {
  if (in_transaction()) (void)run_transaction_statement(kRollback);
}

// ---------------------------------------------------------------------------------------------
// ConnectionPool

ConnectionPool::ConnectionPool(std::string path, std::span<const std::string> statements)
    : path_(std::move(path)), statements_(statements) {}

Result<std::unique_ptr<Connection>> ConnectionPool::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Connection> connection = std::move(idle_.back());
      idle_.pop_back();
      return connection;
    }
  }
  // Opened outside the lock: opening touches the file system.
  std::unique_ptr<Connection> connection;
  if (const int rc = Connection::open(path_, /*create=*/false, statements_, &connection);
      rc != SQLITE_OK) {
    return store_error(rc);
  }
  return connection;
}

void ConnectionPool::release(std::unique_ptr<Connection> connection) {
  if (connection->in_transaction()) return;
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(connection));
}

Result<std::shared_ptr<ConnectionPool>> open_database(const std::filesystem::path& data_dir,
                                                      std::span<const std::string> statements,
                                                      std::int64_t now) {
  if (Result<void> made = ensure_directory(data_dir); !made) return made.error();
  const fs::path file = data_dir / kDatabaseFileName;
  if (Result<void> made = ensure_private_file(file); !made) return made.error();
  auto pool = std::make_shared<ConnectionPool>(file.native(), statements);
  std::unique_ptr<Connection> connection;
  if (const int rc = Connection::open(pool->path(), /*create=*/true, statements, &connection);
      rc != SQLITE_OK) {
    return operator_error(rc, "cannot open the database");
  }
  // WAL is persistent in the file, so setting it once here covers every later connection.
  if (Result<void> wal = enable_wal(*connection); !wal) return wal.error();
  if (Result<void> migrated = migrate(*connection, now); !migrated) return migrated.error();
  pool->release(std::move(connection));
  return pool;
}

}  // namespace badgesmith::store
