// A loopback stand-in for nuget.org (NuGet v3) and api.github.com (GitHub Packages) for end-to-end
// tests: runs tests/fixtures/upstream/fixture_upstream.py (python3 from PATH) as a child process
// and drives its /_fixture/ control API. URL shapes, data set and expected answers are documented
// in tests/fixtures/upstream/data/README.md.
//
// Point the badge server at it with BADGESMITH_NUGET_SOURCE=nuget_index_url() and
// BADGESMITH_GITHUB_API=github_api_url(). A FixtureUpstream is safe to share between threads:
// every call is an independent loopback round trip or reads state fixed at start.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness.h"
#include "python_fixture.h"

namespace badgesmith::e2e {

// Tokens from tests/fixtures/upstream/data/github_tokens.json. Not real credentials.
inline constexpr std::string_view kAcmeToken = "ghp_fixtureAcmeReadPackages0000000000001";
inline constexpr std::string_view kOctoUserToken = "ghp_fixtureOctoUserReadPackages000000002";
inline constexpr std::string_view kNoAccessToken = "ghp_fixtureNoPackageAccess00000000000003";

// Absolute path of tests/fixtures (set by tests/CMakeLists.txt).
std::string fixtures_dir();

// Runs argv[0] (looked up on PATH) with stdin from /dev/null; stdout and stderr are both collected
// into `out`. A child still running after `timeout` is killed and reported as timed_out.
CommandResult run_tool(const std::vector<std::string>& argv, Millis timeout = kIoTimeout);

// PEM files for a throw-away TLS setup.
struct TlsFiles {
  std::string ca_cert;  // Self-signed CA certificate: what the client under test must trust.
  std::string cert;     // Leaf for IP 127.0.0.1 and DNS localhost, signed by the CA.
  std::string key;      // The leaf's private key.
  std::string error;    // Empty on success; otherwise what went wrong (openssl's output).
  bool ok() const { return error.empty(); }
};

// Writes a fresh CA (ca.pem, ca.key) and leaf (leaf.pem, leaf.key) into `dir`, which must exist,
// with the openssl CLI. Both are P-256, valid for two days, and pass Python's and OpenSSL's strict
// X.509 checks. On failure the returned TlsFiles has a non-empty error.
TlsFiles make_test_ca(const std::string& dir);

// Decodes a complete gzip stream (the registration hives are always gzip-encoded); nullopt when
// `data` is not one.
std::optional<std::string> gunzip(std::string_view data);

// The running fixture process. The constructor waits for its listening line; check started()
// (ASSERT_TRUE(upstream.started()) << upstream.output()). The destructor stops the process; if the
// test binary dies instead, the fixture sees its stdin close and exits by itself.
class FixtureUpstream {
 public:
  struct Options {
    std::string data_dir;           // Empty: tests/fixtures/upstream/data.
    std::optional<TlsFiles> tls;    // Serve HTTPS with tls->cert/key. The control port stays HTTP.
    std::vector<std::string> args;  // Extra arguments for fixture_upstream.py (e.g. --verbose).
    // Another fixture with the same command line, start line, stdin rule and /_fixture/ control
    // API (tests/fixtures/aws/aws_fixture.py); empty: fixture_upstream.py.
    std::string script;
  };

  FixtureUpstream();
  explicit FixtureUpstream(Options options);
  FixtureUpstream(const FixtureUpstream&) = delete;
  FixtureUpstream& operator=(const FixtureUpstream&) = delete;

  bool started() const { return port_ != 0 && control_port_ != 0; }
  bool tls() const { return base_url_.starts_with("https://"); }
  pid_t pid() const { return process_.pid(); }
  // The upstream port (HTTPS in TLS mode).
  std::uint16_t port() const { return port_; }
  // Plain HTTP; serves the control API and every upstream path. Equals port() without TLS.
  std::uint16_t control_port() const { return control_port_; }
  // "http://127.0.0.1:PORT" or "https://127.0.0.1:PORT", no trailing slash. Every URL inside the
  // fixture's documents (service index @ids, registration pages, Link headers) starts with it.
  const std::string& base_url() const { return base_url_; }
  // base_url() + "/v3/index.json": the value for BADGESMITH_NUGET_SOURCE.
  std::string nuget_index_url() const { return base_url_ + "/v3/index.json"; }
  // base_url(): the value for BADGESMITH_GITHUB_API (paths start at /orgs and /users, as on
  // api.github.com).
  std::string github_api_url() const { return base_url_; }
  // Everything the process wrote to stdout and stderr so far, for failure messages.
  std::string output() const { return process_.output(); }

  // GET `target` over plain HTTP on control_port(), with `extra_headers` (CRLF-terminated lines)
  // and Connection: close. Counts as an upstream hit like any other request. nullopt when no
  // complete response arrived within `timeout`.
  std::optional<HttpResponse> get(std::string_view target, std::string_view extra_headers = {},
                                  Millis timeout = kIoTimeout) const;

  // Requests seen for `path` (no query string) since start or the last reset(); -1 when the
  // control call failed. Faulted requests (hang, down, fail_status...) count too.
  int hits(std::string_view path) const;
  int total_hits() const;
  // Headers of the last request for `path`, names lower-cased; empty when it was never hit.
  std::map<std::string, std::string> last_headers(std::string_view path) const;
  // Path and query of the last request for `path`; nullopt when it was never hit.
  std::optional<std::string> last_target(std::string_view path) const;
  // "METHOD target" for every upstream request, in arrival order.
  std::vector<std::string> request_log() const;
  // The raw GET /_fixture/hits body ({"total", "paths": {path: {count, last_headers, ...}},
  // "log"}).
  std::string hits_json() const;

  // Replaces the fault rules with `json` (see tests/fixtures/upstream/data/README.md), e.g.
  // {"fail_status":503,"count":2,"prefix":"/v3-flatcontainer/"}. Releases hung requests. Fails
  // (with the fixture's message) on an unknown key or an invalid rule.
  ::testing::AssertionResult configure(std::string_view json) const;
  // Clears hits, request log and rules, restores strict GitHub header checks, releases hangs.
  ::testing::AssertionResult reset() const;

  // SIGTERM, then waits; the exit code, or nullopt if still running after `timeout`.
  std::optional<int> terminate(Millis timeout = kIoTimeout) { return process_.terminate(timeout); }
  // Closes the fixture's stdin (what happens when the test process dies), then waits likewise.
  std::optional<int> close_stdin(Millis timeout = kIoTimeout) {
    return process_.close_stdin(timeout);
  }

 private:
  std::optional<HttpResponse> control(std::string_view method, std::string_view target,
                                      std::string_view body = {}) const;

  PythonFixture process_;
  std::uint16_t port_ = 0;
  std::uint16_t control_port_ = 0;
  std::string base_url_;
};

// moto (DynamoDB and Secrets Manager) on loopback: tests/fixtures/aws/aws_fixture.py --moto.
FixtureUpstream::Options moto_fixture();

// "NAME=value" entries that put a badgesmith child in AWS mode (BADGESMITH_STORE=dynamodb) on
// `moto`: its endpoint, a region, fixed fake keys, and IMDS off, so no credential lookup can
// leave loopback.
std::vector<std::string> aws_mode_env(const FixtureUpstream& moto);

}  // namespace badgesmith::e2e
