// Which backend holds the data (BADGESMITH_STORE), and the AWS services that the DynamoDB backend
// talks through. `serve`, Lambda mode and the operator commands (`secrets`, `seed`, `history`,
// `dynamodb`) all choose the same way, so an operator's command reaches the store the service
// reads.
#pragma once

#include <memory>

#include "core/aws/aws_client.h"
#include "core/aws/credentials.h"
#include "core/aws/dynamodb_tables.h"
#include "core/http/client.h"
#include "core/result.h"
#include "core/store/secret_store.h"
#include "features/testresults/results_repository.h"

namespace boost::asio {
class io_context;
}

namespace badgesmith::cli {

enum class Backend {
  kSqlite,    // The embedded store in --data-dir; secrets sealed under the master key.
  kDynamoDb,  // DynamoDB tables and Secrets Manager, shared by any number of instances.
};

// BADGESMITH_STORE: unset, empty or "sqlite" → kSqlite; "dynamodb" → kDynamoDb. Anything else
// fails with kInvalidArgument: a typo must not quietly start an empty SQLite store.
Result<Backend> backend_from(const aws::Environment& env);

// Everything AWS mode calls through. Its HTTP client is its own, not the upstream client: that
// one's gate rations calls to nuget.org and GitHub, and its retries would multiply the AWS
// client's own (which alone knows which AWS errors are worth retrying).
// Lifetime: the io_context must outlive this; destroy it after the loop has stopped.
struct AwsServices {
  boost::asio::io_context* io = nullptr;  // What the clients run on.
  std::unique_ptr<http::Client> http;
  std::unique_ptr<aws::CredentialsProvider> credentials;
  std::unique_ptr<aws::AwsClient> client;
  aws::TableNames tables;
};

// Reads the region (AWS_REGION), BADGESMITH_AWS_ENDPOINT and the table names from `env`. Fails
// with kInvalidArgument naming the variable at fault. Credentials are resolved on first use.
Result<std::unique_ptr<AwsServices>> open_aws_services(const aws::Environment& env,
                                                       boost::asio::io_context& io);

// The DynamoDB backend's secrets (Secrets Manager through the org-secrets table) and test
// results, over `aws`, which must outlive them.
struct DynamoDbStores {
  std::unique_ptr<store::SecretStore> secrets;
  std::unique_ptr<testresults::ResultsRepository> results;
};
DynamoDbStores open_dynamodb_stores(AwsServices& aws);

}  // namespace badgesmith::cli
