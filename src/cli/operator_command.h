// What the operator commands (`secrets`, `seed`, `history`) share: one-line failures with the
// exit status in a CLI::RuntimeError, the stores in --data-dir opened on a one-thread pool, and
// a blocking wait for their asynchronous calls.
#pragma once

#include <openssl/crypto.h>

#include <CLI/CLI.hpp>
#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "cli/backend.h"
#include "core/async/io_thread.h"
#include "core/async/wait.h"
#include "core/async/work_pool.h"
#include "core/result.h"
#include "core/security/master_key.h"
#include "core/store/sqlite_secret_store.h"
#include "core/store/sqlite_store.h"
#include "features/testresults/results_repository.h"

namespace badgesmith::cli {

inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// Prints "badgesmith: <command>: <message>" on stderr and throws CLI::RuntimeError(status), which
// run_command_line returns as the exit status.
[[noreturn]] void fail(std::string_view command, int status, std::string_view message);

// Prints "badgesmith: <command>: warning: <message>" on stderr.
void warn(std::string_view command, std::string_view message);

// A secret value on its way in: wiped when it goes out of scope.
struct WipedString {
  std::string text;
  ~WipedString() { OPENSSL_cleanse(text.data(), text.size()); }
};

using async::wait_for;

// The stores an operator command works on, chosen by BADGESMITH_STORE as `serve` chooses: those
// of one data directory on a one-thread pool, or the DynamoDB tables and Secrets Manager through
// a loop of their own. Members are declared in the order they must be built.
struct StoreSession {
  StoreSession() = default;
  ~StoreSession();  // Stops the AWS loop before what is bound to it goes.
  StoreSession(const StoreSession&) = delete;
  StoreSession& operator=(const StoreSession&) = delete;

  async::WorkPool pool{1};
  std::unique_ptr<async::IoThread> aws_loop;   // kDynamoDb only.
  std::unique_ptr<AwsServices> aws;            // kDynamoDb only.
  std::unique_ptr<store::SqliteStore> items;   // kSqlite only.
  store::SqliteSecretStore* sqlite_secrets{};  // kSqlite only: `secrets`, for rekey.
  std::unique_ptr<store::SecretStore> secrets;
  std::unique_ptr<testresults::ResultsRepository> results;
};

enum class SessionAccess {
  kExisting,      // An existing store; secret values stay sealed (list, rm, history).
  kWriteSecrets,  // May create the SQLite store, and needs its master key (set, seed).
  kRekey,         // An existing SQLite store and its current master key.
};

// Opens the backend BADGESMITH_STORE names. For SQLite: the database in `data_dir`, created only
// for kWriteSecrets (the others would create an empty store in a mistyped --data-dir). Fails (see
// fail) with kExitUsage for an empty `data_dir` or a bad BADGESMITH_STORE, kExitFailure when the
// store is missing and may not be created, cannot be opened, the master key is missing (SQLite)
// or an AWS setting is invalid, and for kRekey on DynamoDB (Secrets Manager encrypts with KMS).
std::unique_ptr<StoreSession> open_session(const std::string& data_dir, std::string_view command,
                                           SessionAccess access);

// The master key from BADGESMITH_MASTER_KEY(_FILE); fails with kExitFailure when there is none or
// it is malformed.
security::MasterKey require_master_key(std::string_view command);

// Stores the owner's legacy-signature deadline (ResultsRepository::set_legacy_until); fails with
// kExitFailure when the store does.
void store_legacy_until(StoreSession& session, std::string_view command, const std::string& owner,
                        std::optional<std::int64_t> until);

// Whether `key` may also accept the .NET service's body-only signatures: only an owner-wide
// testdata key, because such a signature binds no path and the .NET service had no repo keys.
bool accepts_legacy(const store::SecretKey& key);

// Warns when legacy signatures allowed until `until` (Unix seconds, exclusive) are refused
// already: accepted all the same, since an operator may be recording a deadline that passed.
void warn_if_legacy_expired(std::string_view command, std::string_view what, std::int64_t until);

// Adds --data-dir (BADGESMITH_DATA_DIR, default "data").
void add_data_dir_option(CLI::App& command, std::string& data_dir);

// Runs `work` as `command`'s callback inside app.parse(), turning stray exceptions into
// one-line failures named `name`.
template <class Work>
void on_parsed(CLI::App& command, std::string name, Work work) {
  command.callback([name = std::move(name), work = std::move(work)] {
    try {
      work();
    } catch (const CLI::RuntimeError&) {
      throw;
    } catch (const std::exception& e) {
      fail(name, kExitFailure, e.what());
    }
  });
}

}  // namespace badgesmith::cli
