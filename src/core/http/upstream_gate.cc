#include "core/http/upstream_gate.h"

#include <algorithm>
#include <cmath>

namespace badgesmith::http {

UpstreamGate::Permit::~Permit() {
  if (host_ == nullptr) return;
  const std::lock_guard lock(gate_->mutex_);
  --host_->in_flight;
}

UpstreamGate::UpstreamGate(UpstreamGateOptions options, Clock clock)
    : options_(options),
      clock_(clock ? std::move(clock) : Clock(&std::chrono::steady_clock::now)) {}

Result<UpstreamGate::Permit> UpstreamGate::acquire(std::string_view host_name) {
  const auto now = clock_();
  const std::lock_guard lock(mutex_);
  auto [it, inserted] = hosts_.try_emplace(std::string(host_name));
  Host& host = it->second;
  if (inserted) {
    host.tokens = options_.burst;
  } else {
    const std::chrono::duration<double> elapsed = now - host.refilled;
    host.tokens =
        std::min(options_.burst, host.tokens + elapsed.count() * options_.rate_per_second);
  }
  host.refilled = now;

  if (host.in_flight >= options_.max_concurrent) {
    Error error = make_error(Errc::kUpstreamUnavailable,
                             "Too many requests to " + it->first + " in flight; retry later");
    error.retry_after = std::chrono::seconds(1);
    return error;
  }
  if (host.tokens < 1) {
    const double wait = (1 - host.tokens) / options_.rate_per_second;
    Error error = make_error(Errc::kUpstreamUnavailable,
                             "Request rate to " + it->first + " exceeded; retry later");
    error.retry_after = std::chrono::seconds(std::max<long>(1, std::lround(std::ceil(wait))));
    return error;
  }
  host.tokens -= 1;
  ++host.in_flight;
  return Permit(this, &host);
}

}  // namespace badgesmith::http
