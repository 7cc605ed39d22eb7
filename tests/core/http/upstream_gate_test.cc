#include "core/http/upstream_gate.h"

#include <gtest/gtest.h>

#include <optional>
#include <vector>

namespace badgesmith::http {
namespace {

using std::chrono::milliseconds;

class UpstreamGateTest : public testing::Test {
 protected:
  UpstreamGate make_gate(UpstreamGateOptions options) {
    return UpstreamGate(options, [this] { return now_; });
  }

  std::chrono::steady_clock::time_point now_{};
};

TEST_F(UpstreamGateTest, RefusesBeyondConcurrencyUntilAPermitIsReleased) {
  UpstreamGate gate = make_gate({.max_concurrent = 2, .rate_per_second = 100, .burst = 100});
  std::vector<UpstreamGate::Permit> held;
  held.push_back(gate.acquire("a").value());
  held.push_back(gate.acquire("a").value());
  const auto refused = gate.acquire("a");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Errc::kUpstreamUnavailable);
  EXPECT_EQ(refused.error().retry_after, std::chrono::seconds(1));
  EXPECT_TRUE(gate.acquire("b")) << "hosts are independent";

  held.pop_back();
  EXPECT_TRUE(gate.acquire("a"));
}

TEST_F(UpstreamGateTest, MovedFromPermitReleasesNothing) {
  UpstreamGate gate = make_gate({.max_concurrent = 1, .rate_per_second = 100, .burst = 100});
  std::optional<UpstreamGate::Permit> first(gate.acquire("a").value());
  UpstreamGate::Permit moved(std::move(*first));
  first.reset();
  EXPECT_FALSE(gate.acquire("a"));
}

TEST_F(UpstreamGateTest, TokenBucketAllowsBurstThenRefillsAtRate) {
  UpstreamGate gate = make_gate({.max_concurrent = 100, .rate_per_second = 2, .burst = 3});
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(gate.acquire("a")) << i;
  const auto refused = gate.acquire("a");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Errc::kUpstreamUnavailable);
  EXPECT_GE(refused.error().retry_after, std::chrono::seconds(1));

  now_ += milliseconds(499);
  EXPECT_FALSE(gate.acquire("a"));
  now_ += milliseconds(2);
  EXPECT_TRUE(gate.acquire("a"));
  EXPECT_FALSE(gate.acquire("a"));

  now_ += std::chrono::hours(1);  // Refill stops at the burst.
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(gate.acquire("a")) << i;
  EXPECT_FALSE(gate.acquire("a"));
}

TEST_F(UpstreamGateTest, RetryAfterReflectsTheWaitForOneToken) {
  UpstreamGate gate = make_gate({.max_concurrent = 100, .rate_per_second = 0.25, .burst = 1});
  EXPECT_TRUE(gate.acquire("a"));
  EXPECT_EQ(gate.acquire("a").error().retry_after, std::chrono::seconds(4));
  now_ += std::chrono::seconds(1);
  EXPECT_EQ(gate.acquire("a").error().retry_after, std::chrono::seconds(3));
  now_ += milliseconds(2500);
  EXPECT_EQ(gate.acquire("a").error().retry_after, std::chrono::seconds(1));
}

TEST_F(UpstreamGateTest, ARefusalSpendsNoToken) {
  UpstreamGate gate = make_gate({.max_concurrent = 1, .rate_per_second = 1, .burst = 2});
  UpstreamGate::Permit held = gate.acquire("a").value();
  EXPECT_FALSE(gate.acquire("a"));  // Concurrency, not rate.
  { UpstreamGate::Permit released = std::move(held); }
  EXPECT_TRUE(gate.acquire("a")) << "the second token is still there";
}

}  // namespace
}  // namespace badgesmith::http
