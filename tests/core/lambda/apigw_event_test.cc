#include "core/lambda/apigw_event.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/base64.h"

namespace badgesmith::lambda {
namespace {

using nlohmann::json;

json base_event() {
  return {{"version", "2.0"},
          {"routeKey", "$default"},
          {"rawPath", "/badge/build-passing-green"},
          {"rawQueryString", "style=flat&x=%20y"},
          {"headers", {{"accept", "image/svg+xml"}, {"x-forwarded-for", "1.2.3.4, 5.6.7.8"}}},
          {"requestContext",
           {{"requestId", "abc-123"},
            {"http", {{"method", "GET"}, {"path", "/badge/x"}, {"sourceIp", "198.51.100.7"}}}}},
          {"isBase64Encoded", false}};
}

Result<http::Request> map(const json& event) { return request_from_event(event.dump()); }

TEST(ApiGatewayEvent, MapsTheRequestFields) {
  const auto request = map(base_event());
  ASSERT_TRUE(request) << request.error().message;
  EXPECT_EQ(request.value().method, "GET");
  EXPECT_EQ(request.value().path, "/badge/build-passing-green");
  EXPECT_TRUE(request.value().path_is_decoded);
  EXPECT_EQ(request.value().query, "style=flat&x=%20y");
  EXPECT_EQ(request.value().headers.get("Accept"), "image/svg+xml");
  EXPECT_EQ(request.value().headers.get("x-forwarded-for"), "1.2.3.4, 5.6.7.8");
  EXPECT_EQ(request.value().client_address, "198.51.100.7");
  EXPECT_EQ(request.value().request_id, "abc-123");
  EXPECT_EQ(request.value().body, "");
}

TEST(ApiGatewayEvent, DropsUnsafeRequestIds) {
  json event = base_event();
  event["requestContext"]["requestId"] = "JKJaXmPLvHcESHA=";
  EXPECT_EQ(map(event).value().request_id, "JKJaXmPLvHcESHA=");
  event["requestContext"]["requestId"] = "a\"b";
  EXPECT_EQ(map(event).value().request_id, "");
  event["requestContext"]["requestId"] = std::string(65, 'a');
  EXPECT_EQ(map(event).value().request_id, "");
}

TEST(ApiGatewayEvent, KeepsDecodedPathsLiteral) {
  // API Gateway decodes "%2F" and "%25" before we see them: a '%' in rawPath is a literal.
  for (const std::string path : {"/badge/100%-done-green", "/tests/o/r/feature/x", "/a%2Fb"}) {
    json event = base_event();
    event["rawPath"] = path;
    const auto request = map(event);
    ASSERT_TRUE(request) << path;
    EXPECT_EQ(request.value().path, path);
    EXPECT_TRUE(request.value().path_is_decoded);
  }
}

TEST(ApiGatewayEvent, DecodesBase64Bodies) {
  const std::string binary("\x00\xff{\"a\":1}\x80", 10);
  json event = base_event();
  event["body"] = base64_encode(binary);
  event["isBase64Encoded"] = true;
  const auto request = map(event);
  ASSERT_TRUE(request);
  EXPECT_EQ(request.value().body, binary);

  event["isBase64Encoded"] = false;
  event["body"] = "{\"plain\":true}";
  EXPECT_EQ(map(event).value().body, "{\"plain\":true}");
}

TEST(ApiGatewayEvent, RefusesInvalidBase64) {
  for (const std::string body : {"abc", "a=bc", "QR==", "Zm9v!A==", "===="}) {
    json event = base_event();
    event["body"] = body;
    event["isBase64Encoded"] = true;
    const auto request = map(event);
    ASSERT_FALSE(request) << body;
    EXPECT_EQ(request.error().code, Errc::kInvalidArgument);
  }
}

TEST(ApiGatewayEvent, JoinsCookiesIntoOneHeader) {
  json event = base_event();
  event["cookies"] = {"a=1", "b=2"};
  EXPECT_EQ(map(event).value().headers.get("cookie"), "a=1; b=2");
}

TEST(ApiGatewayEvent, LowerCasesHeaderNamesAndKeepsJoinedRepeats) {
  json event = base_event();
  event["headers"] = {{"X-Custom", "one,two"}};
  const auto request = map(event);
  ASSERT_TRUE(request);
  ASSERT_EQ(request.value().headers.fields().size(), 1U);
  EXPECT_EQ(request.value().headers.fields()[0].name, "x-custom");
  EXPECT_EQ(request.value().headers.joined("x-custom"), "one,two");
}

TEST(ApiGatewayEvent, OptionalFieldsMayBeMissing) {
  const json event = {{"rawPath", "/health"}, {"requestContext", {{"http", {{"method", "GET"}}}}}};
  const auto request = map(event);
  ASSERT_TRUE(request) << request.error().message;
  EXPECT_EQ(request.value().query, "");
  EXPECT_EQ(request.value().client_address, "");
  EXPECT_EQ(request.value().request_id, "");
  EXPECT_TRUE(request.value().headers.fields().empty());
}

TEST(ApiGatewayEvent, RefusesMalformedEvents) {
  const std::vector<std::string> cases = {
      "",
      "not json",
      "[]",
      "{\"rawPath\":\"/x\"}",
      R"({"rawPath":"/x","requestContext":{"http":{}}})",
      R"({"rawPath":"x","requestContext":{"http":{"method":"GET"}}})",
      R"({"rawPath":7,"requestContext":{"http":{"method":"GET"}}})",
      R"({"rawPath":"/x","headers":[],"requestContext":{"http":{"method":"GET"}}})",
      R"({"rawPath":"/x","headers":{"a":1},"requestContext":{"http":{"method":"GET"}}})",
      R"({"rawPath":"/x","headers":{"a":"b\r\nc: d"},"requestContext":{"http":{"method":"GET"}}})",
      R"({"rawPath":"/x","cookies":"a=1","requestContext":{"http":{"method":"GET"}}})",
      R"({"rawPath":"/x","isBase64Encoded":"yes","requestContext":{"http":{"method":"GET"}}})",
      std::string(100, '[') + std::string(100, ']'),
  };
  for (const std::string& event : cases) {
    const auto request = request_from_event(event);
    ASSERT_FALSE(request) << event;
    EXPECT_EQ(request.error().code, Errc::kInvalidArgument) << event;
  }
}

TEST(ApiGatewayEvent, RefusesOversizeEvents) {
  json event = base_event();
  event["body"] = std::string(kMaxPayloadBytes, 'a');
  const auto request = map(event);
  ASSERT_FALSE(request);
  EXPECT_EQ(request.error().code, Errc::kPayloadTooLarge);
}

TEST(ApiGatewayEvent, EncodesTextResponsesAsTheyAre) {
  http::Response response;
  response.status = 404;
  response.headers.add("Content-Type", "image/svg+xml");
  response.headers.add("Vary", "Accept");
  response.headers.add("vary", "Origin");
  response.body = "<svg>\xc3\xa9</svg>";
  const auto encoded = event_response(response);
  ASSERT_TRUE(encoded);
  const json document = json::parse(encoded.value());
  EXPECT_EQ(document["statusCode"], 404);
  EXPECT_EQ(document["isBase64Encoded"], false);
  EXPECT_EQ(document["body"], response.body);
  EXPECT_EQ(document["headers"]["content-type"], "image/svg+xml");
  EXPECT_EQ(document["headers"]["vary"], "Accept,Origin");
}

TEST(ApiGatewayEvent, EncodesBinaryResponsesAsBase64) {
  http::Response response;
  response.body = std::string("\x1f\x8b\x08\x00\xff", 5);
  const json document = json::parse(event_response(response).value());
  EXPECT_EQ(document["isBase64Encoded"], true);
  EXPECT_EQ(base64_decode(document["body"].get<std::string>()), response.body);
}

TEST(ApiGatewayEvent, RefusesOversizeResponses) {
  http::Response response;
  response.body = std::string(kMaxPayloadBytes, 'a');
  const auto encoded = event_response(response);
  ASSERT_FALSE(encoded);
  EXPECT_EQ(encoded.error().code, Errc::kPayloadTooLarge);
}

TEST(Base64, RoundTripsEveryLength) {
  std::string bytes;
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(base64_decode(base64_encode(bytes)), bytes);
    bytes.push_back(static_cast<char>(0xF0 + i));
  }
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
}

}  // namespace
}  // namespace badgesmith::lambda
