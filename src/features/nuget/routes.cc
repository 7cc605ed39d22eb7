#include "features/nuget/routes.h"

#include <utility>

#include "features/badges/badge_response.h"
#include "features/badges/metric.h"
#include "features/packages/package_badge.h"

namespace badgesmith::nuget {

namespace {

constexpr packages::VersionBadgeStyle kVersionStyle{"nuget", "blue", "nuget"};
constexpr std::string_view kDownloadsLabel = "downloads";

Result<std::string_view> package_param(const http::Request& request) {
  const std::string_view id = request.params.get("package");
  if (!is_valid_package_id(id)) {
    return make_error(Errc::kInvalidArgument,
                      "Package id must be 1 to 100 letters, digits, '.', '_' or '-'",
                      "PACKAGE_ID_INVALID", "packageId");
  }
  return id;
}

void serve_version(const NuGetDeps& deps, const http::Request& request, http::Respond respond) {
  auto query = packages::parse_version_query(request);
  if (!query)
    return respond(badges::badge_error_response(query.error(), badges::Format::kJson, "nuget"));
  const auto id = package_param(request);
  if (!id) return respond(badges::badge_error_response(id.error(), query.value().format, "nuget"));
  deps.feed.versions(id.value(),
                     [&request, query = std::move(query).value(),
                      cache_control = std::string_view(deps.cache_control),
                      respond = std::move(respond)](Result<NuGetFeed::VersionsLookup> lookup) {
                       if (!lookup)
                         return respond(badges::badge_error_response(
                             packages::package_error(lookup.error()), query.format, "nuget"));
                       respond(packages::version_badge_response(request, query, lookup.value(),
                                                                kVersionStyle, cache_control));
                     });
}

void serve_downloads(const NuGetDeps& deps, const http::Request& request, http::Respond respond) {
  const auto format = badges::requested_format(request, badges::Format::kJson);
  if (!format) {
    return respond(
        badges::badge_error_response(format.error(), badges::Format::kJson, kDownloadsLabel));
  }
  const auto id = package_param(request);
  if (!id)
    return respond(badges::badge_error_response(id.error(), format.value(), kDownloadsLabel));
  deps.feed.downloads(
      id.value(),
      [&request, format = format.value(), cache_control = std::string_view(deps.cache_control),
       respond = std::move(respond)](Result<NuGetFeed::DownloadsLookup> lookup) {
        if (!lookup)
          return respond(badges::badge_error_response(packages::package_error(lookup.error()),
                                                      format, kDownloadsLabel));
        const std::uint64_t total = lookup.value().value->total;
        badges::EndpointBadge badge;
        badge.label = std::string(kDownloadsLabel);
        badge.message = badges::metric(total);
        badge.color = std::string(badges::download_count_color(total));
        respond(packages::package_badge_response(request, format, std::move(badge),
                                                 lookup.value().changed_at, cache_control));
      });
}

}  // namespace

void add_routes(routing::Router& router, NuGetDeps deps) {
  // Shared by both handlers and by the router, which lives as long as the App.
  auto shared = std::make_shared<const NuGetDeps>(std::move(deps));
  router.add("GET", "/badges/packages/nuget/{package}",
             [shared](const http::Request& request, http::Respond respond) {
               serve_version(*shared, request, std::move(respond));
             });
  router.add("GET", "/badges/packages/nuget/{package}/downloads",
             [shared](const http::Request& request, http::Respond respond) {
               serve_downloads(*shared, request, std::move(respond));
             });
}

}  // namespace badgesmith::nuget
