#include "cli/operator_command.h"

#include <ctime>
#include <filesystem>
#include <iostream>
#include <system_error>

#include "cli/utc_time.h"
#include "features/testresults/store_results_repository.h"

namespace badgesmith::cli {

void fail(std::string_view command, int status, std::string_view message) {
  std::cerr << "badgesmith: " << command << ": " << message << '\n';
  throw CLI::RuntimeError(status);
}

void warn(std::string_view command, std::string_view message) {
  std::cerr << "badgesmith: " << command << ": warning: " << message << '\n';
}

StoreSession::~StoreSession() {
  if (aws_loop) aws_loop->stop();
}

std::unique_ptr<StoreSession> open_session(const std::string& data_dir, std::string_view command,
                                           SessionAccess access) {
  const aws::Environment env = aws::process_environment();
  const auto backend = backend_from(env);
  if (!backend) fail(command, kExitUsage, backend.error().message);
  auto session = std::make_unique<StoreSession>();
  if (backend.value() == Backend::kDynamoDb) {
    if (access == SessionAccess::kRekey) {
      fail(command, kExitFailure,
           "BADGESMITH_STORE=dynamodb: Secrets Manager encrypts secrets with KMS; there is no "
           "master key to change");
    }
    session->aws_loop = std::make_unique<async::IoThread>();
    auto aws = open_aws_services(env, session->aws_loop->context());
    if (!aws) fail(command, kExitFailure, aws.error().message);
    session->aws = std::move(aws).value();
    DynamoDbStores stores = open_dynamodb_stores(*session->aws);
    session->secrets = std::move(stores.secrets);
    session->results = std::move(stores.results);
    return session;
  }

  if (data_dir.empty()) fail(command, kExitUsage, "--data-dir must not be empty");
  std::error_code ec;
  if (access != SessionAccess::kWriteSecrets &&
      !std::filesystem::exists(std::filesystem::path(data_dir) / store::SqliteStore::kFileName,
                               ec)) {
    fail(command, kExitFailure, "no store in " + data_dir);
  }
  std::optional<security::MasterKey> key;
  if (access != SessionAccess::kExisting) key = require_master_key(command);
  auto items = store::SqliteStore::open(data_dir, session->pool);
  if (!items) fail(command, kExitFailure, items.error().message);
  session->items = std::move(items).value();
  auto secrets = store::SqliteSecretStore::open(data_dir, session->pool, std::move(key));
  if (!secrets) fail(command, kExitFailure, secrets.error().message);
  session->sqlite_secrets = secrets.value().get();
  session->secrets = std::move(secrets).value();
  session->results = std::make_unique<testresults::StoreResultsRepository>(*session->items);
  return session;
}

security::MasterKey require_master_key(std::string_view command) {
  auto key = security::load_master_key_from_env();
  if (!key) fail(command, kExitFailure, key.error().message);
  if (!key.value()) fail(command, kExitFailure, store::SqliteSecretStore::kNoMasterKey);
  return std::move(*key.value());
}

void store_legacy_until(StoreSession& session, std::string_view command, const std::string& owner,
                        std::optional<std::int64_t> until) {
  auto stored = wait_for<void>([&](Callback<void> done) {
    session.results->set_legacy_until(owner, until, std::move(done));
  });
  if (!stored) fail(command, kExitFailure, stored.error().message);
}

bool accepts_legacy(const store::SecretKey& key) {
  return key.type == store::SecretType::kTestData && key.repo.empty();
}

void warn_if_legacy_expired(std::string_view command, std::string_view what, std::int64_t until) {
  if (until > std::time(nullptr)) return;
  warn(command, std::string(what) + " " + format_utc(until) +
                    " has passed: legacy signatures are refused already");
}

void add_data_dir_option(CLI::App& command, std::string& data_dir) {
  command.add_option("--data-dir", data_dir, "Directory of the embedded SQLite store")
      ->envname("BADGESMITH_DATA_DIR")
      ->capture_default_str();
}

}  // namespace badgesmith::cli
