#include "features/badges/routes.h"

#include <algorithm>
#include <charconv>
#include <string>

#include "features/badges/badge_response.h"
#include "features/badges/logos.h"
#include "features/badges/static_badge.h"

namespace badgesmith::badges {

namespace {

// shields' static badges are cached for a day; ?cacheSeconds may only lengthen that.
constexpr std::int64_t kStaticCacheSeconds = 86'400;
constexpr std::int64_t kMaxCacheSeconds = 31'536'000;
constexpr std::size_t kRoutePrefixLength = std::string_view("/badge/").size();

std::int64_t cache_seconds(const http::Request& request) {
  const auto requested = request.query_param("cacheSeconds");
  std::int64_t seconds = 0;
  if (requested) {
    const auto [end, ec] =
        std::from_chars(requested->data(), requested->data() + requested->size(), seconds);
    if (ec != std::errc() || end != requested->data() + requested->size()) seconds = 0;
  }
  return std::clamp(seconds, kStaticCacheSeconds, kMaxCacheSeconds);
}

// Applies ?label, ?color, ?labelColor, ?style, ?logo, ?logoColor and ?logoSize.
Result<void> apply_query(const http::Request& request, Badge& badge, EndpointBadge& json) {
  if (auto label = request.query_param("label")) badge.label = json.label = *label;
  if (auto color = request.query_param("color")) badge.color = json.color = *color;
  if (auto label_color = request.query_param("labelColor")) {
    badge.label_color = json.label_color = *label_color;
  }
  if (auto style = request.query_param("style")) {
    // As on shields, an unknown style silently renders flat.
    badge.style = parse_style(*style).value_or(Style::kFlat);
    json.style = std::string(style_name(badge.style));
  }
  const auto logo = request.query_param("logo");
  if (!logo || logo->empty()) return success();
  const auto logo_color = request.query_param("logoColor");
  const bool size_auto = request.query_param("logoSize") == std::optional<std::string>("auto");
  // As shields: a value that is a data: URI (with or without the "data:" prefix) is one,
  // anything else is a logo name. A value that claims to be a data: URI but is malformed or
  // too large is refused rather than silently dropped.
  if (auto data_uri = validate_data_uri_logo(*logo)) {
    badge.logo_base64 = std::move(data_uri).value();
    return success();
  } else if (logo->starts_with("data:")) {
    return data_uri.error();
  }
  if (auto named = named_logo(*logo, logo_color, size_auto, badge.style)) {
    badge.logo_base64 = std::move(named->data_uri);
    badge.logo_width = named->width;
    json.named_logo = *logo;
    if (logo_color) json.logo_color = *logo_color;
    if (size_auto) json.logo_size = "auto";
  }
  return success();
}

void serve_static_badge(const http::Request& request, const http::Respond& respond,
                        const BadgeDeps& deps) {
  std::string_view content = std::string_view(request.path).substr(kRoutePrefixLength);
  if (content.ends_with('/')) content.remove_suffix(1);  // The router ignores one too.
  // A format suffix names the format even when the rest of the content is invalid, so the
  // error comes back in the format asked for; it also wins over a conflicting ?format.
  const std::optional<Format> suffix = take_format_suffix(content);
  const auto format = suffix ? Result<Format>(*suffix) : requested_format(request, Format::kSvg);
  if (!format) return respond(badge_error_response(format.error(), Format::kSvg, "badge"));
  const auto parsed = parse_static_badge_content(content, request.path_is_decoded);
  if (!parsed) return respond(badge_error_response(parsed.error(), format.value(), "badge"));

  Badge badge;
  badge.label = parsed.value().label;
  badge.message = parsed.value().message;
  badge.color = parsed.value().color;
  EndpointBadge json;
  json.label = badge.label;
  json.message = badge.message;
  json.color = badge.color;
  if (auto applied = apply_query(request, badge, json); !applied) {
    return respond(badge_error_response(applied.error(), format.value(), "badge"));
  }
  const std::int64_t max_age = cache_seconds(request);
  const http::CachePolicy policy{
      "public, max-age=" + std::to_string(max_age) + ", s-maxage=" + std::to_string(max_age),
      deps.started_unix_seconds};
  respond(format.value() == Format::kSvg ? svg_badge_response(request, badge, policy)
                                         : json_badge_response(request, json, policy));
}

}  // namespace

void add_routes(routing::Router& router, BadgeDeps deps) {
  router.add("GET", "/badge/{content...}",
             [deps](const http::Request& request, const http::Respond& respond) {
               serve_static_badge(request, respond, deps);
             });
}

}  // namespace badgesmith::badges
