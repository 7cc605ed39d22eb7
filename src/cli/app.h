// The one wiring function: builds the store and the router with every feature's routes, in
// order. Both the HTTP server and (later) the Lambda loop serve what this builds.
#pragma once

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

#include "core/async/io_thread.h"
#include "core/async/work_pool.h"
#include "core/cache/result_cache.h"
#include "core/http/client.h"
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

struct AppConfig {
  std::filesystem::path data_dir = "data";
  std::size_t store_threads = 2;
  UpstreamConfig upstream;
  TestResultsConfig test_results;
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
  std::unique_ptr<store::SqliteStore> store;
  std::unique_ptr<store::SqliteSecretStore> secrets;
  std::unique_ptr<PeriodicPurge> purge;
  std::unique_ptr<async::IoThread> upstream_loop;
  std::unique_ptr<http::Client> client;
  std::unique_ptr<nuget::NuGetFeed> nuget;
  std::unique_ptr<github::GitHubPackages> github;
  std::unique_ptr<log::AuditLog> audit;
  std::unique_ptr<testresults::ResultsRepository> results;
  std::unique_ptr<testresults::SigningKeys> signing_keys;
  routing::Router router;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

// Fails when the store cannot be opened or migrated, or the master key in the environment is
// invalid (the message says why). Without any master key the app starts; secrets are refused.
Result<std::unique_ptr<App>> build_app(const AppConfig& config);

}  // namespace badgesmith::cli
