#include "features/nuget/routes.h"

#include <memory>
#include <utility>

#include "features/badges/badge_response.h"
#include "features/badges/metric.h"
#include "features/packages/package_badge.h"

namespace badgesmith::nuget {

namespace {

constexpr packages::VersionBadgeStyle kVersionStyle{"nuget", "blue", "nuget"};
constexpr std::string_view kDownloadsLabel = "downloads";

// What the handlers share; lives as long as the router.
struct Routes {
  explicit Routes(NuGetDeps deps_in) : deps(std::move(deps_in)) {}
  NuGetDeps deps;
  packages::BadgeMemo memo;
};

Result<std::string_view> package_param(const http::Request& request) {
  const std::string_view id = request.params.get("package");
  if (!is_valid_package_id(id)) {
    return make_error(Errc::kInvalidArgument,
                      "Package id must be 1 to 100 letters, digits, '.', '_' or '-'",
                      "PACKAGE_ID_INVALID", "packageId");
  }
  return id;
}

void serve_version(Routes& routes, const http::Request& request, http::Respond respond) {
  auto query = packages::parse_version_query(request);
  if (!query) {
    return respond(badges::badge_error_response(query.error(), badges::Format::kJson, "nuget"));
  }
  const auto id = package_param(request);
  if (!id) return respond(badges::badge_error_response(id.error(), query.value().format, "nuget"));
  routes.deps.feed.versions(
      id.value(), [&routes, &request, query = std::move(query).value(),
                   respond = std::move(respond)](Result<NuGetFeed::VersionsLookup> lookup) {
        if (!lookup) {
          return respond(badges::badge_error_response(packages::package_error(lookup.error()),
                                                      query.format, "nuget"));
        }
        respond(routes.memo.respond(request, lookup.value().value, [&] {
          return packages::build_version_badge(query, lookup.value(), kVersionStyle,
                                               routes.deps.cache_control);
        }));
      });
}

void serve_downloads(Routes& routes, const http::Request& request, http::Respond respond) {
  const auto format = badges::requested_format(request, badges::Format::kJson);
  if (!format) {
    return respond(
        badges::badge_error_response(format.error(), badges::Format::kJson, kDownloadsLabel));
  }
  const auto id = package_param(request);
  if (!id) {
    return respond(badges::badge_error_response(id.error(), format.value(), kDownloadsLabel));
  }
  routes.deps.feed.downloads(
      id.value(), [&routes, &request, format = format.value(),
                   respond = std::move(respond)](Result<NuGetFeed::DownloadsLookup> lookup) {
        if (!lookup) {
          return respond(badges::badge_error_response(packages::package_error(lookup.error()),
                                                      format, kDownloadsLabel));
        }
        respond(routes.memo.respond(request, lookup.value().value, [&] {
          const std::uint64_t total = lookup.value().value->total;
          badges::EndpointBadge badge;
          badge.label = std::string(kDownloadsLabel);
          badge.message = badges::metric(total);
          badge.color = std::string(badges::download_count_color(total));
          return packages::build_package_badge(format, badge, lookup.value().changed_at,
                                               routes.deps.cache_control);
        }));
      });
}

}  // namespace

void add_routes(routing::Router& router, NuGetDeps deps) {
  auto routes = std::make_shared<Routes>(std::move(deps));
  router.add("GET", "/badges/packages/nuget/{package}",
             [routes](const http::Request& request, http::Respond respond) {
               serve_version(*routes, request, std::move(respond));
             });
  router.add("GET", "/badges/packages/nuget/{package}/downloads",
             [routes](const http::Request& request, http::Respond respond) {
               serve_downloads(*routes, request, std::move(respond));
             });
}

}  // namespace badgesmith::nuget
