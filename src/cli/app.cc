#include "cli/app.h"

#include "core/log/log.h"
#include "features/badges/routes.h"
#include "features/health/routes.h"
#include "features/site/routes.h"

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

Result<std::unique_ptr<App>> build_app(const AppConfig& config) {
  auto app = std::make_unique<App>();
  app->pool = std::make_unique<async::WorkPool>(config.store_threads);
  auto store = store::SqliteStore::open(config.data_dir, *app->pool);
  if (!store) return store.error();
  app->store = std::move(store).value();
  app->purge = std::make_unique<PeriodicPurge>(*app->store, std::chrono::minutes(10));

  health::add_routes(app->router, {*app->store, app->started});
  site::add_routes(app->router);
  badges::add_routes(app->router,
                     {std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count()});
  return app;
}

}  // namespace badgesmith::cli
