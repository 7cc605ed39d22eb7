// The badge slice's own routes: static badges. Other slices render through badge_response.h.
#pragma once

#include <cstdint>

#include "core/routing/router.h"

namespace badgesmith::badges {

struct BadgeDeps {
  std::int64_t started_unix_seconds;  // Last-Modified of static badges, as shields does.
};

void add_routes(routing::Router& router, BadgeDeps deps);

}  // namespace badgesmith::badges
