#include "features/health/routes.h"

#include <cstdio>
#include <ctime>
#include <memory>
#include <mutex>
#include <optional>

#include "core/json_string.h"

namespace badgesmith::health {

namespace {

// A store probe costs a pool hop; five seconds of staleness is fine for a health check and
// keeps a flood of /health requests from queueing behind real work.
constexpr auto kProbeTtl = std::chrono::seconds(5);

// The .NET service's format: ISO 8601 with seven fractional digits and an explicit +00:00.
std::string dotnet_timestamp_now() {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  const auto ticks = std::chrono::duration_cast<std::chrono::nanoseconds>(now).count() / 100;
  const std::time_t seconds = static_cast<std::time_t>(ticks / 10'000'000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buffer[48];
  const int n = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%07lld+00:00",
                              tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                              tm.tm_sec, static_cast<long long>(ticks % 10'000'000));
  return std::string(buffer, static_cast<std::size_t>(n));
}

class ProbeCache {
 public:
  std::optional<bool> fresh_result() {
    std::lock_guard lock(mutex_);
    if (checked_at_ && std::chrono::steady_clock::now() - *checked_at_ < kProbeTtl) return is_ok_;
    return std::nullopt;
  }
  void store_result(bool is_ok) {
    std::lock_guard lock(mutex_);
    checked_at_ = std::chrono::steady_clock::now();
    is_ok_ = is_ok;
  }

 private:
  std::mutex mutex_;
  std::optional<std::chrono::steady_clock::time_point> checked_at_;  // Guarded by mutex_.
  bool is_ok_ = false;                                               // Guarded by mutex_.
};

http::Response health_response(bool store_ok, std::chrono::steady_clock::time_point started) {
  http::Response response;
  response.status = store_ok ? 200 : 503;
  const auto uptime =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started)
          .count();
  std::string& body = response.body;
  body = store_ok ? "{\"status\":\"Healthy\"" : "{\"status\":\"Unhealthy\"";
  body += ",\"time_stamp\":";
  append_json_string(body, dotnet_timestamp_now());
  body += ",\"version\":";
  append_json_string(body, BADGESMITH_VERSION);
  body += ",\"uptime_s\":" + std::to_string(uptime);
  body += store_ok ? ",\"store\":\"ok\"}" : ",\"store\":\"error\"}";
  response.headers.set("Content-Type", "application/json; charset=utf-8");
  response.headers.set("Cache-Control", "no-store");
  if (!store_ok) response.headers.set("Retry-After", "5");
  return response;
}

}  // namespace

void add_routes(routing::Router& router, const HealthDeps& deps) {
  auto cache = std::make_shared<ProbeCache>();
  router.add("GET", "/health", [deps, cache](const http::Request&, http::Respond respond) {
    if (const auto cached = cache->fresh_result()) {
      return respond(health_response(*cached, deps.started));
    }
    deps.probe_store([deps, cache, respond = std::move(respond)](const Result<void>& probed) {
      cache->store_result(probed.has_value());
      respond(health_response(probed.has_value(), deps.started));
    });
  });
}

}  // namespace badgesmith::health
