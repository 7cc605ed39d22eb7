// Router and pre-routing costs per request, to keep the hot path honest as routes are added.
#include <benchmark/benchmark.h>

#include "core/http/request_screen.h"
#include "core/routing/router.h"

namespace badgesmith {
namespace {

routing::Router make_router() {
  routing::Router router;
  const http::Handler noop = [](const http::Request&, http::Respond) {};
  router.add("GET", "/health", noop);
  router.add("GET", "/favicon.svg", noop);
  router.add("GET", "/badge/{content...}", noop);
  router.add("GET", "/badges/packages/nuget/{package}", noop);
  router.add("GET", "/badges/packages/nuget/{package}/downloads", noop);
  router.add("GET", "/badges/packages/github/{owner}/{package}", noop);
  router.add("GET", "/badges/tests/{platform}/{owner}/{repo}/{branch...}", noop);
  router.add("POST", "/tests/results/{platform}/{owner}/{repo}/{branch...}", noop);
  router.add("GET", "/redirect/test-results/{platform}/{owner}/{repo}/{branch...}", noop);
  return router;
}

void BM_MatchLiteral(benchmark::State& state) {
  const routing::Router router = make_router();
  routing::PathParams params;
  for (auto _ : state) {
    benchmark::DoNotOptimize(router.match("GET", "/health", routing::PathMode::kRaw, params));
  }
}
BENCHMARK(BM_MatchLiteral);

void BM_MatchEncodedTail(benchmark::State& state) {
  const routing::Router router = make_router();
  routing::PathParams params;
  for (auto _ : state) {
    benchmark::DoNotOptimize(router.match("GET",
                                          "/badges/tests/github/owner/repo/feature%2Fsome-branch",
                                          routing::PathMode::kRaw, params));
  }
}
BENCHMARK(BM_MatchEncodedTail);

void BM_ScreenHead(benchmark::State& state) {
  const std::string head =
      "GET /badges/packages/nuget/Newtonsoft.Json?prerelease=true HTTP/1.1\r\n"
      "Host: badges.example.com\r\nUser-Agent: Mozilla/5.0\r\nAccept: image/svg+xml\r\n"
      "Accept-Encoding: gzip, deflate, br\r\nConnection: keep-alive\r\n\r\n";
  const http::RequestLimits limits;
  for (auto _ : state) benchmark::DoNotOptimize(http::screen_request_head(head, limits));
}
BENCHMARK(BM_ScreenHead);

}  // namespace
}  // namespace badgesmith
