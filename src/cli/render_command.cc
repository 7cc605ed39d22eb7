#include "cli/render_command.h"

#include <exception>
#include <initializer_list>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/badges/badge.h"
#include "features/badges/endpoint_json.h"
#include "features/badges/js_string.h"
#include "features/badges/logos.h"

namespace badgesmith::cli {

namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

constexpr std::string_view kStyles = "flat, flat-square, plastic, for-the-badge, social";

struct RenderFlags {
  std::string label;
  std::string message;
  std::string color;
  std::string label_color;
  std::string style;
  std::string logo;
  std::string logo_color;
  std::string logo_size;
  std::vector<std::string> links;
  std::string id_suffix;
  bool json = false;
  bool batch = false;

  // Presence, because "" is a meaningful value for every string flag (badge-maker tells an
  // absent colour from an empty one).
  CLI::Option* label_opt = nullptr;
  CLI::Option* message_opt = nullptr;
  CLI::Option* color_opt = nullptr;
  CLI::Option* label_color_opt = nullptr;
  CLI::Option* style_opt = nullptr;
  CLI::Option* logo_opt = nullptr;
  CLI::Option* logo_color_opt = nullptr;
  CLI::Option* logo_size_opt = nullptr;
  CLI::Option* link_opt = nullptr;
  CLI::Option* id_suffix_opt = nullptr;
};

[[noreturn]] void fail(int status, std::string_view message) {
  std::cerr << "badgesmith: render: " << message << '\n';
  throw CLI::RuntimeError(status);
}

// badge-maker's idSuffix rule: /^[a-zA-Z0-9\-_]*$/.
bool is_valid_id_suffix(std::string_view suffix) {
  for (const char c : suffix) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::optional<std::string> decode_base64(std::string_view text) {
  auto value_of = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  std::string out;
  unsigned bits = 0;
  int bit_count = 0;
  for (const char c : text) {
    const int value = value_of(c);
    if (value < 0) return std::nullopt;
    bits = (bits << 6) | static_cast<unsigned>(value);
    bit_count += 6;
    if (bit_count >= 8) {
      bit_count -= 8;
      out.push_back(static_cast<char>((bits >> bit_count) & 0xFF));
    }
  }
  return out;
}

// --- Single badge from flags. ---

// Everything but the logo, validated as badge-maker validates its input.
badges::Badge badge_without_logo(const RenderFlags& flags) {
  for (const std::string* text : std::initializer_list<const std::string*>{
           &flags.label, &flags.message, &flags.color, &flags.label_color, &flags.logo,
           &flags.logo_color}) {
    if (!badges::is_valid_utf8(*text)) fail(kExitUsage, "arguments must be valid UTF-8");
  }
  for (const std::string& link : flags.links) {
    if (!badges::is_valid_utf8(link)) fail(kExitUsage, "arguments must be valid UTF-8");
  }
  badges::Badge badge;
  badge.label = flags.label;
  badge.message = flags.message;
  if (flags.color_opt->count() > 0) badge.color = flags.color;
  if (flags.label_color_opt->count() > 0) badge.label_color = flags.label_color;
  if (flags.style_opt->count() > 0) {
    const auto style = badges::parse_style(flags.style);
    if (!style) fail(kExitUsage, "--style must be one of " + std::string(kStyles));
    badge.style = *style;
  }
  if (flags.links.size() > 2) fail(kExitUsage, "--link may be given at most twice");
  for (std::size_t i = 0; i < flags.links.size(); ++i) badge.links[i] = flags.links[i];
  if (!is_valid_id_suffix(flags.id_suffix)) {
    fail(kExitUsage, "--id-suffix may contain only letters, digits, - and _");
  }
  badge.id_suffix = flags.id_suffix;
  // As in shields' endpoint schema: logo colour and size only qualify a named logo.
  const bool named = !flags.logo.empty() && !flags.logo.starts_with("data:");
  if (!named && (flags.logo_color_opt->count() > 0 || flags.logo_size_opt->count() > 0)) {
    fail(kExitUsage, "--logo-color and --logo-size need a named --logo");
  }
  return badge;
}

badges::Badge badge_from_flags(const RenderFlags& flags) {
  badges::Badge badge = badge_without_logo(flags);
  if (flags.logo.empty()) return badge;
  if (flags.logo.starts_with("data:")) {
    // badge-maker's logoBase64, used as given (no shields-style normalisation), so that the
    // flags render exactly what makeBadge({logoBase64}) renders.
    badge.logo_base64 = flags.logo;
    return badge;
  }
  // A simple-icons name, prepared as shields.io's server prepares ?logo=NAME.
  std::optional<std::string_view> logo_color;
  if (flags.logo_color_opt->count() > 0) logo_color = flags.logo_color;
  const auto logo =
      badges::named_logo(flags.logo, logo_color, flags.logo_size == "auto", badge.style);
  if (!logo) {
    fail(kExitUsage, "unknown logo '" + flags.logo +
                         "' (BadgeSmith ships a subset of simple-icons; or pass a data: URI)");
  }
  badge.logo_base64 = logo->data_uri;
  badge.logo_width = logo->width;
  return badge;
}

badges::EndpointBadge endpoint_from_flags(const RenderFlags& flags) {
  if (flags.link_opt->count() > 0 || flags.id_suffix_opt->count() > 0) {
    fail(kExitUsage, "--link and --id-suffix have no endpoint JSON field; drop them with --json");
  }
  const badges::Badge checked = badge_without_logo(flags);
  badges::EndpointBadge endpoint;
  endpoint.label = checked.label;
  endpoint.message = checked.message;
  endpoint.color = checked.color;
  endpoint.label_color = checked.label_color;
  if (flags.style_opt->count() > 0) endpoint.style = flags.style;
  if (flags.logo.empty()) return endpoint;
  if (!flags.logo.starts_with("data:")) {
    endpoint.named_logo = flags.logo;  // A simple-icons name; the consumer resolves it.
    if (flags.logo_color_opt->count() > 0) endpoint.logo_color = flags.logo_color;
    if (flags.logo_size_opt->count() > 0) endpoint.logo_size = flags.logo_size;
    return endpoint;
  }
  // The schema carries raw SVG markup (shields base64-encodes it back into exactly this kind of
  // data URI), so only an SVG data URI survives the round trip.
  constexpr std::string_view kSvgPrefix = "data:image/svg+xml;base64,";
  const std::string_view logo = flags.logo;
  std::optional<std::string> svg;
  if (logo.starts_with(kSvgPrefix)) svg = decode_base64(logo.substr(kSvgPrefix.size()));
  if (!svg || !badges::is_valid_utf8(*svg)) {
    fail(kExitUsage, "--json carries only data:image/svg+xml;base64 logos or logo names");
  }
  endpoint.logo_svg = std::move(*svg);
  return endpoint;
}

// --- Batch: NDJSON badge-maker inputs. ---

// Fills `badge` from one makeBadge() argument, with badge-maker's validation (index.js): only its
// eight keys, strings where it wants strings (null is rejected, as badge-maker rejects it), at
// most two string links, a known style, a [A-Za-z0-9_-]* idSuffix (which must be a string here;
// badge-maker would also take a number). Returns the error, or "".
std::string badge_from_json(const nlohmann::json& input, badges::Badge* badge) {
  if (!input.is_object()) return "makeBadge takes an argument of type object";
  if (!input.contains("message")) return "Field `message` is required";
  for (const auto& item : input.items()) {
    // Named references, not a structured binding: clang 14 cannot capture those in lambdas.
    const std::string& key = item.key();
    const nlohmann::json& value = item.value();
    auto text = [&](std::string* target) -> std::string {
      if (!value.is_string()) return "Field `" + key + "` must be of type string";
      *target = value.get<std::string>();
      return {};
    };
    auto optional_text = [&](std::optional<std::string>* target) -> std::string {
      std::string holder;
      if (std::string error = text(&holder); !error.empty()) return error;
      *target = std::move(holder);
      return {};
    };
    std::string error;
    if (key == "label") {
      error = text(&badge->label);
    } else if (key == "message") {
      error = text(&badge->message);
    } else if (key == "color") {
      error = optional_text(&badge->color);
    } else if (key == "labelColor") {
      error = optional_text(&badge->label_color);
    } else if (key == "logoBase64") {
      error = text(&badge->logo_base64);
    } else if (key == "style") {
      const auto style = value.is_string()
                             ? badges::parse_style(value.get_ref<const std::string&>())
                             : std::nullopt;
      if (!style) return "Field `style` must be one of (" + std::string(kStyles) + ")";
      badge->style = *style;
    } else if (key == "links") {
      if (!value.is_array()) return "Field `links` must be an array of strings";
      if (value.size() > 2) return "Field `links` must not have more than 2 elements";
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (!value[i].is_string()) return "Field `links` must be an array of strings";
        badge->links[i] = value[i].get<std::string>();
      }
    } else if (key == "idSuffix") {
      if (!value.is_string() || !is_valid_id_suffix(value.get_ref<const std::string&>())) {
        return "Field `idSuffix` must contain only numbers, letters, -, and _";
      }
      badge->id_suffix = value.get<std::string>();
    } else {
      return "Unexpected field '" + key + "'";
    }
    if (!error.empty()) return error;
  }
  return {};
}

// One output line per input line, so the caller can zip them; a rejected line yields `null` and
// a message on stderr, and the exit status becomes 1.
int run_batch() {
  std::string line;
  std::size_t line_number = 0;
  bool all_ok = true;
  while (std::getline(std::cin, line)) {
    ++line_number;
    // nlohmann validates UTF-8 while parsing, so strings reaching the renderer are well formed.
    const auto input = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    badges::Badge badge;
    std::string error =
        input.is_discarded() ? "invalid JSON (or invalid UTF-8)" : badge_from_json(input, &badge);
    if (error.empty()) {
      const nlohmann::json svg = badges::render_svg(badge);
      std::cout << svg.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    } else {
      all_ok = false;
      std::cerr << "badgesmith: render --batch: line " << line_number << ": " << error << '\n';
      std::cout << "null\n";
    }
    // Flushing per line lets a caller drive the batch interactively (write a line, read a line).
    std::cout.flush();
  }
  if (!std::cout) fail(kExitFailure, "cannot write to stdout");
  return all_ok ? 0 : kExitFailure;
}

void run(const RenderFlags& flags) {
  if (flags.batch) {
    for (const CLI::Option* opt :
         {flags.label_opt, flags.message_opt, flags.color_opt, flags.label_color_opt,
          flags.style_opt, flags.logo_opt, flags.logo_color_opt, flags.logo_size_opt,
          flags.link_opt, flags.id_suffix_opt}) {
      if (opt->count() > 0) {
        fail(kExitUsage, "--batch reads every input from stdin; drop " + opt->get_name());
      }
    }
    if (flags.json) fail(kExitUsage, "--batch writes SVG only; drop --json");
    if (const int status = run_batch(); status != 0) throw CLI::RuntimeError(status);
    return;
  }
  if (flags.message_opt->count() == 0) fail(kExitUsage, "--message is required");
  if (flags.json) {
    std::cout << badges::to_endpoint_json(endpoint_from_flags(flags)) << '\n';
  } else {
    // A trailing newline, as badge-maker's own CLI (console.log) prints one.
    std::cout << badges::render_svg(badge_from_flags(flags)) << '\n';
  }
  std::cout.flush();
  if (!std::cout) fail(kExitFailure, "cannot write to stdout");
}

}  // namespace

void add_render_command(CLI::App& app) {
  // The callback outlives this function, so it shares ownership of what CLI11 writes into.
  auto flags = std::make_shared<RenderFlags>();
  CLI::App* render = app.add_subcommand(
      "render", "Render a badge as badge-maker 6.0.0 (shields.io) does: SVG, or --json");
  flags->label_opt = render->add_option("--label", flags->label, "Left text (default: none)");
  flags->message_opt =
      render->add_option("--message", flags->message, "Right text (required unless --batch)");
  flags->color_opt = render->add_option(
      "--color", flags->color, "Message colour: a palette name, hex, rgb(), hsl() or CSS name");
  flags->label_color_opt =
      render->add_option("--label-color", flags->label_color, "Label colour (default #555)");
  flags->style_opt = render->add_option("--style", flags->style, std::string(kStyles));
  flags->logo_opt = render->add_option(
      "--logo", flags->logo, "A data: URI, or a simple-icons name (as shields.io's ?logo=)");
  flags->logo_color_opt = render->add_option("--logo-color", flags->logo_color,
                                             "Colour of a named logo (default: brand colour)");
  flags->logo_size_opt =
      render->add_option("--logo-size", flags->logo_size, "auto: size a named logo to its shape")
          ->check(CLI::IsMember({"auto"}));
  flags->link_opt = render->add_option("--link", flags->links, "Left, then right link (max 2)")
                        ->expected(1)
                        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  flags->id_suffix_opt =
      render->add_option("--id-suffix", flags->id_suffix, "Appended to SVG ids ([A-Za-z0-9_-]*)");
  render->add_flag("--json", flags->json, "Write shields endpoint JSON instead of SVG");
  render->add_flag("--batch", flags->batch,
                   "Read NDJSON makeBadge() inputs on stdin; write one JSON string (the SVG) "
                   "per line");
  render->callback([flags] {
    try {
      run(*flags);
    } catch (const CLI::RuntimeError&) {
      throw;
    } catch (const std::exception& e) {
      fail(kExitFailure, e.what());
    }
  });
}

}  // namespace badgesmith::cli
