#include "cli/dynamodb_command.h"

#include <iostream>

#include "cli/backend.h"
#include "cli/operator_command.h"
#include "core/async/io_thread.h"

namespace badgesmith::cli {
namespace {

constexpr std::string_view kCommand = "dynamodb create-tables";

void run_create_tables() {
  async::IoThread loop;
  auto aws = open_aws_services(aws::process_environment(), loop.context());
  if (!aws) fail(kCommand, kExitFailure, aws.error().message);
  const aws::TableNames& tables = aws.value()->tables;
  auto created = wait_for<void>([&](Callback<void> done) {
    aws::create_tables(*aws.value()->client, loop.context(), tables, std::move(done));
  });
  loop.stop();
  if (!created) fail(kCommand, kExitFailure, created.error().message);
  std::cout << "tables ready: " << tables.test_results << ", " << tables.nonces << ", "
            << tables.org_secrets << '\n';
}

}  // namespace

void add_dynamodb_command(CLI::App& app) {
  CLI::App* dynamodb = app.add_subcommand("dynamodb", "Set up AWS mode's DynamoDB tables");
  dynamodb->require_subcommand(1, 1);
  CLI::App* create = dynamodb->add_subcommand(
      "create-tables",
      "Create the test-result, nonce and org-secrets tables (AWS_RESOURCE_*_TABLE names) with "
      "their index and TTL, if missing");
  on_parsed(*create, std::string(kCommand), [] { run_create_tables(); });
}

}  // namespace badgesmith::cli
