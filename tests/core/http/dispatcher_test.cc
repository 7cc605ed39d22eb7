#include "core/http/dispatcher.h"

#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>

namespace badgesmith::http {
namespace {

class DispatcherTest : public ::testing::Test {
 protected:
  DispatcherTest() {
    router_.add("GET", "/health", [](const Request&, Respond respond) {
      Response response;
      response.body = "{}";
      respond(std::move(response));
    });
    router_.add("POST", "/tests/results/{platform}/{owner}/{repo}/{branch...}",
                [](const Request& request, Respond respond) {
                  Response response;
                  response.status = 201;
                  response.body = std::string(request.params.get("branch"));
                  response.headers.set("Content-Type", "text/plain");
                  respond(std::move(response));
                });
    router_.add("GET", "/silent", [](const Request&, Respond) {});
    router_.add("GET", "/throws",
                [](const Request&, Respond) -> void { throw std::runtime_error("secret detail"); });
  }

  Response dispatch(const std::string& method, const std::string& path,
                    std::initializer_list<std::pair<const char*, const char*>> headers = {},
                    const OriginGuard* guard = nullptr) {
    Request request;
    request.method = method;
    request.path = path;
    for (const auto& [name, value] : headers) request.headers.add(name, value);
    std::optional<Response> answer;
    Dispatcher(router_, guard)
        .dispatch(request, routing::PathMode::kRaw,
                  [&answer](Response response) { answer = std::move(response); });
    EXPECT_TRUE(answer.has_value());
    return answer.value_or(Response{});
  }

  routing::Router router_;
};

TEST_F(DispatcherTest, OriginGuardAdmitsOnlyTheSecretAndHealth) {
  const OriginGuard guard("cdn-shared-secret", nullptr);
  EXPECT_EQ(dispatch("GET", "/health", {}, &guard).status, 200);
  EXPECT_NE(dispatch("HEAD", "/health", {}, &guard).status, 403);
  EXPECT_EQ(dispatch("POST", "/tests/results/linux/o/r/main",
                     {{"X-Origin-Verify", "cdn-shared-secret"}}, &guard)
                .status,
            201);
  for (const char* wrong : {"", "cdn-shared-secre", "cdn-shared-secret ", "CDN-SHARED-SECRET"}) {
    const Response refused =
        dispatch("POST", "/tests/results/linux/o/r/main", {{"x-origin-verify", wrong}}, &guard);
    EXPECT_EQ(refused.status, 403) << wrong;
    EXPECT_NE(refused.body.find("FORBIDDEN_ORIGIN"), std::string::npos);
    EXPECT_EQ(refused.body.find("cdn-shared"), std::string::npos);
  }
  // Nothing is exempt but /health: not preflights, not unknown routes.
  EXPECT_EQ(dispatch("OPTIONS", "/health", {}, &guard).status, 403);
  EXPECT_EQ(dispatch("GET", "/nowhere", {}, &guard).status, 403);
  EXPECT_EQ(dispatch("GET", "/healthz", {}, &guard).status, 403);
}

void expect_common_headers(const Response& response) {
  EXPECT_EQ(response.headers.get("Access-Control-Allow-Origin"), "*");
  EXPECT_EQ(response.headers.get("Access-Control-Expose-Headers"),
            "ETag, Last-Modified, X-Request-Id");
  EXPECT_EQ(response.headers.get("X-Content-Type-Options"), "nosniff");
  ASSERT_TRUE(response.headers.get("X-Request-Id"));
  EXPECT_EQ(response.headers.get("X-Request-Id")->size(), 32U);
}

TEST_F(DispatcherTest, RoutesAndAddsCommonHeaders) {
  const Response response = dispatch("GET", "/health");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.headers.get("Content-Type"), "application/json; charset=utf-8");
  expect_common_headers(response);

  const Response branch = dispatch("POST", "/tests/results/github/o/r/feature%2Fx");
  EXPECT_EQ(branch.status, 201);
  EXPECT_EQ(branch.body, "feature/x");
  EXPECT_EQ(branch.headers.get("Content-Type"), "text/plain");
}

TEST_F(DispatcherTest, MapsRoutingFailuresToJsonErrors) {
  const Response missing = dispatch("GET", "/nope");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("ROUTE_NOT_FOUND"), std::string::npos);
  expect_common_headers(missing);

  const Response wrong_method = dispatch("DELETE", "/health");
  EXPECT_EQ(wrong_method.status, 405);
  EXPECT_EQ(wrong_method.headers.get("Allow"), "GET, HEAD, OPTIONS");
  expect_common_headers(wrong_method);

  const Response bad_path = dispatch("GET", "/a//b");
  EXPECT_EQ(bad_path.status, 400);
  EXPECT_NE(bad_path.body.find("INVALID_PATH"), std::string::npos);
}

TEST_F(DispatcherTest, PreflightListsThePathsMethodsAndAllowedHeaders) {
  const Response known =
      dispatch("OPTIONS", "/tests/results/github/o/r/main",
               {{"Access-Control-Request-Method", "POST"},
                {"Access-Control-Request-Headers", "X-Signature, x-nonce, X-Evil"}});
  EXPECT_EQ(known.status, 204);
  EXPECT_EQ(known.headers.get("Access-Control-Allow-Methods"), "POST, OPTIONS");
  EXPECT_EQ(known.headers.get("Access-Control-Allow-Headers"), "x-signature, x-nonce");
  EXPECT_EQ(known.headers.get("Access-Control-Max-Age"), "3600");
  EXPECT_TRUE(known.body.empty());
  expect_common_headers(known);

  const Response unknown = dispatch("OPTIONS", "/nowhere");
  EXPECT_EQ(unknown.status, 204);
  EXPECT_EQ(unknown.headers.get("Access-Control-Allow-Methods"), "OPTIONS");

  const Response none_allowed =
      dispatch("OPTIONS", "/health", {{"Access-Control-Request-Headers", "x-evil"}});
  EXPECT_FALSE(none_allowed.headers.get("Access-Control-Allow-Headers"));
}

TEST_F(DispatcherTest, BrokenHandlersStillAnswerWithoutLeakingDetail) {
  const Response silent = dispatch("GET", "/silent");
  EXPECT_EQ(silent.status, 500);
  expect_common_headers(silent);

  const Response thrown = dispatch("GET", "/throws");
  EXPECT_EQ(thrown.status, 500);
  EXPECT_EQ(thrown.body.find("secret"), std::string::npos);
}

TEST_F(DispatcherTest, EchoesOnlySafeClientRequestIds) {
  EXPECT_EQ(
      dispatch("GET", "/health", {{"X-Request-Id", "abc-123_x.y"}}).headers.get("X-Request-Id"),
      "abc-123_x.y");
  const Response unsafe = dispatch("GET", "/health", {{"X-Request-Id", "a b\"c"}});
  EXPECT_EQ(unsafe.headers.get("X-Request-Id")->size(), 32U);
  const Response too_long =
      dispatch("GET", "/health", {{"X-Request-Id", std::string(65, 'a').c_str()}});
  EXPECT_EQ(too_long.headers.get("X-Request-Id")->size(), 32U);
}

TEST_F(DispatcherTest, RejectBuildsACompleteErrorResponse) {
  Request request;
  const Response response = Dispatcher(router_).reject(
      request, make_error(Errc::kUriTooLong, "Request URI is too long", "URI_TOO_LONG"));
  EXPECT_EQ(response.status, 414);
  EXPECT_EQ(response.body,
            "{\"message\":\"Request URI is too long\",\"error_details\":[{\"error_code\":"
            "\"URI_TOO_LONG\",\"property_name\":\"\"}]}");
  expect_common_headers(response);
}

}  // namespace
}  // namespace badgesmith::http
