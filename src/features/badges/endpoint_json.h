// shields.io "endpoint" JSON (schema version 1): what our JSON badge routes return, and the
// validator with shields' own rules (used by our tests and for any endpoint JSON we accept).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace badgesmith::badges {

struct EndpointBadge {
  std::string label;    // May be "" (no left half).
  std::string message;  // Non-empty for a valid badge.
  std::optional<std::string> color;
  std::optional<std::string> label_color;
  bool is_error = false;
  std::optional<std::string> named_logo;
  std::optional<std::string> logo_svg;
  std::optional<std::string> logo_color;
  std::optional<std::string> logo_size;
  std::optional<double> logo_width;
  std::optional<double> logo_position;
  std::optional<std::string> style;
  std::optional<std::int64_t> cache_seconds;
};

// Serialises with "schemaVersion":1 first and the other fields in the schema's order
// (label, message, color, labelColor, isError, namedLogo, logoSvg, logoColor, logoSize,
// logoWidth, logoPosition, style, cacheSeconds); absent fields are omitted (never null) and
// isError only appears when true. Same input, same bytes.
std::string to_endpoint_json(const EndpointBadge& badge);

// Parses and validates endpoint JSON as shields does (Joi, conversion on, unknown keys
// rejected): label required (string, "" allowed), message required (non-empty string),
// schemaVersion 1 when present, namedLogo and logoSvg mutually exclusive, logoColor and
// logoSize only with namedLogo, logoWidth and logoPosition only with a logo, isError boolean
// ("true"/"false" accepted), cacheSeconds an integer ≥ 0 ("600" accepted). Fails with
// kInvalidArgument whose message is shields' "invalid properties: k1, k2" (schema keys in
// schema order, then unknown keys in input order; a logo conflict adds an empty key), or
// "invalid json" when `json` does not parse to an object.
Result<EndpointBadge> parse_endpoint_json(std::string_view json);

}  // namespace badgesmith::badges
