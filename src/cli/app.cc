#include "cli/app.h"

#include <openssl/crypto.h>

#include <nlohmann/json.hpp>

#include "core/async/wait.h"
#include "core/aws/secrets_manager.h"
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

namespace {

Result<void> open_sqlite(const AppConfig& config, App& app) {
  auto master_key = security::load_master_key_from_env();
  if (!master_key) return master_key.error();
  if (!master_key.value()) {
    log::warn("no master key: stored secrets cannot be read (GitHub package badges answer 503)",
              {{"hint", "set BADGESMITH_MASTER_KEY or BADGESMITH_MASTER_KEY_FILE"}});
  }
  app.pool = std::make_unique<async::WorkPool>(config.store_threads);
  BOOST_OUTCOME_TRY(store, store::SqliteStore::open(config.data_dir, *app.pool));
  app.store = std::move(store);
  BOOST_OUTCOME_TRY(secrets, store::SqliteSecretStore::open(config.data_dir, *app.pool,
                                                            std::move(master_key).value()));
  app.secrets = std::move(secrets);
  app.purge = std::make_unique<PeriodicPurge>(*app.store, std::chrono::minutes(10));
  app.results = std::make_unique<testresults::StoreResultsRepository>(*app.store);
  return success();
}

std::function<void(Callback<void>)> store_probe(App& app) {
  if (app.store) {
    return [store = app.store.get()](Callback<void> done) { store->probe(std::move(done)); };
  }
  // A GetItem of a key nobody writes: proves the table, the credentials and the network.
  return [aws = app.aws.get()](Callback<void> done) {
    const nlohmann::json probe = {
        {"TableName", aws->tables.test_results},
        {"Key", {{"PK", {{"S", "HEALTH#probe"}}}, {"SK", {{"S", "probe"}}}}}};
    aws->client->call(aws::Service::kDynamoDb, "GetItem", probe.dump(),
                      [done = std::move(done)](Result<std::string> got) {
                        if (!got) return done(got.error());
                        done(success());
                      });
  };
}

// The plain value, else the Secrets Manager secret read once now: start-up may wait for it,
// requests never do (rotating it means new instances, as a new Lambda version gets anyway).
Result<std::string> origin_secret(const OriginConfig& origin, App& app) {
  if (!origin.secret.empty()) return origin.secret;
  BOOST_OUTCOME_TRY(secret, async::wait_for<std::string>([&](Callback<std::string> done) {
                      aws::get_secret_value(*app.aws->client, origin.secret_name, std::move(done));
                    }));
  if (secret.empty()) {
    return make_error(Errc::kInvalidArgument,
                      "BADGESMITH_ORIGIN_SECRET_NAME names an empty secret");
  }
  return secret;
}

}  // namespace

Result<std::unique_ptr<App>> build_app(const AppConfig& config) {
  auto app = std::make_unique<App>();
  const UpstreamConfig& upstream = config.upstream;
  app->upstream_loop = std::make_unique<async::IoThread>();
  app->client = std::make_unique<http::Client>(upstream.client, app->upstream_loop->context());
  if (config.backend == Backend::kDynamoDb || !config.origin.secret_name.empty()) {
    BOOST_OUTCOME_TRY(aws, open_aws_services(config.env, app->upstream_loop->context()));
    app->aws = std::move(aws);
  }
  if (config.backend == Backend::kDynamoDb) {
    DynamoDbStores stores = open_dynamodb_stores(*app->aws);
    app->secrets = std::move(stores.secrets);
    app->results = std::move(stores.results);
  } else {
    BOOST_OUTCOME_TRY(open_sqlite(config, *app));
  }

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
  app->signing_keys =
      std::make_unique<testresults::SigningKeys>(*app->secrets, *app->results, upstream.cache);
  if (!config.origin.secret.empty() || !config.origin.secret_name.empty()) {
    BOOST_OUTCOME_TRY(secret, origin_secret(config.origin, *app));
    app->origin_guard = std::make_unique<http::OriginGuard>(secret, app->audit.get());
    OPENSSL_cleanse(secret.data(), secret.size());
  }

  health::add_routes(app->router, {store_probe(*app), app->started});
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
