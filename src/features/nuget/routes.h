// NuGet package badges: GET /badges/packages/nuget/{package} (newest version allowed by ?version
// and ?prerelease) and GET /badges/packages/nuget/{package}/downloads. Endpoint JSON by default,
// SVG with ?format=svg.
#pragma once

#include <string>

#include "core/routing/router.h"
#include "features/nuget/nuget_feed.h"

namespace badgesmith::nuget {

struct NuGetDeps {
  NuGetFeed& feed;            // Must outlive the router's use.
  std::string cache_control;  // Of successful badge responses.
};

void add_routes(routing::Router& router, NuGetDeps deps);

}  // namespace badgesmith::nuget
