// The storage interface every feature uses. It is expressed in operations that both SQLite and
// DynamoDB perform natively (conditional put, transactional put, get, ordered prefix query, TTL),
// so a handler never knows which backend runs. Records are opaque strings; features choose keys.
//
// Thread-safety: every implementation is safe to share between threads. Operations are
// asynchronous: the callback runs exactly once, on a store worker thread (never inline on the
// caller's I/O thread for the SQLite store), and must not block.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace badgesmith::store {

// An item is addressed by a partition key and a sort key (DynamoDB's composite key).
struct Key {
  std::string partition;
  std::string sort;
};

struct Item {
  Key key;
  std::string value;
  // Unix seconds after which the item counts as absent: gets and queries skip it and a
  // conditional put may replace it. nullopt: never expires.
  std::optional<std::int64_t> expires_at;
};

enum class PutMode {
  kOverwrite,  // Unconditional put.
  kIfAbsent,   // Fails with Errc::kConflict when a live (unexpired) item has the same key.
};

struct Write {
  Item item;
  PutMode mode = PutMode::kOverwrite;
};

struct QueryRequest {
  std::string partition;
  std::string sort_prefix;  // Only items whose sort key starts with this; empty: all.
  bool descending = false;  // Sort-key order.
  std::size_t limit = 100;  // At most this many items per page; REQUIRES: 1..1000.
  std::string cursor;       // Opaque; empty for the first page, else a previous next_cursor.
};

struct QueryPage {
  std::vector<Item> items;
  std::string next_cursor;  // Empty when there are no more items.
};

class Store {
 public:
  virtual ~Store() = default;
  Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Writes one item. With kIfAbsent fails with kConflict if a live item holds the key, leaving
  // it untouched. Fails with kUpstreamUnavailable when the backend cannot be reached.
  virtual void put(Write write, Callback<void> done) = 0;

  // Writes every item or none (a transaction). Fails with kConflict, writing nothing, when any
  // kIfAbsent condition fails; with kInvalidArgument for an empty or over-long (>100) batch.
  virtual void put_all(std::vector<Write> writes, Callback<void> done) = 0;

  // Returns the live item with `key`, or nullopt when there is none (or it has expired).
  virtual void get(Key key, Callback<std::optional<Item>> done) = 0;

  // Returns live items of one partition in sort-key order, a page at a time. Fails with
  // kInvalidArgument for a cursor this store did not issue.
  virtual void query(QueryRequest request, Callback<QueryPage> done) = 0;

  // Cheap read that proves the backend answers; used by GET /health.
  virtual void probe(Callback<void> done) = 0;
};

}  // namespace badgesmith::store
