// Command line: version, help, backup, configuration errors and start-up failures.
#include <unistd.h>

#include <regex>

#include "harness.h"

namespace badgesmith::e2e {
namespace {

// Removes a temp dir at scope exit, so failed assertions do not leak directories.
class TempDir {
 public:
  TempDir() : path_(make_temp_dir()) {}
  ~TempDir() { remove_tree(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(std::string_view name) const { return path_ + "/" + std::string(name); }

 private:
  std::string path_;
};

bool is_sqlite_file(const std::string& path) {
  const auto contents = read_file(path);
  return contents && contents->size() >= 100 &&
         contents->compare(0, 16, std::string("SQLite format 3\0", 16)) == 0;
}

TEST(CliE2eTest, VersionPrintsSemver) {
  const auto result = run_command({"version"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(std::regex_match(result.out, std::regex(R"(badgesmith \d+\.\d+\.\d+\n)")))
      << result.out;
  EXPECT_TRUE(result.err.empty()) << result.err;
}

TEST(CliE2eTest, HelpExitsZeroForEveryCommand) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"--help"}, {"-h"}, {"serve", "--help"}, {"backup", "--help"}, {"version", "--help"}}) {
    SCOPED_TRACE(args.front() + (args.size() > 1 ? " " + args[1] : ""));
    const auto result = run_command(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_FALSE(result.timed_out);
    EXPECT_NE(result.out.find("Usage"), std::string::npos) << result.out;
  }
  // serve's help documents its limits, so operators can find them.
  const auto serve = run_command({"serve", "--help"});
  for (const char* option :
       {"--listen", "--data-dir", "--max-body-bytes", "--trusted-proxies", "--shutdown-grace-ms"}) {
    EXPECT_NE(serve.out.find(option), std::string::npos) << option;
  }
}

struct BadConfig {
  std::vector<std::string> args;
  std::string stderr_mentions;
};

TEST(CliE2eTest, BadConfigurationExitsTwoWithOneLine) {
  const std::vector<BadConfig> cases = {
      {{"--listen", "nonsense"}, "--listen"},
      {{"--listen", "127.0.0.1:99999"}, "--listen"},
      {{"--listen", "localhost:80"}, "--listen"},
      {{"--listen", "127.0.0.1:"}, "--listen"},
      {{"--listen", "[::1"}, "--listen"},
      {{"--log-level", "loud"}, "--log-level"},
      {{"--trusted-proxies", "300.1.1.1/8"}, "--trusted-proxies"},
      {{"--trusted-proxies", "10.0.0.0/33"}, "--trusted-proxies"},
      {{"--max-body-bytes", "-1"}, "--max-body-bytes"},
      {{"--max-header-bytes", "10"}, "--max-header-bytes"},
      {{"--idle-timeout-ms", "0"}, "--idle-timeout-ms"},
      {{"--max-connections", "zero"}, "--max-connections"},
      {{"--no-such-flag"}, "--no-such-flag"},
      {{"--access-log", ""}, "--access-log"},
  };
  TempDir data;
  ASSERT_FALSE(data.path().empty());
  for (const BadConfig& bad : cases) {
    std::vector<std::string> args{"serve", "--data-dir", data.path()};
    // Defaults that would otherwise be used are valid and not the subject; --listen port 0
    // keeps a wrongly accepted configuration off fixed ports (run_command's timeout ends it).
    if (bad.args.front() != "--listen") args.insert(args.end(), {"--listen", "127.0.0.1:0"});
    args.insert(args.end(), bad.args.begin(), bad.args.end());
    SCOPED_TRACE(bad.args.front() + (bad.args.size() > 1 ? " " + bad.args[1] : ""));
    const auto result = run_command(args, Millis(3000));
    EXPECT_FALSE(result.timed_out) << "accepted and started serving:\n" << result.err;
    EXPECT_EQ(result.exit_code, 2);
    const auto lines = split_lines(result.err);
    EXPECT_EQ(lines.size(), 1U) << result.err;
    EXPECT_TRUE(result.err.ends_with("\n")) << result.err;
    EXPECT_NE(result.err.find(bad.stderr_mentions), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find("listening"), std::string::npos);
    EXPECT_TRUE(result.out.empty()) << result.out;
  }
}

TEST(CliE2eTest, UnknownCommandExitsTwo) {
  const auto result = run_command({"frobnicate"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(split_lines(result.err).size(), 1U) << result.err;
}

TEST(CliE2eTest, PortInUseExitsOne) {
  std::uint16_t port = 0;
  const int listener = open_loopback_listener(port);
  ASSERT_GE(listener, 0);
  TempDir data;
  const auto result = run_command(
      {"serve", "--listen", "127.0.0.1:" + std::to_string(port), "--data-dir", data.path()});
  ::close(listener);
  EXPECT_FALSE(result.timed_out) << "started on a port that is in use:\n" << result.err;
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.err.find("cannot listen"), std::string::npos) << result.err;
}

TEST(CliE2eTest, PortHeldByAnotherInstanceExitsOne) {
  // SO_REUSEPORT must not let a second instance silently share the port of a running one.
  ServerProcess first;
  ASSERT_TRUE(first.started()) << first.stderr_text();
  TempDir data;
  const auto result = run_command({"serve", "--listen", "127.0.0.1:" + std::to_string(first.port()),
                                   "--data-dir", data.path()});
  EXPECT_FALSE(result.timed_out) << "a second instance shares the port:\n" << result.err;
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_TRUE(is_healthy(first.port()));
  EXPECT_EQ(first.terminate(), 0);
}

TEST(CliE2eTest, ServeIsTheDefaultCommand) {
  ServerProcess::Options options;
  options.command.clear();
  ServerProcess server(options);
  ASSERT_TRUE(server.started()) << server.stderr_text();
  EXPECT_TRUE(is_healthy(server.port()));
  EXPECT_EQ(server.terminate(), 0);
}

TEST(CliE2eTest, ListeningLineIsJson) {
  ServerProcess server;
  ASSERT_TRUE(server.started()) << server.stderr_text();
  // Start-up warnings (no master key here) may come first; every line is JSON of one shape.
  std::string listening_line;
  for (const std::string& line : split_lines(server.stderr_text())) {
    EXPECT_TRUE(std::regex_search(line, std::regex(R"(^\{"time":"[^"]+","level":"[a-z]+","msg":)")))
        << line;
    if (line.find(R"("msg":"listening")") != std::string::npos) listening_line = line;
  }
  EXPECT_TRUE(std::regex_search(
      listening_line, std::regex(R"(^\{"time":"[^"]+","level":"info","msg":"listening","address":)"
                                 R"("127\.0\.0\.1:\d+")")))
      << listening_line;
  EXPECT_FALSE(server.version().empty());
  const auto version = run_command({"version"});
  EXPECT_EQ(version.out, "badgesmith " + server.version() + "\n");
}

TEST(CliE2eTest, BackupAfterServeWritesSqliteFile) {
  ServerProcess server;
  ASSERT_TRUE(server.started()) << server.stderr_text();
  ASSERT_TRUE(is_healthy(server.port()));  // The health probe touches the store.
  ASSERT_EQ(server.terminate(), 0) << server.stderr_text();

  TempDir out;
  const std::string file = out.file("backup.db");
  const auto result = run_command({"backup", file, "--data-dir", server.data_dir()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(is_sqlite_file(file));
  EXPECT_NE(result.out.find(file), std::string::npos) << result.out;
}

TEST(CliE2eTest, BackupWhileServing) {
  ServerProcess server;
  ASSERT_TRUE(server.started()) << server.stderr_text();
  ASSERT_TRUE(is_healthy(server.port()));
  TempDir out;
  const std::string file = out.file("online.db");
  const auto result = run_command({"backup", file, "--data-dir", server.data_dir()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(is_sqlite_file(file));
  EXPECT_TRUE(is_healthy(server.port()));
  EXPECT_EQ(server.terminate(), 0) << server.stderr_text();
}

TEST(CliE2eTest, BackupRefusesAnExistingFile) {
  ServerProcess server;
  ASSERT_TRUE(server.started()) << server.stderr_text();
  ASSERT_TRUE(is_healthy(server.port()));  // Serving: SIGTERM now takes the graceful path.
  ASSERT_EQ(server.terminate(), 0) << server.stderr_text();
  TempDir out;
  const std::string file = out.file("taken.db");
  ASSERT_EQ(run_command({"backup", file, "--data-dir", server.data_dir()}).exit_code, 0);
  const auto before = read_file(file);

  const auto again = run_command({"backup", file, "--data-dir", server.data_dir()});
  EXPECT_EQ(again.exit_code, 1) << again.err;
  EXPECT_FALSE(again.err.empty());
  EXPECT_EQ(read_file(file), before) << "the existing file was modified";
}

TEST(CliE2eTest, BackupWithoutFileArgumentIsUsageError) {
  const auto result = run_command({"backup"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(split_lines(result.err).size(), 1U) << result.err;
}

}  // namespace
}  // namespace badgesmith::e2e
