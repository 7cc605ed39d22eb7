// Routing, methods, CORS preflight, common headers, keep-alive and pipelining, as seen on the wire.
#include <nlohmann/json.hpp>
#include <regex>

#include "harness.h"

namespace badgesmith::e2e {
namespace {

class RoutingE2eTest : public SharedServerTest {
 protected:
  static void SetUpTestSuite() { start_shared_server(); }
  static void TearDownTestSuite() { stop_shared_server(); }

  static std::optional<HttpResponse> get(std::string_view target,
                                         std::string_view extra_headers = {}) {
    return round_trip(port(), make_request("GET", target, extra_headers));
  }
};

TEST_F(RoutingE2eTest, HealthReportsHealthyJson) {
  const auto response = get("/health");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->version, "HTTP/1.1");
  EXPECT_EQ(response->header("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(response->header("Cache-Control"), "no-store");
  EXPECT_TRUE(has_common_headers(*response));

  const auto body = nlohmann::json::parse(response->body, nullptr, false);
  ASSERT_TRUE(body.is_object()) << response->body;
  EXPECT_EQ(body.value("status", ""), "Healthy");
  EXPECT_EQ(body.value("store", ""), "ok");
  EXPECT_EQ(body.value("version", ""), server().version());
  ASSERT_TRUE(body.contains("uptime_s") && body["uptime_s"].is_number_integer());
  EXPECT_GE(body["uptime_s"].get<long long>(), 0);
  // The .NET format the service replaces: seven fractional digits and an explicit offset.
  const std::regex timestamp(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}\+00:00)");
  EXPECT_TRUE(std::regex_match(body.value("time_stamp", ""), timestamp)) << response->body;
}

TEST_F(RoutingE2eTest, UnknownPathIs404RouteNotFound) {
  const auto response = get("/no/such/route");
  EXPECT_TRUE(is_json_error(response, 404, "ROUTE_NOT_FOUND"));
  ASSERT_TRUE(response);
  EXPECT_TRUE(has_common_headers(*response));
  const auto body = nlohmann::json::parse(response->body, nullptr, false);
  EXPECT_EQ(body["error_details"][0]["property_name"], "path");
  // A 404 is an ordinary answer: the connection stays usable.
  EXPECT_FALSE(response->closes_connection());
}

TEST_F(RoutingE2eTest, RootIs404) { EXPECT_TRUE(is_json_error(get("/"), 404, "ROUTE_NOT_FOUND")); }

TEST_F(RoutingE2eTest, WrongMethodOnKnownPathIs405WithAllow) {
  for (const char* method : {"POST", "PUT", "DELETE", "PATCH"}) {
    SCOPED_TRACE(method);
    const auto response =
        round_trip(port(), make_request(method, "/health", "Content-Length: 0\r\n"));
    EXPECT_TRUE(is_json_error(response, 405, "METHOD_NOT_ALLOWED"));
    ASSERT_TRUE(response);
    EXPECT_EQ(response->header("Allow"), "GET, HEAD, OPTIONS");
    EXPECT_TRUE(has_common_headers(*response));
  }
  const auto favicon = round_trip(port(), make_request("DELETE", "/favicon.svg"));
  EXPECT_TRUE(is_json_error(favicon, 405, "METHOD_NOT_ALLOWED"));
  ASSERT_TRUE(favicon);
  EXPECT_EQ(favicon->header("Allow"), "GET, HEAD, OPTIONS");
}

TEST_F(RoutingE2eTest, LiteralSegmentsAreCaseInsensitive) {
  for (const char* target : {"/HEALTH", "/Health", "/hEaLtH"}) {
    SCOPED_TRACE(target);
    const auto response = get(target);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
  }
  const auto favicon = get("/FAVICON.SVG");
  ASSERT_TRUE(favicon);
  EXPECT_EQ(favicon->status, 200);
  EXPECT_EQ(favicon->header("Content-Type"), "image/svg+xml");
}

TEST_F(RoutingE2eTest, OneTrailingSlashIsAccepted) {
  const auto response = get("/health/");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
}

TEST_F(RoutingE2eTest, QueryStringDoesNotAffectRouting) {
  const auto response = get("/health?verbose=1&x=%41");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
}

TEST_F(RoutingE2eTest, EmptyInnerSegmentIs400) {
  for (const char* target : {"//health", "/health//", "/a//b"}) {
    SCOPED_TRACE(target);
    const auto response = get(target);
    EXPECT_TRUE(is_json_error(response, 400, "INVALID_PATH"));
    ASSERT_TRUE(response);
    EXPECT_TRUE(has_common_headers(*response));
  }
  EXPECT_TRUE(is_healthy(port()));
}

TEST_F(RoutingE2eTest, PercentEncodedPathIsDecodedBeforeMatching) {
  for (const char* target : {"/he%61lth", "/%68%65%61%6C%74%68", "/%48EALTH"}) {
    SCOPED_TRACE(target);
    const auto response = get(target);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
  }
  // An encoded '/' is data, not a separator.
  EXPECT_TRUE(is_json_error(get("/health%2F"), 404, "ROUTE_NOT_FOUND"));
}

TEST_F(RoutingE2eTest, HeadIsGetWithoutBody) {
  for (const char* target : {"/health", "/favicon.svg"}) {
    SCOPED_TRACE(target);
    const auto full = get(target);
    ASSERT_TRUE(full);
    ASSERT_EQ(full->status, 200);

    // HEAD then GET pipelined: if HEAD leaked body bytes, the second response would not parse.
    auto connection = HttpConnection::open(port());
    ASSERT_TRUE(connection);
    ASSERT_TRUE(connection->send(make_request("HEAD", target) + make_request("GET", target)));
    const auto head = connection->read_response(kIoTimeout, /*for_head=*/true);
    ASSERT_TRUE(head) << connection->error();
    EXPECT_EQ(head->status, 200);
    EXPECT_TRUE(head->body.empty());
    EXPECT_TRUE(has_common_headers(*head, /*for_head=*/true));
    EXPECT_EQ(head->header("Content-Type"), full->header("Content-Type"));
    if (std::string_view(target) == "/favicon.svg") {
      EXPECT_EQ(head->header("Content-Length"), full->header("Content-Length"));
    } else {
      // The health body embeds a timestamp but has a fixed shape, so only its size is comparable
      // within a digit of uptime.
      EXPECT_TRUE(head->has_header("Content-Length"));
    }
    const auto after = connection->read_response();
    ASSERT_TRUE(after) << connection->error() << " pending: " << connection->pending();
    EXPECT_EQ(after->status, 200);
    EXPECT_TRUE(after->raw.starts_with("HTTP/1.1 200")) << after->raw;
  }
}

TEST_F(RoutingE2eTest, HeadOnErrorHasNoBody) {
  auto connection = HttpConnection::open(port());
  ASSERT_TRUE(connection);
  ASSERT_TRUE(connection->send(make_request("HEAD", "/nope") + make_request("GET", "/health")));
  const auto head = connection->read_response(kIoTimeout, /*for_head=*/true);
  ASSERT_TRUE(head) << connection->error();
  EXPECT_EQ(head->status, 404);
  EXPECT_TRUE(has_common_headers(*head, /*for_head=*/true));
  EXPECT_NE(head->header("Content-Length"), "0");
  const auto after = connection->read_response();
  ASSERT_TRUE(after) << connection->error();
  EXPECT_EQ(after->status, 200) << after->raw;
}

TEST_F(RoutingE2eTest, BodyOfGetIsConsumedNotParsedAsRequest) {
  auto connection = HttpConnection::open(port());
  ASSERT_TRUE(connection);
  const std::string hidden = make_request("GET", "/nope");
  ASSERT_TRUE(connection->send(
      make_request("GET", "/health", "Content-Length: " + std::to_string(hidden.size()) + "\r\n") +
      hidden + make_request("GET", "/favicon.svg")));
  const auto first = connection->read_response();
  ASSERT_TRUE(first) << connection->error();
  EXPECT_EQ(first->status, 200);
  const auto second = connection->read_response();
  ASSERT_TRUE(second) << connection->error();
  EXPECT_EQ(second->status, 200);
  EXPECT_EQ(second->header("Content-Type"), "image/svg+xml");
}

TEST_F(RoutingE2eTest, OptionsOnKnownPathIsPreflight) {
  const auto response = round_trip(
      port(),
      make_request("OPTIONS", "/health",
                   "Origin: https://example.com\r\nAccess-Control-Request-Method: GET\r\n"));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 204);
  EXPECT_TRUE(has_common_headers(*response));
  EXPECT_EQ(response->header("Access-Control-Allow-Methods"), "GET, HEAD, OPTIONS");
  EXPECT_EQ(response->header("Access-Control-Allow-Headers"),
            "content-type, x-signature, x-timestamp, x-nonce");
  EXPECT_EQ(response->header("Access-Control-Max-Age"), "3600");
  EXPECT_FALSE(response->has_header("Content-Length"));
}

TEST_F(RoutingE2eTest, OptionsOnUnknownPathAllowsOnlyOptions) {
  for (const char* target : {"/nope", "*"}) {
    SCOPED_TRACE(target);
    const auto response = round_trip(port(), make_request("OPTIONS", target));
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 204);
    EXPECT_EQ(response->header("Access-Control-Allow-Methods"), "OPTIONS");
    EXPECT_TRUE(response->has_header("Access-Control-Max-Age"));
    EXPECT_TRUE(has_common_headers(*response));
  }
}

TEST_F(RoutingE2eTest, PreflightFiltersRequestedHeadersCaseInsensitively) {
  const auto response =
      round_trip(port(), make_request("OPTIONS", "/health",
                                      "Access-Control-Request-Method: POST\r\n"
                                      "Access-Control-Request-Headers: X-Signature, Authorization,"
                                      " CONTENT-TYPE ,x-evil\r\n"));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 204);
  EXPECT_EQ(response->header("Access-Control-Allow-Headers"), "x-signature, content-type");

  // Nothing acceptable requested: no Allow-Headers at all rather than an empty list.
  const auto none = round_trip(
      port(), make_request("OPTIONS", "/health", "Access-Control-Request-Headers: Cookie\r\n"));
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 204);
  EXPECT_FALSE(none->has_header("Access-Control-Allow-Headers")) << none->raw;
}

TEST_F(RoutingE2eTest, KeepAliveIsDefaultForHttp11) {
  auto connection = HttpConnection::open(port());
  ASSERT_TRUE(connection);
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(connection->send(make_request("GET", "/health")));
    const auto response = connection->read_response();
    ASSERT_TRUE(response) << connection->error();
    EXPECT_EQ(response->status, 200);
    EXPECT_FALSE(response->closes_connection());
  }
  EXPECT_FALSE(connection->peer_closed());
}

TEST_F(RoutingE2eTest, ConnectionCloseIsHonoured) {
  auto connection = HttpConnection::open(port());
  ASSERT_TRUE(connection);
  ASSERT_TRUE(connection->send(make_request("GET", "/health", "Connection: close\r\n")));
  const auto response = connection->read_response();
  ASSERT_TRUE(response) << connection->error();
  EXPECT_EQ(response->status, 200);
  EXPECT_TRUE(response->closes_connection());
  EXPECT_EQ(connection->wait_closed(), HttpConnection::CloseWait::kClosed);
}

TEST_F(RoutingE2eTest, Http10ClosesByDefault) {
  auto connection = HttpConnection::open(port());
  ASSERT_TRUE(connection);
  ASSERT_TRUE(connection->send("GET /health HTTP/1.0\r\n\r\n"));
  const auto response = connection->read_response();
  ASSERT_TRUE(response) << connection->error();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(connection->wait_closed(), HttpConnection::CloseWait::kClosed);
}

TEST_F(RoutingE2eTest, PipelinedRequestsAreAnsweredInOrder) {
  auto connection = HttpConnection::open(port());
  ASSERT_TRUE(connection);
  const std::vector<std::pair<std::string, int>> requests = {
      {"/health", 200}, {"/nope", 404}, {"/favicon.svg", 200}, {"//", 400}, {"/health", 200}};
  std::string batch;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    batch +=
        make_request("GET", requests[i].first, "X-Request-Id: req-" + std::to_string(i) + "\r\n");
  }
  ASSERT_TRUE(connection->send(batch));  // One write: the server sees them back to back.
  for (std::size_t i = 0; i < requests.size(); ++i) {
    SCOPED_TRACE(requests[i].first);
    const auto response = connection->read_response();
    ASSERT_TRUE(response) << connection->error();
    EXPECT_EQ(response->status, requests[i].second);
    EXPECT_EQ(response->header("X-Request-Id"), "req-" + std::to_string(i));
  }
  EXPECT_EQ(connection->wait_closed(Millis(100)), HttpConnection::CloseWait::kTimedOut)
      << "unexpected extra bytes or close: " << connection->pending();
}

TEST_F(RoutingE2eTest, PipelinedRequestWithBodyKeepsFraming) {
  auto connection = HttpConnection::open(port());
  ASSERT_TRUE(connection);
  ASSERT_TRUE(connection->send(
      make_request("POST", "/health", "Content-Length: 24\r\n") +
      "GET /nope HTTP/1.1\r\n\r\n\r\n" +  // 24 bytes of body that look like a request.
      make_request("POST", "/health", "Transfer-Encoding: chunked\r\n") +
      "5\r\nhello\r\n0\r\n\r\n" + make_request("GET", "/favicon.svg")));
  const auto first = connection->read_response();
  EXPECT_TRUE(is_json_error(first, 405, "METHOD_NOT_ALLOWED"));
  const auto second = connection->read_response();
  EXPECT_TRUE(is_json_error(second, 405, "METHOD_NOT_ALLOWED"));
  const auto third = connection->read_response();
  ASSERT_TRUE(third) << connection->error();
  EXPECT_EQ(third->status, 200);
  EXPECT_EQ(third->header("Content-Type"), "image/svg+xml");
  EXPECT_EQ(connection->wait_closed(Millis(100)), HttpConnection::CloseWait::kTimedOut)
      << connection->pending();
}

TEST_F(RoutingE2eTest, SafeClientRequestIdIsEchoed) {
  const std::string longest(64, 'a');
  for (const std::string& id : {std::string("abc"), std::string("A-b_c.9"), longest}) {
    const auto response = get("/health", "X-Request-Id: " + id + "\r\n");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->header("X-Request-Id"), id);
  }
}

TEST_F(RoutingE2eTest, UnsafeClientRequestIdIsReplaced) {
  const std::regex generated("[0-9a-f]{32}");
  for (const std::string& id :
       {std::string(65, 'a'), std::string("has space"), std::string("semi;colon"),
        std::string("quote\"d"), std::string("slash/x"), std::string("\xC3\xA9t\xC3\xA9")}) {
    SCOPED_TRACE(id);
    const auto response = get("/health", "X-Request-Id: " + id + "\r\n");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    const auto echoed = response->header("X-Request-Id");
    ASSERT_TRUE(echoed);
    EXPECT_NE(*echoed, id);
    EXPECT_TRUE(std::regex_match(*echoed, generated)) << *echoed;
  }
}

TEST_F(RoutingE2eTest, GeneratedRequestIdsDiffer) {
  const auto a = get("/health");
  const auto b = get("/health");
  ASSERT_TRUE(a && b);
  EXPECT_NE(a->header("X-Request-Id"), b->header("X-Request-Id"));
}

TEST_F(RoutingE2eTest, UnknownMethodOnKnownPathIs405) {
  const auto response = round_trip(port(), make_request("BREW", "/health"));
  EXPECT_TRUE(is_json_error(response, 405, "METHOD_NOT_ALLOWED"));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->header("Allow"), "GET, HEAD, OPTIONS");
}

// RFC 9110 §9.1: the method token is case-sensitive, so "get" and "head" are unknown methods like
// BREW above. The router matches method names case-insensitively while the server compares
// "HEAD" exactly, so "head" is routed like HEAD yet answered with a body.
TEST_F(RoutingE2eTest, MethodNamesAreCaseSensitive) {
  for (const char* method : {"get", "head", "Get"}) {
    SCOPED_TRACE(method);
    const auto response = round_trip(port(), make_request(method, "/favicon.svg"));
    EXPECT_TRUE(is_json_error(response, 405, "METHOD_NOT_ALLOWED"));
  }
}

}  // namespace
}  // namespace badgesmith::e2e
