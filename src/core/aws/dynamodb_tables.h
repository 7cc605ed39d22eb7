// The three DynamoDB tables of AWS mode, laid out as the .NET service's CDK stack made them
// (badgesmith-dotnet.md §10.1), so a deployment can switch between the two on the same data:
// string keys `PK`/`SK`, pay per request, TTL attribute `TTL`, and on the results table the
// global secondary index `GSI1` (`GSI1PK`/`GSI1SK`, projection ALL) that .NET's "latest" reads.
#pragma once

#include <string>

#include "core/aws/aws_client.h"
#include "core/aws/credentials.h"
#include "core/result.h"

namespace boost::asio {
class io_context;
}

namespace badgesmith::aws {

struct TableNames {
  std::string test_results = "badge-smith-test-result";
  std::string nonces = "badge-smith-hmac-nonce";
  std::string org_secrets = "badge-smith-github-org-secrets";
};

// AWS_RESOURCE_TEST_RESULTS_TABLE, AWS_RESOURCE_NONCE_TABLE and AWS_RESOURCE_ORG_SECRETS_TABLE
// (the .NET service's variables) over the defaults above. Fails with kInvalidArgument for a name
// DynamoDB would refuse ([A-Za-z0-9_.-]{3,255}), so a typo stops start-up, not the first request.
Result<TableNames> table_names_from(const Environment& env);

// Creates whichever of the three tables is missing, waits until each is ACTIVE and turns TTL on
// where the layout has it. Idempotent: existing tables are left as they are (their TTL setting
// included). For emulators and a first set-up; the CDK stack owns production tables.
// `io` runs the waits between status polls; it and `client` must outlive the call.
void create_tables(AwsClient& client, boost::asio::io_context& io, const TableNames& names,
                   Callback<void> done);

}  // namespace badgesmith::aws
