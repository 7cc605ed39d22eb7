// Package badges end to end: the real binary against the fixture NuGet feed and GitHub API on
// loopback (tests/fixtures/upstream), with the fixture's hit counters as the upstream's view.
#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "fixture_upstream.h"
#include "harness.h"

namespace badgesmith::e2e {
namespace {

using nlohmann::json;

constexpr std::string_view kMasterKey = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
constexpr std::string_view kRegistration = "/v3/registration5-gz-semver2/";

std::string registration_index(std::string_view lower_id) {
  return std::string(kRegistration) + std::string(lower_id) + "/index.json";
}

json body_json(const std::optional<HttpResponse>& response) {
  return response ? json::parse(response->body, nullptr, false) : json();
}

using Tokens = std::vector<std::pair<std::string, std::string_view>>;

// The fixture's owners with their working tokens.
Tokens fixture_tokens() { return {{"acme", kAcmeToken}, {"octo-user", kOctoUserToken}}; }

// A badge server wired to `upstream`, with a data directory holding `tokens` (owner, token),
// stored through `badgesmith secrets set` as an operator would.
class PackageServer {
 public:
  explicit PackageServer(const FixtureUpstream& upstream, std::vector<std::string> extra_args = {},
                         const Tokens& tokens = fixture_tokens(),
                         std::vector<std::string> extra_env = {})
      : data_dir_(make_temp_dir("badgesmith-packages-")) {
    for (const auto& [owner, token] : tokens) set_token(owner, token);
    ServerProcess::Options options;
    options.add_data_dir = false;
    options.args = {"--data-dir",     data_dir_,
                    "--nuget-source", upstream.nuget_index_url(),
                    "--github-api",   upstream.github_api_url()};
    options.args.insert(options.args.end(), extra_args.begin(), extra_args.end());
    options.env = std::move(extra_env);
    options.env.push_back("BADGESMITH_MASTER_KEY=" + std::string(kMasterKey));
    server_ = std::make_unique<ServerProcess>(options);
  }
  ~PackageServer() {
    server_.reset();
    remove_tree(data_dir_);
  }

  ServerProcess& process() { return *server_; }
  std::uint16_t port() const { return server_->port(); }

  std::optional<HttpResponse> get(std::string_view target, std::string_view headers = {}) {
    return round_trip(port(), make_request("GET", target, headers));
  }

  // `badgesmith secrets set`, as an operator would run it (also while the server runs).
  void set_token(std::string_view owner, std::string_view token) {
    CommandOptions options;
    options.stdin_data = std::string(token) + "\n";
    options.env = {"BADGESMITH_MASTER_KEY=" + std::string(kMasterKey)};
    const CommandResult result = run_command({"secrets", "set", "--owner", std::string(owner),
                                              "--type", "package", "--data-dir", data_dir_},
                                             options);
    EXPECT_EQ(result.exit_code, 0) << result.err;
  }

 private:
  std::string data_dir_;
  std::unique_ptr<ServerProcess> server_;
};

class PackagesE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(upstream_.started()) << upstream_.output();
    server_ = std::make_unique<PackageServer>(upstream_);
    ASSERT_TRUE(server_->process().started()) << server_->process().stderr_text();
  }

  std::optional<HttpResponse> get(std::string_view target, std::string_view headers = {}) {
    return server_->get(target, headers);
  }

  FixtureUpstream upstream_;
  std::unique_ptr<PackageServer> server_;
};

TEST_F(PackagesE2eTest, NuGetLatestListedVersionIgnoresUnlistedAndCase) {
  for (const char* id : {"Newtonsoft.Json", "newtonsoft.json", "NEWTONSOFT.JSON"}) {
    const auto response = get(std::string("/badges/packages/nuget/") + id);
    ASSERT_TRUE(response) << id;
    EXPECT_EQ(response->status, 200) << response->raw;
    EXPECT_EQ(response->body,
              R"({"schemaVersion":1,"label":"nuget","message":"13.0.3","color":"blue",)"
              R"("namedLogo":"nuget"})")
        << id;
    EXPECT_EQ(response->header("Content-Type"), "application/json; charset=utf-8");
    EXPECT_EQ(response->header("Cache-Control"),
              "public, max-age=300, s-maxage=600, stale-while-revalidate=1200, "
              "stale-if-error=3600");
    EXPECT_TRUE(response->header("ETag"));
    EXPECT_TRUE(response->header("Last-Modified"));
    EXPECT_TRUE(has_common_headers(*response));
  }
  // One package, one cache entry: three spellings cost one registration read.
  EXPECT_EQ(upstream_.hits(registration_index("newtonsoft.json")), 1);
}

TEST_F(PackagesE2eTest, NuGetPrereleaseAndRanges) {
  const auto message = [&](std::string_view query) {
    return body_json(get("/badges/packages/nuget/Newtonsoft.Json" + std::string(query)));
  };
  json badge = message("?prerelease=true");
  EXPECT_EQ(badge["message"], "13.0.4-beta1");
  EXPECT_EQ(badge["color"], "orange");
  EXPECT_EQ(message("?prerelease=%20TRUE%20")["message"], "13.0.4-beta1");  // .NET bool parsing.
  EXPECT_EQ(message("?prerelease=1")["message"], "13.0.3");
  EXPECT_EQ(message("?version=%5B12.0%2C13.0%29")["message"], "12.0.3");  // [12.0,13.0)
  EXPECT_EQ(message("?version=12.*")["message"], "12.0.3");
  EXPECT_EQ(message("?version=%3E%3D11.0%20%3C12.0")["message"], "11.0.2");  // >=11.0 <12.0
  EXPECT_EQ(message("?version=%5B13.0.4-beta1%2C%29")["message"], "13.0.4-beta1");
}

TEST_F(PackagesE2eTest, NuGetBadRangeIsA400BeforeAnyUpstreamCall) {
  const auto response = get("/badges/packages/nuget/Newtonsoft.Json?version=%5B2.0%2C1.0%5D");
  EXPECT_TRUE(is_json_error(response, 400, "PACKAGE_RANGE_INVALID"));
  EXPECT_EQ(upstream_.total_hits(), 0);
}

TEST_F(PackagesE2eTest, NuGetNotFoundAnswers) {
  EXPECT_TRUE(
      is_json_error(get("/badges/packages/nuget/No.Such.Package"), 404, "PACKAGE_NOT_FOUND"));
  EXPECT_TRUE(is_json_error(get("/badges/packages/nuget/Newtonsoft.Json?version=%5B99.0%5D"), 404,
                            "VERSION_NOT_FOUND"));
  EXPECT_TRUE(is_json_error(get("/badges/packages/nuget/bad%20id"), 400, "PACKAGE_ID_INVALID"));
  // Remembered briefly: a second miss does not go upstream again.
  const int before = upstream_.total_hits();
  EXPECT_TRUE(
      is_json_error(get("/badges/packages/nuget/No.Such.Package"), 404, "PACKAGE_NOT_FOUND"));
  EXPECT_EQ(upstream_.total_hits(), before);
}

TEST_F(PackagesE2eTest, NuGetBigPackageReadsEveryRegistrationPage) {
  EXPECT_EQ(body_json(get("/badges/packages/nuget/Fixture.ManyVersions"))["message"], "3.49.0");
  EXPECT_EQ(body_json(get("/badges/packages/nuget/Fixture.FourPart"))["message"], "2.0.0");
}

TEST_F(PackagesE2eTest, NuGetSvgAndRevalidation) {
  const auto svg = get("/badges/packages/nuget/Newtonsoft.Json?format=svg");
  ASSERT_TRUE(svg);
  EXPECT_EQ(svg->status, 200);
  EXPECT_EQ(svg->header("Content-Type"), "image/svg+xml; charset=utf-8");
  EXPECT_NE(svg->body.find("13.0.3"), std::string::npos);
  EXPECT_NE(svg->body.find("<image"), std::string::npos);  // The nuget logo.
  const auto again = get("/badges/packages/nuget/Newtonsoft.Json?format=svg",
                         "If-None-Match: " + svg->header("ETag").value_or("") + "\r\n");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  // An SVG error is a badge, so READMEs show what is wrong.
  const auto missing = get("/badges/packages/nuget/No.Such.Package?format=svg");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 200);
  EXPECT_EQ(missing->header("X-Badgesmith-Error"), "PACKAGE_NOT_FOUND");
}

TEST_F(PackagesE2eTest, NuGetDownloads) {
  const auto response = get("/badges/packages/nuget/Newtonsoft.Json/downloads");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body,
            R"({"schemaVersion":1,"label":"downloads","message":"5.1G","color":"brightgreen"})");
  EXPECT_TRUE(is_json_error(get("/badges/packages/nuget/No.Such.Package/downloads"), 404,
                            "PACKAGE_NOT_FOUND"));
}

TEST_F(PackagesE2eTest, HundredConcurrentColdRequestsMakeOneUpstreamFetch) {
  ASSERT_TRUE(upstream_.configure(R"({"rules":[{"latency_ms":300}]})"));
  std::vector<std::thread> clients;
  std::atomic<int> ok{0};
  for (int i = 0; i < 100; ++i) {
    clients.emplace_back([&] {
      const auto response = get("/badges/packages/nuget/Newtonsoft.Json");
      if (response && response->status == 200 && body_json(response)["message"] == "13.0.3") ++ok;
    });
  }
  for (std::thread& client : clients) client.join();
  EXPECT_EQ(ok.load(), 100);
  EXPECT_EQ(upstream_.hits(registration_index("newtonsoft.json")), 1);
  EXPECT_EQ(upstream_.hits("/v3/index.json"), 1);
}

TEST_F(PackagesE2eTest, WrongProviderShapesAreHelpful400s) {
  EXPECT_TRUE(is_json_error(get("/badges/packages/github/Newtonsoft.Json"), 400, "ORG_REQUIRED"));
  EXPECT_TRUE(
      is_json_error(get("/badges/packages/nuget/acme/Acme.Core"), 400, "ORG_NOT_APPLICABLE"));
  EXPECT_TRUE(is_json_error(get("/badges/packages/pypi/requests"), 400, "INVALID_PROVIDER"));
  EXPECT_TRUE(is_json_error(get("/badges/packages/pypi/psf/requests"), 400, "INVALID_PROVIDER"));
  EXPECT_EQ(upstream_.total_hits(), 0);
}

TEST_F(PackagesE2eTest, GitHubOrgPackageReadsEveryPage) {
  const auto response = get("/badges/packages/github/acme/Acme.Core");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200) << response->body;
  EXPECT_EQ(response->body,
            R"({"schemaVersion":1,"label":"github","message":"3.0.0","color":"green",)"
            R"("namedLogo":"github"})");
  EXPECT_EQ(body_json(get("/badges/packages/github/acme/Acme.Core?prerelease=true"))["message"],
            "3.1.0-preview.9");
  const std::string page1 = "/orgs/acme/packages/nuget/Acme.Core/versions";
  const auto headers = upstream_.last_headers(page1);
  EXPECT_EQ(headers.at("authorization"), "Bearer " + std::string(kAcmeToken));
  EXPECT_EQ(headers.at("accept"), "application/vnd.github+json");
  EXPECT_EQ(headers.at("x-github-api-version"), "2022-11-28");
  EXPECT_EQ(upstream_.hits(page1), 3);  // 250 versions, 100 per page.
  EXPECT_EQ(body_json(get("/badges/packages/github/acme/widget?type=npm"))["message"], "1.1.0");
}

TEST_F(PackagesE2eTest, GitHubUserPackageFallsBackToUsersAndRemembers) {
  EXPECT_EQ(body_json(get("/badges/packages/github/octo-user/Octo.Tool"))["message"], "1.1.0");
  EXPECT_EQ(upstream_.hits("/orgs/octo-user/packages/nuget/Octo.Tool/versions"), 1);
  // Another listing of the same owner goes straight to /users/.
  EXPECT_TRUE(is_json_error(get("/badges/packages/github/octo-user/Octo.Tool?type=npm"), 404,
                            "PACKAGE_NOT_FOUND"));
  EXPECT_EQ(upstream_.hits("/orgs/octo-user/packages/npm/Octo.Tool/versions"), 0);
  EXPECT_EQ(upstream_.hits("/users/octo-user/packages/npm/Octo.Tool/versions"), 1);
}

TEST_F(PackagesE2eTest, GitHubAuthErrors) {
  EXPECT_TRUE(
      is_json_error(get("/badges/packages/github/stranger/Thing"), 401, "TOKEN_NOT_CONFIGURED"));
  EXPECT_EQ(upstream_.total_hits(), 0);
  EXPECT_TRUE(is_json_error(get("/badges/packages/github/acme/Acme.Core?type=pip"), 400,
                            "PACKAGE_TYPE_INVALID"));
  // A token GitHub does not know, and one without access to the owner's packages.
  PackageServer wrong_tokens(upstream_, {},
                             {{"acme", kNoAccessToken}, {"octo-user", "ghp_revoked"}});
  ASSERT_TRUE(wrong_tokens.process().started()) << wrong_tokens.process().stderr_text();
  EXPECT_TRUE(is_json_error(wrong_tokens.get("/badges/packages/github/acme/Acme.Core"), 403,
                            "GITHUB_FORBIDDEN"));
  EXPECT_TRUE(is_json_error(wrong_tokens.get("/badges/packages/github/octo-user/Octo.Tool"), 401,
                            "GITHUB_TOKEN_REJECTED"));
}

TEST_F(PackagesE2eTest, ARunningServerSeesAChangedTokenWithinFiveSeconds) {
  PackageServer server(upstream_, {"--cache-ttl", "1"}, {{"acme", kNoAccessToken}});
  ASSERT_TRUE(server.process().started()) << server.process().stderr_text();
  EXPECT_TRUE(
      is_json_error(server.get("/badges/packages/github/acme/Acme.Core"), 403, "GITHUB_FORBIDDEN"));
  server.set_token("acme", kAcmeToken);
  // The token cache holds a value at most 5 s; the rest is the badge cache's 1 s and slack.
  EXPECT_TRUE(eventually(
      [&] {
        const auto response = server.get("/badges/packages/github/acme/Acme.Core");
        return response && response->status == 200;
      },
      std::chrono::seconds(8)));
}

TEST_F(PackagesE2eTest, RateLimitsBecome503WithRetryAfter) {
  ASSERT_TRUE(upstream_.configure(R"({"rules":[{"rate_limit":"github"}]})"));
  const auto github = get("/badges/packages/github/acme/Acme.Core");
  EXPECT_TRUE(is_json_error(github, 503, "UPSTREAM_RATE_LIMITED"));
  ASSERT_TRUE(github);
  EXPECT_TRUE(github->header("Retry-After"));
  ASSERT_TRUE(upstream_.configure(R"({"rules":[{"rate_limit":"429","retry_after_s":120}]})"));
  const auto nuget = get("/badges/packages/nuget/Newtonsoft.Json");
  EXPECT_TRUE(is_json_error(nuget, 503, "UPSTREAM_UNAVAILABLE"));
  ASSERT_TRUE(nuget);
  EXPECT_EQ(nuget->header("Retry-After"), "120");
}

TEST(PackagesUpstreamFailureE2eTest, HangIsAnsweredWithinTheTimeout) {
  FixtureUpstream upstream;
  ASSERT_TRUE(upstream.started()) << upstream.output();
  ASSERT_TRUE(upstream.configure(R"({"rules":[{"hang":true}]})"));
  PackageServer server(upstream, {"--upstream-timeout-ms", "400"}, {});
  ASSERT_TRUE(server.process().started()) << server.process().stderr_text();
  const auto started = std::chrono::steady_clock::now();
  const auto response = server.get("/badges/packages/nuget/Newtonsoft.Json");
  EXPECT_TRUE(is_json_error(response, 503, "UPSTREAM_UNAVAILABLE"));
  ASSERT_TRUE(response);
  EXPECT_TRUE(response->header("Retry-After"));
  // Generous upper bound (sanitizer builds): the point is that it does not wait for the hang.
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(4));
}

TEST(PackagesUpstreamFailureE2eTest, StaleValueServedAfterTheUpstreamDies) {
  FixtureUpstream upstream;
  ASSERT_TRUE(upstream.started()) << upstream.output();
  PackageServer server(upstream, {"--cache-ttl", "1"}, {});
  ASSERT_TRUE(server.process().started()) << server.process().stderr_text();
  EXPECT_EQ(body_json(server.get("/badges/packages/nuget/Newtonsoft.Json"))["message"], "13.0.3");
  ASSERT_TRUE(upstream.configure(R"({"rules":[{"fail_status":503}]})"));
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // Past the fresh TTL.
  for (int i = 0; i < 3; ++i) {
    const auto response = server.get("/badges/packages/nuget/Newtonsoft.Json");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(body_json(response)["message"], "13.0.3");
  }
  EXPECT_TRUE(
      eventually([&] { return upstream.hits(registration_index("newtonsoft.json")) >= 2; }));
}

TEST(PackagesUpstreamFailureE2eTest, GitHubRateLimitIsServedFromTheStaleValue) {
  FixtureUpstream upstream;
  ASSERT_TRUE(upstream.started()) << upstream.output();
  PackageServer server(upstream, {"--cache-ttl", "1"});
  ASSERT_TRUE(server.process().started()) << server.process().stderr_text();
  EXPECT_EQ(body_json(server.get("/badges/packages/github/acme/Acme.Core"))["message"], "3.0.0");
  ASSERT_TRUE(upstream.configure(R"({"rules":[{"rate_limit":"github"}]})"));
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // Past the fresh TTL.
  const auto response = server.get("/badges/packages/github/acme/Acme.Core");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(body_json(response)["message"], "3.0.0");
  // The refresh did go out and met the rate limit.
  EXPECT_TRUE(eventually([&] { return upstream.total_hits() > 3; }));
}

TEST(PackagesTlsE2eTest, HttpsUpstreamWithOurCa) {
  const std::string dir = make_temp_dir("badgesmith-tls-");
  const TlsFiles tls = make_test_ca(dir);
  ASSERT_TRUE(tls.ok()) << tls.error;
  FixtureUpstream::Options options;
  options.tls = tls;
  FixtureUpstream upstream(options);
  ASSERT_TRUE(upstream.started()) << upstream.output();
  ASSERT_TRUE(upstream.tls());
  {
    PackageServer server(upstream, {"--upstream-ca-file", tls.ca_cert}, {});
    ASSERT_TRUE(server.process().started()) << server.process().stderr_text();
    EXPECT_EQ(body_json(server.get("/badges/packages/nuget/Newtonsoft.Json"))["message"], "13.0.3");
  }
  {
    // Without our CA the fixture's certificate is not trusted.
    PackageServer server(upstream, {"--upstream-ca-file", "/dev/null"}, {});
    ASSERT_TRUE(server.process().started()) << server.process().stderr_text();
    const auto response = server.get("/badges/packages/nuget/Newtonsoft.Json");
    ASSERT_TRUE(response);
    EXPECT_GE(response->status, 500);
  }
  remove_tree(dir);
}

}  // namespace
}  // namespace badgesmith::e2e

namespace badgesmith::e2e {
namespace {

long resident_kib(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmRSS:")) return std::stol(line.substr(6));
  }
  return -1;
}

// A stranger asking for 100,000 made-up package names: memory stays within the cache's bound and
// nuget.org sees no more than the configured rate, while every answer is a clean 404 or 503.
TEST(PackagesFloodE2eTest, HundredThousandUnknownNamesStayWithinBounds) {
  FixtureUpstream upstream;
  ASSERT_TRUE(upstream.started()) << upstream.output();
  constexpr double kRate = 20;
  constexpr double kBurst = 50;
  // Under AddressSanitizer freed memory waits in a quarantine (256 MB by default), which would
  // read as growth; a small one keeps resident memory about the server's own.
  const char* asan_options = std::getenv("ASAN_OPTIONS");
  const std::string quarantine =
      "ASAN_OPTIONS=" + std::string(asan_options ? asan_options : "") + ":quarantine_size_mb=1";
  PackageServer server(upstream,
                       {"--upstream-rate", "20", "--upstream-burst", "50", "--cache-max-entries",
                        "1000", "--cache-max-bytes", "1048576", "--access-log", "off"},
                       {}, {quarantine});
  ASSERT_TRUE(server.process().started()) << server.process().stderr_text();
  EXPECT_TRUE(is_healthy(server.port()));
  const long rss_before = resident_kib(server.process().pid());

  constexpr int kThreads = 4;
  constexpr int kPerThread = 25'000;
  constexpr int kBatch = 100;  // Pipelined requests per write.
  std::atomic<int> not_found{0};
  std::atomic<int> unavailable{0};
  std::atomic<int> other{0};
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::thread> clients;
  for (int t = 0; t < kThreads; ++t) {
    clients.emplace_back([&, t] {
      auto connection = HttpConnection::open(server.port());
      if (!connection) {
        other += kPerThread;
        return;
      }
      for (int first = 0; first < kPerThread; first += kBatch) {
        std::string requests;
        for (int i = first; i < first + kBatch; ++i) {
          requests += make_request("GET", "/badges/packages/nuget/No.Such.Package." +
                                              std::to_string(t) + "." + std::to_string(i));
        }
        if (!connection->send(requests)) {
          other += kPerThread - first;
          return;
        }
        for (int i = 0; i < kBatch; ++i) {
          const auto response = connection->read_response();
          if (!response) {
            other += kPerThread - first - i;
            return;
          }
          if (response->status == 404) {
            ++not_found;
          } else if (response->status == 503 && response->header("Retry-After")) {
            ++unavailable;
          } else {
            ++other;
          }
        }
      }
    });
  }
  for (std::thread& client : clients) client.join();
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(not_found + unavailable, kThreads * kPerThread);
  EXPECT_GT(not_found.load(), 0);  // Some names did reach the fixture and were answered.
  // The token bucket: a burst, then the rate, plus the service index and one bucket of slack.
  EXPECT_LE(upstream.total_hits(), kBurst + kRate * (elapsed + 1) + 1)
      << "elapsed " << elapsed << " s";
  const long rss_after = resident_kib(server.process().pid());
  EXPECT_LT(rss_after - rss_before, 32 * 1024) << rss_before << " KiB -> " << rss_after << " KiB";
  EXPECT_TRUE(is_healthy(server.port()));
}

}  // namespace
}  // namespace badgesmith::e2e

namespace badgesmith::e2e {
namespace {

TEST(PackagesConfigE2eTest, PlainHttpUpstreamsOnlyOnLoopback) {
  const std::string dir = make_temp_dir();
  for (const char* flag : {"--nuget-source", "--github-api"}) {
    const CommandResult refused = run_command(
        {"serve", "--listen", "127.0.0.1:0", "--data-dir", dir, flag, "http://api.nuget.org/v3"});
    EXPECT_EQ(refused.exit_code, 2) << flag << ": " << refused.err;
    EXPECT_NE(refused.err.find(flag), std::string::npos) << refused.err;
  }
  const CommandResult environment = run_command(
      {"serve", "--listen", "127.0.0.1:0", "--data-dir", dir},
      CommandOptions{std::nullopt, {"BADGESMITH_GITHUB_API=http://10.0.0.1"}, kIoTimeout});
  EXPECT_EQ(environment.exit_code, 2) << environment.err;
  remove_tree(dir);
}

}  // namespace
}  // namespace badgesmith::e2e
