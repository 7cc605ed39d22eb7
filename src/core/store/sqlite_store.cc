#include "core/store/sqlite_store.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>
#include <set>
#include <string>
#include <system_error>
#include <thread>
#include <utility>

namespace badgesmith::store {
namespace {

namespace fs = std::filesystem;
using boost::outcome_v2::success;

constexpr int kBusyTimeoutMs = 5000;
constexpr std::size_t kMaxBatchWrites = 100;
constexpr std::size_t kMaxQueryLimit = 1000;
// Bounds how long purge_expired holds the write lock at a time, so request writers never wait
// behind one huge delete.
constexpr int kPurgeBatchRows = 500;
constexpr unsigned char kCursorVersion = 1;

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

// ---------------------------------------------------------------------------------------------
// Errors

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

// For request paths: the client learns only whether retrying may help.
Error store_error(int rc) {
  if (is_transient(rc)) {
    return make_error(Errc::kUpstreamUnavailable, "the store is temporarily unavailable");
  }
  return make_error(Errc::kInternal, "internal store error");
}

// For start-up and the CLI, where an operator reads the message: sqlite3_errstr names only the
// class of failure ("database is locked"), never SQL or a path.
Error operator_error(int rc, std::string_view what) {
  Error error = store_error(rc);
  error.message = std::string(what) + ": " + sqlite3_errstr(rc);
  return error;
}

Error internal_error() { return make_error(Errc::kInternal, "internal store error"); }

Error conflict_error() {
  return make_error(Errc::kConflict, "an item with this key already exists");
}

// ---------------------------------------------------------------------------------------------
// Statements

enum StatementId : std::size_t {
  kBeginImmediate,
  kCommit,
  kRollback,
  kPutOverwrite,
  kPutIfAbsent,
  kGet,
  kProbe,
  kPurgeBatch,
  kQueryFirst,  // 8 variants, see query_statement().
  kStatementCount = kQueryFirst + 8,
};

constexpr char kPutPrefix[] =
    "INSERT INTO items(pk, sk, value, expires_at) VALUES(?1, ?2, ?3, ?4)"
    " ON CONFLICT(pk, sk) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at";

// One statement per shape rather than `?3 IS NULL OR sk < ?3`, which would keep SQLite from using
// the bounds as a range on the primary key.
std::string query_sql(bool descending, bool lower_exclusive, bool has_upper) {
  std::string sql = "SELECT sk, value, expires_at FROM items WHERE pk = ?1 AND sk ";
  sql += lower_exclusive ? ">" : ">=";
  sql += " ?2";
  if (has_upper) sql += " AND sk < ?3";
  sql += " AND (expires_at IS NULL OR expires_at > ?4) ORDER BY sk ";
  sql += descending ? "DESC" : "ASC";
  sql += " LIMIT ?5";
  return sql;
}

std::size_t query_statement(bool descending, bool lower_exclusive, bool has_upper) {
  return kQueryFirst + (descending ? 4 : 0) + (lower_exclusive ? 2 : 0) + (has_upper ? 1 : 0);
}

const std::array<std::string, kStatementCount>& statement_sql() {
  static const std::array<std::string, kStatementCount> sql = [] {
    std::array<std::string, kStatementCount> texts;
    texts[kBeginImmediate] = "BEGIN IMMEDIATE";
    texts[kCommit] = "COMMIT";
    texts[kRollback] = "ROLLBACK";
    texts[kPutOverwrite] = kPutPrefix;
    // An expired item counts as absent, so the conditional put may replace it.
    texts[kPutIfAbsent] =
        std::string(kPutPrefix) + " WHERE items.expires_at IS NOT NULL AND items.expires_at <= ?5";
    texts[kGet] =
        "SELECT value, expires_at FROM items WHERE pk = ?1 AND sk = ?2"
        " AND (expires_at IS NULL OR expires_at > ?3)";
    texts[kProbe] = "SELECT 1 FROM items LIMIT 1";
    // WITHOUT ROWID tables have no rowid to batch on, hence the row-value IN.
    texts[kPurgeBatch] =
        "DELETE FROM items WHERE (pk, sk) IN"
        " (SELECT pk, sk FROM items WHERE expires_at <= ?1 LIMIT ?2)";
    for (int variant = 0; variant < 8; ++variant) {
      const bool descending = variant & 4;
      const bool lower_exclusive = variant & 2;
      const bool has_upper = variant & 1;
      texts[query_statement(descending, lower_exclusive, has_upper)] =
          query_sql(descending, lower_exclusive, has_upper);
    }
    return texts;
  }();
  return sql;
}

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
  int bind_text(int index, const std::string& text) {
    return sqlite3_bind_text64(statement_, index, text.data(), text.size(), SQLITE_STATIC,
                               SQLITE_UTF8);
  }
  int bind_blob(int index, const std::string& bytes) {
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
  std::optional<std::int64_t> column_optional_int(int index) const {
    if (sqlite3_column_type(statement_, index) == SQLITE_NULL) return std::nullopt;
    return sqlite3_column_int64(statement_, index);
  }

 private:
  sqlite3_stmt* statement_;
};

// One SQLite connection with its prepared statements. Used by one thread at a time (hence
// SQLITE_OPEN_NOMUTEX); the pool hands it between threads under a mutex.
class Connection {
 public:
  // Returns an SQLite result code; on SQLITE_OK `*out` holds the connection.
  static int open(const std::string& path, bool create, std::unique_ptr<Connection>* out) {
    sqlite3* db = nullptr;
    const int flags =
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    auto connection = std::unique_ptr<Connection>(new Connection(db));  // Closes db on failure.
    if (rc != SQLITE_OK) return rc;
    sqlite3_extended_result_codes(db, 1);
    if ((rc = sqlite3_busy_timeout(db, kBusyTimeoutMs)) != SQLITE_OK) return rc;
    // Per connection, not persistent. NORMAL is durable up to the last checkpoint-free commits
    // on power loss, and never corrupts in WAL mode.
    if ((rc = connection->exec("PRAGMA synchronous=NORMAL")) != SQLITE_OK) return rc;
    *out = std::move(connection);
    return SQLITE_OK;
  }

  ~Connection() {
    for (sqlite3_stmt* statement : statements_) sqlite3_finalize(statement);
    // close_v2 tolerates a null handle and never leaves a zombie we could leak.
    sqlite3_close_v2(db_);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  sqlite3* db() const { return db_; }

  // Runs ad-hoc SQL (possibly several statements) without caching: start-up only.
  int exec(const char* sql) { return sqlite3_exec(db_, sql, nullptr, nullptr, nullptr); }

  // The cached statement `id`, prepared on first use. Returns an SQLite result code.
  int statement(std::size_t id, sqlite3_stmt** out) {
    if (statements_[id] == nullptr) {
      const std::string& sql = statement_sql()[id];
      const int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()) + 1,
                                        SQLITE_PREPARE_PERSISTENT, &statements_[id], nullptr);
      if (rc != SQLITE_OK) return rc;
    }
    *out = statements_[id];
    return SQLITE_OK;
  }

  // Runs a cached statement that returns no rows.
  Result<void> run(std::size_t id) {
    sqlite3_stmt* statement = nullptr;
    if (const int rc = this->statement(id, &statement); rc != SQLITE_OK) return store_error(rc);
    StatementUse use(statement);
    if (const int rc = use.step(); rc != SQLITE_DONE) return store_error(rc);
    return success();
  }

  bool in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

  // Best effort: if it fails the connection is dropped instead of pooled, which rolls back.
  void rollback() {
    if (in_transaction()) (void)run(kRollback);
  }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}

  sqlite3* db_;
  std::array<sqlite3_stmt*, kStatementCount> statements_{};
};

// ---------------------------------------------------------------------------------------------
// Cursors: base64url(version | 8-byte scope | last sort key). The scope hashes the partition,
// prefix and direction, so a cursor replayed against another query is rejected instead of
// silently paging through the wrong range. It is a consistency check, not a MAC: forging one
// gains nothing, as the range is still clamped to the request's own partition and prefix.

constexpr char kBase64Url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64url_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char c : bytes) {
    buffer = (buffer << 8) | static_cast<unsigned char>(c);
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kBase64Url[(buffer >> bits) & 0x3f];
    }
  }
  if (bits > 0) out += kBase64Url[(buffer << (6 - bits)) & 0x3f];
  return out;
}

std::optional<std::string> base64url_decode(std::string_view text) {
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char c : text) {
    const char* found = c == '\0' ? nullptr : std::strchr(kBase64Url, c);
    if (found == nullptr) return std::nullopt;
    buffer = (buffer << 6) | static_cast<std::uint32_t>(found - kBase64Url);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  // Leftover bits must be zero, so each byte string has exactly one encoding.
  if ((buffer & ((1u << bits) - 1)) != 0) return std::nullopt;
  return out;
}

// FNV-1a over length-prefixed fields, so ("ab", "c") and ("a", "bc") differ.
std::uint64_t cursor_scope(const QueryRequest& request) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  const auto mix_byte = [&hash](unsigned char byte) {
    hash ^= byte;
    hash *= 0x100000001b3ULL;
  };
  const auto mix_field = [&](std::string_view field) {
    std::uint64_t size = field.size();
    for (int i = 0; i < 8; ++i, size >>= 8) mix_byte(static_cast<unsigned char>(size & 0xff));
    for (const char c : field) mix_byte(static_cast<unsigned char>(c));
  };
  mix_field(request.partition);
  mix_field(request.sort_prefix);
  mix_byte(request.descending ? 'd' : 'a');
  return hash;
}

std::string encode_cursor(std::uint64_t scope, std::string_view last_sort_key) {
  std::string payload(1, static_cast<char>(kCursorVersion));
  for (int shift = 56; shift >= 0; shift -= 8)
    payload += static_cast<char>((scope >> shift) & 0xff);
  payload += last_sort_key;
  return base64url_encode(payload);
}

// Returns the last sort key of the previous page, or nullopt for a cursor of another scope.
std::optional<std::string> decode_cursor(std::string_view cursor, std::uint64_t scope) {
  std::optional<std::string> payload = base64url_decode(cursor);
  if (!payload || payload->size() < 9) return std::nullopt;
  if (static_cast<unsigned char>((*payload)[0]) != kCursorVersion) return std::nullopt;
  std::uint64_t found = 0;
  for (int i = 1; i <= 8; ++i) found = (found << 8) | static_cast<unsigned char>((*payload)[i]);
  if (found != scope) return std::nullopt;
  return payload->substr(9);
}

// The least string greater than every string starting with `prefix` (memcmp order), or nullopt
// when none exists (empty prefix, or all 0xff bytes).
std::optional<std::string> prefix_successor(std::string prefix) {
  while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xff) prefix.pop_back();
  if (prefix.empty()) return std::nullopt;
  prefix.back() = static_cast<char>(static_cast<unsigned char>(prefix.back()) + 1);
  return prefix;
}

// ---------------------------------------------------------------------------------------------
// Operations, each run on a pool thread with a connection of its own.

// Returns whether the write took effect: false only for a kIfAbsent write that met a live item.
Result<bool> write_item(Connection& connection, const Write& write, std::int64_t now) {
  const bool if_absent = write.mode == PutMode::kIfAbsent;
  sqlite3_stmt* statement = nullptr;
  int rc = connection.statement(if_absent ? kPutIfAbsent : kPutOverwrite, &statement);
  if (rc != SQLITE_OK) return store_error(rc);
  StatementUse use(statement);
  if ((rc = use.bind_text(1, write.item.key.partition)) != SQLITE_OK ||
      (rc = use.bind_text(2, write.item.key.sort)) != SQLITE_OK ||
      (rc = use.bind_blob(3, write.item.value)) != SQLITE_OK ||
      (rc = use.bind_optional_int(4, write.item.expires_at)) != SQLITE_OK ||
      (if_absent && (rc = use.bind_int(5, now)) != SQLITE_OK)) {
    return store_error(rc);
  }
  if ((rc = use.step()) != SQLITE_DONE) return store_error(rc);
  // An upsert whose DO UPDATE WHERE fails changes no row.
  return sqlite3_changes(connection.db()) > 0;
}

Result<void> run_put(Connection& connection, const Write& write, std::int64_t now) {
  Result<bool> written = write_item(connection, write, now);
  if (!written) return written.error();
  if (!written.value()) return conflict_error();
  return success();
}

Result<void> run_put_all(Connection& connection, const std::vector<Write>& writes,
                         std::int64_t now) {
  if (writes.empty() || writes.size() > kMaxBatchWrites) {
    return make_error(Errc::kInvalidArgument, "a batch holds 1 to 100 writes");
  }
  std::set<std::pair<std::string_view, std::string_view>> keys;
  for (const Write& write : writes) {
    if (!keys.emplace(write.item.key.partition, write.item.key.sort).second) {
      return make_error(Errc::kInvalidArgument, "a batch writes each key at most once");
    }
  }
  // IMMEDIATE takes the write lock up front, under busy_timeout; a deferred transaction could
  // fail to upgrade half-way with SQLITE_BUSY_SNAPSHOT, which no busy handler retries.
  if (Result<void> begun = connection.run(kBeginImmediate); !begun) return begun;
  Result<void> outcome = [&]() -> Result<void> {
    for (const Write& write : writes) {
      Result<bool> written = write_item(connection, write, now);
      if (!written) return written.error();
      if (!written.value()) return conflict_error();
    }
    return connection.run(kCommit);
  }();
  if (!outcome) connection.rollback();
  return outcome;
}

Result<std::optional<Item>> run_get(Connection& connection, const Key& key, std::int64_t now) {
  sqlite3_stmt* statement = nullptr;
  int rc = connection.statement(kGet, &statement);
  if (rc != SQLITE_OK) return store_error(rc);
  StatementUse use(statement);
  if ((rc = use.bind_text(1, key.partition)) != SQLITE_OK ||
      (rc = use.bind_text(2, key.sort)) != SQLITE_OK || (rc = use.bind_int(3, now)) != SQLITE_OK) {
    return store_error(rc);
  }
  rc = use.step();
  if (rc == SQLITE_DONE) return std::optional<Item>();
  if (rc != SQLITE_ROW) return store_error(rc);
  return std::optional<Item>(Item{key, use.column_bytes(0), use.column_optional_int(1)});
}

Result<QueryPage> run_query(Connection& connection, const QueryRequest& request, std::int64_t now) {
  if (request.limit < 1 || request.limit > kMaxQueryLimit) {
    return make_error(Errc::kInvalidArgument, "limit must be between 1 and 1000", {}, "limit");
  }
  const std::uint64_t scope = cursor_scope(request);
  std::optional<std::string> after;
  if (!request.cursor.empty()) {
    after = decode_cursor(request.cursor, scope);
    // The prefix check keeps a forged cursor from widening the range beyond the prefix.
    if (!after || !after->starts_with(request.sort_prefix)) {
      return make_error(Errc::kInvalidArgument, "invalid cursor", {}, "cursor");
    }
  }
  // Range [prefix, successor) instead of LIKE/GLOB: exact for any bytes, and an index range.
  const std::optional<std::string> successor = prefix_successor(request.sort_prefix);
  const std::string* lower = &request.sort_prefix;
  bool lower_exclusive = false;
  const std::string* upper = successor ? &*successor : nullptr;
  if (after) {
    if (request.descending) {
      upper = &*after;
    } else {
      lower = &*after;
      lower_exclusive = true;
    }
  }

  sqlite3_stmt* statement = nullptr;
  int rc = connection.statement(
      query_statement(request.descending, lower_exclusive, upper != nullptr), &statement);
  if (rc != SQLITE_OK) return store_error(rc);
  StatementUse use(statement);
  // One row more than the page tells whether another page exists, so no cursor leads to an
  // empty page.
  const auto fetch = static_cast<std::int64_t>(request.limit) + 1;
  if ((rc = use.bind_text(1, request.partition)) != SQLITE_OK ||
      (rc = use.bind_text(2, *lower)) != SQLITE_OK ||
      (upper != nullptr && (rc = use.bind_text(3, *upper)) != SQLITE_OK) ||
      (rc = use.bind_int(4, now)) != SQLITE_OK || (rc = use.bind_int(5, fetch)) != SQLITE_OK) {
    return store_error(rc);
  }
  QueryPage page;
  page.items.reserve(request.limit);
  bool more = false;
  while ((rc = use.step()) == SQLITE_ROW) {
    if (page.items.size() == request.limit) {
      more = true;
      break;
    }
    page.items.push_back(Item{Key{request.partition, use.column_bytes(0)}, use.column_bytes(1),
                              use.column_optional_int(2)});
  }
  if (!more && rc != SQLITE_DONE) return store_error(rc);
  if (more) page.next_cursor = encode_cursor(scope, page.items.back().key.sort);
  return page;
}

Result<void> run_probe(Connection& connection) {
  sqlite3_stmt* statement = nullptr;
  int rc = connection.statement(kProbe, &statement);
  if (rc != SQLITE_OK) return store_error(rc);
  StatementUse use(statement);
  rc = use.step();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return store_error(rc);
  return success();
}

Result<std::size_t> run_purge(Connection& connection, std::int64_t now) {
  std::size_t purged = 0;
  for (;;) {
    sqlite3_stmt* statement = nullptr;
    int rc = connection.statement(kPurgeBatch, &statement);
    if (rc != SQLITE_OK) return store_error(rc);
    StatementUse use(statement);
    if ((rc = use.bind_int(1, now)) != SQLITE_OK ||
        (rc = use.bind_int(2, kPurgeBatchRows)) != SQLITE_OK) {
      return store_error(rc);
    }
    if ((rc = use.step()) != SQLITE_DONE) return store_error(rc);
    const int deleted = sqlite3_changes(connection.db());
    purged += static_cast<std::size_t>(deleted);
    if (deleted < kPurgeBatchRows) return purged;
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
// which SQLite copies from the database file.
Result<void> ensure_private_file(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
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

// Removes a failed backup and any journal SQLite left beside it.
void remove_database_files(const fs::path& file) {
  std::error_code ec;
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
    fs::remove(fs::path(file.native() + suffix), ec);
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// SqliteStore

struct SqliteStore::State {
  std::string db_path;
  std::function<std::int64_t()> now;

  std::mutex mutex;
  // Connections not in use. At most one per job running at once, so the pool's size bounds them.
  std::vector<std::unique_ptr<Connection>> idle;  // Guarded by mutex.

  Result<std::unique_ptr<Connection>> acquire() {
    {
      std::lock_guard lock(mutex);
      if (!idle.empty()) {
        std::unique_ptr<Connection> connection = std::move(idle.back());
        idle.pop_back();
        return connection;
      }
    }
    // Opened outside the lock: opening touches the file system.
    std::unique_ptr<Connection> connection;
    // No SQLITE_OPEN_CREATE: if the file vanished, failing beats a blank schema-less database.
    if (const int rc = Connection::open(db_path, /*create=*/false, &connection); rc != SQLITE_OK) {
      return store_error(rc);
    }
    return connection;
  }

  void release(std::unique_ptr<Connection> connection) {
    // A connection stuck in a transaction would hold the write lock: close it (rolls back).
    if (connection->in_transaction()) return;
    std::lock_guard lock(mutex);
    idle.push_back(std::move(connection));
  }
};

std::int64_t SqliteStore::latest_schema_version() noexcept { return kLatestSchemaVersion; }

std::int64_t SqliteStore::system_unix_seconds() noexcept {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(
    const std::filesystem::path& data_dir, async::WorkPool& pool,
    std::function<std::int64_t()> now_unix_seconds) {
  try {
    if (data_dir.empty()) return make_error(Errc::kInvalidArgument, "the data directory is empty");
    if (!now_unix_seconds) now_unix_seconds = &SqliteStore::system_unix_seconds;
    if (Result<void> made = ensure_directory(data_dir); !made) return made.error();
    const fs::path file = data_dir / kFileName;
    if (Result<void> made = ensure_private_file(file); !made) return made.error();

    auto state = std::make_shared<State>();
    state->db_path = file.native();
    state->now = std::move(now_unix_seconds);

    std::unique_ptr<Connection> connection;
    if (const int rc = Connection::open(state->db_path, /*create=*/true, &connection);
        rc != SQLITE_OK) {
      return operator_error(rc, "cannot open the database");
    }
    // WAL is persistent in the file, so setting it once here covers every later connection.
    if (Result<void> wal = enable_wal(*connection); !wal) return wal.error();
    if (Result<void> migrated = migrate(*connection, state->now()); !migrated) {
      return migrated.error();
    }
    state->release(std::move(connection));
    return std::unique_ptr<SqliteStore>(new SqliteStore(pool, std::move(state)));
  } catch (...) {
    // Allocation failure or a throwing clock; nothing else throws here.
    return make_error(Errc::kInternal, "cannot open the store");
  }
}

SqliteStore::SqliteStore(async::WorkPool& pool, std::shared_ptr<State> state)
    : pool_(pool), state_(std::move(state)) {}

// In-flight jobs own a reference to the state, so nothing here waits for them.
SqliteStore::~SqliteStore() = default;

template <class T, class Work>
void SqliteStore::submit(Callback<T> done, Work work) {
  // Shared so that `done` survives a refused post and can still be completed.
  auto shared_done = std::make_shared<Callback<T>>(std::move(done));
  const bool posted = pool_.post([state = state_, shared_done, work = std::move(work)]() mutable {
    Result<T> result = [&]() -> Result<T> {
      try {
        Result<std::unique_ptr<Connection>> connection = state->acquire();
        if (!connection) return connection.error();
        Result<T> worked = work(*connection.value(), state->now());
        // Returned before the callback runs, so a callback issuing the next operation reuses it.
        state->release(std::move(connection).value());
        return worked;
      } catch (...) {
        // A throwing clock or allocation failure; the connection, if any, closes and rolls back.
        return internal_error();
      }
    }();
    (*shared_done)(std::move(result));
  });
  if (!posted) {
    (*shared_done)(make_error(Errc::kUpstreamUnavailable, "the store is shutting down"));
  }
}

void SqliteStore::put(Write write, Callback<void> done) {
  submit(std::move(done), [write = std::move(write)](Connection& connection, std::int64_t now) {
    return run_put(connection, write, now);
  });
}

void SqliteStore::put_all(std::vector<Write> writes, Callback<void> done) {
  submit(std::move(done), [writes = std::move(writes)](Connection& connection, std::int64_t now) {
    return run_put_all(connection, writes, now);
  });
}

void SqliteStore::get(Key key, Callback<std::optional<Item>> done) {
  submit(std::move(done), [key = std::move(key)](Connection& connection, std::int64_t now) {
    return run_get(connection, key, now);
  });
}

void SqliteStore::query(QueryRequest request, Callback<QueryPage> done) {
  submit(std::move(done), [request = std::move(request)](Connection& connection, std::int64_t now) {
    return run_query(connection, request, now);
  });
}

void SqliteStore::probe(Callback<void> done) {
  submit(std::move(done),
         [](Connection& connection, std::int64_t /*now*/) { return run_probe(connection); });
}

void SqliteStore::purge_expired(Callback<std::size_t> done) {
  submit(std::move(done),
         [](Connection& connection, std::int64_t now) { return run_purge(connection, now); });
}

Result<void> SqliteStore::backup_to(const std::filesystem::path& file) {
  try {
    // O_EXCL makes "never overwrite" hold even against a concurrent creator of the same name.
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
      if (errno == EEXIST) return make_error(Errc::kConflict, "the backup file already exists");
      return make_error(Errc::kInternal,
                        std::string("cannot create the backup file: ") + std::strerror(errno));
    }
    ::close(fd);
    bool keep = false;
    struct Cleanup {
      const fs::path& file;
      const bool& keep;
      ~Cleanup() {
        if (!keep) remove_database_files(file);
      }
    } remove_unless_kept{file, keep};

    // A connection of its own: the backup may take long and must not starve pool jobs.
    std::unique_ptr<Connection> source;
    if (const int rc = Connection::open(state_->db_path, /*create=*/false, &source);
        rc != SQLITE_OK) {
      return operator_error(rc, "cannot open the database");
    }
    std::unique_ptr<Connection> destination;
    if (const int rc = Connection::open(file.native(), /*create=*/false, &destination);
        rc != SQLITE_OK) {
      return operator_error(rc, "cannot open the backup file");
    }
    sqlite3_backup* backup = sqlite3_backup_init(destination->db(), "main", source->db(), "main");
    if (backup == nullptr) {
      return operator_error(sqlite3_extended_errcode(destination->db()), "cannot start the backup");
    }
    // -1 copies every page under one read transaction: a consistent snapshot, while WAL lets
    // writers go on. Busy only happens if another connection holds an exclusive lock; retry
    // within the same budget as busy_timeout.
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
    int rc = SQLITE_OK;
    for (;;) {
      rc = sqlite3_backup_step(backup, -1);
      if (rc == SQLITE_DONE) break;
      const int primary = rc & 0xff;
      if ((primary != SQLITE_BUSY && primary != SQLITE_LOCKED) ||
          std::chrono::steady_clock::now() >= deadline) {
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    const int finished = sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) return operator_error(rc, "the backup failed");
    if (finished != SQLITE_OK) return operator_error(finished, "the backup failed");
    // The copied header says WAL; a backup should be one self-contained file. FULL: once we
    // report success the copy must survive a power cut.
    if ((rc = destination->exec("PRAGMA synchronous=FULL; PRAGMA journal_mode=DELETE")) !=
        SQLITE_OK) {
      return operator_error(rc, "cannot finish the backup file");
    }
    destination.reset();
    keep = true;
    return success();
  } catch (...) {
    return make_error(Errc::kInternal, "the backup failed");
  }
}

}  // namespace badgesmith::store
