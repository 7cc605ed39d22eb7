#include "core/store/sqlite_secret_store.h"

#include <openssl/crypto.h>

#include <array>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "core/log/log.h"
#include "core/security/aes_gcm.h"
#include "core/store/sqlite_db.h"

namespace badgesmith::store {
namespace {

using boost::outcome_v2::success;
using security::MasterKey;

enum StatementId : std::size_t {
  kGet,
  kPut,
  kRemove,
  kListAll,
  kListOwner,
  kSealedAll,
  kReseal,
  kStatementCount,
};

const std::array<std::string, kStatementCount>& statement_sql() {
  static const std::array<std::string, kStatementCount> sql = {
      "SELECT key_id, nonce, ciphertext FROM secrets WHERE owner = ?1 AND repo = ?2 AND type = ?3",
      "INSERT INTO secrets(owner, repo, type, key_id, nonce, ciphertext, created_at, updated_at)"
      " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) ON CONFLICT(owner, repo, type) DO UPDATE SET"
      " key_id = excluded.key_id, nonce = excluded.nonce, ciphertext = excluded.ciphertext,"
      " updated_at = excluded.updated_at",
      "DELETE FROM secrets WHERE owner = ?1 AND repo = ?2 AND type = ?3",
      "SELECT owner, repo, type, created_at, updated_at FROM secrets ORDER BY owner, repo, type",
      "SELECT owner, repo, type, created_at, updated_at FROM secrets WHERE owner = ?1"
      " ORDER BY owner, repo, type",
      "SELECT owner, repo, type, key_id, nonce, ciphertext FROM secrets ORDER BY owner, repo, type",
      "UPDATE secrets SET key_id = ?4, nonce = ?5, ciphertext = ?6"
      " WHERE owner = ?1 AND repo = ?2 AND type = ?3",
  };
  return sql;
}

Error no_master_key() {
  return make_error(Errc::kUpstreamUnavailable, std::string(SqliteSecretStore::kNoMasterKey));
}

// Binds a value to its row: moved to another row, it no longer authenticates. Normalized names
// cannot contain '|', so distinct keys always give distinct strings.
std::string associated_data(const SecretKey& key) {
  return key.owner + '|' + key.repo + '|' + std::string(to_string(key.type));
}

std::string describe(const SecretKey& key) {
  return key.owner + (key.repo.empty() ? "" : "/" + key.repo) + " (" +
         std::string(to_string(key.type)) + ")";
}

// Plaintext on its way through: wiped when it goes out of scope.
struct WipedString {
  std::string text;
  ~WipedString() { OPENSSL_cleanse(text.data(), text.size()); }
};

struct SealedRow {
  SecretKey key;
  std::string key_id;
  security::Sealed sealed;
};

int bind_key(StatementUse& use, const SecretKey& key) {
  int rc = SQLITE_OK;
  if ((rc = use.bind_text(1, key.owner)) == SQLITE_OK &&
      (rc = use.bind_text(2, key.repo)) == SQLITE_OK) {
    rc = use.bind_text(3, to_string(key.type));  // Static storage: outlives the use.
  }
  return rc;
}

// Reads owner, repo and type from columns 0-2; a type this binary does not know is corruption.
Result<SecretKey> column_key(const StatementUse& use) {
  const std::optional<SecretType> type = secret_type_from_string(use.column_bytes(2));
  if (!type) return internal_error();
  return SecretKey{use.column_bytes(0), use.column_bytes(1), *type};
}

Result<void> write_sealed(Connection& connection, std::size_t statement_id, const SealedRow& row,
                          std::optional<std::int64_t> now) {
  sqlite3_stmt* statement = nullptr;
  int rc = connection.statement(statement_id, &statement);
  if (rc != SQLITE_OK) return store_error(rc);
  StatementUse use(statement);
  if ((rc = bind_key(use, row.key)) != SQLITE_OK ||
      (rc = use.bind_text(4, row.key_id)) != SQLITE_OK ||
      (rc = use.bind_blob(5, row.sealed.nonce)) != SQLITE_OK ||
      (rc = use.bind_blob(6, row.sealed.ciphertext)) != SQLITE_OK ||
      (now && (rc = use.bind_int(7, *now)) != SQLITE_OK)) {
    return store_error(rc);
  }
  if ((rc = use.step()) != SQLITE_DONE) return store_error(rc);
  return success();
}

Result<std::vector<SealedRow>> read_all_sealed(Connection& connection) {
  sqlite3_stmt* statement = nullptr;
  int rc = connection.statement(kSealedAll, &statement);
  if (rc != SQLITE_OK) return store_error(rc);
  StatementUse use(statement);
  std::vector<SealedRow> rows;
  while ((rc = use.step()) == SQLITE_ROW) {
    Result<SecretKey> key = column_key(use);
    if (!key) return key.error();
    rows.push_back({std::move(key).value(), use.column_bytes(3),
                    security::Sealed{use.column_bytes(4), use.column_bytes(5)}});
  }
  if (rc != SQLITE_DONE) return store_error(rc);
  return rows;
}

// The configured master key; null when there is none.
//
// Thread-safety: safe to share. Only rekey swaps the key, holding the mutex across its COMMIT:
// a put takes the key after it holds the write lock, so it either commits before the rekey
// begins (and gets re-sealed) or sees the new key.
class KeyHolder {
 public:
  explicit KeyHolder(std::shared_ptr<const MasterKey> key) : key_(std::move(key)) {}

  std::shared_ptr<const MasterKey> current() const {
    std::lock_guard lock(mutex_);
    return key_;
  }

  // Commits the connection's transaction and, if that succeeds, switches to `key`.
  Result<void> commit_and_switch(Connection& connection, std::shared_ptr<const MasterKey> key) {
    std::lock_guard lock(mutex_);
    if (Result<void> committed = connection.commit(); !committed) return committed;
    key_ = std::move(key);
    return success();
  }

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const MasterKey> key_;  // Guarded by mutex_.
};

// Runs `body` inside BEGIN IMMEDIATE; `body` commits. Rolls back on any failure.
template <class T, class Body>
Result<T> in_write_transaction(Connection& connection, Body body) {
  if (Result<void> begun = connection.begin_immediate(); !begun) return begun.error();
  Result<T> outcome = body();
  if (!outcome) connection.rollback();
  return outcome;
}

Result<std::optional<std::string>> run_get(Connection& connection, const KeyHolder& keys,
                                           const SecretKey& requested) {
  Result<SecretKey> key = normalize_secret_key(requested);
  if (!key) return key.error();
  const std::shared_ptr<const MasterKey> master_key = keys.current();
  if (!master_key) return no_master_key();
  sqlite3_stmt* statement = nullptr;
  int rc = connection.statement(kGet, &statement);
  if (rc != SQLITE_OK) return store_error(rc);
  StatementUse use(statement);
  if ((rc = bind_key(use, key.value())) != SQLITE_OK) return store_error(rc);
  rc = use.step();
  if (rc == SQLITE_DONE) return std::optional<std::string>();
  if (rc != SQLITE_ROW) return store_error(rc);
  Result<std::string> value = security::aes_gcm_open(
      master_key->bytes(), use.column_bytes(1), use.column_bytes(2), associated_data(key.value()));
  if (!value) {
    // An audit event: equal key ids mean the row was altered or moved, not a wrong key.
    const std::string sealed_by = use.column_bytes(0);
    const std::string configured = master_key->id();
    log::warn("a stored secret failed to decrypt", {{"owner", key.value().owner},
                                                    {"repo", key.value().repo},
                                                    {"type", to_string(key.value().type)},
                                                    {"sealed_key_id", sealed_by},
                                                    {"configured_key_id", configured}});
    return make_error(Errc::kInternal, "a stored secret cannot be decrypted");
  }
  return std::optional<std::string>(std::move(value).value());
}

Result<void> run_put(Connection& connection, const KeyHolder& keys, const SecretKey& requested,
                     std::string_view value, std::int64_t now) {
  Result<SecretKey> key = normalize_secret_key(requested);
  if (!key) return key.error();
  if (value.empty() || value.size() > kMaxSecretBytes) {
    return make_error(Errc::kInvalidArgument, "a secret value holds 1 to 65536 bytes", {}, "value");
  }
  return in_write_transaction<void>(connection, [&]() -> Result<void> {
    const std::shared_ptr<const MasterKey> master_key = keys.current();  // See KeyHolder.
    if (!master_key) return no_master_key();
    Result<security::Sealed> sealed =
        security::aes_gcm_seal(master_key->bytes(), value, associated_data(key.value()));
    if (!sealed) return sealed.error();
    const SealedRow row{key.value(), master_key->id(), std::move(sealed).value()};
    if (Result<void> written = write_sealed(connection, kPut, row, now); !written) return written;
    return connection.commit();
  });
}

Result<bool> run_remove(Connection& connection, const SecretKey& requested) {
  Result<SecretKey> key = normalize_secret_key(requested);
  if (!key) return key.error();
  sqlite3_stmt* statement = nullptr;
  int rc = connection.statement(kRemove, &statement);
  if (rc != SQLITE_OK) return store_error(rc);
  StatementUse use(statement);
  if ((rc = bind_key(use, key.value())) != SQLITE_OK || (rc = use.step()) != SQLITE_DONE) {
    return store_error(rc);
  }
  return sqlite3_changes(connection.db()) > 0;
}

Result<std::vector<SecretInfo>> run_list(Connection& connection,
                                         const std::optional<std::string>& requested_owner) {
  std::optional<std::string> owner;
  if (requested_owner) {
    Result<std::string> normalized = normalize_secret_owner(*requested_owner);
    if (!normalized) return normalized.error();
    owner = std::move(normalized).value();
  }
  sqlite3_stmt* statement = nullptr;
  int rc = connection.statement(owner ? kListOwner : kListAll, &statement);
  if (rc != SQLITE_OK) return store_error(rc);
  StatementUse use(statement);
  if (owner && (rc = use.bind_text(1, *owner)) != SQLITE_OK) return store_error(rc);
  std::vector<SecretInfo> secrets;
  while ((rc = use.step()) == SQLITE_ROW) {
    Result<SecretKey> key = column_key(use);
    if (!key) return key.error();
    secrets.push_back({std::move(key).value(), use.column_int(3), use.column_int(4)});
  }
  if (rc != SQLITE_DONE) return store_error(rc);
  return secrets;
}

Result<std::size_t> run_rekey(Connection& connection, KeyHolder& keys,
                              const std::shared_ptr<const MasterKey>& new_key) {
  return in_write_transaction<std::size_t>(connection, [&]() -> Result<std::size_t> {
    const std::shared_ptr<const MasterKey> old_key = keys.current();
    if (!old_key) return no_master_key();
    const std::string old_id = old_key->id();
    const std::string new_id = new_key->id();
    if (old_id == new_id) {
      return make_error(Errc::kInvalidArgument, "the new master key is the current one");
    }
    Result<std::vector<SealedRow>> rows = read_all_sealed(connection);
    if (!rows) return rows.error();
    for (SealedRow& row : rows.value()) {
      const std::string aad = associated_data(row.key);
      Result<std::string> opened =
          security::aes_gcm_open(old_key->bytes(), row.sealed.nonce, row.sealed.ciphertext, aad);
      if (!opened) {
        return make_error(
            Errc::kInternal,
            "the secret of " + describe(row.key) +
                " does not decrypt under the current master key (" +
                (row.key_id == old_id ? "altered or moved row" : "sealed under key " + row.key_id) +
                "); nothing was re-encrypted");
      }
      const WipedString plaintext{std::move(opened).value()};
      Result<security::Sealed> sealed =
          security::aes_gcm_seal(new_key->bytes(), plaintext.text, aad);
      if (!sealed) return sealed.error();
      row.key_id = new_id;
      row.sealed = std::move(sealed).value();
      if (Result<void> written = write_sealed(connection, kReseal, row, std::nullopt); !written) {
        return written.error();
      }
    }
    if (Result<void> committed = keys.commit_and_switch(connection, new_key); !committed) {
      return committed.error();
    }
    return rows.value().size();
  });
}

}  // namespace

struct SqliteSecretStore::State {
  State(std::function<std::int64_t()> now_unix_seconds, std::shared_ptr<const MasterKey> key)
      : now(std::move(now_unix_seconds)), keys(std::move(key)) {}

  std::shared_ptr<ConnectionPool> connections;  // Set once by open().
  std::function<std::int64_t()> now;
  KeyHolder keys;
};

Result<std::unique_ptr<SqliteSecretStore>> SqliteSecretStore::open(
    const std::filesystem::path& data_dir, async::WorkPool& pool,
    std::optional<MasterKey> master_key, std::function<std::int64_t()> now_unix_seconds) {
  try {
    if (data_dir.empty()) return make_error(Errc::kInvalidArgument, "the data directory is empty");
    if (!now_unix_seconds) now_unix_seconds = &SqliteStore::system_unix_seconds;
    auto state = std::make_shared<State>(
        std::move(now_unix_seconds),
        master_key ? std::make_shared<const MasterKey>(std::move(*master_key)) : nullptr);
    auto connections = open_database(data_dir, statement_sql(), state->now());
    if (!connections) return connections.error();
    state->connections = std::move(connections).value();
    return std::unique_ptr<SqliteSecretStore>(new SqliteSecretStore(pool, std::move(state)));
  } catch (...) {
    return make_error(Errc::kInternal, "cannot open the secret store");
  }
}

SqliteSecretStore::SqliteSecretStore(async::WorkPool& pool, std::shared_ptr<State> state)
    : pool_(pool), state_(std::move(state)) {}

// In-flight jobs own a reference to the state, so nothing here waits for them.
SqliteSecretStore::~SqliteSecretStore() = default;

template <class T, class Work>
void SqliteSecretStore::submit(Callback<T> done, Work work) {
  run_on_pool(pool_, state_->connections, std::move(done),
              [state = state_, work = std::move(work)](Connection& connection) mutable {
                return work(connection, *state);
              });
}

void SqliteSecretStore::get(SecretKey key, Callback<std::optional<std::string>> done) {
  submit(std::move(done), [key = std::move(key)](Connection& connection, State& state) {
    return run_get(connection, state.keys, key);
  });
}

void SqliteSecretStore::put(SecretKey key, std::string value, Callback<void> done) {
  submit(std::move(done), [key = std::move(key), value = WipedString{std::move(value)}](
                              Connection& connection, State& state) {
    return run_put(connection, state.keys, key, value.text, state.now());
  });
}

void SqliteSecretStore::remove(SecretKey key, Callback<bool> done) {
  submit(std::move(done), [key = std::move(key)](Connection& connection, State& /*state*/) {
    return run_remove(connection, key);
  });
}

void SqliteSecretStore::list(std::optional<std::string> owner,
                             Callback<std::vector<SecretInfo>> done) {
  submit(std::move(done), [owner = std::move(owner)](Connection& connection, State& /*state*/) {
    return run_list(connection, owner);
  });
}

void SqliteSecretStore::rekey(MasterKey new_key, Callback<std::size_t> done) {
  submit(std::move(done), [new_key = std::make_shared<const MasterKey>(std::move(new_key))](
                              Connection& connection, State& state) {
    return run_rekey(connection, state.keys, new_key);
  });
}

}  // namespace badgesmith::store
