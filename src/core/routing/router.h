// Maps (method, path) to a handler. Routes are registered once at start-up; matching is then
// read-only, thread-safe and allocation-free, because it runs on every request.
//
// Pattern syntax: "/" or "/seg/seg/...", where each segment is a literal ("badges"), a param
// ("{package}") capturing one non-empty segment, or - as the last segment only - a tail
// ("{branch...}") capturing one or more remaining segments joined by '/'. At most
// PathParams::kMaxParams params per pattern. Param names are [A-Za-z0-9_]+ and unique per pattern
// (case-insensitively, since lookups are).
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/http/message.h"
#include "core/routing/path_params.h"

namespace badgesmith::routing {

// The methods a route can be registered for. The bit order is the order MethodSet prints in.
enum class MethodBit : std::uint8_t {
  kGet = 1 << 0,
  kHead = 1 << 1,
  kPost = 1 << 2,
  kPut = 1 << 3,
  kDelete = 1 << 4,
  kPatch = 1 << 5,
  kOptions = 1 << 6,
};

// Parses a method name. Method names are case-sensitive (RFC 9110 §9.1): "get" is not GET.
// Returns nullopt for any other method (TRACE, CONNECT, extension methods, "").
std::optional<MethodBit> parse_method(std::string_view method) noexcept;

// The canonical upper-case name, e.g. "GET".
std::string_view method_name(MethodBit method) noexcept;

// A small value set of MethodBits.
class MethodSet {
 public:
  constexpr MethodSet() noexcept = default;
  constexpr MethodSet(std::initializer_list<MethodBit> methods) noexcept {
    for (const MethodBit m : methods) add(m);
  }

  constexpr void add(MethodBit method) noexcept { bits_ |= static_cast<std::uint8_t>(method); }
  constexpr bool contains(MethodBit method) const noexcept {
    return (bits_ & static_cast<std::uint8_t>(method)) != 0;
  }
  // False for a method outside MethodBit. Case-sensitive, as parse_method.
  bool contains(std::string_view method) const noexcept;
  constexpr bool empty() const noexcept { return bits_ == 0; }
  constexpr std::uint8_t bits() const noexcept { return bits_; }

  // E.g. "GET, HEAD, OPTIONS", always in MethodBit order; "" when empty. Suitable for `Allow` and
  // `Access-Control-Allow-Methods`.
  std::string to_string() const;

  constexpr MethodSet& operator|=(MethodSet other) noexcept {
    bits_ |= other.bits_;
    return *this;
  }
  friend constexpr bool operator==(MethodSet, MethodSet) noexcept = default;

 private:
  std::uint8_t bits_ = 0;
};

// How match() reads the path.
enum class PathMode {
  // The raw request-target path, still percent-encoded (the HTTP server). Segments are split on
  // '/' first and then decoded exactly once, so "feature%2Fx" is one segment "feature/x".
  kRaw,
  // An already-decoded path (API Gateway / Lambda). Split on '/', never decoded: '%' is literal.
  kDecoded,
};

struct Match {
  enum class Kind {
    kFound,             // `handler` is set and the params were filled.
    kNotFound,          // No pattern matches the path; `allowed` is {OPTIONS}.
    kMethodNotAllowed,  // Some pattern matches but not for this method; see `allowed`.
    kBadPath,           // The path is malformed (see Router::match); answer 400.
  };

  Kind kind = Kind::kNotFound;
  // Owned by the router; non-null exactly when kind == kFound.
  const http::Handler* handler = nullptr;
  // Methods of every route whose pattern matches the path, plus HEAD where GET is present and
  // OPTIONS whenever any route matches. Empty for kBadPath.
  MethodSet allowed;
  // The chosen route's pattern (for logs and metrics) when kFound, else "". Owned by the router.
  std::string_view pattern;
};

// Not copyable (matches hand out pointers into it); movable before serving starts.
class Router {
 public:
  Router() = default;
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;
  Router(Router&&) noexcept = default;
  Router& operator=(Router&&) noexcept = default;
  ~Router() = default;

  // Registers `handler` for `method` (one of MethodBit, upper-case) on `pattern`. A GET
  // route also answers HEAD unless a HEAD route with the same specificity exists.
  // Throws std::invalid_argument on an unknown method, an empty handler, a malformed pattern,
  // more than PathParams::kMaxParams params, or a (method, pattern) pair already registered
  // (patterns that differ only in param names count as the same).
  // REQUIRES: called before any match(); not thread-safe.
  void add(std::string_view method, std::string_view pattern, http::Handler handler);

  // Finds the route for a request. `params` is cleared first and filled only on kFound; pass one
  // constructed beforehand and no allocation happens.
  //
  // kBadPath when the path does not start with '/', has an empty segment ("/a//b", or more than
  // one trailing '/'), has invalid percent-encoding (kRaw), or its captured values exceed
  // PathParams::kCapacity. One trailing '/' is ignored. Literals match ASCII case-insensitively
  // after decoding. When several patterns match, the most specific wins: at the first segment
  // where they differ, a literal beats a {param}, which beats a {tail...}; ties go to the route
  // registered first, except that an explicit HEAD route beats a GET one for HEAD.
  // An OPTIONS request without an OPTIONS route gives kMethodNotAllowed with OPTIONS in
  // `allowed`: the caller answers CORS preflight itself.
  Match match(std::string_view method, std::string_view path, PathMode mode,
              PathParams& params) const;

  // Calls f(std::string_view method, std::string_view pattern) for every route in registration
  // order, with the method in canonical upper case and the pattern as registered.
  template <class F>
  void for_each_route(F f) const {
    for (const auto& route : routes_) {
      f(method_name(route->method), std::string_view(route->pattern));
    }
  }

  std::size_t size() const noexcept { return routes_.size(); }

 private:
  struct Segment {
    enum class Kind : std::uint8_t { kLiteral, kParam, kTail };  // Most specific first.
    Kind kind = Kind::kLiteral;
    std::string_view text;  // Literal text or param name; points into Route::pattern.
  };
  struct Route {
    MethodBit method = MethodBit::kGet;
    std::string pattern;
    std::vector<Segment> segments;
    http::Handler handler;
  };

  // Heap-allocated so the handler pointers and name views handed out stay valid as routes_ grows
  // and when the router is moved.
  std::vector<std::unique_ptr<const Route>> routes_;
};

}  // namespace badgesmith::routing
