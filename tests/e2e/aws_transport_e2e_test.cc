// The AWS transport (core/aws: credentials chain, signed JSON-RPC client) against loopback
// stand-ins: tests/fixtures/aws/aws_fixture.py for the container endpoint, IMDSv2 and injected
// faults, and moto for real DynamoDB and Secrets Manager semantics. No request leaves loopback:
// every credential source is either pointed at the fixture or disabled.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <future>
#include <map>
#include <nlohmann/json.hpp>

#include "core/async/io_thread.h"
#include "core/aws/aws_client.h"
#include "core/aws/credentials.h"
#include "core/http/client.h"
#include "fixture_upstream.h"

namespace badgesmith::e2e {
namespace {

using namespace std::chrono_literals;
using aws::AwsClient;
using aws::Credentials;
using aws::Service;
using Variables = std::map<std::string, std::string, std::less<>>;

aws::Environment environment(Variables variables) {
  return [variables = std::move(variables)](std::string_view name) -> std::optional<std::string> {
    const auto it = variables.find(name);
    if (it == variables.end()) return std::nullopt;
    return it->second;
  };
}

FixtureUpstream::Options aws_fixture(std::vector<std::string> args = {}) {
  FixtureUpstream::Options options;
  options.script = fixtures_dir() + "/aws/aws_fixture.py";
  options.args = std::move(args);
  return options;
}

// Starts an asynchronous operation and waits for its callback.
template <class T, class Start>
Result<T> wait_for(Start start) {
  auto promise = std::make_shared<std::promise<Result<T>>>();
  std::future<Result<T>> future = promise->get_future();
  start([promise](Result<T> result) { promise->set_value(std::move(result)); });
  if (future.wait_for(15s) != std::future_status::ready) {
    return make_error(Errc::kInternal, "no callback within 15 s");
  }
  return future.get();
}

class AwsTransportTest : public ::testing::Test {
 protected:
  Result<Credentials> credentials(aws::CredentialsProvider& provider) {
    return wait_for<Credentials>([&](Callback<Credentials> done) { provider.get(done); });
  }

  aws::CredentialsProviderOptions provider_options(Variables variables) {
    aws::CredentialsProviderOptions options;
    options.env = environment(std::move(variables));
    options.now = [this] { return std::chrono::system_clock::now() + clock_offset_.load(); };
    return options;
  }

  async::IoThread io_;
  http::Client client_{http::ClientOptions{}, io_.context()};
  std::atomic<std::chrono::seconds> clock_offset_{0s};
};

TEST_F(AwsTransportTest, ContainerEndpointWithTokenFile) {
  FixtureUpstream fixture(aws_fixture());
  ASSERT_TRUE(fixture.started()) << fixture.output();
  const std::string dir = make_temp_dir();
  std::ofstream(dir + "/token") << "fixture-container-token";
  aws::CredentialsProvider provider(
      client_, provider_options({{"AWS_CONTAINER_CREDENTIALS_FULL_URI",
                                  fixture.base_url() + "/container/credentials"},
                                 {"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", dir + "/token"},
                                 {"AWS_EC2_METADATA_DISABLED", "true"}}));
  const auto got = credentials(provider);
  remove_tree(dir);
  ASSERT_TRUE(got) << got.error().message;
  EXPECT_EQ(got.value().access_key_id, "AKIDCONTAINER1");
  EXPECT_EQ(got.value().session_token, "fixture-session-1");
}

TEST_F(AwsTransportTest, ContainerEndpointRefusingTheTokenIsUnavailable) {
  FixtureUpstream fixture(aws_fixture());
  ASSERT_TRUE(fixture.started()) << fixture.output();
  aws::CredentialsProvider provider(
      client_, provider_options({{"AWS_CONTAINER_CREDENTIALS_FULL_URI",
                                  fixture.base_url() + "/container/credentials"},
                                 {"AWS_CONTAINER_AUTHORIZATION_TOKEN", "wrong"},
                                 {"AWS_EC2_METADATA_DISABLED", "true"}}));
  const auto got = credentials(provider);
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().code, Errc::kUpstreamUnavailable);
  EXPECT_NE(got.error().message.find("401"), std::string::npos) << got.error().message;
}

TEST_F(AwsTransportTest, ImdsV2CachedCoalescedAndRefreshedBeforeExpiry) {
  FixtureUpstream fixture(aws_fixture());
  ASSERT_TRUE(fixture.started()) << fixture.output();
  aws::CredentialsProvider provider(
      client_, provider_options({{"AWS_EC2_METADATA_SERVICE_ENDPOINT", fixture.base_url() + "/"}}));
  const std::string role_path = "/latest/meta-data/iam/security-credentials/fixture-role";

  // Five callers before the first fetch completes: one fetch.
  std::vector<std::future<Result<Credentials>>> pending;
  for (int i = 0; i < 5; ++i) {
    auto promise = std::make_shared<std::promise<Result<Credentials>>>();
    pending.push_back(promise->get_future());
    provider.get([promise](Result<Credentials> got) { promise->set_value(std::move(got)); });
  }
  for (auto& future : pending) {
    ASSERT_EQ(future.wait_for(15s), std::future_status::ready);
    const auto got = future.get();
    ASSERT_TRUE(got) << got.error().message;
    EXPECT_EQ(got.value().access_key_id, "AKIDIMDS1");
  }
  EXPECT_EQ(fixture.hits("/latest/api/token"), 1);
  EXPECT_EQ(fixture.hits(role_path), 1);
  EXPECT_EQ(fixture.last_headers(role_path)["x-aws-ec2-metadata-token"], "fixture-imds-token");
  EXPECT_EQ(fixture.last_headers("/latest/api/token")["x-aws-ec2-metadata-token-ttl-seconds"],
            "21600");

  // Cached while fresh.
  EXPECT_EQ(credentials(provider).value().access_key_id, "AKIDIMDS1");
  EXPECT_EQ(fixture.hits(role_path), 1);

  // Within five minutes of the hour-long Expiration: the cached keys still serve, and a
  // refresh runs behind them.
  clock_offset_ = 3600s - 200s;
  EXPECT_EQ(credentials(provider).value().access_key_id, "AKIDIMDS1");
  for (int i = 0; i < 100 && fixture.hits(role_path) < 2; ++i) std::this_thread::sleep_for(50ms);
  EXPECT_EQ(fixture.hits(role_path), 2);
  Result<Credentials> refreshed = credentials(provider);
  for (int i = 0; i < 100 && refreshed && refreshed.value().access_key_id != "AKIDIMDS2"; ++i) {
    std::this_thread::sleep_for(50ms);
    refreshed = credentials(provider);
  }
  ASSERT_TRUE(refreshed);
  EXPECT_EQ(refreshed.value().access_key_id, "AKIDIMDS2");
}

TEST_F(AwsTransportTest, ImdsWithoutTokenSupportFails) {
  FixtureUpstream fixture(aws_fixture());
  ASSERT_TRUE(fixture.started()) << fixture.output();
  // Nothing answers IMDS under this prefix: the token PUT gets a 404, and IMDSv1 (no token) is
  // never tried.
  aws::CredentialsProvider provider(
      client_, provider_options(
                   {{"AWS_EC2_METADATA_SERVICE_ENDPOINT", fixture.base_url() + "/nothing-here"}}));
  const auto got = credentials(provider);
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().code, Errc::kUpstreamUnavailable);
}

TEST_F(AwsTransportTest, ExpiredTokenRenewsCredentialsOnce) {
  FixtureUpstream fixture(aws_fixture());
  ASSERT_TRUE(fixture.started()) << fixture.output();
  ASSERT_TRUE(fixture.configure(R"({"error": "ExpiredTokenException"})"));
  aws::CredentialsProvider provider(
      client_, provider_options({{"AWS_EC2_METADATA_SERVICE_ENDPOINT", fixture.base_url()}}));
  aws::AwsClientOptions options;
  options.region = "us-east-1";
  options.endpoint = fixture.base_url();
  options.backoff_base = 1ms;
  AwsClient client(options, client_, provider, io_.context());
  const auto answer = wait_for<std::string>([&](Callback<std::string> done) {
    client.call(Service::kSecretsManager, "GetSecretValue", "{}", done);
  });
  ASSERT_TRUE(answer) << answer.error().message;
  EXPECT_EQ(fixture.hits("/"), 2);
  EXPECT_NE(fixture.last_headers("/")["authorization"].find("Credential=AKIDIMDS2/"),
            std::string::npos);
}

class AwsClientTest : public AwsTransportTest {
 protected:
  Variables keys() {
    return {{"AWS_ACCESS_KEY_ID", "AKIDTEST"},
            {"AWS_SECRET_ACCESS_KEY", "secret"},
            {"AWS_EC2_METADATA_DISABLED", "true"}};
  }

  std::unique_ptr<AwsClient> make_client(const std::string& endpoint) {
    aws::AwsClientOptions options;
    options.region = "us-east-1";
    options.endpoint = aws::check_endpoint_override(endpoint).value();
    options.backoff_base = 1ms;
    options.max_attempts = 3;
    return std::make_unique<AwsClient>(options, client_, provider_, io_.context());
  }

  Result<nlohmann::json> call(AwsClient& client, Service service, std::string_view operation,
                              const nlohmann::json& body) {
    const auto answer = wait_for<std::string>(
        [&](Callback<std::string> done) { client.call(service, operation, body.dump(), done); });
    if (!answer) return answer.error();
    return nlohmann::json::parse(answer.value());
  }

  aws::CredentialsProvider provider_{client_, provider_options(keys())};
};

TEST_F(AwsClientTest, SignsAndRetriesThrottlingAndCrcMismatches) {
  FixtureUpstream fixture(aws_fixture());
  ASSERT_TRUE(fixture.started()) << fixture.output();
  const auto client = make_client(fixture.base_url());

  ASSERT_TRUE(fixture.configure(R"({"throttle": 1, "corrupt_crc": 1})"));
  const auto answer = call(*client, Service::kDynamoDb, "GetItem", nlohmann::json::object());
  ASSERT_TRUE(answer) << answer.error().message;
  EXPECT_EQ(answer.value()["target"], "DynamoDB_20120810.GetItem");
  EXPECT_EQ(answer.value()["signed"], true);
  EXPECT_EQ(fixture.hits("/"), 3);
  const auto headers = fixture.last_headers("/");
  EXPECT_EQ(headers.at("content-type"), "application/x-amz-json-1.0");
  EXPECT_NE(headers.at("authorization").find("/us-east-1/dynamodb/aws4_request"),
            std::string::npos);

  const auto secrets =
      call(*client, Service::kSecretsManager, "GetSecretValue", nlohmann::json::object());
  ASSERT_TRUE(secrets);
  EXPECT_EQ(secrets.value()["target"], "secretsmanager.GetSecretValue");
  EXPECT_EQ(fixture.last_headers("/").at("content-type"), "application/x-amz-json-1.1");
}

TEST_F(AwsClientTest, PersistentFaultsBecomeErrors) {
  FixtureUpstream fixture(aws_fixture());
  ASSERT_TRUE(fixture.started()) << fixture.output();
  const auto client = make_client(fixture.base_url());

  ASSERT_TRUE(fixture.configure(R"({"throttle": 10})"));
  auto throttled = call(*client, Service::kDynamoDb, "PutItem", nlohmann::json::object());
  ASSERT_FALSE(throttled);
  EXPECT_EQ(throttled.error().code, Errc::kUpstreamUnavailable);
  EXPECT_EQ(throttled.error().error_code, "ThrottlingException");
  EXPECT_EQ(fixture.hits("/"), 3);

  ASSERT_TRUE(fixture.configure(R"({"throttle": 0, "corrupt_crc": 10})"));
  auto corrupt = call(*client, Service::kDynamoDb, "PutItem", nlohmann::json::object());
  ASSERT_FALSE(corrupt);
  EXPECT_EQ(corrupt.error().code, Errc::kUpstreamInvalid);

  ASSERT_TRUE(fixture.configure(R"({"corrupt_crc": 0, "error": "UnrecognizedClientException"})"));
  auto refused = call(*client, Service::kDynamoDb, "PutItem", nlohmann::json::object());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, Errc::kInternal);
  EXPECT_NE(refused.error().message.find("refused the credentials"), std::string::npos);
}

TEST_F(AwsClientTest, DynamoDbAndSecretsManagerOnMoto) {
  FixtureUpstream moto(aws_fixture({"--moto"}));
  ASSERT_TRUE(moto.started()) << moto.output();
  const auto client = make_client(moto.base_url());
  const auto dynamodb = [&](std::string_view operation, const nlohmann::json& body) {
    return call(*client, Service::kDynamoDb, operation, body);
  };

  const auto created = dynamodb(
      "CreateTable",
      {
          {"TableName", "t"},
          {"AttributeDefinitions",
           nlohmann::json::array({{{"AttributeName", "PK"}, {"AttributeType", "S"}}})},
          {"KeySchema", nlohmann::json::array({{{"AttributeName", "PK"}, {"KeyType", "HASH"}}})},
          {"BillingMode", "PAY_PER_REQUEST"},
      });
  ASSERT_TRUE(created) << created.error().message;
  const nlohmann::json item = {{"PK", {{"S", "a"}}}, {"V", {{"N", "1"}}}};
  ASSERT_TRUE(dynamodb("PutItem", {{"TableName", "t"}, {"Item", item}}));
  const auto got = dynamodb("GetItem", {{"TableName", "t"}, {"Key", {{"PK", {{"S", "a"}}}}}});
  ASSERT_TRUE(got) << got.error().message;
  EXPECT_EQ(got.value()["Item"], item);

  const auto conflict = dynamodb(
      "PutItem",
      {{"TableName", "t"}, {"Item", item}, {"ConditionExpression", "attribute_not_exists(PK)"}});
  ASSERT_FALSE(conflict);
  EXPECT_EQ(conflict.error().code, Errc::kConflict);
  EXPECT_EQ(conflict.error().error_code, "ConditionalCheckFailedException");

  // One failed condition cancels the whole transaction; the reasons come back in item order.
  const nlohmann::json put_b = {{"TableName", "t"}, {"Item", {{"PK", {{"S", "b"}}}}}};
  const nlohmann::json put_a_again = {
      {"TableName", "t"}, {"Item", item}, {"ConditionExpression", "attribute_not_exists(PK)"}};
  const auto cancelled = dynamodb(
      "TransactWriteItems",
      {{"TransactItems", nlohmann::json::array({{{"Put", put_b}}, {{"Put", put_a_again}}})}});
  ASSERT_FALSE(cancelled);
  EXPECT_EQ(cancelled.error().code, Errc::kConflict);
  EXPECT_EQ(cancelled.error().error_code, "TransactionCanceledException");
  EXPECT_NE(cancelled.error().message.find("[None, ConditionalCheckFailed]"), std::string::npos)
      << cancelled.error().message;

  const auto missing =
      dynamodb("GetItem", {{"TableName", "nope"}, {"Key", {{"PK", {{"S", "a"}}}}}});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, Errc::kNotFound);

  const auto secret = call(*client, Service::kSecretsManager, "CreateSecret",
                           {{"Name", "badgesmith/test"}, {"SecretString", "s3cr3t"}});
  ASSERT_TRUE(secret) << secret.error().message;
  const auto value =
      call(*client, Service::kSecretsManager, "GetSecretValue", {{"SecretId", "badgesmith/test"}});
  ASSERT_TRUE(value) << value.error().message;
  EXPECT_EQ(value.value()["SecretString"], "s3cr3t");
  const auto absent =
      call(*client, Service::kSecretsManager, "GetSecretValue", {{"SecretId", "nope"}});
  ASSERT_FALSE(absent);
  EXPECT_EQ(absent.error().code, Errc::kNotFound);
}

}  // namespace
}  // namespace badgesmith::e2e
