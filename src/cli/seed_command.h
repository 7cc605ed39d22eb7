// `badgesmith seed FILE`: loads secrets, and owners' history settings, from a seed file
// (cli/seed_file.h: the .NET service's organization-pat-mapping.json or ours) into the store in
// --data-dir. The whole file is checked before anything is written; running it again leaves the
// same state (every secret is put again, keeping its created_at). Needs the master key, as
// `secrets set` does, and never prints a value.
#pragma once

#include <CLI/CLI.hpp>

namespace badgesmith::cli {

// Registers the `seed` subcommand on `app`; it reports as `secrets` does (secrets_command.h).
void add_seed_command(CLI::App& app);

}  // namespace badgesmith::cli
