// The packaged Lambda function end to end: dist/badgesmith-lambda-<arch>.zip (scripts/lambda-zip)
// is unzipped into an otherwise empty root — /var/task (the zip's files), /etc/resolv.conf and an
// empty /tmp, as Lambda has — and its `bootstrap` runs there under chroot, driven by the in-repo
// Runtime API emulator on loopback. BADGESMITH_LAMBDA_ARCH picks the zip: x86_64 (the default,
// run by `make test`) or arm64 (`make test-arm64`), which runs through qemu-aarch64-static called
// explicitly, since binfmt_misc may be absent. A missing zip fails; nothing is skipped.
//
// Built as its own binary (badgesmith_lambda_zip_tests), apart from badgesmith_e2e_tests, since it
// tests what dist/ holds rather than the debug build.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "core/timestamp.h"
#include "features/testresults/signature.h"
#include "fixture_upstream.h"
#include "harness.h"
#include "lambda_emulator.h"

namespace badgesmith::e2e {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::string arch() {
  const char* value = std::getenv("BADGESMITH_LAMBDA_ARCH");
  return value != nullptr && *value != '\0' ? value : "x86_64";
}
bool is_arm64() { return arch() == "arm64"; }
std::string zip_path() {
  return std::string(BADGESMITH_SOURCE_DIR) + "/dist/badgesmith-lambda-" + arch() + ".zip";
}
// Under qemu every step is several times slower than native.
Millis step_timeout() { return is_arm64() ? Millis(30000) : Millis(10000); }

json event(std::string_view method, std::string_view raw_path) {
  return {{"version", "2.0"},
          {"routeKey", "$default"},
          {"rawPath", raw_path},
          {"rawQueryString", ""},
          {"headers", {{"accept", "*/*"}, {"user-agent", "zip-e2e"}}},
          {"requestContext",
           {{"requestId", "zip-req"},
            {"http", {{"method", method}, {"path", raw_path}, {"sourceIp", "203.0.113.9"}}}}},
          {"isBase64Encoded", false}};
}

bool waiting_for_next(const json& state) { return state.value("waiting_next", 0) > 0; }
bool has_init_error(const json& state) {
  return state.contains("init_errors") && !state["init_errors"].empty();
}

CommandResult run(const std::string& program, const std::vector<std::string>& args) {
  return run_program(program, args,
                     {.stdin_data = std::nullopt, .env = {}, .timeout = Millis(60000)});
}

// The directory tree a Lambda sandbox shows a zip function, built in a fresh temp dir.
class EmptyRoot {
 public:
  EmptyRoot() : dir_(make_temp_dir("badgesmith-lambda-root-")) {}
  ~EmptyRoot() { remove_tree(dir_); }
  EmptyRoot(const EmptyRoot&) = delete;
  EmptyRoot& operator=(const EmptyRoot&) = delete;

  // Unzips `zip` into /var/task and adds /etc/resolv.conf, an empty /tmp and, for arm64, the
  // qemu binary at /qemu-aarch64-static (outside /var/task). Empty string on success, else why.
  std::string populate(const std::string& zip) {
    std::error_code ec;
    if (dir_.empty()) return "cannot make a temp dir";
    fs::create_directories(task(), ec);
    fs::create_directories(dir_ + "/etc", ec);
    fs::create_directories(dir_ + "/tmp", ec);
    if (ec) return "cannot create the root's directories: " + ec.message();
    ::chmod((dir_ + "/tmp").c_str(), 01777);
    std::ofstream(dir_ + "/etc/resolv.conf") << "nameserver 127.0.0.1\n";
    const CommandResult unzipped = run("unzip", {"-q", zip, "-d", task()});
    if (unzipped.exit_code != 0) return "unzip failed: " + unzipped.err;
    if (is_arm64()) {
      fs::copy_file("/usr/bin/qemu-aarch64-static", dir_ + "/qemu-aarch64-static", ec);
      if (ec)
        return "cannot copy qemu-aarch64-static (scripts/install-deps --lambda): " + ec.message();
    }
    return {};
  }

  const std::string& dir() const { return dir_; }
  std::string task() const { return dir_ + "/var/task"; }

 private:
  std::string dir_;
};

// The environment Lambda gives a custom runtime (the Runtime API on loopback; fake credentials
// and a disabled metadata service, so nothing can reach AWS), plus `extra`.
std::vector<std::string> lambda_environment(const LambdaEmulator& emulator,
                                            const std::vector<std::string>& extra) {
  std::vector<std::string> env = {
      "AWS_LAMBDA_RUNTIME_API=" + emulator.runtime_api(),
      "LAMBDA_TASK_ROOT=/var/task",
      "LAMBDA_RUNTIME_DIR=/var/runtime",
      "_HANDLER=bootstrap",
      "AWS_REGION=us-east-1",
      "AWS_DEFAULT_REGION=us-east-1",
      "AWS_LAMBDA_FUNCTION_NAME=badgesmith",
      "AWS_LAMBDA_FUNCTION_MEMORY_SIZE=128",
      "AWS_LAMBDA_FUNCTION_VERSION=$LATEST",
      "AWS_ACCESS_KEY_ID=AKIDEXAMPLE",
      "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
      "AWS_SESSION_TOKEN=zip-e2e",
      "AWS_EC2_METADATA_DISABLED=true",
      "PATH=/usr/local/bin:/usr/bin/:/bin:/opt/bin",
      "LD_LIBRARY_PATH=/var/lang/lib:/lib64:/usr/lib64:/var/runtime:/var/runtime/lib:/var/task:"
      "/var/task/lib:/opt/lib",
      "LANG=en_US.UTF-8",
      "TZ=:UTC",
  };
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

// Starts /var/task/bootstrap inside `root` with exactly `env` (env -i; chroot as root, else in a
// user namespace where we are root). The child's pid is the bootstrap's (or qemu's) own, since
// env, unshare and chroot all exec.
ServerProcess::Options function_options(const EmptyRoot& root, std::vector<std::string> env) {
  std::vector<std::string> argv;
  std::string program = "/usr/bin/env";
  if (::geteuid() != 0) {
    program = "unshare";
    argv = {"--user", "--map-root-user", "/usr/bin/env"};
  }
  argv.push_back("-i");
  argv.insert(argv.end(), env.begin(), env.end());
  argv.insert(argv.end(), {"/usr/sbin/chroot", root.dir()});
  if (is_arm64()) argv.push_back("/qemu-aarch64-static");
  argv.push_back("/var/task/bootstrap");
  return {.args = std::move(argv),
          .command = "",
          .add_listen = false,
          .add_data_dir = false,
          .env = {},
          .wait_listening = false,
          .program = program};
}

class PackagedLambda : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::exists(zip_path()))
        << zip_path() << " is missing: build it with `make lambda-zip` (or scripts/lambda-zip "
        << arch() << ")";
    const std::string problem = root_.populate(zip_path());
    ASSERT_TRUE(problem.empty()) << problem;
    ASSERT_TRUE(emulator_.started()) << emulator_.output();
  }

  std::string bootstrap() const { return root_.task() + "/bootstrap"; }

  EmptyRoot root_;
  LambdaEmulator emulator_;
};

TEST_F(PackagedLambda, HoldsOneStaticBootstrapAndAHashedCaDirectory) {
  const CommandResult listing = run("unzip", {"-Z1", zip_path()});
  ASSERT_EQ(listing.exit_code, 0) << listing.err;
  const std::regex cert_name(R"(certs/[0-9a-f]{8}\.[0-9]+)");
  std::size_t certs = 0;
  for (const std::string& name : split_lines(listing.out)) {
    if (name == "bootstrap") continue;
    EXPECT_TRUE(std::regex_match(name, cert_name)) << "unexpected entry " << name;
    ++certs;
  }
  EXPECT_GT(certs, 100u) << "Debian's whole CA set is ~140 certificates";
  EXPECT_NE(listing.out.find("bootstrap\n"), std::string::npos);

  struct stat info {};
  ASSERT_EQ(::stat(bootstrap().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0755u);
  const CommandResult described = run("file", {"-b", bootstrap()});
  EXPECT_NE(described.out.find("statically linked"), std::string::npos) << described.out;
  EXPECT_NE(described.out.find(is_arm64() ? "ARM aarch64" : "x86-64"), std::string::npos)
      << described.out;
  // ldd has nothing to load for a static executable (of either architecture).
  const CommandResult ldd = run("ldd", {bootstrap()});
  EXPECT_NE((ldd.out + ldd.err).find("not a dynamic executable"), std::string::npos)
      << ldd.out << ldd.err;
  const CommandResult checked =
      run(std::string(BADGESMITH_SOURCE_DIR) + "/scripts/check-static", {bootstrap()});
  EXPECT_EQ(checked.exit_code, 0) << checked.out << checked.err;
}

// Init, a badge, an https upstream trusted through the bundled certs directory, a malformed
// event, and a shutdown, in that order, in one sandbox.
TEST_F(PackagedLambda, RunsInAnEmptyRoot) {
  // A private CA dropped into the zip's certs/ under its subject hash: the function finds it
  // through the hashed-directory lookup ($LAMBDA_TASK_ROOT/certs; /proc is not mounted here).
  const std::string ca_dir = make_temp_dir("badgesmith-lambda-ca-");
  const TlsFiles tls = make_test_ca(ca_dir);
  ASSERT_TRUE(tls.ok()) << tls.error;
  const CommandResult hash = run("openssl", {"x509", "-hash", "-noout", "-in", tls.ca_cert});
  ASSERT_EQ(hash.exit_code, 0) << hash.err;
  std::string hashed = root_.task() + "/certs/" + split_lines(hash.out).at(0) + ".";
  int n = 0;
  while (fs::exists(hashed + std::to_string(n))) ++n;
  fs::copy_file(tls.ca_cert, hashed + std::to_string(n));
  FixtureUpstream::Options upstream_options;
  upstream_options.tls = tls;
  FixtureUpstream upstream(upstream_options);
  ASSERT_TRUE(upstream.started()) << upstream.output();

  ServerProcess function(function_options(
      root_,
      lambda_environment(emulator_, {"BADGESMITH_NUGET_SOURCE=" + upstream.nuget_index_url()})));

  // Init: the runtime reaches /next.
  ASSERT_TRUE(emulator_.wait_until(waiting_for_next, step_timeout())) << function.stderr_text();
  EXPECT_NE(function.stderr_text().find("no BADGESMITH_STORE"), std::string::npos);

  // A badge that needs no upstream.
  const auto badge = emulator_.invoke(event("GET", "/badge/build-passing-green"), step_timeout());
  ASSERT_TRUE(badge) << function.stderr_text();
  ASSERT_EQ(badge->kind, "response") << badge->payload.dump();
  EXPECT_EQ(badge->payload["statusCode"], 200);
  EXPECT_TRUE(badge->payload["body"].get<std::string>().starts_with("<svg"));
  // The SQLite store went to the sandbox's only writable place.
  EXPECT_TRUE(fs::exists(root_.dir() + "/tmp/badgesmith"));

  // https through the bundled CA directory.
  const auto nuget =
      emulator_.invoke(event("GET", "/badges/packages/nuget/Newtonsoft.Json"), step_timeout());
  ASSERT_TRUE(nuget) << function.stderr_text();
  ASSERT_EQ(nuget->kind, "response") << nuget->payload.dump();
  EXPECT_EQ(nuget->payload["statusCode"], 200) << nuget->payload.dump() << "\n"
                                               << function.stderr_text();
  EXPECT_NE(nuget->payload["body"].get<std::string>().find("13.0.3"), std::string::npos);

  // Events that are not JSON, or not API Gateway v2 events: each refused with a 400 response,
  // and the function keeps serving (run_runtime_loop posts /error only for a result it cannot
  // send, such as one over 6 MB).
  for (const std::string_view bad : {R"({"not json)", R"("an API Gateway event? no")"}) {
    const auto malformed = emulator_.invoke_raw(bad, step_timeout());
    ASSERT_TRUE(malformed) << function.stderr_text();
    EXPECT_EQ(malformed->kind, "response") << bad;
    EXPECT_EQ(malformed->payload["statusCode"], 400) << bad << ": " << malformed->payload.dump();
  }
  const auto health = emulator_.invoke(event("GET", "/health"), step_timeout());
  ASSERT_TRUE(health) << function.stderr_text();
  EXPECT_EQ(health->payload["statusCode"], 200);

  // Shutdown: SIGTERM while waiting on /next ends the process cleanly.
  ASSERT_TRUE(emulator_.wait_until(waiting_for_next, step_timeout()));
  EXPECT_EQ(function.terminate(step_timeout()), 0) << function.stderr_text();
  EXPECT_NE(function.stderr_text().find("\"msg\":\"stopped\""), std::string::npos)
      << function.stderr_text();
  remove_tree(ca_dir);
}

// AWS mode from the empty root, as the CDK stack runs it: BADGESMITH_STORE=dynamodb on moto (on
// loopback, which the chroot shares), a signed ingestion stored there, and its badge. The tables
// and the owner's key are made by the operator commands of this build, as an operator would.
TEST_F(PackagedLambda, IngestsIntoDynamoDbFromTheEmptyRoot) {
  FixtureUpstream moto(moto_fixture());
  ASSERT_TRUE(moto.started()) << moto.output();
  const std::string secret = "zip-E2E-CANARY-testdata-key";
  CommandOptions operator_options{
      .stdin_data = std::nullopt, .env = aws_mode_env(moto), .timeout = Millis(60000)};
  const CommandResult tables = run_command({"dynamodb", "create-tables"}, operator_options);
  ASSERT_EQ(tables.exit_code, 0) << tables.err;
  operator_options.stdin_data = secret + "\n";
  const CommandResult key =
      run_command({"secrets", "set", "--owner", "acme", "--type", "testdata"}, operator_options);
  ASSERT_EQ(key.exit_code, 0) << key.err;

  ServerProcess function(function_options(
      root_, lambda_environment(emulator_, {"BADGESMITH_STORE=dynamodb",
                                            "BADGESMITH_AWS_ENDPOINT=" + moto.base_url()})));
  ASSERT_TRUE(emulator_.wait_until(waiting_for_next, step_timeout())) << function.stderr_text();
  EXPECT_EQ(function.stderr_text().find("no BADGESMITH_STORE"), std::string::npos);

  const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  const std::string timestamp = format_rfc3339_ms(now_ms);
  const std::string body =
      json{{"platform", "linux"},
           {"passed", 41},
           {"failed", 0},
           {"skipped", 1},
           {"total", 42},
           {"url_html", "https://github.com/acme/widget/actions/runs/7"},
           {"timestamp", format_rfc3339_ms(now_ms - 1000)},
           {"commit", "0123456789abcdef0123456789abcdef01234567"},
           {"run_id", "7"},
           {"workflow_run_url", "https://github.com/acme/widget/actions/runs/7"}}
          .dump();
  const std::string nonce = "zip-e2e-nonce-" + std::to_string(now_ms);
  const auto canonical = testresults::canonical_request({.method = "POST",
                                                         .platform = "linux",
                                                         .owner = "acme",
                                                         .repo = "widget",
                                                         .branch = "main",
                                                         .timestamp = timestamp,
                                                         .nonce = nonce,
                                                         .body = body});
  ASSERT_TRUE(canonical);
  json post = event("POST", "/tests/results/linux/acme/widget/main");
  post["headers"]["content-type"] = "application/json";
  post["headers"]["x-timestamp"] = timestamp;
  post["headers"]["x-nonce"] = nonce;
  post["headers"]["x-signature"] = testresults::sign(secret, canonical.value()).value();
  post["body"] = body;
  const auto stored = emulator_.invoke(post, step_timeout());
  ASSERT_TRUE(stored) << function.stderr_text();
  ASSERT_EQ(stored->kind, "response") << stored->payload.dump();
  EXPECT_EQ(stored->payload["statusCode"], 201) << stored->payload.dump();
  // The same request again: its nonce is claimed in DynamoDB.
  const auto replayed = emulator_.invoke(post, step_timeout());
  ASSERT_TRUE(replayed);
  EXPECT_EQ(replayed->payload["statusCode"], 409) << replayed->payload.dump();

  const auto badge =
      emulator_.invoke(event("GET", "/badges/tests/linux/acme/widget/main"), step_timeout());
  ASSERT_TRUE(badge) << function.stderr_text();
  EXPECT_EQ(badge->payload["statusCode"], 200) << badge->payload.dump();
  EXPECT_EQ(json::parse(badge->payload["body"].get<std::string>(), nullptr, false)["message"],
            "41 passed, 1 skipped");
  // Nothing of the store went to the sandbox's disk.
  EXPECT_FALSE(fs::exists(root_.dir() + "/tmp/badgesmith"));
  EXPECT_EQ(function.stderr_text().find("CANARY"), std::string::npos);
  EXPECT_EQ(function.terminate(step_timeout()), 0) << function.stderr_text();
}

// A start-up failure inside the sandbox is reported on /init/error before exiting non-zero.
TEST_F(PackagedLambda, ReportsInitErrorsFromTheEmptyRoot) {
  ServerProcess function(
      function_options(root_, lambda_environment(emulator_, {"BADGESMITH_MASTER_KEY=not-a-key"})));
  EXPECT_EQ(function.wait_exit(step_timeout()), 1) << function.stderr_text();
  ASSERT_TRUE(emulator_.wait_until(has_init_error));
  EXPECT_EQ(emulator_.state()["init_errors"][0]["error_type"], "Runtime.InitError");
}

}  // namespace
}  // namespace badgesmith::e2e
