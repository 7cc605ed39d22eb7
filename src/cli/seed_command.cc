#include "cli/seed_command.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "cli/operator_command.h"
#include "cli/seed_file.h"
#include "cli/utc_time.h"

namespace badgesmith::cli {
namespace {

constexpr std::string_view kCommand = "seed";

struct SeedFlags {
  std::string file;
  std::string data_dir = "data";
  std::string legacy_until;
};

// Reads at most one byte more than a seed file may hold, so that a larger one is refused by the
// parser's size check rather than cut.
void read_seed_file(const std::string& path, WipedString& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(kCommand, kExitFailure, "cannot open " + path + ": " + std::strerror(errno));
  text.text.resize(kMaxSeedFileBytes + 1);
  in.read(text.text.data(), static_cast<std::streamsize>(text.text.size()));
  if (in.bad()) fail(kCommand, kExitFailure, "cannot read " + path);
  text.text.resize(static_cast<std::size_t>(in.gcount()));
}

void put_secret(StoreSession& session, const SeedSecret& secret) {
  auto stored = wait_for<void>([&](Callback<void> done) {
    session.secrets->put(secret.key, secret.value.text, std::move(done));
  });
  if (!stored) fail(kCommand, kExitFailure, stored.error().message);
  // As `secrets set`: a testdata key without a deadline ends any earlier legacy period.
  if (accepts_legacy(secret.key)) {
    store_legacy_until(session, kCommand, secret.key.owner, secret.legacy_until);
  }
}

void put_owner(StoreSession& session, const SeedOwner& owner) {
  auto stored = wait_for<void>([&](Callback<void> done) {
    session.results->set_history_hidden(owner.owner, owner.history_hidden, std::move(done));
  });
  if (!stored) fail(kCommand, kExitFailure, stored.error().message);
}

void run_seed(const SeedFlags& flags, bool has_legacy_until) {
  std::optional<std::int64_t> dotnet_legacy_until;
  if (has_legacy_until) {
    dotnet_legacy_until = parse_utc_instant(flags.legacy_until);
    if (!dotnet_legacy_until) {
      fail(kCommand, kExitUsage,
           "--legacy-until must be a date YYYY-MM-DD or an RFC 3339 UTC time "
           "(YYYY-MM-DDThh:mm:ssZ)");
    }
  }
  WipedString text;
  read_seed_file(flags.file, text);
  auto parsed = parse_seed_file(text.text);
  if (!parsed) {
    fail(kCommand, kExitFailure,
         flags.file + ": " + parsed.error().message + "; nothing was written");
  }
  SeedFile& file = parsed.value();
  if (dotnet_legacy_until && !file.is_dotnet) {
    fail(kCommand, kExitUsage,
         "--legacy-until is for a .NET organization-pat-mapping.json; in a BadgeSmith seed file, "
         "give legacy_until per secret");
  }
  for (const std::string& line : file.skipped) {
    std::cerr << "badgesmith: " << kCommand << ": " << line << '\n';
  }
  if (dotnet_legacy_until) warn_if_legacy_expired(kCommand, "--legacy-until", *dotnet_legacy_until);
  for (SeedSecret& secret : file.secrets) {
    if (dotnet_legacy_until && accepts_legacy(secret.key))
      secret.legacy_until = dotnet_legacy_until;
    if (secret.legacy_until && !dotnet_legacy_until) {
      warn_if_legacy_expired(kCommand, "secrets[" + std::to_string(secret.index) + "].legacy_until",
                             *secret.legacy_until);
    }
  }

  const auto session = open_session(flags.data_dir, kCommand, SessionAccess::kWriteSecrets);
  std::set<std::string> owners;
  for (const SeedSecret& secret : file.secrets) {
    put_secret(*session, secret);
    owners.insert(secret.key.owner);
  }
  for (const SeedOwner& owner : file.owners) put_owner(*session, owner);

  std::cout << "seeded " << file.secrets.size() << " secrets for " << owners.size() << " owners\n";
  for (const SeedSecret& secret : file.secrets) {
    if (secret.legacy_until) {
      std::cout << "the testdata secret of " << secret.key.owner
                << " also accepts legacy (.NET, body-only) signatures until "
                << format_utc(*secret.legacy_until) << '\n';
    }
  }
  for (const SeedOwner& owner : file.owners) {
    std::cout << "history of " << owner.owner << ": " << (owner.history_hidden ? "hidden" : "shown")
              << '\n';
  }
}

}  // namespace

void add_seed_command(CLI::App& app) {
  auto flags = std::make_shared<SeedFlags>();
  CLI::App* seed = app.add_subcommand(
      "seed",
      "Load secrets and owner settings from a seed file (.NET organization-pat-mapping.json "
      "or BadgeSmith's), idempotently");
  seed->add_option("FILE", flags->file, "The seed file (at most 1 MiB)")->required();
  add_data_dir_option(*seed, flags->data_dir);
  CLI::Option* legacy_until = seed->add_option(
      "--legacy-until", flags->legacy_until,
      "Let every TestData secret of a .NET file also accept legacy signatures until DATE "
      "(YYYY-MM-DD, 00:00 UTC) or an RFC 3339 UTC time, exclusive");
  on_parsed(*seed, std::string(kCommand),
            [flags, legacy_until] { run_seed(*flags, legacy_until->count() > 0); });
}

}  // namespace badgesmith::cli
