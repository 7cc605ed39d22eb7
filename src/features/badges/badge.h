// The badge every slice ends in: a plain value with badge-maker 6.0.0's inputs, rendered to SVG
// byte for byte as npm badge-maker@6.0.0 renders it (see docs/badges.md for the one documented
// divergence: code points XML 1.0 forbids are dropped).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace badgesmith::badges {

enum class Style { kFlat, kFlatSquare, kPlastic, kForTheBadge, kSocial };

// Parses "flat", "flat-square", "plastic", "for-the-badge", "social" (case-sensitive, as
// badge-maker); nullopt for anything else.
std::optional<Style> parse_style(std::string_view name);
std::string_view style_name(Style style);

// badge-maker's makeBadge() input. Strings are UTF-8 (REQUIRES: valid UTF-8); they are used as
// given: the renderer applies badge-maker's own trimming, colour normalisation and casing.
struct Badge {
  std::string label;                       // "" renders no label (badge-maker's default).
  std::string message;                     // Required by badge-maker; "" is allowed here.
  std::optional<std::string> color;        // Absent: brightgreen... see color.h for the rules.
  std::optional<std::string> label_color;  // Absent: #555.
  Style style = Style::kFlat;
  std::string logo_base64;  // A data: URI, or "" for no logo.
  double logo_width = 14;   // Used only with a logo; fractional with shields' logoSize=auto.
  std::array<std::string, 2> links;  // Left and right link; "" means none.
  std::string id_suffix;             // REQUIRES: matches [A-Za-z0-9_-]*.
};

// The SVG document, exactly as badge-maker 6.0.0's makeBadge(badge) returns it.
std::string render_svg(const Badge& badge);

}  // namespace badgesmith::badges
