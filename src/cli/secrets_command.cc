#include "cli/secrets_command.h"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <exception>
#include <filesystem>
#include <future>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/async/work_pool.h"
#include "core/security/master_key.h"
#include "core/store/secret_store.h"
#include "core/store/sqlite_secret_store.h"
#include "core/store/sqlite_store.h"

namespace badgesmith::cli {
namespace {

using security::MasterKey;
using store::SecretKey;
using store::SqliteSecretStore;

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

struct SecretsFlags {
  std::string data_dir = "data";
  std::string owner;
  std::string repo;
  std::string type;
  std::string from_file;
  std::string new_key_file;
};

// A secret value on its way in: wiped when it goes out of scope.
struct WipedString {
  std::string text;
  ~WipedString() { OPENSSL_cleanse(text.data(), text.size()); }
};

[[noreturn]] void fail(std::string_view command, int status, std::string_view message) {
  std::cerr << "badgesmith: secrets " << command << ": " << message << '\n';
  throw CLI::RuntimeError(status);
}

// Reads all of `fd`, dropping exactly one trailing "\n" or "\r\n" (what `echo` or an editor
// adds). Reads one byte past the limit, so an over-long value is refused rather than cut.
void read_value(int fd, std::string_view command, std::string_view source, WipedString& value) {
  value.text.resize(store::kMaxSecretBytes + 3);
  std::size_t size = 0;
  while (size < value.text.size()) {
    const ssize_t n = ::read(fd, value.text.data() + size, value.text.size() - size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0)
      fail(command, kExitFailure,
           "cannot read " + std::string(source) + ": " + std::strerror(errno));
    if (n == 0) break;
    size += static_cast<std::size_t>(n);
  }
  std::string_view text(value.text.data(), size);
  if (text.ends_with("\r\n")) {
    text.remove_suffix(2);
  } else if (text.ends_with('\n')) {
    text.remove_suffix(1);
  }
  if (text.empty())
    fail(command, kExitUsage, "the value from " + std::string(source) + " is empty");
  if (text.size() > store::kMaxSecretBytes) {
    fail(command, kExitUsage, "the value from " + std::string(source) + " exceeds 65536 bytes");
  }
  // Wipe the dropped newline and unread capacity before shrinking: the bytes stay in place.
  OPENSSL_cleanse(value.text.data() + text.size(), value.text.size() - text.size());
  value.text.resize(text.size());
}

// Starts an asynchronous store operation and waits for its result.
template <class T, class Start>
Result<T> wait_for(Start start) {
  std::promise<Result<T>> promise;
  std::future<Result<T>> future = promise.get_future();
  start([&promise](Result<T> result) { promise.set_value(std::move(result)); });
  return future.get();
}

// The store, and the one-thread pool it runs on (declared first, so it outlives the store).
struct Session {
  async::WorkPool pool{1};
  std::unique_ptr<SqliteSecretStore> store;
};

// `create`: whether a missing database may be created (only `set` writes a first secret; the
// others would create an empty store in a mistyped --data-dir).
std::unique_ptr<Session> open_session(const SecretsFlags& flags, std::string_view command,
                                      bool create, std::optional<MasterKey> key) {
  if (flags.data_dir.empty()) fail(command, kExitUsage, "--data-dir must not be empty");
  std::error_code ec;
  if (!create && !std::filesystem::exists(
                     std::filesystem::path(flags.data_dir) / store::SqliteStore::kFileName, ec)) {
    fail(command, kExitFailure, "no store in " + flags.data_dir);
  }
  auto session = std::make_unique<Session>();
  auto opened = SqliteSecretStore::open(flags.data_dir, session->pool, std::move(key));
  if (!opened) fail(command, kExitFailure, opened.error().message);
  session->store = std::move(opened).value();
  return session;
}

MasterKey require_master_key(std::string_view command) {
  auto key = security::load_master_key_from_env();
  if (!key) fail(command, kExitFailure, key.error().message);
  if (!key.value()) fail(command, kExitFailure, SqliteSecretStore::kNoMasterKey);
  return std::move(*key.value());
}

SecretKey key_from_flags(const SecretsFlags& flags, std::string_view command) {
  auto key = store::normalize_secret_key(
      SecretKey{flags.owner, flags.repo, *store::secret_type_from_string(flags.type)});
  if (!key) fail(command, kExitUsage, "--" + key.error().property + ": " + key.error().message);
  return std::move(key).value();
}

std::string describe(const SecretKey& key) {
  return std::string(to_string(key.type)) + " secret of " + key.owner +
         (key.repo.empty() ? "" : "/" + key.repo);
}

std::string utc_date(std::int64_t unix_seconds) {
  const std::time_t time = static_cast<std::time_t>(unix_seconds);
  std::tm parts{};
  char text[32] = "?";
  if (::gmtime_r(&time, &parts) != nullptr)
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

void run_set(const SecretsFlags& flags, const CLI::App& command) {
  // Collected rather than rejected by CLI11, whose message would echo them: a stray argument
  // may well be the secret itself.
  if (!command.remaining().empty()) {
    fail("set", kExitUsage,
         "unexpected arguments; the value is read from stdin or --from-file, never from the "
         "command line");
  }
  const SecretKey key = key_from_flags(flags, "set");
  WipedString value;
  if (!flags.from_file.empty()) {
    const int fd = ::open(flags.from_file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
      fail("set", kExitFailure, "cannot open " + flags.from_file + ": " + std::strerror(errno));
    struct Closer {
      int fd;
      ~Closer() { ::close(fd); }
    } closer{fd};
    read_value(fd, "set", flags.from_file, value);
  } else {
    if (::isatty(STDIN_FILENO) == 1) {
      std::cerr << "badgesmith: secrets set: reading the value from stdin (end with Ctrl-D)\n";
    }
    read_value(STDIN_FILENO, "set", "stdin", value);
  }
  const auto session = open_session(flags, "set", /*create=*/true, require_master_key("set"));
  auto stored = wait_for<void>(
      [&](Callback<void> done) { session->store->put(key, value.text, std::move(done)); });
  if (!stored) fail("set", kExitFailure, stored.error().message);
  std::cout << "stored the " << describe(key) << '\n';
}

void run_list(const SecretsFlags& flags, bool has_owner) {
  std::optional<std::string> owner;
  if (has_owner) {
    auto normalized = store::normalize_secret_owner(flags.owner);
    if (!normalized) fail("list", kExitUsage, "--owner: " + normalized.error().message);
    owner = std::move(normalized).value();
  }
  const auto session = open_session(flags, "list", /*create=*/false, std::nullopt);
  auto secrets =
      wait_for<std::vector<store::SecretInfo>>([&](Callback<std::vector<store::SecretInfo>> done) {
        session->store->list(owner, std::move(done));
      });
  if (!secrets) fail("list", kExitFailure, secrets.error().message);
  std::cout << "OWNER\tREPO\tTYPE\tCREATED\tUPDATED\n";
  for (const store::SecretInfo& secret : secrets.value()) {
    std::cout << secret.key.owner << '\t' << (secret.key.repo.empty() ? "*" : secret.key.repo)
              << '\t' << to_string(secret.key.type) << '\t' << utc_date(secret.created_at) << '\t'
              << utc_date(secret.updated_at) << '\n';
  }
}

void run_rm(const SecretsFlags& flags) {
  const SecretKey key = key_from_flags(flags, "rm");
  const auto session = open_session(flags, "rm", /*create=*/false, std::nullopt);
  auto removed =
      wait_for<bool>([&](Callback<bool> done) { session->store->remove(key, std::move(done)); });
  if (!removed) fail("rm", kExitFailure, removed.error().message);
  if (!removed.value()) fail("rm", kExitFailure, "there is no " + describe(key));
  std::cout << "removed the " << describe(key) << '\n';
}

void run_rekey(const SecretsFlags& flags) {
  auto new_key = MasterKey::from_file(flags.new_key_file);
  if (!new_key) fail("rekey", kExitFailure, "--new-key-file: " + new_key.error().message);
  const std::string new_id = new_key.value().id();
  const auto session = open_session(flags, "rekey", /*create=*/false, require_master_key("rekey"));
  auto count = wait_for<std::size_t>([&](Callback<std::size_t> done) {
    session->store->rekey(std::move(new_key).value(), std::move(done));
  });
  if (!count) fail("rekey", kExitFailure, count.error().message);
  std::cout << "re-encrypted " << count.value() << " secret(s) under master key " << new_id
            << " in one transaction.\n"
            << "Now set BADGESMITH_MASTER_KEY_FILE=" << flags.new_key_file
            << " (or BADGESMITH_MASTER_KEY to its contents) wherever the old key was set, and "
               "restart the server: the old key opens nothing any more.\n";
}

void add_data_dir(CLI::App& command, SecretsFlags& flags) {
  command.add_option("--data-dir", flags.data_dir, "Directory of the embedded SQLite store")
      ->envname("BADGESMITH_DATA_DIR")
      ->capture_default_str();
}

void add_key_options(CLI::App& command, SecretsFlags& flags) {
  command.add_option("--owner", flags.owner, "GitHub owner (organisation or user)")->required();
  command.add_option("--repo", flags.repo, "Repository (default: owner-wide)");
  command.add_option("--type", flags.type, "package or testdata")
      ->required()
      ->check(CLI::IsMember({"package", "testdata"}));
}

// Runs `work` as `command`'s callback, turning stray exceptions into one-line failures.
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

}  // namespace

void add_secrets_command(CLI::App& app) {
  // The callbacks outlive this function, so they share ownership of what CLI11 writes into.
  auto flags = std::make_shared<SecretsFlags>();
  CLI::App* secrets = app.add_subcommand(
      "secrets", "Manage stored secrets (sealed under BADGESMITH_MASTER_KEY or _FILE)");
  secrets->require_subcommand(1, 1);

  CLI::App* set = secrets->add_subcommand("set", "Store a secret read from stdin or --from-file");
  add_key_options(*set, *flags);
  set->add_option("--from-file", flags->from_file, "Read the value from this file, not stdin");
  add_data_dir(*set, *flags);
  set->allow_extras();
  on_parsed(*set, "set", [flags, set] { run_set(*flags, *set); });

  CLI::App* list = secrets->add_subcommand("list", "List stored secrets (never their values)");
  CLI::Option* owner = list->add_option("--owner", flags->owner, "Only this owner's secrets");
  add_data_dir(*list, *flags);
  on_parsed(*list, "list", [flags, owner] { run_list(*flags, owner->count() > 0); });

  CLI::App* rm = secrets->add_subcommand("rm", "Delete a stored secret");
  add_key_options(*rm, *flags);
  add_data_dir(*rm, *flags);
  on_parsed(*rm, "rm", [flags] { run_rm(*flags); });

  CLI::App* rekey = secrets->add_subcommand(
      "rekey", "Re-encrypt every secret under a new master key, in one transaction");
  rekey->add_option("--new-key-file", flags->new_key_file, "File holding the new key's base64")
      ->required();
  add_data_dir(*rekey, *flags);
  on_parsed(*rekey, "rekey", [flags] { run_rekey(*flags); });
}

}  // namespace badgesmith::cli
