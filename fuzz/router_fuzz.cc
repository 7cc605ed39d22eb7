// libFuzzer target for the router and the percent codec: hostile request targets must never
// crash, hang or break the documented contracts. Input layout: byte 0 picks the method (low 3
// bits; bit 3 lower-cases it); the rest is a request target "path[?query]".
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/routing/path_codec.h"
#include "core/routing/path_params.h"
#include "core/routing/router.h"

namespace {

using badgesmith::routing::Match;
using badgesmith::routing::MethodBit;
using badgesmith::routing::MethodSet;
using badgesmith::routing::PathMode;
using badgesmith::routing::PathParams;
using badgesmith::routing::Router;
namespace routing = badgesmith::routing;

void check(bool condition) {
  if (!condition) __builtin_trap();
}

const Router& router() {
  static const Router* const instance = [] {
    auto* r = new Router();
    const auto noop = [](const badgesmith::http::Request&, badgesmith::http::Respond) {};
    r->add("GET", "/", noop);
    r->add("GET", "/health", noop);
    r->add("GET", "/badges/packages/nuget/{package}", noop);
    r->add("GET", "/badges/tests/{platform}/{owner}/{repo}/{branch...}", noop);
    r->add("GET", "/badge/{content...}", noop);
    r->add("POST", "/tests/results/{platform}/{owner}/{repo}/{branch...}", noop);
    r->add("DELETE", "/tests/results/{platform}/{owner}/{repo}/{branch...}", noop);
    r->add("GET", "/redirect/test-results/{platform}/{owner}/{repo}/{branch...}", noop);
    r->add("GET", "/files/{path...}", noop);
    r->add("GET", "/files/{dir}/readme", noop);
    r->add("PUT", "/items/{id}", noop);
    r->add("OPTIONS", "/cors", noop);
    return r;
  }();
  return *instance;
}

std::size_t count_params(std::string_view pattern) {
  std::size_t n = 0;
  for (const char c : pattern) n += c == '{' ? 1 : 0;
  return n;
}

bool same_result(const Match& a, const PathParams& pa, const Match& b, const PathParams& pb) {
  if (a.kind != b.kind || a.handler != b.handler || !(a.allowed == b.allowed) ||
      a.pattern != b.pattern || pa.size() != pb.size()) {
    return false;
  }
  for (std::size_t i = 0; i < pa.size(); ++i) {
    if (pa.name(i) != pb.name(i) || pa.value(i) != pb.value(i)) return false;
  }
  return true;
}

void check_match(std::string_view method, std::string_view path, PathMode mode, const Match& m,
                 const PathParams& params) {
  const std::optional<MethodBit> bit = routing::parse_method(method);
  switch (m.kind) {
    case Match::Kind::kFound:
      check(m.handler != nullptr);
      check(!m.pattern.empty());
      check(params.size() == count_params(m.pattern));
      check(bit.has_value());
      check(m.allowed.contains(*bit));
      check(m.allowed.contains(MethodBit::kOptions));
      for (std::size_t i = 0; i < params.size(); ++i) {
        check(!params.name(i).empty());
        check(params.value(i).size() <= path.size());
        // Values are non-empty: empty segments are rejected and a tail needs one segment.
        check(!params.value(i).empty());
        if (mode == PathMode::kDecoded) {
          check(path.find(params.value(i)) != std::string_view::npos);
        }
      }
      break;
    case Match::Kind::kNotFound:
      check(m.handler == nullptr && params.size() == 0 && m.pattern.empty());
      check(m.allowed == MethodSet{MethodBit::kOptions});
      break;
    case Match::Kind::kMethodNotAllowed:
      check(m.handler == nullptr && params.size() == 0 && m.pattern.empty());
      check(m.allowed.contains(MethodBit::kOptions));
      // Had the method been allowed, it would have been found.
      if (bit && *bit != MethodBit::kOptions) check(!m.allowed.contains(*bit));
      break;
    case Match::Kind::kBadPath:
      check(m.handler == nullptr && params.size() == 0 && m.allowed.empty());
      break;
  }
}

void fuzz_router(std::string_view method, std::string_view path) {
  PathParams raw_params;
  PathParams decoded_params;
  const Match raw = router().match(method, path, PathMode::kRaw, raw_params);
  check_match(method, path, PathMode::kRaw, raw, raw_params);
  const Match decoded = router().match(method, path, PathMode::kDecoded, decoded_params);
  check_match(method, path, PathMode::kDecoded, decoded, decoded_params);

  // Without any '%' there is nothing to decode, so both modes must agree exactly.
  if (path.find('%') == std::string_view::npos) {
    check(same_result(raw, raw_params, decoded, decoded_params));
  }
  // Invalid encoding is a bad path in raw mode, whatever the route table says.
  if (!routing::is_valid_percent_encoding(path)) check(raw.kind == Match::Kind::kBadPath);

  // Matching is deterministic and a copied PathParams equals the original.
  PathParams again;
  const Match repeat = router().match(method, path, PathMode::kRaw, again);
  check(same_result(raw, raw_params, repeat, again));
  const PathParams copy = raw_params;
  check(same_result(raw, raw_params, raw, copy));

  // One trailing '/' is ignored.
  if (path.size() > 1 && path.back() != '/') {
    PathParams slash_params;
    const std::string slashed = std::string(path) + "/";
    const Match slashed_match = router().match(method, slashed, PathMode::kRaw, slash_params);
    check(same_result(raw, raw_params, slashed_match, slash_params));
  }
}

void fuzz_codec(std::string_view input, std::string_view query) {
  for (const bool plus : {false, true}) {
    std::string decoded;
    const bool ok = routing::percent_decode(input, decoded, plus);
    check(ok == routing::is_valid_percent_encoding(input));
    if (!ok) continue;
    check(decoded.size() == routing::percent_decoded_size(input));
    check(decoded.size() <= input.size());
    std::string into(decoded.size(), '\0');
    check(routing::percent_decode_into(input, into, plus) == decoded.size());
    check(into == decoded);
    if (!plus) check(routing::decoded_iequals(input, decoded));
  }

  const std::string encoded = routing::percent_encode_path_segment(input);
  std::string round_trip;
  check(routing::percent_decode(encoded, round_trip, false));
  check(round_trip == input);
  check(encoded.find('/') == std::string::npos);

  for (const std::string_view name : {std::string_view("label"), std::string_view("a"), input}) {
    const std::optional<std::string> value = routing::find_query_param(query, name);
    if (value) check(value->size() <= query.size());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr std::string_view kMethods[] = {"GET",    "HEAD",  "POST",    "PUT",
                                                  "DELETE", "PATCH", "OPTIONS", "TRACE"};
  static constexpr std::string_view kLowerMethods[] = {"get",    "head",  "post",    "put",
                                                       "delete", "patch", "options", "trace"};
  const std::string_view method =
      (data[0] & 0x08) != 0 ? kLowerMethods[data[0] & 0x07] : kMethods[data[0] & 0x07];
  const std::string_view target(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::size_t question = target.find('?');
  const std::string_view path = target.substr(0, question);
  const std::string_view query =
      question == std::string_view::npos ? std::string_view() : target.substr(question + 1);

  fuzz_router(method, path);
  fuzz_codec(path, query);
  return 0;
}
