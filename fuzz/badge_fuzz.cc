// Static-badge path parser and SVG renderer: arbitrary path bytes must never crash, and every
// badge we render must be well-formed XML (checked by parsing it with expat).
#include <expat.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "features/badges/badge.h"
#include "features/badges/static_badge.h"

namespace {

bool is_well_formed_xml(const std::string& document) {
  XML_Parser parser = XML_ParserCreate("UTF-8");
  const bool ok =
      XML_Parse(parser, document.data(), static_cast<int>(document.size()), 1) == XML_STATUS_OK;
  XML_ParserFree(parser);
  return ok;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  // Byte 0 picks the style and options, byte 1 whether the path arrived decoded.
  const auto options = data[0];
  const bool is_decoded = (data[1] & 1) != 0;
  std::string_view content(reinterpret_cast<const char*>(data + 2), size - 2);
  badgesmith::badges::take_format_suffix(content);
  const auto parsed = badgesmith::badges::parse_static_badge_content(content, is_decoded);
  if (!parsed) return 0;

  badgesmith::badges::Badge badge;
  badge.label = parsed.value().label;
  badge.message = parsed.value().message;
  badge.color = parsed.value().color;
  badge.style = static_cast<badgesmith::badges::Style>(options % 5);
  if ((options & 0x08) != 0) badge.label_color = parsed.value().color;
  if ((options & 0x10) != 0) badge.logo_base64 = "data:image/svg+xml;base64,PHN2ZyB4bWxu";
  if ((options & 0x20) != 0) badge.links[0] = parsed.value().message;
  if ((options & 0x40) != 0) badge.links[1] = parsed.value().label;
  if ((options & 0x80) != 0) badge.id_suffix = "x_1";
  const std::string svg = badgesmith::badges::render_svg(badge);
  if (!is_well_formed_xml(svg)) __builtin_trap();
  return 0;
}
