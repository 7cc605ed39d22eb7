// GET /badge/{content...}: shields' static badges, byte for byte what npm badge-maker@6.0.0 makes,
// with the core cache helper's ETag and 304, format selection, and errors as badges.
#include <regex>

#include "harness.h"

namespace badgesmith::e2e {
namespace {

// makeBadge({label: "build", message: "passing", color: "brightgreen"}) from badge-maker 6.0.0
// (tools/badges/node_modules), pasted verbatim.
constexpr std::string_view kBuildPassing =
    R"svg(<svg xmlns="http://www.w3.org/2000/svg" width="88" height="20" role="img" aria-label="buil)svg"
    R"svg(d: passing"><title>build: passing</title><filter id="blur"><feGaussianBlur stdDeviation="1)svg"
    R"svg(6"/></filter><linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" st)svg"
    R"svg(op-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><re)svg"
    R"svg(ct width="88" height="20" rx="3"/></clipPath><g clip-path="url(#r)"><rect width="37" heigh)svg"
    R"svg(t="20" fill="#555"/><rect x="37" width="51" height="20" fill="#4b0"/><rect width="88" heig)svg"
    R"svg(ht="20" fill="url(#s)"/></g><g fill="#fff" text-anchor="middle" font-family="Verdana,Genev)svg"
    R"svg(a,DejaVu Sans,sans-serif" text-rendering="geometricPrecision" font-size="110"><g transform)svg"
    R"svg(="scale(.1)"><g aria-hidden="true" fill="#010101"><text x="195" y="150" fill-opacity=".8" )svg"
    R"svg(filter="url(#blur)" textLength="270">build</text><text x="195" y="150" fill-opacity=".3" t)svg"
    R"svg(extLength="270">build</text></g><text x="195" y="140" textLength="270">build</text></g><g )svg"
    R"svg(transform="scale(.1)"><g aria-hidden="true" fill="#010101"><text x="615" y="150" fill-opac)svg"
    R"svg(ity=".8" filter="url(#blur)" textLength="410">passing</text><text x="615" y="150" fill-opa)svg"
    R"svg(city=".3" textLength="410">passing</text></g><text x="615" y="140" textLength="410">passin)svg"
    R"svg(g</text></g></g></svg>)svg";

class StaticBadgeE2eTest : public SharedServerTest {
 protected:
  static void SetUpTestSuite() { start_shared_server(); }
  static void TearDownTestSuite() { stop_shared_server(); }

  static std::optional<HttpResponse> get(std::string_view target, std::string_view extra = {}) {
    return round_trip(port(), make_request("GET", target, extra));
  }
};

TEST_F(StaticBadgeE2eTest, ServesBadgeMakersExactBytes) {
  const auto response = get("/badge/build-passing-brightgreen");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, kBuildPassing);
  EXPECT_EQ(response->header("Content-Type"), "image/svg+xml; charset=utf-8");
  EXPECT_EQ(response->header("Cache-Control"), "public, max-age=86400, s-maxage=86400");
  EXPECT_TRUE(response->header("Last-Modified"));
  EXPECT_TRUE(has_common_headers(*response));
  for (std::string_view same :
       {"/badge/build-passing-brightgreen.svg", "/badge/build-passing-brightgreen?format=svg",
        "/BADGE/build-passing-brightgreen/"}) {
    const auto again = get(same);
    ASSERT_TRUE(again) << same;
    EXPECT_EQ(again->body, kBuildPassing) << same;
  }
}

TEST_F(StaticBadgeE2eTest, RevalidatesWithEtagAnd304) {
  const auto first = get("/badge/build-passing-brightgreen");
  ASSERT_TRUE(first);
  const auto etag = first->header("ETag");
  ASSERT_TRUE(etag);
  EXPECT_TRUE(std::regex_match(*etag, std::regex(R"("[0-9a-f]{64}")"))) << *etag;
  const auto revalidated =
      get("/badge/build-passing-brightgreen", "If-None-Match: " + *etag + "\r\n");
  ASSERT_TRUE(revalidated);
  EXPECT_EQ(revalidated->status, 304);
  EXPECT_TRUE(revalidated->body.empty());
  EXPECT_EQ(revalidated->header("ETag"), etag);

  const auto since =
      get("/badge/build-passing-brightgreen",
          "If-Modified-Since: " + first->header("Last-Modified").value_or("") + "\r\n");
  ASSERT_TRUE(since);
  EXPECT_EQ(since->status, 304);
}

TEST_F(StaticBadgeE2eTest, JsonBySuffixOrQuery) {
  for (std::string_view target :
       {"/badge/build-passing-brightgreen.json", "/badge/build-passing-brightgreen?format=json"}) {
    const auto response = get(target);
    ASSERT_TRUE(response) << target;
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->header("Content-Type"), "application/json; charset=utf-8");
    EXPECT_EQ(response->body,
              R"({"schemaVersion":1,"label":"build","message":"passing","color":"brightgreen"})");
  }
  // The suffix names the format; a conflicting ?format does not override it.
  const auto suffix_wins = get("/badge/a-b-red.svg?format=json");
  ASSERT_TRUE(suffix_wins);
  EXPECT_TRUE(suffix_wins->body.starts_with("<svg"));
}

TEST_F(StaticBadgeE2eTest, DecodesShieldsEscapesThenPercentEncoding) {
  const auto response = get("/badge/just_a__test-__init__%2Dx-blue.json");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body,
            R"({"schemaVersion":1,"label":"just a_test","message":"_init_-x","color":"blue"})");
}

TEST_F(StaticBadgeE2eTest, QueryOverridesAndNamedLogo) {
  const auto response =
      get("/badge/a-b-red.json?label=L&color=blue&labelColor=green&style=flat-square&logo=github"
          "&logoColor=white");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body,
            R"({"schemaVersion":1,"label":"L","message":"b","color":"blue","labelColor":"green",)"
            R"("namedLogo":"github","logoColor":"white","style":"flat-square"})");
  const auto svg = get("/badge/a-b-red?logo=github");
  ASSERT_TRUE(svg);
  EXPECT_NE(svg->body.find("<image x=\"5\""), std::string::npos) << svg->body;
  const auto longer = get("/badge/a-b-red?cacheSeconds=200000");
  ASSERT_TRUE(longer);
  EXPECT_EQ(longer->header("Cache-Control"), "public, max-age=200000, s-maxage=200000");
  const auto shorter = get("/badge/a-b-red?cacheSeconds=5");
  ASSERT_TRUE(shorter);
  EXPECT_EQ(shorter->header("Cache-Control"), "public, max-age=86400, s-maxage=86400");
}

TEST_F(StaticBadgeE2eTest, ErrorsAreBadgesForSvgAndJsonForJson) {
  const auto svg = get("/badge/nodash");
  ASSERT_TRUE(svg);
  EXPECT_EQ(svg->status, 200);
  EXPECT_EQ(svg->header("X-Badgesmith-Error"), "INVALID_BADGE_CONTENT");
  EXPECT_EQ(svg->header("Cache-Control"), "max-age=60");
  EXPECT_TRUE(svg->body.starts_with("<svg")) << svg->body;
  EXPECT_NE(svg->body.find("invalid"), std::string::npos);

  EXPECT_TRUE(is_json_error(get("/badge/nodash?format=json"), 400, "INVALID_BADGE_CONTENT"));
  EXPECT_TRUE(is_json_error(get("/badge/a-%FF-red.json"), 400, "INVALID_UTF8"));
  EXPECT_TRUE(is_json_error(get("/badge/a-b-red.json?logo=data:image/png;base64,a@b"), 400,
                            "INVALID_LOGO"));
  const auto bad_format = get("/badge/a-b-red?format=png");
  ASSERT_TRUE(bad_format);
  EXPECT_EQ(bad_format->header("X-Badgesmith-Error"), "INVALID_FORMAT");
  EXPECT_TRUE(is_healthy(port()));
}

TEST_F(StaticBadgeE2eTest, DropsXmlForbiddenCodePointsSoOutputIsXml) {
  const auto response = get("/badge/a%01b-c%EF%BF%BFd-red");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body.find('\x01'), std::string::npos);
  EXPECT_NE(response->body.find(">ab<"), std::string::npos) << response->body;
}

}  // namespace
}  // namespace badgesmith::e2e
