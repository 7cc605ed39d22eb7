#include "features/packages/routes.h"

#include "features/badges/badge_response.h"
#include "features/packages/package_badge.h"

namespace badgesmith::packages {

namespace {

Error unsupported_provider(std::string_view provider) {
  return make_error(Errc::kInvalidArgument,
                    "Unsupported provider '" + std::string(provider) + "' (nuget or github)",
                    "INVALID_PROVIDER", "provider");
}

void respond_error(const http::Request& request, const http::Respond& respond, Error error) {
  const auto format = badges::requested_format(request, badges::Format::kJson);
  respond(badges::badge_error_response(error, format ? format.value() : badges::Format::kJson,
                                       "package"));
}

}  // namespace

void add_routes(routing::Router& router) {
  router.add("GET", "/badges/packages/{provider}/{package}",
             [](const http::Request& request, const http::Respond& respond) {
               const std::string_view provider = request.params.get("provider");
               if (ascii_lower(provider) != "github") {
                 return respond_error(request, respond, unsupported_provider(provider));
               }
               respond_error(request, respond,
                             make_error(Errc::kInvalidArgument,
                                        "GitHub packages need an owner: "
                                        "/badges/packages/github/{owner}/{package}",
                                        "ORG_REQUIRED", "org"));
             });
  router.add("GET", "/badges/packages/{provider}/{owner}/{package}",
             [](const http::Request& request, const http::Respond& respond) {
               const std::string_view provider = request.params.get("provider");
               if (ascii_lower(provider) != "nuget") {
                 return respond_error(request, respond, unsupported_provider(provider));
               }
               respond_error(request, respond,
                             make_error(Errc::kInvalidArgument,
                                        "NuGet packages have no owner: "
                                        "/badges/packages/nuget/{package}",
                                        "ORG_NOT_APPLICABLE", "org"));
             });
}

}  // namespace badgesmith::packages
