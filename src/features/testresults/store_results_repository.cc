#include "features/testresults/store_results_repository.h"

#include <charconv>
#include <system_error>
#include <utility>
#include <vector>

#include "core/ascii.h"
#include "core/hex.h"

namespace badgesmith::testresults {
namespace {

constexpr std::string_view kResultPrefix = "result#";

// One key part, escaped so that it never holds '#' and is printable ASCII (see the header).
void append_part(std::string& key, std::string_view part) {
  for (const char c : part) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9') || c == '.' || c == '_' ||
        c == '-') {
      key += c;
    } else {
      key += '%';
      append_hex(key, byte, 2);
    }
  }
}

void append_name(std::string& key, std::string_view name) { append_part(key, ascii_lower(name)); }

std::string nonce_partition(std::string_view owner, std::string_view nonce) {
  std::string key = "tr-nonce#";
  append_name(key, owner);
  key += '#';
  append_part(key, nonce);
  return key;
}

std::string series_partition(const Series& series) {
  std::string key = "tr-series#";
  for (const std::string* name : {&series.owner, &series.repo, &series.platform, &series.branch}) {
    if (name != &series.owner) key += '#';
    append_name(key, *name);
  }
  return key;
}

std::string run_sort_key(const RunKey& run) {
  std::string key = "run#";
  append_part(key, run.run_id);
  key += '#';
  key += std::to_string(run.run_attempt);
  return key;
}

std::string result_sort_key(const StoredResult& result) {
  const std::string timestamp = std::to_string(result.timestamp_ms);
  std::string key(kResultPrefix);
  key.append(13 - timestamp.size(), '0');
  key += timestamp;
  key += '#';
  key += result.test_result_id;
  return key;
}

std::string owner_partition(std::string_view owner) {
  std::string key = "tr-owner#";
  append_name(key, owner);
  return key;
}

constexpr std::string_view kHiddenSortKey = "history-hidden";
constexpr std::string_view kLegacyUntilSortKey = "legacy-until";

// Values are netstrings (`<length>:<bytes>,`), binary-safe and unambiguous, in a fixed order
// behind a format tag. A run item stores the record's SHA-256 where a result item stores the
// record.
constexpr std::string_view kFormatTag = "tr1";

void append_field(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += ',';
}

std::string encode(const StoredResult& result, std::string_view last_field) {
  std::string out;
  out.reserve(160 + result.run.series.branch.size() + last_field.size());
  append_field(out, kFormatTag);
  append_field(out, result.test_result_id);
  append_field(out, result.run.series.owner);
  append_field(out, result.run.series.repo);
  append_field(out, result.run.series.platform);
  append_field(out, result.run.series.branch);
  append_field(out, result.run.run_id);
  append_field(out, std::to_string(result.run.run_attempt));
  append_field(out, std::to_string(result.timestamp_ms));
  append_field(out, std::to_string(result.received_at_ms));
  append_field(out, last_field);
  return out;
}

class FieldReader {
 public:
  explicit FieldReader(std::string_view value) : rest_(value) {}

  bool read(std::string& field) {
    std::size_t size = 0;
    const auto [end, ec] = std::from_chars(rest_.data(), rest_.data() + rest_.size(), size);
    const std::size_t digits = static_cast<std::size_t>(end - rest_.data());
    if (ec != std::errc() || digits == 0 || digits >= rest_.size() || *end != ':' ||
        rest_.size() - digits - 1 <= size || rest_[digits + 1 + size] != ',') {
      return false;
    }
    field.assign(rest_.substr(digits + 1, size));
    rest_.remove_prefix(digits + 1 + size + 1);
    return true;
  }

  bool read(std::int64_t& number) {
    std::string text;
    if (!read(text)) return false;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    return ec == std::errc() && end == text.data() + text.size();
  }

  bool done() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

Error unreadable() { return make_error(Errc::kInternal, "A stored test result is unreadable"); }

Result<StoredResult> decode(std::string_view value) {
  FieldReader reader(value);
  StoredResult result;
  std::string tag;
  if (!reader.read(tag) || tag != kFormatTag || !reader.read(result.test_result_id) ||
      !reader.read(result.run.series.owner) || !reader.read(result.run.series.repo) ||
      !reader.read(result.run.series.platform) || !reader.read(result.run.series.branch) ||
      !reader.read(result.run.run_id) || !reader.read(result.run.run_attempt) ||
      !reader.read(result.timestamp_ms) || !reader.read(result.received_at_ms) ||
      !reader.read(result.record) || !reader.done()) {
    return unreadable();
  }
  return result;
}

}  // namespace

StoreResultsRepository::StoreResultsRepository(store::Store& store, RepositoryOptions options)
    : store_(store), options_(options) {}

void StoreResultsRepository::claim_nonce(std::string_view owner, std::string_view nonce,
                                         std::int64_t now_unix_seconds, Callback<void> done) {
  store::Write claim{store::Item{store::Key{nonce_partition(owner, nonce), "n"}, "",
                                 now_unix_seconds + kNonceLifetime.count()},
                     store::PutMode::kIfAbsent};
  store_.put(std::move(claim), [done = std::move(done)](Result<void> put) {
    if (!put && put.error().code == Errc::kConflict) {
      done(nonce_already_used());
      return;
    }
    done(std::move(put));
  });
}

void StoreResultsRepository::record(RunKey run, std::int64_t timestamp_ms,
                                    std::int64_t received_at_ms, std::string record,
                                    Callback<RecordOutcome> done) {
  if (Result<void> checked = check_record_arguments(run, timestamp_ms, received_at_ms); !checked) {
    done(checked.error());
    return;
  }
  Result<std::string> digest = record_digest(record);
  if (!digest) {
    done(digest.error());
    return;
  }
  Result<std::string> id = ids_.next(received_at_ms);
  if (!id) {
    done(id.error());
    return;
  }
  StoredResult result{std::move(id).value(), std::move(run), timestamp_ms, received_at_ms,
                      std::move(record)};
  const std::string partition = series_partition(result.run.series);
  const std::int64_t expires_at = received_at_ms / 1000 + options_.retention.count();
  store::Key run_key{partition, run_sort_key(result.run)};

  // Both conditional: the run item decides a race between posts of one run (the loser writes
  // nothing); the result item's key is unique by its id, its condition only guards that.
  std::vector<store::Write> writes;
  writes.push_back(
      {{{partition, result_sort_key(result)}, encode(result, result.record), expires_at},
       store::PutMode::kIfAbsent});
  writes.push_back(
      {{run_key, encode(result, digest.value()), expires_at}, store::PutMode::kIfAbsent});

  store::Store* store = &store_;
  store_.put_all(std::move(writes), [store, run_key = std::move(run_key),
                                     digest = std::move(digest).value(), result = std::move(result),
                                     done = std::move(done)](Result<void> put) mutable {
    if (put) {
      done(RecordOutcome{false, std::move(result)});
      return;
    }
    if (put.error().code != Errc::kConflict) {
      done(put.error());
      return;
    }
    // Cheaper this way round for the common case: a first post costs one transaction, and only
    // a repeated run pays for the failed transaction and this read.
    store->get(std::move(run_key),
               [digest = std::move(digest), record = std::move(result.record),
                done = std::move(done)](Result<std::optional<store::Item>> first) mutable {
                 if (!first) {
                   done(first.error());
                   return;
                 }
                 if (!first.value()) {
                   // The winner's items expired between the transaction and this read.
                   done(record_retry_later());
                   return;
                 }
                 Result<StoredResult> stored = decode(first.value()->value);
                 if (!stored) {
                   done(stored.error());
                   return;
                 }
                 done(repeated_run(std::move(stored).value(), digest, std::move(record)));
               });
  });
}

void StoreResultsRepository::latest(const Series& series,
                                    Callback<std::optional<StoredResult>> done) {
  history(series, 1, {}, [done = std::move(done)](Result<HistoryPage> page) {
    if (!page) {
      done(page.error());
      return;
    }
    std::vector<StoredResult>& items = page.value().items;
    done(items.empty() ? std::nullopt : std::optional<StoredResult>(std::move(items.front())));
  });
}

void StoreResultsRepository::history(const Series& series, std::size_t limit, std::string cursor,
                                     Callback<HistoryPage> done) {
  if (Result<void> checked = check_history_limit(limit); !checked) {
    done(checked.error());
    return;
  }
  store::QueryRequest request;
  request.partition = series_partition(series);
  request.sort_prefix = std::string(kResultPrefix);
  request.descending = true;
  request.limit = limit;
  request.cursor = std::move(cursor);
  store_.query(std::move(request), [done = std::move(done)](Result<store::QueryPage> queried) {
    if (!queried) {
      done(queried.error());
      return;
    }
    HistoryPage page;
    page.items.reserve(queried.value().items.size());
    for (const store::Item& item : queried.value().items) {
      Result<StoredResult> result = decode(item.value);
      if (!result) {
        done(result.error());
        return;
      }
      page.items.push_back(std::move(result).value());
    }
    page.next_cursor = std::move(queried.value().next_cursor);
    done(std::move(page));
  });
}

void StoreResultsRepository::set_history_hidden(std::string_view owner, bool hidden,
                                                Callback<void> done) {
  store_.put(
      store::Write{store::Item{store::Key{owner_partition(owner), std::string(kHiddenSortKey)},
                               history_hidden_value(hidden), std::nullopt}},
      std::move(done));
}

void StoreResultsRepository::history_hidden(std::string_view owner, Callback<bool> done) {
  store_.get(store::Key{owner_partition(owner), std::string(kHiddenSortKey)},
             [done = std::move(done)](Result<std::optional<store::Item>> item) {
               if (!item) {
                 done(item.error());
                 return;
               }
               if (!item.value()) {
                 done(false);
                 return;
               }
               done(parse_history_hidden(item.value()->value));
             });
}

void StoreResultsRepository::set_legacy_until(std::string_view owner,
                                              std::optional<std::int64_t> until_unix_seconds,
                                              Callback<void> done) {
  store_.put(
      store::Write{store::Item{store::Key{owner_partition(owner), std::string(kLegacyUntilSortKey)},
                               legacy_until_value(until_unix_seconds), std::nullopt}},
      std::move(done));
}

void StoreResultsRepository::legacy_until(std::string_view owner,
                                          Callback<std::optional<std::int64_t>> done) {
  store_.get(store::Key{owner_partition(owner), std::string(kLegacyUntilSortKey)},
             [done = std::move(done)](Result<std::optional<store::Item>> item) {
               if (!item) return done(item.error());
               if (!item.value()) return done(std::optional<std::int64_t>{});
               done(parse_legacy_until(item.value()->value));
             });
}

}  // namespace badgesmith::testresults
