#include "features/testresults/dynamodb_results_repository.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <system_error>
#include <utility>
#include <vector>

#include "core/ascii.h"
#include "core/hex.h"
#include "core/security/digest.h"
#include "core/timestamp.h"
#include "core/utf8.h"
#include "features/testresults/test_result.h"

namespace badgesmith::testresults {
namespace {

using nlohmann::json;

// DynamoDB's key size limits (bytes of UTF-8).
constexpr std::size_t kMaxPartitionKey = 2048;
constexpr std::size_t kMaxSortKey = 1024;
// format_rfc3339_ms's range: CreatedAt, Timestamp and MarkedAt are ISO dates.
constexpr std::int64_t kMaxIsoMs = 253'402'300'800'000;
constexpr std::size_t kTimestampChars = 24;  // yyyy-MM-ddTHH:mm:ss.fffZ
constexpr std::size_t kIdChars = 32;
// Query rounds one page may take when the TTL filter or a foreign .NET item empties a round.
constexpr int kMaxQueryRounds = 8;
// An absent item, or one whose TTL has passed (DynamoDB deletes it lazily).
constexpr std::string_view kAbsentOrExpired = "attribute_not_exists(PK) OR #ttl <= :now";
constexpr std::string_view kHiddenSetting = "SETTING#history-hidden";
constexpr std::string_view kLegacyUntilSetting = "SETTING#legacy-until";

// ---- Key components --------------------------------------------------------------------------

// Length of the well-formed UTF-8 sequence at the start of `text`, 0 when there is none.
std::size_t utf8_sequence(std::string_view text) {
  const auto lead = static_cast<unsigned char>(text[0]);
  const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  if (length > text.size()) return 0;
  return is_valid_utf8(text.substr(0, length)) ? length : 0;
}

// '%' → %25, '#' → %23, bytes outside well-formed UTF-8 → %XX; everything else as it is.
std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t length = byte < 0x80 ? 1 : utf8_sequence(text.substr(i));
    if (length == 0 || byte == '%' || byte == '#') {
      constexpr std::string_view kUpperHex = "0123456789ABCDEF";  // As percent-encoding writes.
      out += '%';
      out += kUpperHex[byte >> 4];
      out += kUpperHex[byte & 0xF];
      ++i;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// escape()'s inverse; nullopt for a '%' without two hex digits after it.
std::optional<std::string> unescape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    const int high = hex_value(text[i + 1]);
    const int low = hex_value(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out += static_cast<char>(high << 4 | low);
    i += 2;
  }
  return out;
}

std::string component(std::string_view name) { return escape(ascii_lower(name)); }

std::string results_partition(const Series& series) {
  return "TEST#" + component(series.owner) + '#' + component(series.repo);
}

// Every result sort key of the series starts with this, and nothing else's does.
std::string result_prefix(const Series& series) {
  return "RESULT#" + component(series.platform) + '#' + component(series.branch) + '#';
}

std::string latest_partition(const Series& series) {
  return "LATEST#" + component(series.owner) + '#' + component(series.repo) + '#' +
         component(series.platform) + '#' + component(series.branch);
}

std::string run_sort_key(const RunKey& run) {
  return "RUN#" + component(run.series.platform) + '#' + component(run.series.branch) + '#' +
         escape(run.run_id) + '#' + std::to_string(run.run_attempt);
}

// Whether the series' keys stay within DynamoDB's key size limits; no longer key was ever written.
bool fits(const Series& series) {
  return results_partition(series).size() <= kMaxPartitionKey &&
         latest_partition(series).size() <= kMaxPartitionKey &&
         result_prefix(series).size() + kTimestampChars + 1 + kIdChars <= kMaxSortKey;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// yyyy-MM-ddTHH:mm:ss.fffZ, as a sort key holds it.
bool is_key_timestamp(std::string_view text) {
  constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:dd.dddZ";
  if (text.size() != kShape.size()) return false;
  for (std::size_t i = 0; i < kShape.size(); ++i) {
    if (kShape[i] == 'd' ? !is_digit(text[i]) : text[i] != kShape[i]) return false;
  }
  return true;
}

bool is_lower_hex(std::string_view text) {
  return text.find_first_not_of(kLowerHexDigits) == std::string_view::npos;
}

// What follows the series prefix in a result sort key: "<ts>#<id>" (ours) or "<ts>" (.NET).
// Anything else belongs to another series: a .NET branch holding '#' shares our prefix.
bool is_result_suffix(std::string_view suffix) {
  if (!is_key_timestamp(suffix.substr(0, kTimestampChars))) return false;
  if (suffix.size() == kTimestampChars) return true;
  return suffix.size() == kTimestampChars + 1 + kIdChars && suffix[kTimestampChars] == '#' &&
         is_lower_hex(suffix.substr(kTimestampChars + 1));
}

// ---- Attribute values ------------------------------------------------------------------------

json s(std::string_view value) { return {{"S", value}}; }
json n(std::int64_t value) { return {{"N", std::to_string(value)}}; }

const std::string* string_attribute(const json& item, const char* name) {
  const auto attribute = item.find(name);
  if (attribute == item.end() || !attribute->is_object()) return nullptr;
  const auto value = attribute->find("S");
  if (value == attribute->end() || !value->is_string()) return nullptr;
  return &value->get_ref<const std::string&>();
}

std::optional<std::int64_t> number_attribute(const json& item, const char* name) {
  const auto attribute = item.find(name);
  if (attribute == item.end() || !attribute->is_object()) return std::nullopt;
  const auto value = attribute->find("N");
  if (value == attribute->end() || !value->is_string()) return std::nullopt;
  const auto& text = value->get_ref<const std::string&>();
  std::int64_t number = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return number;
}

std::optional<std::int64_t> iso_attribute(const json& item, const char* name) {
  const std::string* text = string_attribute(item, name);
  if (text == nullptr) return std::nullopt;
  return parse_rfc3339_ms(*text);
}

// Live unless its TTL has passed; an item without TTL never expires.
bool is_live(const json& item, std::int64_t now) {
  if (item.find("TTL") == item.end()) return true;
  const auto ttl = number_attribute(item, "TTL");
  return !ttl || *ttl > now;
}

Error unreadable() { return make_error(Errc::kInternal, "A stored test result is unreadable"); }

Result<json> parse_answer(const std::string& body) {
  json document = json::parse(body, nullptr, false);
  if (document.is_discarded() || !document.is_object()) {
    return make_error(Errc::kUpstreamInvalid, "DynamoDB answered no JSON object");
  }
  return document;
}

json absent_or_expired(json put, std::int64_t now) {
  put["ConditionExpression"] = kAbsentOrExpired;
  put["ExpressionAttributeNames"] = {{"#ttl", "TTL"}};
  put["ExpressionAttributeValues"] = {{":now", n(now)}};
  return put;
}

// ---- Items -----------------------------------------------------------------------------------

// The attributes of our result and run items that restore a StoredResult; `record` is the record
// (result item) or its digest (run item).
json our_attributes(const StoredResult& result, std::string_view record, const char* record_name,
                    std::int64_t ttl) {
  const Series& series = result.run.series;
  return {{"TestResultId", s(result.test_result_id)},
          {"PostedOwner", s(escape(series.owner))},
          {"PostedRepo", s(escape(series.repo))},
          {"PostedPlatform", s(escape(series.platform))},
          {"PostedBranch", s(escape(series.branch))},
          {"RunId", s(escape(result.run.run_id))},
          {"RunAttempt", n(result.run.run_attempt)},
          {"Timestamp", s(format_rfc3339_ms(result.timestamp_ms))},
          {"CreatedAt", s(format_rfc3339_ms(result.received_at_ms))},
          {record_name, s(record)},
          {"TTL", n(ttl)}};
}

// The result item: ours plus every attribute of the .NET layout, taken from the record.
json result_item(const StoredResult& result, const TestResult& payload, std::int64_t ttl) {
  const Series& series = result.run.series;
  const std::string timestamp = format_rfc3339_ms(result.timestamp_ms);
  json item = our_attributes(result, result.record, "Record", ttl);
  item["PK"] = s(results_partition(series));
  item["SK"] = s(result_prefix(series) + timestamp + '#' + result.test_result_id);
  item["GSI1PK"] = s(latest_partition(series));
  item["GSI1SK"] = s(timestamp + '#' + result.test_result_id);
  item["Owner"] = s(component(series.owner));
  item["Repo"] = s(component(series.repo));
  item["Platform"] = s(component(series.platform));
  item["Branch"] = s(component(series.branch));
  item["Passed"] = n(payload.passed);
  item["Failed"] = n(payload.failed);
  item["Skipped"] = n(payload.skipped);
  item["Total"] = n(payload.total);
  item["Commit"] = s(payload.commit);
  item["UrlHtml"] = s(payload.url_html);
  item["WorkflowRunUrl"] = s(payload.workflow_run_url);
  return item;
}

Result<StoredResult> decode_ours(const json& item, const char* record_name) {
  StoredResult result;
  const std::string* id = string_attribute(item, "TestResultId");
  const std::string* record = string_attribute(item, record_name);
  const std::string* run_id = string_attribute(item, "RunId");
  const auto attempt = number_attribute(item, "RunAttempt");
  const auto timestamp_ms = iso_attribute(item, "Timestamp");
  const auto received_at_ms = iso_attribute(item, "CreatedAt");
  if (id == nullptr || id->size() != kIdChars || !is_lower_hex(*id) || record == nullptr ||
      run_id == nullptr || !attempt || *attempt < 1 || !timestamp_ms || !received_at_ms) {
    return unreadable();
  }
  const std::pair<const char*, std::string*> names[] = {
      {"PostedOwner", &result.run.series.owner},
      {"PostedRepo", &result.run.series.repo},
      {"PostedPlatform", &result.run.series.platform},
      {"PostedBranch", &result.run.series.branch}};
  for (const auto& [attribute, name] : names) {
    const std::string* escaped = string_attribute(item, attribute);
    std::optional<std::string> posted = escaped ? unescape(*escaped) : std::nullopt;
    if (!posted) return unreadable();
    *name = std::move(*posted);
  }
  std::optional<std::string> run = unescape(*run_id);
  if (!run) return unreadable();
  result.test_result_id = *id;
  result.run.run_id = std::move(*run);
  result.run.run_attempt = *attempt;
  result.timestamp_ms = *timestamp_ms;
  result.received_at_ms = *received_at_ms;
  result.record = *record;
  return result;
}

// A result the .NET service wrote: the record is rebuilt from its attributes, the id derived
// from its creation time and sort key (stable, 32 hex digits, receive-ordered like ours).
Result<StoredResult> decode_dotnet(const json& item, const std::string& sort_key) {
  const std::string* owner = string_attribute(item, "Owner");
  const std::string* repo = string_attribute(item, "Repo");
  const std::string* platform = string_attribute(item, "Platform");
  const std::string* branch = string_attribute(item, "Branch");
  const std::string* timestamp = string_attribute(item, "Timestamp");
  const std::string* commit = string_attribute(item, "Commit");
  const std::string* run_id = string_attribute(item, "RunId");
  const std::string* url_html = string_attribute(item, "UrlHtml");
  const std::string* workflow_run_url = string_attribute(item, "WorkflowRunUrl");
  const auto passed = number_attribute(item, "Passed");
  const auto failed = number_attribute(item, "Failed");
  const auto skipped = number_attribute(item, "Skipped");
  const auto total = number_attribute(item, "Total");
  const auto created_ms = iso_attribute(item, "CreatedAt");
  if (owner == nullptr || repo == nullptr || platform == nullptr || branch == nullptr ||
      timestamp == nullptr || commit == nullptr || run_id == nullptr || url_html == nullptr ||
      workflow_run_url == nullptr || !passed || !failed || !skipped || !total || !created_ms ||
      *created_ms < 0 || *created_ms >= (std::int64_t{1} << 48)) {
    return unreadable();
  }
  const auto timestamp_ms = parse_rfc3339_ms(*timestamp);
  if (!timestamp_ms) return unreadable();
  std::string record = to_canonical_json(TestResult{.platform = *platform,
                                                    .passed = *passed,
                                                    .failed = *failed,
                                                    .skipped = *skipped,
                                                    .total = *total,
                                                    .url_html = *url_html,
                                                    .timestamp_ms = *timestamp_ms,
                                                    .timestamp = *timestamp,
                                                    .commit = *commit,
                                                    .run_id = *run_id,
                                                    .workflow_run_url = *workflow_run_url,
                                                    .duration_s = std::nullopt,
                                                    .run_attempt = 1});
  // Only what the routes can serve: a .NET item with, say, an http url_html is unreadable here
  // rather than a record that fails later.
  if (!parse_stored_test_result(record)) return unreadable();
  const auto digest = security::sha256(sort_key);
  if (!digest) return make_error(Errc::kInternal, "Hashing failed");
  StoredResult result;
  append_hex(result.test_result_id, static_cast<std::uint64_t>(*created_ms), 12);
  append_hex(result.test_result_id, digest->data(), 10);
  result.run = RunKey{Series{*owner, *repo, *platform, *branch}, *run_id, 1};
  result.timestamp_ms = *timestamp_ms;
  result.received_at_ms = *created_ms;
  result.record = std::move(record);
  return result;
}

Result<StoredResult> decode_result(const json& item, const std::string& sort_key) {
  if (item.find("TestResultId") != item.end()) return decode_ours(item, "Record");
  return decode_dotnet(item, sort_key);
}

// ---- Cursors ---------------------------------------------------------------------------------

// hex(PK "\n" SK) of the last item a page returned, or of where its last round stopped.
std::string encode_cursor(const std::string& partition, const std::string& sort_key) {
  std::string cursor;
  const std::string plain = partition + '\n' + sort_key;
  append_hex(cursor, reinterpret_cast<const unsigned char*>(plain.data()), plain.size());
  return cursor;
}

// The sort key to resume after; kInvalidArgument unless `cursor` is encode_cursor's form of a
// position among this series' results.
Result<std::string> decode_cursor(std::string_view cursor, const std::string& partition,
                                  const std::string& prefix) {
  const Error foreign =
      make_error(Errc::kInvalidArgument, "The cursor is not one of this history's", {}, "cursor");
  if (cursor.size() % 2 != 0 || cursor.size() > 2 * (kMaxPartitionKey + 1 + kMaxSortKey) ||
      !is_lower_hex(cursor)) {
    return foreign;
  }
  std::string plain;
  plain.reserve(cursor.size() / 2);
  for (std::size_t i = 0; i < cursor.size(); i += 2) {
    plain += static_cast<char>(hex_value(cursor[i]) << 4 | hex_value(cursor[i + 1]));
  }
  // Any position inside the series is a valid start (a round may stop at a foreign .NET item), so
  // the check is: this series' prefix, a DynamoDB-valid sort key after it.
  const std::string head = partition + '\n' + prefix;
  std::string sort_key = plain.substr(std::min(plain.size(), partition.size() + 1));
  if (!plain.starts_with(head) || plain.size() == head.size() || sort_key.size() > kMaxSortKey ||
      !is_valid_utf8(sort_key)) {
    return foreign;
  }
  return sort_key;
}

}  // namespace

std::int64_t system_unix_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// One history page: Query rounds, newest first, until the page holds limit + 1 live items (the
// extra one proves a next page), the series ends, or kMaxQueryRounds pass (then the cursor
// resumes where the last round stopped). Limit applies before the TTL filter, hence rounds.
class DynamoDbResultsRepository::Pager : public std::enable_shared_from_this<Pager> {
 public:
  Pager(DynamoDbResultsRepository& repository, const Series& series, std::size_t limit,
        Callback<HistoryPage> done)
      : repository_(repository),
        partition_(results_partition(series)),
        prefix_(result_prefix(series)),
        limit_(limit),
        done_(std::move(done)) {}

  void start(const Series& series, std::optional<std::string> after) {
    if (!fits(series)) return done_(HistoryPage{});  // No key this long was ever written.
    after_ = std::move(after);
    round();
  }

 private:
  void round() {
    json query = {
        {"TableName", repository_.tables_.test_results},
        {"KeyConditionExpression", "PK = :pk AND begins_with(SK, :prefix)"},
        {"FilterExpression", "attribute_not_exists(#ttl) OR #ttl > :now"},
        {"ExpressionAttributeNames", {{"#ttl", "TTL"}}},
        {"ExpressionAttributeValues",
         {{":pk", s(partition_)}, {":prefix", s(prefix_)}, {":now", n(repository_.now_())}}},
        {"ScanIndexForward", false},
        {"ConsistentRead", true},
        {"Limit", rounds_ == 0 ? limit_ + 1 : kMaxHistoryPage + 1}};
    if (after_) query["ExclusiveStartKey"] = {{"PK", s(partition_)}, {"SK", s(*after_)}};
    ++rounds_;
    repository_.call("Query", query, [self = shared_from_this()](Result<std::string> answer) {
      if (!answer) return self->done_(answer.error());
      self->take(answer.value());
    });
  }

  void take(const std::string& body) {
    Result<json> answer = parse_answer(body);
    if (!answer) return done_(answer.error());
    const auto items = answer.value().find("Items");
    if (items == answer.value().end() || !items->is_array()) return done_(unreadable());
    for (const json& item : *items) {
      if (!item.is_object()) return done_(unreadable());
      const std::string* sort_key = string_attribute(item, "SK");
      if (sort_key == nullptr || !sort_key->starts_with(prefix_)) return done_(unreadable());
      if (!is_result_suffix(std::string_view(*sort_key).substr(prefix_.size()))) continue;
      if (page_.items.size() == limit_) {
        // One more live item: there is a next page, starting after the last one kept.
        page_.next_cursor = encode_cursor(partition_, last_kept_);
        return done_(std::move(page_));
      }
      Result<StoredResult> result = decode_result(item, *sort_key);
      if (!result) return done_(result.error());
      page_.items.push_back(std::move(result).value());
      last_kept_ = *sort_key;
    }
    const auto last = answer.value().find("LastEvaluatedKey");
    if (last == answer.value().end()) return done_(std::move(page_));
    const std::string* last_sort_key = string_attribute(*last, "SK");
    if (!last->is_object() || last_sort_key == nullptr || !last_sort_key->starts_with(prefix_)) {
      return done_(unreadable());
    }
    after_ = *last_sort_key;
    if (rounds_ < kMaxQueryRounds) return round();
    // Many expired or foreign items in a row: hand back what there is and where to go on.
    page_.next_cursor = encode_cursor(partition_, *after_);
    done_(std::move(page_));
  }

  DynamoDbResultsRepository& repository_;
  const std::string partition_;
  const std::string prefix_;
  const std::size_t limit_;
  Callback<HistoryPage> done_;
  std::optional<std::string> after_;
  std::string last_kept_;
  HistoryPage page_;
  int rounds_ = 0;
};

// One record(): the transaction of result and run item, and on a lost race the read of the run
// item (retrying the transaction when the winner is not readable yet or has expired).
class DynamoDbResultsRepository::Recording
    : public std::enable_shared_from_this<DynamoDbResultsRepository::Recording> {
 public:
  Recording(DynamoDbResultsRepository& repository, StoredResult result, std::string digest,
            json result_item, json run_item, Callback<RecordOutcome> done)
      : repository_(repository),
        result_(std::move(result)),
        digest_(std::move(digest)),
        result_item_(std::move(result_item)),
        run_item_(std::move(run_item)),
        done_(std::move(done)) {}

  void write() {
    ++attempts_;
    const std::int64_t now = repository_.now_();
    const std::string& table = repository_.tables_.test_results;
    const json transaction = {
        {"TransactItems",
         json::array(
             {{{"Put", absent_or_expired({{"TableName", table}, {"Item", result_item_}}, now)}},
              {{"Put", absent_or_expired({{"TableName", table}, {"Item", run_item_}}, now)}}})}};
    repository_.call("TransactWriteItems", transaction,
                     [self = shared_from_this()](Result<std::string> written) {
                       if (written) {
                         return self->done_(RecordOutcome{false, std::move(self->result_)});
                       }
                       if (written.error().code != Errc::kConflict) {
                         return self->done_(written.error());
                       }
                       self->read_first();
                     });
  }

 private:
  // Cheaper this way round for the common case: a first post costs one transaction, and only a
  // repeated run pays for the cancelled transaction and this read.
  void read_first() {
    const json get = {{"TableName", repository_.tables_.test_results},
                      {"Key", {{"PK", run_item_["PK"]}, {"SK", run_item_["SK"]}}},
                      {"ConsistentRead", true}};
    repository_.call("GetItem", get, [self = shared_from_this()](Result<std::string> answer) {
      if (!answer) return self->done_(answer.error());
      Result<json> got = parse_answer(answer.value());
      if (!got) return self->done_(got.error());
      const auto item = got.value().find("Item");
      if (item == got.value().end() || !item->is_object() ||
          !is_live(*item, self->repository_.now_())) {
        // Expired since, or a concurrent transaction (TransactionConflict) not committed yet.
        if (self->attempts_ < kMaxAttempts) return self->write();
        return self->done_(record_retry_later());
      }
      Result<StoredResult> first = decode_ours(*item, "RecordSha256");
      if (!first) return self->done_(first.error());
      self->done_(
          repeated_run(std::move(first).value(), self->digest_, std::move(self->result_.record)));
    });
  }

  static constexpr int kMaxAttempts = 3;

  DynamoDbResultsRepository& repository_;
  StoredResult result_;
  const std::string digest_;
  const json result_item_;
  const json run_item_;
  Callback<RecordOutcome> done_;
  int attempts_ = 0;
};

void DynamoDbResultsRepository::call(std::string_view operation, const json& request,
                                     Callback<std::string> done) {
  client_.call(aws::Service::kDynamoDb, operation,
               request.dump(-1, ' ', false, json::error_handler_t::replace),
               [done = std::move(done)](Result<std::string> answer) {
                 // A missing table is a deployment fault, not an absent result: never a 404.
                 if (!answer && answer.error().code == Errc::kNotFound) {
                   return done(make_error(Errc::kInternal, "A DynamoDB table is missing"));
                 }
                 done(std::move(answer));
               });
}

DynamoDbResultsRepository::DynamoDbResultsRepository(aws::AwsClient& client, aws::TableNames tables,
                                                     RepositoryOptions options, UnixClock now)
    : client_(client), tables_(std::move(tables)), options_(options), now_(std::move(now)) {}

void DynamoDbResultsRepository::claim_nonce(std::string_view owner, std::string_view nonce,
                                            std::int64_t now_unix_seconds, Callback<void> done) {
  const std::string partition = "NONCE#" + component(owner);
  const std::string sort_key = escape(nonce);
  if (nonce.empty() || partition.size() > kMaxPartitionKey || sort_key.size() > kMaxSortKey ||
      now_unix_seconds < 0 || now_unix_seconds >= kMaxIsoMs / 1000) {
    return done(make_error(Errc::kInvalidArgument, "The nonce cannot be claimed", {}, "nonce"));
  }
  const json put = absent_or_expired({{"TableName", tables_.nonces},
                                      {"Item",
                                       {{"PK", s(partition)},
                                        {"SK", s(sort_key)},
                                        {"MarkedAt", s(format_rfc3339_ms(now_unix_seconds * 1000))},
                                        {"TTL", n(now_unix_seconds + kNonceLifetime.count())}}}},
                                     now_unix_seconds);
  call("PutItem", put, [done = std::move(done)](Result<std::string> answer) {
    if (answer) return done(success());
    if (answer.error().code == Errc::kConflict) return done(nonce_already_used());
    done(answer.error());
  });
}

void DynamoDbResultsRepository::record(RunKey run, std::int64_t timestamp_ms,
                                       std::int64_t received_at_ms, std::string record,
                                       Callback<RecordOutcome> done) {
  if (Result<void> checked = check_record_arguments(run, timestamp_ms, received_at_ms); !checked) {
    return done(checked.error());
  }
  if (received_at_ms >= kMaxIsoMs) {
    return done(make_error(Errc::kInvalidArgument, "The test result's receive time is too late"));
  }
  Result<TestResult> payload = parse_stored_test_result(record);
  if (!payload) {
    return done(make_error(Errc::kInvalidArgument, "The record is not a canonical test result"));
  }
  Result<std::string> digest = record_digest(record);
  if (!digest) return done(digest.error());
  Result<std::string> id = ids_.next(received_at_ms);
  if (!id) return done(id.error());

  StoredResult result{std::move(id).value(), std::move(run), timestamp_ms, received_at_ms,
                      std::move(record)};
  const std::int64_t ttl = received_at_ms / 1000 + options_.retention.count();
  const std::string run_key = run_sort_key(result.run);
  if (!fits(result.run.series) || run_key.size() > kMaxSortKey) {
    return done(make_error(Errc::kInvalidArgument, "The series names or run id are too long"));
  }
  json result_json = result_item(result, payload.value(), ttl);
  json run_json = our_attributes(result, digest.value(), "RecordSha256", ttl);
  run_json["PK"] = result_json["PK"];
  run_json["SK"] = s(run_key);
  std::make_shared<Recording>(*this, std::move(result), std::move(digest).value(),
                              std::move(result_json), std::move(run_json), std::move(done))
      ->write();
}

void DynamoDbResultsRepository::latest(const Series& series,
                                       Callback<std::optional<StoredResult>> done) {
  // Follows cursors past pages that the TTL filter emptied: expired items are finite (DynamoDB
  // deletes them within days), so this ends.
  struct Follow {
    DynamoDbResultsRepository& repository;
    Series series;
    Callback<std::optional<StoredResult>> done;

    static void page(const std::shared_ptr<Follow>& self, std::optional<std::string> after) {
      auto pager = std::make_shared<Pager>(
          self->repository, self->series, 1, [self](Result<HistoryPage> found) {
            if (!found) return self->done(found.error());
            HistoryPage& got = found.value();
            if (!got.items.empty()) return self->done(std::move(got.items.front()));
            if (got.next_cursor.empty()) return self->done(std::optional<StoredResult>{});
            Result<std::string> next = decode_cursor(
                got.next_cursor, results_partition(self->series), result_prefix(self->series));
            if (!next) return self->done(next.error());
            page(self, std::move(next).value());
          });
      pager->start(self->series, std::move(after));
    }
  };
  Follow::page(std::make_shared<Follow>(Follow{*this, series, std::move(done)}), std::nullopt);
}

void DynamoDbResultsRepository::history(const Series& series, std::size_t limit, std::string cursor,
                                        Callback<HistoryPage> done) {
  if (Result<void> checked = check_history_limit(limit); !checked) return done(checked.error());
  std::optional<std::string> after;
  if (!cursor.empty()) {
    Result<std::string> decoded =
        decode_cursor(cursor, results_partition(series), result_prefix(series));
    if (!decoded) return done(decoded.error());
    after = std::move(decoded).value();
  }
  std::make_shared<Pager>(*this, series, limit, std::move(done))->start(series, std::move(after));
}

void DynamoDbResultsRepository::put_setting(std::string_view owner, std::string_view name,
                                            std::string_view value, Callback<void> done) {
  const std::string partition = "ORG#" + component(owner);
  if (partition.size() > kMaxPartitionKey) {
    return done(make_error(Errc::kInvalidArgument, "The owner name is too long", {}, "owner"));
  }
  const json put = {{"TableName", tables_.org_secrets},
                    {"Item", {{"PK", s(partition)}, {"SK", s(name)}, {"Value", s(value)}}}};
  call("PutItem", put, [done = std::move(done)](Result<std::string> answer) {
    if (!answer) return done(answer.error());
    done(success());
  });
}

void DynamoDbResultsRepository::get_setting(std::string_view owner, std::string_view name,
                                            Callback<std::optional<std::string>> done) {
  const std::string partition = "ORG#" + component(owner);
  if (partition.size() > kMaxPartitionKey) {
    return done(std::optional<std::string>{});  // No such owner was ever written.
  }
  const json get = {{"TableName", tables_.org_secrets},
                    {"Key", {{"PK", s(partition)}, {"SK", s(name)}}},
                    {"ConsistentRead", true}};
  call("GetItem", get, [done = std::move(done)](Result<std::string> answer) {
    if (!answer) return done(answer.error());
    Result<json> got = parse_answer(answer.value());
    if (!got) return done(got.error());
    const auto item = got.value().find("Item");
    if (item == got.value().end()) return done(std::optional<std::string>{});
    const std::string* value = item->is_object() ? string_attribute(*item, "Value") : nullptr;
    if (value == nullptr) {
      return done(make_error(Errc::kInternal, "A stored owner setting is unreadable"));
    }
    done(std::optional<std::string>{*value});
  });
}

void DynamoDbResultsRepository::set_history_hidden(std::string_view owner, bool hidden,
                                                   Callback<void> done) {
  put_setting(owner, kHiddenSetting, history_hidden_value(hidden), std::move(done));
}

void DynamoDbResultsRepository::history_hidden(std::string_view owner, Callback<bool> done) {
  get_setting(owner, kHiddenSetting,
              [done = std::move(done)](Result<std::optional<std::string>> value) {
                if (!value) return done(value.error());
                if (!value.value()) return done(false);
                done(parse_history_hidden(*value.value()));
              });
}

void DynamoDbResultsRepository::set_legacy_until(std::string_view owner,
                                                 std::optional<std::int64_t> until_unix_seconds,
                                                 Callback<void> done) {
  put_setting(owner, kLegacyUntilSetting, legacy_until_value(until_unix_seconds), std::move(done));
}

void DynamoDbResultsRepository::legacy_until(std::string_view owner,
                                             Callback<std::optional<std::int64_t>> done) {
  get_setting(owner, kLegacyUntilSetting,
              [done = std::move(done)](Result<std::optional<std::string>> value) {
                if (!value) return done(value.error());
                if (!value.value()) return done(std::optional<std::int64_t>{});
                done(parse_legacy_until(*value.value()));
              });
}

}  // namespace badgesmith::testresults
