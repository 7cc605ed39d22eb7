// The .NET service's helpful 400s for package badge URLs of the wrong shape, e.g.
// /badges/packages/github/{package} (no owner) or /badges/packages/nuget/{owner}/{package}. The
// provider routes (features/nuget, features/github) have literal providers and so win over these.
#pragma once

#include "core/routing/router.h"

namespace badgesmith::packages {

void add_routes(routing::Router& router);

}  // namespace badgesmith::packages
