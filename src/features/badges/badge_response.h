// How every badge route answers: format selection, SVG and endpoint-JSON responses through the
// core cache helper, and errors as badges (SVG) or JSON errors (JSON). Slices call these
// instead of building responses, so all badge routes agree on headers.
#pragma once

#include <string_view>

#include "core/http/cache_headers.h"
#include "core/http/message.h"
#include "core/result.h"
#include "features/badges/badge.h"
#include "features/badges/endpoint_json.h"

namespace badgesmith::badges {

enum class Format { kSvg, kJson };

// `?format=svg|json` (case-sensitive). Returns `fallback` when the parameter is absent; fails
// with kInvalidArgument (INVALID_FORMAT, property "format") for any other value. Badge routes
// take no file suffix: package ids and branches (Newtonsoft.Json, fix/package.json) end in one.
Result<Format> requested_format(const http::Request& request, Format fallback);

// 200 with the rendered SVG (image/svg+xml; charset=utf-8) or the endpoint JSON, Cache-Control
// from `policy`, a strong ETag, and 304 when the request's validators match.
http::Response svg_badge_response(const http::Request& request, const Badge& badge,
                                  const http::CachePolicy& policy);
// The same 200s before the request's validators are looked at, for responses built once and
// served many times (then answered with http::answer_if_not_modified).
http::Response svg_badge(const Badge& badge, const http::CachePolicy& policy);
http::Response json_badge(const EndpointBadge& badge, const http::CachePolicy& policy);
// `badge` as the 200 of `format`: the endpoint JSON, or the SVG rendered from its fields (named
// logo included), before the request's validators are looked at.
http::Response endpoint_badge(Format format, const EndpointBadge& badge,
                              const http::CachePolicy& policy);
http::Response json_badge_response(const http::Request& request, const EndpointBadge& badge,
                                   const http::CachePolicy& policy);

// A badge route's error. kJson: the core JSON error with its real status. kSvg: status 200 and a
// badge "`label` | <short reason>" (red for the client's errors, lightgrey for upstream or store
// trouble), Cache-Control max-age=60 and X-Badgesmith-Error: <error code>, because GitHub's image
// proxy hides non-2xx images and a README should show what is wrong.
http::Response badge_error_response(const Error& error, Format format, std::string_view label);

}  // namespace badgesmith::badges
