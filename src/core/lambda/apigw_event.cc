#include "core/lambda/apigw_event.h"

#include <nlohmann/json.hpp>

#include "core/ascii.h"
#include "core/base64.h"
#include "core/json_limits.h"
#include "core/utf8.h"

namespace badgesmith::lambda {

namespace {

using nlohmann::json;

Error malformed(std::string what) {
  return make_error(Errc::kInvalidArgument, "malformed API Gateway event: " + std::move(what));
}

// The member `key` of `object` when it is present and not null, else nullptr.
const json* member(const json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  const auto found = object.find(key);
  return found == object.end() || found->is_null() ? nullptr : &*found;
}

// Copies an optional string member into `out` (left alone when absent); an error when present
// with another type.
Result<void> read_string(const json& object, std::string_view key, std::string& out) {
  const json* value = member(object, key);
  if (value == nullptr) return success();
  if (!value->is_string()) return malformed(std::string(key) + " is not a string");
  out = value->get<std::string>();
  return success();
}

// Header names and values reach Beast-free code, access logs and response headers: nothing that
// could split a line or end a C string may pass.
bool is_safe_header_text(std::string_view text) {
  return text.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

// API Gateway's ids ("JKJaXmPLvHcESHA=") end up in logs and X-Request-Id; anything else, from a
// caller that invokes the function directly, is replaced by the dispatcher's own id.
bool is_safe_request_id(std::string_view id) {
  if (id.size() > 64) return false;
  for (const char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.' || c == '=' || c == '+' || c == '/';
    if (!ok) return false;
  }
  return true;
}

Result<http::Headers> headers_of(const json& event) {
  http::Headers headers;
  if (const json* map = member(event, "headers")) {
    if (!map->is_object()) return malformed("headers is not an object");
    for (const auto& [name, value] : map->items()) {
      if (!value.is_string()) return malformed("header " + name + " is not a string");
      const auto& text = value.get_ref<const std::string&>();
      if (name.empty() || !is_safe_header_text(name) || !is_safe_header_text(text)) {
        return malformed("header " + name + " has forbidden characters");
      }
      headers.add(ascii_lower(name), text);
    }
  }
  if (const json* cookies = member(event, "cookies")) {
    if (!cookies->is_array()) return malformed("cookies is not an array");
    std::string joined;
    for (const json& cookie : *cookies) {
      if (!cookie.is_string() || !is_safe_header_text(cookie.get_ref<const std::string&>())) {
        return malformed("cookies holds a bad entry");
      }
      if (!joined.empty()) joined += "; ";
      joined += cookie.get_ref<const std::string&>();
    }
    // API Gateway moves every Cookie header into `cookies`; put them back where handlers look.
    if (!joined.empty()) headers.set("cookie", joined);
  }
  return headers;
}

}  // namespace

Result<http::Request> request_from_event(std::string_view event) {
  if (event.size() > kMaxPayloadBytes) {
    return make_error(Errc::kPayloadTooLarge, "the event exceeds the Lambda payload limit");
  }
  auto parsed = parse_json_limited(event, kMaxPayloadBytes, kMaxEventDepth);
  if (!parsed) return malformed(parsed.error().message);
  const json& root = parsed.value();
  if (!root.is_object()) return malformed("not a JSON object");

  const json* context = member(root, "requestContext");
  const json* http_context = context != nullptr ? member(*context, "http") : nullptr;
  if (http_context == nullptr) return malformed("requestContext.http is missing");

  http::Request request;
  BOOST_OUTCOME_TRYV(read_string(*http_context, "method", request.method));
  if (request.method.empty()) return malformed("requestContext.http.method is missing");
  BOOST_OUTCOME_TRYV(read_string(root, "rawPath", request.path));
  if (!request.path.starts_with('/')) return malformed("rawPath does not start with '/'");
  request.path_is_decoded = true;
  BOOST_OUTCOME_TRYV(read_string(root, "rawQueryString", request.query));
  BOOST_OUTCOME_TRY(headers, headers_of(root));
  request.headers = std::move(headers);
  BOOST_OUTCOME_TRYV(read_string(*http_context, "sourceIp", request.client_address));
  BOOST_OUTCOME_TRYV(read_string(*context, "requestId", request.request_id));
  if (!is_safe_request_id(request.request_id)) request.request_id.clear();

  std::string body;
  BOOST_OUTCOME_TRYV(read_string(root, "body", body));
  const json* base64 = member(root, "isBase64Encoded");
  if (base64 != nullptr && !base64->is_boolean())
    return malformed("isBase64Encoded is not a boolean");
  if (base64 != nullptr && base64->get<bool>()) {
    auto decoded = base64_decode(body);
    if (!decoded) return malformed("body is not valid base64");
    body = std::move(decoded).value();
  }
  request.body = std::move(body);
  return request;
}

Result<std::string> event_response(const http::Response& response) {
  json headers = json::object();
  for (const auto& field : response.headers.fields()) {
    const std::string name = ascii_lower(field.name);
    if (!headers.contains(name)) headers[name] = response.headers.joined(field.name);
  }
  const bool text = is_valid_utf8(response.body);
  json document = {{"statusCode", response.status},
                   {"headers", std::move(headers)},
                   {"body", text ? response.body : base64_encode(response.body)},
                   {"isBase64Encoded", !text}};
  // Header values come from our own handlers; `replace` only guards against a non-UTF-8 one
  // turning the whole response into a dump exception.
  std::string encoded = document.dump(-1, ' ', false, json::error_handler_t::replace);
  if (encoded.size() > kMaxPayloadBytes) {
    return make_error(Errc::kPayloadTooLarge, "the response exceeds the Lambda payload limit");
  }
  return encoded;
}

}  // namespace badgesmith::lambda
