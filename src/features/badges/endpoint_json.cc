#include "features/badges/endpoint_json.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/http/message.h"

namespace badgesmith::badges {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kSchemaKeys[] = {
    "schemaVersion", "label",        "message", "color",        "labelColor",
    "isError",       "namedLogo",    "logoSvg", "logoColor",    "logoSize",
    "logoWidth",     "logoPosition", "style",   "cacheSeconds",
};

bool is_schema_key(std::string_view key) {
  for (std::string_view known : kSchemaKeys) {
    if (key == known) return true;
  }
  return false;
}

// Joi.number() with conversion: numbers, and strings that are entirely a finite number.
std::optional<double> as_number(const Json& value) {
  if (value.is_number()) return value.get<double>();
  if (!value.is_string()) return std::nullopt;
  const std::string& text = value.get_ref<const std::string&>();
  if (text.empty() || text.size() > 64) return std::nullopt;
  double parsed = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(parsed)) {
    return std::nullopt;
  }
  return parsed;
}

std::optional<bool> as_boolean(const Json& value) {
  if (value.is_boolean()) return value.get<bool>();
  if (!value.is_string()) return std::nullopt;
  const std::string& text = value.get_ref<const std::string&>();
  if (http::iequals(text, "true")) return true;
  if (http::iequals(text, "false")) return false;
  return std::nullopt;
}

class Validator {
 public:
  explicit Validator(const Json& object) : object_(object) {}

  const Json* field(std::string_view key) const {
    const auto it = object_.find(std::string(key));
    return it == object_.end() ? nullptr : &*it;
  }

  std::optional<std::string> string_field(std::string_view key, bool allow_empty = true) {
    const Json* value = field(key);
    if (value == nullptr) return std::nullopt;
    if (!value->is_string() || (!allow_empty && value->get_ref<const std::string&>().empty())) {
      invalid(key);
      return std::nullopt;
    }
    return value->get<std::string>();
  }

  void invalid(std::string_view key) { invalid_.emplace_back(key); }
  const std::vector<std::string>& invalid_keys() const { return invalid_; }

 private:
  const Json& object_;
  std::vector<std::string> invalid_;
};

}  // namespace

std::string to_endpoint_json(const EndpointBadge& badge) {
  Json json;
  json["schemaVersion"] = 1;
  json["label"] = badge.label;
  json["message"] = badge.message;
  if (badge.color) json["color"] = *badge.color;
  if (badge.label_color) json["labelColor"] = *badge.label_color;
  if (badge.is_error) json["isError"] = true;
  if (badge.named_logo) json["namedLogo"] = *badge.named_logo;
  if (badge.logo_svg) json["logoSvg"] = *badge.logo_svg;
  if (badge.logo_color) json["logoColor"] = *badge.logo_color;
  if (badge.logo_size) json["logoSize"] = *badge.logo_size;
  if (badge.logo_width) json["logoWidth"] = *badge.logo_width;
  if (badge.logo_position) json["logoPosition"] = *badge.logo_position;
  if (badge.style) json["style"] = *badge.style;
  if (badge.cache_seconds) json["cacheSeconds"] = *badge.cache_seconds;
  // Replacing invalid UTF-8 keeps serialisation from throwing; inputs are validated earlier.
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Result<EndpointBadge> parse_endpoint_json(std::string_view text) {
  const Json json = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    return make_error(Errc::kInvalidArgument, "invalid json", "INVALID_ENDPOINT_JSON");
  }
  Validator check(json);
  EndpointBadge badge;

  if (const Json* version = check.field("schemaVersion");
      version != nullptr && !(version->is_number() && version->get<double>() == 1.0)) {
    check.invalid("schemaVersion");
  }
  if (const Json* label = check.field("label"); label == nullptr || !label->is_string()) {
    check.invalid("label");
  } else {
    badge.label = label->get<std::string>();
  }
  if (const Json* message = check.field("message");
      message == nullptr || !message->is_string() ||
      message->get_ref<const std::string&>().empty()) {
    check.invalid("message");
  } else {
    badge.message = message->get<std::string>();
  }
  badge.color = check.string_field("color");
  badge.label_color = check.string_field("labelColor");
  if (const Json* is_error = check.field("isError")) {
    if (const auto parsed = as_boolean(*is_error)) {
      badge.is_error = *parsed;
    } else {
      check.invalid("isError");
    }
  }
  badge.named_logo = check.string_field("namedLogo");
  badge.logo_svg = check.string_field("logoSvg");
  const bool has_named_logo = check.field("namedLogo") != nullptr;
  const bool has_logo = has_named_logo || check.field("logoSvg") != nullptr;
  for (const auto& [key, target] :
       {std::pair{"logoColor", &badge.logo_color}, std::pair{"logoSize", &badge.logo_size}}) {
    if (check.field(key) == nullptr) continue;
    if (!has_named_logo) {
      check.invalid(key);
    } else {
      *target = check.string_field(key);
    }
  }
  for (const auto& [key, target] : {std::pair{"logoWidth", &badge.logo_width},
                                    std::pair{"logoPosition", &badge.logo_position}}) {
    const Json* value = check.field(key);
    if (value == nullptr) continue;
    const auto number = as_number(*value);
    if (!has_logo || !number) {
      check.invalid(key);
    } else {
      *target = *number;
    }
  }
  badge.style = check.string_field("style");
  if (const Json* cache = check.field("cacheSeconds")) {
    const auto number = as_number(*cache);
    if (!number || *number < 0 || std::floor(*number) != *number || *number > 9.0e15) {
      check.invalid("cacheSeconds");
    } else {
      badge.cache_seconds = static_cast<std::int64_t>(*number);
    }
  }
  for (const auto& [key, value] : json.items()) {
    if (!is_schema_key(key)) check.invalid(key);
  }
  if (badge.named_logo && badge.logo_svg) check.invalid("");

  if (!check.invalid_keys().empty()) {
    std::string message = "invalid properties: ";
    for (std::size_t i = 0; i < check.invalid_keys().size(); ++i) {
      if (i > 0) message += ", ";
      message += check.invalid_keys()[i];
    }
    return make_error(Errc::kInvalidArgument, std::move(message), "INVALID_ENDPOINT_JSON");
  }
  return badge;
}

}  // namespace badgesmith::badges
