// The Lambda custom runtime end to end: badgesmith with AWS_LAMBDA_RUNTIME_API pointing at the
// in-repo Runtime API emulator, invoked with API Gateway HTTP API v2 events.
#include <gtest/gtest.h>
#include <signal.h>

#include <nlohmann/json.hpp>

#include "fixture_upstream.h"
#include "harness.h"
#include "lambda_emulator.h"

namespace badgesmith::e2e {
namespace {

using nlohmann::json;

json event(std::string_view method, std::string_view raw_path, std::string_view query = {}) {
  return {{"version", "2.0"},
          {"routeKey", "$default"},
          {"rawPath", raw_path},
          {"rawQueryString", query},
          {"headers", {{"accept", "*/*"}, {"user-agent", "e2e"}}},
          {"requestContext",
           {{"requestId", "req-1"},
            {"http", {{"method", method}, {"path", raw_path}, {"sourceIp", "203.0.113.9"}}}}},
          {"isBase64Encoded", false}};
}

bool waiting_for_next(const json& state) { return state.value("waiting_next", 0) > 0; }
bool has_init_error(const json& state) {
  return state.contains("init_errors") && !state["init_errors"].empty();
}

// badgesmith as Lambda starts it: no arguments, the Runtime API in the environment.
ServerProcess::Options function_options(const LambdaEmulator& emulator, const std::string& data_dir,
                                        std::vector<std::string> env = {}) {
  env.insert(env.end(), {"AWS_LAMBDA_RUNTIME_API=" + emulator.runtime_api(),
                         "BADGESMITH_DATA_DIR=" + data_dir});
  return {.args = {},
          .command = "",
          .add_listen = false,
          .add_data_dir = false,
          .env = std::move(env),
          .wait_listening = false,
          .program = ""};
}

class LambdaRuntime : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(emulator_.started()) << emulator_.output();
    data_dir_ = make_temp_dir();
    function_.emplace(function_options(emulator_, data_dir_));
    ASSERT_TRUE(emulator_.wait_until(waiting_for_next)) << function_->stderr_text();
  }
  void TearDown() override { remove_tree(data_dir_); }

  // The v2 response the function posted for `request`, after checking it was a response.
  json answer(const json& request) {
    const auto outcome = emulator_.invoke(request);
    EXPECT_TRUE(outcome) << emulator_.output();
    if (!outcome) return json();
    EXPECT_EQ(outcome->kind, "response") << outcome->payload.dump();
    return outcome->payload;
  }

  LambdaEmulator emulator_;
  std::string data_dir_;
  std::optional<ServerProcess> function_;
};

TEST_F(LambdaRuntime, AnswersHealth) {
  const json response = answer(event("GET", "/health"));
  EXPECT_EQ(response["statusCode"], 200);
  EXPECT_EQ(response["isBase64Encoded"], false);
  const json body = json::parse(response["body"].get<std::string>());
  EXPECT_EQ(body["status"], "Healthy");
  EXPECT_EQ(response["headers"]["x-content-type-options"], "nosniff");
  EXPECT_EQ(response["headers"]["x-request-id"], "req-1");  // API Gateway's requestId.
  // The access log line names the invocation as the server's names a request.
  EXPECT_TRUE(function_->wait_for_stdout("\"request_id\":\"req-1\"")) << function_->stdout_text();
}

TEST_F(LambdaRuntime, RendersAStaticBadge) {
  const json response = answer(event("GET", "/badge/build-passing-green"));
  EXPECT_EQ(response["statusCode"], 200);
  EXPECT_EQ(response["isBase64Encoded"], false);
  EXPECT_TRUE(response["headers"]["content-type"].get<std::string>().starts_with("image/svg+xml"));
  const std::string svg = response["body"];
  EXPECT_TRUE(svg.starts_with("<svg")) << svg;
  EXPECT_NE(svg.find("passing"), std::string::npos);
}

TEST_F(LambdaRuntime, DecodedPathsKeepALiteralPercent) {
  // API Gateway hands over "/badge/100%25-done-green" decoded; the router must not decode again.
  const json response = answer(event("GET", "/badge/100%-done-green"));
  EXPECT_EQ(response["statusCode"], 200);
  EXPECT_NE(response["body"].get<std::string>().find("100%"), std::string::npos);
}

TEST_F(LambdaRuntime, AnswersUnknownRoutesWith404) {
  const json response = answer(event("GET", "/no/such/route"));
  EXPECT_EQ(response["statusCode"], 404);
}

TEST_F(LambdaRuntime, DecodesBase64RequestBodies) {
  // An unsigned upload reaches the ingestion handler, which asks for its signature headers; the
  // same event with a body that is not base64 is refused before any handler runs.
  json request = event("POST", "/tests/results/linux/acme/widget/main");
  request["headers"]["content-type"] = "application/json";
  request["body"] = "eyJwbGF0Zm9ybSI6IkxpbnV4In0=";  // {"platform":"Linux"}
  request["isBase64Encoded"] = true;
  const json handled = answer(request);
  EXPECT_NE(handled["body"].get<std::string>().find("X-Timestamp"), std::string::npos)
      << handled.dump();

  request["body"] = "not base64!";
  const json refused = answer(request);
  EXPECT_EQ(refused["statusCode"], 400);
  EXPECT_NE(refused["body"].get<std::string>().find("not valid base64"), std::string::npos)
      << refused.dump();
}

TEST_F(LambdaRuntime, AnswersMalformedEventsWith400AndKeepsServing) {
  const auto outcome = emulator_.invoke(json::array({1, 2}));
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->kind, "response");
  EXPECT_EQ(outcome->payload["statusCode"], 400);
  EXPECT_EQ(answer(event("GET", "/health"))["statusCode"], 200);
}

TEST_F(LambdaRuntime, StopsCleanlyOnSigterm) {
  EXPECT_EQ(answer(event("GET", "/health"))["statusCode"], 200);
  ASSERT_TRUE(emulator_.wait_until(waiting_for_next));
  EXPECT_EQ(function_->terminate(), 0) << function_->stderr_text();
}

TEST(LambdaRuntimeInit, ReportsInitFailuresAndExitsNonZero) {
  LambdaEmulator emulator;
  ASSERT_TRUE(emulator.started()) << emulator.output();
  const std::string data_dir = make_temp_dir();
  ServerProcess function(function_options(emulator, data_dir, {"BADGESMITH_MASTER_KEY=not-a-key"}));
  EXPECT_EQ(function.wait_exit(), 1) << function.stderr_text();
  ASSERT_TRUE(emulator.wait_until(has_init_error));
  const json error = emulator.state()["init_errors"][0];
  EXPECT_EQ(error["error_type"], "Runtime.InitError");
  EXPECT_EQ(error["payload"]["errorType"], "Runtime.InitError");
  EXPECT_NE(error["payload"]["errorMessage"].get<std::string>().find("BADGESMITH_MASTER_KEY"),
            std::string::npos);
  EXPECT_TRUE(error["payload"]["stackTrace"].is_array());
  remove_tree(data_dir);
}

// Its own emulator: a /next still pending from a stopped function would take the next event.
TEST(LambdaRuntimeDeadline, AnswersBeforeTheDeadlineWhenAHandlerIsLate) {
  FixtureUpstream upstream;
  ASSERT_TRUE(upstream.started()) << upstream.output();
  ASSERT_TRUE(upstream.configure(R"({"rules":[{"hang":true}]})"));
  LambdaEmulator emulator;
  ASSERT_TRUE(emulator.started()) << emulator.output();
  const std::string data_dir = make_temp_dir();
  ServerProcess function(function_options(
      emulator, data_dir, {"BADGESMITH_NUGET_SOURCE=" + upstream.nuget_index_url()}));
  ASSERT_TRUE(emulator.wait_until(waiting_for_next)) << function.stderr_text();

  // The upstream timeout (5 s) is far beyond this invocation's 1.5 s; the 0.5 s margin leaves 1 s.
  const auto started = std::chrono::steady_clock::now();
  const auto late =
      emulator.invoke(event("GET", "/badges/packages/nuget/Newtonsoft.Json"), Millis(1500));
  ASSERT_TRUE(late);
  ASSERT_EQ(late->kind, "response") << function.stderr_text();
  EXPECT_EQ(late->payload["statusCode"], 503) << late->payload.dump();
  EXPECT_LT(std::chrono::steady_clock::now() - started, Millis(1500));

  const auto next = emulator.invoke(event("GET", "/health"));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->payload["statusCode"], 200);
  EXPECT_EQ(function.terminate(), 0) << function.stderr_text();
  remove_tree(data_dir);
}

}  // namespace
}  // namespace badgesmith::e2e
