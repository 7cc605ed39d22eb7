#include "core/async/work_pool.h"

#include <pthread.h>

#include <algorithm>
#include <new>
#include <utility>

namespace badgesmith::async {
namespace {

// At most 15 characters plus the terminator, the Linux limit for thread names.
constexpr char kThreadName[] = "bs-work";

}  // namespace

WorkPool::WorkPool(std::size_t threads) : size_(std::max<std::size_t>(threads, 1)) {
  threads_.reserve(size_);
  try {
    for (std::size_t i = 0; i < size_; ++i) threads_.emplace_back([this] { run(); });
  } catch (...) {
    // The destructor does not run for a half-built object; joinable std::threads would terminate.
    shutdown();
    throw;
  }
}

WorkPool::~WorkPool() { shutdown(); }

bool WorkPool::post(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return false;
    try {
      jobs_.push_back(std::move(job));
    } catch (const std::bad_alloc&) {
      return false;
    }
  }
  wake_.notify_one();
  return true;
}

void WorkPool::shutdown() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  std::lock_guard join_lock(join_mutex_);
  for (std::thread& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
}

void WorkPool::run() {
  // Naming is best effort: it only helps top(1), gdb and crash reports.
  pthread_setname_np(pthread_self(), kThreadName);
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      // Draining before exiting is what lets shutdown() promise that queued jobs still run.
      if (jobs_.empty()) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    try {
      job();
    } catch (...) {
      // See post(): a throwing job must not end the worker.
    }
  }
}

}  // namespace badgesmith::async
