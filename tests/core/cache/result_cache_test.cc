#include "core/cache/result_cache.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace badgesmith::cache {
namespace {

using namespace std::chrono_literals;

using Cache = ResultCache<std::string>;
using Lookup = Cache::Lookup;
using Fetched = Cache::Fetched;

// Time that moves only when a test says so.
struct FakeClock {
  std::chrono::steady_clock::time_point steady{std::chrono::hours(1000)};
  std::chrono::system_clock::time_point system{
      std::chrono::sys_days{std::chrono::year{2025} / std::chrono::January / 1}};

  void advance(std::chrono::seconds by) {
    steady += by;
    system += by;
  }
  Clock clock() {
    return Clock{[this] { return steady; }, [this] { return system; }};
  }
};

// An upstream whose fetches stay pending until the test completes them.
class DeferredUpstream {
 public:
  struct Call {
    std::shared_ptr<const std::string> previous;
    Callback<Fetched> done;
  };

  Cache::Fetcher fetcher() {
    return [this](std::shared_ptr<const std::string> previous, Callback<Fetched> done) {
      std::lock_guard lock(mutex_);
      calls_.push_back(Call{std::move(previous), std::move(done)});
    };
  }

  std::size_t calls() {
    std::lock_guard lock(mutex_);
    return calls_.size();
  }
  std::shared_ptr<const std::string> previous(std::size_t call) {
    std::lock_guard lock(mutex_);
    return calls_.at(call).previous;
  }
  void complete(std::size_t call, Result<Fetched> result) {
    Callback<Fetched> done;
    {
      std::lock_guard lock(mutex_);
      done = std::move(calls_.at(call).done);
    }
    done(std::move(result));
  }
  void answer(std::size_t call, std::string value) {
    complete(call, Fetched{std::make_shared<const std::string>(std::move(value))});
  }

 private:
  std::mutex mutex_;
  std::vector<Call> calls_;
};

// Collects what a get answered; thread-safe because callbacks run on the completing thread.
class Answers {
 public:
  Callback<Lookup> callback() {
    return [this](Result<Lookup> result) {
      std::lock_guard lock(mutex_);
      results_.push_back(std::move(result));
    };
  }
  std::size_t size() {
    std::lock_guard lock(mutex_);
    return results_.size();
  }
  Result<Lookup> at(std::size_t i) {
    std::lock_guard lock(mutex_);
    return results_.at(i);
  }

 private:
  std::mutex mutex_;
  std::vector<Result<Lookup>> results_;
};

Cache::Fetcher answering(std::string value, int* calls = nullptr) {
  return [value = std::move(value), calls](const std::shared_ptr<const std::string>&,
                                           const Callback<Fetched>& done) {
    if (calls) ++*calls;
    done(Fetched{std::make_shared<const std::string>(value)});
  };
}

Cache::Fetcher failing(Errc code, int* calls = nullptr) {
  return [code, calls](const std::shared_ptr<const std::string>&, const Callback<Fetched>& done) {
    if (calls) ++*calls;
    done(make_error(code, "upstream said no"));
  };
}

std::size_t string_size(const std::string& value) { return value.size(); }

class ResultCacheTest : public ::testing::Test {
 protected:
  explicit ResultCacheTest(Options options = {}) : cache_(options, string_size, clock_.clock()) {}

  // Gets `key` through `fetch` and returns the answer; REQUIRES: answered inline.
  Result<Lookup> get_now(const std::string& key, Cache::Fetcher fetch) {
    std::optional<Result<Lookup>> answer;
    cache_.get(key, std::move(fetch),
               [&answer](Result<Lookup> result) { answer = std::move(result); });
    EXPECT_TRUE(answer.has_value()) << "not answered inline: " << key;
    return answer.value_or(make_error(Errc::kInternal, "no answer"));
  }

  // Declared before the cache so that fetches still pending when it is destroyed can answer.
  FakeClock clock_;
  Answers answers_;
  DeferredUpstream upstream_;
  Cache cache_;
};

TEST_F(ResultCacheTest, ColdMissFetchesOnceThenAnswersFreshFromCache) {
  cache_.get("pkg", upstream_.fetcher(), answers_.callback());
  ASSERT_EQ(upstream_.calls(), 1u);
  EXPECT_EQ(upstream_.previous(0), nullptr);
  EXPECT_EQ(answers_.size(), 0u);
  upstream_.answer(0, "1.0.0");
  ASSERT_EQ(answers_.size(), 1u);
  const Lookup first = answers_.at(0).value();
  EXPECT_EQ(*first.value, "1.0.0");
  EXPECT_EQ(first.freshness, Freshness::kFresh);
  EXPECT_EQ(first.fetched_at, clock_.system);
  EXPECT_EQ(first.changed_at, clock_.system);

  clock_.advance(299s);
  const Lookup second = get_now("pkg", upstream_.fetcher()).value();
  EXPECT_EQ(second.value, first.value);
  EXPECT_EQ(second.freshness, Freshness::kFresh);
  EXPECT_EQ(second.fetched_at, first.fetched_at);
  EXPECT_EQ(upstream_.calls(), 1u);

  const Stats stats = cache_.stats();
  EXPECT_EQ(stats.misses, 1u);
  EXPECT_EQ(stats.hits, 1u);
  EXPECT_EQ(stats.fetches, 1u);
  EXPECT_EQ(stats.entries, 1u);
  EXPECT_EQ(stats.bytes, 5 + 3 + Cache::kEntryOverheadBytes);
  EXPECT_EQ(stats.in_flight, 0u);
}

TEST_F(ResultCacheTest, HundredConcurrentMissesShareOneFetch) {
  for (int i = 0; i < 100; ++i) cache_.get("pkg", upstream_.fetcher(), answers_.callback());
  EXPECT_EQ(upstream_.calls(), 1u);
  EXPECT_EQ(cache_.stats().in_flight, 1u);
  upstream_.answer(0, "2.0.0");
  ASSERT_EQ(answers_.size(), 100u);
  for (std::size_t i = 0; i < 100; ++i) EXPECT_EQ(*answers_.at(i).value().value, "2.0.0");
  EXPECT_EQ(cache_.stats().misses, 100u);
  EXPECT_EQ(cache_.stats().fetches, 1u);
}

TEST_F(ResultCacheTest, ConcurrentMissesFromSeveralThreadsShareOneFetch) {
  std::vector<std::thread> threads(4);
  for (std::thread& thread : threads) {
    thread = std::thread([this] {
      for (int i = 0; i < 25; ++i) cache_.get("pkg", upstream_.fetcher(), answers_.callback());
    });
  }
  for (std::thread& thread : threads) thread.join();
  ASSERT_EQ(upstream_.calls(), 1u);
  // Complete on another thread, as an upstream client would.
  std::thread([this] { upstream_.answer(0, "3.0.0"); }).join();
  ASSERT_EQ(answers_.size(), 100u);
  for (std::size_t i = 0; i < 100; ++i) EXPECT_EQ(*answers_.at(i).value().value, "3.0.0");
}

TEST_F(ResultCacheTest, StaleWhileRevalidateAnswersStaleAndRefreshesOnce) {
  int calls = 0;
  ASSERT_TRUE(get_now("pkg", answering("1.0.0", &calls)));
  clock_.advance(300s);

  const Lookup stale = get_now("pkg", upstream_.fetcher()).value();
  EXPECT_EQ(*stale.value, "1.0.0");
  EXPECT_EQ(stale.freshness, Freshness::kStale);
  ASSERT_EQ(upstream_.calls(), 1u);
  EXPECT_EQ(*upstream_.previous(0), "1.0.0");

  // While the refresh runs, more gets are answered stale without another fetch.
  EXPECT_EQ(get_now("pkg", upstream_.fetcher()).value().freshness, Freshness::kStale);
  EXPECT_EQ(upstream_.calls(), 1u);

  clock_.advance(1s);
  upstream_.answer(0, "1.1.0");
  const Lookup refreshed = get_now("pkg", upstream_.fetcher()).value();
  EXPECT_EQ(*refreshed.value, "1.1.0");
  EXPECT_EQ(refreshed.freshness, Freshness::kFresh);
  EXPECT_EQ(refreshed.changed_at, clock_.system);
  EXPECT_EQ(upstream_.calls(), 1u);
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(cache_.stats().stale_served, 2u);
}

TEST_F(ResultCacheTest, MissAfterStaleWindowJoinsTheRunningRefresh) {
  ASSERT_TRUE(get_now("pkg", answering("1.0.0")));
  clock_.advance(300s);
  ASSERT_TRUE(get_now("pkg", upstream_.fetcher()));  // Starts the background refresh.
  clock_.advance(1200s);

  cache_.get("pkg", upstream_.fetcher(), answers_.callback());
  EXPECT_EQ(answers_.size(), 0u);
  EXPECT_EQ(upstream_.calls(), 1u);
  upstream_.answer(0, "1.1.0");
  ASSERT_EQ(answers_.size(), 1u);
  EXPECT_EQ(*answers_.at(0).value().value, "1.1.0");
  EXPECT_EQ(answers_.at(0).value().freshness, Freshness::kFresh);
}

TEST_F(ResultCacheTest, PastStaleWindowWaitsForTheFetchWithThePreviousValue) {
  ASSERT_TRUE(get_now("pkg", answering("1.0.0")));
  clock_.advance(1500s);
  cache_.get("pkg", upstream_.fetcher(), answers_.callback());
  EXPECT_EQ(answers_.size(), 0u);
  ASSERT_EQ(upstream_.calls(), 1u);
  EXPECT_EQ(*upstream_.previous(0), "1.0.0");
  upstream_.answer(0, "2.0.0");
  ASSERT_EQ(answers_.size(), 1u);
  EXPECT_EQ(*answers_.at(0).value().value, "2.0.0");
}

TEST_F(ResultCacheTest, UnchangedRefreshKeepsValueAndChangedAtButRenewsFreshness) {
  const Lookup original = get_now("pkg", answering("1.0.0")).value();
  clock_.advance(400s);
  ASSERT_TRUE(get_now("pkg", upstream_.fetcher()));
  upstream_.complete(0, Fetched{nullptr});

  const Lookup revalidated = get_now("pkg", upstream_.fetcher()).value();
  EXPECT_EQ(revalidated.value, original.value);
  EXPECT_EQ(revalidated.freshness, Freshness::kFresh);
  EXPECT_EQ(revalidated.changed_at, original.changed_at);
  EXPECT_EQ(revalidated.fetched_at, original.fetched_at + 400s);
  EXPECT_EQ(upstream_.calls(), 1u);
  clock_.advance(299s);
  EXPECT_EQ(get_now("pkg", upstream_.fetcher()).value().freshness, Freshness::kFresh);
}

TEST_F(ResultCacheTest, UnchangedWithoutPreviousValueIsAnInternalError) {
  cache_.get("pkg", upstream_.fetcher(), answers_.callback());
  upstream_.complete(0, Fetched{nullptr});
  ASSERT_EQ(answers_.size(), 1u);
  EXPECT_EQ(answers_.at(0).error().code, Errc::kInternal);
  EXPECT_EQ(cache_.stats().entries, 0u);
}

TEST_F(ResultCacheTest, StaleIfErrorServesStaleValueForTransientFailures) {
  const Lookup original = get_now("pkg", answering("1.0.0")).value();
  clock_.advance(2h);
  for (const Errc code : {Errc::kUpstreamUnavailable, Errc::kUpstreamInvalid}) {
    const Lookup stale = get_now("pkg", failing(code)).value();
    EXPECT_EQ(stale.value, original.value);
    EXPECT_EQ(stale.freshness, Freshness::kStale);
    EXPECT_EQ(stale.fetched_at, original.fetched_at);
  }
}

TEST_F(ResultCacheTest, StaleIfErrorEndsAfterItsLimit) {
  ASSERT_TRUE(get_now("pkg", answering("1.0.0")));
  clock_.advance(24h);
  EXPECT_TRUE(get_now("pkg", failing(Errc::kUpstreamUnavailable)));
  clock_.advance(1s);
  const Result<Lookup> failed = get_now("pkg", failing(Errc::kUpstreamUnavailable));
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, Errc::kUpstreamUnavailable);
  EXPECT_EQ(failed.error().message, "upstream said no");
}

TEST_F(ResultCacheTest, NonTransientErrorsPassThroughUncachedDespiteStaleValue) {
  ASSERT_TRUE(get_now("pkg", answering("1.0.0")));
  clock_.advance(2h);
  for (const Errc code : {Errc::kUnauthorized, Errc::kForbidden, Errc::kInvalidArgument}) {
    int calls = 0;
    const Result<Lookup> failed = get_now("pkg", failing(code, &calls));
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().code, code);
    EXPECT_EQ(calls, 1);
  }
  // The stale value is still there for the next transient failure.
  EXPECT_EQ(*get_now("pkg", failing(Errc::kUpstreamUnavailable)).value().value, "1.0.0");
}

TEST_F(ResultCacheTest, NotFoundIsCachedUntilNegativeTtlEnds) {
  int calls = 0;
  EXPECT_EQ(get_now("ghost", failing(Errc::kNotFound, &calls)).error().code, Errc::kNotFound);
  clock_.advance(59s);
  const Result<Lookup> remembered = get_now("ghost", failing(Errc::kNotFound, &calls));
  ASSERT_FALSE(remembered);
  EXPECT_EQ(remembered.error().code, Errc::kNotFound);
  EXPECT_EQ(remembered.error().message, "upstream said no");
  EXPECT_EQ(calls, 1);

  clock_.advance(1s);
  EXPECT_EQ(*get_now("ghost", answering("0.1.0", &calls)).value().value, "0.1.0");
  EXPECT_EQ(calls, 2);
}

TEST_F(ResultCacheTest, NotFoundReplacesAValueThatDisappeared) {
  ASSERT_TRUE(get_now("pkg", answering("1.0.0")));
  clock_.advance(1500s);
  EXPECT_EQ(get_now("pkg", failing(Errc::kNotFound)).error().code, Errc::kNotFound);
  // Not masked by the old value, and not refetched while negative.
  EXPECT_EQ(get_now("pkg", answering("never")).error().code, Errc::kNotFound);
  EXPECT_EQ(cache_.stats().entries, 1u);
}

TEST_F(ResultCacheTest, FailedBackgroundRefreshKeepsServingStale) {
  ASSERT_TRUE(get_now("pkg", answering("1.0.0")));
  clock_.advance(300s);
  int calls = 0;
  EXPECT_EQ(get_now("pkg", failing(Errc::kUpstreamUnavailable, &calls)).value().freshness,
            Freshness::kStale);
  EXPECT_EQ(calls, 1);
  // The failure left the entry alone; the next get tries again.
  EXPECT_EQ(*get_now("pkg", answering("1.1.0", &calls)).value().value, "1.0.0");
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(get_now("pkg", upstream_.fetcher()).value().freshness, Freshness::kFresh);
}

TEST_F(ResultCacheTest, AbandonedFetchFailsItsWaitersAndFreesTheKey) {
  cache_.get(
      "pkg", [](const std::shared_ptr<const std::string>&, const Callback<Fetched>&) {},
      answers_.callback());
  ASSERT_EQ(answers_.size(), 1u);
  EXPECT_EQ(answers_.at(0).error().code, Errc::kUpstreamUnavailable);
  EXPECT_EQ(cache_.stats().in_flight, 0u);
  EXPECT_EQ(*get_now("pkg", answering("1.0.0")).value().value, "1.0.0");
}

TEST_F(ResultCacheTest, SecondCallOfDoneIsIgnored) {
  Callback<Fetched> kept_done;
  cache_.get(
      "pkg",
      [&kept_done](const std::shared_ptr<const std::string>&, const Callback<Fetched>& done) {
        kept_done = done;
        done(Fetched{std::make_shared<const std::string>("1.0.0")});
      },
      answers_.callback());
  ASSERT_EQ(answers_.size(), 1u);

  // A stray second call must not answer the waiters of a later fetch for the same key.
  clock_.advance(1500s);
  cache_.get("pkg", upstream_.fetcher(), answers_.callback());
  kept_done(Fetched{std::make_shared<const std::string>("stray")});
  EXPECT_EQ(answers_.size(), 1u);
  upstream_.answer(0, "2.0.0");
  ASSERT_EQ(answers_.size(), 2u);
  EXPECT_EQ(*answers_.at(1).value().value, "2.0.0");
}

TEST_F(ResultCacheTest, FetchCompletingAfterTheCacheIsGoneStillAnswersItsWaiters) {
  DeferredUpstream upstream;
  Answers answers;
  {
    Cache cache(Options{}, string_size, clock_.clock());
    cache.get("pkg", upstream.fetcher(), answers.callback());
    cache.get("pkg", upstream.fetcher(), answers.callback());
  }
  upstream.answer(0, "1.0.0");
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_EQ(*answers.at(1).value().value, "1.0.0");
}

TEST_F(ResultCacheTest, CallbacksAndFetchersMayReenterTheCache) {
  // A fetcher that needs another cached result first (a NuGet service index), and a callback
  // that looks up the same key again, both with the fetch completing inline.
  const Cache::Fetcher needs_index = [this](const std::shared_ptr<const std::string>&,
                                            const Callback<Fetched>& done) {
    cache_.get("index", answering("https://api"), [done](Result<Lookup> index) {
      done(Fetched{std::make_shared<const std::string>(*index.value().value + "/pkg")});
    });
  };
  std::optional<Result<Lookup>> again;
  cache_.get("pkg", needs_index, [&](const Result<Lookup>& first) {
    ASSERT_TRUE(first);
    cache_.get("pkg", failing(Errc::kInternal),
               [&](Result<Lookup> second) { again = std::move(second); });
  });
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(*again->value().value, "https://api/pkg");
  EXPECT_EQ(cache_.stats().entries, 2u);
}

class BoundedResultCacheTest : public ResultCacheTest {
 protected:
  static Options bounded() {
    Options options;
    options.max_entries = 3;
    options.max_bytes = 3 * (1000 + 1 + Cache::kEntryOverheadBytes);
    options.max_in_flight = 4;
    options.max_waiters_per_key = 5;
    return options;
  }
  BoundedResultCacheTest() : ResultCacheTest(bounded()) {}
};

TEST_F(BoundedResultCacheTest, EvictsLeastRecentlyUsedBeyondMaxEntries) {
  for (const char* key : {"a", "b", "c"}) ASSERT_TRUE(get_now(key, answering(key)));
  ASSERT_TRUE(get_now("a", answering("a")));  // Used: "b" is now the oldest.
  ASSERT_TRUE(get_now("d", answering("d")));

  const Stats stats = cache_.stats();
  EXPECT_EQ(stats.entries, 3u);
  EXPECT_EQ(stats.evictions, 1u);
  int calls = 0;
  for (const char* key : {"a", "c", "d"}) ASSERT_TRUE(get_now(key, answering(key, &calls)));
  EXPECT_EQ(calls, 0);
  ASSERT_TRUE(get_now("b", answering("b", &calls)));
  EXPECT_EQ(calls, 1);
}

TEST_F(BoundedResultCacheTest, EvictsLeastRecentlyUsedBeyondMaxBytes) {
  ASSERT_TRUE(get_now("a", answering(std::string(1000, 'a'))));
  ASSERT_TRUE(get_now("b", answering(std::string(1000, 'b'))));
  ASSERT_TRUE(get_now("c", answering(std::string(1001, 'c'))));  // One byte too many.

  const Stats stats = cache_.stats();
  EXPECT_EQ(stats.entries, 2u);
  EXPECT_EQ(stats.evictions, 1u);
  EXPECT_LE(stats.bytes, bounded().max_bytes);
  int calls = 0;
  ASSERT_TRUE(get_now("a", answering("a", &calls)));
  EXPECT_EQ(calls, 1);
}

TEST_F(BoundedResultCacheTest, ValueLargerThanMaxBytesIsAnsweredButNotKept) {
  ASSERT_TRUE(get_now("small", answering("s")));
  EXPECT_EQ(get_now("huge", answering(std::string(bounded().max_bytes, 'h'))).value().value->size(),
            bounded().max_bytes);
  const Stats stats = cache_.stats();
  EXPECT_EQ(stats.entries, 1u);
  EXPECT_EQ(stats.evictions, 0u);
}

TEST_F(BoundedResultCacheTest, RefreshTooLargeToKeepDropsTheOutdatedEntry) {
  ASSERT_TRUE(get_now("pkg", answering("1.0.0")));
  clock_.advance(1500s);
  EXPECT_EQ(get_now("pkg", answering(std::string(bounded().max_bytes, 'h'))).value().value->size(),
            bounded().max_bytes);
  EXPECT_EQ(cache_.stats().entries, 0u);
}

TEST_F(BoundedResultCacheTest, FloodOfDistinctKeysStaysWithinBounds) {
  for (int i = 0; i < 100'000; ++i) {
    const std::string key = "unknown-package-" + std::to_string(i);
    ASSERT_EQ(get_now(key, failing(Errc::kNotFound)).error().code, Errc::kNotFound);
    if (i % 1000 == 0) {
      const Stats stats = cache_.stats();
      ASSERT_LE(stats.entries, bounded().max_entries);
      ASSERT_LE(stats.bytes, bounded().max_bytes);
    }
  }
  const Stats stats = cache_.stats();
  EXPECT_EQ(stats.entries, 3u);
  EXPECT_EQ(stats.evictions, 100'000u - 3);
}

TEST_F(BoundedResultCacheTest, MissesBeyondMaxInFlightFailFast) {
  for (int i = 0; i < 100'000; ++i) {
    cache_.get("pending-" + std::to_string(i), upstream_.fetcher(), answers_.callback());
  }
  ASSERT_EQ(upstream_.calls(), 4u);
  ASSERT_EQ(answers_.size(), 100'000u - 4);
  EXPECT_EQ(answers_.at(0).error().code, Errc::kUpstreamUnavailable);
  EXPECT_EQ(cache_.stats().rejected, 100'000u - 4);
  EXPECT_EQ(cache_.stats().in_flight, 4u);

  for (std::size_t call = 0; call < 4; ++call) upstream_.answer(call, "v");
  EXPECT_EQ(answers_.size(), 100'000u);
  EXPECT_EQ(cache_.stats().in_flight, 0u);
  EXPECT_TRUE(get_now("another", answering("v")));
}

TEST_F(BoundedResultCacheTest, WaitersPerKeyAreBounded) {
  for (int i = 0; i < 7; ++i) cache_.get("pkg", upstream_.fetcher(), answers_.callback());
  ASSERT_EQ(answers_.size(), 2u);
  EXPECT_EQ(answers_.at(0).error().code, Errc::kUpstreamUnavailable);
  upstream_.answer(0, "1.0.0");
  ASSERT_EQ(answers_.size(), 7u);
  for (std::size_t i = 2; i < 7; ++i) EXPECT_EQ(*answers_.at(i).value().value, "1.0.0");
}

TEST_F(BoundedResultCacheTest, StaleValueIsStillServedWhenNoRefreshCanStart) {
  ASSERT_TRUE(get_now("pkg", answering("1.0.0")));
  for (int i = 0; i < 4; ++i) {
    cache_.get("busy-" + std::to_string(i), upstream_.fetcher(), answers_.callback());
  }
  clock_.advance(300s);
  EXPECT_EQ(get_now("pkg", upstream_.fetcher()).value().freshness, Freshness::kStale);
  EXPECT_EQ(upstream_.calls(), 4u);
  EXPECT_EQ(cache_.stats().rejected, 0u);
}

}  // namespace
}  // namespace badgesmith::cache
