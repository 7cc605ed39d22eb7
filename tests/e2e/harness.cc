#include "harness.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

extern char** environ;

namespace badgesmith::e2e {

namespace {

using Clock = std::chrono::steady_clock;

// A test that writes to a connection the server already closed must see EPIPE, not die.
[[maybe_unused]] const bool kSigpipeIgnored = [] {
  std::signal(SIGPIPE, SIG_IGN);
  return true;
}();

int remaining_ms(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<Millis>(deadline - Clock::now()).count();
  return left <= 0 ? 0 : static_cast<int>(left);
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) {
      return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The child's environment minus BADGESMITH_* settings (they would override flags and make
// results depend on the developer's shell). BADGESMITH_HERMETIC only marks the namespace.
std::vector<std::string> child_environment() {
  std::vector<std::string> env;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string_view text(*entry);
    if (text.starts_with("BADGESMITH_") && !text.starts_with("BADGESMITH_HERMETIC=")) continue;
    env.emplace_back(text);
  }
  return env;
}

std::vector<char*> to_c_strings(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  pointers.reserve(strings.size() + 1);
  for (std::string& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

// Spawns `program` (looked up on PATH unless it holds a '/') with stdout/stderr into fresh pipes
// whose read ends are returned, and stdin from `stdin_fd` (/dev/null when -1). `extra_env`
// ("NAME=value") is added to child_environment(), replacing inherited entries of the same names.
// The pipes are close-on-exec so no other child inherits them.
pid_t spawn_process(const std::string& program, const std::vector<std::string>& args, int& out_fd,
                    int& err_fd, const std::vector<std::string>& extra_env = {},
                    int stdin_fd = -1) {
  int out_pipe[2];
  int err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) return -1;
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    return -1;
  }
  std::vector<std::string> argv{program};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<std::string> env = child_environment();
  // An extra entry replaces the inherited one of the same name (getenv finds the first).
  for (const std::string& entry : extra_env) {
    const std::string prefix = entry.substr(0, entry.find('=') + 1);
    std::erase_if(
        env, [&prefix](const std::string& inherited) { return inherited.starts_with(prefix); });
  }
  env.insert(env.end(), extra_env.begin(), extra_env.end());
  auto argv_c = to_c_strings(argv);
  auto env_c = to_c_strings(env);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (stdin_fd >= 0) {
    posix_spawn_file_actions_adddup2(&actions, stdin_fd, STDIN_FILENO);
  } else {
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  }
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  pid_t pid = -1;
  const int rc = ::posix_spawnp(&pid, argv_c[0], &actions, nullptr, argv_c.data(), env_c.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (rc != 0) {
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    return -1;
  }
  out_fd = out_pipe[0];
  err_fd = err_pipe[0];
  return pid;
}

int decode_wait_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

// Reads both pipes until EOF or the deadline, calling `sink(is_stderr, bytes)`.
// Returns false on timeout.
template <class Sink>
bool pump_pipes(int out_fd, int err_fd, Clock::time_point deadline, Sink&& sink) {
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  char chunk[8192];
  while (fds[0].fd >= 0 || fds[1].fd >= 0) {
    const int wait = deadline == Clock::time_point::max() ? -1 : remaining_ms(deadline);
    const int ready = ::poll(fds, 2, wait);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return false;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t n = ::read(fds[i].fd, chunk, sizeof chunk);
      if (n > 0) {
        sink(i == 1, std::string_view(chunk, static_cast<std::size_t>(n)));
      } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
        fds[i].fd = -1;  // Closed; the caller owns and closes the descriptor.
      }
    }
  }
  return true;
}

std::optional<std::string> json_string_field(std::string_view line, std::string_view key) {
  const std::string pattern = "\"" + std::string(key) + "\":\"";
  const std::size_t start = line.find(pattern);
  if (start == std::string_view::npos) return std::nullopt;
  const std::size_t value_start = start + pattern.size();
  const std::size_t end = line.find('"', value_start);
  if (end == std::string_view::npos) return std::nullopt;
  return std::string(line.substr(value_start, end - value_start));
}

}  // namespace

std::string binary_path() { return BADGESMITH_BINARY; }

std::string make_temp_dir(std::string_view prefix) {
  const char* tmp = std::getenv("TMPDIR");
  std::string path = (tmp != nullptr && *tmp != '\0') ? tmp : "/tmp";
  path += '/';
  path += prefix;
  path += "XXXXXX";
  if (::mkdtemp(path.data()) == nullptr) return {};
  return path;
}

void remove_tree(const std::string& path) {
  if (path.empty()) return;
  std::error_code ignored;
  std::filesystem::remove_all(path, ignored);
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    lines.emplace_back(text.substr(0, newline));
    if (newline == std::string_view::npos) break;
    text.remove_prefix(newline + 1);
  }
  return lines;
}

int open_loopback_listener(std::uint16_t& port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(fd, 16) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(fd);
    return -1;
  }
  port = ntohs(address.sin_port);
  return fd;
}

CommandResult run_command(const std::vector<std::string>& args, Millis timeout) {
  return run_command(args, CommandOptions{{}, {}, timeout});
}

CommandResult run_command(const std::vector<std::string>& args, const CommandOptions& options) {
  return run_program(binary_path(), args, options);
}

CommandResult run_program(const std::string& program, const std::vector<std::string>& args,
                          const CommandOptions& options) {
  CommandResult result;
  int stdin_pipe[2] = {-1, -1};
  if (options.stdin_data && ::pipe2(stdin_pipe, O_CLOEXEC) != 0) return result;
  int out_fd = -1;
  int err_fd = -1;
  const pid_t pid = spawn_process(program, args, out_fd, err_fd, options.env, stdin_pipe[0]);
  if (stdin_pipe[0] >= 0) ::close(stdin_pipe[0]);
  if (options.stdin_data) {
    // Within the pipe's capacity this never blocks, whether or not the child reads.
    std::string_view rest = *options.stdin_data;
    while (pid >= 0 && !rest.empty()) {
      const ssize_t n = ::write(stdin_pipe[1], rest.data(), rest.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;  // EPIPE: the child exited without reading; its output says why.
      rest.remove_prefix(static_cast<std::size_t>(n));
    }
    ::close(stdin_pipe[1]);
  }
  if (pid < 0) return result;
  const auto deadline = Clock::now() + options.timeout;
  pump_pipes(out_fd, err_fd, deadline, [&](bool is_err, std::string_view s) {
    (is_err ? result.err : result.out).append(s);
  });
  ::close(out_fd);
  ::close(err_fd);
  int status = 0;
  for (;;) {
    // Even after both pipes closed the child may still be exiting; poll until the deadline.
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) {
      result.exit_code = decode_wait_status(status);
      return result;
    }
    if (Clock::now() >= deadline) break;
    std::this_thread::sleep_for(Millis(5));
  }
  result.timed_out = true;
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  result.exit_code = decode_wait_status(status);
  return result;
}

// --- ServerProcess ---

ServerProcess::ServerProcess(std::vector<std::string> args) {
  Options options;
  options.args = std::move(args);
  spawn(std::move(options));
}

ServerProcess::ServerProcess(Options options) { spawn(std::move(options)); }

void ServerProcess::spawn(Options options) {
  std::vector<std::string> argv;
  if (!options.command.empty()) argv.push_back(options.command);
  if (options.add_listen) argv.insert(argv.end(), {"--listen", "127.0.0.1:0"});
  if (options.add_data_dir) {
    data_dir_ = make_temp_dir();
    owns_data_dir_ = !data_dir_.empty();
    argv.insert(argv.end(), {"--data-dir", data_dir_});
  }
  argv.insert(argv.end(), options.args.begin(), options.args.end());

  int out_fd = -1;
  int err_fd = -1;
  pid_ = spawn_process(options.program.empty() ? binary_path() : options.program, argv, out_fd,
                       err_fd, options.env);
  if (pid_ < 0) return;
  reader_ = std::thread([this, out_fd, err_fd] { reader_loop(out_fd, err_fd); });
  if (!options.wait_listening) return;

  // The listening line carries the kernel-chosen port; no fixed ports anywhere.
  std::unique_lock lock(mutex_);
  const auto has_listening_line = [this] {
    return err_.find("\"msg\":\"listening\"") != std::string::npos || streams_closed_;
  };
  changed_.wait_for(lock, kIoTimeout, has_listening_line);
  for (const std::string& line : split_lines(err_)) {
    if (line.find("\"msg\":\"listening\"") == std::string::npos) continue;
    const auto address = json_string_field(line, "address");
    version_ = json_string_field(line, "version").value_or("");
    if (!address) break;
    const std::size_t colon = address->rfind(':');
    unsigned value = 0;
    const char* begin = address->data() + colon + 1;
    const char* end = address->data() + address->size();
    if (colon != std::string::npos && std::from_chars(begin, end, value).ec == std::errc() &&
        value > 0 && value <= 65535) {
      port_ = static_cast<std::uint16_t>(value);
    }
    break;
  }
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0 && !exit_code_) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  if (reader_.joinable()) reader_.join();
  if (owns_data_dir_) remove_tree(data_dir_);
  // Under -fsanitize the child reports on stderr and may still exit 0; surface it in the test.
  for (const char* marker : {"ERROR: AddressSanitizer", "ERROR: LeakSanitizer",
                             "runtime error:", "WARNING: ThreadSanitizer"}) {
    if (err_.find(marker) != std::string::npos) {
      ADD_FAILURE() << "sanitizer report from badgesmith (pid " << pid_ << "):\n" << err_;
      break;
    }
  }
}

void ServerProcess::reader_loop(int out_fd, int err_fd) {
  pump_pipes(out_fd, err_fd, Clock::time_point::max(), [this](bool is_err, std::string_view s) {
    {
      std::lock_guard lock(mutex_);
      (is_err ? err_ : out_).append(s);
    }
    changed_.notify_all();
  });
  ::close(out_fd);
  ::close(err_fd);
  {
    std::lock_guard lock(mutex_);
    streams_closed_ = true;
  }
  changed_.notify_all();
}

std::string ServerProcess::stderr_text() const {
  std::lock_guard lock(mutex_);
  return err_;
}

std::string ServerProcess::stdout_text() const {
  std::lock_guard lock(mutex_);
  return out_;
}

bool ServerProcess::wait_for(const std::string& stream, std::string_view needle,
                             Millis timeout) const {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] {
    return stream.find(needle) != std::string::npos || streams_closed_;
  }) && stream.find(needle) != std::string::npos;
}

bool ServerProcess::wait_for_stderr(std::string_view needle, Millis timeout) const {
  return wait_for(err_, needle, timeout);
}

bool ServerProcess::wait_for_stdout(std::string_view needle, Millis timeout) const {
  return wait_for(out_, needle, timeout);
}

bool ServerProcess::send_signal(int signal_number) const {
  return pid_ > 0 && !exit_code_ && ::kill(pid_, signal_number) == 0;
}

std::optional<int> ServerProcess::terminate(Millis timeout) {
  if (!send_signal(SIGTERM) && !exit_code_) return std::nullopt;
  return wait_exit(timeout);
}

std::optional<int> ServerProcess::wait_exit(Millis timeout) {
  if (exit_code_) return exit_code_;
  if (pid_ <= 0) return std::nullopt;
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    int status = 0;
    const pid_t done = ::waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      exit_code_ = decode_wait_status(status);
      // Let the reader drain what the child wrote last (e.g. the "stopped" line).
      if (reader_.joinable()) reader_.join();
      return exit_code_;
    }
    if (Clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(Millis(5));
  }
}

bool ServerProcess::running() { return pid_ > 0 && !wait_exit(Millis(0)); }

// --- HTTP responses ---

std::optional<std::string> HttpResponse::header(std::string_view name) const {
  for (const auto& [field, value] : headers) {
    if (iequals(field, name)) return value;
  }
  return std::nullopt;
}

std::size_t HttpResponse::header_count(std::string_view name) const {
  std::size_t count = 0;
  for (const auto& field : headers) count += iequals(field.first, name) ? 1 : 0;
  return count;
}

bool HttpResponse::closes_connection() const {
  const auto connection = header("Connection");
  return connection && iequals(*connection, "close");
}

ParseStatus parse_response(std::string_view data, bool for_head, bool at_eof, HttpResponse& out,
                           std::size_t& consumed) {
  const std::size_t head_end = data.find("\r\n\r\n");
  if (head_end == std::string_view::npos) return ParseStatus::kIncomplete;
  const std::string_view head = data.substr(0, head_end + 2);
  HttpResponse response;

  std::size_t line_end = head.find("\r\n");
  const std::string_view status_line = head.substr(0, line_end);
  const std::size_t first_space = status_line.find(' ');
  if (first_space == std::string_view::npos || status_line.size() < first_space + 4) {
    return ParseStatus::kInvalid;
  }
  response.version = std::string(status_line.substr(0, first_space));
  if (!response.version.starts_with("HTTP/1.")) return ParseStatus::kInvalid;
  const std::string_view code = status_line.substr(first_space + 1, 3);
  if (std::from_chars(code.data(), code.data() + 3, response.status).ec != std::errc()) {
    return ParseStatus::kInvalid;
  }
  if (status_line.size() > first_space + 5) {
    response.reason = std::string(status_line.substr(first_space + 5));
  }

  std::size_t cursor = line_end + 2;
  while (cursor < head.size()) {
    line_end = head.find("\r\n", cursor);
    const std::string_view line = head.substr(cursor, line_end - cursor);
    cursor = line_end + 2;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return ParseStatus::kInvalid;
    response.headers.emplace_back(std::string(line.substr(0, colon)),
                                  std::string(trim(line.substr(colon + 1))));
  }

  const std::size_t body_start = head_end + 4;
  const bool no_body =
      for_head || response.status < 200 || response.status == 204 || response.status == 304;
  std::size_t body_size = 0;
  if (!no_body) {
    if (const auto length = response.header("Content-Length")) {
      if (std::from_chars(length->data(), length->data() + length->size(), body_size).ec !=
          std::errc()) {
        return ParseStatus::kInvalid;
      }
    } else if (response.has_header("Transfer-Encoding")) {
      return ParseStatus::kInvalid;  // This server never sends chunked responses.
    } else {
      // Delimited by EOF.
      if (!at_eof) return ParseStatus::kIncomplete;
      body_size = data.size() - body_start;
    }
  }
  if (data.size() - body_start < body_size) return ParseStatus::kIncomplete;
  response.body = std::string(data.substr(body_start, body_size));
  consumed = body_start + body_size;
  response.raw = std::string(data.substr(0, consumed));
  out = std::move(response);
  return ParseStatus::kComplete;
}

// --- HttpConnection ---

std::optional<HttpConnection> HttpConnection::open(std::uint16_t port, Millis timeout) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0) return std::nullopt;
  HttpConnection connection(fd);
  // Trickle tests send single bytes; Nagle must not batch them.
  const int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    if (errno != EINPROGRESS) return std::nullopt;
    pollfd pfd{fd, POLLOUT, 0};
    if (::poll(&pfd, 1, static_cast<int>(timeout.count())) != 1) return std::nullopt;
    int error = 0;
    socklen_t length = sizeof error;
    if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0 || error != 0) {
      return std::nullopt;
    }
  }
  return connection;
}

HttpConnection::HttpConnection(HttpConnection&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      buffer_(std::move(other.buffer_)),
      closed_(other.closed_),
      error_(std::move(other.error_)) {}

HttpConnection& HttpConnection::operator=(HttpConnection&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    buffer_ = std::move(other.buffer_);
    closed_ = other.closed_;
    error_ = std::move(other.error_);
  }
  return *this;
}

HttpConnection::~HttpConnection() {
  if (fd_ >= 0) ::close(fd_);
}

bool HttpConnection::send(std::string_view bytes, Millis timeout) {
  const auto deadline = Clock::now() + timeout;
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n > 0) {
      bytes.remove_prefix(static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      pollfd pfd{fd_, POLLOUT, 0};
      if (::poll(&pfd, 1, remaining_ms(deadline)) <= 0) {
        error_ = "send timed out";
        return false;
      }
      continue;
    }
    error_ = std::string("send failed: ") + std::strerror(errno);
    return false;
  }
  return true;
}

HttpConnection::Fill HttpConnection::fill(Clock::time_point deadline) {
  if (closed_) return Fill::kClosed;
  char chunk[65536];
  for (;;) {
    const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n > 0) {
      buffer_.append(chunk, static_cast<std::size_t>(n));
      return Fill::kData;
    }
    if (n == 0) {
      closed_ = true;
      return Fill::kClosed;
    }
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) {
      // ECONNRESET and friends: the peer is gone; what arrived before stays readable.
      closed_ = true;
      error_ = std::string("recv failed: ") + std::strerror(errno);
      return Fill::kClosed;
    }
    pollfd pfd{fd_, POLLIN, 0};
    const int ready = ::poll(&pfd, 1, remaining_ms(deadline));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return Fill::kTimedOut;
  }
}

std::optional<HttpResponse> HttpConnection::read_response(Millis timeout, bool for_head) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    HttpResponse response;
    std::size_t consumed = 0;
    switch (parse_response(buffer_, for_head, closed_, response, consumed)) {
      case ParseStatus::kComplete:
        buffer_.erase(0, consumed);
        return response;
      case ParseStatus::kInvalid:
        error_ = "malformed response: " + buffer_.substr(0, 200);
        return std::nullopt;
      case ParseStatus::kIncomplete:
        break;
    }
    if (closed_) {
      error_ = "connection closed before a complete response (" + std::to_string(buffer_.size()) +
               " bytes pending)";
      return std::nullopt;
    }
    if (fill(deadline) == Fill::kTimedOut) {
      error_ =
          "timed out waiting for a response (" + std::to_string(buffer_.size()) + " bytes pending)";
      return std::nullopt;
    }
  }
}

HttpConnection::CloseWait HttpConnection::wait_closed(Millis timeout) {
  const auto deadline = Clock::now() + timeout;
  const std::size_t had = buffer_.size();
  while (!closed_) {
    if (fill(deadline) == Fill::kTimedOut) return CloseWait::kTimedOut;
    if (buffer_.size() > had) return CloseWait::kGotData;
  }
  return buffer_.size() > had ? CloseWait::kGotData : CloseWait::kClosed;
}

void HttpConnection::shutdown_write() { ::shutdown(fd_, SHUT_WR); }

// --- Helpers ---

std::string make_request(std::string_view method, std::string_view target,
                         std::string_view extra_headers) {
  std::string request;
  request += method;
  request += ' ';
  request += target;
  request += " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  request += extra_headers;
  request += "\r\n";
  return request;
}

std::optional<HttpResponse> round_trip(std::uint16_t port, std::string_view request,
                                       bool for_head) {
  auto connection = HttpConnection::open(port);
  if (!connection || !connection->send(request)) return std::nullopt;
  return connection->read_response(kIoTimeout, for_head);
}

::testing::AssertionResult is_healthy(std::uint16_t port) {
  const auto response = round_trip(port, make_request("GET", "/health", "Connection: close\r\n"));
  if (!response) return ::testing::AssertionFailure() << "no response to GET /health";
  if (response->status != 200 ||
      response->body.find("\"status\":\"Healthy\"") == std::string::npos) {
    return ::testing::AssertionFailure() << "GET /health answered:\n" << response->raw;
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult is_json_error(const std::optional<HttpResponse>& response, int status,
                                         std::string_view error_code) {
  if (!response) return ::testing::AssertionFailure() << "no response";
  auto failure = [&] {
    return ::testing::AssertionFailure() << "response:\n" << response->raw << "\n";
  };
  if (response->status != status) return failure() << "expected status " << status;
  if (response->header("Content-Type") != "application/json; charset=utf-8") {
    return failure() << "expected a JSON Content-Type";
  }
  const auto body = nlohmann::json::parse(response->body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) return failure() << "body is not a JSON object";
  if (!body.contains("message") || !body["message"].is_string() ||
      body["message"].get<std::string>().empty()) {
    return failure() << "no message";
  }
  if (!body.contains("error_details") || !body["error_details"].is_array() ||
      body["error_details"].empty()) {
    return failure() << "no error_details";
  }
  const auto& detail = body["error_details"][0];
  if (!detail.is_object() || !detail.contains("property_name") ||
      !detail["property_name"].is_string()) {
    return failure() << "error_details[0] lacks property_name";
  }
  if (!detail.contains("error_code") || detail["error_code"] != error_code) {
    return failure() << "expected error_code " << error_code;
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult has_common_headers(const HttpResponse& response, bool for_head) {
  auto failure = [&] {
    return ::testing::AssertionFailure() << "response:\n" << response.raw << "\n";
  };
  if (response.header("Access-Control-Allow-Origin") != "*") return failure() << "no ACAO *";
  if (response.header("Access-Control-Expose-Headers") != "ETag, Last-Modified, X-Request-Id") {
    return failure() << "bad Access-Control-Expose-Headers";
  }
  if (response.header_count("X-Request-Id") != 1 || response.header("X-Request-Id")->empty()) {
    return failure() << "expected one non-empty X-Request-Id";
  }
  if (response.header("X-Content-Type-Options") != "nosniff") return failure() << "no nosniff";
  const auto date = response.header("Date");
  if (response.header_count("Date") != 1 || !date->ends_with(" GMT")) {
    return failure() << "expected one Date in GMT";
  }
  const bool bodiless_status =
      response.status < 200 || response.status == 204 || response.status == 304;
  if (bodiless_status) {
    if (response.has_header("Content-Length")) return failure() << "unexpected Content-Length";
    if (!response.body.empty()) return failure() << "unexpected body";
    return ::testing::AssertionSuccess();
  }
  if (response.header_count("Content-Length") != 1) {
    return failure() << "expected exactly one Content-Length";
  }
  if (!for_head && *response.header("Content-Length") != std::to_string(response.body.size())) {
    return failure() << "Content-Length does not match the body";
  }
  return ::testing::AssertionSuccess();
}

ServerProcess* SharedServerTest::shared_server_ = nullptr;

void SharedServerTest::start_shared_server(std::vector<std::string> args) {
  stop_shared_server();
  shared_server_ = new ServerProcess(std::move(args));
}

void SharedServerTest::stop_shared_server() {
  // A graceful stop, so every suite also checks a clean exit (and lets sanitizers finish).
  if (shared_server_ != nullptr && shared_server_->running()) {
    EXPECT_EQ(shared_server_->terminate(), 0) << shared_server_->stderr_text();
  }
  delete shared_server_;
  shared_server_ = nullptr;
}

void SharedServerTest::SetUp() {
  ASSERT_NE(shared_server_, nullptr);
  ASSERT_TRUE(shared_server_->started()) << shared_server_->stderr_text();
  ASSERT_TRUE(shared_server_->running()) << "an earlier test killed the shared server:\n"
                                         << shared_server_->stderr_text();
}

bool eventually(const std::function<bool()>& predicate, Millis timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    if (predicate()) return true;
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(Millis(10));
  }
}

}  // namespace badgesmith::e2e
