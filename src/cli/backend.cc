#include "cli/backend.h"

#include "core/store/aws_secret_store.h"
#include "features/testresults/dynamodb_results_repository.h"

namespace badgesmith::cli {

Result<Backend> backend_from(const aws::Environment& env) {
  const std::optional<std::string> name = env("BADGESMITH_STORE");
  if (!name || name->empty() || *name == "sqlite") return Backend::kSqlite;
  if (*name == "dynamodb") return Backend::kDynamoDb;
  return make_error(Errc::kInvalidArgument, "BADGESMITH_STORE must be sqlite or dynamodb");
}

Result<std::unique_ptr<AwsServices>> open_aws_services(const aws::Environment& env,
                                                       boost::asio::io_context& io) {
  BOOST_OUTCOME_TRY(client_options, aws::aws_client_options_from(env));
  BOOST_OUTCOME_TRY(tables, aws::table_names_from(env));
  auto services = std::make_unique<AwsServices>();
  services->io = &io;
  http::ClientOptions http_options;
  http_options.max_attempts = 1;
  // AWS meters its own APIs (throttling errors, which the AWS client backs off from); the gate
  // only has to stop a runaway loop, not ration a busy instance.
  http_options.gate = {.max_concurrent = 512, .rate_per_second = 20'000, .burst = 20'000};
  services->http = std::make_unique<http::Client>(http_options, io);
  services->credentials = std::make_unique<aws::CredentialsProvider>(
      *services->http, aws::CredentialsProviderOptions{.env = env});
  services->client = std::make_unique<aws::AwsClient>(std::move(client_options), *services->http,
                                                      *services->credentials, io);
  services->tables = std::move(tables);
  return services;
}

DynamoDbStores open_dynamodb_stores(AwsServices& aws) {
  return {std::make_unique<store::AwsSecretStore>(*aws.client, *aws.io, aws.tables.org_secrets),
          std::make_unique<testresults::DynamoDbResultsRepository>(*aws.client, aws.tables)};
}

}  // namespace badgesmith::cli
