#include "core/aws/credentials.h"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <map>

#include "core/aws/aws_client.h"
#include "core/http/client.h"

namespace badgesmith::aws {
namespace {

Environment fake_environment(std::map<std::string, std::string, std::less<>> variables) {
  return [variables = std::move(variables)](std::string_view name) -> std::optional<std::string> {
    const auto it = variables.find(name);
    if (it == variables.end()) return std::nullopt;
    return it->second;
  };
}

// Only the environment source answers without I/O, so these tests never run the io_context: a
// request that a test did not expect would stay queued, never sent.
class CredentialsChainTest : public ::testing::Test {
 protected:
  Result<Credentials> resolve(std::map<std::string, std::string, std::less<>> variables) {
    CredentialsProviderOptions options;
    options.env = fake_environment(std::move(variables));
    CredentialsProvider provider(client_, options);
    std::optional<Result<Credentials>> result;
    provider.get([&](Result<Credentials> credentials) { result = std::move(credentials); });
    EXPECT_TRUE(result.has_value()) << "a source needing I/O was chosen";
    return result.value_or(make_error(Errc::kInternal, "no answer"));
  }

  boost::asio::io_context io_;
  http::Client client_{http::ClientOptions{}, io_};
};

TEST_F(CredentialsChainTest, EnvironmentWithSessionToken) {
  const auto credentials = resolve({{"AWS_ACCESS_KEY_ID", "AKIDENV"},
                                    {"AWS_SECRET_ACCESS_KEY", "secret"},
                                    {"AWS_SESSION_TOKEN", "token"},
                                    {"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:1/"}});
  ASSERT_TRUE(credentials) << credentials.error().message;
  EXPECT_EQ(credentials.value().access_key_id, "AKIDENV");
  EXPECT_EQ(credentials.value().secret_access_key, "secret");
  EXPECT_EQ(credentials.value().session_token, "token");
}

TEST_F(CredentialsChainTest, EnvironmentWithoutSessionToken) {
  const auto credentials = resolve({{"AWS_ACCESS_KEY_ID", "AKID"}, {"AWS_SECRET_ACCESS_KEY", "s"}});
  ASSERT_TRUE(credentials);
  EXPECT_EQ(credentials.value().session_token, "");
}

TEST_F(CredentialsChainTest, ConfigurationErrorsNameTheVariable) {
  const struct {
    std::map<std::string, std::string, std::less<>> env;
    std::string_view mentions;
  } cases[] = {
      {{{"AWS_ACCESS_KEY_ID", "AKID"}}, "AWS_SECRET_ACCESS_KEY"},
      {{{"AWS_SECRET_ACCESS_KEY", "s"}, {"AWS_EC2_METADATA_DISABLED", "true"}},
       "AWS_ACCESS_KEY_ID"},
      {{{"AWS_EC2_METADATA_DISABLED", "TRUE"}}, "AWS_EC2_METADATA_DISABLED"},
      {{{"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "v2/credentials"}},
       "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"},
      {{{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:1/"},
        {"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", "/nonexistent/token"}},
       "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"},
      {{{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:1/"},
        {"AWS_CONTAINER_AUTHORIZATION_TOKEN", "a\r\nX-Injected: 1"}},
       "line break"},
  };
  for (const auto& c : cases) {
    const auto credentials = resolve(c.env);
    ASSERT_FALSE(credentials) << c.mentions;
    EXPECT_EQ(credentials.error().code, Errc::kInternal);
    EXPECT_NE(credentials.error().message.find(c.mentions), std::string::npos)
        << credentials.error().message;
  }
}

TEST_F(CredentialsChainTest, EnvironmentCredentialsAreCached) {
  int reads = 0;
  CredentialsProviderOptions options;
  options.env = [&](std::string_view name) -> std::optional<std::string> {
    if (name == "AWS_ACCESS_KEY_ID") ++reads;
    if (name == "AWS_ACCESS_KEY_ID" || name == "AWS_SECRET_ACCESS_KEY") return "x";
    return std::nullopt;
  };
  CredentialsProvider provider(client_, options);
  for (int i = 0; i < 3; ++i) provider.get([](Result<Credentials> c) { ASSERT_TRUE(c); });
  EXPECT_EQ(reads, 1);
}

TEST(Region, FromAwsRegionThenDefaultRegion) {
  EXPECT_EQ(region_from(fake_environment(
                            {{"AWS_REGION", "eu-central-1"}, {"AWS_DEFAULT_REGION", "us-east-1"}}))
                .value(),
            "eu-central-1");
  EXPECT_EQ(region_from(fake_environment({{"AWS_REGION", ""}, {"AWS_DEFAULT_REGION", "us-west-2"}}))
                .value(),
            "us-west-2");
  const auto missing = region_from(fake_environment({}));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, Errc::kInvalidArgument);
}

TEST(EndpointOverride, LoopbackHttpOnly) {
  EXPECT_EQ(check_endpoint_override("http://127.0.0.1:4566").value(), "http://127.0.0.1:4566");
  EXPECT_EQ(check_endpoint_override("http://localhost:8000/").value(), "http://localhost:8000");
  for (const char* refused : {"https://127.0.0.1:4566", "http://10.0.0.5:4566",
                              "https://dynamodb.eu-central-1.amazonaws.com", "http://127.0.0.1/x",
                              "ftp://127.0.0.1", ""}) {
    const auto checked = check_endpoint_override(refused);
    ASSERT_FALSE(checked) << refused;
    EXPECT_EQ(checked.error().code, Errc::kInvalidArgument);
    EXPECT_NE(checked.error().message.find("BADGESMITH_AWS_ENDPOINT"), std::string::npos);
  }
}

TEST(EndpointOverride, OptionsFromEnvironment) {
  const auto options = aws_client_options_from(fake_environment(
      {{"AWS_REGION", "eu-west-1"}, {"BADGESMITH_AWS_ENDPOINT", "http://[::1]:9"}}));
  ASSERT_TRUE(options) << options.error().message;
  EXPECT_EQ(options.value().region, "eu-west-1");
  EXPECT_EQ(options.value().endpoint, "http://[::1]:9");
  EXPECT_FALSE(aws_client_options_from(fake_environment(
      {{"AWS_REGION", "eu-west-1"}, {"BADGESMITH_AWS_ENDPOINT", "https://example.com"}})));
  EXPECT_FALSE(aws_client_options_from(fake_environment({})));
}

}  // namespace
}  // namespace badgesmith::aws
