#include "core/store/sqlite_store.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <set>
#include <string>
#include <system_error>
#include <thread>
#include <utility>

#include "core/store/sqlite_db.h"

namespace badgesmith::store {
namespace {

namespace fs = std::filesystem;
using boost::outcome_v2::success;

constexpr std::size_t kMaxBatchWrites = 100;
constexpr std::size_t kMaxQueryLimit = 1000;
// Bounds how long purge_expired holds the write lock at a time, so request writers never wait
// behind one huge delete.
constexpr int kPurgeBatchRows = 500;
constexpr unsigned char kCursorVersion = 1;

// ---------------------------------------------------------------------------------------------
// Errors

Error conflict_error() {
  return make_error(Errc::kConflict, "an item with this key already exists");
}

// ---------------------------------------------------------------------------------------------
// Statements

enum StatementId : std::size_t {
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
  if (Result<void> begun = connection.begin_immediate(); !begun) return begun;
  Result<void> outcome = [&]() -> Result<void> {
    for (const Write& write : writes) {
      Result<bool> written = write_item(connection, write, now);
      if (!written) return written.error();
      if (!written.value()) return conflict_error();
    }
    return connection.commit();
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

static_assert(SqliteStore::kFileName == kDatabaseFileName);

struct SqliteStore::State {
  std::shared_ptr<ConnectionPool> connections;
  std::function<std::int64_t()> now;
};

std::int64_t SqliteStore::latest_schema_version() noexcept {
  return latest_database_schema_version();
}

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
    auto state = std::make_shared<State>();
    state->now = std::move(now_unix_seconds);
    auto connections = open_database(data_dir, statement_sql(), state->now());
    if (!connections) return connections.error();
    state->connections = std::move(connections).value();
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
  run_on_pool(pool_, state_->connections, std::move(done),
              [state = state_, work = std::move(work)](Connection& connection) mutable {
                return work(connection, state->now());
              });
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
    if (const int rc = Connection::open(state_->connections->path(), /*create=*/false, {}, &source);
        rc != SQLITE_OK) {
      return operator_error(rc, "cannot open the database");
    }
    std::unique_ptr<Connection> destination;
    if (const int rc = Connection::open(file.native(), /*create=*/false, {}, &destination);
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
