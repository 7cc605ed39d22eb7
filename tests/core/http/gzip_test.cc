#include "core/http/gzip.h"

#include <gtest/gtest.h>

#include "loopback_upstream.h"

namespace badgesmith::http {
namespace {

using loopback::gzip;

TEST(Gunzip, DecodesUpToTheLimitInclusive) {
  const std::string text(100000, 'x');
  EXPECT_EQ(gunzip(gzip(text), text.size()).value(), text);
  EXPECT_EQ(gunzip(gzip(""), 0).value(), "");
  EXPECT_EQ(gunzip(gzip("abc"), 1 << 20).value(), "abc");
}

TEST(Gunzip, RefusesOverTheLimit) {
  const auto result = gunzip(gzip(std::string(100001, 'x')), 100000);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Errc::kUpstreamInvalid);
  EXPECT_NE(result.error().message.find("exceeds"), std::string::npos);
}

TEST(Gunzip, RefusesCorruptTruncatedAndTrailingData) {
  const std::string good = gzip("hello, upstream");
  std::string corrupt = good;
  corrupt[corrupt.size() / 2] ^= 0x55;
  for (const std::string& bad : {std::string("plain text"), good.substr(0, good.size() - 3),
                                 corrupt, good + "junk", std::string()}) {
    const auto result = gunzip(bad, 1 << 20);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, Errc::kUpstreamInvalid);
  }
}

}  // namespace
}  // namespace badgesmith::http
