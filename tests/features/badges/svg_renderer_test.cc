// The renderer against npm badge-maker@6.0.0, byte for byte. kGoldens were printed by a one-off
// Node 20 script calling badge-maker's makeBadge() (its internal make-badge.js for a custom
// logoWidth, which the public API does not accept) on the same inputs; see docs/badges.md.
#include <expat.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "features/badges/badge.h"
#include "features/badges/svg_writer.h"

namespace badgesmith::badges {
namespace {

constexpr std::string_view kLogo =
    "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=";

struct Golden {
  const char* name;
  Style style;
  const char* label;
  const char* message;
  const char* color;        // nullptr: absent.
  const char* label_color;  // nullptr: absent.
  std::string_view logo;
  double logo_width;  // 0: badge-maker's default.
  const char* left_link;
  const char* right_link;
  const char* id_suffix;
  std::string_view expected;
};

Badge to_badge(const Golden& golden) {
  Badge badge;
  badge.style = golden.style;
  badge.label = golden.label;
  badge.message = golden.message;
  if (golden.color != nullptr) badge.color = golden.color;
  if (golden.label_color != nullptr) badge.label_color = golden.label_color;
  badge.logo_base64 = golden.logo;
  badge.logo_width = golden.logo_width;
  badge.links = {golden.left_link, golden.right_link};
  badge.id_suffix = golden.id_suffix;
  return badge;
}

// clang-format off
constexpr Golden kGoldens[] = {
    {"flat_label_message", Style::kFlat, "cactus", "grown",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90\" height=\"20\" role=\"img\" aria-label=\"c"
     "actus: grown\"><title>cactus: grown</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16"
     "\"/></filter><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb"
     "\" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><clipPath id=\""
     "r\"><rect width=\"90\" height=\"20\" rx=\"3\"/></clipPath><g clip-path=\"url(#r)\"><rect width="
     "\"45\" height=\"20\" fill=\"#555\"/><rect x=\"45\" width=\"45\" height=\"20\" fill=\"#4b0\"/><re"
     "ct width=\"90\" height=\"20\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font"
     "-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-siz"
     "e=\"110\"><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"235\" y="
     "\"150\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"350\">cactus</text><text x=\"235"
     "\" y=\"150\" fill-opacity=\".3\" textLength=\"350\">cactus</text></g><text x=\"235\" y=\"140\" t"
     "extLength=\"350\">cactus</text></g><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#01"
     "0101\"><text x=\"665\" y=\"150\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"350\">gr"
     "own</text><text x=\"665\" y=\"150\" fill-opacity=\".3\" textLength=\"350\">grown</text></g><text"
     " x=\"665\" y=\"140\" textLength=\"350\">grown</text></g></g></svg>"},
    {"flat_message_only", Style::kFlat, "", "grown",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"45\" height=\"20\" role=\"img\" aria-label=\"g"
     "rown\"><title>grown</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filter><li"
     "nearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity="
     "\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><clipPath id=\"r\"><rect width="
     "\"45\" height=\"20\" rx=\"3\"/></clipPath><g clip-path=\"url(#r)\"><rect width=\"0\" height=\"20"
     "\" fill=\"#4b0\"/><rect x=\"0\" width=\"45\" height=\"20\" fill=\"#4b0\"/><rect width=\"45\" hei"
     "ght=\"20\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,G"
     "eneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"110\"><g transf"
     "orm=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"225\" y=\"150\" fill-opacit"
     "y=\".8\" filter=\"url(#blur)\" textLength=\"350\">grown</text><text x=\"225\" y=\"150\" fill-opa"
     "city=\".3\" textLength=\"350\">grown</text></g><text x=\"225\" y=\"140\" textLength=\"350\">grow"
     "n</text></g></g></svg>"},
    {"flat_logo", Style::kFlat, "build", "passing",
     nullptr, nullptr, kLogo, 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"105\" height=\"20\" role=\"img\" aria-label=\""
     "build: passing\"><title>build: passing</title><filter id=\"blur\"><feGaussianBlur stdDeviation="
     "\"16\"/></filter><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#"
     "bbb\" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><clipPath id"
     "=\"r\"><rect width=\"105\" height=\"20\" rx=\"3\"/></clipPath><g clip-path=\"url(#r)\"><rect wid"
     "th=\"54\" height=\"20\" fill=\"#555\"/><rect x=\"54\" width=\"51\" height=\"20\" fill=\"#4b0\"/>"
     "<rect width=\"105\" height=\"20\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle\" "
     "font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font"
     "-size=\"110\"><image x=\"5\" y=\"3\" width=\"14\" height=\"14\" href=\"data:image/svg+xml;base64"
     ",PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"/><g transform=\"scale(.1)\"><g aria-"
     "hidden=\"true\" fill=\"#010101\"><text x=\"365\" y=\"150\" fill-opacity=\".8\" filter=\"url(#blu"
     "r)\" textLength=\"270\">build</text><text x=\"365\" y=\"150\" fill-opacity=\".3\" textLength=\"2"
     "70\">build</text></g><text x=\"365\" y=\"140\" textLength=\"270\">build</text></g><g transform="
     "\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"785\" y=\"150\" fill-opacity=\""
     ".8\" filter=\"url(#blur)\" textLength=\"410\">passing</text><text x=\"785\" y=\"150\" fill-opaci"
     "ty=\".3\" textLength=\"410\">passing</text></g><text x=\"785\" y=\"140\" textLength=\"410\">pass"
     "ing</text></g></g></svg>"},
    {"flat_logo_message_only", Style::kFlat, "", "passing",
     nullptr, nullptr, kLogo, 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"69\" height=\"20\" role=\"img\" aria-label=\"p"
     "assing\"><title>passing</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filter"
     "><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opaci"
     "ty=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><clipPath id=\"r\"><rect wid"
     "th=\"69\" height=\"20\" rx=\"3\"/></clipPath><g clip-path=\"url(#r)\"><rect width=\"0\" height="
     "\"20\" fill=\"#555\"/><rect x=\"0\" width=\"69\" height=\"20\" fill=\"#4b0\"/><rect width=\"69\""
     " height=\"20\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verda"
     "na,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"110\"><imag"
     "e x=\"5\" y=\"3\" width=\"14\" height=\"14\" href=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaH"
     "R0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"/><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fil"
     "l=\"#010101\"><text x=\"435\" y=\"150\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"4"
     "10\">passing</text><text x=\"435\" y=\"150\" fill-opacity=\".3\" textLength=\"410\">passing</tex"
     "t></g><text x=\"435\" y=\"140\" textLength=\"410\">passing</text></g></g></svg>"},
    {"flat_logo_only", Style::kFlat, "", "",
     nullptr, nullptr, kLogo, 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"25\" height=\"20\" role=\"img\" aria-label=\""
     "\"><title></title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filter><linearGradi"
     "ent id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/><s"
     "top offset=\"1\" stop-opacity=\".1\"/></linearGradient><clipPath id=\"r\"><rect width=\"25\" hei"
     "ght=\"20\" rx=\"3\"/></clipPath><g clip-path=\"url(#r)\"><rect width=\"0\" height=\"20\" fill=\""
     "#555\"/><rect x=\"0\" width=\"25\" height=\"20\" fill=\"#4b0\"/><rect width=\"25\" height=\"20\""
     " fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,Deja"
     "Vu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"110\"><image x=\"5\" y=\""
     "3\" width=\"14\" height=\"14\" href=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53"
     "My5vcmcvMjAwMC9zdmciLz4=\"/></g></svg>"},
    {"flat_logo_only_label_color", Style::kFlat, "", "",
     nullptr, "blue", kLogo, 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"35\" height=\"20\" role=\"img\" aria-label=\""
     "\"><title></title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filter><linearGradi"
     "ent id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/><s"
     "top offset=\"1\" stop-opacity=\".1\"/></linearGradient><clipPath id=\"r\"><rect width=\"35\" hei"
     "ght=\"20\" rx=\"3\"/></clipPath><g clip-path=\"url(#r)\"><rect width=\"24\" height=\"20\" fill="
     "\"#007ec6\"/><rect x=\"24\" width=\"11\" height=\"20\" fill=\"#4b0\"/><rect width=\"35\" height="
     "\"20\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Genev"
     "a,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"110\"><image x=\"5"
     "\" y=\"3\" width=\"14\" height=\"14\" href=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL"
     "3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"/></g></svg>"},
    {"flat_logo_width_20", Style::kFlat, "build", "passing",
     nullptr, nullptr, kLogo, 20, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"111\" height=\"20\" role=\"img\" aria-label=\""
     "build: passing\"><title>build: passing</title><filter id=\"blur\"><feGaussianBlur stdDeviation="
     "\"16\"/></filter><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#"
     "bbb\" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><clipPath id"
     "=\"r\"><rect width=\"111\" height=\"20\" rx=\"3\"/></clipPath><g clip-path=\"url(#r)\"><rect wid"
     "th=\"60\" height=\"20\" fill=\"#555\"/><rect x=\"60\" width=\"51\" height=\"20\" fill=\"#4b0\"/>"
     "<rect width=\"111\" height=\"20\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle\" "
     "font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font"
     "-size=\"110\"><image x=\"5\" y=\"3\" width=\"20\" height=\"14\" href=\"data:image/svg+xml;base64"
     ",PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"/><g transform=\"scale(.1)\"><g aria-"
     "hidden=\"true\" fill=\"#010101\"><text x=\"425\" y=\"150\" fill-opacity=\".8\" filter=\"url(#blu"
     "r)\" textLength=\"270\">build</text><text x=\"425\" y=\"150\" fill-opacity=\".3\" textLength=\"2"
     "70\">build</text></g><text x=\"425\" y=\"140\" textLength=\"270\">build</text></g><g transform="
     "\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"845\" y=\"150\" fill-opacity=\""
     ".8\" filter=\"url(#blur)\" textLength=\"410\">passing</text><text x=\"845\" y=\"150\" fill-opaci"
     "ty=\".3\" textLength=\"410\">passing</text></g><text x=\"845\" y=\"140\" textLength=\"410\">pass"
     "ing</text></g></g></svg>"},
    {"flat_label_color_message_only", Style::kFlat, "", "grown",
     "red", "#abc", "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"55\" height=\"20\" role=\"img\" aria-label=\"g"
     "rown\"><title>grown</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filter><li"
     "nearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity="
     "\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><clipPath id=\"r\"><rect width="
     "\"55\" height=\"20\" rx=\"3\"/></clipPath><g clip-path=\"url(#r)\"><rect width=\"10\" height=\"2"
     "0\" fill=\"#abc\"/><rect x=\"10\" width=\"45\" height=\"20\" fill=\"#dd4343\"/><rect width=\"55"
     "\" height=\"20\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Ver"
     "dana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"110\"><g "
     "transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"315\" y=\"150\" fill-"
     "opacity=\".8\" filter=\"url(#blur)\" textLength=\"350\">grown</text><text x=\"315\" y=\"150\" fi"
     "ll-opacity=\".3\" textLength=\"350\">grown</text></g><text x=\"315\" y=\"140\" textLength=\"350"
     "\">grown</text></g></g></svg>"},
    {"flat_label_color", Style::kFlat, "cactus", "grown",
     "informational", "orange", "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90\" height=\"20\" role=\"img\" aria-label=\"c"
     "actus: grown\"><title>cactus: grown</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16"
     "\"/></filter><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb"
     "\" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><clipPath id=\""
     "r\"><rect width=\"90\" height=\"20\" rx=\"3\"/></clipPath><g clip-path=\"url(#r)\"><rect width="
     "\"45\" height=\"20\" fill=\"#ea7233\"/><rect x=\"45\" width=\"45\" height=\"20\" fill=\"#007ec6"
     "\"/><rect width=\"90\" height=\"20\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle"
     "\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" f"
     "ont-size=\"110\"><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"2"
     "35\" y=\"150\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"350\">cactus</text><text x"
     "=\"235\" y=\"150\" fill-opacity=\".3\" textLength=\"350\">cactus</text></g><text x=\"235\" y=\"1"
     "40\" textLength=\"350\">cactus</text></g><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill"
     "=\"#010101\"><text x=\"665\" y=\"150\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"35"
     "0\">grown</text><text x=\"665\" y=\"150\" fill-opacity=\".3\" textLength=\"350\">grown</text></g"
     "><text x=\"665\" y=\"140\" textLength=\"350\">grown</text></g></g></svg>"},
    {"flat_both_links", Style::kFlat, "cactus", "grown",
     nullptr, nullptr, "", 0, "https://a.example/?x=1&y=2", "https://b.example/", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90\" height=\"20\"><filter id=\"blur\"><feGaus"
     "sianBlur stdDeviation=\"16\"/></filter><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offse"
     "t=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linea"
     "rGradient><clipPath id=\"r\"><rect width=\"90\" height=\"20\" rx=\"3\"/></clipPath><g clip-path="
     "\"url(#r)\"><rect width=\"45\" height=\"20\" fill=\"#555\"/><rect x=\"45\" width=\"45\" height="
     "\"20\" fill=\"#4b0\"/><rect width=\"90\" height=\"20\" fill=\"url(#s)\"/></g><g fill=\"#fff\" te"
     "xt-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geom"
     "etricPrecision\" font-size=\"110\"><a target=\"_blank\" href=\"https://a.example/?x=1&amp;y=2\">"
     "<rect width=\"45\" x=\"0\" height=\"20\" fill=\"rgba(0,0,0,0)\"/><g transform=\"scale(.1)\"><g a"
     "ria-hidden=\"true\" fill=\"#010101\"><text x=\"235\" y=\"150\" fill-opacity=\".8\" filter=\"url("
     "#blur)\" textLength=\"350\">cactus</text><text x=\"235\" y=\"150\" fill-opacity=\".3\" textLengt"
     "h=\"350\">cactus</text></g><text x=\"235\" y=\"140\" textLength=\"350\">cactus</text></g></a><a "
     "target=\"_blank\" href=\"https://b.example/\"><rect width=\"45\" x=\"45\" height=\"20\" fill=\"r"
     "gba(0,0,0,0)\"/><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"66"
     "5\" y=\"150\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"350\">grown</text><text x="
     "\"665\" y=\"150\" fill-opacity=\".3\" textLength=\"350\">grown</text></g><text x=\"665\" y=\"140"
     "\" textLength=\"350\">grown</text></g></a></g></svg>"},
    {"flat_left_link_only", Style::kFlat, "cactus", "grown",
     nullptr, nullptr, "", 0, "https://a.example/", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90\" height=\"20\" role=\"img\" aria-label=\"c"
     "actus: grown\"><title>cactus: grown</title><a target=\"_blank\" href=\"https://a.example/\"><fil"
     "ter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filter><linearGradient id=\"s\" x2=\"0\" "
     "y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/><stop offset=\"1\" stop-"
     "opacity=\".1\"/></linearGradient><clipPath id=\"r\"><rect width=\"90\" height=\"20\" rx=\"3\"/><"
     "/clipPath><g clip-path=\"url(#r)\"><rect width=\"45\" height=\"20\" fill=\"#555\"/><rect x=\"45"
     "\" width=\"45\" height=\"20\" fill=\"#4b0\"/><rect width=\"90\" height=\"20\" fill=\"url(#s)\"/>"
     "</g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif"
     "\" text-rendering=\"geometricPrecision\" font-size=\"110\"><g transform=\"scale(.1)\"><g aria-hi"
     "dden=\"true\" fill=\"#010101\"><text x=\"235\" y=\"150\" fill-opacity=\".8\" filter=\"url(#blur)"
     "\" textLength=\"350\">cactus</text><text x=\"235\" y=\"150\" fill-opacity=\".3\" textLength=\"35"
     "0\">cactus</text></g><text x=\"235\" y=\"140\" textLength=\"350\">cactus</text></g><g transform="
     "\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"665\" y=\"150\" fill-opacity=\""
     ".8\" filter=\"url(#blur)\" textLength=\"350\">grown</text><text x=\"665\" y=\"150\" fill-opacity"
     "=\".3\" textLength=\"350\">grown</text></g><text x=\"665\" y=\"140\" textLength=\"350\">grown</t"
     "ext></g></g></a></svg>"},
    {"flat_right_link_only", Style::kFlat, "cactus", "grown",
     nullptr, nullptr, "", 0, "", "https://b.example/", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90\" height=\"20\" role=\"img\" aria-label=\"c"
     "actus: grown\"><title>cactus: grown</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16"
     "\"/></filter><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb"
     "\" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><clipPath id=\""
     "r\"><rect width=\"90\" height=\"20\" rx=\"3\"/></clipPath><g clip-path=\"url(#r)\"><rect width="
     "\"45\" height=\"20\" fill=\"#555\"/><rect x=\"45\" width=\"45\" height=\"20\" fill=\"#4b0\"/><re"
     "ct width=\"90\" height=\"20\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font"
     "-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-siz"
     "e=\"110\"><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"235\" y="
     "\"150\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"350\">cactus</text><text x=\"235"
     "\" y=\"150\" fill-opacity=\".3\" textLength=\"350\">cactus</text></g><text x=\"235\" y=\"140\" t"
     "extLength=\"350\">cactus</text></g><a target=\"_blank\" href=\"https://b.example/\"><rect width="
     "\"45\" x=\"45\" height=\"20\" fill=\"rgba(0,0,0,0)\"/><g transform=\"scale(.1)\"><g aria-hidden="
     "\"true\" fill=\"#010101\"><text x=\"665\" y=\"150\" fill-opacity=\".8\" filter=\"url(#blur)\" te"
     "xtLength=\"350\">grown</text><text x=\"665\" y=\"150\" fill-opacity=\".3\" textLength=\"350\">gr"
     "own</text></g><text x=\"665\" y=\"140\" textLength=\"350\">grown</text></g></a></g></svg>"},
    {"flat_message_only_both_links", Style::kFlat, "", "grown",
     nullptr, nullptr, "", 0, "https://a.example/", "https://b.example/", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"45\" height=\"20\"><filter id=\"blur\"><feGaus"
     "sianBlur stdDeviation=\"16\"/></filter><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offse"
     "t=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linea"
     "rGradient><clipPath id=\"r\"><rect width=\"45\" height=\"20\" rx=\"3\"/></clipPath><g clip-path="
     "\"url(#r)\"><rect width=\"0\" height=\"20\" fill=\"#4b0\"/><rect x=\"0\" width=\"45\" height=\"2"
     "0\" fill=\"#4b0\"/><rect width=\"45\" height=\"20\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-"
     "anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometr"
     "icPrecision\" font-size=\"110\"><a target=\"_blank\" href=\"https://b.example/\"><rect width=\"4"
     "5\" x=\"0\" height=\"20\" fill=\"rgba(0,0,0,0)\"/><g transform=\"scale(.1)\"><g aria-hidden=\"tr"
     "ue\" fill=\"#010101\"><text x=\"225\" y=\"150\" fill-opacity=\".8\" filter=\"url(#blur)\" textLe"
     "ngth=\"350\">grown</text><text x=\"225\" y=\"150\" fill-opacity=\".3\" textLength=\"350\">grown<"
     "/text></g><text x=\"225\" y=\"140\" textLength=\"350\">grown</text></g></a></g></svg>"},
    {"flat_id_suffix", Style::kFlat, "cactus", "grown",
     nullptr, nullptr, "", 0, "", "", "x-1_Z",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90\" height=\"20\" role=\"img\" aria-label=\"c"
     "actus: grown\"><title>cactus: grown</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16"
     "\"/></filter><linearGradient id=\"sx-1_Z\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\""
     "#bbb\" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><clipPath i"
     "d=\"rx-1_Z\"><rect width=\"90\" height=\"20\" rx=\"3\"/></clipPath><g clip-path=\"url(#rx-1_Z)\""
     "><rect width=\"45\" height=\"20\" fill=\"#555\"/><rect x=\"45\" width=\"45\" height=\"20\" fill="
     "\"#4b0\"/><rect width=\"90\" height=\"20\" fill=\"url(#sx-1_Z)\"/></g><g fill=\"#fff\" text-anch"
     "or=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPr"
     "ecision\" font-size=\"110\"><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\">"
     "<text x=\"235\" y=\"150\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"350\">cactus</t"
     "ext><text x=\"235\" y=\"150\" fill-opacity=\".3\" textLength=\"350\">cactus</text></g><text x=\""
     "235\" y=\"140\" textLength=\"350\">cactus</text></g><g transform=\"scale(.1)\"><g aria-hidden=\""
     "true\" fill=\"#010101\"><text x=\"665\" y=\"150\" fill-opacity=\".8\" filter=\"url(#blur)\" text"
     "Length=\"350\">grown</text><text x=\"665\" y=\"150\" fill-opacity=\".3\" textLength=\"350\">grow"
     "n</text></g><text x=\"665\" y=\"140\" textLength=\"350\">grown</text></g></g></svg>"},
    {"flat_dark_on_light", Style::kFlat, "light", "colours",
     "lightblue", "#fff", "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"84\" height=\"20\" role=\"img\" aria-label=\"l"
     "ight: colours\"><title>light: colours</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\""
     "16\"/></filter><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bb"
     "b\" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><clipPath id="
     "\"r\"><rect width=\"84\" height=\"20\" rx=\"3\"/></clipPath><g clip-path=\"url(#r)\"><rect width"
     "=\"35\" height=\"20\" fill=\"#fff\"/><rect x=\"35\" width=\"49\" height=\"20\" fill=\"lightblue"
     "\"/><rect width=\"84\" height=\"20\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle"
     "\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" f"
     "ont-size=\"110\"><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#ccc\"><text x=\"185"
     "\" y=\"150\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"250\">light</text><text x=\""
     "185\" y=\"150\" fill-opacity=\".3\" textLength=\"250\">light</text></g><text x=\"185\" y=\"140\""
     " textLength=\"250\" fill=\"#333\">light</text></g><g transform=\"scale(.1)\"><g aria-hidden=\"tr"
     "ue\" fill=\"#ccc\"><text x=\"585\" y=\"150\" fill-opacity=\".8\" filter=\"url(#blur)\" textLengt"
     "h=\"390\">colours</text><text x=\"585\" y=\"150\" fill-opacity=\".3\" textLength=\"390\">colours"
     "</text></g><text x=\"585\" y=\"140\" textLength=\"390\" fill=\"#333\">colours</text></g></g></sv"
     "g>"},
    {"flat_xml_specials", Style::kFlat, "<a&b>", "\"it's\"",
     nullptr, nullptr, "", 0, "", "https://b.example/?q=\"'<>&", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"86\" height=\"20\" role=\"img\" aria-label=\"&"
     "lt;a&amp;b&gt;: &quot;it&apos;s&quot;\"><title>&lt;a&amp;b&gt;: &quot;it&apos;s&quot;</title><fi"
     "lter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filter><linearGradient id=\"s\" x2=\"0\""
     " y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/><stop offset=\"1\" stop"
     "-opacity=\".1\"/></linearGradient><clipPath id=\"r\"><rect width=\"86\" height=\"20\" rx=\"3\"/>"
     "</clipPath><g clip-path=\"url(#r)\"><rect width=\"49\" height=\"20\" fill=\"#555\"/><rect x=\"49"
     "\" width=\"37\" height=\"20\" fill=\"#4b0\"/><rect width=\"86\" height=\"20\" fill=\"url(#s)\"/>"
     "</g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif"
     "\" text-rendering=\"geometricPrecision\" font-size=\"110\"><g transform=\"scale(.1)\"><g aria-hi"
     "dden=\"true\" fill=\"#010101\"><text x=\"255\" y=\"150\" fill-opacity=\".8\" filter=\"url(#blur)"
     "\" textLength=\"390\">&lt;a&amp;b&gt;</text><text x=\"255\" y=\"150\" fill-opacity=\".3\" textLe"
     "ngth=\"390\">&lt;a&amp;b&gt;</text></g><text x=\"255\" y=\"140\" textLength=\"390\">&lt;a&amp;b&"
     "gt;</text></g><a target=\"_blank\" href=\"https://b.example/?q=&quot;&apos;&lt;&gt;&amp;\"><rect"
     " width=\"37\" x=\"49\" height=\"20\" fill=\"rgba(0,0,0,0)\"/><g transform=\"scale(.1)\"><g aria-"
     "hidden=\"true\" fill=\"#010101\"><text x=\"665\" y=\"150\" fill-opacity=\".8\" filter=\"url(#blu"
     "r)\" textLength=\"270\">&quot;it&apos;s&quot;</text><text x=\"665\" y=\"150\" fill-opacity=\".3"
     "\" textLength=\"270\">&quot;it&apos;s&quot;</text></g><text x=\"665\" y=\"140\" textLength=\"270"
     "\">&quot;it&apos;s&quot;</text></g></a></g></svg>"},
    {"flat_trim_and_bom", Style::kFlat, "  \357\273\277spaced\302\240 ", "\011 1.0 \357\273\277",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"76\" height=\"20\" role=\"img\" aria-label=\"s"
     "paced: 1.0\"><title>spaced: 1.0</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/>"
     "</filter><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" st"
     "op-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><clipPath id=\"r\"><"
     "rect width=\"76\" height=\"20\" rx=\"3\"/></clipPath><g clip-path=\"url(#r)\"><rect width=\"49\""
     " height=\"20\" fill=\"#555\"/><rect x=\"49\" width=\"27\" height=\"20\" fill=\"#4b0\"/><rect wid"
     "th=\"76\" height=\"20\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-famil"
     "y=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"11"
     "0\"><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"255\" y=\"150"
     "\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"390\">spaced</text><text x=\"255\" y="
     "\"150\" fill-opacity=\".3\" textLength=\"390\">spaced</text></g><text x=\"255\" y=\"140\" textLe"
     "ngth=\"390\">spaced</text></g><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101"
     "\"><text x=\"615\" y=\"150\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"170\">1.0</t"
     "ext><text x=\"615\" y=\"150\" fill-opacity=\".3\" textLength=\"170\">1.0</text></g><text x=\"615"
     "\" y=\"140\" textLength=\"170\">1.0</text></g></g></svg>"},
    {"flat_cjk", Style::kFlat, "\346\247\213\345\273\272", "\346\210\220\345\212\237 \342\234\223",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"78\" height=\"20\" role=\"img\" aria-label=\""
     "\346\247\213\345\273\272: \346\210\220\345\212\237 \342\234\223\"><title>\346\247\213\345\273"
     "\272: \346\210\220\345\212\237 \342\234\223</title><filter id=\"blur\"><feGaussianBlur stdDeviat"
     "ion=\"16\"/></filter><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color"
     "=\"#bbb\" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><clipPat"
     "h id=\"r\"><rect width=\"78\" height=\"20\" rx=\"3\"/></clipPath><g clip-path=\"url(#r)\"><rect "
     "width=\"33\" height=\"20\" fill=\"#555\"/><rect x=\"33\" width=\"45\" height=\"20\" fill=\"#4b0"
     "\"/><rect width=\"78\" height=\"20\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle"
     "\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" f"
     "ont-size=\"110\"><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"1"
     "75\" y=\"150\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"230\">\346\247\213\345\273"
     "\272</text><text x=\"175\" y=\"150\" fill-opacity=\".3\" textLength=\"230\">\346\247\213\345\273"
     "\272</text></g><text x=\"175\" y=\"140\" textLength=\"230\">\346\247\213\345\273\272</text></g><"
     "g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"545\" y=\"150\" fil"
     "l-opacity=\".8\" filter=\"url(#blur)\" textLength=\"350\">\346\210\220\345\212\237 \342\234\223<"
     "/text><text x=\"545\" y=\"150\" fill-opacity=\".3\" textLength=\"350\">\346\210\220\345\212\237 "
     "\342\234\223</text></g><text x=\"545\" y=\"140\" textLength=\"350\">\346\210\220\345\212\237 "
     "\342\234\223</text></g></g></svg>"},
    {"flat_empty", Style::kFlat, "", "",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"11\" height=\"20\" role=\"img\" aria-label=\""
     "\"><title></title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filter><linearGradi"
     "ent id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/><s"
     "top offset=\"1\" stop-opacity=\".1\"/></linearGradient><clipPath id=\"r\"><rect width=\"11\" hei"
     "ght=\"20\" rx=\"3\"/></clipPath><g clip-path=\"url(#r)\"><rect width=\"0\" height=\"20\" fill=\""
     "#4b0\"/><rect x=\"0\" width=\"11\" height=\"20\" fill=\"#4b0\"/><rect width=\"11\" height=\"20\""
     " fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,Deja"
     "Vu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"110\"></g></svg>"},
    {"flat_css_colours", Style::kFlat, "a", "b",
     "RGB(1,2,3)", "hsl(120, 50%, 50%)", "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"34\" height=\"20\" role=\"img\" aria-label=\"a"
     ": b\"><title>a: b</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filter><line"
     "arGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\"."
     "1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><clipPath id=\"r\"><rect width=\"3"
     "4\" height=\"20\" rx=\"3\"/></clipPath><g clip-path=\"url(#r)\"><rect width=\"17\" height=\"20\""
     " fill=\"hsl(120, 50%, 50%)\"/><rect x=\"17\" width=\"17\" height=\"20\" fill=\"#4b0\"/><rect wid"
     "th=\"34\" height=\"20\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-famil"
     "y=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"11"
     "0\"><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"95\" y=\"150\""
     " fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"70\">a</text><text x=\"95\" y=\"150\" fi"
     "ll-opacity=\".3\" textLength=\"70\">a</text></g><text x=\"95\" y=\"140\" textLength=\"70\">a</te"
     "xt></g><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"245\" y=\"1"
     "50\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"70\">b</text><text x=\"245\" y=\"150"
     "\" fill-opacity=\".3\" textLength=\"70\">b</text></g><text x=\"245\" y=\"140\" textLength=\"70\""
     ">b</text></g></g></svg>"},
    {"flat_square_label_message", Style::kFlatSquare, "cactus", "grown",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90\" height=\"20\" role=\"img\" aria-label=\"c"
     "actus: grown\"><title>cactus: grown</title><g shape-rendering=\"crispEdges\"><rect width=\"45\" "
     "height=\"20\" fill=\"#555\"/><rect x=\"45\" width=\"45\" height=\"20\" fill=\"#4b0\"/></g><g fil"
     "l=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-ren"
     "dering=\"geometricPrecision\" font-size=\"110\"><text x=\"235\" y=\"140\" textLength=\"350\" tra"
     "nsform=\"scale(.1)\">cactus</text><text x=\"665\" y=\"140\" textLength=\"350\" transform=\"scale"
     "(.1)\">grown</text></g></svg>"},
    {"flat_square_message_only", Style::kFlatSquare, "", "grown",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"45\" height=\"20\" role=\"img\" aria-label=\"g"
     "rown\"><title>grown</title><g shape-rendering=\"crispEdges\"><rect width=\"0\" height=\"20\" fil"
     "l=\"#4b0\"/><rect x=\"0\" width=\"45\" height=\"20\" fill=\"#4b0\"/></g><g fill=\"#fff\" text-an"
     "chor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometric"
     "Precision\" font-size=\"110\"><text x=\"225\" y=\"140\" textLength=\"350\" transform=\"scale(.1)"
     "\">grown</text></g></svg>"},
    {"flat_square_logo", Style::kFlatSquare, "build", "passing",
     nullptr, nullptr, kLogo, 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"105\" height=\"20\" role=\"img\" aria-label=\""
     "build: passing\"><title>build: passing</title><g shape-rendering=\"crispEdges\"><rect width=\"54"
     "\" height=\"20\" fill=\"#555\"/><rect x=\"54\" width=\"51\" height=\"20\" fill=\"#4b0\"/></g><g "
     "fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-"
     "rendering=\"geometricPrecision\" font-size=\"110\"><image x=\"5\" y=\"3\" width=\"14\" height=\""
     "14\" href=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\""
     "/><text x=\"365\" y=\"140\" textLength=\"270\" transform=\"scale(.1)\">build</text><text x=\"785"
     "\" y=\"140\" textLength=\"410\" transform=\"scale(.1)\">passing</text></g></svg>"},
    {"flat_square_logo_message_only", Style::kFlatSquare, "", "passing",
     nullptr, nullptr, kLogo, 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"69\" height=\"20\" role=\"img\" aria-label=\"p"
     "assing\"><title>passing</title><g shape-rendering=\"crispEdges\"><rect width=\"0\" height=\"20\""
     " fill=\"#555\"/><rect x=\"0\" width=\"69\" height=\"20\" fill=\"#4b0\"/></g><g fill=\"#fff\" tex"
     "t-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geome"
     "tricPrecision\" font-size=\"110\"><image x=\"5\" y=\"3\" width=\"14\" height=\"14\" href=\"data:"
     "image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"/><text x=\"435\""
     " y=\"140\" textLength=\"410\" transform=\"scale(.1)\">passing</text></g></svg>"},
    {"flat_square_logo_only", Style::kFlatSquare, "", "",
     nullptr, nullptr, kLogo, 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"25\" height=\"20\" role=\"img\" aria-label=\""
     "\"><title></title><g shape-rendering=\"crispEdges\"><rect width=\"0\" height=\"20\" fill=\"#555"
     "\"/><rect x=\"0\" width=\"25\" height=\"20\" fill=\"#4b0\"/></g><g fill=\"#fff\" text-anchor=\"m"
     "iddle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecisio"
     "n\" font-size=\"110\"><image x=\"5\" y=\"3\" width=\"14\" height=\"14\" href=\"data:image/svg+xm"
     "l;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"/></g></svg>"},
    {"flat_square_logo_only_label_color", Style::kFlatSquare, "", "",
     nullptr, "blue", kLogo, 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"35\" height=\"20\" role=\"img\" aria-label=\""
     "\"><title></title><g shape-rendering=\"crispEdges\"><rect width=\"24\" height=\"20\" fill=\"#007"
     "ec6\"/><rect x=\"24\" width=\"11\" height=\"20\" fill=\"#4b0\"/></g><g fill=\"#fff\" text-anchor"
     "=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrec"
     "ision\" font-size=\"110\"><image x=\"5\" y=\"3\" width=\"14\" height=\"14\" href=\"data:image/sv"
     "g+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"/></g></svg>"},
    {"flat_square_logo_width_20", Style::kFlatSquare, "build", "passing",
     nullptr, nullptr, kLogo, 20, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"111\" height=\"20\" role=\"img\" aria-label=\""
     "build: passing\"><title>build: passing</title><g shape-rendering=\"crispEdges\"><rect width=\"60"
     "\" height=\"20\" fill=\"#555\"/><rect x=\"60\" width=\"51\" height=\"20\" fill=\"#4b0\"/></g><g "
     "fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-"
     "rendering=\"geometricPrecision\" font-size=\"110\"><image x=\"5\" y=\"3\" width=\"20\" height=\""
     "14\" href=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\""
     "/><text x=\"425\" y=\"140\" textLength=\"270\" transform=\"scale(.1)\">build</text><text x=\"845"
     "\" y=\"140\" textLength=\"410\" transform=\"scale(.1)\">passing</text></g></svg>"},
    {"flat_square_label_color_message_only", Style::kFlatSquare, "", "grown",
     "red", "#abc", "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"55\" height=\"20\" role=\"img\" aria-label=\"g"
     "rown\"><title>grown</title><g shape-rendering=\"crispEdges\"><rect width=\"10\" height=\"20\" fi"
     "ll=\"#abc\"/><rect x=\"10\" width=\"45\" height=\"20\" fill=\"#dd4343\"/></g><g fill=\"#fff\" te"
     "xt-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geom"
     "etricPrecision\" font-size=\"110\"><text x=\"315\" y=\"140\" textLength=\"350\" transform=\"scal"
     "e(.1)\">grown</text></g></svg>"},
    {"flat_square_label_color", Style::kFlatSquare, "cactus", "grown",
     "informational", "orange", "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90\" height=\"20\" role=\"img\" aria-label=\"c"
     "actus: grown\"><title>cactus: grown</title><g shape-rendering=\"crispEdges\"><rect width=\"45\" "
     "height=\"20\" fill=\"#ea7233\"/><rect x=\"45\" width=\"45\" height=\"20\" fill=\"#007ec6\"/></g>"
     "<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" te"
     "xt-rendering=\"geometricPrecision\" font-size=\"110\"><text x=\"235\" y=\"140\" textLength=\"350"
     "\" transform=\"scale(.1)\">cactus</text><text x=\"665\" y=\"140\" textLength=\"350\" transform="
     "\"scale(.1)\">grown</text></g></svg>"},
    {"flat_square_both_links", Style::kFlatSquare, "cactus", "grown",
     nullptr, nullptr, "", 0, "https://a.example/?x=1&y=2", "https://b.example/", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90\" height=\"20\"><g shape-rendering=\"crispE"
     "dges\"><rect width=\"45\" height=\"20\" fill=\"#555\"/><rect x=\"45\" width=\"45\" height=\"20\""
     " fill=\"#4b0\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu "
     "Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"110\"><a target=\"_blank\" h"
     "ref=\"https://a.example/?x=1&amp;y=2\"><rect width=\"45\" x=\"0\" height=\"20\" fill=\"rgba(0,0,"
     "0,0)\"/><text x=\"235\" y=\"140\" textLength=\"350\" transform=\"scale(.1)\">cactus</text></a><a"
     " target=\"_blank\" href=\"https://b.example/\"><rect width=\"45\" x=\"45\" height=\"20\" fill=\""
     "rgba(0,0,0,0)\"/><text x=\"665\" y=\"140\" textLength=\"350\" transform=\"scale(.1)\">grown</tex"
     "t></a></g></svg>"},
    {"flat_square_left_link_only", Style::kFlatSquare, "cactus", "grown",
     nullptr, nullptr, "", 0, "https://a.example/", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90\" height=\"20\" role=\"img\" aria-label=\"c"
     "actus: grown\"><title>cactus: grown</title><a target=\"_blank\" href=\"https://a.example/\"><g s"
     "hape-rendering=\"crispEdges\"><rect width=\"45\" height=\"20\" fill=\"#555\"/><rect x=\"45\" wid"
     "th=\"45\" height=\"20\" fill=\"#4b0\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family="
     "\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"110"
     "\"><text x=\"235\" y=\"140\" textLength=\"350\" transform=\"scale(.1)\">cactus</text><text x=\"6"
     "65\" y=\"140\" textLength=\"350\" transform=\"scale(.1)\">grown</text></g></a></svg>"},
    {"flat_square_right_link_only", Style::kFlatSquare, "cactus", "grown",
     nullptr, nullptr, "", 0, "", "https://b.example/", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90\" height=\"20\" role=\"img\" aria-label=\"c"
     "actus: grown\"><title>cactus: grown</title><g shape-rendering=\"crispEdges\"><rect width=\"45\" "
     "height=\"20\" fill=\"#555\"/><rect x=\"45\" width=\"45\" height=\"20\" fill=\"#4b0\"/></g><g fil"
     "l=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-ren"
     "dering=\"geometricPrecision\" font-size=\"110\"><text x=\"235\" y=\"140\" textLength=\"350\" tra"
     "nsform=\"scale(.1)\">cactus</text><a target=\"_blank\" href=\"https://b.example/\"><rect width="
     "\"45\" x=\"45\" height=\"20\" fill=\"rgba(0,0,0,0)\"/><text x=\"665\" y=\"140\" textLength=\"350"
     "\" transform=\"scale(.1)\">grown</text></a></g></svg>"},
    {"flat_square_message_only_both_links", Style::kFlatSquare, "", "grown",
     nullptr, nullptr, "", 0, "https://a.example/", "https://b.example/", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"45\" height=\"20\"><g shape-rendering=\"crispE"
     "dges\"><rect width=\"0\" height=\"20\" fill=\"#4b0\"/><rect x=\"0\" width=\"45\" height=\"20\" f"
     "ill=\"#4b0\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sa"
     "ns,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"110\"><a target=\"_blank\" hre"
     "f=\"https://b.example/\"><rect width=\"45\" x=\"0\" height=\"20\" fill=\"rgba(0,0,0,0)\"/><text "
     "x=\"225\" y=\"140\" textLength=\"350\" transform=\"scale(.1)\">grown</text></a></g></svg>"},
    {"flat_square_id_suffix", Style::kFlatSquare, "cactus", "grown",
     nullptr, nullptr, "", 0, "", "", "x-1_Z",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90\" height=\"20\" role=\"img\" aria-label=\"c"
     "actus: grown\"><title>cactus: grown</title><g shape-rendering=\"crispEdges\"><rect width=\"45\" "
     "height=\"20\" fill=\"#555\"/><rect x=\"45\" width=\"45\" height=\"20\" fill=\"#4b0\"/></g><g fil"
     "l=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-ren"
     "dering=\"geometricPrecision\" font-size=\"110\"><text x=\"235\" y=\"140\" textLength=\"350\" tra"
     "nsform=\"scale(.1)\">cactus</text><text x=\"665\" y=\"140\" textLength=\"350\" transform=\"scale"
     "(.1)\">grown</text></g></svg>"},
    {"flat_square_dark_on_light", Style::kFlatSquare, "light", "colours",
     "lightblue", "#fff", "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"84\" height=\"20\" role=\"img\" aria-label=\"l"
     "ight: colours\"><title>light: colours</title><g shape-rendering=\"crispEdges\"><rect width=\"35"
     "\" height=\"20\" fill=\"#fff\"/><rect x=\"35\" width=\"49\" height=\"20\" fill=\"lightblue\"/></"
     "g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" "
     "text-rendering=\"geometricPrecision\" font-size=\"110\"><text x=\"185\" y=\"140\" textLength=\"2"
     "50\" transform=\"scale(.1)\" fill=\"#333\">light</text><text x=\"585\" y=\"140\" textLength=\"39"
     "0\" transform=\"scale(.1)\" fill=\"#333\">colours</text></g></svg>"},
    {"flat_square_xml_specials", Style::kFlatSquare, "<a&b>", "\"it's\"",
     nullptr, nullptr, "", 0, "", "https://b.example/?q=\"'<>&", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"86\" height=\"20\" role=\"img\" aria-label=\"&"
     "lt;a&amp;b&gt;: &quot;it&apos;s&quot;\"><title>&lt;a&amp;b&gt;: &quot;it&apos;s&quot;</title><g "
     "shape-rendering=\"crispEdges\"><rect width=\"49\" height=\"20\" fill=\"#555\"/><rect x=\"49\" wi"
     "dth=\"37\" height=\"20\" fill=\"#4b0\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family="
     "\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"110"
     "\"><text x=\"255\" y=\"140\" textLength=\"390\" transform=\"scale(.1)\">&lt;a&amp;b&gt;</text><a"
     " target=\"_blank\" href=\"https://b.example/?q=&quot;&apos;&lt;&gt;&amp;\"><rect width=\"37\" x="
     "\"49\" height=\"20\" fill=\"rgba(0,0,0,0)\"/><text x=\"665\" y=\"140\" textLength=\"270\" transf"
     "orm=\"scale(.1)\">&quot;it&apos;s&quot;</text></a></g></svg>"},
    {"flat_square_trim_and_bom", Style::kFlatSquare, "  \357\273\277spaced\302\240 ", "\011 1.0 \357\273\277",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"76\" height=\"20\" role=\"img\" aria-label=\"s"
     "paced: 1.0\"><title>spaced: 1.0</title><g shape-rendering=\"crispEdges\"><rect width=\"49\" heig"
     "ht=\"20\" fill=\"#555\"/><rect x=\"49\" width=\"27\" height=\"20\" fill=\"#4b0\"/></g><g fill=\""
     "#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-renderi"
     "ng=\"geometricPrecision\" font-size=\"110\"><text x=\"255\" y=\"140\" textLength=\"390\" transfo"
     "rm=\"scale(.1)\">spaced</text><text x=\"615\" y=\"140\" textLength=\"170\" transform=\"scale(.1)"
     "\">1.0</text></g></svg>"},
    {"flat_square_cjk", Style::kFlatSquare, "\346\247\213\345\273\272", "\346\210\220\345\212\237 \342\234\223",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"78\" height=\"20\" role=\"img\" aria-label=\""
     "\346\247\213\345\273\272: \346\210\220\345\212\237 \342\234\223\"><title>\346\247\213\345\273"
     "\272: \346\210\220\345\212\237 \342\234\223</title><g shape-rendering=\"crispEdges\"><rect width"
     "=\"33\" height=\"20\" fill=\"#555\"/><rect x=\"33\" width=\"45\" height=\"20\" fill=\"#4b0\"/></"
     "g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" "
     "text-rendering=\"geometricPrecision\" font-size=\"110\"><text x=\"175\" y=\"140\" textLength=\"2"
     "30\" transform=\"scale(.1)\">\346\247\213\345\273\272</text><text x=\"545\" y=\"140\" textLength"
     "=\"350\" transform=\"scale(.1)\">\346\210\220\345\212\237 \342\234\223</text></g></svg>"},
    {"flat_square_empty", Style::kFlatSquare, "", "",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"11\" height=\"20\" role=\"img\" aria-label=\""
     "\"><title></title><g shape-rendering=\"crispEdges\"><rect width=\"0\" height=\"20\" fill=\"#4b0"
     "\"/><rect x=\"0\" width=\"11\" height=\"20\" fill=\"#4b0\"/></g><g fill=\"#fff\" text-anchor=\"m"
     "iddle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecisio"
     "n\" font-size=\"110\"></g></svg>"},
    {"flat_square_css_colours", Style::kFlatSquare, "a", "b",
     "RGB(1,2,3)", "hsl(120, 50%, 50%)", "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"34\" height=\"20\" role=\"img\" aria-label=\"a"
     ": b\"><title>a: b</title><g shape-rendering=\"crispEdges\"><rect width=\"17\" height=\"20\" fill"
     "=\"hsl(120, 50%, 50%)\"/><rect x=\"17\" width=\"17\" height=\"20\" fill=\"#4b0\"/></g><g fill=\""
     "#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-renderi"
     "ng=\"geometricPrecision\" font-size=\"110\"><text x=\"95\" y=\"140\" textLength=\"70\" transform"
     "=\"scale(.1)\">a</text><text x=\"245\" y=\"140\" textLength=\"70\" transform=\"scale(.1)\">b</te"
     "xt></g></svg>"},
    {"plastic_label_message", Style::kPlastic, "cactus", "grown",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90\" height=\"18\" role=\"img\" aria-label=\"c"
     "actus: grown\"><title>cactus: grown</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16"
     "\"/></filter><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#fff"
     "\" stop-opacity=\".7\"/><stop offset=\".1\" stop-color=\"#aaa\" stop-opacity=\".1\"/><stop offse"
     "t=\".9\" stop-color=\"#000\" stop-opacity=\".3\"/><stop offset=\"1\" stop-color=\"#000\" stop-op"
     "acity=\".5\"/></linearGradient><clipPath id=\"r\"><rect width=\"90\" height=\"18\" rx=\"4\"/></c"
     "lipPath><g clip-path=\"url(#r)\"><rect width=\"45\" height=\"18\" fill=\"#555\"/><rect x=\"45\" "
     "width=\"45\" height=\"18\" fill=\"#4b0\"/><rect width=\"90\" height=\"18\" fill=\"url(#s)\"/></g"
     "><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" t"
     "ext-rendering=\"geometricPrecision\" font-size=\"110\"><g transform=\"scale(.1)\"><g aria-hidden"
     "=\"true\" fill=\"#010101\"><text x=\"235\" y=\"140\" fill-opacity=\".8\" filter=\"url(#blur)\" t"
     "extLength=\"350\">cactus</text><text x=\"235\" y=\"140\" fill-opacity=\".3\" textLength=\"350\">"
     "cactus</text></g><text x=\"235\" y=\"130\" textLength=\"350\">cactus</text></g><g transform=\"sc"
     "ale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"665\" y=\"140\" fill-opacity=\".8\""
     " filter=\"url(#blur)\" textLength=\"350\">grown</text><text x=\"665\" y=\"140\" fill-opacity=\"."
     "3\" textLength=\"350\">grown</text></g><text x=\"665\" y=\"130\" textLength=\"350\">grown</text>"
     "</g></g></svg>"},
    {"plastic_message_only", Style::kPlastic, "", "grown",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"45\" height=\"18\" role=\"img\" aria-label=\"g"
     "rown\"><title>grown</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filter><li"
     "nearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#fff\" stop-opacity="
     "\".7\"/><stop offset=\".1\" stop-color=\"#aaa\" stop-opacity=\".1\"/><stop offset=\".9\" stop-co"
     "lor=\"#000\" stop-opacity=\".3\"/><stop offset=\"1\" stop-color=\"#000\" stop-opacity=\".5\"/></"
     "linearGradient><clipPath id=\"r\"><rect width=\"45\" height=\"18\" rx=\"4\"/></clipPath><g clip-"
     "path=\"url(#r)\"><rect width=\"0\" height=\"18\" fill=\"#4b0\"/><rect x=\"0\" width=\"45\" heigh"
     "t=\"18\" fill=\"#4b0\"/><rect width=\"45\" height=\"18\" fill=\"url(#s)\"/></g><g fill=\"#fff\" "
     "text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"ge"
     "ometricPrecision\" font-size=\"110\"><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#"
     "010101\"><text x=\"225\" y=\"140\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"350\">"
     "grown</text><text x=\"225\" y=\"140\" fill-opacity=\".3\" textLength=\"350\">grown</text></g><te"
     "xt x=\"225\" y=\"130\" textLength=\"350\">grown</text></g></g></svg>"},
    {"plastic_logo", Style::kPlastic, "build", "passing",
     nullptr, nullptr, kLogo, 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"105\" height=\"18\" role=\"img\" aria-label=\""
     "build: passing\"><title>build: passing</title><filter id=\"blur\"><feGaussianBlur stdDeviation="
     "\"16\"/></filter><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#"
     "fff\" stop-opacity=\".7\"/><stop offset=\".1\" stop-color=\"#aaa\" stop-opacity=\".1\"/><stop of"
     "fset=\".9\" stop-color=\"#000\" stop-opacity=\".3\"/><stop offset=\"1\" stop-color=\"#000\" stop"
     "-opacity=\".5\"/></linearGradient><clipPath id=\"r\"><rect width=\"105\" height=\"18\" rx=\"4\"/"
     "></clipPath><g clip-path=\"url(#r)\"><rect width=\"54\" height=\"18\" fill=\"#555\"/><rect x=\"5"
     "4\" width=\"51\" height=\"18\" fill=\"#4b0\"/><rect width=\"105\" height=\"18\" fill=\"url(#s)\""
     "/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-seri"
     "f\" text-rendering=\"geometricPrecision\" font-size=\"110\"><image x=\"5\" y=\"2\" width=\"14\" "
     "height=\"14\" href=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zd"
     "mciLz4=\"/><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"365\" y"
     "=\"140\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"270\">build</text><text x=\"365"
     "\" y=\"140\" fill-opacity=\".3\" textLength=\"270\">build</text></g><text x=\"365\" y=\"130\" te"
     "xtLength=\"270\">build</text></g><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#0101"
     "01\"><text x=\"785\" y=\"140\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"410\">pass"
     "ing</text><text x=\"785\" y=\"140\" fill-opacity=\".3\" textLength=\"410\">passing</text></g><te"
     "xt x=\"785\" y=\"130\" textLength=\"410\">passing</text></g></g></svg>"},
    {"plastic_logo_message_only", Style::kPlastic, "", "passing",
     nullptr, nullptr, kLogo, 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"69\" height=\"18\" role=\"img\" aria-label=\"p"
     "assing\"><title>passing</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filter"
     "><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#fff\" stop-opaci"
     "ty=\".7\"/><stop offset=\".1\" stop-color=\"#aaa\" stop-opacity=\".1\"/><stop offset=\".9\" stop"
     "-color=\"#000\" stop-opacity=\".3\"/><stop offset=\"1\" stop-color=\"#000\" stop-opacity=\".5\"/"
     "></linearGradient><clipPath id=\"r\"><rect width=\"69\" height=\"18\" rx=\"4\"/></clipPath><g cl"
     "ip-path=\"url(#r)\"><rect width=\"0\" height=\"18\" fill=\"#555\"/><rect x=\"0\" width=\"69\" he"
     "ight=\"18\" fill=\"#4b0\"/><rect width=\"69\" height=\"18\" fill=\"url(#s)\"/></g><g fill=\"#fff"
     "\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering="
     "\"geometricPrecision\" font-size=\"110\"><image x=\"5\" y=\"2\" width=\"14\" height=\"14\" href="
     "\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"/><g trans"
     "form=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"435\" y=\"140\" fill-opaci"
     "ty=\".8\" filter=\"url(#blur)\" textLength=\"410\">passing</text><text x=\"435\" y=\"140\" fill-"
     "opacity=\".3\" textLength=\"410\">passing</text></g><text x=\"435\" y=\"130\" textLength=\"410\""
     ">passing</text></g></g></svg>"},
    {"plastic_logo_only", Style::kPlastic, "", "",
     nullptr, nullptr, kLogo, 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"25\" height=\"18\" role=\"img\" aria-label=\""
     "\"><title></title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filter><linearGradi"
     "ent id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#fff\" stop-opacity=\".7\"/><s"
     "top offset=\".1\" stop-color=\"#aaa\" stop-opacity=\".1\"/><stop offset=\".9\" stop-color=\"#000"
     "\" stop-opacity=\".3\"/><stop offset=\"1\" stop-color=\"#000\" stop-opacity=\".5\"/></linearGrad"
     "ient><clipPath id=\"r\"><rect width=\"25\" height=\"18\" rx=\"4\"/></clipPath><g clip-path=\"url"
     "(#r)\"><rect width=\"0\" height=\"18\" fill=\"#555\"/><rect x=\"0\" width=\"25\" height=\"18\" f"
     "ill=\"#4b0\"/><rect width=\"25\" height=\"18\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-ancho"
     "r=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPre"
     "cision\" font-size=\"110\"><image x=\"5\" y=\"2\" width=\"14\" height=\"14\" href=\"data:image/s"
     "vg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"/></g></svg>"},
    {"plastic_logo_only_label_color", Style::kPlastic, "", "",
     nullptr, "blue", kLogo, 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"35\" height=\"18\" role=\"img\" aria-label=\""
     "\"><title></title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filter><linearGradi"
     "ent id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#fff\" stop-opacity=\".7\"/><s"
     "top offset=\".1\" stop-color=\"#aaa\" stop-opacity=\".1\"/><stop offset=\".9\" stop-color=\"#000"
     "\" stop-opacity=\".3\"/><stop offset=\"1\" stop-color=\"#000\" stop-opacity=\".5\"/></linearGrad"
     "ient><clipPath id=\"r\"><rect width=\"35\" height=\"18\" rx=\"4\"/></clipPath><g clip-path=\"url"
     "(#r)\"><rect width=\"24\" height=\"18\" fill=\"#007ec6\"/><rect x=\"24\" width=\"11\" height=\"1"
     "8\" fill=\"#4b0\"/><rect width=\"35\" height=\"18\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-"
     "anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometr"
     "icPrecision\" font-size=\"110\"><image x=\"5\" y=\"2\" width=\"14\" height=\"14\" href=\"data:im"
     "age/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"/></g></svg>"},
    {"plastic_logo_width_20", Style::kPlastic, "build", "passing",
     nullptr, nullptr, kLogo, 20, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"111\" height=\"18\" role=\"img\" aria-label=\""
     "build: passing\"><title>build: passing</title><filter id=\"blur\"><feGaussianBlur stdDeviation="
     "\"16\"/></filter><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#"
     "fff\" stop-opacity=\".7\"/><stop offset=\".1\" stop-color=\"#aaa\" stop-opacity=\".1\"/><stop of"
     "fset=\".9\" stop-color=\"#000\" stop-opacity=\".3\"/><stop offset=\"1\" stop-color=\"#000\" stop"
     "-opacity=\".5\"/></linearGradient><clipPath id=\"r\"><rect width=\"111\" height=\"18\" rx=\"4\"/"
     "></clipPath><g clip-path=\"url(#r)\"><rect width=\"60\" height=\"18\" fill=\"#555\"/><rect x=\"6"
     "0\" width=\"51\" height=\"18\" fill=\"#4b0\"/><rect width=\"111\" height=\"18\" fill=\"url(#s)\""
     "/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-seri"
     "f\" text-rendering=\"geometricPrecision\" font-size=\"110\"><image x=\"5\" y=\"2\" width=\"20\" "
     "height=\"14\" href=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zd"
     "mciLz4=\"/><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"425\" y"
     "=\"140\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"270\">build</text><text x=\"425"
     "\" y=\"140\" fill-opacity=\".3\" textLength=\"270\">build</text></g><text x=\"425\" y=\"130\" te"
     "xtLength=\"270\">build</text></g><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#0101"
     "01\"><text x=\"845\" y=\"140\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"410\">pass"
     "ing</text><text x=\"845\" y=\"140\" fill-opacity=\".3\" textLength=\"410\">passing</text></g><te"
     "xt x=\"845\" y=\"130\" textLength=\"410\">passing</text></g></g></svg>"},
    {"plastic_label_color_message_only", Style::kPlastic, "", "grown",
     "red", "#abc", "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"55\" height=\"18\" role=\"img\" aria-label=\"g"
     "rown\"><title>grown</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filter><li"
     "nearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#fff\" stop-opacity="
     "\".7\"/><stop offset=\".1\" stop-color=\"#aaa\" stop-opacity=\".1\"/><stop offset=\".9\" stop-co"
     "lor=\"#000\" stop-opacity=\".3\"/><stop offset=\"1\" stop-color=\"#000\" stop-opacity=\".5\"/></"
     "linearGradient><clipPath id=\"r\"><rect width=\"55\" height=\"18\" rx=\"4\"/></clipPath><g clip-"
     "path=\"url(#r)\"><rect width=\"10\" height=\"18\" fill=\"#abc\"/><rect x=\"10\" width=\"45\" hei"
     "ght=\"18\" fill=\"#dd4343\"/><rect width=\"55\" height=\"18\" fill=\"url(#s)\"/></g><g fill=\"#f"
     "ff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering"
     "=\"geometricPrecision\" font-size=\"110\"><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fil"
     "l=\"#010101\"><text x=\"315\" y=\"140\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"3"
     "50\">grown</text><text x=\"315\" y=\"140\" fill-opacity=\".3\" textLength=\"350\">grown</text></"
     "g><text x=\"315\" y=\"130\" textLength=\"350\">grown</text></g></g></svg>"},
    {"plastic_label_color", Style::kPlastic, "cactus", "grown",
     "informational", "orange", "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90\" height=\"18\" role=\"img\" aria-label=\"c"
     "actus: grown\"><title>cactus: grown</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16"
     "\"/></filter><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#fff"
     "\" stop-opacity=\".7\"/><stop offset=\".1\" stop-color=\"#aaa\" stop-opacity=\".1\"/><stop offse"
     "t=\".9\" stop-color=\"#000\" stop-opacity=\".3\"/><stop offset=\"1\" stop-color=\"#000\" stop-op"
     "acity=\".5\"/></linearGradient><clipPath id=\"r\"><rect width=\"90\" height=\"18\" rx=\"4\"/></c"
     "lipPath><g clip-path=\"url(#r)\"><rect width=\"45\" height=\"18\" fill=\"#ea7233\"/><rect x=\"45"
     "\" width=\"45\" height=\"18\" fill=\"#007ec6\"/><rect width=\"90\" height=\"18\" fill=\"url(#s)"
     "\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-se"
     "rif\" text-rendering=\"geometricPrecision\" font-size=\"110\"><g transform=\"scale(.1)\"><g aria"
     "-hidden=\"true\" fill=\"#010101\"><text x=\"235\" y=\"140\" fill-opacity=\".8\" filter=\"url(#bl"
     "ur)\" textLength=\"350\">cactus</text><text x=\"235\" y=\"140\" fill-opacity=\".3\" textLength="
     "\"350\">cactus</text></g><text x=\"235\" y=\"130\" textLength=\"350\">cactus</text></g><g transf"
     "orm=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"665\" y=\"140\" fill-opacit"
     "y=\".8\" filter=\"url(#blur)\" textLength=\"350\">grown</text><text x=\"665\" y=\"140\" fill-opa"
     "city=\".3\" textLength=\"350\">grown</text></g><text x=\"665\" y=\"130\" textLength=\"350\">grow"
     "n</text></g></g></svg>"},
    {"plastic_both_links", Style::kPlastic, "cactus", "grown",
     nullptr, nullptr, "", 0, "https://a.example/?x=1&y=2", "https://b.example/", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90\" height=\"18\"><filter id=\"blur\"><feGaus"
     "sianBlur stdDeviation=\"16\"/></filter><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offse"
     "t=\"0\" stop-color=\"#fff\" stop-opacity=\".7\"/><stop offset=\".1\" stop-color=\"#aaa\" stop-op"
     "acity=\".1\"/><stop offset=\".9\" stop-color=\"#000\" stop-opacity=\".3\"/><stop offset=\"1\" st"
     "op-color=\"#000\" stop-opacity=\".5\"/></linearGradient><clipPath id=\"r\"><rect width=\"90\" he"
     "ight=\"18\" rx=\"4\"/></clipPath><g clip-path=\"url(#r)\"><rect width=\"45\" height=\"18\" fill="
     "\"#555\"/><rect x=\"45\" width=\"45\" height=\"18\" fill=\"#4b0\"/><rect width=\"90\" height=\"1"
     "8\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,D"
     "ejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"110\"><a target=\"_bla"
     "nk\" href=\"https://a.example/?x=1&amp;y=2\"><rect width=\"45\" x=\"0\" height=\"18\" fill=\"rgb"
     "a(0,0,0,0)\"/><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"235"
     "\" y=\"140\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"350\">cactus</text><text x="
     "\"235\" y=\"140\" fill-opacity=\".3\" textLength=\"350\">cactus</text></g><text x=\"235\" y=\"13"
     "0\" textLength=\"350\">cactus</text></g></a><a target=\"_blank\" href=\"https://b.example/\"><re"
     "ct width=\"45\" x=\"45\" height=\"18\" fill=\"rgba(0,0,0,0)\"/><g transform=\"scale(.1)\"><g ari"
     "a-hidden=\"true\" fill=\"#010101\"><text x=\"665\" y=\"140\" fill-opacity=\".8\" filter=\"url(#b"
     "lur)\" textLength=\"350\">grown</text><text x=\"665\" y=\"140\" fill-opacity=\".3\" textLength="
     "\"350\">grown</text></g><text x=\"665\" y=\"130\" textLength=\"350\">grown</text></g></a></g></s"
     "vg>"},
    {"plastic_left_link_only", Style::kPlastic, "cactus", "grown",
     nullptr, nullptr, "", 0, "https://a.example/", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90\" height=\"18\" role=\"img\" aria-label=\"c"
     "actus: grown\"><title>cactus: grown</title><a target=\"_blank\" href=\"https://a.example/\"><fil"
     "ter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filter><linearGradient id=\"s\" x2=\"0\" "
     "y2=\"100%\"><stop offset=\"0\" stop-color=\"#fff\" stop-opacity=\".7\"/><stop offset=\".1\" stop"
     "-color=\"#aaa\" stop-opacity=\".1\"/><stop offset=\".9\" stop-color=\"#000\" stop-opacity=\".3\""
     "/><stop offset=\"1\" stop-color=\"#000\" stop-opacity=\".5\"/></linearGradient><clipPath id=\"r"
     "\"><rect width=\"90\" height=\"18\" rx=\"4\"/></clipPath><g clip-path=\"url(#r)\"><rect width=\""
     "45\" height=\"18\" fill=\"#555\"/><rect x=\"45\" width=\"45\" height=\"18\" fill=\"#4b0\"/><rect"
     " width=\"90\" height=\"18\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-f"
     "amily=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size="
     "\"110\"><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"235\" y=\""
     "140\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"350\">cactus</text><text x=\"235\" "
     "y=\"140\" fill-opacity=\".3\" textLength=\"350\">cactus</text></g><text x=\"235\" y=\"130\" text"
     "Length=\"350\">cactus</text></g><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#01010"
     "1\"><text x=\"665\" y=\"140\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"350\">grown"
     "</text><text x=\"665\" y=\"140\" fill-opacity=\".3\" textLength=\"350\">grown</text></g><text x="
     "\"665\" y=\"130\" textLength=\"350\">grown</text></g></g></a></svg>"},
    {"plastic_right_link_only", Style::kPlastic, "cactus", "grown",
     nullptr, nullptr, "", 0, "", "https://b.example/", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90\" height=\"18\" role=\"img\" aria-label=\"c"
     "actus: grown\"><title>cactus: grown</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16"
     "\"/></filter><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#fff"
     "\" stop-opacity=\".7\"/><stop offset=\".1\" stop-color=\"#aaa\" stop-opacity=\".1\"/><stop offse"
     "t=\".9\" stop-color=\"#000\" stop-opacity=\".3\"/><stop offset=\"1\" stop-color=\"#000\" stop-op"
     "acity=\".5\"/></linearGradient><clipPath id=\"r\"><rect width=\"90\" height=\"18\" rx=\"4\"/></c"
     "lipPath><g clip-path=\"url(#r)\"><rect width=\"45\" height=\"18\" fill=\"#555\"/><rect x=\"45\" "
     "width=\"45\" height=\"18\" fill=\"#4b0\"/><rect width=\"90\" height=\"18\" fill=\"url(#s)\"/></g"
     "><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" t"
     "ext-rendering=\"geometricPrecision\" font-size=\"110\"><g transform=\"scale(.1)\"><g aria-hidden"
     "=\"true\" fill=\"#010101\"><text x=\"235\" y=\"140\" fill-opacity=\".8\" filter=\"url(#blur)\" t"
     "extLength=\"350\">cactus</text><text x=\"235\" y=\"140\" fill-opacity=\".3\" textLength=\"350\">"
     "cactus</text></g><text x=\"235\" y=\"130\" textLength=\"350\">cactus</text></g><a target=\"_blan"
     "k\" href=\"https://b.example/\"><rect width=\"45\" x=\"45\" height=\"18\" fill=\"rgba(0,0,0,0)\""
     "/><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"665\" y=\"140\" "
     "fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"350\">grown</text><text x=\"665\" y=\"140"
     "\" fill-opacity=\".3\" textLength=\"350\">grown</text></g><text x=\"665\" y=\"130\" textLength="
     "\"350\">grown</text></g></a></g></svg>"},
    {"plastic_message_only_both_links", Style::kPlastic, "", "grown",
     nullptr, nullptr, "", 0, "https://a.example/", "https://b.example/", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"45\" height=\"18\"><filter id=\"blur\"><feGaus"
     "sianBlur stdDeviation=\"16\"/></filter><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offse"
     "t=\"0\" stop-color=\"#fff\" stop-opacity=\".7\"/><stop offset=\".1\" stop-color=\"#aaa\" stop-op"
     "acity=\".1\"/><stop offset=\".9\" stop-color=\"#000\" stop-opacity=\".3\"/><stop offset=\"1\" st"
     "op-color=\"#000\" stop-opacity=\".5\"/></linearGradient><clipPath id=\"r\"><rect width=\"45\" he"
     "ight=\"18\" rx=\"4\"/></clipPath><g clip-path=\"url(#r)\"><rect width=\"0\" height=\"18\" fill="
     "\"#4b0\"/><rect x=\"0\" width=\"45\" height=\"18\" fill=\"#4b0\"/><rect width=\"45\" height=\"18"
     "\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,De"
     "jaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"110\"><a target=\"_blan"
     "k\" href=\"https://b.example/\"><rect width=\"45\" x=\"0\" height=\"18\" fill=\"rgba(0,0,0,0)\"/"
     "><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"225\" y=\"140\" f"
     "ill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"350\">grown</text><text x=\"225\" y=\"140"
     "\" fill-opacity=\".3\" textLength=\"350\">grown</text></g><text x=\"225\" y=\"130\" textLength="
     "\"350\">grown</text></g></a></g></svg>"},
    {"plastic_id_suffix", Style::kPlastic, "cactus", "grown",
     nullptr, nullptr, "", 0, "", "", "x-1_Z",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90\" height=\"18\" role=\"img\" aria-label=\"c"
     "actus: grown\"><title>cactus: grown</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16"
     "\"/></filter><linearGradient id=\"sx-1_Z\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\""
     "#fff\" stop-opacity=\".7\"/><stop offset=\".1\" stop-color=\"#aaa\" stop-opacity=\".1\"/><stop o"
     "ffset=\".9\" stop-color=\"#000\" stop-opacity=\".3\"/><stop offset=\"1\" stop-color=\"#000\" sto"
     "p-opacity=\".5\"/></linearGradient><clipPath id=\"rx-1_Z\"><rect width=\"90\" height=\"18\" rx="
     "\"4\"/></clipPath><g clip-path=\"url(#rx-1_Z)\"><rect width=\"45\" height=\"18\" fill=\"#555\"/>"
     "<rect x=\"45\" width=\"45\" height=\"18\" fill=\"#4b0\"/><rect width=\"90\" height=\"18\" fill="
     "\"url(#sx-1_Z)\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaV"
     "u Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"110\"><g transform=\"scale"
     "(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"235\" y=\"140\" fill-opacity=\".8\" fi"
     "lter=\"url(#blur)\" textLength=\"350\">cactus</text><text x=\"235\" y=\"140\" fill-opacity=\".3"
     "\" textLength=\"350\">cactus</text></g><text x=\"235\" y=\"130\" textLength=\"350\">cactus</text"
     "></g><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"665\" y=\"140"
     "\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"350\">grown</text><text x=\"665\" y=\""
     "140\" fill-opacity=\".3\" textLength=\"350\">grown</text></g><text x=\"665\" y=\"130\" textLengt"
     "h=\"350\">grown</text></g></g></svg>"},
    {"plastic_dark_on_light", Style::kPlastic, "light", "colours",
     "lightblue", "#fff", "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"84\" height=\"18\" role=\"img\" aria-label=\"l"
     "ight: colours\"><title>light: colours</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\""
     "16\"/></filter><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#ff"
     "f\" stop-opacity=\".7\"/><stop offset=\".1\" stop-color=\"#aaa\" stop-opacity=\".1\"/><stop offs"
     "et=\".9\" stop-color=\"#000\" stop-opacity=\".3\"/><stop offset=\"1\" stop-color=\"#000\" stop-o"
     "pacity=\".5\"/></linearGradient><clipPath id=\"r\"><rect width=\"84\" height=\"18\" rx=\"4\"/></"
     "clipPath><g clip-path=\"url(#r)\"><rect width=\"35\" height=\"18\" fill=\"#fff\"/><rect x=\"35\""
     " width=\"49\" height=\"18\" fill=\"lightblue\"/><rect width=\"84\" height=\"18\" fill=\"url(#s)"
     "\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-se"
     "rif\" text-rendering=\"geometricPrecision\" font-size=\"110\"><g transform=\"scale(.1)\"><g aria"
     "-hidden=\"true\" fill=\"#ccc\"><text x=\"185\" y=\"140\" fill-opacity=\".8\" filter=\"url(#blur)"
     "\" textLength=\"250\">light</text><text x=\"185\" y=\"140\" fill-opacity=\".3\" textLength=\"250"
     "\">light</text></g><text x=\"185\" y=\"130\" textLength=\"250\" fill=\"#333\">light</text></g><g"
     " transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#ccc\"><text x=\"585\" y=\"140\" fill-op"
     "acity=\".8\" filter=\"url(#blur)\" textLength=\"390\">colours</text><text x=\"585\" y=\"140\" fi"
     "ll-opacity=\".3\" textLength=\"390\">colours</text></g><text x=\"585\" y=\"130\" textLength=\"39"
     "0\" fill=\"#333\">colours</text></g></g></svg>"},
    {"plastic_xml_specials", Style::kPlastic, "<a&b>", "\"it's\"",
     nullptr, nullptr, "", 0, "", "https://b.example/?q=\"'<>&", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"86\" height=\"18\" role=\"img\" aria-label=\"&"
     "lt;a&amp;b&gt;: &quot;it&apos;s&quot;\"><title>&lt;a&amp;b&gt;: &quot;it&apos;s&quot;</title><fi"
     "lter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filter><linearGradient id=\"s\" x2=\"0\""
     " y2=\"100%\"><stop offset=\"0\" stop-color=\"#fff\" stop-opacity=\".7\"/><stop offset=\".1\" sto"
     "p-color=\"#aaa\" stop-opacity=\".1\"/><stop offset=\".9\" stop-color=\"#000\" stop-opacity=\".3"
     "\"/><stop offset=\"1\" stop-color=\"#000\" stop-opacity=\".5\"/></linearGradient><clipPath id=\""
     "r\"><rect width=\"86\" height=\"18\" rx=\"4\"/></clipPath><g clip-path=\"url(#r)\"><rect width="
     "\"49\" height=\"18\" fill=\"#555\"/><rect x=\"49\" width=\"37\" height=\"18\" fill=\"#4b0\"/><re"
     "ct width=\"86\" height=\"18\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font"
     "-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-siz"
     "e=\"110\"><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"255\" y="
     "\"140\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"390\">&lt;a&amp;b&gt;</text><text"
     " x=\"255\" y=\"140\" fill-opacity=\".3\" textLength=\"390\">&lt;a&amp;b&gt;</text></g><text x=\""
     "255\" y=\"130\" textLength=\"390\">&lt;a&amp;b&gt;</text></g><a target=\"_blank\" href=\"https:/"
     "/b.example/?q=&quot;&apos;&lt;&gt;&amp;\"><rect width=\"37\" x=\"49\" height=\"18\" fill=\"rgba("
     "0,0,0,0)\"/><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"665\" "
     "y=\"140\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"270\">&quot;it&apos;s&quot;</te"
     "xt><text x=\"665\" y=\"140\" fill-opacity=\".3\" textLength=\"270\">&quot;it&apos;s&quot;</text>"
     "</g><text x=\"665\" y=\"130\" textLength=\"270\">&quot;it&apos;s&quot;</text></g></a></g></svg>"},
    {"plastic_trim_and_bom", Style::kPlastic, "  \357\273\277spaced\302\240 ", "\011 1.0 \357\273\277",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"76\" height=\"18\" role=\"img\" aria-label=\"s"
     "paced: 1.0\"><title>spaced: 1.0</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/>"
     "</filter><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#fff\" st"
     "op-opacity=\".7\"/><stop offset=\".1\" stop-color=\"#aaa\" stop-opacity=\".1\"/><stop offset=\"."
     "9\" stop-color=\"#000\" stop-opacity=\".3\"/><stop offset=\"1\" stop-color=\"#000\" stop-opacity"
     "=\".5\"/></linearGradient><clipPath id=\"r\"><rect width=\"76\" height=\"18\" rx=\"4\"/></clipPa"
     "th><g clip-path=\"url(#r)\"><rect width=\"49\" height=\"18\" fill=\"#555\"/><rect x=\"49\" width"
     "=\"27\" height=\"18\" fill=\"#4b0\"/><rect width=\"76\" height=\"18\" fill=\"url(#s)\"/></g><g f"
     "ill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-r"
     "endering=\"geometricPrecision\" font-size=\"110\"><g transform=\"scale(.1)\"><g aria-hidden=\"tr"
     "ue\" fill=\"#010101\"><text x=\"255\" y=\"140\" fill-opacity=\".8\" filter=\"url(#blur)\" textLe"
     "ngth=\"390\">spaced</text><text x=\"255\" y=\"140\" fill-opacity=\".3\" textLength=\"390\">space"
     "d</text></g><text x=\"255\" y=\"130\" textLength=\"390\">spaced</text></g><g transform=\"scale(."
     "1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"615\" y=\"140\" fill-opacity=\".8\" filt"
     "er=\"url(#blur)\" textLength=\"170\">1.0</text><text x=\"615\" y=\"140\" fill-opacity=\".3\" tex"
     "tLength=\"170\">1.0</text></g><text x=\"615\" y=\"130\" textLength=\"170\">1.0</text></g></g></s"
     "vg>"},
    {"plastic_cjk", Style::kPlastic, "\346\247\213\345\273\272", "\346\210\220\345\212\237 \342\234\223",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"78\" height=\"18\" role=\"img\" aria-label=\""
     "\346\247\213\345\273\272: \346\210\220\345\212\237 \342\234\223\"><title>\346\247\213\345\273"
     "\272: \346\210\220\345\212\237 \342\234\223</title><filter id=\"blur\"><feGaussianBlur stdDeviat"
     "ion=\"16\"/></filter><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color"
     "=\"#fff\" stop-opacity=\".7\"/><stop offset=\".1\" stop-color=\"#aaa\" stop-opacity=\".1\"/><sto"
     "p offset=\".9\" stop-color=\"#000\" stop-opacity=\".3\"/><stop offset=\"1\" stop-color=\"#000\" "
     "stop-opacity=\".5\"/></linearGradient><clipPath id=\"r\"><rect width=\"78\" height=\"18\" rx=\"4"
     "\"/></clipPath><g clip-path=\"url(#r)\"><rect width=\"33\" height=\"18\" fill=\"#555\"/><rect x="
     "\"33\" width=\"45\" height=\"18\" fill=\"#4b0\"/><rect width=\"78\" height=\"18\" fill=\"url(#s)"
     "\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-se"
     "rif\" text-rendering=\"geometricPrecision\" font-size=\"110\"><g transform=\"scale(.1)\"><g aria"
     "-hidden=\"true\" fill=\"#010101\"><text x=\"175\" y=\"140\" fill-opacity=\".8\" filter=\"url(#bl"
     "ur)\" textLength=\"230\">\346\247\213\345\273\272</text><text x=\"175\" y=\"140\" fill-opacity="
     "\".3\" textLength=\"230\">\346\247\213\345\273\272</text></g><text x=\"175\" y=\"130\" textLengt"
     "h=\"230\">\346\247\213\345\273\272</text></g><g transform=\"scale(.1)\"><g aria-hidden=\"true\" "
     "fill=\"#010101\"><text x=\"545\" y=\"140\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength="
     "\"350\">\346\210\220\345\212\237 \342\234\223</text><text x=\"545\" y=\"140\" fill-opacity=\".3"
     "\" textLength=\"350\">\346\210\220\345\212\237 \342\234\223</text></g><text x=\"545\" y=\"130\" "
     "textLength=\"350\">\346\210\220\345\212\237 \342\234\223</text></g></g></svg>"},
    {"plastic_empty", Style::kPlastic, "", "",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"11\" height=\"18\" role=\"img\" aria-label=\""
     "\"><title></title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filter><linearGradi"
     "ent id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#fff\" stop-opacity=\".7\"/><s"
     "top offset=\".1\" stop-color=\"#aaa\" stop-opacity=\".1\"/><stop offset=\".9\" stop-color=\"#000"
     "\" stop-opacity=\".3\"/><stop offset=\"1\" stop-color=\"#000\" stop-opacity=\".5\"/></linearGrad"
     "ient><clipPath id=\"r\"><rect width=\"11\" height=\"18\" rx=\"4\"/></clipPath><g clip-path=\"url"
     "(#r)\"><rect width=\"0\" height=\"18\" fill=\"#4b0\"/><rect x=\"0\" width=\"11\" height=\"18\" f"
     "ill=\"#4b0\"/><rect width=\"11\" height=\"18\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-ancho"
     "r=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPre"
     "cision\" font-size=\"110\"></g></svg>"},
    {"plastic_css_colours", Style::kPlastic, "a", "b",
     "RGB(1,2,3)", "hsl(120, 50%, 50%)", "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"34\" height=\"18\" role=\"img\" aria-label=\"a"
     ": b\"><title>a: b</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filter><line"
     "arGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#fff\" stop-opacity=\"."
     "7\"/><stop offset=\".1\" stop-color=\"#aaa\" stop-opacity=\".1\"/><stop offset=\".9\" stop-color"
     "=\"#000\" stop-opacity=\".3\"/><stop offset=\"1\" stop-color=\"#000\" stop-opacity=\".5\"/></lin"
     "earGradient><clipPath id=\"r\"><rect width=\"34\" height=\"18\" rx=\"4\"/></clipPath><g clip-pat"
     "h=\"url(#r)\"><rect width=\"17\" height=\"18\" fill=\"hsl(120, 50%, 50%)\"/><rect x=\"17\" width"
     "=\"17\" height=\"18\" fill=\"#4b0\"/><rect width=\"34\" height=\"18\" fill=\"url(#s)\"/></g><g f"
     "ill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-r"
     "endering=\"geometricPrecision\" font-size=\"110\"><g transform=\"scale(.1)\"><g aria-hidden=\"tr"
     "ue\" fill=\"#010101\"><text x=\"95\" y=\"140\" fill-opacity=\".8\" filter=\"url(#blur)\" textLen"
     "gth=\"70\">a</text><text x=\"95\" y=\"140\" fill-opacity=\".3\" textLength=\"70\">a</text></g><t"
     "ext x=\"95\" y=\"130\" textLength=\"70\">a</text></g><g transform=\"scale(.1)\"><g aria-hidden="
     "\"true\" fill=\"#010101\"><text x=\"245\" y=\"140\" fill-opacity=\".8\" filter=\"url(#blur)\" te"
     "xtLength=\"70\">b</text><text x=\"245\" y=\"140\" fill-opacity=\".3\" textLength=\"70\">b</text>"
     "</g><text x=\"245\" y=\"130\" textLength=\"70\">b</text></g></g></svg>"},
    {"for_the_badge_label_message", Style::kForTheBadge, "cactus", "grown",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"146.75\" height=\"28\" role=\"img\" aria-label"
     "=\"CACTUS: GROWN\"><title>CACTUS: GROWN</title><g shape-rendering=\"crispEdges\"><rect width=\"7"
     "2.5\" height=\"28\" fill=\"#555\"/><rect x=\"72.5\" width=\"74.25\" height=\"28\" fill=\"#4b0\"/"
     "></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif"
     "\" text-rendering=\"geometricPrecision\" font-size=\"100\"><text transform=\"scale(.1)\" x=\"362"
     ".5\" y=\"175\" textLength=\"485\">CACTUS</text><text transform=\"scale(.1)\" x=\"1096.25\" y=\"1"
     "75\" textLength=\"502.5\" font-weight=\"bold\">GROWN</text></g></svg>"},
    {"for_the_badge_message_only", Style::kForTheBadge, "", "grown",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"74.25\" height=\"28\" role=\"img\" aria-label="
     "\"GROWN\"><title>GROWN</title><g shape-rendering=\"crispEdges\"><rect width=\"74.25\" height=\"2"
     "8\" fill=\"#4b0\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,Deja"
     "Vu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"100\"><text transform=\"s"
     "cale(.1)\" x=\"371.25\" y=\"175\" textLength=\"502.5\" font-weight=\"bold\">GROWN</text></g></sv"
     "g>"},
    {"for_the_badge_logo", Style::kForTheBadge, "cactus", "grown",
     nullptr, nullptr, kLogo, 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"163.75\" height=\"28\" role=\"img\" aria-label"
     "=\"CACTUS: GROWN\"><title>CACTUS: GROWN</title><g shape-rendering=\"crispEdges\"><rect width=\"8"
     "9.5\" height=\"28\" fill=\"#555\"/><rect x=\"89.5\" width=\"74.25\" height=\"28\" fill=\"#4b0\"/"
     "></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif"
     "\" text-rendering=\"geometricPrecision\" font-size=\"100\"><image x=\"9\" y=\"7\" width=\"14\" h"
     "eight=\"14\" href=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdm"
     "ciLz4=\"/><text transform=\"scale(.1)\" x=\"532.5\" y=\"175\" textLength=\"485\">CACTUS</text><t"
     "ext transform=\"scale(.1)\" x=\"1266.25\" y=\"175\" textLength=\"502.5\" font-weight=\"bold\">GR"
     "OWN</text></g></svg>"},
    {"for_the_badge_logo_message_only", Style::kForTheBadge, "", "grown",
     nullptr, nullptr, kLogo, 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"94.25\" height=\"28\" role=\"img\" aria-label="
     "\"GROWN\"><title>GROWN</title><g shape-rendering=\"crispEdges\"><rect width=\"94.25\" height=\"2"
     "8\" fill=\"#4b0\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,Deja"
     "Vu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"100\"><image x=\"9\" y=\""
     "7\" width=\"14\" height=\"14\" href=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53"
     "My5vcmcvMjAwMC9zdmciLz4=\"/><text transform=\"scale(.1)\" x=\"571.25\" y=\"175\" textLength=\"50"
     "2.5\" font-weight=\"bold\">GROWN</text></g></svg>"},
    {"for_the_badge_logo_only", Style::kForTheBadge, "", "",
     nullptr, nullptr, kLogo, 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"35\" height=\"28\" role=\"img\" aria-label=\""
     "\"><title></title><g shape-rendering=\"crispEdges\"><rect width=\"35\" height=\"28\" fill=\"#4b0"
     "\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-se"
     "rif\" text-rendering=\"geometricPrecision\" font-size=\"100\"><image x=\"9\" y=\"7\" width=\"14"
     "\" height=\"14\" href=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC"
     "9zdmciLz4=\"/><text transform=\"scale(.1)\" x=\"230\" y=\"175\" textLength=\"0\" font-weight=\"b"
     "old\"></text></g></svg>"},
    {"for_the_badge_logo_only_label_color", Style::kForTheBadge, "", "",
     nullptr, "red", kLogo, 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"56\" height=\"28\" role=\"img\" aria-label=\""
     "\"><title></title><g shape-rendering=\"crispEdges\"><rect width=\"32\" height=\"28\" fill=\"#dd4"
     "343\"/><rect x=\"32\" width=\"24\" height=\"28\" fill=\"#4b0\"/></g><g fill=\"#fff\" text-anchor"
     "=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrec"
     "ision\" font-size=\"100\"><image x=\"9\" y=\"7\" width=\"14\" height=\"14\" href=\"data:image/sv"
     "g+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"/><text transform=\"scale"
     "(.1)\" x=\"440\" y=\"175\" textLength=\"0\" font-weight=\"bold\"></text></g></svg>"},
    {"for_the_badge_logo_message_label_color", Style::kForTheBadge, "", "grown",
     nullptr, "grey", kLogo, 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"106.25\" height=\"28\" role=\"img\" aria-label"
     "=\"GROWN\"><title>GROWN</title><g shape-rendering=\"crispEdges\"><rect width=\"32\" height=\"28"
     "\" fill=\"#555\"/><rect x=\"32\" width=\"74.25\" height=\"28\" fill=\"#4b0\"/></g><g fill=\"#fff"
     "\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering="
     "\"geometricPrecision\" font-size=\"100\"><image x=\"9\" y=\"7\" width=\"14\" height=\"14\" href="
     "\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"/><text tr"
     "ansform=\"scale(.1)\" x=\"691.25\" y=\"175\" textLength=\"502.5\" font-weight=\"bold\">GROWN</te"
     "xt></g></svg>"},
    {"for_the_badge_logo_width_20", Style::kForTheBadge, "build", "passing",
     nullptr, nullptr, kLogo, 20, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"168\" height=\"28\" role=\"img\" aria-label=\""
     "BUILD: PASSING\"><title>BUILD: PASSING</title><g shape-rendering=\"crispEdges\"><rect width=\"84"
     ".25\" height=\"28\" fill=\"#555\"/><rect x=\"84.25\" width=\"83.75\" height=\"28\" fill=\"#4b0\""
     "/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-seri"
     "f\" text-rendering=\"geometricPrecision\" font-size=\"100\"><image x=\"9\" y=\"7\" width=\"20\" "
     "height=\"14\" href=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zd"
     "mciLz4=\"/><text transform=\"scale(.1)\" x=\"536.25\" y=\"175\" textLength=\"372.5\">BUILD</text"
     "><text transform=\"scale(.1)\" x=\"1261.25\" y=\"175\" textLength=\"597.5\" font-weight=\"bold\""
     ">PASSING</text></g></svg>"},
    {"for_the_badge_label_color", Style::kForTheBadge, "cactus", "grown",
     "critical", "#ABC123", "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"146.75\" height=\"28\" role=\"img\" aria-label"
     "=\"CACTUS: GROWN\"><title>CACTUS: GROWN</title><g shape-rendering=\"crispEdges\"><rect width=\"7"
     "2.5\" height=\"28\" fill=\"#abc123\"/><rect x=\"72.5\" width=\"74.25\" height=\"28\" fill=\"#dd4"
     "343\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans"
     "-serif\" text-rendering=\"geometricPrecision\" font-size=\"100\"><text transform=\"scale(.1)\" x"
     "=\"362.5\" y=\"175\" textLength=\"485\">CACTUS</text><text transform=\"scale(.1)\" x=\"1096.25\""
     " y=\"175\" textLength=\"502.5\" font-weight=\"bold\">GROWN</text></g></svg>"},
    {"for_the_badge_both_links", Style::kForTheBadge, "cactus", "grown",
     nullptr, nullptr, "", 0, "https://a.example/", "https://b.example/", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"146.75\" height=\"28\"><g shape-rendering=\"cr"
     "ispEdges\"><rect width=\"72.5\" height=\"28\" fill=\"#555\"/><rect x=\"72.5\" width=\"74.25\" he"
     "ight=\"28\" fill=\"#4b0\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Gen"
     "eva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"100\"><a target="
     "\"_blank\" href=\"https://a.example/\"><rect width=\"72.5\" height=\"28\" fill=\"rgba(0,0,0,0)\""
     "/><text transform=\"scale(.1)\" x=\"362.5\" y=\"175\" textLength=\"485\">CACTUS</text></a><a tar"
     "get=\"_blank\" href=\"https://b.example/\"><rect width=\"74.25\" height=\"28\" x=\"72.5\" fill="
     "\"rgba(0,0,0,0)\"/><text transform=\"scale(.1)\" x=\"1096.25\" y=\"175\" textLength=\"502.5\" fo"
     "nt-weight=\"bold\">GROWN</text></a></g></svg>"},
    {"for_the_badge_left_link_only", Style::kForTheBadge, "cactus", "grown",
     nullptr, nullptr, "", 0, "https://a.example/", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"146.75\" height=\"28\" role=\"img\" aria-label"
     "=\"CACTUS: GROWN\"><title>CACTUS: GROWN</title><a target=\"_blank\" href=\"https://a.example/\">"
     "<g shape-rendering=\"crispEdges\"><rect width=\"72.5\" height=\"28\" fill=\"#555\"/><rect x=\"72"
     ".5\" width=\"74.25\" height=\"28\" fill=\"#4b0\"/></g><g fill=\"#fff\" text-anchor=\"middle\" fo"
     "nt-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-s"
     "ize=\"100\"><text transform=\"scale(.1)\" x=\"362.5\" y=\"175\" textLength=\"485\">CACTUS</text>"
     "<text transform=\"scale(.1)\" x=\"1096.25\" y=\"175\" textLength=\"502.5\" font-weight=\"bold\">"
     "GROWN</text></g></a></svg>"},
    {"for_the_badge_right_link_only", Style::kForTheBadge, "cactus", "grown",
     nullptr, nullptr, "", 0, "", "https://b.example/", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"146.75\" height=\"28\" role=\"img\" aria-label"
     "=\"CACTUS: GROWN\"><title>CACTUS: GROWN</title><g shape-rendering=\"crispEdges\"><rect width=\"7"
     "2.5\" height=\"28\" fill=\"#555\"/><rect x=\"72.5\" width=\"74.25\" height=\"28\" fill=\"#4b0\"/"
     "></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif"
     "\" text-rendering=\"geometricPrecision\" font-size=\"100\"><text transform=\"scale(.1)\" x=\"362"
     ".5\" y=\"175\" textLength=\"485\">CACTUS</text><a target=\"_blank\" href=\"https://b.example/\">"
     "<rect width=\"74.25\" height=\"28\" x=\"72.5\" fill=\"rgba(0,0,0,0)\"/><text transform=\"scale(."
     "1)\" x=\"1096.25\" y=\"175\" textLength=\"502.5\" font-weight=\"bold\">GROWN</text></a></g></svg"
     ">"},
    {"for_the_badge_message_only_right_link", Style::kForTheBadge, "", "grown",
     nullptr, nullptr, "", 0, "", "https://b.example/", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"74.25\" height=\"28\" role=\"img\" aria-label="
     "\"GROWN\"><title>GROWN</title><g shape-rendering=\"crispEdges\"><rect width=\"74.25\" height=\"2"
     "8\" fill=\"#4b0\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,Deja"
     "Vu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"100\"><a target=\"_blank"
     "\" href=\"https://b.example/\"><rect width=\"74.25\" height=\"28\" x=\"0\" fill=\"rgba(0,0,0,0)"
     "\"/><text transform=\"scale(.1)\" x=\"371.25\" y=\"175\" textLength=\"502.5\" font-weight=\"bold"
     "\">GROWN</text></a></g></svg>"},
    {"for_the_badge_sharp_s_emoji", Style::kForTheBadge, "stra\303\237e", "ok \360\237\216\211 \357\254\201",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"157.75\" height=\"28\" role=\"img\" aria-label"
     "=\"STRASSE: OK \360\237\216\211 FI\"><title>STRASSE: OK \360\237\216\211 FI</title><g shape-rend"
     "ering=\"crispEdges\"><rect width=\"78.75\" height=\"28\" fill=\"#555\"/><rect x=\"78.75\" width="
     "\"79\" height=\"28\" fill=\"#4b0\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Ve"
     "rdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"100\"><t"
     "ext transform=\"scale(.1)\" x=\"393.75\" y=\"175\" textLength=\"547.5\">STRASSE</text><text tran"
     "sform=\"scale(.1)\" x=\"1182.5\" y=\"175\" textLength=\"550\" font-weight=\"bold\">OK \360\237"
     "\216\211 FI</text></g></svg>"},
    {"for_the_badge_dark_on_light", Style::kForTheBadge, "light", "colours",
     "white", "yellow", "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"147\" height=\"28\" role=\"img\" aria-label=\""
     "LIGHT: COLOURS\"><title>LIGHT: COLOURS</title><g shape-rendering=\"crispEdges\"><rect width=\"61"
     ".25\" height=\"28\" fill=\"#d8b800\"/><rect x=\"61.25\" width=\"85.75\" height=\"28\" fill=\"whi"
     "te\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-"
     "serif\" text-rendering=\"geometricPrecision\" font-size=\"100\"><text transform=\"scale(.1)\" x="
     "\"306.25\" y=\"175\" textLength=\"372.5\">LIGHT</text><text transform=\"scale(.1)\" x=\"1041.25"
     "\" y=\"175\" textLength=\"617.5\" font-weight=\"bold\" fill=\"#333\">COLOURS</text></g></svg>"},
    {"for_the_badge_xml_specials", Style::kForTheBadge, "<a&b>", "\"it's\"",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"132.75\" height=\"28\" role=\"img\" aria-label"
     "=\"&lt;A&amp;B&gt;: &quot;IT&apos;S&quot;\"><title>&lt;A&amp;B&gt;: &quot;IT&apos;S&quot;</title"
     "><g shape-rendering=\"crispEdges\"><rect width=\"67.25\" height=\"28\" fill=\"#555\"/><rect x=\""
     "67.25\" width=\"65.5\" height=\"28\" fill=\"#4b0\"/></g><g fill=\"#fff\" text-anchor=\"middle\" "
     "font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font"
     "-size=\"100\"><text transform=\"scale(.1)\" x=\"336.25\" y=\"175\" textLength=\"432.5\">&lt;A&am"
     "p;B&gt;</text><text transform=\"scale(.1)\" x=\"1000\" y=\"175\" textLength=\"415\" font-weight="
     "\"bold\">&quot;IT&apos;S&quot;</text></g></svg>"},
    {"for_the_badge_empty", Style::kForTheBadge, "", "",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"24\" height=\"28\" role=\"img\" aria-label=\""
     "\"><title></title><g shape-rendering=\"crispEdges\"><rect width=\"24\" height=\"28\" fill=\"#4b0"
     "\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-se"
     "rif\" text-rendering=\"geometricPrecision\" font-size=\"100\"><text transform=\"scale(.1)\" x=\""
     "120\" y=\"175\" textLength=\"0\" font-weight=\"bold\"></text></g></svg>"},
    {"for_the_badge_id_suffix_ignored", Style::kForTheBadge, "a", "b",
     nullptr, nullptr, "", 0, "", "", "7",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"63.5\" height=\"28\" role=\"img\" aria-label="
     "\"A: B\"><title>A: B</title><g shape-rendering=\"crispEdges\"><rect width=\"31.25\" height=\"28"
     "\" fill=\"#555\"/><rect x=\"31.25\" width=\"32.25\" height=\"28\" fill=\"#4b0\"/></g><g fill=\"#"
     "fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-renderin"
     "g=\"geometricPrecision\" font-size=\"100\"><text transform=\"scale(.1)\" x=\"156.25\" y=\"175\" "
     "textLength=\"72.5\">A</text><text transform=\"scale(.1)\" x=\"473.75\" y=\"175\" textLength=\"82"
     ".5\" font-weight=\"bold\">B</text></g></svg>"},
    {"social_label_message", Style::kSocial, "cactus", "grown",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"95\" height=\"20\" role=\"img\" aria-label=\"C"
     "actus: grown\"><title>Cactus: grown</title><style>a:hover #llink{fill:url(#b);stroke:#ccc}a:hove"
     "r #rlink{fill:#4183c4}</style><linearGradient id=\"a\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" s"
     "top-color=\"#fcfcfc\" stop-opacity=\"0\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradie"
     "nt><linearGradient id=\"b\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#ccc\" stop-opa"
     "city=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><g stroke=\"#d5d5d5\"><rec"
     "t stroke=\"none\" fill=\"#fcfcfc\" x=\".5\" y=\".5\" width=\"47\" height=\"19\" rx=\"2\"/><rect "
     "x=\"53.5\" y=\".5\" width=\"41\" height=\"19\" rx=\"2\" fill=\"#fafafa\"/><rect x=\"53\" y=\"7.5"
     "\" width=\".5\" height=\"5\" stroke=\"#fafafa\"/><path d=\"M53.5 6.5 l-3 3v1 l3 3\" fill=\"#fafa"
     "fa\"/></g><g aria-hidden=\"true\" fill=\"#333\" text-anchor=\"middle\" font-family=\"Helvetica N"
     "eue,Helvetica,Arial,sans-serif\" text-rendering=\"geometricPrecision\" font-weight=\"700\" font-"
     "size=\"110px\" line-height=\"14px\"><rect id=\"llink\" stroke=\"#d5d5d5\" fill=\"url(#a)\" x=\"."
     "5\" y=\".5\" width=\"47\" height=\"19\" rx=\"2\"/><text aria-hidden=\"true\" x=\"235\" y=\"150\""
     " fill=\"#fff\" transform=\"scale(.1)\" textLength=\"370\">Cactus</text><text x=\"235\" y=\"140\""
     " transform=\"scale(.1)\" textLength=\"370\">Cactus</text><text aria-hidden=\"true\" x=\"735\" y="
     "\"150\" fill=\"#fff\" transform=\"scale(.1)\" textLength=\"330\">grown</text><text id=\"rlink\" "
     "x=\"735\" y=\"140\" transform=\"scale(.1)\" textLength=\"330\">grown</text></g></svg>"},
    {"social_empty_label", Style::kSocial, "", "grown",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"59\" height=\"20\" role=\"img\" aria-label=\"g"
     "rown\"><title>grown</title><style>a:hover #llink{fill:url(#b);stroke:#ccc}a:hover #rlink{fill:#4"
     "183c4}</style><linearGradient id=\"a\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#fcf"
     "cfc\" stop-opacity=\"0\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><linearGradie"
     "nt id=\"b\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#ccc\" stop-opacity=\".1\"/><st"
     "op offset=\"1\" stop-opacity=\".1\"/></linearGradient><g stroke=\"#d5d5d5\"><rect stroke=\"none"
     "\" fill=\"#fcfcfc\" x=\".5\" y=\".5\" width=\"11\" height=\"19\" rx=\"2\"/><rect x=\"17.5\" y=\""
     ".5\" width=\"41\" height=\"19\" rx=\"2\" fill=\"#fafafa\"/><rect x=\"17\" y=\"7.5\" width=\".5\""
     " height=\"5\" stroke=\"#fafafa\"/><path d=\"M17.5 6.5 l-3 3v1 l3 3\" fill=\"#fafafa\"/></g><g ar"
     "ia-hidden=\"true\" fill=\"#333\" text-anchor=\"middle\" font-family=\"Helvetica Neue,Helvetica,A"
     "rial,sans-serif\" text-rendering=\"geometricPrecision\" font-weight=\"700\" font-size=\"110px\" "
     "line-height=\"14px\"><rect id=\"llink\" stroke=\"#d5d5d5\" fill=\"url(#a)\" x=\".5\" y=\".5\" wi"
     "dth=\"11\" height=\"19\" rx=\"2\"/><text aria-hidden=\"true\" x=\"55\" y=\"150\" fill=\"#fff\" t"
     "ransform=\"scale(.1)\" textLength=\"10\"></text><text x=\"55\" y=\"140\" transform=\"scale(.1)\""
     " textLength=\"10\"></text><text aria-hidden=\"true\" x=\"375\" y=\"150\" fill=\"#fff\" transform"
     "=\"scale(.1)\" textLength=\"330\">grown</text><text id=\"rlink\" x=\"375\" y=\"140\" transform="
     "\"scale(.1)\" textLength=\"330\">grown</text></g></svg>"},
    {"social_empty_message", Style::kSocial, "github", "",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"46\" height=\"20\" role=\"img\" aria-label=\"G"
     "ithub: \"><title>Github: </title><style>a:hover #llink{fill:url(#b);stroke:#ccc}a:hover #rlink{f"
     "ill:#4183c4}</style><linearGradient id=\"a\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color="
     "\"#fcfcfc\" stop-opacity=\"0\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><linear"
     "Gradient id=\"b\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#ccc\" stop-opacity=\".1"
     "\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><g stroke=\"#d5d5d5\"><rect stroke="
     "\"none\" fill=\"#fcfcfc\" x=\".5\" y=\".5\" width=\"45\" height=\"19\" rx=\"2\"/></g><g aria-hid"
     "den=\"true\" fill=\"#333\" text-anchor=\"middle\" font-family=\"Helvetica Neue,Helvetica,Arial,s"
     "ans-serif\" text-rendering=\"geometricPrecision\" font-weight=\"700\" font-size=\"110px\" line-h"
     "eight=\"14px\"><rect id=\"llink\" stroke=\"#d5d5d5\" fill=\"url(#a)\" x=\".5\" y=\".5\" width=\""
     "45\" height=\"19\" rx=\"2\"/><text aria-hidden=\"true\" x=\"225\" y=\"150\" fill=\"#fff\" transf"
     "orm=\"scale(.1)\" textLength=\"350\">Github</text><text x=\"225\" y=\"140\" transform=\"scale(.1"
     ")\" textLength=\"350\">Github</text></g></svg>"},
    {"social_logo", Style::kSocial, "github", "1.2k",
     nullptr, nullptr, kLogo, 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"98\" height=\"20\" role=\"img\" aria-label=\"G"
     "ithub: 1.2k\"><title>Github: 1.2k</title><style>a:hover #llink{fill:url(#b);stroke:#ccc}a:hover "
     "#rlink{fill:#4183c4}</style><linearGradient id=\"a\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" sto"
     "p-color=\"#fcfcfc\" stop-opacity=\"0\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient"
     "><linearGradient id=\"b\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#ccc\" stop-opaci"
     "ty=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><g stroke=\"#d5d5d5\"><rect "
     "stroke=\"none\" fill=\"#fcfcfc\" x=\".5\" y=\".5\" width=\"62\" height=\"19\" rx=\"2\"/><rect x="
     "\"68.5\" y=\".5\" width=\"29\" height=\"19\" rx=\"2\" fill=\"#fafafa\"/><rect x=\"68\" y=\"7.5\""
     " width=\".5\" height=\"5\" stroke=\"#fafafa\"/><path d=\"M68.5 6.5 l-3 3v1 l3 3\" fill=\"#fafafa"
     "\"/></g><image x=\"5\" y=\"3\" width=\"14\" height=\"14\" href=\"data:image/svg+xml;base64,PHN2Z"
     "yB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"/><g aria-hidden=\"true\" fill=\"#333\" tex"
     "t-anchor=\"middle\" font-family=\"Helvetica Neue,Helvetica,Arial,sans-serif\" text-rendering=\"g"
     "eometricPrecision\" font-weight=\"700\" font-size=\"110px\" line-height=\"14px\"><rect id=\"llin"
     "k\" stroke=\"#d5d5d5\" fill=\"url(#a)\" x=\".5\" y=\".5\" width=\"62\" height=\"19\" rx=\"2\"/><"
     "text aria-hidden=\"true\" x=\"395\" y=\"150\" fill=\"#fff\" transform=\"scale(.1)\" textLength="
     "\"350\">Github</text><text x=\"395\" y=\"140\" transform=\"scale(.1)\" textLength=\"350\">Github"
     "</text><text aria-hidden=\"true\" x=\"825\" y=\"150\" fill=\"#fff\" transform=\"scale(.1)\" text"
     "Length=\"210\">1.2k</text><text id=\"rlink\" x=\"825\" y=\"140\" transform=\"scale(.1)\" textLen"
     "gth=\"210\">1.2k</text></g></svg>"},
    {"social_logo_empty_label", Style::kSocial, "", "1.2k",
     nullptr, nullptr, kLogo, 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"61\" height=\"20\" role=\"img\" aria-label=\"1"
     ".2k\"><title>1.2k</title><style>a:hover #llink{fill:url(#b);stroke:#ccc}a:hover #rlink{fill:#418"
     "3c4}</style><linearGradient id=\"a\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#fcfcf"
     "c\" stop-opacity=\"0\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><linearGradient"
     " id=\"b\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#ccc\" stop-opacity=\".1\"/><stop"
     " offset=\"1\" stop-opacity=\".1\"/></linearGradient><g stroke=\"#d5d5d5\"><rect stroke=\"none\" "
     "fill=\"#fcfcfc\" x=\".5\" y=\".5\" width=\"25\" height=\"19\" rx=\"2\"/><rect x=\"31.5\" y=\".5"
     "\" width=\"29\" height=\"19\" rx=\"2\" fill=\"#fafafa\"/><rect x=\"31\" y=\"7.5\" width=\".5\" h"
     "eight=\"5\" stroke=\"#fafafa\"/><path d=\"M31.5 6.5 l-3 3v1 l3 3\" fill=\"#fafafa\"/></g><image "
     "x=\"5\" y=\"3\" width=\"14\" height=\"14\" href=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0"
     "cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"/><g aria-hidden=\"true\" fill=\"#333\" text-anchor=\"midd"
     "le\" font-family=\"Helvetica Neue,Helvetica,Arial,sans-serif\" text-rendering=\"geometricPrecisi"
     "on\" font-weight=\"700\" font-size=\"110px\" line-height=\"14px\"><rect id=\"llink\" stroke=\"#d"
     "5d5d5\" fill=\"url(#a)\" x=\".5\" y=\".5\" width=\"25\" height=\"19\" rx=\"2\"/><text aria-hidde"
     "n=\"true\" x=\"195\" y=\"150\" fill=\"#fff\" transform=\"scale(.1)\" textLength=\"10\"></text><t"
     "ext x=\"195\" y=\"140\" transform=\"scale(.1)\" textLength=\"10\"></text><text aria-hidden=\"tru"
     "e\" x=\"455\" y=\"150\" fill=\"#fff\" transform=\"scale(.1)\" textLength=\"210\">1.2k</text><tex"
     "t id=\"rlink\" x=\"455\" y=\"140\" transform=\"scale(.1)\" textLength=\"210\">1.2k</text></g></s"
     "vg>"},
    {"social_both_links", Style::kSocial, "cactus", "grown",
     nullptr, nullptr, "", 0, "https://a.example/", "https://b.example/", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"95\" height=\"20\"><style>a:hover #llink{fill:"
     "url(#b);stroke:#ccc}a:hover #rlink{fill:#4183c4}</style><linearGradient id=\"a\" x2=\"0\" y2=\"1"
     "00%\"><stop offset=\"0\" stop-color=\"#fcfcfc\" stop-opacity=\"0\"/><stop offset=\"1\" stop-opac"
     "ity=\".1\"/></linearGradient><linearGradient id=\"b\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" st"
     "op-color=\"#ccc\" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>"
     "<g stroke=\"#d5d5d5\"><rect stroke=\"none\" fill=\"#fcfcfc\" x=\".5\" y=\".5\" width=\"47\" heig"
     "ht=\"19\" rx=\"2\"/><rect x=\"53.5\" y=\".5\" width=\"41\" height=\"19\" rx=\"2\" fill=\"#fafafa"
     "\"/><rect x=\"53\" y=\"7.5\" width=\".5\" height=\"5\" stroke=\"#fafafa\"/><path d=\"M53.5 6.5 l"
     "-3 3v1 l3 3\" fill=\"#fafafa\"/></g><g aria-hidden=\"false\" fill=\"#333\" text-anchor=\"middle"
     "\" font-family=\"Helvetica Neue,Helvetica,Arial,sans-serif\" text-rendering=\"geometricPrecision"
     "\" font-weight=\"700\" font-size=\"110px\" line-height=\"14px\"><a target=\"_blank\" href=\"http"
     "s://a.example/\"><text aria-hidden=\"true\" x=\"235\" y=\"150\" fill=\"#fff\" transform=\"scale("
     ".1)\" textLength=\"370\">Cactus</text><text x=\"235\" y=\"140\" transform=\"scale(.1)\" textLeng"
     "th=\"370\">Cactus</text><rect id=\"llink\" stroke=\"#d5d5d5\" fill=\"url(#a)\" x=\".5\" y=\".5\""
     " width=\"47\" height=\"19\" rx=\"2\"/></a><a target=\"_blank\" href=\"https://b.example/\"><rect"
     " width=\"42\" x=\"53\" height=\"20\" fill=\"rgba(0,0,0,0)\"/><text aria-hidden=\"true\" x=\"735"
     "\" y=\"150\" fill=\"#fff\" transform=\"scale(.1)\" textLength=\"330\">grown</text><text id=\"rli"
     "nk\" x=\"735\" y=\"140\" transform=\"scale(.1)\" textLength=\"330\">grown</text></a></g></svg>"},
    {"social_left_link_only", Style::kSocial, "cactus", "grown",
     nullptr, nullptr, "", 0, "https://a.example/", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"95\" height=\"20\" role=\"img\" aria-label=\"C"
     "actus: grown\"><title>Cactus: grown</title><a target=\"_blank\" href=\"https://a.example/\"><sty"
     "le>a:hover #llink{fill:url(#b);stroke:#ccc}a:hover #rlink{fill:#4183c4}</style><linearGradient i"
     "d=\"a\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#fcfcfc\" stop-opacity=\"0\"/><stop"
     " offset=\"1\" stop-opacity=\".1\"/></linearGradient><linearGradient id=\"b\" x2=\"0\" y2=\"100%"
     "\"><stop offset=\"0\" stop-color=\"#ccc\" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity="
     "\".1\"/></linearGradient><g stroke=\"#d5d5d5\"><rect stroke=\"none\" fill=\"#fcfcfc\" x=\".5\" y"
     "=\".5\" width=\"47\" height=\"19\" rx=\"2\"/><rect x=\"53.5\" y=\".5\" width=\"41\" height=\"19"
     "\" rx=\"2\" fill=\"#fafafa\"/><rect x=\"53\" y=\"7.5\" width=\".5\" height=\"5\" stroke=\"#fafaf"
     "a\"/><path d=\"M53.5 6.5 l-3 3v1 l3 3\" fill=\"#fafafa\"/></g><g aria-hidden=\"true\" fill=\"#33"
     "3\" text-anchor=\"middle\" font-family=\"Helvetica Neue,Helvetica,Arial,sans-serif\" text-render"
     "ing=\"geometricPrecision\" font-weight=\"700\" font-size=\"110px\" line-height=\"14px\"><rect id"
     "=\"llink\" stroke=\"#d5d5d5\" fill=\"url(#a)\" x=\".5\" y=\".5\" width=\"47\" height=\"19\" rx="
     "\"2\"/><text aria-hidden=\"true\" x=\"235\" y=\"150\" fill=\"#fff\" transform=\"scale(.1)\" text"
     "Length=\"370\">Cactus</text><text x=\"235\" y=\"140\" transform=\"scale(.1)\" textLength=\"370\""
     ">Cactus</text><text aria-hidden=\"true\" x=\"735\" y=\"150\" fill=\"#fff\" transform=\"scale(.1)"
     "\" textLength=\"330\">grown</text><text id=\"rlink\" x=\"735\" y=\"140\" transform=\"scale(.1)\""
     " textLength=\"330\">grown</text></g></a></svg>"},
    {"social_right_link_only", Style::kSocial, "cactus", "grown",
     nullptr, nullptr, "", 0, "", "https://b.example/", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"95\" height=\"20\" role=\"img\" aria-label=\"C"
     "actus: grown\"><title>Cactus: grown</title><style>a:hover #llink{fill:url(#b);stroke:#ccc}a:hove"
     "r #rlink{fill:#4183c4}</style><linearGradient id=\"a\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" s"
     "top-color=\"#fcfcfc\" stop-opacity=\"0\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradie"
     "nt><linearGradient id=\"b\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#ccc\" stop-opa"
     "city=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><g stroke=\"#d5d5d5\"><rec"
     "t stroke=\"none\" fill=\"#fcfcfc\" x=\".5\" y=\".5\" width=\"47\" height=\"19\" rx=\"2\"/><rect "
     "x=\"53.5\" y=\".5\" width=\"41\" height=\"19\" rx=\"2\" fill=\"#fafafa\"/><rect x=\"53\" y=\"7.5"
     "\" width=\".5\" height=\"5\" stroke=\"#fafafa\"/><path d=\"M53.5 6.5 l-3 3v1 l3 3\" fill=\"#fafa"
     "fa\"/></g><g aria-hidden=\"true\" fill=\"#333\" text-anchor=\"middle\" font-family=\"Helvetica N"
     "eue,Helvetica,Arial,sans-serif\" text-rendering=\"geometricPrecision\" font-weight=\"700\" font-"
     "size=\"110px\" line-height=\"14px\"><rect id=\"llink\" stroke=\"#d5d5d5\" fill=\"url(#a)\" x=\"."
     "5\" y=\".5\" width=\"47\" height=\"19\" rx=\"2\"/><text aria-hidden=\"true\" x=\"235\" y=\"150\""
     " fill=\"#fff\" transform=\"scale(.1)\" textLength=\"370\">Cactus</text><text x=\"235\" y=\"140\""
     " transform=\"scale(.1)\" textLength=\"370\">Cactus</text><a target=\"_blank\" href=\"https://b.e"
     "xample/\"><rect width=\"42\" x=\"53\" height=\"20\" fill=\"rgba(0,0,0,0)\"/><text aria-hidden=\""
     "true\" x=\"735\" y=\"150\" fill=\"#fff\" transform=\"scale(.1)\" textLength=\"330\">grown</text>"
     "<text id=\"rlink\" x=\"735\" y=\"140\" transform=\"scale(.1)\" textLength=\"330\">grown</text></"
     "a></g></svg>"},
    {"social_id_suffix", Style::kSocial, "cactus", "grown",
     nullptr, nullptr, "", 0, "", "", "2",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"95\" height=\"20\" role=\"img\" aria-label=\"C"
     "actus: grown\"><title>Cactus: grown</title><style>a:hover #llink2{fill:url(#b2);stroke:#ccc}a:ho"
     "ver #rlink2{fill:#4183c4}</style><linearGradient id=\"a2\" x2=\"0\" y2=\"100%\"><stop offset=\"0"
     "\" stop-color=\"#fcfcfc\" stop-opacity=\"0\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGr"
     "adient><linearGradient id=\"b2\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#ccc\" sto"
     "p-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><g stroke=\"#d5d5d5\""
     "><rect stroke=\"none\" fill=\"#fcfcfc\" x=\".5\" y=\".5\" width=\"47\" height=\"19\" rx=\"2\"/><"
     "rect x=\"53.5\" y=\".5\" width=\"41\" height=\"19\" rx=\"2\" fill=\"#fafafa\"/><rect x=\"53\" y="
     "\"7.5\" width=\".5\" height=\"5\" stroke=\"#fafafa\"/><path d=\"M53.5 6.5 l-3 3v1 l3 3\" fill=\""
     "#fafafa\"/></g><g aria-hidden=\"true\" fill=\"#333\" text-anchor=\"middle\" font-family=\"Helvet"
     "ica Neue,Helvetica,Arial,sans-serif\" text-rendering=\"geometricPrecision\" font-weight=\"700\" "
     "font-size=\"110px\" line-height=\"14px\"><rect id=\"llink2\" stroke=\"#d5d5d5\" fill=\"url(#a2)"
     "\" x=\".5\" y=\".5\" width=\"47\" height=\"19\" rx=\"2\"/><text aria-hidden=\"true\" x=\"235\" y"
     "=\"150\" fill=\"#fff\" transform=\"scale(.1)\" textLength=\"370\">Cactus</text><text x=\"235\" y"
     "=\"140\" transform=\"scale(.1)\" textLength=\"370\">Cactus</text><text aria-hidden=\"true\" x=\""
     "735\" y=\"150\" fill=\"#fff\" transform=\"scale(.1)\" textLength=\"330\">grown</text><text id=\""
     "rlink2\" x=\"735\" y=\"140\" transform=\"scale(.1)\" textLength=\"330\">grown</text></g></svg>"},
    {"social_colours_ignored", Style::kSocial, "a", "b",
     "white", "black", "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"39\" height=\"20\" role=\"img\" aria-label=\"A"
     ": b\"><title>A: b</title><style>a:hover #llink{fill:url(#b);stroke:#ccc}a:hover #rlink{fill:#418"
     "3c4}</style><linearGradient id=\"a\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#fcfcf"
     "c\" stop-opacity=\"0\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><linearGradient"
     " id=\"b\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#ccc\" stop-opacity=\".1\"/><stop"
     " offset=\"1\" stop-opacity=\".1\"/></linearGradient><g stroke=\"#d5d5d5\"><rect stroke=\"none\" "
     "fill=\"#fcfcfc\" x=\".5\" y=\".5\" width=\"17\" height=\"19\" rx=\"2\"/><rect x=\"23.5\" y=\".5"
     "\" width=\"15\" height=\"19\" rx=\"2\" fill=\"#fafafa\"/><rect x=\"23\" y=\"7.5\" width=\".5\" h"
     "eight=\"5\" stroke=\"#fafafa\"/><path d=\"M23.5 6.5 l-3 3v1 l3 3\" fill=\"#fafafa\"/></g><g aria"
     "-hidden=\"true\" fill=\"#333\" text-anchor=\"middle\" font-family=\"Helvetica Neue,Helvetica,Ari"
     "al,sans-serif\" text-rendering=\"geometricPrecision\" font-weight=\"700\" font-size=\"110px\" li"
     "ne-height=\"14px\"><rect id=\"llink\" stroke=\"#d5d5d5\" fill=\"url(#a)\" x=\".5\" y=\".5\" widt"
     "h=\"17\" height=\"19\" rx=\"2\"/><text aria-hidden=\"true\" x=\"85\" y=\"150\" fill=\"#fff\" tra"
     "nsform=\"scale(.1)\" textLength=\"70\">A</text><text x=\"85\" y=\"140\" transform=\"scale(.1)\" "
     "textLength=\"70\">A</text><text aria-hidden=\"true\" x=\"305\" y=\"150\" fill=\"#fff\" transform"
     "=\"scale(.1)\" textLength=\"70\">b</text><text id=\"rlink\" x=\"305\" y=\"140\" transform=\"scal"
     "e(.1)\" textLength=\"70\">b</text></g></svg>"},
    {"social_sharp_s_first", Style::kSocial, "\303\237ig", "x",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"53\" height=\"20\" role=\"img\" aria-label=\"S"
     "Sig: x\"><title>SSig: x</title><style>a:hover #llink{fill:url(#b);stroke:#ccc}a:hover #rlink{fil"
     "l:#4183c4}</style><linearGradient id=\"a\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\""
     "#fcfcfc\" stop-opacity=\"0\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><linearGr"
     "adient id=\"b\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#ccc\" stop-opacity=\".1\"/"
     "><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><g stroke=\"#d5d5d5\"><rect stroke=\"n"
     "one\" fill=\"#fcfcfc\" x=\".5\" y=\".5\" width=\"33\" height=\"19\" rx=\"2\"/><rect x=\"39.5\" y"
     "=\".5\" width=\"13\" height=\"19\" rx=\"2\" fill=\"#fafafa\"/><rect x=\"39\" y=\"7.5\" width=\"."
     "5\" height=\"5\" stroke=\"#fafafa\"/><path d=\"M39.5 6.5 l-3 3v1 l3 3\" fill=\"#fafafa\"/></g><g"
     " aria-hidden=\"true\" fill=\"#333\" text-anchor=\"middle\" font-family=\"Helvetica Neue,Helvetic"
     "a,Arial,sans-serif\" text-rendering=\"geometricPrecision\" font-weight=\"700\" font-size=\"110px"
     "\" line-height=\"14px\"><rect id=\"llink\" stroke=\"#d5d5d5\" fill=\"url(#a)\" x=\".5\" y=\".5\""
     " width=\"33\" height=\"19\" rx=\"2\"/><text aria-hidden=\"true\" x=\"165\" y=\"150\" fill=\"#fff"
     "\" transform=\"scale(.1)\" textLength=\"230\">SSig</text><text x=\"165\" y=\"140\" transform=\"s"
     "cale(.1)\" textLength=\"230\">SSig</text><text aria-hidden=\"true\" x=\"455\" y=\"150\" fill=\"#"
     "fff\" transform=\"scale(.1)\" textLength=\"50\">x</text><text id=\"rlink\" x=\"455\" y=\"140\" t"
     "ransform=\"scale(.1)\" textLength=\"50\">x</text></g></svg>"},
    {"social_astral_first", Style::kSocial, "\360\220\220\250rest", "x",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"61\" height=\"20\" role=\"img\" aria-label=\""
     "\360\220\220\250rest: x\"><title>\360\220\220\250rest: x</title><style>a:hover #llink{fill:url(#"
     "b);stroke:#ccc}a:hover #rlink{fill:#4183c4}</style><linearGradient id=\"a\" x2=\"0\" y2=\"100%\""
     "><stop offset=\"0\" stop-color=\"#fcfcfc\" stop-opacity=\"0\"/><stop offset=\"1\" stop-opacity="
     "\".1\"/></linearGradient><linearGradient id=\"b\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-c"
     "olor=\"#ccc\" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><g s"
     "troke=\"#d5d5d5\"><rect stroke=\"none\" fill=\"#fcfcfc\" x=\".5\" y=\".5\" width=\"41\" height="
     "\"19\" rx=\"2\"/><rect x=\"47.5\" y=\".5\" width=\"13\" height=\"19\" rx=\"2\" fill=\"#fafafa\"/"
     "><rect x=\"47\" y=\"7.5\" width=\".5\" height=\"5\" stroke=\"#fafafa\"/><path d=\"M47.5 6.5 l-3 "
     "3v1 l3 3\" fill=\"#fafafa\"/></g><g aria-hidden=\"true\" fill=\"#333\" text-anchor=\"middle\" fo"
     "nt-family=\"Helvetica Neue,Helvetica,Arial,sans-serif\" text-rendering=\"geometricPrecision\" fo"
     "nt-weight=\"700\" font-size=\"110px\" line-height=\"14px\"><rect id=\"llink\" stroke=\"#d5d5d5\""
     " fill=\"url(#a)\" x=\".5\" y=\".5\" width=\"41\" height=\"19\" rx=\"2\"/><text aria-hidden=\"tru"
     "e\" x=\"205\" y=\"150\" fill=\"#fff\" transform=\"scale(.1)\" textLength=\"310\">\360\220\220"
     "\250rest</text><text x=\"205\" y=\"140\" transform=\"scale(.1)\" textLength=\"310\">\360\220\220"
     "\250rest</text><text aria-hidden=\"true\" x=\"535\" y=\"150\" fill=\"#fff\" transform=\"scale(.1"
     ")\" textLength=\"50\">x</text><text id=\"rlink\" x=\"535\" y=\"140\" transform=\"scale(.1)\" tex"
     "tLength=\"50\">x</text></g></svg>"},
    {"social_xml_specials", Style::kSocial, "'quote", "<&>",
     nullptr, nullptr, "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"79\" height=\"20\" role=\"img\" aria-label=\"&"
     "apos;quote: &lt;&amp;&gt;\"><title>&apos;quote: &lt;&amp;&gt;</title><style>a:hover #llink{fill:"
     "url(#b);stroke:#ccc}a:hover #rlink{fill:#4183c4}</style><linearGradient id=\"a\" x2=\"0\" y2=\"1"
     "00%\"><stop offset=\"0\" stop-color=\"#fcfcfc\" stop-opacity=\"0\"/><stop offset=\"1\" stop-opac"
     "ity=\".1\"/></linearGradient><linearGradient id=\"b\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" st"
     "op-color=\"#ccc\" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>"
     "<g stroke=\"#d5d5d5\"><rect stroke=\"none\" fill=\"#fcfcfc\" x=\".5\" y=\".5\" width=\"43\" heig"
     "ht=\"19\" rx=\"2\"/><rect x=\"49.5\" y=\".5\" width=\"29\" height=\"19\" rx=\"2\" fill=\"#fafafa"
     "\"/><rect x=\"49\" y=\"7.5\" width=\".5\" height=\"5\" stroke=\"#fafafa\"/><path d=\"M49.5 6.5 l"
     "-3 3v1 l3 3\" fill=\"#fafafa\"/></g><g aria-hidden=\"true\" fill=\"#333\" text-anchor=\"middle\""
     " font-family=\"Helvetica Neue,Helvetica,Arial,sans-serif\" text-rendering=\"geometricPrecision\""
     " font-weight=\"700\" font-size=\"110px\" line-height=\"14px\"><rect id=\"llink\" stroke=\"#d5d5d"
     "5\" fill=\"url(#a)\" x=\".5\" y=\".5\" width=\"43\" height=\"19\" rx=\"2\"/><text aria-hidden=\""
     "true\" x=\"215\" y=\"150\" fill=\"#fff\" transform=\"scale(.1)\" textLength=\"330\">&apos;quote<"
     "/text><text x=\"215\" y=\"140\" transform=\"scale(.1)\" textLength=\"330\">&apos;quote</text><te"
     "xt aria-hidden=\"true\" x=\"635\" y=\"150\" fill=\"#fff\" transform=\"scale(.1)\" textLength=\"2"
     "10\">&lt;&amp;&gt;</text><text id=\"rlink\" x=\"635\" y=\"140\" transform=\"scale(.1)\" textLeng"
     "th=\"210\">&lt;&amp;&gt;</text></g></svg>"},
    {"colour_invalid_is_brightgreen", Style::kFlat, "a", "b",
     "Red", "nope", "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"34\" height=\"20\" role=\"img\" aria-label=\"a"
     ": b\"><title>a: b</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filter><line"
     "arGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\"."
     "1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><clipPath id=\"r\"><rect width=\"3"
     "4\" height=\"20\" rx=\"3\"/></clipPath><g clip-path=\"url(#r)\"><rect width=\"17\" height=\"20\""
     " fill=\"#555\"/><rect x=\"17\" width=\"17\" height=\"20\" fill=\"#4b0\"/><rect width=\"34\" heig"
     "ht=\"20\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Ge"
     "neva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"110\"><g transfo"
     "rm=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"95\" y=\"150\" fill-opacity="
     "\".8\" filter=\"url(#blur)\" textLength=\"70\">a</text><text x=\"95\" y=\"150\" fill-opacity=\"."
     "3\" textLength=\"70\">a</text></g><text x=\"95\" y=\"140\" textLength=\"70\">a</text></g><g tran"
     "sform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"245\" y=\"150\" fill-opac"
     "ity=\".8\" filter=\"url(#blur)\" textLength=\"70\">b</text><text x=\"245\" y=\"150\" fill-opacit"
     "y=\".3\" textLength=\"70\">b</text></g><text x=\"245\" y=\"140\" textLength=\"70\">b</text></g><"
     "/g></svg>"},
    {"colour_spaces_verbatim", Style::kFlat, "a", "b",
     "  blue ", "\302\240white", "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"34\" height=\"20\" role=\"img\" aria-label=\"a"
     ": b\"><title>a: b</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filter><line"
     "arGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\"."
     "1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><clipPath id=\"r\"><rect width=\"3"
     "4\" height=\"20\" rx=\"3\"/></clipPath><g clip-path=\"url(#r)\"><rect width=\"17\" height=\"20\""
     " fill=\"\302\240white\"/><rect x=\"17\" width=\"17\" height=\"20\" fill=\"  blue \"/><rect width"
     "=\"34\" height=\"20\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family="
     "\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"110"
     "\"><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"95\" y=\"150\" "
     "fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"70\">a</text><text x=\"95\" y=\"150\" fil"
     "l-opacity=\".3\" textLength=\"70\">a</text></g><text x=\"95\" y=\"140\" textLength=\"70\">a</tex"
     "t></g><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"245\" y=\"15"
     "0\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"70\">b</text><text x=\"245\" y=\"150"
     "\" fill-opacity=\".3\" textLength=\"70\">b</text></g><text x=\"245\" y=\"140\" textLength=\"70\""
     ">b</text></g></g></svg>"},
    {"colour_bare_hex", Style::kFlat, "a", "b",
     "ABC", "ffeedd", "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"34\" height=\"20\" role=\"img\" aria-label=\"a"
     ": b\"><title>a: b</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filter><line"
     "arGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\"."
     "1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><clipPath id=\"r\"><rect width=\"3"
     "4\" height=\"20\" rx=\"3\"/></clipPath><g clip-path=\"url(#r)\"><rect width=\"17\" height=\"20\""
     " fill=\"#ffeedd\"/><rect x=\"17\" width=\"17\" height=\"20\" fill=\"#abc\"/><rect width=\"34\" h"
     "eight=\"20\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana"
     ",Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"110\"><g tran"
     "sform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#ccc\"><text x=\"95\" y=\"150\" fill-opacity="
     "\".8\" filter=\"url(#blur)\" textLength=\"70\">a</text><text x=\"95\" y=\"150\" fill-opacity=\"."
     "3\" textLength=\"70\">a</text></g><text x=\"95\" y=\"140\" textLength=\"70\" fill=\"#333\">a</te"
     "xt></g><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#ccc\"><text x=\"245\" y=\"150"
     "\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"70\">b</text><text x=\"245\" y=\"150\""
     " fill-opacity=\".3\" textLength=\"70\">b</text></g><text x=\"245\" y=\"140\" textLength=\"70\" f"
     "ill=\"#333\">b</text></g></g></svg>"},
    {"colour_channel_overflow", Style::kFlat, "a", "b",
     "rgb(99999999999999999999999, 0, 0)", "rgb(99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
    "999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
    "999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
    "999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
    "99999999999999999999,0,0)", "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"34\" height=\"20\" role=\"img\" aria-label=\"a"
     ": b\"><title>a: b</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filter><line"
     "arGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\"."
     "1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><clipPath id=\"r\"><rect width=\"3"
     "4\" height=\"20\" rx=\"3\"/></clipPath><g clip-path=\"url(#r)\"><rect width=\"17\" height=\"20\""
     " fill=\"rgb(999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
     "999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
     "999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
     "999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"
     "9999999999999999999999999999,0,0)\"/><rect x=\"17\" width=\"17\" height=\"20\" fill=\"rgb(999999"
     "99999999999999999, 0, 0)\"/><rect width=\"34\" height=\"20\" fill=\"url(#s)\"/></g><g fill=\"#ff"
     "f\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering="
     "\"geometricPrecision\" font-size=\"110\"><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill"
     "=\"#ccc\"><text x=\"95\" y=\"150\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"70\">a"
     "</text><text x=\"95\" y=\"150\" fill-opacity=\".3\" textLength=\"70\">a</text></g><text x=\"95\""
     " y=\"140\" textLength=\"70\" fill=\"#333\">a</text></g><g transform=\"scale(.1)\"><g aria-hidden"
     "=\"true\" fill=\"#010101\"><text x=\"245\" y=\"150\" fill-opacity=\".8\" filter=\"url(#blur)\" t"
     "extLength=\"70\">b</text><text x=\"245\" y=\"150\" fill-opacity=\".3\" textLength=\"70\">b</text"
     "></g><text x=\"245\" y=\"140\" textLength=\"70\">b</text></g></g></svg>"},
    {"colour_aliases", Style::kFlat, "a", "b",
     "inactive", "gray", "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"34\" height=\"20\" role=\"img\" aria-label=\"a"
     ": b\"><title>a: b</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filter><line"
     "arGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\"."
     "1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><clipPath id=\"r\"><rect width=\"3"
     "4\" height=\"20\" rx=\"3\"/></clipPath><g clip-path=\"url(#r)\"><rect width=\"17\" height=\"20\""
     " fill=\"#555\"/><rect x=\"17\" width=\"17\" height=\"20\" fill=\"#939393\"/><rect width=\"34\" h"
     "eight=\"20\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana"
     ",Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"110\"><g tran"
     "sform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"95\" y=\"150\" fill-opaci"
     "ty=\".8\" filter=\"url(#blur)\" textLength=\"70\">a</text><text x=\"95\" y=\"150\" fill-opacity="
     "\".3\" textLength=\"70\">a</text></g><text x=\"95\" y=\"140\" textLength=\"70\">a</text></g><g t"
     "ransform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"245\" y=\"150\" fill-o"
     "pacity=\".8\" filter=\"url(#blur)\" textLength=\"70\">b</text><text x=\"245\" y=\"150\" fill-opa"
     "city=\".3\" textLength=\"70\">b</text></g><text x=\"245\" y=\"140\" textLength=\"70\">b</text></"
     "g></g></svg>"},
    {"colour_brightness_threshold", Style::kFlat, "a", "b",
     "rgb(12,249,241)", "rgb(12,249,242)", "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"34\" height=\"20\" role=\"img\" aria-label=\"a"
     ": b\"><title>a: b</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filter><line"
     "arGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\"."
     "1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><clipPath id=\"r\"><rect width=\"3"
     "4\" height=\"20\" rx=\"3\"/></clipPath><g clip-path=\"url(#r)\"><rect width=\"17\" height=\"20\""
     " fill=\"rgb(12,249,242)\"/><rect x=\"17\" width=\"17\" height=\"20\" fill=\"rgb(12,249,241)\"/><"
     "rect width=\"34\" height=\"20\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle\" fo"
     "nt-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-s"
     "ize=\"110\"><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#ccc\"><text x=\"95\" y=\""
     "150\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"70\">a</text><text x=\"95\" y=\"150"
     "\" fill-opacity=\".3\" textLength=\"70\">a</text></g><text x=\"95\" y=\"140\" textLength=\"70\" "
     "fill=\"#333\">a</text></g><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><t"
     "ext x=\"245\" y=\"150\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"70\">b</text><tex"
     "t x=\"245\" y=\"150\" fill-opacity=\".3\" textLength=\"70\">b</text></g><text x=\"245\" y=\"140"
     "\" textLength=\"70\">b</text></g></g></svg>"},
    {"fractional_logo_width_flat", Style::kFlat, "build", "passing",
     nullptr, nullptr, kLogo, 18.666666666666668, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"109.66666666666667\" height=\"20\" role=\"img"
     "\" aria-label=\"build: passing\"><title>build: passing</title><filter id=\"blur\"><feGaussianBlu"
     "r stdDeviation=\"16\"/></filter><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\""
     " stop-color=\"#bbb\" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradie"
     "nt><clipPath id=\"r\"><rect width=\"109.66666666666667\" height=\"20\" rx=\"3\"/></clipPath><g c"
     "lip-path=\"url(#r)\"><rect width=\"58.66666666666667\" height=\"20\" fill=\"#555\"/><rect x=\"58"
     ".66666666666667\" width=\"51\" height=\"20\" fill=\"#4b0\"/><rect width=\"109.66666666666667\" h"
     "eight=\"20\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana"
     ",Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"110\"><image "
     "x=\"5\" y=\"3\" width=\"18.666666666666668\" height=\"14\" href=\"data:image/svg+xml;base64,PHN2"
     "ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"/><g transform=\"scale(.1)\"><g aria-hidde"
     "n=\"true\" fill=\"#010101\"><text x=\"411.66666666666674\" y=\"150\" fill-opacity=\".8\" filter="
     "\"url(#blur)\" textLength=\"270\">build</text><text x=\"411.66666666666674\" y=\"150\" fill-opac"
     "ity=\".3\" textLength=\"270\">build</text></g><text x=\"411.66666666666674\" y=\"140\" textLengt"
     "h=\"270\">build</text></g><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><t"
     "ext x=\"831.6666666666667\" y=\"150\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"410"
     "\">passing</text><text x=\"831.6666666666667\" y=\"150\" fill-opacity=\".3\" textLength=\"410\">"
     "passing</text></g><text x=\"831.6666666666667\" y=\"140\" textLength=\"410\">passing</text></g><"
     "/g></svg>"},
    {"fractional_logo_width_no_label_flat", Style::kFlat, "", "passing",
     nullptr, nullptr, kLogo, 10.3, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"65.3\" height=\"20\" role=\"img\" aria-label="
     "\"passing\"><title>passing</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></fil"
     "ter><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-op"
     "acity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><clipPath id=\"r\"><rect "
     "width=\"65.3\" height=\"20\" rx=\"3\"/></clipPath><g clip-path=\"url(#r)\"><rect width=\"0\" hei"
     "ght=\"20\" fill=\"#555\"/><rect x=\"0\" width=\"65.3\" height=\"20\" fill=\"#4b0\"/><rect width="
     "\"65.3\" height=\"20\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family"
     "=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"110"
     "\"><image x=\"5\" y=\"3\" width=\"10.3\" height=\"14\" href=\"data:image/svg+xml;base64,PHN2ZyB4"
     "bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"/><g transform=\"scale(.1)\"><g aria-hidden=\""
     "true\" fill=\"#010101\"><text x=\"398\" y=\"150\" fill-opacity=\".8\" filter=\"url(#blur)\" text"
     "Length=\"410\">passing</text><text x=\"398\" y=\"150\" fill-opacity=\".3\" textLength=\"410\">pa"
     "ssing</text></g><text x=\"398\" y=\"140\" textLength=\"410\">passing</text></g></g></svg>"},
    {"fractional_logo_width_flat_square", Style::kFlatSquare, "build", "passing",
     nullptr, nullptr, kLogo, 18.666666666666668, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"109.66666666666667\" height=\"20\" role=\"img"
     "\" aria-label=\"build: passing\"><title>build: passing</title><g shape-rendering=\"crispEdges\">"
     "<rect width=\"58.66666666666667\" height=\"20\" fill=\"#555\"/><rect x=\"58.66666666666667\" wid"
     "th=\"51\" height=\"20\" fill=\"#4b0\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family="
     "\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"110"
     "\"><image x=\"5\" y=\"3\" width=\"18.666666666666668\" height=\"14\" href=\"data:image/svg+xml;b"
     "ase64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"/><text x=\"411.66666666666674\""
     " y=\"140\" textLength=\"270\" transform=\"scale(.1)\">build</text><text x=\"831.6666666666667\" "
     "y=\"140\" textLength=\"410\" transform=\"scale(.1)\">passing</text></g></svg>"},
    {"fractional_logo_width_no_label_flat_square", Style::kFlatSquare, "", "passing",
     nullptr, nullptr, kLogo, 10.3, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"65.3\" height=\"20\" role=\"img\" aria-label="
     "\"passing\"><title>passing</title><g shape-rendering=\"crispEdges\"><rect width=\"0\" height=\"2"
     "0\" fill=\"#555\"/><rect x=\"0\" width=\"65.3\" height=\"20\" fill=\"#4b0\"/></g><g fill=\"#fff"
     "\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering="
     "\"geometricPrecision\" font-size=\"110\"><image x=\"5\" y=\"3\" width=\"10.3\" height=\"14\" hre"
     "f=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"/><text "
     "x=\"398\" y=\"140\" textLength=\"410\" transform=\"scale(.1)\">passing</text></g></svg>"},
    {"fractional_logo_width_plastic", Style::kPlastic, "build", "passing",
     nullptr, nullptr, kLogo, 18.666666666666668, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"109.66666666666667\" height=\"18\" role=\"img"
     "\" aria-label=\"build: passing\"><title>build: passing</title><filter id=\"blur\"><feGaussianBlu"
     "r stdDeviation=\"16\"/></filter><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\""
     " stop-color=\"#fff\" stop-opacity=\".7\"/><stop offset=\".1\" stop-color=\"#aaa\" stop-opacity="
     "\".1\"/><stop offset=\".9\" stop-color=\"#000\" stop-opacity=\".3\"/><stop offset=\"1\" stop-col"
     "or=\"#000\" stop-opacity=\".5\"/></linearGradient><clipPath id=\"r\"><rect width=\"109.666666666"
     "66667\" height=\"18\" rx=\"4\"/></clipPath><g clip-path=\"url(#r)\"><rect width=\"58.66666666666"
     "667\" height=\"18\" fill=\"#555\"/><rect x=\"58.66666666666667\" width=\"51\" height=\"18\" fill"
     "=\"#4b0\"/><rect width=\"109.66666666666667\" height=\"18\" fill=\"url(#s)\"/></g><g fill=\"#fff"
     "\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering="
     "\"geometricPrecision\" font-size=\"110\"><image x=\"5\" y=\"2\" width=\"18.666666666666668\" hei"
     "ght=\"14\" href=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmci"
     "Lz4=\"/><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"411.666666"
     "66666674\" y=\"140\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"270\">build</text><t"
     "ext x=\"411.66666666666674\" y=\"140\" fill-opacity=\".3\" textLength=\"270\">build</text></g><t"
     "ext x=\"411.66666666666674\" y=\"130\" textLength=\"270\">build</text></g><g transform=\"scale(."
     "1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"831.6666666666667\" y=\"140\" fill-opaci"
     "ty=\".8\" filter=\"url(#blur)\" textLength=\"410\">passing</text><text x=\"831.6666666666667\" y"
     "=\"140\" fill-opacity=\".3\" textLength=\"410\">passing</text></g><text x=\"831.6666666666667\" "
     "y=\"130\" textLength=\"410\">passing</text></g></g></svg>"},
    {"fractional_logo_width_no_label_plastic", Style::kPlastic, "", "passing",
     nullptr, nullptr, kLogo, 10.3, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"65.3\" height=\"18\" role=\"img\" aria-label="
     "\"passing\"><title>passing</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></fil"
     "ter><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#fff\" stop-op"
     "acity=\".7\"/><stop offset=\".1\" stop-color=\"#aaa\" stop-opacity=\".1\"/><stop offset=\".9\" s"
     "top-color=\"#000\" stop-opacity=\".3\"/><stop offset=\"1\" stop-color=\"#000\" stop-opacity=\".5"
     "\"/></linearGradient><clipPath id=\"r\"><rect width=\"65.3\" height=\"18\" rx=\"4\"/></clipPath>"
     "<g clip-path=\"url(#r)\"><rect width=\"0\" height=\"18\" fill=\"#555\"/><rect x=\"0\" width=\"65"
     ".3\" height=\"18\" fill=\"#4b0\"/><rect width=\"65.3\" height=\"18\" fill=\"url(#s)\"/></g><g fi"
     "ll=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-re"
     "ndering=\"geometricPrecision\" font-size=\"110\"><image x=\"5\" y=\"2\" width=\"10.3\" height=\""
     "14\" href=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\""
     "/><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"398\" y=\"140\" "
     "fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"410\">passing</text><text x=\"398\" y=\"1"
     "40\" fill-opacity=\".3\" textLength=\"410\">passing</text></g><text x=\"398\" y=\"130\" textLeng"
     "th=\"410\">passing</text></g></g></svg>"},
    {"fractional_logo_width_for_the_badge", Style::kForTheBadge, "build", "passing",
     nullptr, nullptr, kLogo, 18.666666666666668, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"166.66666666666669\" height=\"28\" role=\"img"
     "\" aria-label=\"BUILD: PASSING\"><title>BUILD: PASSING</title><g shape-rendering=\"crispEdges\">"
     "<rect width=\"82.91666666666667\" height=\"28\" fill=\"#555\"/><rect x=\"82.91666666666667\" wid"
     "th=\"83.75\" height=\"28\" fill=\"#4b0\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-famil"
     "y=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"10"
     "0\"><image x=\"9\" y=\"7\" width=\"18.666666666666668\" height=\"14\" href=\"data:image/svg+xml;"
     "base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"/><text transform=\"scale(.1)\""
     " x=\"522.9166666666667\" y=\"175\" textLength=\"372.5\">BUILD</text><text transform=\"scale(.1)"
     "\" x=\"1247.9166666666667\" y=\"175\" textLength=\"597.5\" font-weight=\"bold\">PASSING</text></"
     "g></svg>"},
    {"fractional_logo_width_no_label_for_the_badge", Style::kForTheBadge, "", "passing",
     nullptr, nullptr, kLogo, 10.3, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100.05\" height=\"28\" role=\"img\" aria-label"
     "=\"PASSING\"><title>PASSING</title><g shape-rendering=\"crispEdges\"><rect width=\"100.05\" heig"
     "ht=\"28\" fill=\"#4b0\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Genev"
     "a,DejaVu Sans,sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"100\"><image x=\"9"
     "\" y=\"7\" width=\"10.3\" height=\"14\" href=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDo"
     "vL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"/><text transform=\"scale(.1)\" x=\"581.75\" y=\"175\" textLe"
     "ngth=\"597.5\" font-weight=\"bold\">PASSING</text></g></svg>"},
    {"fractional_logo_width_social", Style::kSocial, "build", "passing",
     nullptr, nullptr, kLogo, 18.666666666666668, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"114.66666666666667\" height=\"20\" role=\"img"
     "\" aria-label=\"Build: passing\"><title>Build: passing</title><style>a:hover #llink{fill:url(#b)"
     ";stroke:#ccc}a:hover #rlink{fill:#4183c4}</style><linearGradient id=\"a\" x2=\"0\" y2=\"100%\"><"
     "stop offset=\"0\" stop-color=\"#fcfcfc\" stop-opacity=\"0\"/><stop offset=\"1\" stop-opacity=\"."
     "1\"/></linearGradient><linearGradient id=\"b\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-colo"
     "r=\"#ccc\" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><g stro"
     "ke=\"#d5d5d5\"><rect stroke=\"none\" fill=\"#fcfcfc\" x=\".5\" y=\".5\" width=\"58.6666666666666"
     "7\" height=\"19\" rx=\"2\"/><rect x=\"65.16666666666667\" y=\".5\" width=\"49\" height=\"19\" rx"
     "=\"2\" fill=\"#fafafa\"/><rect x=\"64.66666666666667\" y=\"7.5\" width=\".5\" height=\"5\" strok"
     "e=\"#fafafa\"/><path d=\"M65.16666666666667 6.5 l-3 3v1 l3 3\" fill=\"#fafafa\"/></g><image x=\""
     "5\" y=\"3\" width=\"18.666666666666668\" height=\"14\" href=\"data:image/svg+xml;base64,PHN2ZyB4"
     "bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"/><g aria-hidden=\"true\" fill=\"#333\" text-a"
     "nchor=\"middle\" font-family=\"Helvetica Neue,Helvetica,Arial,sans-serif\" text-rendering=\"geom"
     "etricPrecision\" font-weight=\"700\" font-size=\"110px\" line-height=\"14px\"><rect id=\"llink\""
     " stroke=\"#d5d5d5\" fill=\"url(#a)\" x=\".5\" y=\".5\" width=\"58.66666666666667\" height=\"19\""
     " rx=\"2\"/><text aria-hidden=\"true\" x=\"401.66666666666674\" y=\"150\" fill=\"#fff\" transform"
     "=\"scale(.1)\" textLength=\"270\">Build</text><text x=\"401.66666666666674\" y=\"140\" transform"
     "=\"scale(.1)\" textLength=\"270\">Build</text><text aria-hidden=\"true\" x=\"891.6666666666667\""
     " y=\"150\" fill=\"#fff\" transform=\"scale(.1)\" textLength=\"410\">passing</text><text id=\"rli"
     "nk\" x=\"891.6666666666667\" y=\"140\" transform=\"scale(.1)\" textLength=\"410\">passing</text>"
     "</g></svg>"},
    {"fractional_logo_width_no_label_social", Style::kSocial, "", "passing",
     nullptr, nullptr, kLogo, 10.3, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"77.3\" height=\"20\" role=\"img\" aria-label="
     "\"passing\"><title>passing</title><style>a:hover #llink{fill:url(#b);stroke:#ccc}a:hover #rlink{"
     "fill:#4183c4}</style><linearGradient id=\"a\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color"
     "=\"#fcfcfc\" stop-opacity=\"0\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><linea"
     "rGradient id=\"b\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#ccc\" stop-opacity=\".1"
     "\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><g stroke=\"#d5d5d5\"><rect stroke="
     "\"none\" fill=\"#fcfcfc\" x=\".5\" y=\".5\" width=\"21.3\" height=\"19\" rx=\"2\"/><rect x=\"27."
     "8\" y=\".5\" width=\"49\" height=\"19\" rx=\"2\" fill=\"#fafafa\"/><rect x=\"27.3\" y=\"7.5\" wi"
     "dth=\".5\" height=\"5\" stroke=\"#fafafa\"/><path d=\"M27.8 6.5 l-3 3v1 l3 3\" fill=\"#fafafa\"/"
     "></g><image x=\"5\" y=\"3\" width=\"10.3\" height=\"14\" href=\"data:image/svg+xml;base64,PHN2Zy"
     "B4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"/><g aria-hidden=\"true\" fill=\"#333\" text"
     "-anchor=\"middle\" font-family=\"Helvetica Neue,Helvetica,Arial,sans-serif\" text-rendering=\"ge"
     "ometricPrecision\" font-weight=\"700\" font-size=\"110px\" line-height=\"14px\"><rect id=\"llink"
     "\" stroke=\"#d5d5d5\" fill=\"url(#a)\" x=\".5\" y=\".5\" width=\"21.3\" height=\"19\" rx=\"2\"/>"
     "<text aria-hidden=\"true\" x=\"158\" y=\"150\" fill=\"#fff\" transform=\"scale(.1)\" textLength="
     "\"10\"></text><text x=\"158\" y=\"140\" transform=\"scale(.1)\" textLength=\"10\"></text><text a"
     "ria-hidden=\"true\" x=\"518\" y=\"150\" fill=\"#fff\" transform=\"scale(.1)\" textLength=\"410\""
     ">passing</text><text id=\"rlink\" x=\"518\" y=\"140\" transform=\"scale(.1)\" textLength=\"410\""
     ">passing</text></g></svg>"},
    {"huge_logo_width_flat", Style::kFlat, "a", "b",
     nullptr, nullptr, kLogo, 2000000000, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2000000037\" height=\"20\" role=\"img\" aria-l"
     "abel=\"a: b\"><title>a: b</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filt"
     "er><linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opa"
     "city=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><clipPath id=\"r\"><rect w"
     "idth=\"2000000037\" height=\"20\" rx=\"3\"/></clipPath><g clip-path=\"url(#r)\"><rect width=\"20"
     "00000020\" height=\"20\" fill=\"#555\"/><rect x=\"2000000020\" width=\"17\" height=\"20\" fill="
     "\"#4b0\"/><rect width=\"2000000037\" height=\"20\" fill=\"url(#s)\"/></g><g fill=\"#fff\" text-a"
     "nchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering=\"geometri"
     "cPrecision\" font-size=\"110\"><image x=\"5\" y=\"3\" width=\"2000000000\" height=\"14\" href=\""
     "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"/><g transfo"
     "rm=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x=\"20000000125\" y=\"150\" fill"
     "-opacity=\".8\" filter=\"url(#blur)\" textLength=\"70\">a</text><text x=\"20000000125\" y=\"150"
     "\" fill-opacity=\".3\" textLength=\"70\">a</text></g><text x=\"20000000125\" y=\"140\" textLengt"
     "h=\"70\">a</text></g><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fill=\"#010101\"><text x"
     "=\"20000000275\" y=\"150\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"70\">b</text><"
     "text x=\"20000000275\" y=\"150\" fill-opacity=\".3\" textLength=\"70\">b</text></g><text x=\"200"
     "00000275\" y=\"140\" textLength=\"70\">b</text></g></g></svg>"},
    {"huge_logo_width_for_the_badge", Style::kForTheBadge, "a", "b",
     nullptr, nullptr, kLogo, 2000000000, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2000000066.5\" height=\"28\" role=\"img\" aria"
     "-label=\"A: B\"><title>A: B</title><g shape-rendering=\"crispEdges\"><rect width=\"2000000034.25"
     "\" height=\"28\" fill=\"#555\"/><rect x=\"2000000034.25\" width=\"32.25\" height=\"28\" fill=\"#"
     "4b0\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans"
     "-serif\" text-rendering=\"geometricPrecision\" font-size=\"100\"><image x=\"9\" y=\"7\" width=\""
     "2000000000\" height=\"14\" href=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5v"
     "cmcvMjAwMC9zdmciLz4=\"/><text transform=\"scale(.1)\" x=\"20000000186.25\" y=\"175\" textLength="
     "\"72.5\">A</text><text transform=\"scale(.1)\" x=\"20000000503.75\" y=\"175\" textLength=\"82.5"
     "\" font-weight=\"bold\">B</text></g></svg>"},
    {"negative_logo_width_social", Style::kSocial, "a", "b",
     nullptr, nullptr, kLogo, -7, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"35\" height=\"20\" role=\"img\" aria-label=\"A"
     ": b\"><title>A: b</title><style>a:hover #llink{fill:url(#b);stroke:#ccc}a:hover #rlink{fill:#418"
     "3c4}</style><linearGradient id=\"a\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#fcfcf"
     "c\" stop-opacity=\"0\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient><linearGradient"
     " id=\"b\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#ccc\" stop-opacity=\".1\"/><stop"
     " offset=\"1\" stop-opacity=\".1\"/></linearGradient><g stroke=\"#d5d5d5\"><rect stroke=\"none\" "
     "fill=\"#fcfcfc\" x=\".5\" y=\".5\" width=\"13\" height=\"19\" rx=\"2\"/><rect x=\"19.5\" y=\".5"
     "\" width=\"15\" height=\"19\" rx=\"2\" fill=\"#fafafa\"/><rect x=\"19\" y=\"7.5\" width=\".5\" h"
     "eight=\"5\" stroke=\"#fafafa\"/><path d=\"M19.5 6.5 l-3 3v1 l3 3\" fill=\"#fafafa\"/></g><image "
     "x=\"5\" y=\"3\" width=\"-7\" height=\"14\" href=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0"
     "cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\"/><g aria-hidden=\"true\" fill=\"#333\" text-anchor=\"midd"
     "le\" font-family=\"Helvetica Neue,Helvetica,Arial,sans-serif\" text-rendering=\"geometricPrecisi"
     "on\" font-weight=\"700\" font-size=\"110px\" line-height=\"14px\"><rect id=\"llink\" stroke=\"#d"
     "5d5d5\" fill=\"url(#a)\" x=\".5\" y=\".5\" width=\"13\" height=\"19\" rx=\"2\"/><text aria-hidde"
     "n=\"true\" x=\"45\" y=\"150\" fill=\"#fff\" transform=\"scale(.1)\" textLength=\"70\">A</text><t"
     "ext x=\"45\" y=\"140\" transform=\"scale(.1)\" textLength=\"70\">A</text><text aria-hidden=\"tru"
     "e\" x=\"265\" y=\"150\" fill=\"#fff\" transform=\"scale(.1)\" textLength=\"70\">b</text><text id"
     "=\"rlink\" x=\"265\" y=\"140\" transform=\"scale(.1)\" textLength=\"70\">b</text></g></svg>"},
    {"negative_logo_width_for_the_badge", Style::kForTheBadge, "", "b",
     nullptr, nullptr, kLogo, -30, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8.25\" height=\"28\" role=\"img\" aria-label="
     "\"B\"><title>B</title><g shape-rendering=\"crispEdges\"><rect width=\"8.25\" height=\"28\" fill="
     "\"#4b0\"/></g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,s"
     "ans-serif\" text-rendering=\"geometricPrecision\" font-size=\"100\"><image x=\"9\" y=\"7\" width"
     "=\"-30\" height=\"14\" href=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv"
     "MjAwMC9zdmciLz4=\"/><text transform=\"scale(.1)\" x=\"-78.75\" y=\"175\" textLength=\"82.5\" fon"
     "t-weight=\"bold\">B</text></g></svg>"},
    {"colour_yellow_keeps_white_text", Style::kPlastic, "a", "b",
     "yellow", "lightgrey", "", 0, "", "", "",
     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"34\" height=\"18\" role=\"img\" aria-label=\"a"
     ": b\"><title>a: b</title><filter id=\"blur\"><feGaussianBlur stdDeviation=\"16\"/></filter><line"
     "arGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#fff\" stop-opacity=\"."
     "7\"/><stop offset=\".1\" stop-color=\"#aaa\" stop-opacity=\".1\"/><stop offset=\".9\" stop-color"
     "=\"#000\" stop-opacity=\".3\"/><stop offset=\"1\" stop-color=\"#000\" stop-opacity=\".5\"/></lin"
     "earGradient><clipPath id=\"r\"><rect width=\"34\" height=\"18\" rx=\"4\"/></clipPath><g clip-pat"
     "h=\"url(#r)\"><rect width=\"17\" height=\"18\" fill=\"#939393\"/><rect x=\"17\" width=\"17\" hei"
     "ght=\"18\" fill=\"#d8b800\"/><rect width=\"34\" height=\"18\" fill=\"url(#s)\"/></g><g fill=\"#f"
     "ff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" text-rendering"
     "=\"geometricPrecision\" font-size=\"110\"><g transform=\"scale(.1)\"><g aria-hidden=\"true\" fil"
     "l=\"#010101\"><text x=\"95\" y=\"140\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength=\"70"
     "\">a</text><text x=\"95\" y=\"140\" fill-opacity=\".3\" textLength=\"70\">a</text></g><text x=\""
     "95\" y=\"130\" textLength=\"70\">a</text></g><g transform=\"scale(.1)\"><g aria-hidden=\"true\" "
     "fill=\"#010101\"><text x=\"245\" y=\"140\" fill-opacity=\".8\" filter=\"url(#blur)\" textLength="
     "\"70\">b</text><text x=\"245\" y=\"140\" fill-opacity=\".3\" textLength=\"70\">b</text></g><text"
     " x=\"245\" y=\"130\" textLength=\"70\">b</text></g></g></svg>"},
};
// clang-format on

// Well-formed XML per expat (which enforces the XML 1.0 character set).
bool is_well_formed(std::string_view xml) {
  XML_Parser parser = XML_ParserCreate("UTF-8");
  const bool ok = XML_Parse(parser, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
  XML_ParserFree(parser);
  return ok;
}

TEST(SvgRendererTest, MatchesBadgeMakerByteForByte) {
  for (const Golden& golden : kGoldens) {
    SCOPED_TRACE(golden.name);
    const std::string svg = render_svg(to_badge(golden));
    EXPECT_EQ(svg, golden.expected);
    if (svg != golden.expected) {
      std::size_t at = 0;
      while (at < svg.size() && at < golden.expected.size() && svg[at] == golden.expected[at]) ++at;
      ADD_FAILURE() << "first difference at byte " << at << ": ..." << svg.substr(at, 80);
    }
    EXPECT_TRUE(is_well_formed(svg));
  }
}

TEST(SvgRendererTest, StyleNamesRoundTrip) {
  for (const Style style :
       {Style::kFlat, Style::kFlatSquare, Style::kPlastic, Style::kForTheBadge, Style::kSocial}) {
    EXPECT_EQ(parse_style(style_name(style)), style);
  }
  EXPECT_EQ(style_name(Style::kForTheBadge), "for-the-badge");
  EXPECT_EQ(parse_style("Flat"), std::nullopt);  // Case-sensitive, like badge-maker.
  EXPECT_EQ(parse_style(""), std::nullopt);
  EXPECT_EQ(parse_style("popout"), std::nullopt);
}

// The documented divergence: XML-forbidden code points are dropped before anything else, so a
// badge with them renders exactly like the badge without them.
TEST(SvgRendererTest, DropsXmlForbiddenCodePointsFirst) {
  using namespace std::string_view_literals;
  for (const Style style :
       {Style::kFlat, Style::kFlatSquare, Style::kPlastic, Style::kForTheBadge, Style::kSocial}) {
    SCOPED_TRACE(style_name(style));
    Badge dirty;
    dirty.style = style;
    // \x01 first: JS would keep it and so also keep the space after it; we trim that space.
    dirty.label =
        "\x01 ca\x0b\x0c"
        "ct\xef\xbf\xbeus\xef\xbf\xbf"sv;
    dirty.message = "\0gr\x1fown\x08 \t"sv;
    Badge clean = dirty;
    clean.label = "cactus";
    clean.message = "grown";
    const std::string svg = render_svg(dirty);
    EXPECT_EQ(svg, render_svg(clean));
    EXPECT_TRUE(is_well_formed(svg));
  }
}

TEST(SvgRendererTest, ForbiddenCodePointsNeverReachAttributes) {
  Badge badge;
  badge.label = "a";
  badge.message = "b";
  badge.color = "\vblue";  // Valid for badge-maker (trimmed when parsed), emitted verbatim.
  badge.links = {"https://a.example/\x01", "https://b.example/\xef\xbf\xbe"};
  badge.logo_base64 = "data:\x02";
  const std::string svg = render_svg(badge);
  EXPECT_TRUE(is_well_formed(svg)) << svg;
  EXPECT_NE(svg.find(R"(fill="blue")"), std::string::npos);
  EXPECT_NE(svg.find(R"(href="https://a.example/")"), std::string::npos);
  EXPECT_NE(svg.find(R"(href="data:")"), std::string::npos);
}

TEST(SvgRendererTest, PrototypeNamesAreInvalidColours) {
  Badge plain;
  plain.label = "a";
  plain.message = "b";
  for (const char* name : {"constructor", "__proto__", "toString", "hasOwnProperty "}) {
    Badge badge = plain;
    badge.color = name;
    EXPECT_EQ(render_svg(badge), render_svg(plain)) << name;  // badge-maker: fill="undefined".
  }
}

TEST(SvgRendererTest, LogoWidthRules) {
  Badge with_default;
  with_default.label = "build";
  with_default.message = "passing";
  with_default.logo_base64 = std::string(kLogo);
  Badge zero = with_default;
  zero.logo_width = 0;  // `+logoWidth || 14`
  EXPECT_EQ(render_svg(zero), render_svg(with_default));

  Badge no_logo;
  no_logo.label = "build";
  no_logo.message = "passing";
  Badge width_without_logo = no_logo;
  width_without_logo.logo_width = 30;  // Only used with a logo.
  EXPECT_EQ(render_svg(width_without_logo), render_svg(no_logo));
}

// Random labels mixing XML specials, controls, spaces and multi-byte text: always well-formed.
TEST(SvgRendererTest, RandomTextAlwaysWellFormed) {
  const std::string_view pieces[] = {"a",
                                     "Z",
                                     " ",
                                     "&",
                                     "<",
                                     ">",
                                     "\"",
                                     "'",
                                     "\x01",
                                     "\t",
                                     "\n",
                                     "\r",
                                     "\x7f",
                                     "\xc2\xa0",
                                     "\xc3\x9f",
                                     "\xef\xbb\xbf",
                                     "\xef\xbf\xbe",
                                     "\xef\xbf\xbf",
                                     "\xe6\xa7\x8b",
                                     "\xf0\x9f\x8e\x89",
                                     "\xf0\x90\x90\xa8",
                                     "]]>"};
  std::mt19937 rng(12345);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(pieces) - 1);
  std::uniform_int_distribution<int> length(0, 12);
  const auto random_text = [&] {
    std::string text;
    for (int n = length(rng); n > 0; --n) text += pieces[pick(rng)];
    return text;
  };
  for (int i = 0; i < 500; ++i) {
    Badge badge;
    badge.style = static_cast<Style>(i % 5);
    badge.label = random_text();
    badge.message = random_text();
    if (i % 3 == 0) badge.links = {random_text(), random_text()};
    if (i % 4 == 0) badge.logo_base64 = std::string(kLogo);
    const std::string svg = render_svg(badge);
    ASSERT_TRUE(is_well_formed(svg)) << svg;
  }
}

// Worst cases for the writer's reservations: every feature on, texts that escape to six times
// their size, numbers at their longest. Debug builds assert that no span outgrows its
// reservation; sanitizer builds would catch a write past the buffer.
TEST(SvgRendererTest, ExtremeInputsStayWithinReservations) {
  const std::string quotes(300, '"');
  const std::string spaced_colour = "  \xc2\xa0rgba( 1 ,  2 ,\t3 , 50% )\xef\xbb\xbf  ";
  for (const Style style :
       {Style::kFlat, Style::kFlatSquare, Style::kPlastic, Style::kForTheBadge, Style::kSocial}) {
    for (const double logo_width : {-1.2345678901234567e-300, 1.2345678901234567e+300,
                                    -std::numeric_limits<double>::infinity(), 18.666666666666668}) {
      for (int links = 0; links < 4; ++links) {
        Badge badge;
        badge.style = style;
        badge.label = quotes;
        badge.label += "\xc3\x9f";
        badge.label += quotes;
        badge.message = quotes + "\xf0\x9f\x8e\x89";
        badge.color = spaced_colour;
        badge.label_color = spaced_colour;
        badge.logo_base64 = "data:" + quotes;
        badge.logo_width = logo_width;
        if ((links & 1) != 0) badge.links[0] = quotes;
        if ((links & 2) != 0) badge.links[1] = quotes;
        badge.id_suffix = quotes;  // Outside the contract, yet escaped all the same.
        const std::string svg = render_svg(badge);
        EXPECT_TRUE(is_well_formed(svg)) << style_name(style) << " " << logo_width;
      }
    }
  }
}

struct NumberCase {
  double value;
  std::string_view js;  // String(value) in Node 20.
};

TEST(SvgWriterTest, NumbersPrintAsJavaScriptDoes) {
  const NumberCase cases[] = {
      {0, "0"},
      {-0.0, "0"},
      {1, "1"},
      {-1, "-1"},
      {0.5, "0.5"},
      {72.5, "72.5"},
      {146.75, "146.75"},
      {1096.25, "1096.25"},
      {18.666666666666668, "18.666666666666668"},
      {0.1 + 0.2, "0.30000000000000004"},
      {1e21, "1e+21"},
      {1e20, "100000000000000000000"},
      {123456789012345680000.0, "123456789012345680000"},
      {1.5e21, "1.5e+21"},
      {1e-6, "0.000001"},
      {1e-7, "1e-7"},
      {-1.5e-7, "-1.5e-7"},
      {0.000001234, "0.000001234"},
      {9007199254740992.0, "9007199254740992"},
      {9007199254740994.0, "9007199254740994"},
      {-1152921504606846976.0, "-1152921504606847000"},
      {1.0 / 3, "0.3333333333333333"},
      {5e-324, "5e-324"},
      {std::numeric_limits<double>::max(), "1.7976931348623157e+308"},
      {std::numeric_limits<double>::quiet_NaN(), "NaN"},
      {std::numeric_limits<double>::infinity(), "Infinity"},
      {-std::numeric_limits<double>::infinity(), "-Infinity"},
      {100, "100"},
      {1234.5678, "1234.5678"},
  };
  for (const NumberCase& c : cases) {
    char buffer[svg::kMaxNumberSize];
    EXPECT_EQ(std::string_view(buffer, svg::format_number(buffer, c.value)), c.js);
  }
}

// The branch-free fast path (multiples of 1/4 below 1e8) against the general formatter: every
// value a badge of normal size can produce (integer parts below 10^5), each digit-count
// boundary, and a spread of larger values.
TEST(SvgWriterTest, FastNumberPathMatchesTheGeneralOne) {
  std::vector<std::uint32_t> integers;
  for (std::uint32_t n = 0; n < 100000; ++n) integers.push_back(n);
  for (std::uint32_t power = 10; power <= 100000000; power *= 10) {
    for (std::uint32_t n = power - 2; n <= power + 2 && n < 100000000; ++n) integers.push_back(n);
  }
  std::mt19937 random(20261128);
  std::uniform_int_distribution<std::uint32_t> large(100000, 99999999);
  for (int i = 0; i < 100000; ++i) integers.push_back(large(random));
  for (const std::uint32_t integer : integers) {
    for (const double fraction : {0.0, 0.25, 0.5, 0.75}) {
      const double value = integer + fraction;
      char fast[svg::kMaxNumberSize];
      char general[svg::kMaxNumberSize];
      const std::string_view fast_text(fast, svg::format_number(fast, value));
      const std::string_view general_text(general,
                                          svg::detail::format_number_general(general, value));
      ASSERT_EQ(fast_text, general_text) << "value " << value;
    }
  }
}

TEST(SvgWriterTest, EscapesLikeBadgeMaker) {
  const std::string_view text = "a&b<c>d\"e'f\xef\xbf\xbd\xef\xbf\xbe\x01\t\xef";
  // U+FFFD, tab and a stray 0xEF byte are kept; U+FFFE and U+0001 are dropped.
  const std::string_view expected = "a&amp;b&lt;c&gt;d&quot;e&apos;f\xef\xbf\xbd\t\xef";
  svg::SvgWriter writer(0);
  svg::SvgWriter::Span span = writer.span(svg::escaped_bound(text));
  span.escaped(text);
  writer.commit(span);
  EXPECT_EQ(std::move(writer).finish(), expected);

  std::string storage;
  const std::string_view plain = "plain";
  EXPECT_EQ(svg::drop_xml_forbidden(plain, &storage).data(), plain.data());  // No copy.
}

// The 16-byte screening in the escaper and the filter must not skip anything: compare with a
// byte-by-byte reference on random mixes of plain and special bytes at every alignment.
TEST(SvgWriterTest, ScreeningMatchesByteByByteReference) {
  const auto reference_escape = [](std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
          (static_cast<unsigned char>(text[i + 2]) == 0xBE ||
           static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
        i += 2;
      } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      } else if (c == '&') {
        out += "&amp;";
      } else if (c == '<') {
        out += "&lt;";
      } else if (c == '>') {
        out += "&gt;";
      } else if (c == '"') {
        out += "&quot;";
      } else if (c == '\'') {
        out += "&apos;";
      } else {
        out += text[i];
      }
    }
    return out;
  };
  const std::string_view pieces[] = {"a",
                                     "b",
                                     "&",
                                     "<",
                                     ">",
                                     "\"",
                                     "'",
                                     "\x01",
                                     "\t",
                                     "\x1f",
                                     "\xef\xbf\xbe",
                                     "\xef\xbf\xbf",
                                     "\xef\xbf\xbd",
                                     "\xe2\x9d\xa4\xef\xb8\x8f",
                                     "0123456789abcdef"};
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(pieces) - 1);
  std::uniform_int_distribution<int> length(0, 40);
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    for (int n = length(rng); n > 0; --n) text += pieces[pick(rng)];
    svg::SvgWriter writer(0);
    svg::SvgWriter::Span span = writer.span(svg::escaped_bound(text));
    span.escaped(text);
    writer.commit(span);
    ASSERT_EQ(std::move(writer).finish(), reference_escape(text)) << i;

    std::string storage;
    std::string expected_filtered;
    for (std::size_t k = 0; k < text.size(); ++k) {
      const auto c = static_cast<unsigned char>(text[k]);
      if (c == 0xEF && k + 2 < text.size() && static_cast<unsigned char>(text[k + 1]) == 0xBF &&
          (static_cast<unsigned char>(text[k + 2]) & 0xFE) == 0xBE) {
        k += 2;
      } else if (!(c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
        expected_filtered += text[k];
      }
    }
    ASSERT_EQ(svg::drop_xml_forbidden(text, &storage), expected_filtered) << i;
  }
}

TEST(SvgWriterTest, GrowsPastItsSizeHint) {
  svg::SvgWriter writer(0);
  svg::SvgWriter::Span span = writer.span(3);
  span.raw("<t>");
  writer.commit(span);
  const std::string text(5000, '&');
  span = writer.span(2 * svg::escaped_bound(text) + svg::kMaxNumberSize + 4);
  const std::size_t start = span.offset();
  span.escaped(text);
  const std::size_t size = span.offset() - start;
  span.again(start, size).num_attr("x", 1.5);
  writer.commit(span);
  const std::string out = std::move(writer).finish();
  EXPECT_EQ(size, 25000U);
  EXPECT_EQ(out.size(), 3 + 2 * size + 8);
  EXPECT_EQ(out.substr(out.size() - 18), "&amp;&amp; x=\"1.5\"");
}

}  // namespace
}  // namespace badgesmith::badges
