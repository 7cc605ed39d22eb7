#include "core/http/message.h"

#include "core/routing/path_codec.h"

namespace badgesmith::http {

// One ASCII case-insensitive comparison for the whole code base lives in routing, which sits
// below http.
bool iequals(std::string_view a, std::string_view b) noexcept {
  return routing::ascii_iequals(a, b);
}

std::string_view trim_ows(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<std::string_view> Headers::get(std::string_view name) const noexcept {
  for (const Field& field : fields_) {
    if (iequals(field.name, name)) return std::string_view(field.value);
  }
  return std::nullopt;
}

std::string Headers::joined(std::string_view name) const {
  std::string values;
  for (const Field& field : fields_) {
    if (!iequals(field.name, name)) continue;
    if (!values.empty()) values += ',';
    values += field.value;
  }
  return values;
}

void Headers::set(std::string_view name, std::string_view value) {
  remove(name);
  add(name, value);
}

void Headers::add(std::string_view name, std::string_view value) {
  fields_.push_back(Field{std::string(name), std::string(value)});
}

void Headers::remove(std::string_view name) {
  std::erase_if(fields_, [name](const Field& field) { return iequals(field.name, name); });
}

std::optional<std::string> Request::query_param(std::string_view name) const {
  return routing::find_query_param(query, name);
}

}  // namespace badgesmith::http
