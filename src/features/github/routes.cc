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

void serve_version(const GitHubDeps& deps, const http::Request& request, http::Respond respond) {
  auto query = packages::parse_version_query(request);
  if (!query) {
    return respond(badges::badge_error_response(query.error(), badges::Format::kJson, "github"));
  }
  const std::string type = request.query_param("type").value_or("nuget");
  if (auto checked = check_names(request, type); !checked) {
    return respond(badges::badge_error_response(checked.error(), query.value().format, "github"));
  }
  deps.packages.versions(
      request.params.get("owner"), type, request.params.get("package"),
      [&request, query = std::move(query).value(),
       cache_control = std::string_view(deps.cache_control),
       respond = std::move(respond)](Result<GitHubPackages::VersionsLookup> lookup) {
        if (!lookup) {
          return respond(badges::badge_error_response(packages::package_error(lookup.error()),
                                                      query.format, "github"));
        }
        respond(packages::version_badge_response(request, query, lookup.value(), kVersionStyle,
                                                 cache_control));
      });
}

}  // namespace

void add_routes(routing::Router& router, GitHubDeps deps) {
  auto shared = std::make_shared<const GitHubDeps>(std::move(deps));
  router.add("GET", "/badges/packages/github/{owner}/{package}",
             [shared](const http::Request& request, http::Respond respond) {
               serve_version(*shared, request, std::move(respond));
             });
}

}  // namespace badgesmith::github
