// A small fixed-size thread pool for blocking work (SQLite, file I/O), so that I/O threads never
// block. Jobs run in FIFO order of posting, each on one of the pool's threads; with more than one
// thread, jobs run concurrently and may finish in any order.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace badgesmith::async {

// Thread-safety: every member function may be called from any thread, concurrently. The one
// exception is shutdown() (and so the destructor): REQUIRES: not called from a job of this pool,
// since it joins the pool's threads and a thread cannot join itself.
class WorkPool {
 public:
  // Starts `threads` threads (a request for 0 starts 1), each named "bs-work". Throws
  // std::system_error when a thread cannot be started: this is start-up, not a request path.
  explicit WorkPool(std::size_t threads);

  // Calls shutdown().
  ~WorkPool();

  WorkPool(const WorkPool&) = delete;
  WorkPool& operator=(const WorkPool&) = delete;

  // Queues `job` to run on a pool thread and returns true. Returns false, dropping `job` without
  // running it, once shutdown() has begun (or if queueing it failed to allocate); the caller then
  // owns the consequences, e.g. completing a callback itself.
  // Jobs should not throw: an exception escaping a job is swallowed so that one faulty job cannot
  // take a worker (and every job queued behind it) down with it.
  [[nodiscard]] bool post(std::function<void()> job);

  // Stops accepting jobs, runs every job already queued, then joins the threads. Idempotent; a
  // concurrent second call returns once the threads have been joined. Jobs posted by running jobs
  // during shutdown are refused like any other late post.
  void shutdown();

  // The number of threads the pool started.
  std::size_t size() const noexcept { return size_; }

 private:
  void run();

  std::size_t size_ = 0;

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;  // Guarded by mutex_.
  bool stopping_ = false;                   // Guarded by mutex_.

  // Serialises joins so that concurrent shutdown() calls do not join the same thread twice.
  std::mutex join_mutex_;
  std::vector<std::thread> threads_;  // Written only by the constructor; joined under join_mutex_.
};

}  // namespace badgesmith::async
