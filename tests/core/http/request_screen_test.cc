#include "core/http/request_screen.h"

#include <gtest/gtest.h>

#include <string>

namespace badgesmith::http {
namespace {

Result<ScreenedHead> screen(const std::string& head, RequestLimits limits = {}) {
  return screen_request_head(head, limits);
}

TEST(RequestScreen, AcceptsOrdinaryRequests) {
  const auto plain = screen("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain.value().content_length);
  EXPECT_FALSE(plain.value().chunked);

  const auto with_body = screen("POST /x HTTP/1.1\r\nContent-Length: 12\r\n\r\n");
  ASSERT_TRUE(with_body);
  EXPECT_EQ(with_body.value().content_length, 12U);

  const auto chunked = screen("POST /x HTTP/1.1\r\nTransfer-Encoding: Chunked\r\n\r\n");
  ASSERT_TRUE(chunked);
  EXPECT_TRUE(chunked.value().chunked);

  const auto expect =
      screen("POST /x HTTP/1.1\r\nContent-Length: 1\r\nExpect: 100-continue\r\n\r\n");
  ASSERT_TRUE(expect);
  EXPECT_TRUE(expect.value().expects_continue);

  EXPECT_TRUE(screen("OPTIONS * HTTP/1.1\r\n\r\n"));
  EXPECT_TRUE(screen("GET /a%20b?q=%2F HTTP/1.0\r\n\r\n"));
}

struct Rejection {
  const char* name;
  std::string head;
  Errc code;
};

TEST(RequestScreen, RejectsEachHostileShape) {
  const Rejection cases[] = {
      {"both framings",
       "POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
       Errc::kInvalidArgument},
      {"both framings, TE first",
       "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n",
       Errc::kInvalidArgument},
      {"duplicate CL", "POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n",
       Errc::kInvalidArgument},
      {"CL list", "POST / HTTP/1.1\r\nContent-Length: 5, 5\r\n\r\n", Errc::kInvalidArgument},
      {"CL sign", "POST / HTTP/1.1\r\nContent-Length: +5\r\n\r\n", Errc::kInvalidArgument},
      {"CL empty", "POST / HTTP/1.1\r\nContent-Length: \r\n\r\n", Errc::kInvalidArgument},
      {"CL huge", "POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n",
       Errc::kPayloadTooLarge},
      {"TE gzip", "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", Errc::kInvalidArgument},
      {"TE gzip, chunked", "POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
       Errc::kInvalidArgument},
      {"TE twice",
       "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
       Errc::kInvalidArgument},
      {"obs-fold", "GET / HTTP/1.1\r\nX-A: 1\r\n  continued\r\n\r\n", Errc::kInvalidArgument},
      {"obs-fold tab", "GET / HTTP/1.1\r\nX-A: 1\r\n\tcontinued\r\n\r\n", Errc::kInvalidArgument},
      {"bare LF", "GET / HTTP/1.1\r\nX-A: 1\nX-B: 2\r\n\r\n", Errc::kInvalidArgument},
      {"space before colon", "GET / HTTP/1.1\r\nContent-Length : 5\r\n\r\n",
       Errc::kInvalidArgument},
      {"no colon", "GET / HTTP/1.1\r\nnonsense\r\n\r\n", Errc::kInvalidArgument},
      {"bad percent", "GET /a%zz HTTP/1.1\r\n\r\n", Errc::kInvalidArgument},
      {"truncated percent", "GET /a%4 HTTP/1.1\r\n\r\n", Errc::kInvalidArgument},
      {"bad percent in query", "GET /a?x=%G0 HTTP/1.1\r\n\r\n", Errc::kInvalidArgument},
      {"absolute form", "GET http://x/ HTTP/1.1\r\n\r\n", Errc::kInvalidArgument},
      {"version", "GET / HTTP/2.0\r\n\r\n", Errc::kInvalidArgument},
      {"garbage", "hello\r\n\r\n", Errc::kInvalidArgument},
      {"method with slash", "GE/T / HTTP/1.1\r\n\r\n", Errc::kInvalidArgument},
      {"control in target", std::string("GET /a\x01 HTTP/1.1\r\n\r\n"), Errc::kInvalidArgument},
      {"expect other", "GET / HTTP/1.1\r\nExpect: teapot\r\n\r\n", Errc::kInvalidArgument},
      {"empty", "\r\n", Errc::kInvalidArgument},
  };
  for (const Rejection& c : cases) {
    const auto result = screen(c.head);
    ASSERT_FALSE(result) << c.name;
    EXPECT_EQ(result.error().code, c.code) << c.name;
  }
}

TEST(RequestScreen, EnforcesConfiguredLimits) {
  RequestLimits limits;
  limits.max_head_bytes = 100;
  limits.max_target_bytes = 20;
  limits.max_body_bytes = 10;

  const auto long_target = screen("GET /" + std::string(20, 'a') + " HTTP/1.1\r\n\r\n", limits);
  ASSERT_FALSE(long_target);
  EXPECT_EQ(long_target.error().code, Errc::kUriTooLong);
  EXPECT_TRUE(screen("GET /" + std::string(19, 'a') + " HTTP/1.1\r\n\r\n", limits));

  const auto big_head =
      screen("GET / HTTP/1.1\r\nX: " + std::string(100, 'a') + "\r\n\r\n", limits);
  ASSERT_FALSE(big_head);
  EXPECT_EQ(big_head.error().code, Errc::kHeadersTooLarge);

  const auto big_body = screen("POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n", limits);
  ASSERT_FALSE(big_body);
  EXPECT_EQ(big_body.error().code, Errc::kPayloadTooLarge);
  EXPECT_TRUE(screen("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n", limits));
}

}  // namespace
}  // namespace badgesmith::http

namespace badgesmith::http {
namespace {

TEST(RequestScreen, AppliesHttp10Rules) {
  const auto chunked = screen_request_head(
      "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n", {});
  ASSERT_FALSE(chunked);
  EXPECT_EQ(chunked.error().code, Errc::kInvalidArgument);

  const auto expect = screen_request_head(
      "POST / HTTP/1.0\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n", {});
  ASSERT_TRUE(expect);
  EXPECT_FALSE(expect.value().expects_continue);
}

TEST(RequestScreen, RefusesAHeadEndedByBareLineFeeds) {
  EXPECT_FALSE(screen_request_head("GET /health HTTP/1.1\nHost: x\n\n", {}));
}

}  // namespace
}  // namespace badgesmith::http
