#include "core/http/client_address.h"

#include <gtest/gtest.h>

namespace badgesmith::http {
namespace {

TrustedProxies trusted(std::string_view csv) {
  auto parsed = TrustedProxies::parse(csv);
  EXPECT_TRUE(parsed) << csv;
  return std::move(parsed).value();
}

TEST(TrustedProxies, ParsesRangesAndRejectsGarbage) {
  const TrustedProxies proxies = trusted("10.0.0.0/8, 192.0.2.7,::1/128,2001:db8::/32");
  EXPECT_TRUE(proxies.contains("10.1.2.3"));
  EXPECT_FALSE(proxies.contains("11.0.0.1"));
  EXPECT_TRUE(proxies.contains("192.0.2.7"));
  EXPECT_FALSE(proxies.contains("192.0.2.8"));
  EXPECT_TRUE(proxies.contains("::1"));
  EXPECT_TRUE(proxies.contains("2001:db8:1::5"));
  EXPECT_FALSE(proxies.contains("2001:db9::1"));
  EXPECT_FALSE(proxies.contains("not-an-ip"));
  EXPECT_TRUE(trusted("").empty());

  for (const char* bad :
       {"300.1.1.1/8", "10.0.0.0/33", "::1/129", "10.0.0.0/", "host", "1.2.3.4/x"}) {
    EXPECT_FALSE(TrustedProxies::parse(bad)) << bad;
  }
}

TEST(TrustedProxies, OddPrefixLengths) {
  const TrustedProxies proxies = trusted("172.16.0.0/12");
  EXPECT_TRUE(proxies.contains("172.31.255.255"));
  EXPECT_FALSE(proxies.contains("172.32.0.0"));
  EXPECT_FALSE(proxies.contains("172.15.255.255"));
}

TEST(ClientAddress, ResolvesTheFirstUntrustedHopFromTheRight) {
  const TrustedProxies proxies = trusted("127.0.0.1,10.0.0.0/8");
  struct Case {
    const char* peer;
    const char* forwarded_for;
    const char* expected;
  } cases[] = {
      {"203.0.113.9", "1.1.1.1", "203.0.113.9"},  // Untrusted peer: its header is ignored.
      {"127.0.0.1", "", "127.0.0.1"},
      {"127.0.0.1", "198.51.100.4", "198.51.100.4"},
      {"127.0.0.1", "6.6.6.6, 198.51.100.4, 10.0.0.2", "198.51.100.4"},  // Spoofed left hop.
      {"127.0.0.1", "10.0.0.3, 10.0.0.2", "10.0.0.3"},
      {"127.0.0.1", "198.51.100.4, <script>", "127.0.0.1"},
      {"127.0.0.1", "2001:db8::1", "2001:db8::1"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(resolve_client_address(c.peer, c.forwarded_for, proxies), c.expected)
        << c.peer << " / " << c.forwarded_for;
  }
}

}  // namespace
}  // namespace badgesmith::http
