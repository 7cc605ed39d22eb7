// Static assets of the service itself (the favicon browsers ask for).
#pragma once

#include "core/routing/router.h"

namespace badgesmith::site {

void add_routes(routing::Router& router);

}  // namespace badgesmith::site
