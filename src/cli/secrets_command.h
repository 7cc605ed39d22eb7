// `badgesmith secrets set|list|rm|rekey`: the operator's tools for the SQLite secret store
// (core/store/sqlite_secret_store.h) in `--data-dir`. Values come from stdin or --from-file,
// never from argv, which every local user can read; nothing ever prints a value. The master key
// comes from the environment (core/security/master_key.h); list and rm work without it.
// An owner-wide testdata secret also carries the owner's legacy-signature deadline
// (testresults::ResultsRepository::set_legacy_until): `set` writes it (--legacy-signature
// --legacy-until DATE) or clears it, `rm` clears it, `list` shows it.
#pragma once

#include <CLI/CLI.hpp>

namespace badgesmith::cli {

// Registers the `secrets` subcommand on `app`. As with `render`, the work runs as a CLI11
// callback inside app.parse(): on success it returns normally (the caller then exits 0); on
// failure it has printed one line to stderr and throws CLI::RuntimeError carrying the exit
// status (2 for usage errors, 1 for failures), which the caller returns as is.
void add_secrets_command(CLI::App& app);

}  // namespace badgesmith::cli
