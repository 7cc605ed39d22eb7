// GitHub Packages badge: GET
// /badges/packages/github/{owner}/{package}?type=nuget|npm|maven|rubygems (newest version allowed
// by ?version and ?prerelease). Endpoint JSON by default, SVG with ?format=svg.
#pragma once

#include <string>

#include "core/routing/router.h"
#include "features/github/github_packages.h"

namespace badgesmith::github {

struct GitHubDeps {
  GitHubPackages& packages;   // Must outlive the router's use.
  std::string cache_control;  // Of successful badge responses.
};

void add_routes(routing::Router& router, GitHubDeps deps);

}  // namespace badgesmith::github
