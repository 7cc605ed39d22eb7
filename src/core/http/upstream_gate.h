// Admission control for outgoing requests, per upstream host: at most `max_concurrent` requests
// in flight and a token bucket of `rate_per_second` refilled up to `burst`. Refusal is immediate,
// so a stranger hammering our badge URLs cannot make us hammer nuget.org or GitHub on their behalf;
// the refusal carries the wait after which a retry could be admitted.
//
// Thread-safe. The gate must outlive every Permit it hands out. Hosts are never forgotten: they
// come from configuration, so the set stays small.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/result.h"

namespace badgesmith::http {

// REQUIRES: every field > 0.
struct UpstreamGateOptions {
  int max_concurrent = 16;
  double rate_per_second = 20;
  double burst = 50;
};

class UpstreamGate {
  struct Host;

 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  // Holds one of a host's concurrent slots until destroyed. Move-only.
  class Permit {
   public:
    Permit(Permit&& other) noexcept
        : gate_(other.gate_), host_(std::exchange(other.host_, nullptr)) {}
    Permit& operator=(Permit&&) = delete;
    ~Permit();

   private:
    friend class UpstreamGate;
    Permit(UpstreamGate* gate, Host* host) : gate_(gate), host_(host) {}
    UpstreamGate* gate_;
    Host* host_;  // Null once moved from.
  };

  // `clock` is injectable for tests; by default the steady clock.
  explicit UpstreamGate(UpstreamGateOptions options, Clock clock = {});
  UpstreamGate(const UpstreamGate&) = delete;
  UpstreamGate& operator=(const UpstreamGate&) = delete;

  // Takes a token and a concurrent slot for `host`, or neither: on refusal returns
  // kUpstreamUnavailable with `retry_after` of at least one second.
  Result<Permit> acquire(std::string_view host);

 private:
  struct Host {
    int in_flight = 0;
    double tokens = 0;
    std::chrono::steady_clock::time_point refilled;
  };

  const UpstreamGateOptions options_;
  const Clock clock_;
  std::mutex mutex_;
  std::unordered_map<std::string, Host> hosts_;  // Nodes are stable: permits point into them.
};

}  // namespace badgesmith::http
