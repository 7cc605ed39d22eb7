// The SecretStore on the local SQLite database: the `secrets` table of `<data_dir>/badgesmith.db`,
// beside SqliteStore's items. Each value is sealed with AES-256-GCM under the master key, with
// the associated data "owner|repo|type" (normalized names, which cannot contain '|'): a sealed
// value copied to another row, or any altered byte, fails to open. A database file or backup
// alone therefore discloses no secret; it still discloses which owners and repos have one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>

#include "core/async/work_pool.h"
#include "core/result.h"
#include "core/security/master_key.h"
#include "core/store/secret_store.h"
#include "core/store/sqlite_store.h"

namespace badgesmith::store {

// Thread-safety: safe to share between threads, as SecretStore promises. Each operation runs on
// the WorkPool on a pooled connection, never on the caller's thread, and reads the database
// every time (no cache). Its callback runs once, on that pool thread; only when the pool has
// been shut down does it run inline, with Errc::kUpstreamUnavailable.
//
// Lifetime: the store may be destroyed while operations are in flight; the WorkPool must outlive
// every call made on the store.
//
// Errors: as SqliteStore for SQLite failures (kUpstreamUnavailable to retry, else kInternal).
// get, put and rekey without a master key fail with kUpstreamUnavailable and kNoMasterKey; list
// and remove need no key. A value that fails to open is kInternal, and get logs a warning naming
// the row and both key ids (never the value): either the row was sealed under another master key
// or someone altered or moved it.
class SqliteSecretStore final : public SecretStore {
 public:
  static constexpr std::string_view kNoMasterKey =
      "no master key configured (set BADGESMITH_MASTER_KEY or BADGESMITH_MASTER_KEY_FILE)";

  // Opens the database in `data_dir` as SqliteStore::open does (creating and migrating it; same
  // failures), synchronously. `master_key` seals and opens values; nullopt still opens the store,
  // so that a server without secrets configured starts. `now_unix_seconds` stamps created_at and
  // updated_at and must be thread-safe. `pool` is borrowed, see Lifetime above.
  static Result<std::unique_ptr<SqliteSecretStore>> open(
      const std::filesystem::path& data_dir, async::WorkPool& pool,
      std::optional<security::MasterKey> master_key,
      std::function<std::int64_t()> now_unix_seconds = &SqliteStore::system_unix_seconds);

  ~SqliteSecretStore() override;

  void get(SecretKey key, Callback<std::optional<std::string>> done) override;
  void put(SecretKey key, std::string value, Callback<void> done) override;
  void remove(SecretKey key, Callback<bool> done) override;
  void list(std::optional<std::string> owner, Callback<std::vector<SecretInfo>> done) override;

  // Re-seals every value under `new_key` in one transaction (all rows or none; updated_at is
  // kept, since values do not change) and completes with how many there were. From then on this
  // store uses `new_key`; other processes keep their key until restarted with the new one, and
  // cannot open secrets meanwhile. Fails, changing nothing, with kUpstreamUnavailable
  // (kNoMasterKey) when there is no current key, kInvalidArgument when `new_key` is the current
  // key, and kInternal naming the row when a value does not open under the current key.
  void rekey(security::MasterKey new_key, Callback<std::size_t> done);

 private:
  struct State;

  SqliteSecretStore(async::WorkPool& pool, std::shared_ptr<State> state);

  // Runs `work(connection, state)` on the pool and completes `done` with its result.
  template <class T, class Work>
  void submit(Callback<T> done, Work work);

  async::WorkPool& pool_;
  std::shared_ptr<State> state_;
};

}  // namespace badgesmith::store
