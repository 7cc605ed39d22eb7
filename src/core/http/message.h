// Plain request and response values shared by the transports (HTTP server, Lambda loop) and the
// handlers. Nothing here depends on Boost.Beast/Asio, so handlers compile without them.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/routing/path_params.h"

namespace badgesmith::http {

// Case-insensitive ASCII comparison, as header names and route literals need.
bool iequals(std::string_view a, std::string_view b) noexcept;

// `s` without leading and trailing optional white space (SP, HTAB; RFC 9110 §5.6.3).
std::string_view trim_ows(std::string_view s) noexcept;

// An ordered header list. Lookups are case-insensitive; names keep the case they were added with.
class Headers {
 public:
  struct Field {
    std::string name;
    std::string value;
  };

  // Returns the first value named `name`, or nullopt. The view is valid until the list changes.
  std::optional<std::string_view> get(std::string_view name) const noexcept;
  // Replaces every field named `name` with one field.
  // Every value named `name`, in order, joined by "," (RFC 9110 §5.3 field-line combination).
  std::string joined(std::string_view name) const;
  void set(std::string_view name, std::string_view value);
  void add(std::string_view name, std::string_view value);
  void remove(std::string_view name);

  const std::vector<Field>& fields() const noexcept { return fields_; }

 private:
  std::vector<Field> fields_;
};

struct Request {
  std::string method;            // As received, e.g. "GET".
  std::string path;              // Raw (still percent-encoded) path, or decoded in Lambda mode.
  bool path_is_decoded = false;  // API Gateway delivers decoded paths; see routing::PathMode.
  std::string query;             // Raw query string without '?'; may be empty.
  Headers headers;
  std::string body;
  std::string client_address;  // Socket peer, or the first untrusted X-Forwarded-For hop.
  std::string request_id;
  routing::PathParams params;  // Filled by the router.

  // Decoded value of query parameter `name` (first occurrence; '+' is a space), or nullopt.
  std::optional<std::string> query_param(std::string_view name) const;
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
};

// Completes a request. Callable exactly once, from any thread.
using Respond = std::function<void(Response)>;

// A route handler. `request` stays valid until `respond` has been called.
using Handler = std::function<void(const Request& request, Respond respond)>;

}  // namespace badgesmith::http
