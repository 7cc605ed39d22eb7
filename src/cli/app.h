// The one wiring function: builds the backend (SQLite, or DynamoDB + Secrets Manager) and the
// router with every feature's routes, in order. The HTTP server and the Lambda loop both serve
// what this builds, on either backend.
#pragma once

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

#include "cli/backend.h"
#include "core/async/io_thread.h"
#include "core/async/work_pool.h"
#include "core/cache/result_cache.h"
#include "core/http/client.h"
#include "core/http/origin_guard.h"
#include "core/log/audit_log.h"
#include "core/routing/router.h"
#include "core/store/sqlite_secret_store.h"
#include "core/store/sqlite_store.h"
#include "features/github/github_packages.h"
#include "features/nuget/nuget_feed.h"
#include "features/testresults/results_repository.h"
#include "features/testresults/routes.h"
#include "features/testresults/signing_keys.h"

namespace badgesmith::cli {

// Where package badges come from and how hard we may lean on those upstreams.
struct UpstreamConfig {
  std::string nuget_source = std::string(nuget::kNuGetOrgServiceIndex);
  std::string github_api = std::string(github::kGitHubApi);
  http::ClientOptions client;
  cache::Options cache;
  std::string badge_cache_control = std::string(packages::kDefaultCacheControl);
};

// Signed test-result ingestion and its audit trail.
struct TestResultsConfig {
  testresults::TestResultsOptions options;
  // The audit file's path, relative to the data dir unless absolute; none when empty.
  std::filesystem::path audit_file;
  log::AuditLog::LineSink audit_stdout;  // None when empty.
};

// Origin protection (http::OriginGuard); off when both are empty.
struct OriginConfig {
  std::string secret;       // BADGESMITH_ORIGIN_SECRET: the value itself (self-hosting).
  std::string secret_name;  // BADGESMITH_ORIGIN_SECRET_NAME: a Secrets Manager secret's name.
};

struct AppConfig {
  Backend backend = Backend::kSqlite;
  std::filesystem::path data_dir = "data";  // kSqlite only.
  std::size_t store_threads = 2;
  UpstreamConfig upstream;
  TestResultsConfig test_results;
  OriginConfig origin;
  // Where AWS settings (region, endpoint override, table names, credentials) are read.
  aws::Environment env = aws::process_environment();
};

// Reclaims expired store items every `interval` from a background thread (nonces and the like
// expire by the thousand; gets already hide them, this only keeps the file from growing).
class PeriodicPurge {
 public:
  PeriodicPurge(store::SqliteStore& store, std::chrono::seconds interval);
  // Stops the thread; a purge already handed to the store still completes.
  ~PeriodicPurge();
  PeriodicPurge(const PeriodicPurge&) = delete;
  PeriodicPurge& operator=(const PeriodicPurge&) = delete;

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // Guarded by mutex_.
  std::thread thread_;
};

// Owns everything requests use. Destroy only after the transport has stopped: the destructor
// first stops the upstream loop and the work pool, so no completion runs into a half-destroyed App.
struct App {
  App() = default;
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  std::unique_ptr<async::WorkPool> pool;
  std::unique_ptr<store::SqliteStore> store;  // kSqlite only.
  std::unique_ptr<PeriodicPurge> purge;       // kSqlite only.
  std::unique_ptr<async::IoThread> upstream_loop;
  std::unique_ptr<http::Client> client;
  // kDynamoDb, or an origin secret kept in Secrets Manager; on upstream_loop.
  std::unique_ptr<AwsServices> aws;
  std::unique_ptr<store::SecretStore> secrets;
  std::unique_ptr<nuget::NuGetFeed> nuget;
  std::unique_ptr<github::GitHubPackages> github;
  std::unique_ptr<log::AuditLog> audit;
  std::unique_ptr<testresults::ResultsRepository> results;
  std::unique_ptr<testresults::SigningKeys> signing_keys;
  std::unique_ptr<http::OriginGuard> origin_guard;  // Null when origin protection is off.
  routing::Router router;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

// Fails when the store cannot be opened or migrated, the master key in the environment is
// invalid, an AWS setting is invalid or the origin secret cannot be read (the message says why).
// Without any master key the SQLite app starts; secrets are refused.
Result<std::unique_ptr<App>> build_app(const AppConfig& config);

}  // namespace badgesmith::cli
