#include "fixture_upstream.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <charconv>
#include <fstream>
#include <nlohmann/json.hpp>

extern char** environ;

namespace badgesmith::e2e {

namespace {

using Clock = std::chrono::steady_clock;

// Python start-up plus building the data set; generous because four builds may share two cores.
constexpr Millis kStartTimeout{15000};

std::uint16_t port_of(std::string_view url) {
  const std::size_t colon = url.rfind(':');
  unsigned value = 0;
  if (colon == std::string_view::npos ||
      std::from_chars(url.data() + colon + 1, url.data() + url.size(), value).ec != std::errc() ||
      value == 0 || value > 65535) {
    return 0;
  }
  return static_cast<std::uint16_t>(value);
}

nlohmann::json parse_json(const std::optional<HttpResponse>& response) {
  if (!response || response->status != 200) return nlohmann::json();
  auto json = nlohmann::json::parse(response->body, nullptr, /*allow_exceptions=*/false);
  return json.is_discarded() ? nlohmann::json() : json;
}

// The /_fixture/hits entry for `path` (an object), or null when it was never hit.
nlohmann::json path_entry(const nlohmann::json& hits, std::string_view path) {
  if (!hits.is_object() || !hits.contains("paths") || !hits.at("paths").is_object()) return {};
  const auto& paths = hits.at("paths");
  const auto entry = paths.find(std::string(path));
  return entry == paths.end() || !entry->is_object() ? nlohmann::json() : *entry;
}

std::vector<std::string> fixture_args(const FixtureUpstream::Options& options) {
  const std::string data_dir =
      options.data_dir.empty() ? fixtures_dir() + "/upstream/data" : options.data_dir;
  std::vector<std::string> args{"--port", "0", "--data", data_dir};
  if (options.tls) {
    args.insert(args.end(), {"--tls-cert", options.tls->cert, "--tls-key", options.tls->key});
  }
  args.insert(args.end(), options.args.begin(), options.args.end());
  return args;
}

}  // namespace

std::string fixtures_dir() { return BADGESMITH_FIXTURES_DIR; }

CommandResult run_tool(const std::vector<std::string>& argv, Millis timeout) {
  CommandResult result;
  const ChildProcess child = spawn_child(argv, /*stdin_pipe=*/false);
  if (child.pid < 0) return result;
  const auto deadline = Clock::now() + timeout;
  pollfd pfd{child.output_fd, POLLIN, 0};
  char chunk[4096];
  for (;;) {
    const auto left = std::chrono::duration_cast<Millis>(deadline - Clock::now()).count();
    const int ready = ::poll(&pfd, 1, left > 0 ? static_cast<int>(left) : 0);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) break;
    const ssize_t n = ::read(child.output_fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    result.out.append(chunk, static_cast<std::size_t>(n));
  }
  ::close(child.output_fd);
  if (const auto code = wait_pid(child.pid, deadline)) {
    result.exit_code = *code;
    return result;
  }
  result.timed_out = true;
  ::kill(child.pid, SIGKILL);
  result.exit_code = wait_pid(child.pid, Clock::time_point::max()).value_or(-1);
  return result;
}

TlsFiles make_test_ca(const std::string& dir) {
  TlsFiles files{dir + "/ca.pem", dir + "/leaf.pem", dir + "/leaf.key", {}};
  const std::string extensions = dir + "/leaf.ext";
  {
    // Python's strict X.509 mode (and browsers) want key usages and both key identifiers.
    std::ofstream out(extensions);
    out << "basicConstraints=critical,CA:FALSE\n"
           "keyUsage=critical,digitalSignature,keyEncipherment\n"
           "extendedKeyUsage=serverAuth\n"
           "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
           "subjectKeyIdentifier=hash\n"
           "authorityKeyIdentifier=keyid,issuer\n";
    if (!out) {
      files.error = "cannot write " + extensions;
      return files;
    }
  }
  const std::vector<std::string> ec_key{"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                                        "-nodes"};
  std::vector<std::vector<std::string>> steps{
      {"openssl", "req", "-x509", "-days", "2", "-subj", "/CN=BadgeSmith e2e test CA", "-addext",
       "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
       "-keyout", dir + "/ca.key", "-out", files.ca_cert},
      {"openssl", "req", "-new", "-subj", "/CN=127.0.0.1", "-keyout", files.key, "-out",
       dir + "/leaf.csr"},
      {"openssl", "x509", "-req", "-days", "2", "-in", dir + "/leaf.csr", "-CA", files.ca_cert,
       "-CAkey", dir + "/ca.key", "-CAcreateserial", "-extfile", extensions, "-out", files.cert},
  };
  steps[0].insert(steps[0].begin() + 2, ec_key.begin(), ec_key.end());
  steps[1].insert(steps[1].begin() + 3, ec_key.begin(), ec_key.end());
  for (const auto& step : steps) {
    const CommandResult result = run_tool(step, Millis(20000));
    if (result.exit_code != 0) {
      files.error = "openssl " + step[1] + " failed (exit " + std::to_string(result.exit_code) +
                    "):\n" + result.out;
      return files;
    }
  }
  return files;
}

std::optional<std::string> gunzip(std::string_view data) {
  z_stream stream{};
  // 16 + MAX_WBITS: expect the gzip wrapper, not a raw or zlib stream.
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) return std::nullopt;
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char chunk[16384];
  int rc = Z_OK;
  while (rc == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk);
    stream.avail_out = sizeof chunk;
    rc = inflate(&stream, Z_NO_FLUSH);
    out.append(chunk, sizeof chunk - stream.avail_out);
  }
  const bool complete = rc == Z_STREAM_END && stream.avail_in == 0;
  inflateEnd(&stream);
  if (!complete) return std::nullopt;
  return out;
}

// --- FixtureUpstream ---

FixtureUpstream::FixtureUpstream() : FixtureUpstream(Options{}) {}

FixtureUpstream::FixtureUpstream(Options options)
    : process_(options.script.empty() ? BADGESMITH_FIXTURE_UPSTREAM_SCRIPT : options.script,
               fixture_args(options)) {
  // "listening URL" or, with TLS, "listening URL control URL"; the ports are kernel-chosen.
  const auto& words = process_.listening_line();
  if (words.size() < 2) return;
  base_url_ = words[1];
  port_ = port_of(base_url_);
  control_port_ = words.size() >= 4 && words[2] == "control" ? port_of(words[3]) : port_;
}

std::optional<HttpResponse> FixtureUpstream::get(std::string_view target,
                                                 std::string_view extra_headers,
                                                 Millis timeout) const {
  auto connection = HttpConnection::open(control_port_, timeout);
  std::string headers(extra_headers);
  headers += "Connection: close\r\n";
  if (!connection || !connection->send(make_request("GET", target, headers), timeout)) {
    return std::nullopt;
  }
  return connection->read_response(timeout);
}

std::optional<HttpResponse> FixtureUpstream::control(std::string_view method,
                                                     std::string_view target,
                                                     std::string_view body) const {
  if (control_port_ == 0) return std::nullopt;
  std::string headers = "Connection: close\r\n";
  if (method == "POST") {
    headers +=
        "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  }
  std::string request = make_request(method, target, headers);
  request += body;
  return round_trip(control_port_, request);
}

std::string FixtureUpstream::hits_json() const {
  const auto response = control("GET", "/_fixture/hits");
  return response && response->status == 200 ? response->body : std::string();
}

int FixtureUpstream::hits(std::string_view path) const {
  const auto json = parse_json(control("GET", "/_fixture/hits"));
  if (!json.is_object()) return -1;
  const auto entry = path_entry(json, path);
  return entry.is_object() ? entry.value("count", 0) : 0;
}

int FixtureUpstream::total_hits() const {
  const auto json = parse_json(control("GET", "/_fixture/hits"));
  return json.is_object() ? json.value("total", -1) : -1;
}

std::map<std::string, std::string> FixtureUpstream::last_headers(std::string_view path) const {
  std::map<std::string, std::string> headers;
  const auto entry = path_entry(parse_json(control("GET", "/_fixture/hits")), path);
  if (!entry.is_object() || !entry.contains("last_headers")) return headers;
  for (const auto& [name, value] : entry.at("last_headers").items()) {
    if (value.is_string()) headers[name] = value.get<std::string>();
  }
  return headers;
}

std::optional<std::string> FixtureUpstream::last_target(std::string_view path) const {
  const auto entry = path_entry(parse_json(control("GET", "/_fixture/hits")), path);
  if (!entry.is_object() || !entry.contains("last_target")) return std::nullopt;
  return entry.at("last_target").get<std::string>();
}

std::vector<std::string> FixtureUpstream::request_log() const {
  std::vector<std::string> log;
  const auto json = parse_json(control("GET", "/_fixture/hits"));
  if (!json.is_object() || !json.contains("log") || !json.at("log").is_array()) return log;
  for (const auto& entry : json.at("log")) {
    log.push_back(entry.value("method", "") + " " + entry.value("target", ""));
  }
  return log;
}

::testing::AssertionResult FixtureUpstream::configure(std::string_view json) const {
  const auto response = control("POST", "/_fixture/config", json);
  if (response && response->status == 200) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "fixture rejected config " << json << ": "
                                       << (response ? response->raw : std::string("no response"));
}

::testing::AssertionResult FixtureUpstream::reset() const {
  const auto response = control("POST", "/_fixture/reset");
  if (response && response->status == 200) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "fixture reset failed: " << (response ? response->raw : std::string("no response"));
}

FixtureUpstream::Options moto_fixture() {
  FixtureUpstream::Options options;
  options.script = fixtures_dir() + "/aws/aws_fixture.py";
  options.args = {"--moto"};
  return options;
}

std::vector<std::string> aws_mode_env(const FixtureUpstream& moto) {
  return {"BADGESMITH_STORE=dynamodb",
          "BADGESMITH_AWS_ENDPOINT=" + moto.base_url(),
          "AWS_REGION=us-east-1",
          "AWS_ACCESS_KEY_ID=AKIDE2ETESTS",
          "AWS_SECRET_ACCESS_KEY=e2e-fake-secret-access-key",
          "AWS_EC2_METADATA_DISABLED=true"};
}

}  // namespace badgesmith::e2e
