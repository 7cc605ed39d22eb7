#include "core/routing/router.h"

#include <array>
#include <stdexcept>
#include <utility>

#include "core/routing/path_codec.h"

namespace badgesmith::routing {

namespace {

struct MethodEntry {
  MethodBit bit;
  std::string_view name;
};

// In MethodBit order, which is also the order MethodSet::to_string prints.
constexpr std::array<MethodEntry, 7> kMethods = {{
    {MethodBit::kGet, "GET"},
    {MethodBit::kHead, "HEAD"},
    {MethodBit::kPost, "POST"},
    {MethodBit::kPut, "PUT"},
    {MethodBit::kDelete, "DELETE"},
    {MethodBit::kPatch, "PATCH"},
    {MethodBit::kOptions, "OPTIONS"},
}};

constexpr std::string_view kTailSuffix = "...";

bool is_name_char(char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_literal_char(char c) noexcept {
  const auto byte = static_cast<unsigned char>(c);
  // '%' is refused because literals are compared with the decoded path, so an escape in a pattern
  // could never match what its author meant; '?' and '#' cannot appear in a path at all.
  return byte > 0x20 && byte != 0x7F && c != '{' && c != '}' && c != '%' && c != '?' && c != '#';
}

[[noreturn]] void throw_bad_pattern(std::string_view pattern, std::string_view why) {
  throw std::invalid_argument("route pattern \"" + std::string(pattern) +
                              "\": " + std::string(why));
}

// A request path split lazily on '/', so matching needs no segment array.
class SegmentCursor {
 public:
  explicit SegmentCursor(std::string_view body) noexcept : rest_(body) {}

  std::string_view next() noexcept {
    const std::size_t slash = rest_.find('/');
    const std::string_view segment = rest_.substr(0, slash);
    rest_ = slash == std::string_view::npos ? std::string_view() : rest_.substr(slash + 1);
    return segment;
  }
  // Everything not yet consumed: what a tail param captures.
  std::string_view rest() const noexcept { return rest_; }

 private:
  std::string_view rest_;
};

}  // namespace

std::optional<MethodBit> parse_method(std::string_view method) noexcept {
  for (const MethodEntry& entry : kMethods) {
    if (entry.name == method) return entry.bit;
  }
  return std::nullopt;
}

std::string_view method_name(MethodBit method) noexcept {
  for (const MethodEntry& entry : kMethods) {
    if (entry.bit == method) return entry.name;
  }
  return {};
}

bool MethodSet::contains(std::string_view method) const noexcept {
  const std::optional<MethodBit> bit = parse_method(method);
  return bit.has_value() && contains(*bit);
}

std::string MethodSet::to_string() const {
  std::string out;
  for (const MethodEntry& entry : kMethods) {
    if (!contains(entry.bit)) continue;
    if (!out.empty()) out += ", ";
    out += entry.name;
  }
  return out;
}

void Router::add(std::string_view method, std::string_view pattern, http::Handler handler) {
  const std::optional<MethodBit> bit = parse_method(method);
  if (!bit) throw std::invalid_argument("route method \"" + std::string(method) + "\" unsupported");
  if (!handler) throw_bad_pattern(pattern, "empty handler");

  auto route = std::make_unique<Route>();
  route->method = *bit;
  route->pattern = std::string(pattern);
  route->handler = std::move(handler);
  // Views into route->pattern: its heap buffer (or, for short patterns, the Route itself, which
  // is on the heap too) never moves.
  const std::string_view text = route->pattern;

  if (text.empty() || text.front() != '/') throw_bad_pattern(pattern, "must start with '/'");
  std::size_t param_count = 0;
  if (text.size() > 1) {
    SegmentCursor cursor(text.substr(1));
    bool more = true;
    while (more) {
      more = cursor.rest().find('/') != std::string_view::npos;
      const std::string_view segment = cursor.next();
      if (segment.empty()) throw_bad_pattern(pattern, "empty segment or trailing '/'");
      if (!route->segments.empty() && route->segments.back().kind == Segment::Kind::kTail) {
        throw_bad_pattern(pattern, "a {tail...} must be the last segment");
      }

      if (segment.front() != '{') {
        for (const char c : segment) {
          if (!is_literal_char(c)) throw_bad_pattern(pattern, "invalid character in literal");
        }
        route->segments.push_back(Segment{Segment::Kind::kLiteral, segment});
        continue;
      }

      if (segment.size() < 3 || segment.back() != '}') {
        throw_bad_pattern(pattern, "a param segment is exactly {name} or {name...}");
      }
      std::string_view name = segment.substr(1, segment.size() - 2);
      Segment::Kind kind = Segment::Kind::kParam;
      if (name.size() > kTailSuffix.size() &&
          name.substr(name.size() - kTailSuffix.size()) == kTailSuffix) {
        name.remove_suffix(kTailSuffix.size());
        kind = Segment::Kind::kTail;
      }
      if (name.empty()) throw_bad_pattern(pattern, "empty param name");
      for (const char c : name) {
        if (!is_name_char(c)) throw_bad_pattern(pattern, "param names are [A-Za-z0-9_]+");
      }
      for (const Segment& earlier : route->segments) {
        if (earlier.kind != Segment::Kind::kLiteral && ascii_iequals(earlier.text, name)) {
          throw_bad_pattern(pattern, "duplicate param name");
        }
      }
      if (++param_count > PathParams::kMaxParams) throw_bad_pattern(pattern, "too many params");
      route->segments.push_back(Segment{kind, name});
    }
  }

  for (const auto& existing : routes_) {
    if (existing->method != route->method || existing->segments.size() != route->segments.size()) {
      continue;
    }
    bool same_shape = true;
    for (std::size_t i = 0; i < route->segments.size() && same_shape; ++i) {
      const Segment& a = existing->segments[i];
      const Segment& b = route->segments[i];
      same_shape =
          a.kind == b.kind && (a.kind != Segment::Kind::kLiteral || ascii_iequals(a.text, b.text));
    }
    if (same_shape) throw_bad_pattern(pattern, "already registered for " + std::string(method));
  }

  routes_.push_back(std::move(route));
}

namespace {

// Negative when `a` is more specific than `b`, positive when less, 0 on a tie. Only meaningful
// for two routes that both match one path.
template <class Segments>
int compare_specificity(const Segments& a, const Segments& b) noexcept {
  const std::size_t n = a.size() < b.size() ? a.size() : b.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i].kind != b[i].kind) return static_cast<int>(a[i].kind) - static_cast<int>(b[i].kind);
  }
  return 0;
}

}  // namespace

Match Router::match(std::string_view method, std::string_view path, PathMode mode,
                    PathParams& params) const {
  params.clear();
  Match bad;
  bad.kind = Match::Kind::kBadPath;

  if (path.empty() || path.front() != '/') return bad;
  // `body` is the path without its leading '/' and one optional trailing '/'; "/" is the root.
  std::string_view body = path.substr(1);
  std::size_t segment_count = 0;
  if (!body.empty()) {
    if (body.back() == '/') body.remove_suffix(1);
    // Counting also rejects empty segments up front, so matching below can assume none.
    segment_count = 1;
    char previous = '/';
    for (const char c : body) {
      if (c == '/') {
        if (previous == '/') return bad;
        ++segment_count;
      }
      previous = c;
    }
    if (previous == '/') return bad;  // Also catches "//": body was "/", now "".
  }
  if (mode == PathMode::kRaw && !is_valid_percent_encoding(body)) return bad;

  const std::optional<MethodBit> requested = parse_method(method);
  MethodSet allowed;
  const Route* best = nullptr;
  bool best_exact = false;  // Whether `best` has the requested method rather than GET for HEAD.

  for (const auto& route_ptr : routes_) {
    const Route& route = *route_ptr;
    const std::size_t n = route.segments.size();
    const bool has_tail = n > 0 && route.segments.back().kind == Segment::Kind::kTail;
    if (has_tail ? segment_count < n : segment_count != n) continue;

    SegmentCursor cursor(body);
    bool matched = true;
    for (const Segment& segment : route.segments) {
      if (segment.kind != Segment::Kind::kLiteral) {
        if (segment.kind == Segment::Kind::kParam) cursor.next();
        continue;
      }
      const std::string_view piece = cursor.next();
      matched = mode == PathMode::kRaw ? decoded_iequals(piece, segment.text)
                                       : ascii_iequals(piece, segment.text);
      if (!matched) break;
    }
    if (!matched) continue;

    allowed.add(route.method);
    if (route.method == MethodBit::kGet) allowed.add(MethodBit::kHead);
    if (!requested) continue;
    const bool exact = route.method == *requested;
    if (!exact && !(*requested == MethodBit::kHead && route.method == MethodBit::kGet)) continue;
    if (best != nullptr) {
      const int order = compare_specificity(route.segments, best->segments);
      if (order > 0 || (order == 0 && (best_exact || !exact))) continue;
    }
    best = &route;
    best_exact = exact;
  }

  Match result;
  if (allowed.empty()) {
    result.kind = Match::Kind::kNotFound;
    result.allowed = MethodSet{MethodBit::kOptions};
    return result;
  }
  allowed.add(MethodBit::kOptions);
  result.allowed = allowed;
  if (best == nullptr) {
    result.kind = Match::Kind::kMethodNotAllowed;
    return result;
  }

  SegmentCursor cursor(body);
  for (const Segment& segment : best->segments) {
    if (segment.kind == Segment::Kind::kLiteral) {
      cursor.next();
      continue;
    }
    // Tail values need no re-joining: decoding never touches the '/' separators, so decoding the
    // remainder at once equals decoding each segment and joining with '/'.
    const std::string_view value =
        segment.kind == Segment::Kind::kTail ? cursor.rest() : cursor.next();
    const bool ok = params.begin(segment.text) &&
                    (mode == PathMode::kRaw ? params.append_decoded(value) : params.append(value));
    if (!ok) {
      params.clear();
      return bad;
    }
  }
  result.kind = Match::Kind::kFound;
  result.handler = &best->handler;
  result.pattern = best->pattern;
  return result;
}

}  // namespace badgesmith::routing
