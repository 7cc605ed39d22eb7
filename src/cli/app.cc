#include "cli/app.h"

#include "features/health/routes.h"
#include "features/site/routes.h"

namespace badgesmith::cli {

Result<std::unique_ptr<App>> build_app(const AppConfig& config) {
  auto app = std::make_unique<App>();
  app->pool = std::make_unique<async::WorkPool>(config.store_threads);
  auto store = store::SqliteStore::open(config.data_dir, *app->pool);
  if (!store) return store.error();
  app->store = std::move(store).value();

  health::add_routes(app->router, {*app->store, app->started});
  site::add_routes(app->router);
  return app;
}

}  // namespace badgesmith::cli
