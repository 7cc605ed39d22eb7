#include "cli/app.h"

#include "core/log/log.h"
#include "core/security/master_key.h"
#include "features/badges/routes.h"
#include "features/github/routes.h"
#include "features/health/routes.h"
#include "features/nuget/routes.h"
#include "features/packages/routes.h"
#include "features/site/routes.h"
#include "features/testresults/routes.h"
#include "features/testresults/store_results_repository.h"

namespace badgesmith::cli {

PeriodicPurge::PeriodicPurge(store::SqliteStore& store, std::chrono::seconds interval) {
  thread_ = std::thread([this, &store, interval] {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, interval, [this] { return stopping_; })) {
      store.purge_expired([](Result<std::size_t> purged) {
        if (!purged)
          log::warn("purging expired items failed", {{"reason", purged.error().message}});
      });
    }
  });
}

PeriodicPurge::~PeriodicPurge() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

App::~App() {
  if (upstream_loop) upstream_loop->stop();
  if (pool) pool->shutdown();
}

Result<std::unique_ptr<App>> build_app(const AppConfig& config) {
  auto master_key = security::load_master_key_from_env();
  if (!master_key) return master_key.error();
  if (!master_key.value()) {
    log::warn("no master key: stored secrets cannot be read (GitHub package badges answer 503)",
              {{"hint", "set BADGESMITH_MASTER_KEY or BADGESMITH_MASTER_KEY_FILE"}});
  }
  auto app = std::make_unique<App>();
  app->pool = std::make_unique<async::WorkPool>(config.store_threads);
  auto store = store::SqliteStore::open(config.data_dir, *app->pool);
  if (!store) return store.error();
  app->store = std::move(store).value();
  auto secrets =
      store::SqliteSecretStore::open(config.data_dir, *app->pool, std::move(master_key).value());
  if (!secrets) return secrets.error();
  app->secrets = std::move(secrets).value();
  app->purge = std::make_unique<PeriodicPurge>(*app->store, std::chrono::minutes(10));

  const UpstreamConfig& upstream = config.upstream;
  app->upstream_loop = std::make_unique<async::IoThread>();
  app->client = std::make_unique<http::Client>(upstream.client, app->upstream_loop->context());
  app->nuget = std::make_unique<nuget::NuGetFeed>(
      *app->client,
      nuget::FeedOptions{.service_index_url = upstream.nuget_source, .cache = upstream.cache});
  app->github = std::make_unique<github::GitHubPackages>(
      *app->client, *app->secrets,
      github::PackagesOptions{.api_base = upstream.github_api, .cache = upstream.cache});

  const TestResultsConfig& test_results = config.test_results;
  std::optional<std::filesystem::path> audit_file;
  if (!test_results.audit_file.empty()) audit_file = config.data_dir / test_results.audit_file;
  auto audit = log::AuditLog::open(test_results.audit_stdout, std::move(audit_file));
  if (!audit) return audit.error();
  app->audit = std::move(audit).value();
  app->results = std::make_unique<testresults::StoreResultsRepository>(*app->store);
  app->signing_keys =
      std::make_unique<testresults::SigningKeys>(*app->secrets, *app->results, upstream.cache);

  health::add_routes(app->router, {*app->store, app->started});
  site::add_routes(app->router);
  nuget::add_routes(app->router, {*app->nuget, upstream.badge_cache_control});
  github::add_routes(app->router, {*app->github, upstream.badge_cache_control});
  packages::add_routes(app->router);
  testresults::add_routes(app->router,
                          {*app->results, *app->signing_keys, *app->audit, test_results.options});
  badges::add_routes(app->router, {std::chrono::duration_cast<std::chrono::seconds>(
                                       std::chrono::system_clock::now().time_since_epoch())
                                       .count()});
  return app;
}

}  // namespace badgesmith::cli
