// The one wiring function: builds the store and the router with every feature's routes, in
// order. Both the HTTP server and (later) the Lambda loop serve what this builds.
#pragma once

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

#include "core/async/work_pool.h"
#include "core/routing/router.h"
#include "core/store/sqlite_store.h"

namespace badgesmith::cli {

struct AppConfig {
  std::filesystem::path data_dir = "data";
  std::size_t store_threads = 2;
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

// Owns everything requests use. Destroy only after the transport has stopped.
struct App {
  std::unique_ptr<async::WorkPool> pool;
  std::unique_ptr<store::SqliteStore> store;
  std::unique_ptr<PeriodicPurge> purge;
  routing::Router router;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

// Fails when the store cannot be opened or migrated (the message says why).
Result<std::unique_ptr<App>> build_app(const AppConfig& config);

}  // namespace badgesmith::cli
