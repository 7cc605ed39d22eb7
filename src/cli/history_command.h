// `badgesmith history hide|show OWNER`: an owner's choice to hide its test-result history
// (GET /tests/results/…). Its badges and redirects stay public either way, as in the .NET
// service. Needs no master key, and an existing store in --data-dir.
#pragma once

#include <CLI/CLI.hpp>

namespace badgesmith::cli {

// Registers the `history` subcommand on `app`; it reports as `secrets` does (secrets_command.h).
void add_history_command(CLI::App& app);

}  // namespace badgesmith::cli
