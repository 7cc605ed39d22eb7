// GET /health: liveness plus a store read, for load balancers and uptime checks.
#pragma once

#include <chrono>

#include "core/routing/router.h"
#include "core/store/store.h"

namespace badgesmith::health {

struct HealthDeps {
  store::Store& store;  // Must outlive the router.
  std::chrono::steady_clock::time_point started;
};

void add_routes(routing::Router& router, HealthDeps deps);

}  // namespace badgesmith::health
