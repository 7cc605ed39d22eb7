#include "cli/secrets_command.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/operator_command.h"
#include "cli/utc_time.h"
#include "core/security/master_key.h"
#include "core/store/secret_store.h"

namespace badgesmith::cli {
namespace {

using security::MasterKey;
using store::SecretKey;

struct SecretsFlags {
  std::string data_dir = "data";
  std::string owner;
  std::string repo;
  std::string type;
  std::string from_file;
  std::string new_key_file;
  bool legacy_signature = false;
  std::string legacy_until;
};

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

// The --legacy-until instant, checked before anything is read or written; nullopt without
// --legacy-signature (CLI11 makes the two flags require each other).
std::optional<std::int64_t> legacy_until_from_flags(const SecretsFlags& flags,
                                                    const SecretKey& key) {
  if (!flags.legacy_signature) return std::nullopt;
  if (!accepts_legacy(key)) {
    fail("secrets set", kExitUsage,
         "--legacy-signature needs --type testdata and an owner-wide key (no --repo)");
  }
  const auto until = parse_utc_instant(flags.legacy_until);
  if (!until) {
    fail("secrets set", kExitUsage,
         "--legacy-until must be a date YYYY-MM-DD or an RFC 3339 UTC time "
         "(YYYY-MM-DDThh:mm:ssZ)");
  }
  warn_if_legacy_expired("secrets set", "--legacy-until", *until);
  return until;
}

void run_set(const SecretsFlags& flags, const CLI::App& command) {
  // Collected rather than rejected by CLI11, whose message would echo them: a stray argument
  // may well be the secret itself.
  if (!command.remaining().empty()) {
    fail("secrets set", kExitUsage,
         "unexpected arguments; the value is read from stdin or --from-file, never from the "
         "command line");
  }
  const SecretKey key = key_from_flags(flags, "secrets set");
  const std::optional<std::int64_t> legacy_until = legacy_until_from_flags(flags, key);
  WipedString value;
  if (!flags.from_file.empty()) {
    const int fd = ::open(flags.from_file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      fail("secrets set", kExitFailure,
           "cannot open " + flags.from_file + ": " + std::strerror(errno));
    }
    struct Closer {
      int fd;
      ~Closer() { ::close(fd); }
    } closer{fd};
    read_value(fd, "secrets set", flags.from_file, value);
  } else {
    if (::isatty(STDIN_FILENO) == 1) {
      std::cerr << "badgesmith: secrets set: reading the value from stdin (end with Ctrl-D)\n";
    }
    read_value(STDIN_FILENO, "secrets set", "stdin", value);
  }
  const auto session = open_session(flags.data_dir, "secrets set", SessionAccess::kWriteSecrets);
  auto stored = wait_for<void>(
      [&](Callback<void> done) { session->secrets->put(key, value.text, std::move(done)); });
  if (!stored) fail("secrets set", kExitFailure, stored.error().message);
  // A new key without the flag ends any legacy period the owner's previous key had.
  if (accepts_legacy(key)) store_legacy_until(*session, "secrets set", key.owner, legacy_until);
  std::cout << "stored the " << describe(key) << '\n';
  if (legacy_until) {
    std::cout << "it also accepts legacy (.NET, body-only) signatures until "
              << format_utc(*legacy_until) << '\n';
  }
}

// The LEGACY_UNTIL column: the instant, or "-" for none.
std::string legacy_column(StoreSession& session, const SecretKey& key) {
  if (!accepts_legacy(key)) return "-";
  auto until =
      wait_for<std::optional<std::int64_t>>([&](Callback<std::optional<std::int64_t>> done) {
        session.results->legacy_until(key.owner, std::move(done));
      });
  if (!until) fail("secrets list", kExitFailure, until.error().message);
  if (!until.value()) return "-";
  const bool expired = *until.value() <= std::time(nullptr);
  return format_utc(*until.value()) + (expired ? " (expired)" : "");
}

void run_list(const SecretsFlags& flags, bool has_owner) {
  std::optional<std::string> owner;
  if (has_owner) {
    auto normalized = store::normalize_secret_owner(flags.owner);
    if (!normalized) fail("secrets list", kExitUsage, "--owner: " + normalized.error().message);
    owner = std::move(normalized).value();
  }
  const auto session = open_session(flags.data_dir, "secrets list", SessionAccess::kExisting);
  auto secrets =
      wait_for<std::vector<store::SecretInfo>>([&](Callback<std::vector<store::SecretInfo>> done) {
        session->secrets->list(owner, std::move(done));
      });
  if (!secrets) fail("secrets list", kExitFailure, secrets.error().message);
  std::cout << "OWNER\tREPO\tTYPE\tCREATED\tUPDATED\tLEGACY_UNTIL\n";
  for (const store::SecretInfo& secret : secrets.value()) {
    std::cout << secret.key.owner << '\t' << (secret.key.repo.empty() ? "*" : secret.key.repo)
              << '\t' << to_string(secret.key.type) << '\t' << format_utc(secret.created_at) << '\t'
              << format_utc(secret.updated_at) << '\t' << legacy_column(*session, secret.key)
              << '\n';
  }
}

void run_rm(const SecretsFlags& flags) {
  const SecretKey key = key_from_flags(flags, "secrets rm");
  const auto session = open_session(flags.data_dir, "secrets rm", SessionAccess::kExisting);
  auto removed =
      wait_for<bool>([&](Callback<bool> done) { session->secrets->remove(key, std::move(done)); });
  if (!removed) fail("secrets rm", kExitFailure, removed.error().message);
  if (!removed.value()) fail("secrets rm", kExitFailure, "there is no " + describe(key));
  // Otherwise a later key for this owner would inherit the old key's legacy period.
  if (accepts_legacy(key)) store_legacy_until(*session, "secrets rm", key.owner, std::nullopt);
  std::cout << "removed the " << describe(key) << '\n';
}

void run_rekey(const SecretsFlags& flags) {
  auto new_key = MasterKey::from_file(flags.new_key_file);
  if (!new_key) {
    fail("secrets rekey", kExitFailure, "--new-key-file: " + new_key.error().message);
  }
  const std::string new_id = new_key.value().id();
  const auto session = open_session(flags.data_dir, "secrets rekey", SessionAccess::kRekey);
  auto count = wait_for<std::size_t>([&](Callback<std::size_t> done) {
    session->sqlite_secrets->rekey(std::move(new_key).value(), std::move(done));
  });
  if (!count) fail("secrets rekey", kExitFailure, count.error().message);
  std::cout << "re-encrypted " << count.value() << " secret(s) under master key " << new_id
            << " in one transaction.\n"
            << "Now set BADGESMITH_MASTER_KEY_FILE=" << flags.new_key_file
            << " (or BADGESMITH_MASTER_KEY to its contents) wherever the old key was set, and "
               "restart the server: the old key opens nothing any more.\n";
}

void add_key_options(CLI::App& command, SecretsFlags& flags) {
  command.add_option("--owner", flags.owner, "GitHub owner (organisation or user)")->required();
  command.add_option("--repo", flags.repo, "Repository (default: owner-wide)");
  command.add_option("--type", flags.type, "package or testdata")
      ->required()
      ->check(CLI::IsMember({"package", "testdata"}));
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
  CLI::Option* legacy = set->add_flag(
      "--legacy-signature", flags->legacy_signature,
      "Also accept the .NET service's body-only signatures (owner-wide testdata key, migration)");
  CLI::Option* legacy_until = set->add_option(
      "--legacy-until", flags->legacy_until,
      "With --legacy-signature: accept them until DATE (YYYY-MM-DD, 00:00 UTC) or an RFC 3339 UTC "
      "time, exclusive");
  legacy->needs(legacy_until);
  legacy_until->needs(legacy);
  add_data_dir_option(*set, flags->data_dir);
  set->allow_extras();
  on_parsed(*set, "secrets set", [flags, set] { run_set(*flags, *set); });

  CLI::App* list = secrets->add_subcommand("list", "List stored secrets (never their values)");
  CLI::Option* owner = list->add_option("--owner", flags->owner, "Only this owner's secrets");
  add_data_dir_option(*list, flags->data_dir);
  on_parsed(*list, "secrets list", [flags, owner] { run_list(*flags, owner->count() > 0); });

  CLI::App* rm = secrets->add_subcommand("rm", "Delete a stored secret");
  add_key_options(*rm, *flags);
  add_data_dir_option(*rm, flags->data_dir);
  on_parsed(*rm, "secrets rm", [flags] { run_rm(*flags); });

  CLI::App* rekey = secrets->add_subcommand(
      "rekey", "Re-encrypt every secret under a new master key, in one transaction");
  rekey->add_option("--new-key-file", flags->new_key_file, "File holding the new key's base64")
      ->required();
  add_data_dir_option(*rekey, flags->data_dir);
  on_parsed(*rekey, "secrets rekey", [flags] { run_rekey(*flags); });
}

}  // namespace badgesmith::cli
