// An in-memory cache of upstream results (package versions, token lookups, NuGet service
// indexes), shared by all I/O threads. It keeps memory bounded by entries and bytes (least
// recently used entries go first), turns concurrent misses for one key into one upstream call,
// answers from stale values while revalidating or while the upstream is down (RFC 5861's
// stale-while-revalidate and stale-if-error), and remembers "not found" for a short while.
//
// Thread-safety: a ResultCache is safe to share between threads. Fetchers, callbacks, the size
// function and the clocks are never called with the cache's lock held, so each may call back into
// the cache.
//
// Lifetime: the cache may be destroyed while fetches are in flight. Its state is shared with every
// pending fetch, so a late completion still answers the callers waiting for it and is then freed
// with that state; it can never touch freed memory.
#pragma once

#include <cassert>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/result.h"

namespace badgesmith::cache {

struct Options {
  // Bounds on cached results. Each entry is charged the size function's value (or a negative
  // entry's error text), its key's length and kEntryOverheadBytes. An entry that alone exceeds
  // max_bytes is answered but not kept.
  std::size_t max_entries = 10'000;
  std::size_t max_bytes = std::size_t{32} * 1024 * 1024;
  // Bounds on fetches in progress and on callers waiting for one key. Past either, a get that
  // would have to wait fails at once with Errc::kUpstreamUnavailable, so an upstream that hangs
  // (or a flood of unknown names) cannot pile up memory.
  std::size_t max_in_flight = 256;
  std::size_t max_waiters_per_key = 1'000;
  // A value is fresh for fresh_ttl after it was fetched or revalidated. For another
  // stale_while_revalidate it is still answered at once (marked stale) while one background fetch
  // refreshes it. When a fetch fails with a transient error (Errc::kUpstreamUnavailable or
  // kUpstreamInvalid), a value fetched at most stale_if_error ago is answered instead.
  std::chrono::seconds fresh_ttl{300};
  std::chrono::seconds stale_while_revalidate{1200};
  std::chrono::seconds stale_if_error{86400};
  // How long a fetch that failed with Errc::kNotFound is answered from the cache.
  std::chrono::seconds negative_ttl{60};
};

// Where the cache reads time, so tests can move it by hand. Freshness is judged by `steady`;
// `system` stamps the wall-clock times handed back for Last-Modified and Age.
struct Clock {
  std::function<std::chrono::steady_clock::time_point()> steady = [] {
    return std::chrono::steady_clock::now();
  };
  std::function<std::chrono::system_clock::time_point()> system = [] {
    return std::chrono::system_clock::now();
  };
};

enum class Freshness { kFresh, kStale };

struct Stats {
  std::uint64_t hits = 0;          // Gets answered without waiting for a fetch.
  std::uint64_t misses = 0;        // Gets that waited for a fetch (or were rejected).
  std::uint64_t fetches = 0;       // Calls of a fetcher.
  std::uint64_t stale_served = 0;  // Answers marked Freshness::kStale.
  std::uint64_t rejected = 0;      // Gets failed at once by max_in_flight or max_waiters_per_key.
  std::uint64_t evictions = 0;
  std::size_t entries = 0;
  std::size_t bytes = 0;
  std::size_t in_flight = 0;
};

// Only these failures say nothing about the value itself, so only they may be papered over with a
// stale one; a 404 or 401 must reach the client.
inline bool is_transient(Errc code) {
  return code == Errc::kUpstreamUnavailable || code == Errc::kUpstreamInvalid;
}

template <class V>
class ResultCache {
 public:
  struct Lookup {
    std::shared_ptr<const V> value;  // Never null.
    Freshness freshness = Freshness::kFresh;
    std::chrono::system_clock::time_point fetched_at;  // Last fetch or revalidation: for Age.
    std::chrono::system_clock::time_point changed_at;  // Last fetch of a new value: Last-Modified.
  };

  // What a fetch produced: a new value, or null when the upstream said the previous value is
  // unchanged (a 304), which makes the previous value fresh again.
  struct Fetched {
    std::shared_ptr<const V> value;
  };

  // Fetches the value for the key it was bound to. `previous` is the cached value (null when there
  // is none), for conditional requests. Calls `done` exactly once, inline or later on any thread.
  // If `done` is destroyed without being called, the fetch counts as failed with
  // Errc::kUpstreamUnavailable, and its waiters are answered where the last copy of `done` dies,
  // so a lost completion (say, a job refused by a stopping pool) cannot leave callers waiting.
  using Fetcher = std::function<void(std::shared_ptr<const V> previous, Callback<Fetched> done)>;

  // The bytes a value holds beyond sizeof(V), or all of them: it only needs to be consistent.
  // Must be pure, since one value may be measured more than once.
  using SizeOf = std::function<std::size_t(const V&)>;

  // What one entry costs besides its value and key: list and hash nodes, roughly.
  static constexpr std::size_t kEntryOverheadBytes = 160;

  ResultCache(Options options, SizeOf size_of, Clock clock = {})
      : core_(std::make_shared<Core>(options, std::move(size_of), std::move(clock))) {}

  ResultCache(const ResultCache&) = delete;
  ResultCache& operator=(const ResultCache&) = delete;

  // Calls `done` exactly once, inline or on the thread that completes a fetch:
  // - with the cached value, Freshness::kFresh, while it is fresh;
  // - with the cached value, Freshness::kStale, within the stale-while-revalidate window, after
  //   starting a background `fetch` unless one already runs for `key` (or max_in_flight runs);
  // - with the remembered Errc::kNotFound error while a negative entry lives;
  // - otherwise after a fetch: the one already running for `key`, or `fetch`, called once. Its
  //   value comes back fresh; a transient failure comes back as the stale value when one was
  //   fetched within stale_if_error, else as the error; kNotFound is remembered for negative_ttl;
  //   other errors pass through and are not cached;
  // - with Errc::kUpstreamUnavailable at once when waiting would exceed max_in_flight or
  //   max_waiters_per_key.
  void get(std::string key, Fetcher fetch, Callback<Lookup> done) {
    core_->get(std::move(key), std::move(fetch), std::move(done));
  }

  Stats stats() const { return core_->stats(); }

 private:
  using TimePoint = std::chrono::steady_clock::time_point;
  using SystemTime = std::chrono::system_clock::time_point;

  // A value with the times it was fetched: what an entry holds, what a fetch revalidates and
  // what stale-if-error falls back to. `value` is null for "nothing".
  struct Snapshot {
    std::shared_ptr<const V> value;
    TimePoint fetched_at;
    SystemTime fetched_at_system;
    SystemTime changed_at;

    Lookup lookup(Freshness freshness) const {
      return Lookup{value, freshness, fetched_at_system, changed_at};
    }
  };

  struct Entry {
    std::string key;
    Snapshot snapshot;  // snapshot.value is null for a negative entry, which answers not_found.
    Error not_found;
    std::size_t bytes = 0;
  };

  class Core : public std::enable_shared_from_this<Core> {
   public:
    Core(Options options, SizeOf size_of, Clock clock)
        : options_(options), size_of_(std::move(size_of)), clock_(std::move(clock)) {}

    void get(std::string key, Fetcher fetch, Callback<Lookup> done) {
      const TimePoint now = clock_.steady();
      std::unique_lock lock(mutex_);
      Snapshot previous;
      if (const auto found = index_.find(key); found != index_.end()) {
        Entry& entry = *found->second;
        const auto age = now - entry.snapshot.fetched_at;
        const bool is_negative = !entry.snapshot.value;
        if (is_negative && age < options_.negative_ttl) {
          touch_locked(found->second);
          ++stats_.hits;
          Error not_found = entry.not_found;
          lock.unlock();
          done(std::move(not_found));
          return;
        }
        if (!is_negative && age < options_.fresh_ttl) {
          touch_locked(found->second);
          ++stats_.hits;
          Lookup fresh = entry.snapshot.lookup(Freshness::kFresh);
          lock.unlock();
          done(std::move(fresh));
          return;
        }
        if (!is_negative && age < options_.fresh_ttl + options_.stale_while_revalidate) {
          touch_locked(found->second);
          ++stats_.hits;
          ++stats_.stale_served;
          Lookup stale = entry.snapshot.lookup(Freshness::kStale);
          previous = entry.snapshot;
          Callback<Lookup> no_waiter;
          const bool refresh = join_flight_locked(key, no_waiter) == Join::kStarted;
          lock.unlock();
          done(std::move(stale));
          if (refresh) start_fetch(std::move(key), std::move(previous), fetch);
          return;
        }
        if (!is_negative) previous = entry.snapshot;
      }
      ++stats_.misses;
      const Join join = join_flight_locked(key, done);
      if (join == Join::kRejected) ++stats_.rejected;
      lock.unlock();
      if (join == Join::kRejected) {
        done(make_error(Errc::kUpstreamUnavailable, "too many upstream requests pending"));
      } else if (join == Join::kStarted) {
        start_fetch(std::move(key), std::move(previous), fetch);
      }
    }

    Stats stats() const {
      std::lock_guard lock(mutex_);
      Stats stats = stats_;
      stats.entries = lru_.size();
      stats.bytes = bytes_;
      stats.in_flight = flights_.size();
      return stats;
    }

   private:
    using EntryList = std::list<Entry>;
    enum class Join { kStarted, kJoined, kRejected };

    // Adds `waiter` (an empty one for a background refresh) to the fetch running for `key`, or
    // registers a new fetch with it, which the caller must start once the lock is released.
    // `waiter` is left untouched when rejected, so the caller can still answer it.
    Join join_flight_locked(const std::string& key, Callback<Lookup>& waiter) {
      if (const auto flight = flights_.find(key); flight != flights_.end()) {
        if (!waiter) return Join::kJoined;
        if (flight->second.size() >= options_.max_waiters_per_key) return Join::kRejected;
        flight->second.push_back(std::move(waiter));
        return Join::kJoined;
      }
      if (flights_.size() >= options_.max_in_flight) return Join::kRejected;
      std::vector<Callback<Lookup>>& waiters = flights_[key];
      if (waiter) waiters.push_back(std::move(waiter));
      ++stats_.fetches;
      return Join::kStarted;
    }

    void start_fetch(std::string key, Snapshot previous, const Fetcher& fetch) {
      auto pending = std::make_shared<PendingFetch>(this->shared_from_this(), std::move(key),
                                                    std::move(previous));
      fetch(pending->previous.value,
            [pending](Result<Fetched> fetched) { pending->finish(std::move(fetched)); });
    }

    // Finishes its fetch exactly once: when the fetcher calls `done`, or with an error when the
    // fetcher destroys every copy of `done` without calling it. Holds the core alive until then.
    struct PendingFetch {
      PendingFetch(std::shared_ptr<Core> core_in, std::string key_in, Snapshot previous_in)
          : core(std::move(core_in)), key(std::move(key_in)), previous(std::move(previous_in)) {}
      PendingFetch(const PendingFetch&) = delete;
      PendingFetch& operator=(const PendingFetch&) = delete;
      ~PendingFetch() {
        if (!finished) {
          finish(make_error(Errc::kUpstreamUnavailable, "upstream request was abandoned"));
        }
      }

      void finish(Result<Fetched> fetched) {
        // A second call would answer (or steal) the waiters of a later fetch for the same key.
        if (std::exchange(finished, true)) return;
        core->finish(key, previous, std::move(fetched));
      }

      std::shared_ptr<Core> core;
      std::string key;
      Snapshot previous;
      bool finished = false;
    };

    void finish(const std::string& key, const Snapshot& previous, Result<Fetched> fetched) {
      // The value to keep, measured before locking since size_of_ is the user's code.
      std::shared_ptr<const V> kept;
      if (fetched) kept = fetched.value().value ? fetched.value().value : previous.value;
      const std::size_t value_bytes = kept ? size_of_(*kept) : 0;
      const TimePoint now = clock_.steady();
      const SystemTime now_system = clock_.system();

      std::unique_lock lock(mutex_);
      auto flight = flights_.extract(key);
      assert(flight && "a fetch finished without its flight");
      std::vector<Callback<Lookup>> waiters = std::move(flight.mapped());
      Result<Lookup> answer = [&]() -> Result<Lookup> {
        if (fetched) {
          if (!kept) {
            return make_error(Errc::kInternal, "upstream reported no change to a missing value");
          }
          const bool is_unchanged = kept == previous.value;
          Snapshot snapshot{kept, now, now_system, is_unchanged ? previous.changed_at : now_system};
          store_locked(key, snapshot, Error{}, value_bytes);
          return snapshot.lookup(Freshness::kFresh);
        }
        const Error& error = fetched.error();
        if (error.code == Errc::kNotFound) {
          store_locked(key, Snapshot{nullptr, now, now_system, now_system}, error, 0);
        } else if (is_transient(error.code) && previous.value &&
                   now - previous.fetched_at <= options_.stale_if_error) {
          stats_.stale_served += waiters.size();
          return previous.lookup(Freshness::kStale);
        }
        return error;
      }();
      lock.unlock();
      for (Callback<Lookup>& waiter : waiters) waiter(answer);
    }

    void store_locked(const std::string& key, const Snapshot& snapshot, const Error& not_found,
                      std::size_t value_bytes) {
      const std::size_t bytes = value_bytes + key.size() + not_found.message.size() +
                                not_found.error_code.size() + not_found.property.size() +
                                kEntryOverheadBytes;
      const auto found = index_.find(key);
      if (bytes > options_.max_bytes) {
        // Keeping it would flush every other entry; an older value for the key is outdated.
        if (found != index_.end()) erase_locked(found->second);
        return;
      }
      if (found != index_.end()) {
        Entry& entry = *found->second;
        bytes_ -= entry.bytes;
        entry.snapshot = snapshot;
        entry.not_found = not_found;
        entry.bytes = bytes;
        touch_locked(found->second);
      } else {
        lru_.push_front(Entry{key, snapshot, not_found, bytes});
        index_.emplace(lru_.front().key, lru_.begin());
      }
      bytes_ += bytes;
      while (lru_.size() > options_.max_entries || bytes_ > options_.max_bytes) {
        erase_locked(std::prev(lru_.end()));
      }
    }

    void erase_locked(typename EntryList::iterator entry) {
      bytes_ -= entry->bytes;
      index_.erase(entry->key);
      lru_.erase(entry);
      ++stats_.evictions;
    }

    void touch_locked(typename EntryList::iterator entry) {
      lru_.splice(lru_.begin(), lru_, entry);
    }

    const Options options_;
    const SizeOf size_of_;
    const Clock clock_;

    mutable std::mutex mutex_;
    EntryList lru_;  // Most recently used first. Guarded by mutex_.
    // Keys view the key strings of lru_'s nodes, which never move. Guarded by mutex_.
    std::unordered_map<std::string_view, typename EntryList::iterator> index_;
    // The callers waiting for each running fetch. Guarded by mutex_.
    std::unordered_map<std::string, std::vector<Callback<Lookup>>> flights_;
    std::size_t bytes_ = 0;  // Guarded by mutex_.
    Stats stats_;            // Guarded by mutex_; its entries/bytes/in_flight are left at zero.
  };

  std::shared_ptr<Core> core_;
};

}  // namespace badgesmith::cache
