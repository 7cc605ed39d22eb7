// End-to-end harness: runs the real badgesmith binary as a child process and talks raw HTTP/1.1
// to it over loopback. Every blocking operation has a deadline, so a misbehaving server makes a
// test fail instead of hang.
#pragma once

#include <gtest/gtest.h>
#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace badgesmith::e2e {

using Millis = std::chrono::milliseconds;

// The upper bound for any single operation; generous so sanitizer builds pass too.
inline constexpr Millis kIoTimeout{5000};

// Absolute path of the binary under test (set by tests/CMakeLists.txt).
std::string binary_path();

// Creates a fresh directory under $TMPDIR (or /tmp); empty string on failure.
std::string make_temp_dir(std::string_view prefix = "badgesmith-e2e-");

// Recursively removes `path`; errors are ignored (best-effort cleanup).
void remove_tree(const std::string& path);

// Reads a whole file; nullopt when it cannot be opened.
std::optional<std::string> read_file(const std::string& path);

// Splits on '\n', dropping a trailing empty piece.
std::vector<std::string> split_lines(std::string_view text);

// A listening TCP socket on 127.0.0.1 at a kernel-chosen port (stored in `port`); -1 on failure.
// The caller closes it.
int open_loopback_listener(std::uint16_t& port);

struct CommandResult {
  int exit_code = -1;  // Exit status, or 128 + signal, or -1 when it could not run.
  std::string out;
  std::string err;
  bool timed_out = false;  // The child was killed after `timeout`.
};

// Runs BADGESMITH_BINARY with `args` (not including argv[0]) and collects its output.
CommandResult run_command(const std::vector<std::string>& args, Millis timeout = kIoTimeout);

struct CommandOptions {
  // Written to the child's stdin, which is then closed; nullopt: stdin is /dev/null. Written
  // before any output is read, so keep it within a pipe's capacity (64 KiB).
  std::optional<std::string> stdin_data;
  // "NAME=value" entries added to the child's environment; unlike the caller's own BADGESMITH_*
  // variables (always dropped), these are passed on.
  std::vector<std::string> env;
  Millis timeout = kIoTimeout;
};

// As above, with stdin data and extra environment variables.
CommandResult run_command(const std::vector<std::string>& args, const CommandOptions& options);

// Runs `program` (looked up on PATH unless it holds a '/') with `args` the same way, e.g. python3
// on a client script.
CommandResult run_program(const std::string& program, const std::vector<std::string>& args,
                          const CommandOptions& options);

// A running `badgesmith serve` child. The constructor waits for the "listening" log line; check
// started() (or use ASSERT_TRUE(server.started()) << server.stderr_text()).
class ServerProcess {
 public:
  struct Options {
    std::vector<std::string> args;  // Extra arguments after the defaults below.
    // Prepended as the first argument unless empty (the binary defaults to `serve` without it).
    std::string command = "serve";
    bool add_listen = true;    // --listen 127.0.0.1:0
    bool add_data_dir = true;  // --data-dir <fresh temp dir>
    // "NAME=value" entries added to the child's environment (the caller's BADGESMITH_* never are).
    std::vector<std::string> env;
    // Wait for the "listening" line; Lambda mode never listens (port() stays 0).
    bool wait_listening = true;
    // Run this (looked up on PATH unless it holds a '/') instead of BADGESMITH_BINARY, with the
    // arguments above: a launcher such as env/chroot in front of a packaged binary.
    std::string program;
  };

  explicit ServerProcess(std::vector<std::string> args = {});
  explicit ServerProcess(Options options);
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  bool started() const { return port_ != 0; }
  std::uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }
  const std::string& data_dir() const { return data_dir_; }
  // The "version" field of the listening line.
  const std::string& version() const { return version_; }

  std::string stderr_text() const;
  std::string stdout_text() const;

  // Waits until the captured stream contains `needle`; false on timeout.
  bool wait_for_stderr(std::string_view needle, Millis timeout = kIoTimeout) const;
  bool wait_for_stdout(std::string_view needle, Millis timeout = kIoTimeout) const;

  bool send_signal(int signal_number) const;
  // SIGTERM, then wait_exit(timeout).
  std::optional<int> terminate(Millis timeout = kIoTimeout);
  // Exit code (128 + signal when killed), or nullopt if still running after `timeout`.
  std::optional<int> wait_exit(Millis timeout = kIoTimeout);
  bool running();

 private:
  void spawn(Options options);
  void reader_loop(int out_fd, int err_fd);
  bool wait_for(const std::string& stream, std::string_view needle, Millis timeout) const;

  pid_t pid_ = -1;
  std::optional<int> exit_code_;
  std::uint16_t port_ = 0;
  std::string version_;
  std::string data_dir_;
  bool owns_data_dir_ = false;
  std::thread reader_;

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::string out_;              // Guarded by mutex_.
  std::string err_;              // Guarded by mutex_.
  bool streams_closed_ = false;  // Guarded by mutex_; both pipes reached EOF (child gone).
};

struct HttpResponse {
  std::string version;
  int status = 0;
  std::string reason;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string raw;  // Status line through body, exactly as received.

  // First field with that name (case-insensitive).
  std::optional<std::string> header(std::string_view name) const;
  std::size_t header_count(std::string_view name) const;
  bool has_header(std::string_view name) const { return header_count(name) > 0; }
  // Whether the response announces the connection will close.
  bool closes_connection() const;
};

// A raw loopback TCP connection with an HTTP/1.1 response reader. Movable, not copyable.
class HttpConnection {
 public:
  // nullopt when the connection cannot be made within `timeout`.
  static std::optional<HttpConnection> open(std::uint16_t port, Millis timeout = kIoTimeout);

  HttpConnection(HttpConnection&& other) noexcept;
  HttpConnection& operator=(HttpConnection&& other) noexcept;
  ~HttpConnection();

  // Sends every byte or returns false (peer closed, reset, or timeout).
  bool send(std::string_view bytes, Millis timeout = kIoTimeout);

  // Reads one complete response. `for_head` marks a response to HEAD (no body whatever the
  // Content-Length). A 1xx interim response is returned on its own. nullopt on timeout, on EOF
  // before a full response, or on a malformed response (see error()).
  std::optional<HttpResponse> read_response(Millis timeout = kIoTimeout, bool for_head = false);

  enum class CloseWait { kClosed, kTimedOut, kGotData };
  // Waits for the peer to close. kGotData if any byte (beyond those already buffered) arrives
  // first; the bytes are kept in pending().
  CloseWait wait_closed(Millis timeout = kIoTimeout);

  // True once EOF or a reset has been seen.
  bool peer_closed() const { return closed_; }
  // Received bytes not yet returned by read_response().
  const std::string& pending() const { return buffer_; }
  const std::string& error() const { return error_; }
  void shutdown_write();
  int fd() const { return fd_; }

 private:
  explicit HttpConnection(int fd) : fd_(fd) {}
  enum class Fill { kData, kClosed, kTimedOut };
  Fill fill(std::chrono::steady_clock::time_point deadline);

  int fd_ = -1;
  std::string buffer_;
  bool closed_ = false;
  std::string error_;
};

// Result of trying to parse one response from the front of `data`.
enum class ParseStatus { kComplete, kIncomplete, kInvalid };
ParseStatus parse_response(std::string_view data, bool for_head, bool at_eof, HttpResponse& out,
                           std::size_t& consumed);

// "GET /path HTTP/1.1\r\nHost: …\r\n<extra_headers>\r\n"; each extra header line must end in CRLF.
std::string make_request(std::string_view method, std::string_view target,
                         std::string_view extra_headers = {});

// Connects, sends `request` and reads one response.
std::optional<HttpResponse> round_trip(std::uint16_t port, std::string_view request,
                                       bool for_head = false);

// GET /health answers 200 "Healthy": the process survived whatever came before.
::testing::AssertionResult is_healthy(std::uint16_t port);

// A JSON error body of the documented shape with this status and first error_code.
::testing::AssertionResult is_json_error(const std::optional<HttpResponse>& response, int status,
                                         std::string_view error_code);

// Headers every response carries (CORS, X-Request-Id, nosniff, Date, Content-Length rules).
// `for_head`: the response answers HEAD, so Content-Length describes a body that was not sent.
::testing::AssertionResult has_common_headers(const HttpResponse& response, bool for_head = false);

// Base fixture for suites whose tests share one server started with `args` (tests that do not
// change server state; each test still starts from a fresh connection).
class SharedServerTest : public ::testing::Test {
 protected:
  static void start_shared_server(std::vector<std::string> args = {});
  static void stop_shared_server();
  static ServerProcess& server() { return *shared_server_; }
  static std::uint16_t port() { return shared_server_->port(); }
  void SetUp() override;

 private:
  static ServerProcess* shared_server_;
};

// Polls `predicate` every 10 ms until it holds or `timeout` passes.
bool eventually(const std::function<bool()>& predicate, Millis timeout = kIoTimeout);

}  // namespace badgesmith::e2e
