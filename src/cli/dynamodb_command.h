// `badgesmith dynamodb create-tables`: creates the three tables of AWS mode (aws::create_tables)
// where BADGESMITH_STORE=dynamodb would find them — for emulators and a first set-up; the CDK
// stack creates production ones. Idempotent.
#pragma once

#include <CLI/CLI.hpp>

namespace badgesmith::cli {

// Registers the `dynamodb` subcommand on `app`; it reports as `secrets` does (secrets_command.h).
void add_dynamodb_command(CLI::App& app);

}  // namespace badgesmith::cli
