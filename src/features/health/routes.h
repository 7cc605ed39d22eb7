// GET /health: liveness plus a store read, for load balancers and uptime checks.
#pragma once

#include <chrono>
#include <functional>

#include "core/result.h"
#include "core/routing/router.h"

namespace badgesmith::health {

struct HealthDeps {
  // A cheap read of the backend (store::Store::probe, a DynamoDB GetItem); whatever it uses
  // must outlive the router.
  std::function<void(Callback<void>)> probe_store;
  std::chrono::steady_clock::time_point started;
};

void add_routes(routing::Router& router, const HealthDeps& deps);

}  // namespace badgesmith::health
