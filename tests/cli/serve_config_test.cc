#include "cli/serve_config.h"

#include <gtest/gtest.h>

namespace badgesmith::cli {
namespace {

TEST(ServeConfig, ParsesListenAddresses) {
  const struct {
    const char* text;
    const char* host;
    std::uint16_t port;
  } good[] = {
      {"127.0.0.1:8080", "127.0.0.1", 8080},
      {"0.0.0.0:0", "0.0.0.0", 0},
      {"[::1]:65535", "::1", 65535},
      {"[::]:80", "::", 80},
  };
  for (const auto& c : good) {
    const auto parsed = parse_listen_address(c.text);
    ASSERT_TRUE(parsed) << c.text;
    EXPECT_EQ(parsed.value().host, c.host);
    EXPECT_EQ(parsed.value().port, c.port);
  }
  for (const char* bad : {"", "8080", ":8080", "127.0.0.1", "127.0.0.1:", "127.0.0.1:65536",
                          "127.0.0.1:-1", "127.0.0.1:80x", "localhost:80", "::1:80", "[::1:80",
                          "[]:80", "[127.0.0.1]:80", "1.2.3:80"}) {
    const auto parsed = parse_listen_address(bad);
    EXPECT_FALSE(parsed) << bad;
    if (!parsed) {
      EXPECT_EQ(parsed.error().message.find('\n'), std::string::npos);
    }
  }
}

TEST(ServeConfig, ParsesAccessLogTargets) {
  EXPECT_EQ(parse_access_log_target("off").value().kind, AccessLogTarget::Kind::kOff);
  EXPECT_EQ(parse_access_log_target("stdout").value().kind, AccessLogTarget::Kind::kStdout);
  const auto file = parse_access_log_target("/var/log/bs.log");
  EXPECT_EQ(file.value().kind, AccessLogTarget::Kind::kFile);
  EXPECT_EQ(file.value().path, "/var/log/bs.log");
  EXPECT_FALSE(parse_access_log_target(""));
}

TEST(ServeConfig, ParsesRedirectHosts) {
  const auto hosts = parse_redirect_hosts("GitHub.com, gitlab.example.org ,a-b.c");
  ASSERT_TRUE(hosts) << hosts.error().message;
  EXPECT_EQ(hosts.value(), (std::vector<std::string>{"github.com", "gitlab.example.org", "a-b.c"}));
  for (const char* bad : {"", ",", "github.com,", "https://github.com", "github.com:443",
                          "*.github.com", ".github.com", "github..com", "git hub.com"}) {
    EXPECT_FALSE(parse_redirect_hosts(bad)) << bad;
  }
}

}  // namespace
}  // namespace badgesmith::cli
