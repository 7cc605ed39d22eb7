#include "features/badges/logos.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace badgesmith::badges {
namespace {

using namespace std::string_view_literals;

// What shields.io answers, per tools/badges/logo-goldens.mjs. Data URIs longer than ~1.2 KB are
// pinned by length and FNV-1a 64 rather than spelled out, to keep this file readable; `fill` is
// there so that a mismatch says which colour rule went wrong.
struct Expected {
  std::string_view fill;
  double width;
  std::size_t length;
  std::uint64_t fnv1a;
  std::string_view data_uri;  // "" when only the length and hash are pinned.
};

struct NamedCase {
  std::string_view name;
  std::optional<std::string_view> logo_color;
  bool size_auto;
  Style style;
  std::optional<Expected> expected;  // nullopt: shields renders no logo.
};

struct DataUriCase {
  std::string_view value;
  std::optional<std::string_view> normalized;  // nullopt: shields does not take it as a data URI.
};

constexpr std::nullopt_t kNoLogo = std::nullopt;

std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325u;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3u;
  }
  return hash;
}

// Decodes padded standard base64; "" on malformed input (the caller then fails on the fill).
std::string decode_base64(std::string_view text) {
  constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::uint32_t bits = 0;
  int count = 0;
  for (const char c : text) {
    if (c == '=') break;
    const std::size_t value = kAlphabet.find(c);
    if (value == std::string_view::npos) return "";
    bits = (bits << 6) | static_cast<std::uint32_t>(value);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out.push_back(static_cast<char>((bits >> count) & 0xff));
    }
  }
  return out;
}

std::string svg_of(std::string_view data_uri) {
  constexpr std::string_view kPrefix = "data:image/svg+xml;base64,";
  if (!data_uri.starts_with(kPrefix)) return "";
  return decode_base64(data_uri.substr(kPrefix.size()));
}

std::string fill_of(std::string_view data_uri) {
  const std::string svg = svg_of(data_uri);
  constexpr std::string_view kOpen = "<svg fill=\"";
  if (!svg.starts_with(kOpen)) return "<no fill>";
  const std::size_t end = svg.find('"', kOpen.size());
  return end == std::string::npos ? "<no fill>" : svg.substr(kOpen.size(), end - kOpen.size());
}

std::string_view style_label(Style style) {
  switch (style) {
    case Style::kFlat:
      return "flat";
    case Style::kFlatSquare:
      return "flat-square";
    case Style::kPlastic:
      return "plastic";
    case Style::kForTheBadge:
      return "for-the-badge";
    case Style::kSocial:
      return "social";
  }
  return "?";
}

std::string describe(const NamedCase& c) {
  std::string out = "name=\"" + std::string(c.name) + "\"";
  if (c.logo_color) out += " logoColor=\"" + std::string(*c.logo_color) + "\"";
  if (c.size_auto) out += " logoSize=auto";
  out += " style=" + std::string(style_label(c.style));
  return out;
}

// clang-format off
// BEGIN GOLDEN named logos (node tools/badges/logo-goldens.mjs)
const NamedCase kNamedCases[] = {
    {"apple", std::nullopt, false, Style::kFlat,
     Expected{"whitesmoke", 14.0, 918, 0x1253109ddcd7b56du,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSJ3aGl0ZXNtb2tlIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMC"
     "AyNCAyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+QXBwbGU8L3RpdGxlPjxwYX"
     "RoIGQ9Ik0xMi4xNTIgNi44OTZjLS45NDggMC0yLjQxNS0xLjA3OC0zLjk2LTEuMDQtMi4wNC4wMjctMy45MSAxLj"
     "E4My00Ljk2MSAzLjAxNC0yLjExNyAzLjY3NS0uNTQ2IDkuMTAzIDEuNTE5IDEyLjA5IDEuMDEzIDEuNDU0IDIuMj"
     "A4IDMuMDkgMy43OTIgMy4wMzkgMS41Mi0uMDY1IDIuMDktLjk4NyAzLjkzNS0uOTg3IDEuODMxIDAgMi4zNS45OD"
     "cgMy45Ni45NDggMS42MzctLjAyNiAyLjY3Ni0xLjQ4IDMuNjc2LTIuOTQ4IDEuMTU2LTEuNjg4IDEuNjM2LTMuMz"
     "I1IDEuNjYyLTMuNDE1LS4wMzktLjAxMy0zLjE4Mi0xLjIyMS0zLjIyLTQuODU3LS4wMjYtMy4wNCAyLjQ4LTQuND"
     "k0IDIuNTk3LTQuNTU5LTEuNDI5LTIuMDktMy42MjMtMi4zMjQtNC4zOS0yLjM3Ni0yLS4xNTYtMy42NzUgMS4wOS"
     "00LjYxIDEuMDl6TTE1LjUzIDMuODNjLjg0My0xLjAxMiAxLjQtMi40MjcgMS4yNDUtMy44My0xLjIwNy4wNTItMi"
     "42NjIuODA1LTMuNTMyIDEuODE4LS43OC44OTYtMS40NTQgMi4zMzgtMS4yNzMgMy43MTQgMS4zMzguMTA0IDIuNz"
     "E1LS42ODggMy41NTktMS43MDEiLz48L3N2Zz4="}},
    {"docker", std::nullopt, false, Style::kFlat,
     Expected{"#2496ED", 14.0, 2402, 0x7b0ad94fedbe54fcu, ""}},
    {"dotnet", std::nullopt, false, Style::kFlat,
     Expected{"whitesmoke", 14.0, 762, 0x1a1c140292868d2du,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSJ3aGl0ZXNtb2tlIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMC"
     "AyNCAyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+Lk5FVDwvdGl0bGU+PHBhdG"
     "ggZD0iTTI0IDguNzdoLTIuNDY4djcuNTY1aC0xLjQyNVY4Ljc3aC0yLjQ2MlY3LjUzSDI0em0tNi44NTIgNy41Nj"
     "VoLTQuODIxVjcuNTNoNC42M3YxLjI0aC0zLjIwNXYyLjQ5NGgyLjk1M3YxLjIzNGgtMi45NTN2Mi42MDRoMy4zOT"
     "Z6bS02LjcwOCAwSDguODgyTDQuNzggOS44NjNhMi44OTYgMi44OTYgMCAwIDEtLjI1OC0uNTFoLS4wMzZjLjAzMi"
     "4xODkuMDQ4LjU5Mi4wNDggMS4yMXY1Ljc3MkgzLjE1N1Y3LjUzaDEuNjU5bDMuOTY1IDYuMzJjLjE2Ny4yNjEuMj"
     "c1LjQ0Mi4zMjMuNTRoLjAyNGMtLjA0LS4yMzMtLjA2LS42MjktLjA2LTEuMTg1VjcuNTI5aDEuMzcyem0tOC43MD"
     "MtLjY5M2EuODY4LjgyOSAwIDAgMS0uODY5LjgyOS44NjguODI5IDAgMCAxLS44NjgtLjgzLjg2OC44MjkgMCAwID"
     "EgLjg2OC0uODI4Ljg2OC44MjkgMCAwIDEgLjg2OS44MjlaIi8+PC9zdmc+"}},
    {"eclipseide", std::nullopt, false, Style::kFlat,
     Expected{"whitesmoke", 14.0, 2058, 0x9d72811b20ea8dcfu, ""}},
    {"github", std::nullopt, false, Style::kFlat,
     Expected{"whitesmoke", 14.0, 1146, 0xe694dcecfc8dd212u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSJ3aGl0ZXNtb2tlIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMC"
     "AyNCAyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+R2l0SHViPC90aXRsZT48cG"
     "F0aCBkPSJNMTIgLjI5N2MtNi42MyAwLTEyIDUuMzczLTEyIDEyIDAgNS4zMDMgMy40MzggOS44IDguMjA1IDExLj"
     "M4NS42LjExMy44Mi0uMjU4LjgyLS41NzcgMC0uMjg1LS4wMS0xLjA0LS4wMTUtMi4wNC0zLjMzOC43MjQtNC4wND"
     "ItMS42MS00LjA0Mi0xLjYxQzQuNDIyIDE4LjA3IDMuNjMzIDE3LjcgMy42MzMgMTcuN2MtMS4wODctLjc0NC4wOD"
     "QtLjcyOS4wODQtLjcyOSAxLjIwNS4wODQgMS44MzggMS4yMzYgMS44MzggMS4yMzYgMS4wNyAxLjgzNSAyLjgwOS"
     "AxLjMwNSAzLjQ5NS45OTguMTA4LS43NzYuNDE3LTEuMzA1Ljc2LTEuNjA1LTIuNjY1LS4zLTUuNDY2LTEuMzMyLT"
     "UuNDY2LTUuOTMgMC0xLjMxLjQ2NS0yLjM4IDEuMjM1LTMuMjItLjEzNS0uMzAzLS41NC0xLjUyMy4xMDUtMy4xNz"
     "YgMCAwIDEuMDA1LS4zMjIgMy4zIDEuMjMuOTYtLjI2NyAxLjk4LS4zOTkgMy0uNDA1IDEuMDIuMDA2IDIuMDQuMT"
     "M4IDMgLjQwNSAyLjI4LTEuNTUyIDMuMjg1LTEuMjMgMy4yODUtMS4yMy42NDUgMS42NTMuMjQgMi44NzMuMTIgMy"
     "4xNzYuNzY1Ljg0IDEuMjMgMS45MSAxLjIzIDMuMjIgMCA0LjYxLTIuODA1IDUuNjI1LTUuNDc1IDUuOTIuNDIuMz"
     "YuODEgMS4wOTYuODEgMi4yMiAwIDEuNjA2LS4wMTUgMi44OTYtLjAxNSAzLjI4NiAwIC4zMTUuMjEuNjkuODI1Lj"
     "U3QzIwLjU2NSAyMi4wOTIgMjQgMTcuNTkyIDI0IDEyLjI5N2MwLTYuNjI3LTUuMzczLTEyLTEyLTEyIi8+PC9zdm"
     "c+"}},
    {"githubactions", std::nullopt, false, Style::kFlat,
     Expected{"#2088FF", 14.0, 2350, 0xe29d902a452c53ddu, ""}},
    {"gitlab", std::nullopt, false, Style::kFlat,
     Expected{"#FC6D26", 14.0, 810, 0xc19e9c98fc7bc608u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSIjRkM2RDI2IiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMCAyNC"
     "AyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+R2l0TGFiPC90aXRsZT48cGF0aC"
     "BkPSJtMjMuNjAwNCA5LjU5MjctLjAzMzctLjA4NjJMMjAuMy45ODE0YS44NTEuODUxIDAgMCAwLS4zMzYyLS40MD"
     "UuODc0OC44NzQ4IDAgMCAwLS45OTk3LjA1MzkuODc0OC44NzQ4IDAgMCAwLS4yOS40Mzk5bC0yLjIwNTUgNi43ND"
     "hINy41Mzc1bC0yLjIwNTctNi43NDhhLjg1NzMuODU3MyAwIDAgMC0uMjktLjQ0MTIuODc0OC44NzQ4IDAgMCAwLS"
     "45OTk3LS4wNTM3Ljg1ODUuODU4NSAwIDAgMC0uMzM2Mi40MDQ5TC40MzMyIDkuNTAxNWwtLjAzMjUuMDg2MmE2Lj"
     "A2NTcgNi4wNjU3IDAgMCAwIDIuMDExOSA3LjAxMDVsLjAxMTMuMDA4Ny4wMy4wMjEzIDQuOTc2IDMuNzI2NCAyLj"
     "Q2MiAxLjg2MzMgMS40OTk1IDEuMTMyMWExLjAwODUgMS4wMDg1IDAgMCAwIDEuMjE5NyAwbDEuNDk5NS0xLjEzMj"
     "EgMi40NjE5LTEuODYzMyA1LjAwNi0zLjc0ODkuMDEyNS0uMDFhNi4wNjgyIDYuMDY4MiAwIDAgMCAyLjAwOTQtNy"
     "4wMDN6Ii8+PC9zdmc+"}},
    {"gitter", std::nullopt, false, Style::kFlat,
     Expected{"whitesmoke", 14.0, 334, 0xb3d7bedddb0d5632u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSJ3aGl0ZXNtb2tlIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMC"
     "AyNCAyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+R2l0dGVyPC90aXRsZT48cG"
     "F0aCBkPSJNOC41MDEgNC4wMDFIMTAuNVYyNEg4LjUwMVY0LjAwMXptNi45OTkgMFYyNGgtMlY0LjAwMWgyek0zLj"
     "UgMGgyLjAwMXYxNUgzLjVWMHptMTUgNC4wMDFoMlYxNWgtMlY0LjAwMXoiLz48L3N2Zz4="}},
    {"linux", std::nullopt, false, Style::kFlat,
     Expected{"#FCC624", 14.0, 7330, 0xc1798d8f09c3353bu, ""}},
    {"macos", std::nullopt, false, Style::kFlat,
     Expected{"whitesmoke", 14.0, 2218, 0x291d82225092d1d6u, ""}},
    {"npm", std::nullopt, false, Style::kFlat,
     Expected{"whitesmoke", 14.0, 474, 0xcda1045e5df52a86u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSJ3aGl0ZXNtb2tlIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMC"
     "AyNCAyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+bnBtPC90aXRsZT48cGF0aC"
     "BkPSJNMS43NjMgMEMuNzg2IDAgMCAuNzg2IDAgMS43NjN2MjAuNDc0QzAgMjMuMjE0Ljc4NiAyNCAxLjc2MyAyNG"
     "gyMC40NzRjLjk3NyAwIDEuNzYzLS43ODYgMS43NjMtMS43NjNWMS43NjNDMjQgLjc4NiAyMy4yMTQgMCAyMi4yMz"
     "cgMHpNNS4xMyA1LjMyM2wxMy44MzcuMDE5LS4wMDkgMTMuODM2aC0zLjQ2NGwuMDEtMTAuMzgyaC0zLjQ1NkwxMi"
     "4wNCAxOS4xN0g1LjExM3oiLz48L3N2Zz4="}},
    {"nuget", std::nullopt, false, Style::kFlat,
     Expected{"whitesmoke", 14.0, 658, 0x2f51081cb9d61d89u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSJ3aGl0ZXNtb2tlIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMC"
     "AyNCAyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+TnVHZXQ8L3RpdGxlPjxwYX"
     "RoIGQ9Ik0xLjk5OC4zNDJhMS45OTcgMS45OTcgMCAxIDAgMCAzLjk5NSAxLjk5NyAxLjk5NyAwIDAgMCAwLTMuOT"
     "k1em05LjE4IDQuMzRhNi4xNTYgNi4xNTYgMCAwIDAtNi4xNTMgNi4xNTV2Ni42NjdjMCAzLjQgMi43NTYgNi4xNT"
     "QgNi4xNTQgNi4xNTRoNi42NjdjMy40IDAgNi4xNTQtMi43NTUgNi4xNTQtNi4xNTR2LTYuNjY3YTYuMTU0IDYuMT"
     "U0IDAgMCAwLTYuMTU0LTYuMTU1em0tMS40NzcgMi44YTIuNDk2IDIuNDk2IDAgMSAxIDAgNC45OTMgMi40OTYgMi"
     "40OTYgMCAwIDEgMC00Ljk5M3ptNy45NjggNi4xNmEzLjk5NiAzLjk5NiAwIDEgMS0uMDAyIDcuOTkyIDMuOTk2ID"
     "MuOTk2IDAgMCAxIC4wMDItNy45OTJ6Ii8+PC9zdmc+"}},
    {"scrutinizerci", std::nullopt, false, Style::kFlat,
     Expected{"#8A9296", 14.0, 1430, 0x576837f11aef3988u, ""}},
    {"stackoverflow", std::nullopt, false, Style::kFlat,
     Expected{"#F58025", 14.0, 634, 0x1c8afec17d12840cu,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSIjRjU4MDI1IiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMCAyNC"
     "AyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+U3RhY2sgT3ZlcmZsb3c8L3RpdG"
     "xlPjxwYXRoIGQ9Ik0xNS43MjUgMGwtMS43MiAxLjI3NyA2LjM5IDguNTg4IDEuNzE2LTEuMjc3TDE1LjcyNSAwem"
     "0tMy45NCAzLjQxOGwtMS4zNjkgMS42NDQgOC4yMjUgNi44NSAxLjM2OS0xLjY0NC04LjIyNS02Ljg1em0tMy4xNS"
     "A0LjQ2NWwtLjkwNSAxLjk0IDkuNzAyIDQuNTE3LjkwNC0xLjk0LTkuNzAxLTQuNTE3em0tMS44NSA0Ljg2bC0uND"
     "QgMi4wOTMgMTAuNDczIDIuMjAxLjQ0LTIuMDkyLTEwLjQ3My0yLjIwM3pNMS44OSAxNS40N1YyNGgxOS4xOXYtOC"
     "41M2gtMi4xMzN2Ni4zOTdINC4wMjF2LTYuMzk2SDEuODl6bTQuMjY1IDIuMTMzdjIuMTNoMTAuNjZ2LTIuMTNINi"
     "4xNTRaIi8+PC9zdmc+"}},
    {"travisci", std::nullopt, false, Style::kFlat,
     Expected{"#3EAAAF", 14.0, 5082, 0x60f85695d2b18238u, ""}},
    {"github", std::nullopt, false, Style::kSocial,
     Expected{"#181717", 14.0, 1142, 0xd4766594667d9280u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSIjMTgxNzE3IiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMCAyNC"
     "AyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+R2l0SHViPC90aXRsZT48cGF0aC"
     "BkPSJNMTIgLjI5N2MtNi42MyAwLTEyIDUuMzczLTEyIDEyIDAgNS4zMDMgMy40MzggOS44IDguMjA1IDExLjM4NS"
     "42LjExMy44Mi0uMjU4LjgyLS41NzcgMC0uMjg1LS4wMS0xLjA0LS4wMTUtMi4wNC0zLjMzOC43MjQtNC4wNDItMS"
     "42MS00LjA0Mi0xLjYxQzQuNDIyIDE4LjA3IDMuNjMzIDE3LjcgMy42MzMgMTcuN2MtMS4wODctLjc0NC4wODQtLj"
     "cyOS4wODQtLjcyOSAxLjIwNS4wODQgMS44MzggMS4yMzYgMS44MzggMS4yMzYgMS4wNyAxLjgzNSAyLjgwOSAxLj"
     "MwNSAzLjQ5NS45OTguMTA4LS43NzYuNDE3LTEuMzA1Ljc2LTEuNjA1LTIuNjY1LS4zLTUuNDY2LTEuMzMyLTUuND"
     "Y2LTUuOTMgMC0xLjMxLjQ2NS0yLjM4IDEuMjM1LTMuMjItLjEzNS0uMzAzLS41NC0xLjUyMy4xMDUtMy4xNzYgMC"
     "AwIDEuMDA1LS4zMjIgMy4zIDEuMjMuOTYtLjI2NyAxLjk4LS4zOTkgMy0uNDA1IDEuMDIuMDA2IDIuMDQuMTM4ID"
     "MgLjQwNSAyLjI4LTEuNTUyIDMuMjg1LTEuMjMgMy4yODUtMS4yMy42NDUgMS42NTMuMjQgMi44NzMuMTIgMy4xNz"
     "YuNzY1Ljg0IDEuMjMgMS45MSAxLjIzIDMuMjIgMCA0LjYxLTIuODA1IDUuNjI1LTUuNDc1IDUuOTIuNDIuMzYuOD"
     "EgMS4wOTYuODEgMi4yMiAwIDEuNjA2LS4wMTUgMi44OTYtLjAxNSAzLjI4NiAwIC4zMTUuMjEuNjkuODI1LjU3Qz"
     "IwLjU2NSAyMi4wOTIgMjQgMTcuNTkyIDI0IDEyLjI5N2MwLTYuNjI3LTUuMzczLTEyLTEyLTEyIi8+PC9zdmc+"}},
    {"apple", std::nullopt, false, Style::kSocial,
     Expected{"#000000", 14.0, 914, 0x32abcf645cc34fc5u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSIjMDAwMDAwIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMCAyNC"
     "AyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+QXBwbGU8L3RpdGxlPjxwYXRoIG"
     "Q9Ik0xMi4xNTIgNi44OTZjLS45NDggMC0yLjQxNS0xLjA3OC0zLjk2LTEuMDQtMi4wNC4wMjctMy45MSAxLjE4My"
     "00Ljk2MSAzLjAxNC0yLjExNyAzLjY3NS0uNTQ2IDkuMTAzIDEuNTE5IDEyLjA5IDEuMDEzIDEuNDU0IDIuMjA4ID"
     "MuMDkgMy43OTIgMy4wMzkgMS41Mi0uMDY1IDIuMDktLjk4NyAzLjkzNS0uOTg3IDEuODMxIDAgMi4zNS45ODcgMy"
     "45Ni45NDggMS42MzctLjAyNiAyLjY3Ni0xLjQ4IDMuNjc2LTIuOTQ4IDEuMTU2LTEuNjg4IDEuNjM2LTMuMzI1ID"
     "EuNjYyLTMuNDE1LS4wMzktLjAxMy0zLjE4Mi0xLjIyMS0zLjIyLTQuODU3LS4wMjYtMy4wNCAyLjQ4LTQuNDk0ID"
     "IuNTk3LTQuNTU5LTEuNDI5LTIuMDktMy42MjMtMi4zMjQtNC4zOS0yLjM3Ni0yLS4xNTYtMy42NzUgMS4wOS00Lj"
     "YxIDEuMDl6TTE1LjUzIDMuODNjLjg0My0xLjAxMiAxLjQtMi40MjcgMS4yNDUtMy44My0xLjIwNy4wNTItMi42Nj"
     "IuODA1LTMuNTMyIDEuODE4LS43OC44OTYtMS40NTQgMi4zMzgtMS4yNzMgMy43MTQgMS4zMzguMTA0IDIuNzE1LS"
     "42ODggMy41NTktMS43MDEiLz48L3N2Zz4="}},
    {"linux", std::nullopt, false, Style::kSocial,
     Expected{"#333", 14.0, 7326, 0xb55b8c56eb215127u, ""}},
    {"linux", std::nullopt, false, Style::kForTheBadge,
     Expected{"#FCC624", 14.0, 7330, 0xc1798d8f09c3353bu, ""}},
    {"npm", std::nullopt, false, Style::kSocial,
     Expected{"#CB3837", 14.0, 470, 0xbec3da9e0a6e8c73u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSIjQ0IzODM3IiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMCAyNC"
     "AyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+bnBtPC90aXRsZT48cGF0aCBkPS"
     "JNMS43NjMgMEMuNzg2IDAgMCAuNzg2IDAgMS43NjN2MjAuNDc0QzAgMjMuMjE0Ljc4NiAyNCAxLjc2MyAyNGgyMC"
     "40NzRjLjk3NyAwIDEuNzYzLS43ODYgMS43NjMtMS43NjNWMS43NjNDMjQgLjc4NiAyMy4yMTQgMCAyMi4yMzcgMH"
     "pNNS4xMyA1LjMyM2wxMy44MzcuMDE5LS4wMDkgMTMuODM2aC0zLjQ2NGwuMDEtMTAuMzgyaC0zLjQ1NkwxMi4wNC"
     "AxOS4xN0g1LjExM3oiLz48L3N2Zz4="}},
    {"nuget", std::nullopt, false, Style::kSocial,
     Expected{"#004880", 14.0, 654, 0xd5e1fae2a6341238u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSIjMDA0ODgwIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMCAyNC"
     "AyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+TnVHZXQ8L3RpdGxlPjxwYXRoIG"
     "Q9Ik0xLjk5OC4zNDJhMS45OTcgMS45OTcgMCAxIDAgMCAzLjk5NSAxLjk5NyAxLjk5NyAwIDAgMCAwLTMuOTk1em"
     "05LjE4IDQuMzRhNi4xNTYgNi4xNTYgMCAwIDAtNi4xNTMgNi4xNTV2Ni42NjdjMCAzLjQgMi43NTYgNi4xNTQgNi"
     "4xNTQgNi4xNTRoNi42NjdjMy40IDAgNi4xNTQtMi43NTUgNi4xNTQtNi4xNTR2LTYuNjY3YTYuMTU0IDYuMTU0ID"
     "AgMCAwLTYuMTU0LTYuMTU1em0tMS40NzcgMi44YTIuNDk2IDIuNDk2IDAgMSAxIDAgNC45OTMgMi40OTYgMi40OT"
     "YgMCAwIDEgMC00Ljk5M3ptNy45NjggNi4xNmEzLjk5NiAzLjk5NiAwIDEgMS0uMDAyIDcuOTkyIDMuOTk2IDMuOT"
     "k2IDAgMCAxIC4wMDItNy45OTJ6Ii8+PC9zdmc+"}},
    {"github", std::nullopt, false, Style::kPlastic,
     Expected{"whitesmoke", 14.0, 1146, 0xe694dcecfc8dd212u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSJ3aGl0ZXNtb2tlIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMC"
     "AyNCAyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+R2l0SHViPC90aXRsZT48cG"
     "F0aCBkPSJNMTIgLjI5N2MtNi42MyAwLTEyIDUuMzczLTEyIDEyIDAgNS4zMDMgMy40MzggOS44IDguMjA1IDExLj"
     "M4NS42LjExMy44Mi0uMjU4LjgyLS41NzcgMC0uMjg1LS4wMS0xLjA0LS4wMTUtMi4wNC0zLjMzOC43MjQtNC4wND"
     "ItMS42MS00LjA0Mi0xLjYxQzQuNDIyIDE4LjA3IDMuNjMzIDE3LjcgMy42MzMgMTcuN2MtMS4wODctLjc0NC4wOD"
     "QtLjcyOS4wODQtLjcyOSAxLjIwNS4wODQgMS44MzggMS4yMzYgMS44MzggMS4yMzYgMS4wNyAxLjgzNSAyLjgwOS"
     "AxLjMwNSAzLjQ5NS45OTguMTA4LS43NzYuNDE3LTEuMzA1Ljc2LTEuNjA1LTIuNjY1LS4zLTUuNDY2LTEuMzMyLT"
     "UuNDY2LTUuOTMgMC0xLjMxLjQ2NS0yLjM4IDEuMjM1LTMuMjItLjEzNS0uMzAzLS41NC0xLjUyMy4xMDUtMy4xNz"
     "YgMCAwIDEuMDA1LS4zMjIgMy4zIDEuMjMuOTYtLjI2NyAxLjk4LS4zOTkgMy0uNDA1IDEuMDIuMDA2IDIuMDQuMT"
     "M4IDMgLjQwNSAyLjI4LTEuNTUyIDMuMjg1LTEuMjMgMy4yODUtMS4yMy42NDUgMS42NTMuMjQgMi44NzMuMTIgMy"
     "4xNzYuNzY1Ljg0IDEuMjMgMS45MSAxLjIzIDMuMjIgMCA0LjYxLTIuODA1IDUuNjI1LTUuNDc1IDUuOTIuNDIuMz"
     "YuODEgMS4wOTYuODEgMi4yMiAwIDEuNjA2LS4wMTUgMi44OTYtLjAxNSAzLjI4NiAwIC4zMTUuMjEuNjkuODI1Lj"
     "U3QzIwLjU2NSAyMi4wOTIgMjQgMTcuNTkyIDI0IDEyLjI5N2MwLTYuNjI3LTUuMzczLTEyLTEyLTEyIi8+PC9zdm"
     "c+"}},
    {"github", std::nullopt, false, Style::kFlatSquare,
     Expected{"whitesmoke", 14.0, 1146, 0xe694dcecfc8dd212u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSJ3aGl0ZXNtb2tlIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMC"
     "AyNCAyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+R2l0SHViPC90aXRsZT48cG"
     "F0aCBkPSJNMTIgLjI5N2MtNi42MyAwLTEyIDUuMzczLTEyIDEyIDAgNS4zMDMgMy40MzggOS44IDguMjA1IDExLj"
     "M4NS42LjExMy44Mi0uMjU4LjgyLS41NzcgMC0uMjg1LS4wMS0xLjA0LS4wMTUtMi4wNC0zLjMzOC43MjQtNC4wND"
     "ItMS42MS00LjA0Mi0xLjYxQzQuNDIyIDE4LjA3IDMuNjMzIDE3LjcgMy42MzMgMTcuN2MtMS4wODctLjc0NC4wOD"
     "QtLjcyOS4wODQtLjcyOSAxLjIwNS4wODQgMS44MzggMS4yMzYgMS44MzggMS4yMzYgMS4wNyAxLjgzNSAyLjgwOS"
     "AxLjMwNSAzLjQ5NS45OTguMTA4LS43NzYuNDE3LTEuMzA1Ljc2LTEuNjA1LTIuNjY1LS4zLTUuNDY2LTEuMzMyLT"
     "UuNDY2LTUuOTMgMC0xLjMxLjQ2NS0yLjM4IDEuMjM1LTMuMjItLjEzNS0uMzAzLS41NC0xLjUyMy4xMDUtMy4xNz"
     "YgMCAwIDEuMDA1LS4zMjIgMy4zIDEuMjMuOTYtLjI2NyAxLjk4LS4zOTkgMy0uNDA1IDEuMDIuMDA2IDIuMDQuMT"
     "M4IDMgLjQwNSAyLjI4LTEuNTUyIDMuMjg1LTEuMjMgMy4yODUtMS4yMy42NDUgMS42NTMuMjQgMi44NzMuMTIgMy"
     "4xNzYuNzY1Ljg0IDEuMjMgMS45MSAxLjIzIDMuMjIgMCA0LjYxLTIuODA1IDUuNjI1LTUuNDc1IDUuOTIuNDIuMz"
     "YuODEgMS4wOTYuODEgMi4yMiAwIDEuNjA2LS4wMTUgMi44OTYtLjAxNSAzLjI4NiAwIC4zMTUuMjEuNjkuODI1Lj"
     "U3QzIwLjU2NSAyMi4wOTIgMjQgMTcuNTkyIDI0IDEyLjI5N2MwLTYuNjI3LTUuMzczLTEyLTEyLTEyIi8+PC9zdm"
     "c+"}},
    {"docker", std::nullopt, false, Style::kForTheBadge,
     Expected{"#2496ED", 14.0, 2402, 0x7b0ad94fedbe54fcu, ""}},
    {"gitlab", std::nullopt, false, Style::kSocial,
     Expected{"#FC6D26", 14.0, 810, 0xc19e9c98fc7bc608u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSIjRkM2RDI2IiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMCAyNC"
     "AyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+R2l0TGFiPC90aXRsZT48cGF0aC"
     "BkPSJtMjMuNjAwNCA5LjU5MjctLjAzMzctLjA4NjJMMjAuMy45ODE0YS44NTEuODUxIDAgMCAwLS4zMzYyLS40MD"
     "UuODc0OC44NzQ4IDAgMCAwLS45OTk3LjA1MzkuODc0OC44NzQ4IDAgMCAwLS4yOS40Mzk5bC0yLjIwNTUgNi43ND"
     "hINy41Mzc1bC0yLjIwNTctNi43NDhhLjg1NzMuODU3MyAwIDAgMC0uMjktLjQ0MTIuODc0OC44NzQ4IDAgMCAwLS"
     "45OTk3LS4wNTM3Ljg1ODUuODU4NSAwIDAgMC0uMzM2Mi40MDQ5TC40MzMyIDkuNTAxNWwtLjAzMjUuMDg2MmE2Lj"
     "A2NTcgNi4wNjU3IDAgMCAwIDIuMDExOSA3LjAxMDVsLjAxMTMuMDA4Ny4wMy4wMjEzIDQuOTc2IDMuNzI2NCAyLj"
     "Q2MiAxLjg2MzMgMS40OTk1IDEuMTMyMWExLjAwODUgMS4wMDg1IDAgMCAwIDEuMjE5NyAwbDEuNDk5NS0xLjEzMj"
     "EgMi40NjE5LTEuODYzMyA1LjAwNi0zLjc0ODkuMDEyNS0uMDFhNi4wNjgyIDYuMDY4MiAwIDAgMCAyLjAwOTQtNy"
     "4wMDN6Ii8+PC9zdmc+"}},
    {"github", "white", false, Style::kFlat,
     Expected{"white", 14.0, 1142, 0xc5892382556c2949u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSJ3aGl0ZSIgcm9sZT0iaW1nIiB2aWV3Qm94PSIwIDAgMjQgMj"
     "QiIHhtbG5zPSJodHRwOi8vd3d3LnczLm9yZy8yMDAwL3N2ZyI+PHRpdGxlPkdpdEh1YjwvdGl0bGU+PHBhdGggZD"
     "0iTTEyIC4yOTdjLTYuNjMgMC0xMiA1LjM3My0xMiAxMiAwIDUuMzAzIDMuNDM4IDkuOCA4LjIwNSAxMS4zODUuNi"
     "4xMTMuODItLjI1OC44Mi0uNTc3IDAtLjI4NS0uMDEtMS4wNC0uMDE1LTIuMDQtMy4zMzguNzI0LTQuMDQyLTEuNj"
     "EtNC4wNDItMS42MUM0LjQyMiAxOC4wNyAzLjYzMyAxNy43IDMuNjMzIDE3LjdjLTEuMDg3LS43NDQuMDg0LS43Mj"
     "kuMDg0LS43MjkgMS4yMDUuMDg0IDEuODM4IDEuMjM2IDEuODM4IDEuMjM2IDEuMDcgMS44MzUgMi44MDkgMS4zMD"
     "UgMy40OTUuOTk4LjEwOC0uNzc2LjQxNy0xLjMwNS43Ni0xLjYwNS0yLjY2NS0uMy01LjQ2Ni0xLjMzMi01LjQ2Ni"
     "01LjkzIDAtMS4zMS40NjUtMi4zOCAxLjIzNS0zLjIyLS4xMzUtLjMwMy0uNTQtMS41MjMuMTA1LTMuMTc2IDAgMC"
     "AxLjAwNS0uMzIyIDMuMyAxLjIzLjk2LS4yNjcgMS45OC0uMzk5IDMtLjQwNSAxLjAyLjAwNiAyLjA0LjEzOCAzIC"
     "40MDUgMi4yOC0xLjU1MiAzLjI4NS0xLjIzIDMuMjg1LTEuMjMuNjQ1IDEuNjUzLjI0IDIuODczLjEyIDMuMTc2Lj"
     "c2NS44NCAxLjIzIDEuOTEgMS4yMyAzLjIyIDAgNC42MS0yLjgwNSA1LjYyNS01LjQ3NSA1LjkyLjQyLjM2LjgxID"
     "EuMDk2LjgxIDIuMjIgMCAxLjYwNi0uMDE1IDIuODk2LS4wMTUgMy4yODYgMCAuMzE1LjIxLjY5LjgyNS41N0MyMC"
     "41NjUgMjIuMDkyIDI0IDE3LjU5MiAyNCAxMi4yOTdjMC02LjYyNy01LjM3My0xMi0xMi0xMiIvPjwvc3ZnPg=="}},
    {"github", "fff", false, Style::kFlat,
     Expected{"#fff", 14.0, 1138, 0x37a9d761180eb37eu,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSIjZmZmIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMCAyNCAyNC"
     "IgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+R2l0SHViPC90aXRsZT48cGF0aCBkPS"
     "JNMTIgLjI5N2MtNi42MyAwLTEyIDUuMzczLTEyIDEyIDAgNS4zMDMgMy40MzggOS44IDguMjA1IDExLjM4NS42Lj"
     "ExMy44Mi0uMjU4LjgyLS41NzcgMC0uMjg1LS4wMS0xLjA0LS4wMTUtMi4wNC0zLjMzOC43MjQtNC4wNDItMS42MS"
     "00LjA0Mi0xLjYxQzQuNDIyIDE4LjA3IDMuNjMzIDE3LjcgMy42MzMgMTcuN2MtMS4wODctLjc0NC4wODQtLjcyOS"
     "4wODQtLjcyOSAxLjIwNS4wODQgMS44MzggMS4yMzYgMS44MzggMS4yMzYgMS4wNyAxLjgzNSAyLjgwOSAxLjMwNS"
     "AzLjQ5NS45OTguMTA4LS43NzYuNDE3LTEuMzA1Ljc2LTEuNjA1LTIuNjY1LS4zLTUuNDY2LTEuMzMyLTUuNDY2LT"
     "UuOTMgMC0xLjMxLjQ2NS0yLjM4IDEuMjM1LTMuMjItLjEzNS0uMzAzLS41NC0xLjUyMy4xMDUtMy4xNzYgMCAwID"
     "EuMDA1LS4zMjIgMy4zIDEuMjMuOTYtLjI2NyAxLjk4LS4zOTkgMy0uNDA1IDEuMDIuMDA2IDIuMDQuMTM4IDMgLj"
     "QwNSAyLjI4LTEuNTUyIDMuMjg1LTEuMjMgMy4yODUtMS4yMy42NDUgMS42NTMuMjQgMi44NzMuMTIgMy4xNzYuNz"
     "Y1Ljg0IDEuMjMgMS45MSAxLjIzIDMuMjIgMCA0LjYxLTIuODA1IDUuNjI1LTUuNDc1IDUuOTIuNDIuMzYuODEgMS"
     "4wOTYuODEgMi4yMiAwIDEuNjA2LS4wMTUgMi44OTYtLjAxNSAzLjI4NiAwIC4zMTUuMjEuNjkuODI1LjU3QzIwLj"
     "U2NSAyMi4wOTIgMjQgMTcuNTkyIDI0IDEyLjI5N2MwLTYuNjI3LTUuMzczLTEyLTEyLTEyIi8+PC9zdmc+"}},
    {"github", "ABCDEF", false, Style::kSocial,
     Expected{"#abcdef", 14.0, 1142, 0xb8b353b6eb8969d8u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSIjYWJjZGVmIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMCAyNC"
     "AyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+R2l0SHViPC90aXRsZT48cGF0aC"
     "BkPSJNMTIgLjI5N2MtNi42MyAwLTEyIDUuMzczLTEyIDEyIDAgNS4zMDMgMy40MzggOS44IDguMjA1IDExLjM4NS"
     "42LjExMy44Mi0uMjU4LjgyLS41NzcgMC0uMjg1LS4wMS0xLjA0LS4wMTUtMi4wNC0zLjMzOC43MjQtNC4wNDItMS"
     "42MS00LjA0Mi0xLjYxQzQuNDIyIDE4LjA3IDMuNjMzIDE3LjcgMy42MzMgMTcuN2MtMS4wODctLjc0NC4wODQtLj"
     "cyOS4wODQtLjcyOSAxLjIwNS4wODQgMS44MzggMS4yMzYgMS44MzggMS4yMzYgMS4wNyAxLjgzNSAyLjgwOSAxLj"
     "MwNSAzLjQ5NS45OTguMTA4LS43NzYuNDE3LTEuMzA1Ljc2LTEuNjA1LTIuNjY1LS4zLTUuNDY2LTEuMzMyLTUuND"
     "Y2LTUuOTMgMC0xLjMxLjQ2NS0yLjM4IDEuMjM1LTMuMjItLjEzNS0uMzAzLS41NC0xLjUyMy4xMDUtMy4xNzYgMC"
     "AwIDEuMDA1LS4zMjIgMy4zIDEuMjMuOTYtLjI2NyAxLjk4LS4zOTkgMy0uNDA1IDEuMDIuMDA2IDIuMDQuMTM4ID"
     "MgLjQwNSAyLjI4LTEuNTUyIDMuMjg1LTEuMjMgMy4yODUtMS4yMy42NDUgMS42NTMuMjQgMi44NzMuMTIgMy4xNz"
     "YuNzY1Ljg0IDEuMjMgMS45MSAxLjIzIDMuMjIgMCA0LjYxLTIuODA1IDUuNjI1LTUuNDc1IDUuOTIuNDIuMzYuOD"
     "EgMS4wOTYuODEgMi4yMiAwIDEuNjA2LS4wMTUgMi44OTYtLjAxNSAzLjI4NiAwIC4zMTUuMjEuNjkuODI1LjU3Qz"
     "IwLjU2NSAyMi4wOTIgMjQgMTcuNTkyIDI0IDEyLjI5N2MwLTYuNjI3LTUuMzczLTEyLTEyLTEyIi8+PC9zdmc+"}},
    {"npm", "brightgreen", false, Style::kFlat,
     Expected{"#4b0", 14.0, 466, 0xb6682ba991ca5581u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSIjNGIwIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMCAyNCAyNC"
     "IgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+bnBtPC90aXRsZT48cGF0aCBkPSJNMS"
     "43NjMgMEMuNzg2IDAgMCAuNzg2IDAgMS43NjN2MjAuNDc0QzAgMjMuMjE0Ljc4NiAyNCAxLjc2MyAyNGgyMC40Nz"
     "RjLjk3NyAwIDEuNzYzLS43ODYgMS43NjMtMS43NjNWMS43NjNDMjQgLjc4NiAyMy4yMTQgMCAyMi4yMzcgMHpNNS"
     "4xMyA1LjMyM2wxMy44MzcuMDE5LS4wMDkgMTMuODM2aC0zLjQ2NGwuMDEtMTAuMzgyaC0zLjQ1NkwxMi4wNCAxOS"
     "4xN0g1LjExM3oiLz48L3N2Zz4="}},
    {"npm", "success", false, Style::kFlat,
     Expected{"#4b0", 14.0, 466, 0xb6682ba991ca5581u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSIjNGIwIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMCAyNCAyNC"
     "IgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+bnBtPC90aXRsZT48cGF0aCBkPSJNMS"
     "43NjMgMEMuNzg2IDAgMCAuNzg2IDAgMS43NjN2MjAuNDc0QzAgMjMuMjE0Ljc4NiAyNCAxLjc2MyAyNGgyMC40Nz"
     "RjLjk3NyAwIDEuNzYzLS43ODYgMS43NjMtMS43NjNWMS43NjNDMjQgLjc4NiAyMy4yMTQgMCAyMi4yMzcgMHpNNS"
     "4xMyA1LjMyM2wxMy44MzcuMDE5LS4wMDkgMTMuODM2aC0zLjQ2NGwuMDEtMTAuMzgyaC0zLjQ1NkwxMi4wNCAxOS"
     "4xN0g1LjExM3oiLz48L3N2Zz4="}},
    {"npm", "#AbC", false, Style::kFlat,
     Expected{"#abc", 14.0, 466, 0x73962fb9720a57d6u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSIjYWJjIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMCAyNCAyNC"
     "IgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+bnBtPC90aXRsZT48cGF0aCBkPSJNMS"
     "43NjMgMEMuNzg2IDAgMCAuNzg2IDAgMS43NjN2MjAuNDc0QzAgMjMuMjE0Ljc4NiAyNCAxLjc2MyAyNGgyMC40Nz"
     "RjLjk3NyAwIDEuNzYzLS43ODYgMS43NjMtMS43NjNWMS43NjNDMjQgLjc4NiAyMy4yMTQgMCAyMi4yMzcgMHpNNS"
     "4xMyA1LjMyM2wxMy44MzcuMDE5LS4wMDkgMTMuODM2aC0zLjQ2NGwuMDEtMTAuMzgyaC0zLjQ1NkwxMi4wNCAxOS"
     "4xN0g1LjExM3oiLz48L3N2Zz4="}},
    {"npm", "rgb(10, 20, 30)", false, Style::kFlat,
     Expected{"rgb(10, 20, 30)", 14.0, 482, 0x4c20239102ce6031u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSJyZ2IoMTAsIDIwLCAzMCkiIHJvbGU9ImltZyIgdmlld0JveD"
     "0iMCAwIDI0IDI0IiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciPjx0aXRsZT5ucG08L3RpdGxlPj"
     "xwYXRoIGQ9Ik0xLjc2MyAwQy43ODYgMCAwIC43ODYgMCAxLjc2M3YyMC40NzRDMCAyMy4yMTQuNzg2IDI0IDEuNz"
     "YzIDI0aDIwLjQ3NGMuOTc3IDAgMS43NjMtLjc4NiAxLjc2My0xLjc2M1YxLjc2M0MyNCAuNzg2IDIzLjIxNCAwID"
     "IyLjIzNyAwek01LjEzIDUuMzIzbDEzLjgzNy4wMTktLjAwOSAxMy44MzZoLTMuNDY0bC4wMS0xMC4zODJoLTMuND"
     "U2TDEyLjA0IDE5LjE3SDUuMTEzeiIvPjwvc3ZnPg=="}},
    {"npm", "  blue ", false, Style::kFlat,
     Expected{"  blue ", 14.0, 470, 0x38e498e1519d0c6fu,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSIgIGJsdWUgIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMCAyNC"
     "AyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+bnBtPC90aXRsZT48cGF0aCBkPS"
     "JNMS43NjMgMEMuNzg2IDAgMCAuNzg2IDAgMS43NjN2MjAuNDc0QzAgMjMuMjE0Ljc4NiAyNCAxLjc2MyAyNGgyMC"
     "40NzRjLjk3NyAwIDEuNzYzLS43ODYgMS43NjMtMS43NjNWMS43NjNDMjQgLjc4NiAyMy4yMTQgMCAyMi4yMzcgMH"
     "pNNS4xMyA1LjMyM2wxMy44MzcuMDE5LS4wMDkgMTMuODM2aC0zLjQ2NGwuMDEtMTAuMzgyaC0zLjQ1NkwxMi4wNC"
     "AxOS4xN0g1LjExM3oiLz48L3N2Zz4="}},
    {"docker", "informational", false, Style::kForTheBadge,
     Expected{"#007ec6", 14.0, 2402, 0x6f6b2f32d2df028au, ""}},
    {"github", "Red", false, Style::kFlat,
     Expected{"whitesmoke", 14.0, 1146, 0xe694dcecfc8dd212u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSJ3aGl0ZXNtb2tlIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMC"
     "AyNCAyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+R2l0SHViPC90aXRsZT48cG"
     "F0aCBkPSJNMTIgLjI5N2MtNi42MyAwLTEyIDUuMzczLTEyIDEyIDAgNS4zMDMgMy40MzggOS44IDguMjA1IDExLj"
     "M4NS42LjExMy44Mi0uMjU4LjgyLS41NzcgMC0uMjg1LS4wMS0xLjA0LS4wMTUtMi4wNC0zLjMzOC43MjQtNC4wND"
     "ItMS42MS00LjA0Mi0xLjYxQzQuNDIyIDE4LjA3IDMuNjMzIDE3LjcgMy42MzMgMTcuN2MtMS4wODctLjc0NC4wOD"
     "QtLjcyOS4wODQtLjcyOSAxLjIwNS4wODQgMS44MzggMS4yMzYgMS44MzggMS4yMzYgMS4wNyAxLjgzNSAyLjgwOS"
     "AxLjMwNSAzLjQ5NS45OTguMTA4LS43NzYuNDE3LTEuMzA1Ljc2LTEuNjA1LTIuNjY1LS4zLTUuNDY2LTEuMzMyLT"
     "UuNDY2LTUuOTMgMC0xLjMxLjQ2NS0yLjM4IDEuMjM1LTMuMjItLjEzNS0uMzAzLS41NC0xLjUyMy4xMDUtMy4xNz"
     "YgMCAwIDEuMDA1LS4zMjIgMy4zIDEuMjMuOTYtLjI2NyAxLjk4LS4zOTkgMy0uNDA1IDEuMDIuMDA2IDIuMDQuMT"
     "M4IDMgLjQwNSAyLjI4LTEuNTUyIDMuMjg1LTEuMjMgMy4yODUtMS4yMy42NDUgMS42NTMuMjQgMi44NzMuMTIgMy"
     "4xNzYuNzY1Ljg0IDEuMjMgMS45MSAxLjIzIDMuMjIgMCA0LjYxLTIuODA1IDUuNjI1LTUuNDc1IDUuOTIuNDIuMz"
     "YuODEgMS4wOTYuODEgMi4yMiAwIDEuNjA2LS4wMTUgMi44OTYtLjAxNSAzLjI4NiAwIC4zMTUuMjEuNjkuODI1Lj"
     "U3QzIwLjU2NSAyMi4wOTIgMjQgMTcuNTkyIDI0IDEyLjI5N2MwLTYuNjI3LTUuMzczLTEyLTEyLTEyIi8+PC9zdm"
     "c+"}},
    {"github", "notacolor", false, Style::kSocial,
     Expected{"#181717", 14.0, 1142, 0xd4766594667d9280u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSIjMTgxNzE3IiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMCAyNC"
     "AyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+R2l0SHViPC90aXRsZT48cGF0aC"
     "BkPSJNMTIgLjI5N2MtNi42MyAwLTEyIDUuMzczLTEyIDEyIDAgNS4zMDMgMy40MzggOS44IDguMjA1IDExLjM4NS"
     "42LjExMy44Mi0uMjU4LjgyLS41NzcgMC0uMjg1LS4wMS0xLjA0LS4wMTUtMi4wNC0zLjMzOC43MjQtNC4wNDItMS"
     "42MS00LjA0Mi0xLjYxQzQuNDIyIDE4LjA3IDMuNjMzIDE3LjcgMy42MzMgMTcuN2MtMS4wODctLjc0NC4wODQtLj"
     "cyOS4wODQtLjcyOSAxLjIwNS4wODQgMS44MzggMS4yMzYgMS44MzggMS4yMzYgMS4wNyAxLjgzNSAyLjgwOSAxLj"
     "MwNSAzLjQ5NS45OTguMTA4LS43NzYuNDE3LTEuMzA1Ljc2LTEuNjA1LTIuNjY1LS4zLTUuNDY2LTEuMzMyLTUuND"
     "Y2LTUuOTMgMC0xLjMxLjQ2NS0yLjM4IDEuMjM1LTMuMjItLjEzNS0uMzAzLS41NC0xLjUyMy4xMDUtMy4xNzYgMC"
     "AwIDEuMDA1LS4zMjIgMy4zIDEuMjMuOTYtLjI2NyAxLjk4LS4zOTkgMy0uNDA1IDEuMDIuMDA2IDIuMDQuMTM4ID"
     "MgLjQwNSAyLjI4LTEuNTUyIDMuMjg1LTEuMjMgMy4yODUtMS4yMy42NDUgMS42NTMuMjQgMi44NzMuMTIgMy4xNz"
     "YuNzY1Ljg0IDEuMjMgMS45MSAxLjIzIDMuMjIgMCA0LjYxLTIuODA1IDUuNjI1LTUuNDc1IDUuOTIuNDIuMzYuOD"
     "EgMS4wOTYuODEgMi4yMiAwIDEuNjA2LS4wMTUgMi44OTYtLjAxNSAzLjI4NiAwIC4zMTUuMjEuNjkuODI1LjU3Qz"
     "IwLjU2NSAyMi4wOTIgMjQgMTcuNTkyIDI0IDEyLjI5N2MwLTYuNjI3LTUuMzczLTEyLTEyLTEyIi8+PC9zdmc+"}},
    {"npm", "", false, Style::kFlat,
     Expected{"whitesmoke", 14.0, 474, 0xcda1045e5df52a86u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSJ3aGl0ZXNtb2tlIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMC"
     "AyNCAyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+bnBtPC90aXRsZT48cGF0aC"
     "BkPSJNMS43NjMgMEMuNzg2IDAgMCAuNzg2IDAgMS43NjN2MjAuNDc0QzAgMjMuMjE0Ljc4NiAyNCAxLjc2MyAyNG"
     "gyMC40NzRjLjk3NyAwIDEuNzYzLS43ODYgMS43NjMtMS43NjNWMS43NjNDMjQgLjc4NiAyMy4yMTQgMCAyMi4yMz"
     "cgMHpNNS4xMyA1LjMyM2wxMy44MzcuMDE5LS4wMDkgMTMuODM2aC0zLjQ2NGwuMDEtMTAuMzgyaC0zLjQ1NkwxMi"
     "4wNCAxOS4xN0g1LjExM3oiLz48L3N2Zz4="}},
    {"linux", "12345", false, Style::kSocial,
     Expected{"#333", 14.0, 7326, 0xb55b8c56eb215127u, ""}},
    {"GitHub", std::nullopt, false, Style::kFlat,
     Expected{"whitesmoke", 14.0, 1146, 0xe694dcecfc8dd212u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSJ3aGl0ZXNtb2tlIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMC"
     "AyNCAyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+R2l0SHViPC90aXRsZT48cG"
     "F0aCBkPSJNMTIgLjI5N2MtNi42MyAwLTEyIDUuMzczLTEyIDEyIDAgNS4zMDMgMy40MzggOS44IDguMjA1IDExLj"
     "M4NS42LjExMy44Mi0uMjU4LjgyLS41NzcgMC0uMjg1LS4wMS0xLjA0LS4wMTUtMi4wNC0zLjMzOC43MjQtNC4wND"
     "ItMS42MS00LjA0Mi0xLjYxQzQuNDIyIDE4LjA3IDMuNjMzIDE3LjcgMy42MzMgMTcuN2MtMS4wODctLjc0NC4wOD"
     "QtLjcyOS4wODQtLjcyOSAxLjIwNS4wODQgMS44MzggMS4yMzYgMS44MzggMS4yMzYgMS4wNyAxLjgzNSAyLjgwOS"
     "AxLjMwNSAzLjQ5NS45OTguMTA4LS43NzYuNDE3LTEuMzA1Ljc2LTEuNjA1LTIuNjY1LS4zLTUuNDY2LTEuMzMyLT"
     "UuNDY2LTUuOTMgMC0xLjMxLjQ2NS0yLjM4IDEuMjM1LTMuMjItLjEzNS0uMzAzLS41NC0xLjUyMy4xMDUtMy4xNz"
     "YgMCAwIDEuMDA1LS4zMjIgMy4zIDEuMjMuOTYtLjI2NyAxLjk4LS4zOTkgMy0uNDA1IDEuMDIuMDA2IDIuMDQuMT"
     "M4IDMgLjQwNSAyLjI4LTEuNTUyIDMuMjg1LTEuMjMgMy4yODUtMS4yMy42NDUgMS42NTMuMjQgMi44NzMuMTIgMy"
     "4xNzYuNzY1Ljg0IDEuMjMgMS45MSAxLjIzIDMuMjIgMCA0LjYxLTIuODA1IDUuNjI1LTUuNDc1IDUuOTIuNDIuMz"
     "YuODEgMS4wOTYuODEgMi4yMiAwIDEuNjA2LS4wMTUgMi44OTYtLjAxNSAzLjI4NiAwIC4zMTUuMjEuNjkuODI1Lj"
     "U3QzIwLjU2NSAyMi4wOTIgMjQgMTcuNTkyIDI0IDEyLjI5N2MwLTYuNjI3LTUuMzczLTEyLTEyLTEyIi8+PC9zdm"
     "c+"}},
    {"NPM", std::nullopt, false, Style::kFlat,
     Expected{"whitesmoke", 14.0, 474, 0xcda1045e5df52a86u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSJ3aGl0ZXNtb2tlIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMC"
     "AyNCAyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+bnBtPC90aXRsZT48cGF0aC"
     "BkPSJNMS43NjMgMEMuNzg2IDAgMCAuNzg2IDAgMS43NjN2MjAuNDc0QzAgMjMuMjE0Ljc4NiAyNCAxLjc2MyAyNG"
     "gyMC40NzRjLjk3NyAwIDEuNzYzLS43ODYgMS43NjMtMS43NjNWMS43NjNDMjQgLjc4NiAyMy4yMTQgMCAyMi4yMz"
     "cgMHpNNS4xMyA1LjMyM2wxMy44MzcuMDE5LS4wMDkgMTMuODM2aC0zLjQ2NGwuMDEtMTAuMzgyaC0zLjQ1NkwxMi"
     "4wNCAxOS4xN0g1LjExM3oiLz48L3N2Zz4="}},
    {"DotNet", std::nullopt, false, Style::kFlat,
     Expected{"whitesmoke", 14.0, 762, 0x1a1c140292868d2du,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSJ3aGl0ZXNtb2tlIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMC"
     "AyNCAyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+Lk5FVDwvdGl0bGU+PHBhdG"
     "ggZD0iTTI0IDguNzdoLTIuNDY4djcuNTY1aC0xLjQyNVY4Ljc3aC0yLjQ2MlY3LjUzSDI0em0tNi44NTIgNy41Nj"
     "VoLTQuODIxVjcuNTNoNC42M3YxLjI0aC0zLjIwNXYyLjQ5NGgyLjk1M3YxLjIzNGgtMi45NTN2Mi42MDRoMy4zOT"
     "Z6bS02LjcwOCAwSDguODgyTDQuNzggOS44NjNhMi44OTYgMi44OTYgMCAwIDEtLjI1OC0uNTFoLS4wMzZjLjAzMi"
     "4xODkuMDQ4LjU5Mi4wNDggMS4yMXY1Ljc3MkgzLjE1N1Y3LjUzaDEuNjU5bDMuOTY1IDYuMzJjLjE2Ny4yNjEuMj"
     "c1LjQ0Mi4zMjMuNTRoLjAyNGMtLjA0LS4yMzMtLjA2LS42MjktLjA2LTEuMTg1VjcuNTI5aDEuMzcyem0tOC43MD"
     "MtLjY5M2EuODY4LjgyOSAwIDAgMS0uODY5LjgyOS44NjguODI5IDAgMCAxLS44NjgtLjgzLjg2OC44MjkgMCAwID"
     "EgLjg2OC0uODI4Ljg2OC44MjkgMCAwIDEgLjg2OS44MjlaIi8+PC9zdmc+"}},
    {".NET", std::nullopt, false, Style::kFlat,
     Expected{"whitesmoke", 14.0, 762, 0x1a1c140292868d2du,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSJ3aGl0ZXNtb2tlIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMC"
     "AyNCAyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+Lk5FVDwvdGl0bGU+PHBhdG"
     "ggZD0iTTI0IDguNzdoLTIuNDY4djcuNTY1aC0xLjQyNVY4Ljc3aC0yLjQ2MlY3LjUzSDI0em0tNi44NTIgNy41Nj"
     "VoLTQuODIxVjcuNTNoNC42M3YxLjI0aC0zLjIwNXYyLjQ5NGgyLjk1M3YxLjIzNGgtMi45NTN2Mi42MDRoMy4zOT"
     "Z6bS02LjcwOCAwSDguODgyTDQuNzggOS44NjNhMi44OTYgMi44OTYgMCAwIDEtLjI1OC0uNTFoLS4wMzZjLjAzMi"
     "4xODkuMDQ4LjU5Mi4wNDggMS4yMXY1Ljc3MkgzLjE1N1Y3LjUzaDEuNjU5bDMuOTY1IDYuMzJjLjE2Ny4yNjEuMj"
     "c1LjQ0Mi4zMjMuNTRoLjAyNGMtLjA0LS4yMzMtLjA2LS42MjktLjA2LTEuMTg1VjcuNTI5aDEuMzcyem0tOC43MD"
     "MtLjY5M2EuODY4LjgyOSAwIDAgMS0uODY5LjgyOS44NjguODI5IDAgMCAxLS44NjgtLjgzLjg2OC44MjkgMCAwID"
     "EgLjg2OC0uODI4Ljg2OC44MjkgMCAwIDEgLjg2OS44MjlaIi8+PC9zdmc+"}},
    {"GitHub Actions", std::nullopt, false, Style::kFlat,
     Expected{"#2088FF", 14.0, 2350, 0xe29d902a452c53ddu, ""}},
    {"github-actions", std::nullopt, false, Style::kFlat,
     Expected{"#2088FF", 14.0, 2350, 0xe29d902a452c53ddu, ""}},
    {"Travis CI", std::nullopt, false, Style::kFlat,
     Expected{"#3EAAAF", 14.0, 5082, 0x60f85695d2b18238u, ""}},
    {"stack overflow", std::nullopt, false, Style::kFlat,
     Expected{"#F58025", 14.0, 634, 0x1c8afec17d12840cu,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSIjRjU4MDI1IiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMCAyNC"
     "AyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+U3RhY2sgT3ZlcmZsb3c8L3RpdG"
     "xlPjxwYXRoIGQ9Ik0xNS43MjUgMGwtMS43MiAxLjI3NyA2LjM5IDguNTg4IDEuNzE2LTEuMjc3TDE1LjcyNSAwem"
     "0tMy45NCAzLjQxOGwtMS4zNjkgMS42NDQgOC4yMjUgNi44NSAxLjM2OS0xLjY0NC04LjIyNS02Ljg1em0tMy4xNS"
     "A0LjQ2NWwtLjkwNSAxLjk0IDkuNzAyIDQuNTE3LjkwNC0xLjk0LTkuNzAxLTQuNTE3em0tMS44NSA0Ljg2bC0uND"
     "QgMi4wOTMgMTAuNDczIDIuMjAxLjQ0LTIuMDkyLTEwLjQ3My0yLjIwM3pNMS44OSAxNS40N1YyNGgxOS4xOXYtOC"
     "41M2gtMi4xMzN2Ni4zOTdINC4wMjF2LTYuMzk2SDEuODl6bTQuMjY1IDIuMTMzdjIuMTNoMTAuNjZ2LTIuMTNINi"
     "4xNTRaIi8+PC9zdmc+"}},
    {"macOS", "white", false, Style::kFlat,
     Expected{"white", 14.0, 2210, 0x1dfdf2c93423f6efu, ""}},
    {"DOC\xe2\x84\xaa" "ER", std::nullopt, false, Style::kFlat,
     Expected{"#2496ED", 14.0, 2402, 0x7b0ad94fedbe54fcu, ""}},
    {"travis", std::nullopt, false, Style::kFlat,
     Expected{"#3EAAAF", 14.0, 5082, 0x60f85695d2b18238u, ""}},
    {"Travis", "yellow", false, Style::kFlat,
     Expected{"#d8b800", 14.0, 5082, 0xfd644d0c820d1c4au, ""}},
    {"eclipse", std::nullopt, false, Style::kFlat,
     Expected{"whitesmoke", 14.0, 2058, 0x9d72811b20ea8dcfu, ""}},
    {"gitter-white", std::nullopt, false, Style::kFlat,
     Expected{"whitesmoke", 14.0, 334, 0xb3d7bedddb0d5632u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSJ3aGl0ZXNtb2tlIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMC"
     "AyNCAyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+R2l0dGVyPC90aXRsZT48cG"
     "F0aCBkPSJNOC41MDEgNC4wMDFIMTAuNVYyNEg4LjUwMVY0LjAwMXptNi45OTkgMFYyNGgtMlY0LjAwMWgyek0zLj"
     "UgMGgyLjAwMXYxNUgzLjVWMHptMTUgNC4wMDFoMlYxNWgtMlY0LjAwMXoiLz48L3N2Zz4="}},
    {"scrutinizer", std::nullopt, false, Style::kFlat,
     Expected{"#8A9296", 14.0, 1430, 0x576837f11aef3988u, ""}},
    {"tfs", std::nullopt, false, Style::kFlat, kNoLogo},
    {"azuredevops", std::nullopt, false, Style::kFlat, kNoLogo},
    {"windows", std::nullopt, false, Style::kFlat, kNoLogo},
    {"nonexistent", std::nullopt, false, Style::kFlat, kNoLogo},
    {"", std::nullopt, false, Style::kFlat, kNoLogo},
    {"dot-net", std::nullopt, false, Style::kFlat, kNoLogo},
    {"github_actions", std::nullopt, false, Style::kFlat, kNoLogo},
    {"githubactions ", std::nullopt, false, Style::kFlat, kNoLogo},
    {"dotnet", std::nullopt, true, Style::kFlat,
     Expected{"whitesmoke", 37.57548514333862, 1086, 0xdfbb08c28f831fd2u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSJ3aGl0ZXNtb2tlIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMC"
     "AyNC4wMDAwMDA2MzI0MjE1MzYgOC45NDIwMDA1NTA5NDg3NzciIHhtbG5zPSJodHRwOi8vd3d3LnczLm9yZy8yMD"
     "AwL3N2ZyI+PHRpdGxlPi5ORVQ8L3RpdGxlPjxwYXRoIGQ9Ik0yNC4wMDAwMDA2MzI0MjE1MzYgMS4yNDA5OTk5OT"
     "k5OTk5OTk3aC0yLjQ2OHY3LjU2NWgtMS40MjVWMS4yNDA5OTk5OTk5OTk5OTk3aC0yLjQ2MlYwLjAwMTAwMDAwMD"
     "AwMDAwMDMzNEgyNC4wMDAwMDA2MzI0MjE1MzZ6IG0tNi44NTIgNy41NjVoLTQuODIxVjAuMDAxMDAwMDAwMDAwMD"
     "AwMzM0aDQuNjN2MS4yNGgtMy4yMDV2Mi40OTRoMi45NTN2MS4yMzRoLTIuOTUzdjIuNjA0aDMuMzk2eiBtLTYuNz"
     "A4IDBIOC44ODIwMDA2MzI0MjE1MzdMNC43ODAwMDA2MzI0MjE1MzggMi4zMzM5OTk5OTk5OTk5OTk2YTIuODk2ID"
     "IuODk2IDAgMCAxLTAuMjU4LTAuNTFoLTAuMDM2YzAuMDMyIDAuMTg5IDAuMDQ4IDAuNTkyIDAuMDQ4IDEuMjF2NS"
     "43NzJIMy4xNTcwMDA2MzI0MjE1MzdWMC4wMDEwMDAwMDAwMDAwMDAzMzRoMS42NTlsMy45NjUgNi4zMmMwLjE2Ny"
     "AwLjI2MSAwLjI3NSAwLjQ0MiAwLjMyMyAwLjU0aDAuMDI0Yy0wLjA0LTAuMjMzLTAuMDYtMC42MjktMC4wNi0xLj"
     "E4NVYwaDEuMzcyeiBtLTguNzAzLTAuNjkzYTAuODY4IDAuODI5IDAgMCAxLTAuODY5IDAuODI5IDAuODY4IDAuOD"
     "I5IDAgMCAxLTAuODY4LTAuODMgMC44NjggMC44MjkgMCAwIDEgMC44NjgtMC44MjggMC44NjggMC44MjkgMCAwID"
     "EgMC44NjkgMC44MjlaIi8+PC9zdmc+"}},
    {"macos", std::nullopt, true, Style::kFlat,
     Expected{"whitesmoke", 59.616749467707564, 2586, 0x8fd1c9e078a1a45eu, ""}},
    {"docker", "white", true, Style::kForTheBadge,
     Expected{"white", 19.509859879477172, 3154, 0x1308a02b2e4b6fd4u, ""}},
    {"github", std::nullopt, true, Style::kSocial,
     Expected{"#181717", 14.35545627345777, 1302, 0x69e51b2c1a17c4cfu, ""}},
    {"linux", std::nullopt, true, Style::kFlat,
     Expected{"#FCC624", 11.533450656878383, 9274, 0x2003efc175fdce41u, ""}},
    {"githubactions", std::nullopt, true, Style::kFlat,
     Expected{"#2088FF", 14.0, 2350, 0xe29d902a452c53ddu, ""}},
    {"npm", std::nullopt, true, Style::kFlat,
     Expected{"whitesmoke", 14.0, 474, 0xcda1045e5df52a86u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSJ3aGl0ZXNtb2tlIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMC"
     "AyNCAyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+bnBtPC90aXRsZT48cGF0aC"
     "BkPSJNMS43NjMgMEMuNzg2IDAgMCAuNzg2IDAgMS43NjN2MjAuNDc0QzAgMjMuMjE0Ljc4NiAyNCAxLjc2MyAyNG"
     "gyMC40NzRjLjk3NyAwIDEuNzYzLS43ODYgMS43NjMtMS43NjNWMS43NjNDMjQgLjc4NiAyMy4yMTQgMCAyMi4yMz"
     "cgMHpNNS4xMyA1LjMyM2wxMy44MzcuMDE5LS4wMDkgMTMuODM2aC0zLjQ2NGwuMDEtMTAuMzgyaC0zLjQ1NkwxMi"
     "4wNCAxOS4xN0g1LjExM3oiLz48L3N2Zz4="}},
    {"Travis CI", std::nullopt, true, Style::kFlat,
     Expected{"#3EAAAF", 13.191959331054045, 6162, 0xe530e5a8910a69a5u, ""}},
    {"travis", std::nullopt, true, Style::kFlat,
     Expected{"#3EAAAF", 14.0, 6162, 0xe530e5a8910a69a5u, ""}},
    {"GitHub Actions", std::nullopt, true, Style::kFlat,
     Expected{"#2088FF", 14.0, 2350, 0xe29d902a452c53ddu, ""}},
    {".NET", "#fff", true, Style::kPlastic,
     Expected{"#fff", 37.57548514333862, 1078, 0x03cbe609d09a79b6u,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSIjZmZmIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMCAyNC4wMD"
     "AwMDA2MzI0MjE1MzYgOC45NDIwMDA1NTA5NDg3NzciIHhtbG5zPSJodHRwOi8vd3d3LnczLm9yZy8yMDAwL3N2Zy"
     "I+PHRpdGxlPi5ORVQ8L3RpdGxlPjxwYXRoIGQ9Ik0yNC4wMDAwMDA2MzI0MjE1MzYgMS4yNDA5OTk5OTk5OTk5OT"
     "k3aC0yLjQ2OHY3LjU2NWgtMS40MjVWMS4yNDA5OTk5OTk5OTk5OTk3aC0yLjQ2MlYwLjAwMTAwMDAwMDAwMDAwMD"
     "MzNEgyNC4wMDAwMDA2MzI0MjE1MzZ6IG0tNi44NTIgNy41NjVoLTQuODIxVjAuMDAxMDAwMDAwMDAwMDAwMzM0aD"
     "QuNjN2MS4yNGgtMy4yMDV2Mi40OTRoMi45NTN2MS4yMzRoLTIuOTUzdjIuNjA0aDMuMzk2eiBtLTYuNzA4IDBIOC"
     "44ODIwMDA2MzI0MjE1MzdMNC43ODAwMDA2MzI0MjE1MzggMi4zMzM5OTk5OTk5OTk5OTk2YTIuODk2IDIuODk2ID"
     "AgMCAxLTAuMjU4LTAuNTFoLTAuMDM2YzAuMDMyIDAuMTg5IDAuMDQ4IDAuNTkyIDAuMDQ4IDEuMjF2NS43NzJIMy"
     "4xNTcwMDA2MzI0MjE1MzdWMC4wMDEwMDAwMDAwMDAwMDAzMzRoMS42NTlsMy45NjUgNi4zMmMwLjE2NyAwLjI2MS"
     "AwLjI3NSAwLjQ0MiAwLjMyMyAwLjU0aDAuMDI0Yy0wLjA0LTAuMjMzLTAuMDYtMC42MjktMC4wNi0xLjE4NVYwaD"
     "EuMzcyeiBtLTguNzAzLTAuNjkzYTAuODY4IDAuODI5IDAgMCAxLTAuODY5IDAuODI5IDAuODY4IDAuODI5IDAgMC"
     "AxLTAuODY4LTAuODMgMC44NjggMC44MjkgMCAwIDEgMC44NjgtMC44MjggMC44NjggMC44MjkgMCAwIDEgMC44Nj"
     "kgMC44MjlaIi8+PC9zdmc+"}},
    {"dotnet", std::nullopt, false, Style::kFlat,
     Expected{"whitesmoke", 14.0, 762, 0x1a1c140292868d2du,
     "data:image/svg+xml;base64,PHN2ZyBmaWxsPSJ3aGl0ZXNtb2tlIiByb2xlPSJpbWciIHZpZXdCb3g9IjAgMC"
     "AyNCAyNCIgeG1sbnM9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48dGl0bGU+Lk5FVDwvdGl0bGU+PHBhdG"
     "ggZD0iTTI0IDguNzdoLTIuNDY4djcuNTY1aC0xLjQyNVY4Ljc3aC0yLjQ2MlY3LjUzSDI0em0tNi44NTIgNy41Nj"
     "VoLTQuODIxVjcuNTNoNC42M3YxLjI0aC0zLjIwNXYyLjQ5NGgyLjk1M3YxLjIzNGgtMi45NTN2Mi42MDRoMy4zOT"
     "Z6bS02LjcwOCAwSDguODgyTDQuNzggOS44NjNhMi44OTYgMi44OTYgMCAwIDEtLjI1OC0uNTFoLS4wMzZjLjAzMi"
     "4xODkuMDQ4LjU5Mi4wNDggMS4yMXY1Ljc3MkgzLjE1N1Y3LjUzaDEuNjU5bDMuOTY1IDYuMzJjLjE2Ny4yNjEuMj"
     "c1LjQ0Mi4zMjMuNTRoLjAyNGMtLjA0LS4yMzMtLjA2LS42MjktLjA2LTEuMTg1VjcuNTI5aDEuMzcyem0tOC43MD"
     "MtLjY5M2EuODY4LjgyOSAwIDAgMS0uODY5LjgyOS44NjguODI5IDAgMCAxLS44NjgtLjgzLjg2OC44MjkgMCAwID"
     "EgLjg2OC0uODI4Ljg2OC44MjkgMCAwIDEgLjg2OS44MjlaIi8+PC9zdmc+"}},
    {"windows", std::nullopt, true, Style::kFlat, kNoLogo},
};
const DataUriCase kDataUriCases[] = {
    {"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=",
     "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4="},
    {"data:image/png;base64,iVBORw0KGgo+/w==",
     "data:image/png;base64,iVBORw0KGgo+/w=="},
    {"data:image/png;base64,iVBORw0KGgo /w==",
     "data:image/png;base64,iVBORw0KGgo+/w=="},
    {"image/png;base64,iVBORw0KGgo=",
     "data:image/png;base64,iVBORw0KGgo="},
    {"data:image/png;base64,iVBO\nRw0K\tGgo=",
     "data:image/png;base64,iVBORw0KGgo="},
    {"data:image/png;base64,iVBO\xc2\xa0Rw0KGgo=",
     "data:image/png;base64,iVBORw0KGgo="},
    {"data:image/svg+xml;base64,PHN2Zz4=\xe2\x80\xa8",
     "data:image/svg+xml;base64,PHN2Zz4="},
    {"data:image/png;base64,",
     "data:image/png;base64,"},
    {"data:image/png;base64,abc=",
     "data:image/png;base64,abc="},
    {"data:image/png;base64,ab==",
     "data:image/png;base64,ab=="},
    {"data:image/png;base64,a===",
     std::nullopt},
    {"data:image/png;base64,abc",
     std::nullopt},
    {"data:image/png;base64,ab=c",
     std::nullopt},
    {"data:image/png;base64,AA-_",
     std::nullopt},
    {"data:text/plain;charset=utf-8,hello world",
     "data:text/plain;charset=utf-8,hello+world"},
    {"data:image/svg+xml;utf8,<svg></svg>",
     "data:image/svg+xml;utf8,<svg></svg>"},
    {"data:image/png;charset=utf-8;base64,@@@@",
     "data:image/png;charset=utf-8;base64,@@@@"},
    {"data:image/png;base64X,AAAA",
     "data:image/png;base64X,AAAA"},
    {"data:ima ge/png;base64,AAAA",
     "data:ima+ge/png;base64,AAAA"},
    {"data:image/svg+xml,<svg/>",
     std::nullopt},
    {"data:;base64,AAAA",
     std::nullopt},
    {"data:image;base64,AAAA",
     std::nullopt},
    {"data:image/;base64,AAAA",
     std::nullopt},
    {"DATA:image/png;base64,AAAA",
     std::nullopt},
    {"data:im\xc3\xa4ge/png;base64,AAAA",
     std::nullopt},
    {"github",
     std::nullopt},
    {"",
     std::nullopt},
};
// END GOLDEN
// clang-format on

TEST(NamedLogo, MatchesShieldsGoldens) {
  static_assert(std::size(kNamedCases) >= 40);
  for (const NamedCase& c : kNamedCases) {
    SCOPED_TRACE(describe(c));
    const std::optional<Logo> logo = named_logo(c.name, c.logo_color, c.size_auto, c.style);
    if (!c.expected) {
      EXPECT_FALSE(logo.has_value());
      continue;
    }
    ASSERT_TRUE(logo.has_value());
    EXPECT_EQ(fill_of(logo->data_uri), c.expected->fill);
    EXPECT_EQ(logo->width, c.expected->width);  // Exact: badge-maker prints every digit.
    EXPECT_EQ(logo->data_uri.size(), c.expected->length);
    EXPECT_EQ(fnv1a64(logo->data_uri), c.expected->fnv1a);
    if (!c.expected->data_uri.empty()) {
      EXPECT_EQ(logo->data_uri, c.expected->data_uri);
    }
  }
}

TEST(NamedLogo, AutoSizeCropsTheViewBoxOnlyForNonSquareIcons) {
  const auto svg = [](std::string_view name, bool size_auto) {
    return svg_of(named_logo(name, std::nullopt, size_auto, Style::kFlat).value().data_uri);
  };
  EXPECT_NE(svg("dotnet", false).find(R"(viewBox="0 0 24 24")"), std::string::npos);
  EXPECT_NE(svg("dotnet", true).find(R"(viewBox="0 0 24.000000632421536 8.942000550948777")"),
            std::string::npos);
  EXPECT_EQ(svg("githubactions", true), svg("githubactions", false));
}

TEST(NamedLogo, IconsOutsideTheShippedSubsetRenderNoLogo) {
  // simple-icons 16.28.0 has these and shields.io shows them; BadgeSmith does not ship them.
  for (const std::string_view name : {"react"sv, "python"sv, "Python"sv, "rust"sv}) {
    EXPECT_FALSE(named_logo(name, std::nullopt, false, Style::kFlat).has_value()) << name;
  }
}

TEST(NamedLogo, ObjectPrototypeNamesAreUnknownRatherThanErrors) {
  // shields throws on these (logoAliases / simpleIcons are plain objects looked up with `in`).
  for (const std::string_view name : {"constructor"sv, "__proto__"sv, "toString"sv}) {
    EXPECT_FALSE(named_logo(name, std::nullopt, true, Style::kFlat).has_value()) << name;
  }
  // And a colour that is an Object.prototype member is simply invalid (color.h), so the brand
  // rule applies; shields would print a JS function into fill="...".
  const std::optional<Logo> logo = named_logo("npm", "constructor"sv, false, Style::kSocial);
  ASSERT_TRUE(logo.has_value());
  EXPECT_EQ(fill_of(logo->data_uri), "#CB3837");
}

TEST(NamedLogo, RejectsInvalidUtf8AndOtherNonAsciiNames) {
  EXPECT_FALSE(named_logo("git\xffhub", std::nullopt, false, Style::kFlat).has_value());
  EXPECT_FALSE(named_logo("\xc3", std::nullopt, false, Style::kFlat).has_value());
  // U+0130 lower-cases to "i\u0307" in JS, which no key contains.
  EXPECT_FALSE(named_logo("L\xc4\xb0NUX", std::nullopt, false, Style::kFlat).has_value());
}

TEST(NamedLogo, GeneratedTablesAreConsistent) {
  EXPECT_EQ(logo_data::kSimpleIconsVersion, "16.28.0");
  ASSERT_FALSE(logo_data::kIcons.empty());
  EXPECT_LE(logo_data::kIcons.size(), 60u);
  EXPECT_TRUE(std::is_sorted(logo_data::kKeys.begin(), logo_data::kKeys.end(),
                             [](const auto& a, const auto& b) { return a.name < b.name; }));
  for (std::size_t i = 1; i < logo_data::kKeys.size(); ++i) {
    EXPECT_NE(logo_data::kKeys[i - 1].name, logo_data::kKeys[i].name);
  }
  for (const logo_data::Key& key : logo_data::kKeys) {
    EXPECT_TRUE(key.icon == logo_data::kNoIcon ||
                (key.icon >= 0 && static_cast<std::size_t>(key.icon) < logo_data::kIcons.size()))
        << key.name;
    EXPECT_TRUE(std::none_of(key.name.begin(), key.name.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || (c & 0x80) != 0;
    })) << key.name;
  }
  for (const logo_data::Icon& icon : logo_data::kIcons) {
    SCOPED_TRACE(icon.slug);
    EXPECT_EQ(icon.hex.size(), 6u);
    EXPECT_TRUE(icon.svg_tail.starts_with(" role=\"img\" viewBox=\"0 0 24 24\""));
    EXPECT_TRUE(icon.svg_tail.ends_with("</svg>"));
    // Each shipped icon answers to its own slug and title.
    const std::optional<Logo> by_slug = named_logo(icon.slug, std::nullopt, false, Style::kFlat);
    const std::optional<Logo> by_title = named_logo(icon.title, std::nullopt, false, Style::kFlat);
    ASSERT_TRUE(by_slug.has_value());
    ASSERT_TRUE(by_title.has_value());
    EXPECT_EQ(by_slug->data_uri, by_title->data_uri);
    EXPECT_NE(svg_of(by_slug->data_uri).find("<title>" + std::string(icon.title) + "</title>"),
              std::string::npos);
  }
}

TEST(DataUriLogo, MatchesShieldsGoldens) {
  for (const DataUriCase& c : kDataUriCases) {
    SCOPED_TRACE(c.value);
    const Result<std::string> result = validate_data_uri_logo(c.value);
    if (c.normalized) {
      ASSERT_TRUE(result.has_value()) << result.error().message;
      EXPECT_EQ(result.value(), *c.normalized);
    } else {
      ASSERT_TRUE(result.has_error());
      EXPECT_EQ(result.error().code, Errc::kInvalidArgument);
      EXPECT_EQ(result.error().property, "logo");
    }
  }
}

TEST(DataUriLogo, CapsTheNormalisedSize) {
  // Non-base64 content is accepted as is, which lets the URI hit the cap exactly.
  const std::string prefix = "data:text/plain;utf8,";
  const std::string fits = prefix + std::string(kMaxDataUriLogoBytes - prefix.size(), 'a');
  const Result<std::string> at_cap = validate_data_uri_logo(fits);
  ASSERT_TRUE(at_cap.has_value()) << at_cap.error().message;
  EXPECT_EQ(at_cap.value().size(), kMaxDataUriLogoBytes);

  const Result<std::string> over = validate_data_uri_logo(fits + "a");
  ASSERT_TRUE(over.has_error());
  EXPECT_EQ(over.error().code, Errc::kInvalidArgument);
  EXPECT_NE(over.error().message.find("65536"), std::string::npos) << over.error().message;

  // The cap applies after whitespace removal: trailing newlines do not count.
  const Result<std::string> padded = validate_data_uri_logo(fits + "\n\r\n");
  ASSERT_TRUE(padded.has_value());
  EXPECT_EQ(padded.value(), fits);

  // A large base64 logo just under the cap.
  const std::string png = "data:image/png;base64," + std::string(64000, 'A');
  EXPECT_TRUE(validate_data_uri_logo(png).has_value());
}

TEST(DataUriLogo, RejectsInvalidUtf8) {
  const Result<std::string> result = validate_data_uri_logo("data:text/plain;utf8,\xff");
  ASSERT_TRUE(result.has_error());
  EXPECT_EQ(result.error().code, Errc::kInvalidArgument);
}

}  // namespace
}  // namespace badgesmith::badges
