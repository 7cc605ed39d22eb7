#include "features/site/routes.h"

#include <memory>
#include <mutex>

#include "core/http/cache_headers.h"

namespace badgesmith::site {

namespace {

// A small shield-shaped mark in the badge palette.
constexpr std::string_view kFaviconSvg =
    R"(<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">)"
    R"(<path fill="#555" d="M16 2 4 7v8c0 7.5 5.1 13.3 12 15 6.9-1.7 12-7.5 12-15V7z"/>)"
    R"(<path fill="#4c1" d="M16 5.3 7 9.1V15c0 5.6 3.7 10.2 9 11.8z"/></svg>)";

}  // namespace

void add_routes(routing::Router& router) {
  // Built on first use: hashing the ETag at start-up would initialise OpenSSL before the
  // listener accepts.
  struct Favicon {
    std::once_flag built;
    http::Response response;
  };
  auto favicon = std::make_shared<Favicon>();
  router.add("GET", "/favicon.svg",
             [favicon](const http::Request& request, const http::Respond& respond) {
               std::call_once(favicon->built, [&response = favicon->response] {
                 response.body = std::string(kFaviconSvg);
                 response.headers.set("Content-Type", "image/svg+xml");
                 http::set_cache_headers(response, {"public, max-age=86400", std::nullopt});
               });
               http::Response copy = favicon->response;
               http::answer_if_not_modified(request, copy);
               respond(std::move(copy));
             });
}

}  // namespace badgesmith::site
