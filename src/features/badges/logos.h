// Badge logos as shields.io's server prepares them before calling badge-maker: simple-icons
// logos by name (badges/shields lib/logos.js, lib/load-simple-icons.js, lib/svg-helpers.js and
// the logoSize rule of core/base-service/coalesce-badge.js) and user-supplied data: URIs.
//
// BadgeSmith ships a subset of simple-icons 16.28.0 (generated/logos.cc, written by
// tools/badges/gen-logos.mjs). Within it the data URIs are byte for byte what shields.io
// produces; a name outside it renders no logo, as an unknown name does on shields.io.
//
// Deliberate differences from shields.io, all on inputs where shields misbehaves:
//   * names and colours that are Object.prototype members ("constructor", "__proto__") make
//     shields throw or print a JS function into the SVG; here they are unknown / invalid;
//   * data: URIs longer than kMaxDataUriLogoBytes are refused (shields has no limit besides
//     the URL length), and a value that is not a data: URI is reported as an error by
//     validate_data_uri_logo() where shields falls back to treating it as a logo name.
//
// Thread-safe: everything here is a pure function over constant tables.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/result.h"
#include "features/badges/badge.h"

namespace badgesmith::badges {

// The logo height badge-maker assumes (DEFAULT_LOGO_HEIGHT) and the width of every logo that
// is not auto-sized.
inline constexpr double kDefaultLogoWidth = 14;

struct Logo {
  std::string data_uri;  // "data:image/svg+xml;base64,..." for Badge::logo_base64.
  // For Badge::logo_width. Fractional for auto-sized logos (e.g. 14.35545627345777 for github)
  // and badge-maker prints it as such, so it must not be rounded on the way to the SVG.
  double width = kDefaultLogoWidth;
};

// shields.io's ?logo=<name> (or endpoint namedLogo): the simple-icons logo for `name`, looked
// up case-insensitively by slug ("githubactions"), title ("GitHub Actions") or title with
// '-' for spaces ("github-actions"), after shields' legacy aliases (travis -> travisci, ...).
// Colour: `logo_color` when badge-maker's to_svg_color() accepts it; otherwise the brand
// colour, except whitesmoke for non-social styles when the brand's brightness is <= 0.4 and
// #333 for the social style when it is >= 0.6. `size_auto` is ?logoSize=auto: the SVG is
// cropped to the path's bounding box and `width` becomes 14 * box width / box height, where
// (as on shields) the width comes from the name as given, lower-cased, without alias or '-'
// substitution, and stays 14 when that is not a key.
// Returns nullopt for an unknown name (including icons simple-icons has but BadgeSmith does
// not ship) and for a name that is not valid UTF-8.
std::optional<Logo> named_logo(std::string_view name, std::optional<std::string_view> logo_color,
                               bool size_auto, Style style);

// Cap on a normalised data: URI logo, in bytes.
inline constexpr std::size_t kMaxDataUriLogoBytes = std::size_t{64} * 1024;

// shields.io's ?logo=data:... (lib/logos.js decodeDataUrlFromQueryParam): "data:" is prefixed
// when missing, every space becomes '+' (query strings decode '+' to a space) and every other
// JS whitespace code point is removed; the result must then match Joi's dataUri():
// "data:<type>/<subtype>;" with type and subtype made of [A-Za-z0-9_+.-], then either
// "base64," and padded standard base64 (possibly empty), or "charset=<[A-Za-z0-9_-]+>,"
// and anything, or anything not starting with those (shields accepts any media type, not only
// images). Returns the normalised URI; kInvalidArgument (error code INVALID_LOGO, property
// "logo") when the value does not have that form, is not valid UTF-8 or is longer than
// kMaxDataUriLogoBytes once normalised.
Result<std::string> validate_data_uri_logo(std::string_view value);

// ---- Generated data (generated/logos.cc); for logos.cc and its tests only. ----
namespace logo_data {

inline constexpr std::int16_t kNoIcon = -1;

struct Icon {
  std::string_view slug;
  std::string_view title;
  std::string_view hex;  // Brand colour as simple-icons spells it: 6 hex digits, no '#'.
  // The icon's SVG without its leading "<svg": shields splices ` fill="..."` in between.
  std::string_view svg_tail;
  // The same for logoSize=auto; empty when auto-sizing leaves the SVG as is (square box).
  std::string_view auto_svg_tail;
};

// Every lookup key shields derives for a shipped icon, sorted by name (byte order).
struct Key {
  std::string_view name;  // Lower case, ASCII.
  std::int16_t icon;      // Index into kIcons; kNoIcon for a key needed only for its width.
  double auto_width;      // 14 * bbox width / bbox height of the icon shields finds here.
};

// shields' logoAliases, sorted by name.
struct Alias {
  std::string_view name;
  std::string_view target;
};

extern const std::string_view kSimpleIconsVersion;
extern const std::span<const Icon> kIcons;
extern const std::span<const Key> kKeys;
extern const std::span<const Alias> kAliases;

}  // namespace logo_data
}  // namespace badgesmith::badges
