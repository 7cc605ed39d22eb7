#include "core/routing/router.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

// --- Allocation counting -------------------------------------------------------------------------
// Replaces the global operator new for the whole unit-test binary, but only counts on the thread
// that asked, and only while it asked, so gtest and other suites (and their background threads)
// are unaffected. Over-aligned new is left alone: match() handles no over-aligned types.

namespace {
thread_local bool t_counting = false;
thread_local std::size_t t_allocations = 0;

void* counted_malloc(std::size_t size) noexcept {
  if (t_counting) ++t_allocations;
  return std::malloc(size == 0 ? 1 : size);
}

// Out of line so g++ cannot inline a delete next to the matching new and then misreport the
// free() as mismatched (-Wmismatched-new-delete).
[[gnu::noinline]] void counted_free(void* p) noexcept { std::free(p); }
}  // namespace

void* operator new(std::size_t size) {
  if (void* p = counted_malloc(size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
  if (void* p = counted_malloc(size)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  return counted_malloc(size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return counted_malloc(size);
}
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { counted_free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { counted_free(p); }

namespace badgesmith::routing {
namespace {

// Counts allocations made by this thread while in scope.
class AllocationCounter {
 public:
  AllocationCounter() noexcept {
    t_allocations = 0;
    t_counting = true;
  }
  ~AllocationCounter() { t_counting = false; }
  AllocationCounter(const AllocationCounter&) = delete;
  AllocationCounter& operator=(const AllocationCounter&) = delete;

  std::size_t count() const noexcept { return t_allocations; }
};

using Kind = Match::Kind;
using Params = std::vector<std::pair<std::string, std::string>>;

// A handler that answers with its own "METHOD pattern", so a test can tell which route won.
http::Handler tagged(std::string tag) {
  return [tag = std::move(tag)](const http::Request&, http::Respond respond) {
    http::Response response;
    response.body = tag;
    respond(std::move(response));
  };
}

std::string tag_of(const Match& match) {
  if (match.handler == nullptr) return "";
  std::string tag;
  (*match.handler)(http::Request{}, [&tag](http::Response response) { tag = response.body; });
  return tag;
}

void add_tagged(Router& router, std::string_view method, std::string_view pattern) {
  router.add(method, pattern, tagged(std::string(method) + " " + std::string(pattern)));
}

constexpr std::string_view kTestsRoute = "/badges/tests/{platform}/{owner}/{repo}/{branch...}";
constexpr std::string_view kResultsRoute = "/tests/results/{platform}/{owner}/{repo}/{branch...}";

Router make_router() {
  Router router;
  add_tagged(router, "GET", "/");
  add_tagged(router, "GET", "/health");
  add_tagged(router, "GET", "/badges/packages/nuget/{package}");
  add_tagged(router, "GET", "/badges/packages/nuget/special");  // Later, but a literal: wins.
  add_tagged(router, "GET", kTestsRoute);
  add_tagged(router, "GET", "/badge/{content...}");
  add_tagged(router, "POST", kResultsRoute);
  add_tagged(router, "DELETE", kResultsRoute);
  add_tagged(router, "GET", "/redirect/test-results/{platform}/{owner}/{repo}/{branch...}");
  // Precedence: a tail loses to a param, a param to a literal, at the first differing segment.
  add_tagged(router, "GET", "/files/{path...}");
  add_tagged(router, "GET", "/files/{dir}/readme");
  add_tagged(router, "GET", "/files/{dir}/{name}");
  add_tagged(router, "GET", "/a/{x}/c");
  add_tagged(router, "GET", "/a/b/{y}");
  // 405 sets: the union over every pattern that matches.
  add_tagged(router, "PUT", "/items/{id}");
  add_tagged(router, "PATCH", "/items/{id}");
  add_tagged(router, "DELETE", "/items/special");
  // An explicit HEAD beats the GET fallback even when registered later.
  add_tagged(router, "GET", "/both");
  add_tagged(router, "HEAD", "/both");
  add_tagged(router, "OPTIONS", "/cors");
  add_tagged(router, "GET", "/c++/{v}");
  add_tagged(router, "GET", "/caf\xc3\xa9");
  return router;
}

struct MatchCase {
  std::string_view method;
  std::string_view path;
  PathMode mode;
  Kind kind;
  std::string_view tag;  // The winning route as "METHOD pattern" when kFound.
  Params params;
  std::string_view allowed;  // Match::allowed.to_string().
};

constexpr auto kRaw = PathMode::kRaw;
constexpr auto kDecoded = PathMode::kDecoded;
constexpr std::string_view kGetHeadOptions = "GET, HEAD, OPTIONS";

std::string describe(const MatchCase& c) {
  return std::string(c.method) + " " + std::string(c.path) +
         (c.mode == kRaw ? " (raw)" : " (decoded)");
}

void run_cases(const Router& router, const std::vector<MatchCase>& cases) {
  for (const MatchCase& c : cases) {
    SCOPED_TRACE(describe(c));
    PathParams params;
    const Match match = router.match(c.method, c.path, c.mode, params);
    EXPECT_EQ(static_cast<int>(match.kind), static_cast<int>(c.kind));
    EXPECT_EQ(match.handler != nullptr, c.kind == Kind::kFound);
    EXPECT_EQ(tag_of(match), c.tag);
    if (c.kind == Kind::kFound) {
      EXPECT_EQ(c.tag.substr(c.tag.find(' ') + 1), match.pattern);
    } else {
      EXPECT_EQ(match.pattern, "");
    }
    EXPECT_EQ(match.allowed.to_string(), c.allowed);
    Params actual;
    for (std::size_t i = 0; i < params.size(); ++i) {
      actual.emplace_back(params.name(i), params.value(i));
    }
    EXPECT_EQ(actual, c.params);
  }
}

TEST(RouterTest, BasicPaths) {
  run_cases(
      make_router(),
      {
          {"GET", "/health", kRaw, Kind::kFound, "GET /health", {}, kGetHeadOptions},
          {"GET", "/health", kDecoded, Kind::kFound, "GET /health", {}, kGetHeadOptions},
          {"GET", "/HEALTH", kRaw, Kind::kFound, "GET /health", {}, kGetHeadOptions},
          // RFC 9110 §9.1: method names are case-sensitive.
          {"get", "/health", kRaw, Kind::kMethodNotAllowed, "", {}, kGetHeadOptions},
          {"GET", "/%68ealth", kRaw, Kind::kFound, "GET /health", {}, kGetHeadOptions},
          {"GET", "/%48EALTH", kRaw, Kind::kFound, "GET /health", {}, kGetHeadOptions},
          {"GET", "/%68ealth", kDecoded, Kind::kNotFound, "", {}, "OPTIONS"},
          {"GET", "/", kRaw, Kind::kFound, "GET /", {}, kGetHeadOptions},
          {"GET", "/nope", kRaw, Kind::kNotFound, "", {}, "OPTIONS"},
          {"GET", "/health/extra", kRaw, Kind::kNotFound, "", {}, "OPTIONS"},
          {"GET", "/healthz", kRaw, Kind::kNotFound, "", {}, "OPTIONS"},
          {"GET", "/caf\xc3\xa9", kRaw, Kind::kFound, "GET /caf\xc3\xa9", {}, kGetHeadOptions},
          {"GET", "/caf%C3%A9", kRaw, Kind::kFound, "GET /caf\xc3\xa9", {}, kGetHeadOptions},
          {"GET", "/CAF\xc3\xa9", kDecoded, Kind::kFound, "GET /caf\xc3\xa9", {}, kGetHeadOptions},
          {"GET", "/caf\xc3\x89", kRaw, Kind::kNotFound, "", {}, "OPTIONS"},  // Only ASCII folds.
      });
}

TEST(RouterTest, TrailingSlashAndBadPaths) {
  run_cases(
      make_router(),
      {
          {"GET", "/health/", kRaw, Kind::kFound, "GET /health", {}, kGetHeadOptions},
          {"GET", "/health/", kDecoded, Kind::kFound, "GET /health", {}, kGetHeadOptions},
          {"GET", "/health//", kRaw, Kind::kBadPath, "", {}, ""},
          {"GET", "/health//", kDecoded, Kind::kBadPath, "", {}, ""},
          {"GET", "//health", kRaw, Kind::kBadPath, "", {}, ""},
          {"GET", "//", kRaw, Kind::kBadPath, "", {}, ""},
          {"GET", "///", kRaw, Kind::kBadPath, "", {}, ""},
          {"GET", "/badges//tests", kRaw, Kind::kBadPath, "", {}, ""},
          {"GET", "/nope//x", kDecoded, Kind::kBadPath, "", {}, ""},
          {"GET", "", kRaw, Kind::kBadPath, "", {}, ""},
          {"GET", "health", kRaw, Kind::kBadPath, "", {}, ""},
          {"GET", "*", kDecoded, Kind::kBadPath, "", {}, ""},
          {"GET", "/health%", kRaw, Kind::kBadPath, "", {}, ""},
          {"GET", "/nope/%2", kRaw, Kind::kBadPath, "", {}, ""},  // Bad even where nothing matches.
          {"GET", "/%zz", kRaw, Kind::kBadPath, "", {}, ""},
          {"POST", "/health%", kRaw, Kind::kBadPath, "", {}, ""},
      });
}

TEST(RouterTest, BranchEncodings) {
  const std::string get = "GET " + std::string(kTestsRoute);
  auto found = [&](std::string_view path, PathMode mode, std::string_view branch,
                   std::string_view platform = "github") {
    return MatchCase{"GET",
                     path,
                     mode,
                     Kind::kFound,
                     get,
                     {{"platform", std::string(platform)},
                      {"owner", "octo"},
                      {"repo", "repo"},
                      {"branch", std::string(branch)}},
                     kGetHeadOptions};
  };
  run_cases(
      make_router(),
      {
          found("/badges/tests/github/octo/repo/main", kRaw, "main"),
          // Values keep their case.
          found("/badges/tests/GitHub/octo/repo/main", kRaw, "main", "GitHub"),
          found("/badges/tests/github/octo/repo/feature/x", kRaw, "feature/x"),
          found("/badges/tests/github/octo/repo/feature/x", kDecoded, "feature/x"),
          found("/badges/tests/github/octo/repo/feature%2Fx", kRaw, "feature/x"),
          found("/badges/tests/github/octo/repo/feature%2fx", kRaw, "feature/x"),
          found("/badges/tests/github/octo/repo/feature%2Fx", kDecoded, "feature%2Fx"),
          found("/badges/tests/github/octo/repo/feature%252Fx", kRaw, "feature%2Fx"),  // Once only.
          found("/badges/tests/github/octo/repo/v%2525", kRaw, "v%25"),
          found("/badges/tests/github/octo/repo/v%2525", kDecoded, "v%2525"),
          found("/badges/tests/github/octo/repo/100%", kDecoded, "100%"),
          found("/badges/tests/github/octo/repo/a+b", kRaw, "a+b"),
          found("/badges/tests/github/octo/repo/a+b", kDecoded, "a+b"),
          found("/badges/tests/github/octo/repo/a%2Bb", kRaw, "a+b"),
          found("/badges/tests/github/octo/repo/a%20b", kRaw, "a b"),
          found("/badges/tests/github/octo/repo/caf%C3%A9", kRaw, "caf\xc3\xa9"),
          found("/badges/tests/github/octo/repo/caf\xc3\xa9", kRaw, "caf\xc3\xa9"),
          found("/badges/tests/github/octo/repo/caf\xc3\xa9", kDecoded, "caf\xc3\xa9"),
          found("/badges/tests/github/octo/repo/a/b/c/", kRaw, "a/b/c"),  // Trailing '/' dropped.
          found("/badges/tests/github/octo/repo/%2F", kRaw, "/"),
          {"GET", "/badges/tests/github/octo/repo/100%", kRaw, Kind::kBadPath, "", {}, ""},
          {"GET", "/badges/tests/github/octo/repo/a//b", kRaw, Kind::kBadPath, "", {}, ""},
          // A tail needs at least one segment.
          {"GET", "/badges/tests/github/octo/repo", kRaw, Kind::kNotFound, "", {}, "OPTIONS"},
          {"GET", "/badges/tests/github/octo/repo/", kRaw, Kind::kNotFound, "", {}, "OPTIONS"},
      });
}

TEST(RouterTest, ParamsDecodeInRawModeOnly) {
  const Router router = make_router();
  PathParams params;
  Match m = router.match("GET", "/badges/tests/git%68ub/o%2Fx/r+1/b", kRaw, params);
  ASSERT_EQ(m.kind, Kind::kFound);
  EXPECT_EQ(params.get("platform"), "github");
  EXPECT_EQ(params.get("OWNER"), "o/x");  // Lookups ignore case.
  EXPECT_EQ(params.get("repo"), "r+1");
  m = router.match("GET", "/badge/build%2Fpassing-green/x", kRaw, params);
  ASSERT_EQ(m.kind, Kind::kFound);
  EXPECT_EQ(params.size(), 1u);
  EXPECT_EQ(params.get("content"), "build/passing-green/x");
  m = router.match("GET", "/badge/build%2Fpassing-green/x", kDecoded, params);
  ASSERT_EQ(m.kind, Kind::kFound);
  EXPECT_EQ(params.get("content"), "build%2Fpassing-green/x");
}

TEST(RouterTest, Precedence) {
  run_cases(
      make_router(),
      {
          {"GET",
           "/badges/packages/nuget/Newtonsoft.Json",
           kRaw,
           Kind::kFound,
           "GET /badges/packages/nuget/{package}",
           {{"package", "Newtonsoft.Json"}},
           kGetHeadOptions},
          {"GET",
           "/badges/packages/nuget/special",
           kRaw,
           Kind::kFound,
           "GET /badges/packages/nuget/special",
           {},
           kGetHeadOptions},
          {"GET",
           "/badges/packages/nuget/SPECIAL",
           kDecoded,
           Kind::kFound,
           "GET /badges/packages/nuget/special",
           {},
           kGetHeadOptions},
          {"GET",
           "/badges/packages/nuget/%73pecial",
           kRaw,
           Kind::kFound,
           "GET /badges/packages/nuget/special",
           {},
           kGetHeadOptions},
          {"GET", "/badges/packages/nuget/a/b", kRaw, Kind::kNotFound, "", {}, "OPTIONS"},
          // Tail vs param vs literal.
          {"GET",
           "/files/docs/readme",
           kRaw,
           Kind::kFound,
           "GET /files/{dir}/readme",
           {{"dir", "docs"}},
           kGetHeadOptions},
          {"GET",
           "/files/docs/other",
           kRaw,
           Kind::kFound,
           "GET /files/{dir}/{name}",
           {{"dir", "docs"}, {"name", "other"}},
           kGetHeadOptions},
          {"GET",
           "/files/docs",
           kRaw,
           Kind::kFound,
           "GET /files/{path...}",
           {{"path", "docs"}},
           kGetHeadOptions},
          {"GET",
           "/files/a/b/readme",
           kRaw,
           Kind::kFound,
           "GET /files/{path...}",
           {{"path", "a/b/readme"}},
           kGetHeadOptions},
          {"GET",
           "/files/a%2Fb/readme",
           kRaw,
           Kind::kFound,
           "GET /files/{dir}/readme",
           {{"dir", "a/b"}},
           kGetHeadOptions},
          // The first differing segment decides, not the number of literals.
          {"GET", "/a/b/c", kRaw, Kind::kFound, "GET /a/b/{y}", {{"y", "c"}}, kGetHeadOptions},
          {"GET", "/a/z/c", kRaw, Kind::kFound, "GET /a/{x}/c", {{"x", "z"}}, kGetHeadOptions},
          // '+' is a literal plus in literals as in values.
          {"GET", "/c++/x", kRaw, Kind::kFound, "GET /c++/{v}", {{"v", "x"}}, kGetHeadOptions},
          {"GET", "/c%2B%2b/x", kRaw, Kind::kFound, "GET /c++/{v}", {{"v", "x"}}, kGetHeadOptions},
          {"GET", "/c%2B%2B/x", kDecoded, Kind::kNotFound, "", {}, "OPTIONS"},
          {"GET", "/c%20%20/x", kRaw, Kind::kNotFound, "", {}, "OPTIONS"},
      });
}

TEST(RouterTest, MethodsAndAllowedSets) {
  const std::string results_post = "POST " + std::string(kResultsRoute);
  const std::string results_delete = "DELETE " + std::string(kResultsRoute);
  const Params results_params = {
      {"platform", "github"}, {"owner", "o"}, {"repo", "r"}, {"branch", "main"}};
  run_cases(make_router(),
            {
                {"HEAD", "/health", kRaw, Kind::kFound, "GET /health", {}, kGetHeadOptions},
                {"head", "/health", kRaw, Kind::kMethodNotAllowed, "", {}, kGetHeadOptions},
                {"POST", "/health", kRaw, Kind::kMethodNotAllowed, "", {}, kGetHeadOptions},
                {"OPTIONS", "/health", kRaw, Kind::kMethodNotAllowed, "", {}, kGetHeadOptions},
                {"TRACE", "/health", kRaw, Kind::kMethodNotAllowed, "", {}, kGetHeadOptions},
                {"", "/health", kRaw, Kind::kMethodNotAllowed, "", {}, kGetHeadOptions},
                {"TRACE", "/nope", kRaw, Kind::kNotFound, "", {}, "OPTIONS"},
                {"POST", "/tests/results/github/o/r/main", kRaw, Kind::kFound, results_post,
                 results_params, "POST, DELETE, OPTIONS"},
                {"DELETE", "/tests/results/github/o/r/main", kRaw, Kind::kFound, results_delete,
                 results_params, "POST, DELETE, OPTIONS"},
                {"GET",
                 "/tests/results/github/o/r/main",
                 kRaw,
                 Kind::kMethodNotAllowed,
                 "",
                 {},
                 "POST, DELETE, OPTIONS"},
                {"HEAD",
                 "/tests/results/github/o/r/main",
                 kRaw,
                 Kind::kMethodNotAllowed,
                 "",
                 {},
                 "POST, DELETE, OPTIONS"},
                // Union over /items/{id} (PUT, PATCH) and /items/special (DELETE).
                {"GET",
                 "/items/special",
                 kRaw,
                 Kind::kMethodNotAllowed,
                 "",
                 {},
                 "PUT, DELETE, PATCH, OPTIONS"},
                {"GET", "/items/7", kRaw, Kind::kMethodNotAllowed, "", {}, "PUT, PATCH, OPTIONS"},
                // A less specific route still serves a method the more specific one lacks.
                {"PUT",
                 "/items/special",
                 kRaw,
                 Kind::kFound,
                 "PUT /items/{id}",
                 {{"id", "special"}},
                 "PUT, DELETE, PATCH, OPTIONS"},
                {"DELETE",
                 "/items/special",
                 kRaw,
                 Kind::kFound,
                 "DELETE /items/special",
                 {},
                 "PUT, DELETE, PATCH, OPTIONS"},
                {"HEAD", "/both", kRaw, Kind::kFound, "HEAD /both", {}, kGetHeadOptions},
                {"GET", "/both", kRaw, Kind::kFound, "GET /both", {}, kGetHeadOptions},
                {"OPTIONS", "/cors", kRaw, Kind::kFound, "OPTIONS /cors", {}, "OPTIONS"},
                {"GET", "/cors", kRaw, Kind::kMethodNotAllowed, "", {}, "OPTIONS"},
            });
}

TEST(RouterTest, ParamsAreClearedWhenNotFound) {
  const Router router = make_router();
  PathParams params;
  ASSERT_EQ(router.match("GET", "/badge/x", kRaw, params).kind, Kind::kFound);
  ASSERT_EQ(params.size(), 1u);
  EXPECT_EQ(router.match("GET", "/nope", kRaw, params).kind, Kind::kNotFound);
  EXPECT_EQ(params.size(), 0u);
  ASSERT_EQ(router.match("GET", "/badge/x", kRaw, params).kind, Kind::kFound);
  EXPECT_EQ(router.match("GET", "//", kRaw, params).kind, Kind::kBadPath);
  EXPECT_EQ(params.size(), 0u);
}

TEST(RouterTest, ValuesLongerThanCapacityAreBadPaths) {
  const Router router = make_router();
  PathParams params;
  std::string path = "/badge/" + std::string(PathParams::kCapacity, 'a');
  EXPECT_EQ(router.match("GET", path, kRaw, params).kind, Kind::kFound);
  EXPECT_EQ(params.get("content").size(), PathParams::kCapacity);
  path += "a";
  EXPECT_EQ(router.match("GET", path, kRaw, params).kind, Kind::kBadPath);
  EXPECT_EQ(params.size(), 0u);
  // Capacity counts decoded bytes: 4096 escapes decode to 4096 bytes and fit.
  std::string encoded = "/badge/";
  for (std::size_t i = 0; i < PathParams::kCapacity; ++i) encoded += "%41";
  EXPECT_EQ(router.match("GET", encoded, kRaw, params).kind, Kind::kFound);
  EXPECT_EQ(router.match("GET", encoded, kDecoded, params).kind, Kind::kBadPath);
}

TEST(RouterTest, EightParamsAcceptedNineRejected) {
  Router router;
  router.add("GET", "/{a}/{b}/{c}/{d}/{e}/{f}/{g}/{h...}", tagged("8"));
  PathParams params;
  const Match m = router.match("GET", "/1/2/3/4/5/6/7/8/9", kRaw, params);
  ASSERT_EQ(m.kind, Kind::kFound);
  EXPECT_EQ(params.size(), 8u);
  EXPECT_EQ(params.get("h"), "8/9");
  EXPECT_THROW(router.add("GET", "/x/{a}/{b}/{c}/{d}/{e}/{f}/{g}/{h}/{i}", tagged("9")),
               std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/{a}/{b}/{c}/{d}/{e}/{f}/{g}/{h}/{i...}", tagged("9")),
               std::invalid_argument);
}

TEST(RouterTest, AddRejectsMalformedPatterns) {
  const std::string_view bad_patterns[] = {
      "",       "health", "/health/",  "//",          "/a//b",    "/{}",
      "/{...}", "/{a",    "/a}",       "/x{a}",       "/{a}x",    "/{a-b}",
      "/{a.b}", "/{a..}", "/{a...}/b", "/{a...}/{b}", "/{a}/{A}", "/{a}/{a...}",
      "/%41",   "/a?b",   "/a#b",      "/a b",        "/a\tb",    "/{ a}",
  };
  for (const std::string_view pattern : bad_patterns) {
    Router router;
    EXPECT_THROW(router.add("GET", pattern, tagged("x")), std::invalid_argument) << pattern;
    EXPECT_EQ(router.size(), 0u) << pattern;
  }
}

TEST(RouterTest, AddRejectsBadMethodsHandlersAndDuplicates) {
  Router router;
  EXPECT_THROW(router.add("TRACE", "/x", tagged("x")), std::invalid_argument);
  EXPECT_THROW(router.add("", "/x", tagged("x")), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/x", http::Handler()), std::invalid_argument);

  router.add("GET", "/health", tagged("x"));
  EXPECT_THROW(router.add("GET", "/health", tagged("x")), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/HEALTH", tagged("x")), std::invalid_argument);
  EXPECT_THROW(router.add("get", "/other", tagged("x")), std::invalid_argument);
  router.add("POST", "/health", tagged("x"));  // Same pattern, other method: fine.

  router.add("GET", "/x/{a}", tagged("x"));
  EXPECT_THROW(router.add("GET", "/x/{b}", tagged("x")), std::invalid_argument);
  router.add("GET", "/x/{a...}", tagged("x"));  // A tail is a different shape.
  router.add("GET", "/x/a", tagged("x"));
  EXPECT_EQ(router.size(), 5u);
}

TEST(RouterTest, ForEachRoute) {
  Router router;
  router.add("GET", "/health", tagged("x"));
  router.add("POST", "/tests/results/{platform}/{owner}/{repo}/{branch...}", tagged("x"));
  std::vector<std::string> seen;
  router.for_each_route([&seen](std::string_view method, std::string_view pattern) {
    seen.push_back(std::string(method) + " " + std::string(pattern));
  });
  EXPECT_EQ(seen, (std::vector<std::string>{
                      "GET /health", "POST /tests/results/{platform}/{owner}/{repo}/{branch...}"}));
}

TEST(RouterTest, MatchesSurviveRouterMoveAndGrowth) {
  Router router;
  router.add("GET", "/s/{v}", tagged("GET /s/{v}"));  // Short pattern: SSO-sized.
  for (int i = 0; i < 50; ++i) router.add("GET", "/grow/" + std::to_string(i), tagged("x"));
  const Router moved = std::move(router);
  PathParams params;
  const Match m = moved.match("GET", "/s/1", kRaw, params);
  ASSERT_EQ(m.kind, Kind::kFound);
  EXPECT_EQ(tag_of(m), "GET /s/{v}");
  EXPECT_EQ(params.name(0), "v");
  const PathParams copy = params;
  EXPECT_EQ(copy.get("v"), "1");
}

TEST(RouterTest, ConcurrentMatchesAgree) {
  const Router router = make_router();
  auto work = [&router](bool& ok) {
    PathParams params;
    for (int i = 0; i < 2000; ++i) {
      const Match m =
          router.match("GET", "/badges/tests/github/octo/repo/feature%2Fx", kRaw, params);
      ok = ok && m.kind == Kind::kFound && params.get("branch") == "feature/x";
    }
  };
  bool ok1 = true;
  bool ok2 = true;
  std::thread t1(work, std::ref(ok1));
  std::thread t2(work, std::ref(ok2));
  t1.join();
  t2.join();
  EXPECT_TRUE(ok1);
  EXPECT_TRUE(ok2);
}

TEST(MethodSetTest, ContainsAndToString) {
  MethodSet set{MethodBit::kOptions, MethodBit::kGet, MethodBit::kHead};
  EXPECT_EQ(set.to_string(), "GET, HEAD, OPTIONS");
  EXPECT_FALSE(set.contains("get"));
  EXPECT_TRUE(set.contains("OPTIONS"));
  EXPECT_FALSE(set.contains("POST"));
  EXPECT_FALSE(set.contains("TRACE"));
  EXPECT_FALSE(set.contains(""));
  EXPECT_EQ(MethodSet().to_string(), "");
  EXPECT_TRUE(MethodSet().empty());
  MethodSet all;
  for (const auto bit : {MethodBit::kPatch, MethodBit::kOptions, MethodBit::kDelete,
                         MethodBit::kPut, MethodBit::kPost, MethodBit::kHead, MethodBit::kGet}) {
    all.add(bit);
  }
  EXPECT_EQ(all.to_string(), "GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS");
  EXPECT_EQ(parse_method("PATCH"), MethodBit::kPatch);
  EXPECT_EQ(parse_method("pAtCh"), std::nullopt);
  EXPECT_EQ(parse_method("GETS"), std::nullopt);
  EXPECT_EQ(method_name(MethodBit::kDelete), "DELETE");
}

TEST(RouterAllocationTest, CounterCountsThisThread) {
  AllocationCounter counter;
  void* p = ::operator new(16);  // Direct calls cannot be elided by the optimiser.
  ::operator delete(p);
  EXPECT_EQ(counter.count(), 1u);
}

TEST(RouterAllocationTest, MatchNeverAllocates) {
  const Router router = make_router();
  std::string long_tail = "/badge/";
  for (int i = 0; i < 200; ++i) long_tail += "seg%2F%41/";  // Longer than any SSO buffer.
  struct Case {
    std::string_view method;
    std::string_view path;
    PathMode mode;
    Kind kind;
  };
  const Case cases[] = {
      {"GET", "/health", kRaw, Kind::kFound},
      {"HEAD", "/HEALTH/", kDecoded, Kind::kFound},
      {"GET", "/badges/tests/github/octo/repo/feature%2Fx", kRaw, Kind::kFound},
      {"GET", "/badges/tests/github/octo/repo/feature/x/y", kDecoded, Kind::kFound},
      {"GET", "/badges/tests/github/octo/repo/100%", kDecoded, Kind::kFound},
      {"GET", long_tail, kRaw, Kind::kFound},
      {"GET", long_tail, kDecoded, Kind::kFound},
      {"GET", "/badges/packages/nuget/%73pecial", kRaw, Kind::kFound},
      {"GET", "/nope/nothing/here", kRaw, Kind::kNotFound},
      {"GET", "/nope/nothing/here", kDecoded, Kind::kNotFound},
      {"POST", "/health", kRaw, Kind::kMethodNotAllowed},
      {"TRACE", "/items/special", kDecoded, Kind::kMethodNotAllowed},
      {"GET", "/health//", kRaw, Kind::kBadPath},
      {"GET", "/badge/%zz", kRaw, Kind::kBadPath},
      {"GET", "relative", kDecoded, Kind::kBadPath},
  };
  PathParams params;  // Constructed beforehand, as the transports do.
  for (const Case& c : cases) {
    Match m;
    std::size_t allocations = 0;
    {
      AllocationCounter counter;
      m = router.match(c.method, c.path, c.mode, params);
      allocations = counter.count();
    }
    EXPECT_EQ(allocations, 0u) << c.method << " " << c.path;
    EXPECT_EQ(static_cast<int>(m.kind), static_cast<int>(c.kind)) << c.method << " " << c.path;
  }
}

}  // namespace
}  // namespace badgesmith::routing
