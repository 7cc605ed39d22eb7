// A python3 fixture script (tests/fixtures/*/…py) as a child process: started with a stdin pipe,
// its output collected, and its one "listening URL [words…]" stdout line awaited. Fixtures exit
// when their stdin closes, so a test binary that dies leaves none behind.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "harness.h"

namespace badgesmith::e2e {

// A spawned child: stdout and stderr into output_fd, stdin from stdin_fd (or /dev/null, -1).
struct ChildProcess {
  pid_t pid = -1;
  int stdin_fd = -1;
  int output_fd = -1;
};

// Spawns argv (argv[0] looked up on PATH); pid -1 on failure. Parent-side ends are close-on-exec.
ChildProcess spawn_child(const std::vector<std::string>& argv, bool stdin_pipe);

// Waits for `pid` until `deadline`; its exit code (128 + signal when killed), or nullopt.
std::optional<int> wait_pid(pid_t pid, std::chrono::steady_clock::time_point deadline);

class PythonFixture {
 public:
  // Runs `python3 -B script args…` and waits for the listening line (up to 15 s: Python start-up
  // on a busy machine).
  PythonFixture(const std::string& script, const std::vector<std::string>& args);
  // SIGTERM, then SIGKILL after 3 s.
  ~PythonFixture();
  PythonFixture(const PythonFixture&) = delete;
  PythonFixture& operator=(const PythonFixture&) = delete;

  // The listening line split on spaces, "listening" first; empty when it never came.
  const std::vector<std::string>& listening_line() const { return words_; }
  pid_t pid() const { return pid_; }
  // Everything the process wrote to stdout and stderr so far, for failure messages.
  std::string output() const;

  // SIGTERM, then waits; the exit code, or nullopt if still running after `timeout`.
  std::optional<int> terminate(Millis timeout = kIoTimeout);
  // Closes the fixture's stdin (what happens when the test process dies), then waits likewise.
  std::optional<int> close_stdin(Millis timeout = kIoTimeout);

 private:
  std::optional<int> wait_exit(Millis timeout);
  void read_output(int fd);

  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  std::optional<int> exit_code_;
  std::vector<std::string> words_;
  std::thread reader_;  // Drains stdout+stderr so a chatty fixture never blocks on a full pipe.

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::string output_;          // Guarded by mutex_.
  bool output_closed_ = false;  // Guarded by mutex_.
};

}  // namespace badgesmith::e2e
