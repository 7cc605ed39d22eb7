#include "core/async/work_pool.h"

#include <gtest/gtest.h>
#include <pthread.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace badgesmith::async {
namespace {

using namespace std::chrono_literals;

TEST(WorkPoolTest, RunsJobsOnNamedPoolThreads) {
  WorkPool pool(2);
  EXPECT_EQ(pool.size(), 2u);
  std::promise<std::pair<std::thread::id, std::string>> ran;
  ASSERT_TRUE(pool.post([&ran] {
    char name[16] = {};
    pthread_getname_np(pthread_self(), name, sizeof name);
    ran.set_value({std::this_thread::get_id(), name});
  }));
  const auto [id, name] = ran.get_future().get();
  EXPECT_NE(id, std::this_thread::get_id());
  EXPECT_EQ(name, "bs-work");
}

TEST(WorkPoolTest, ZeroThreadsStillStartsOne) {
  WorkPool pool(0);
  EXPECT_EQ(pool.size(), 1u);
  std::promise<void> ran;
  ASSERT_TRUE(pool.post([&ran] { ran.set_value(); }));
  EXPECT_EQ(ran.get_future().wait_for(10s), std::future_status::ready);
}

TEST(WorkPoolTest, RunsJobsInParallelOnEveryThread) {
  constexpr std::size_t kThreads = 4;
  WorkPool pool(kThreads);
  // Each job waits until all have started: this only finishes if they run at the same time.
  std::mutex mutex;
  std::condition_variable all_started;
  std::size_t started = 0;
  std::set<std::thread::id> threads;
  std::atomic<std::size_t> finished{0};
  for (std::size_t i = 0; i < kThreads; ++i) {
    ASSERT_TRUE(pool.post([&] {
      std::unique_lock lock(mutex);
      threads.insert(std::this_thread::get_id());
      ++started;
      all_started.notify_all();
      if (all_started.wait_for(lock, 10s, [&] { return started == kThreads; })) ++finished;
    }));
  }
  pool.shutdown();
  EXPECT_EQ(finished.load(), kThreads);
  EXPECT_EQ(threads.size(), kThreads);
}

TEST(WorkPoolTest, ShutdownRunsEveryQueuedJobThenRefusesNewOnes) {
  WorkPool pool(2);
  std::atomic<int> ran{0};
  constexpr int kJobs = 200;
  for (int i = 0; i < kJobs; ++i) {
    ASSERT_TRUE(pool.post([&ran] {
      std::this_thread::sleep_for(100us);
      ++ran;
    }));
  }
  pool.shutdown();
  EXPECT_EQ(ran.load(), kJobs);
  EXPECT_FALSE(pool.post([&ran] { ++ran; }));
  pool.shutdown();  // Idempotent.
  EXPECT_EQ(ran.load(), kJobs);
}

TEST(WorkPoolTest, JobsPostedDuringShutdownAreRefused) {
  WorkPool pool(1);
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::promise<bool> reposted;
  ASSERT_TRUE(pool.post([&] {
    released.wait();
    reposted.set_value(pool.post([] {}));
  }));
  std::thread stopper([&pool] { pool.shutdown(); });
  // Wait until the stopper has marked the pool as stopping, before the job posts again.
  while (pool.post([] {})) std::this_thread::yield();
  release.set_value();
  stopper.join();
  EXPECT_FALSE(reposted.get_future().get());
}

TEST(WorkPoolTest, DestructorRunsQueuedJobs) {
  std::atomic<int> ran{0};
  {
    WorkPool pool(3);
    for (int i = 0; i < 50; ++i) ASSERT_TRUE(pool.post([&ran] { ++ran; }));
  }
  EXPECT_EQ(ran.load(), 50);
}

TEST(WorkPoolTest, ThrowingJobDoesNotStopTheWorker) {
  WorkPool pool(1);
  ASSERT_TRUE(pool.post([] { throw std::runtime_error("boom"); }));
  ASSERT_TRUE(pool.post(std::function<void()>()));  // Empty: bad_function_call, swallowed.
  std::promise<void> ran;
  ASSERT_TRUE(pool.post([&ran] { ran.set_value(); }));
  EXPECT_EQ(ran.get_future().wait_for(10s), std::future_status::ready);
}

TEST(WorkPoolTest, ConcurrentPostsAndShutdownsAreSafe) {
  WorkPool pool(4);
  std::atomic<int> accepted{0};
  std::atomic<int> ran{0};
  std::vector<std::thread> posters;
  for (int t = 0; t < 8; ++t) {
    posters.emplace_back([&] {
      for (int i = 0; i < 500; ++i) {
        if (pool.post([&ran] { ++ran; })) ++accepted;
      }
    });
  }
  std::thread stopper_a([&pool] {
    std::this_thread::sleep_for(1ms);
    pool.shutdown();
  });
  std::thread stopper_b([&pool] {
    std::this_thread::sleep_for(1ms);
    pool.shutdown();
  });
  for (std::thread& poster : posters) poster.join();
  stopper_a.join();
  stopper_b.join();
  // Every accepted job ran, whatever the interleaving with shutdown.
  EXPECT_EQ(ran.load(), accepted.load());
}

}  // namespace
}  // namespace badgesmith::async
