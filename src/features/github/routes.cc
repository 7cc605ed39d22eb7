#include "features/github/routes.h"

#include <memory>
#include <utility>

#include "features/badges/badge_response.h"
#include "features/packages/package_badge.h"

namespace badgesmith::github {

namespace {

constexpr packages::VersionBadgeStyle kVersionStyle{"github", "green", "github"};

Result<void> check_names(const http::Request& request, std::string_view type) {
  if (!is_valid_owner(request.params.get("owner"))) {
    return make_error(Errc::kInvalidArgument,
                      "Owner must be a GitHub login: 1 to 39 letters, digits or '-'", "ORG_INVALID",
                      "org");
  }
  if (!is_valid_package_name(request.params.get("package"))) {
    return make_error(Errc::kInvalidArgument,
                      "Package must be 1 to 100 letters, digits, '.', '_' or '-'",
                      "PACKAGE_INVALID", "package");
  }
  if (!is_supported_package_type(type)) {
    return make_error(Errc::kInvalidArgument, "type must be nuget, npm, maven or rubygems",
                      "PACKAGE_TYPE_INVALID", "type");
  }
  return success();
}

struct Routes {
  explicit Routes(GitHubDeps deps_in) : deps(std::move(deps_in)) {}
  GitHubDeps deps;
  packages::BadgeMemo memo;
};

void serve_version(Routes& routes, const http::Request& request, http::Respond respond) {
  auto query = packages::parse_version_query(request);
  if (!query) {
    return respond(badges::badge_error_response(query.error(), badges::Format::kJson, "github"));
  }
  const std::string type = request.query_param("type").value_or("nuget");
  if (auto checked = check_names(request, type); !checked) {
    return respond(badges::badge_error_response(checked.error(), query.value().format, "github"));
  }
  routes.deps.packages.versions(
      request.params.get("owner"), type, request.params.get("package"),
      [&routes, &request, query = std::move(query).value(),
       respond = std::move(respond)](Result<GitHubPackages::VersionsLookup> lookup) {
        if (!lookup) {
          return respond(badges::badge_error_response(packages::package_error(lookup.error()),
                                                      query.format, "github"));
        }
        respond(routes.memo.respond(request, lookup.value().value, [&] {
          return packages::build_version_badge(query, lookup.value(), kVersionStyle,
                                               routes.deps.cache_control);
        }));
      });
}

}  // namespace

void add_routes(routing::Router& router, GitHubDeps deps) {
  auto routes = std::make_shared<Routes>(std::move(deps));
  router.add("GET", "/badges/packages/github/{owner}/{package}",
             [routes](const http::Request& request, http::Respond respond) {
               serve_version(*routes, request, std::move(respond));
             });
}

}  // namespace badgesmith::github
