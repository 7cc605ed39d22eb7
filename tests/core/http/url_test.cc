#include "core/http/url.h"

#include <gtest/gtest.h>

namespace badgesmith::http {
namespace {

TEST(Url, ParsesHttpsWithDefaultsAndExplicitParts) {
  const Url nuget = parse_upstream_url("https://API.NuGet.org/v3/index.json?x=1#frag").value();
  EXPECT_TRUE(nuget.tls);
  EXPECT_EQ(nuget.host, "api.nuget.org");
  EXPECT_EQ(nuget.port, 443);
  EXPECT_EQ(nuget.target, "/v3/index.json?x=1");
  EXPECT_EQ(nuget.authority(), "api.nuget.org");

  const Url bare = parse_upstream_url("https://example.com:8443").value();
  EXPECT_EQ(bare.port, 8443);
  EXPECT_EQ(bare.target, "/");
  EXPECT_EQ(bare.authority(), "example.com:8443");
  EXPECT_EQ(parse_upstream_url("https://example.com?q").value().target, "/?q");
}

TEST(Url, ParsesBracketedIpv6) {
  const Url v6 = parse_upstream_url("http://[::1]:8080/p").value();
  EXPECT_FALSE(v6.tls);
  EXPECT_EQ(v6.host, "::1");
  EXPECT_EQ(v6.port, 8080);
  EXPECT_EQ(v6.authority(), "[::1]:8080");
  EXPECT_EQ(parse_upstream_url("https://[2001:db8::1]/").value().authority(), "[2001:db8::1]");
}

TEST(Url, PlainHttpOnlyForLoopback) {
  for (const char* ok : {"http://localhost:1/", "http://LOCALHOST/", "http://127.0.0.1:9/",
                         "http://127.255.0.3/", "http://[::1]/"}) {
    EXPECT_TRUE(parse_upstream_url(ok)) << ok;
  }
  for (const char* refused : {"http://example.com/", "http://128.0.0.1/", "http://[::2]/",
                              "http://localhost.example.com/", "http://10.0.0.1/"}) {
    const auto url = parse_upstream_url(refused);
    ASSERT_FALSE(url) << refused;
    EXPECT_EQ(url.error().code, Errc::kInvalidArgument);
  }
}

TEST(Url, PlainHttpToAwsMetadataHostsOnlyWhenAsked) {
  for (const char* metadata : {"http://169.254.169.254/latest/api/token", "http://169.254.170.2/v2",
                               "http://169.254.170.23/", "http://[fd00:ec2::254]/"}) {
    EXPECT_FALSE(parse_upstream_url(metadata)) << metadata;
    EXPECT_TRUE(parse_upstream_url(metadata, PlainHttp::kLoopbackOrAwsMetadata)) << metadata;
  }
  for (const char* refused : {"http://169.254.169.253/", "http://10.0.0.1/"}) {
    EXPECT_FALSE(parse_upstream_url(refused, PlainHttp::kLoopbackOrAwsMetadata)) << refused;
  }
}

TEST(Url, RefusesMalformed) {
  for (const char* bad :
       {"", "api.nuget.org", "ftp://x/", "https://", "https:///path", "https://u:p@host/",
        "https://host:/", "https://host:0/", "https://host:65536/", "https://host:12a/",
        "https://[::1/", "https://[nope]/", "https://[::1]x/", "https://[::1]:/", "https://ho st/",
        "https://host%41/", "https://[::1]:-1/"}) {
    EXPECT_FALSE(parse_upstream_url(bad)) << bad;
  }
}

TEST(Url, LoopbackHosts) {
  EXPECT_TRUE(is_loopback_host("127.0.0.1"));
  EXPECT_TRUE(is_loopback_host("::1"));
  EXPECT_FALSE(is_loopback_host("::ffff:10.0.0.1"));
  EXPECT_FALSE(is_loopback_host("0.0.0.0"));
  EXPECT_FALSE(is_loopback_host(std::string(100, '1')));
}

}  // namespace
}  // namespace badgesmith::http
