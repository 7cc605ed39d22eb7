// The ResultsRepository on DynamoDB, in the tables and item layout of the .NET service
// (badgesmith-dotnet.md §5.2, §6.2, §6.3), so either service can run on the same data: a result
// this class writes carries every attribute the .NET "latest" query reads, and a result the .NET
// service wrote reads back here as a StoredResult. docs/dynamodb.md describes the items in full.
//
// Key components are the lower-cased names (A-Z only) with '%' written %25, '#' %23 and any byte
// outside well-formed UTF-8 %XX: the identity for every name the .NET service could store
// unambiguously, while '#' can no longer forge another series' key and keys stay valid DynamoDB
// strings. Per owner/repo, in the test-results table:
//
//   PK                     SK                                             expires (TTL)
//   TEST#<owner>#<repo>    RESULT#<platform>#<branch>#<ts>#<id>           receipt + retention
//   TEST#<owner>#<repo>    RUN#<platform>#<branch>#<run_id>#<attempt>     receipt + retention
//
// <ts> is the payload timestamp in UTC as yyyy-MM-ddTHH:mm:ss.fffZ (the .NET service wrote the
// local time with a literal Z; a UTC offset is what makes the order right) and <id> the
// test_result_id, whose first 12 hex digits are the receive time: the sort key orders a series
// by payload timestamp, then receipt. .NET items end at <ts> and sort before ours of the same
// millisecond. Result items also carry GSI1PK/GSI1SK for the .NET service's index; this class
// never reads the index (eventually consistent) but queries the table with ConsistentRead.
// The run item holds the first acceptance and the SHA-256 of its record; it and the result item
// are one TransactWriteItems, each conditioned on being absent or expired, so the conditional
// write alone decides races. DynamoDB deletes expired items days late: every condition and read
// treats an item whose TTL has passed as absent.
//
// Nonce claims live in the nonce table (NONCE#<owner>, <nonce>), owner settings in the
// org-secrets table (ORG#<owner>, SETTING#history-hidden / SETTING#legacy-until), beside the
// .NET service's CONST#GITHUB#… rows, which this class never touches.
//
// Thread-safety: safe to share between threads; callbacks run on the AWS client's io_context.
// Lifetime: the AwsClient must outlive every call in flight; this object need not.
// Errors: AWS failures pass through as the AwsClient maps them, except that a missing table is
// kInternal (never kNotFound, which callers read as "no result"); an item this class cannot read
// (a .NET item missing an attribute or holding a bad number included) is kInternal.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/aws/aws_client.h"
#include "core/aws/dynamodb_tables.h"
#include "core/result.h"
#include "features/testresults/repository_rules.h"
#include "features/testresults/results_repository.h"

namespace badgesmith::testresults {

// Unix seconds now; tests inject their own to reach expiry.
using UnixClock = std::function<std::int64_t()>;
std::int64_t system_unix_seconds();

class DynamoDbResultsRepository final : public ResultsRepository {
 public:
  // `now` decides which items have expired (conditions and read filters); nonce claims use the
  // time they are given.
  DynamoDbResultsRepository(aws::AwsClient& client, aws::TableNames tables,
                            RepositoryOptions options = {}, UnixClock now = system_unix_seconds);

  // Besides the interface's: kInvalidArgument when `nonce` is empty or the owner and nonce make
  // a key longer than DynamoDB allows, or now_unix_seconds is not in years 1970-9999.
  void claim_nonce(std::string_view owner, std::string_view nonce, std::int64_t now_unix_seconds,
                   Callback<void> done) override;
  // Besides the interface's: kInvalidArgument when received_at_ms is in year 10000 or later
  // (CreatedAt is an ISO date) or the names make a key longer than DynamoDB allows.
  void record(RunKey run, std::int64_t timestamp_ms, std::int64_t received_at_ms,
              std::string record, Callback<RecordOutcome> done) override;
  void latest(const Series& series, Callback<std::optional<StoredResult>> done) override;
  void history(const Series& series, std::size_t limit, std::string cursor,
               Callback<HistoryPage> done) override;
  void set_history_hidden(std::string_view owner, bool hidden, Callback<void> done) override;
  void history_hidden(std::string_view owner, Callback<bool> done) override;
  void set_legacy_until(std::string_view owner, std::optional<std::int64_t> until_unix_seconds,
                        Callback<void> done) override;
  void legacy_until(std::string_view owner, Callback<std::optional<std::int64_t>> done) override;

 private:
  class Pager;
  class Recording;

  // One DynamoDB operation; ResourceNotFoundException (a missing table) becomes kInternal.
  void call(std::string_view operation, const nlohmann::json& request, Callback<std::string> done);
  void put_setting(std::string_view owner, std::string_view name, std::string_view value,
                   Callback<void> done);
  // The setting's Value, nullopt when the owner has none.
  void get_setting(std::string_view owner, std::string_view name,
                   Callback<std::optional<std::string>> done);

  aws::AwsClient& client_;
  aws::TableNames tables_;
  RepositoryOptions options_;
  UnixClock now_;
  ResultIdGenerator ids_;
};

}  // namespace badgesmith::testresults
