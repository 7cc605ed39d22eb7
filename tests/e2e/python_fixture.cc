#include "python_fixture.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

extern char** environ;

namespace badgesmith::e2e {

namespace {

using Clock = std::chrono::steady_clock;

constexpr Millis kStartTimeout{15000};

int decode_wait_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

// Spawns argv (argv[0] looked up on PATH) with stdout and stderr into one fresh pipe, and stdin
// from a pipe when `stdin_pipe`, else /dev/null. Parent-side ends are close-on-exec, so no later
// child inherits them: the fixture's stdin reaches EOF exactly when this process closes it or dies.
ChildProcess spawn_child(const std::vector<std::string>& argv, bool stdin_pipe) {
  ChildProcess child;
  int out_pipe[2];
  int in_pipe[2] = {-1, -1};
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) return child;
  if (stdin_pipe && ::pipe2(in_pipe, O_CLOEXEC) != 0) {
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    return child;
  }
  std::vector<std::string> args = argv;
  std::vector<char*> args_c;
  for (std::string& arg : args) args_c.push_back(arg.data());
  args_c.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (stdin_pipe) {
    posix_spawn_file_actions_adddup2(&actions, in_pipe[0], STDIN_FILENO);
  } else {
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  }
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDERR_FILENO);
  pid_t pid = -1;
  const int rc = ::posix_spawnp(&pid, args_c[0], &actions, nullptr, args_c.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  if (stdin_pipe) ::close(in_pipe[0]);
  if (rc != 0) {
    ::close(out_pipe[0]);
    if (stdin_pipe) ::close(in_pipe[1]);
    return child;
  }
  child.pid = pid;
  child.output_fd = out_pipe[0];
  child.stdin_fd = stdin_pipe ? in_pipe[1] : -1;
  return child;
}

// Waits for `pid` until `deadline`; the decoded exit status, or nullopt if still running.
std::optional<int> wait_pid(pid_t pid, Clock::time_point deadline) {
  for (;;) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) return decode_wait_status(status);
    if (Clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(Millis(5));
  }
}

PythonFixture::PythonFixture(const std::string& script, const std::vector<std::string>& args) {
  // -B: importing a data module must not drop __pycache__ into the source tree.
  std::vector<std::string> argv{"python3", "-B", script};
  argv.insert(argv.end(), args.begin(), args.end());
  const ChildProcess child = spawn_child(argv, /*stdin_pipe=*/true);
  if (child.pid < 0) {
    output_ = "could not start python3 (is it on PATH?)";
    return;
  }
  pid_ = child.pid;
  stdin_fd_ = child.stdin_fd;
  reader_ = std::thread([this, fd = child.output_fd] { read_output(fd); });

  std::unique_lock lock(mutex_);
  std::string line;
  changed_.wait_for(lock, kStartTimeout, [&] {
    const std::size_t start = output_.starts_with("listening ") ? 0 : output_.find("\nlistening ");
    if (start == std::string::npos) return output_closed_;
    const std::size_t end = output_.find('\n', start + 1);
    if (end == std::string::npos) return output_closed_;
    line = output_.substr(start == 0 ? 0 : start + 1, end - (start == 0 ? 0 : start + 1));
    return true;
  });

  for (std::size_t at = 0; at < line.size();) {
    const std::size_t space = std::min(line.find(' ', at), line.size());
    words_.push_back(line.substr(at, space - at));
    at = space + 1;
  }
}

PythonFixture::~PythonFixture() {
  if (stdin_fd_ >= 0) ::close(stdin_fd_);
  if (pid_ > 0 && !exit_code_) {
    ::kill(pid_, SIGTERM);
    if (!wait_exit(Millis(3000))) {
      ::kill(pid_, SIGKILL);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
  }
  if (reader_.joinable()) reader_.join();
}

void PythonFixture::read_output(int fd) {
  char chunk[4096];
  for (;;) {
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    {
      std::lock_guard lock(mutex_);
      output_.append(chunk, static_cast<std::size_t>(n));
    }
    changed_.notify_all();
  }
  ::close(fd);
  {
    std::lock_guard lock(mutex_);
    output_closed_ = true;
  }
  changed_.notify_all();
}

std::string PythonFixture::output() const {
  std::lock_guard lock(mutex_);
  return output_;
}

std::optional<int> PythonFixture::wait_exit(Millis timeout) {
  if (exit_code_) return exit_code_;
  if (pid_ <= 0) return std::nullopt;
  exit_code_ = wait_pid(pid_, Clock::now() + timeout);
  return exit_code_;
}

std::optional<int> PythonFixture::terminate(Millis timeout) {
  if (pid_ > 0 && !exit_code_) ::kill(pid_, SIGTERM);
  return wait_exit(timeout);
}

std::optional<int> PythonFixture::close_stdin(Millis timeout) {
  if (stdin_fd_ >= 0) ::close(std::exchange(stdin_fd_, -1));
  return wait_exit(timeout);
}

}  // namespace badgesmith::e2e
