#include "features/badges/badge_response.h"

#include "core/http/error_response.h"
#include "features/badges/logos.h"

namespace badgesmith::badges {

namespace {

constexpr std::string_view kSvgContentType = "image/svg+xml; charset=utf-8";

Badge svg_badge_of(const EndpointBadge& json) {
  Badge badge;
  badge.label = json.label;
  badge.message = json.message;
  badge.color = json.color;
  if (json.named_logo) {
    if (auto logo = named_logo(*json.named_logo, std::nullopt, false, badge.style)) {
      badge.logo_base64 = std::move(logo->data_uri);
      badge.logo_width = logo->width;
    }
  }
  return badge;
}

std::string_view short_reason(Errc code) {
  switch (code) {
    case Errc::kNotFound:
      return "not found";
    case Errc::kInvalidArgument:
      return "invalid";
    case Errc::kUnauthorized:
    case Errc::kForbidden:
      return "no access";
    case Errc::kUpstreamUnavailable:
      return "inaccessible";
    case Errc::kUpstreamInvalid:
      return "invalid response";
    default:
      return "error";
  }
}

std::string error_code_of(const Error& error) {
  if (!error.error_code.empty() && error.code != Errc::kInternal) return error.error_code;
  return error.code == Errc::kInternal ? "INTERNAL_ERROR" : "ERROR";
}

}  // namespace

Result<Format> requested_format(const http::Request& request, Format fallback) {
  const auto format = request.query_param("format");
  if (!format) return fallback;
  if (*format == "svg") return Format::kSvg;
  if (*format == "json") return Format::kJson;
  return make_error(Errc::kInvalidArgument, "format must be svg or json", "INVALID_FORMAT",
                    "format");
}

http::Response svg_badge(const Badge& badge, const http::CachePolicy& policy) {
  http::Response response;
  response.body = render_svg(badge);
  response.headers.set("Content-Type", kSvgContentType);
  http::set_cache_headers(response, policy);
  return response;
}

http::Response json_badge(const EndpointBadge& badge, const http::CachePolicy& policy) {
  http::Response response;
  response.body = to_endpoint_json(badge);
  response.headers.set("Content-Type", "application/json; charset=utf-8");
  http::set_cache_headers(response, policy);
  return response;
}

http::Response endpoint_badge(Format format, const EndpointBadge& badge,
                              const http::CachePolicy& policy) {
  if (format == Format::kJson) return json_badge(badge, policy);
  return svg_badge(svg_badge_of(badge), policy);
}

http::Response svg_badge_response(const http::Request& request, const Badge& badge,
                                  const http::CachePolicy& policy) {
  http::Response response = svg_badge(badge, policy);
  http::answer_if_not_modified(request, response);
  return response;
}

http::Response json_badge_response(const http::Request& request, const EndpointBadge& badge,
                                   const http::CachePolicy& policy) {
  http::Response response = json_badge(badge, policy);
  http::answer_if_not_modified(request, response);
  return response;
}

http::Response badge_error_response(const Error& error, Format format, std::string_view label) {
  if (format == Format::kJson) return http::error_response(error);
  Badge badge;
  badge.label = std::string(label);
  badge.message = std::string(short_reason(error.code));
  badge.color = http::status_for(error.code) >= 500 ? "lightgrey" : "red";
  http::Response response;
  response.body = render_svg(badge);
  response.headers.set("Content-Type", kSvgContentType);
  response.headers.set("Cache-Control", "max-age=60");
  response.headers.set("X-Badgesmith-Error", error_code_of(error));
  return response;
}

}  // namespace badgesmith::badges
