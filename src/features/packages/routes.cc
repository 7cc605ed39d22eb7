#include "features/packages/routes.h"

#include "core/ascii.h"
#include "features/badges/badge_response.h"
#include "features/packages/package_badge.h"

namespace badgesmith::packages {

namespace {

// A URL shape no provider has. The known provider of the other shape gets `hint`; any other
// provider is simply unsupported.
struct WrongShape {
  std::string_view pattern;
  std::string_view known_provider;
  std::string_view hint;
  std::string_view error_code;
};

constexpr WrongShape kWrongShapes[] = {
    {"/badges/packages/{provider}/{package}", "github",
     "GitHub packages need an owner: /badges/packages/github/{owner}/{package}", "ORG_REQUIRED"},
    {"/badges/packages/{provider}/{owner}/{package}", "nuget",
     "NuGet packages have no owner: /badges/packages/nuget/{package}", "ORG_NOT_APPLICABLE"},
};

Error wrong_shape_error(const WrongShape& shape, std::string_view provider) {
  if (ascii_lower(provider) == shape.known_provider) {
    return make_error(Errc::kInvalidArgument, std::string(shape.hint),
                      std::string(shape.error_code), "org");
  }
  return make_error(Errc::kInvalidArgument,
                    "Unsupported provider '" + std::string(provider) + "' (nuget or github)",
                    "INVALID_PROVIDER", "provider");
}

}  // namespace

void add_routes(routing::Router& router) {
  for (const WrongShape& shape : kWrongShapes) {
    router.add("GET", shape.pattern,
               [&shape](const http::Request& request, const http::Respond& respond) {
                 const auto format = badges::requested_format(request, badges::Format::kJson);
                 respond(badges::badge_error_response(
                     wrong_shape_error(shape, request.params.get("provider")),
                     format ? format.value() : badges::Format::kJson, "package"));
               });
  }
}

}  // namespace badgesmith::packages
