// The fixture upstream itself: it must speak nuget.org's and GitHub's formats faithfully (or the
// badge e2e tests prove nothing) and its fault switches must do what they say.
#include <chrono>
#include <nlohmann/json.hpp>
#include <set>

#include "fixture_upstream.h"

namespace badgesmith::e2e {
namespace {

using nlohmann::json;

json parse(const std::string& text) { return json::parse(text, nullptr, false); }

std::string github_headers(std::string_view token) {
  std::string headers =
      "Accept: application/vnd.github+json\r\nX-GitHub-Api-Version: 2022-11-28\r\n";
  if (!token.empty()) headers += "Authorization: Bearer " + std::string(token) + "\r\n";
  return headers;
}

// The target of the Link header's entry with this rel, relative to `base`; empty when absent.
std::string link_target(const HttpResponse& response, std::string_view rel, std::string_view base) {
  const std::string link = response.header("Link").value_or("");
  const std::size_t marker = link.find("; rel=\"" + std::string(rel) + "\"");
  if (marker == std::string::npos) return {};
  const std::size_t open = link.rfind('<', marker);
  const std::string url = link.substr(open + 1, link.find('>', open) - open - 1);
  return url.starts_with(base) ? url.substr(base.size()) : std::string();
}

class FixtureUpstreamTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { upstream_ = new FixtureUpstream(); }
  static void TearDownTestSuite() {
    delete upstream_;
    upstream_ = nullptr;
  }
  void SetUp() override {
    ASSERT_TRUE(upstream_->started()) << upstream_->output();
    ASSERT_TRUE(upstream_->reset());
  }

  static FixtureUpstream& upstream() { return *upstream_; }

  // The status of a GET, or -1 when no response arrived.
  static int status(std::string_view target, std::string_view headers = {}) {
    const auto response = upstream().get(target, headers);
    return response ? response->status : -1;
  }

  // GET returning the parsed JSON body (gunzipped when the fixture gzip-encoded it).
  static json get_json(std::string_view target, int expected_status = 200,
                       std::string_view headers = {}) {
    const auto response = upstream().get(target, headers);
    if (!response) {
      ADD_FAILURE() << "no response to " << target;
      return {};
    }
    EXPECT_EQ(response->status, expected_status) << target << "\n" << response->raw;
    if (response->header("Content-Encoding") == "gzip") {
      const auto body = gunzip(response->body);
      EXPECT_TRUE(body) << target;
      return parse(body.value_or(""));
    }
    return parse(response->body);
  }

 private:
  static FixtureUpstream* upstream_;
};

FixtureUpstream* FixtureUpstreamTest::upstream_ = nullptr;

TEST_F(FixtureUpstreamTest, ServiceIndexPointsBackAtTheFixture) {
  const auto response = upstream().get("/v3/index.json");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_TRUE(response->header("ETag"));
  EXPECT_TRUE(response->header("Last-Modified"));
  const json index = parse(response->body);
  ASSERT_TRUE(index.is_object()) << response->body;
  std::set<std::string> types;
  for (const auto& resource : index["resources"]) {
    types.insert(resource["@type"].get<std::string>());
    EXPECT_TRUE(resource["@id"].get<std::string>().starts_with(upstream().base_url() + "/"))
        << resource;
  }
  for (const char* type :
       {"SearchQueryService", "SearchQueryService/3.0.0-rc", "SearchQueryService/3.5.0",
        "RegistrationsBaseUrl/3.6.0", "PackageBaseAddress/3.0.0"}) {
    EXPECT_TRUE(types.contains(type)) << type;
  }
  EXPECT_EQ(upstream().nuget_index_url(), upstream().base_url() + "/v3/index.json");
}

TEST_F(FixtureUpstreamTest, SearchListsOnlyListedVersionsAndMatchesIdsCaseInsensitively) {
  const json with_pre =
      get_json("/query?q=packageid:NEWTONSOFT.JSON&prerelease=true&semVerLevel=2.0.0&take=1");
  ASSERT_EQ(with_pre["totalHits"], 1) << with_pre;
  const json& package = with_pre["data"][0];
  EXPECT_EQ(package["id"], "Newtonsoft.Json");
  EXPECT_EQ(package["version"], "13.0.4-beta1");
  EXPECT_EQ(package["totalDownloads"], 5'123'456'789);
  std::set<std::string> versions;
  for (const auto& entry : package["versions"]) {
    versions.insert(entry["version"].get<std::string>());
    EXPECT_TRUE(entry["downloads"].is_number_integer());
  }
  EXPECT_TRUE(versions.contains("13.0.3"));
  EXPECT_FALSE(versions.contains("13.0.4")) << "unlisted";
  EXPECT_FALSE(versions.contains("14.0.0-beta1")) << "unlisted";

  const json stable = get_json("/query?q=packageid:newtonsoft.json&semVerLevel=2.0.0");
  EXPECT_EQ(stable["data"][0]["version"], "13.0.3");
  // SemVer 2.0.0 versions only show up when the client says it understands them.
  EXPECT_EQ(get_json("/query?q=packageid:Fixture.FourPart&semVerLevel=2.0.0")["data"][0]["version"],
            "2.0.0+build.7");
  EXPECT_EQ(get_json("/query?q=packageid:Fixture.FourPart")["data"][0]["version"], "1.2.4");
  EXPECT_EQ(get_json("/query?q=packageid:Fixture.PreviewOnly&semVerLevel=2.0.0")["totalHits"], 0);
  EXPECT_EQ(get_json("/query?q=packageid:Fixture.Unlisted&prerelease=true")["totalHits"], 0);
  EXPECT_EQ(get_json("/query?q=packageid:No.Such.Package")["totalHits"], 0);
}

TEST_F(FixtureUpstreamTest, SmallRegistrationIsGzippedWithInlinedPages) {
  const std::string path = "/v3/registration5-gz-semver2/newtonsoft.json/index.json";
  const auto response = upstream().get(path);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->header("Content-Encoding"), "gzip");
  const json index = get_json(path);
  ASSERT_EQ(index["count"], 1) << index;
  const json& page = index["items"][0];
  ASSERT_TRUE(page.contains("items")) << "fewer than 128 versions: inlined";
  EXPECT_EQ(page["lower"], "3.5.8");
  EXPECT_EQ(page["upper"], "14.0.0-beta1");
  std::map<std::string, bool> listed;
  for (const auto& leaf : page["items"]) {
    listed[leaf["catalogEntry"]["version"].get<std::string>()] =
        leaf["catalogEntry"]["listed"].get<bool>();
  }
  EXPECT_EQ(listed.size(), 33u);
  EXPECT_TRUE(listed.at("13.0.3"));
  EXPECT_FALSE(listed.at("13.0.4"));
  EXPECT_FALSE(listed.at("14.0.0-beta1"));
  // Blob paths are lower-case only, as on nuget.org.
  EXPECT_EQ(status("/v3/registration5-gz-semver2/Newtonsoft.Json/index.json"), 404);
  EXPECT_EQ(status("/v3/registration5-gz-semver2/no.such/index.json"), 404);
}

TEST_F(FixtureUpstreamTest, LargeRegistrationPagesAreFetchedFromTheirIds) {
  const json index = get_json("/v3/registration5-gz-semver2/fixture.manyversions/index.json");
  ASSERT_EQ(index["count"], 3) << index;
  std::vector<std::string> versions;
  for (const auto& page : index["items"]) {
    EXPECT_FALSE(page.contains("items")) << "128 or more versions: pages are not inlined";
    const std::string id = page["@id"];
    ASSERT_TRUE(id.starts_with(upstream().base_url())) << id;
    const json fetched = get_json(id.substr(upstream().base_url().size()));
    EXPECT_EQ(fetched["count"], page["count"]);
    for (const auto& leaf : fetched["items"])
      versions.push_back(leaf["catalogEntry"]["version"].get<std::string>());
  }
  ASSERT_EQ(versions.size(), 152u);
  EXPECT_EQ(versions.front(), "1.0.0");
  EXPECT_EQ(versions.back(), "4.0.0-preview.1");
}

TEST_F(FixtureUpstreamTest, FlatContainerListsEveryVersionNormalizedAndLowerCased) {
  EXPECT_EQ(get_json("/v3-flatcontainer/fixture.fourpart/index.json")["versions"],
            json({"1.2.3.4", "1.2.3.10", "1.2.4", "2.0.0", "2.1.0-beta.1"}));
  EXPECT_EQ(get_json("/v3-flatcontainer/fixture.previewonly/index.json")["versions"],
            json({"0.9.0-alpha", "1.0.0-beta.2", "1.0.0-beta.10", "1.0.0-rc.1"}));
  const json newtonsoft = get_json("/v3-flatcontainer/newtonsoft.json/index.json")["versions"];
  EXPECT_EQ(newtonsoft.back(), "14.0.0-beta1") << "unlisted versions are listed here";
  const auto missing = upstream().get("/v3-flatcontainer/no.such/index.json");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(missing->header("Content-Type"), "application/xml");
  EXPECT_EQ(upstream().hits("/v3-flatcontainer/newtonsoft.json/index.json"), 1);
}

TEST_F(FixtureUpstreamTest, GitHubPaginatesWithLinkHeaders) {
  const std::string base = upstream().github_api_url();
  const std::string headers = github_headers(kAcmeToken);
  std::string target = "/orgs/acme/packages/nuget/Acme.Core/versions";
  std::vector<std::string> names;
  int pages = 0;
  while (!target.empty() && pages < 20) {
    const auto response = upstream().get(target, headers);
    ASSERT_TRUE(response);
    ASSERT_EQ(response->status, 200) << response->raw;
    EXPECT_TRUE(response->header("ETag").value_or("").starts_with("W/\""));
    for (const auto& version : parse(response->body)) {
      names.push_back(version["name"].get<std::string>());
      EXPECT_EQ(version["metadata"]["package_type"], "nuget");
    }
    if (++pages == 1) {
      EXPECT_EQ(link_target(*response, "last", base),
                "/orgs/acme/packages/nuget/Acme.Core/versions?per_page=30&page=9");
    }
    target = link_target(*response, "next", base);
  }
  EXPECT_EQ(pages, 9);
  ASSERT_EQ(names.size(), 250u);
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(), 250u);
  EXPECT_EQ(names.front(), "3.1.0-preview.9") << "newest first";
  EXPECT_EQ(names.back(), "3.0.0") << "the highest stable version sits on the last page";

  // per_page is capped at 100, so 250 versions are three pages.
  const auto capped =
      upstream().get("/orgs/acme/packages/nuget/acme.core/versions?per_page=1000&page=3", headers);
  ASSERT_TRUE(capped);
  EXPECT_EQ(parse(capped->body).size(), 50u);
  EXPECT_EQ(link_target(*capped, "next", base), "");
  EXPECT_EQ(link_target(*capped, "prev", base),
            "/orgs/acme/packages/nuget/Acme.Core/versions?per_page=100&page=2");
}

TEST_F(FixtureUpstreamTest, GitHubChecksOwnerKindTokenAndHeaders) {
  const std::string user_path = "/users/octo-user/packages/nuget/Octo.Tool/versions";
  const auto user_owned = upstream().get(user_path, github_headers(kOctoUserToken));
  ASSERT_TRUE(user_owned);
  EXPECT_EQ(user_owned->status, 200) << user_owned->raw;
  EXPECT_EQ(parse(user_owned->body)[0]["name"], "1.2.0-beta.1");

  const auto as_org = upstream().get("/orgs/octo-user/packages/nuget/Octo.Tool/versions",
                                     github_headers(kOctoUserToken));

  ASSERT_TRUE(as_org);
  EXPECT_EQ(as_org->status, 404);
  EXPECT_EQ(parse(as_org->body)["message"], "Not Found");
  EXPECT_TRUE(parse(as_org->body).contains("documentation_url"));

  const std::string acme_path = "/orgs/acme/packages/npm/widget/versions";
  EXPECT_EQ(status(acme_path, github_headers("")), 401);
  const auto bad = upstream().get(acme_path, github_headers("ghp_wrong"));
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 401);
  EXPECT_EQ(parse(bad->body)["message"], "Bad credentials");
  EXPECT_EQ(status(acme_path, github_headers(kOctoUserToken)), 403);
  EXPECT_EQ(status(acme_path, github_headers(kNoAccessToken)), 403);
  EXPECT_EQ(status(acme_path, "Authorization: Bearer " + std::string(kAcmeToken) + "\r\n"), 400)
      << "Accept and X-GitHub-Api-Version are required";
  ASSERT_EQ(status(acme_path, github_headers(kAcmeToken)), 200);

  const auto headers = upstream().last_headers(acme_path);
  EXPECT_EQ(headers.at("accept"), "application/vnd.github+json");
  EXPECT_EQ(headers.at("x-github-api-version"), "2022-11-28");
  EXPECT_EQ(headers.at("authorization"), "Bearer " + std::string(kAcmeToken));
  EXPECT_EQ(upstream().hits(acme_path), 6);
}

TEST_F(FixtureUpstreamTest, MatchingEtagAnswers304OnAKeptAliveConnection) {
  const std::string path = "/v3-flatcontainer/newtonsoft.json/index.json";
  const auto first = upstream().get(path);
  ASSERT_TRUE(first);
  const std::string etag = first->header("ETag").value_or("");
  ASSERT_FALSE(etag.empty());

  auto connection = HttpConnection::open(upstream().control_port());
  ASSERT_TRUE(connection);
  ASSERT_TRUE(connection->send(make_request("GET", path, "If-None-Match: " + etag + "\r\n")));
  const auto not_modified = connection->read_response();
  ASSERT_TRUE(not_modified) << connection->error();
  EXPECT_EQ(not_modified->status, 304);
  EXPECT_EQ(not_modified->header("ETag"), etag);
  EXPECT_TRUE(not_modified->body.empty());
  ASSERT_TRUE(connection->send(make_request("GET", path, "If-None-Match: \"other\"\r\n")));
  const auto changed = connection->read_response();
  ASSERT_TRUE(changed) << connection->error();
  EXPECT_EQ(changed->status, 200);
  EXPECT_EQ(changed->body, first->body);
  EXPECT_EQ(upstream().last_headers(path).at("if-none-match"), "\"other\"");
}

TEST_F(FixtureUpstreamTest, FaultSwitchesFailRateLimitSlowDownAndDrop) {
  const std::string flat = "/v3-flatcontainer/newtonsoft.json/index.json";
  ASSERT_TRUE(upstream().configure(R"({"rules":[
      {"fail_status":503,"count":2,"prefix":"/v3-flatcontainer/"},
      {"rate_limit":"github","prefix":"/orgs/"},
      {"rate_limit":"429","retry_after_s":7,"prefix":"/users/"},
      {"latency_ms":200,"prefix":"/v3/index.json"},
      {"down":true,"prefix":"/query"}]})"));
  EXPECT_EQ(status(flat), 503);
  EXPECT_EQ(status(flat), 503);
  EXPECT_EQ(status(flat), 200) << "count exhausted";
  EXPECT_EQ(upstream().hits(flat), 3);

  const auto github = upstream().get("/orgs/acme/packages/nuget/Acme.Core/versions");

  ASSERT_TRUE(github);
  EXPECT_EQ(github->status, 403);
  EXPECT_EQ(github->header("x-ratelimit-remaining"), "0");
  EXPECT_TRUE(github->header("x-ratelimit-reset"));
  const auto too_many = upstream().get("/users/octo-user/packages/nuget/Octo.Tool/versions");
  ASSERT_TRUE(too_many);
  EXPECT_EQ(too_many->status, 429);
  EXPECT_EQ(too_many->header("retry-after"), "7");

  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(status("/v3/index.json"), 200);
  EXPECT_GE(std::chrono::steady_clock::now() - start, Millis(200));

  auto dropped = HttpConnection::open(upstream().control_port());
  ASSERT_TRUE(dropped);
  ASSERT_TRUE(dropped->send(make_request("GET", "/query?q=x")));
  EXPECT_EQ(dropped->wait_closed(), HttpConnection::CloseWait::kClosed);
  EXPECT_TRUE(dropped->pending().empty());

  EXPECT_FALSE(upstream().configure(R"({"hang":true,"fail_status":500})")) << "one action";
  EXPECT_FALSE(upstream().configure(R"({"fail_stauts":500})")) << "typos are rejected";
}

TEST_F(FixtureUpstreamTest, HangHoldsRequestsUntilReset) {
  ASSERT_TRUE(upstream().configure(R"({"hang":true,"prefix":"/query"})"));
  auto hung = HttpConnection::open(upstream().control_port());
  ASSERT_TRUE(hung);
  ASSERT_TRUE(hung->send(make_request("GET", "/query?q=packageid:newtonsoft.json")));
  EXPECT_FALSE(hung->read_response(Millis(300))) << "answered despite hang";
  EXPECT_EQ(status("/v3/index.json"), 200) << "other paths are unaffected";
  ASSERT_TRUE(eventually([&] { return upstream().hits("/query") == 1; }));
  ASSERT_TRUE(upstream().reset());
  EXPECT_EQ(hung->wait_closed(), HttpConnection::CloseWait::kClosed) << "released, unanswered";
  EXPECT_EQ(status("/query?q=x"), 200);
}

TEST(FixtureUpstreamTlsTest, ServesHttpsWithTheTestCa) {
  const std::string dir = make_temp_dir("badgesmith-fixture-tls-");
  ASSERT_FALSE(dir.empty());
  const TlsFiles tls = make_test_ca(dir);
  ASSERT_TRUE(tls.ok()) << tls.error;
  {
    FixtureUpstream::Options options;
    options.tls = tls;
    FixtureUpstream upstream(std::move(options));
    ASSERT_TRUE(upstream.started()) << upstream.output();
    EXPECT_TRUE(upstream.tls());
    EXPECT_TRUE(upstream.base_url().starts_with("https://127.0.0.1:")) << upstream.base_url();
    EXPECT_NE(upstream.control_port(), upstream.port());

    // A verifying TLS client that trusts only the test CA, for both names in the leaf.
    const char* client =
        "import ssl, sys, urllib.request\n"
        "ctx = ssl.create_default_context(cafile=sys.argv[1])\n"
        "ctx.verify_flags |= getattr(ssl, 'VERIFY_X509_STRICT', 0)\n"
        "opener = urllib.request.build_opener(urllib.request.ProxyHandler({}),\n"
        "                                     urllib.request.HTTPSHandler(context=ctx))\n"
        "for url in sys.argv[2:]:\n"
        "    print(opener.open(url, timeout=5).read().decode()[:200])\n";
    const std::string port = std::to_string(upstream.port());
    const CommandResult result =
        run_tool({"python3", "-c", client, tls.ca_cert, upstream.nuget_index_url(),
                  "https://localhost:" + port + "/v3-flatcontainer/fixture.fourpart/index.json"});
    EXPECT_EQ(result.exit_code, 0) << result.out;
    EXPECT_NE(result.out.find("\"@id\":\"https://127.0.0.1:" + port + "/query\""),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("\"versions\":"), std::string::npos) << result.out;
    EXPECT_EQ(upstream.hits("/v3/index.json"), 1) << "the control port sees TLS traffic";
  }
  remove_tree(dir);
}

TEST(FixtureUpstreamLifetimeTest, ExitsCleanlyOnSigtermAndWhenStdinCloses) {
  FixtureUpstream by_signal;
  ASSERT_TRUE(by_signal.started()) << by_signal.output();
  EXPECT_EQ(by_signal.terminate(), 0) << by_signal.output();

  FixtureUpstream by_stdin;
  ASSERT_TRUE(by_stdin.started()) << by_stdin.output();
  EXPECT_EQ(by_stdin.close_stdin(), 0) << by_stdin.output();
}

}  // namespace
}  // namespace badgesmith::e2e
