#include "features/badges/endpoint_json.h"

#include <gtest/gtest.h>

namespace badgesmith::badges {
namespace {

TEST(EndpointJson, SerialisesInSchemaOrderWithoutNulls) {
  EndpointBadge badge;
  badge.label = "nuget";
  badge.message = "13.0.3";
  badge.color = "blue";
  badge.named_logo = "nuget";
  EXPECT_EQ(
      to_endpoint_json(badge),
      R"({"schemaVersion":1,"label":"nuget","message":"13.0.3","color":"blue","namedLogo":"nuget"})");

  EndpointBadge full;
  full.label = "";
  full.message = "a \"b\" \xc3\xa9";
  full.label_color = "#555";
  full.is_error = true;
  full.style = "flat-square";
  full.cache_seconds = 600;
  EXPECT_EQ(
      to_endpoint_json(full),
      "{\"schemaVersion\":1,\"label\":\"\",\"message\":\"a \\\"b\\\" \xc3\xa9\",\"labelColor\":"
      "\"#555\",\"isError\":true,\"style\":\"flat-square\",\"cacheSeconds\":600}");
}

TEST(EndpointJson, RoundTrips) {
  const std::string json =
      R"({"schemaVersion":1,"label":"tests","message":"5 passed","color":"brightgreen","namedLogo":"github","logoColor":"white","cacheSeconds":300})";
  const auto parsed = parse_endpoint_json(json);
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(to_endpoint_json(parsed.value()), json);
}

TEST(EndpointJson, AcceptsShieldsConversions) {
  const auto parsed = parse_endpoint_json(
      R"({"label":"","message":"m","isError":"TRUE","cacheSeconds":"600","logoSvg":"<svg/>","logoWidth":"20"})");
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_TRUE(parsed.value().is_error);
  EXPECT_EQ(parsed.value().cache_seconds, 600);
  EXPECT_EQ(parsed.value().logo_width, 20.0);
}

TEST(EndpointJson, ReportsInvalidPropertiesAsShieldsDoes) {
  const struct {
    const char* json;
    const char* message;
  } cases[] = {
      {R"({"schemaVersion":-1})", "invalid properties: schemaVersion, label, message"},
      {R"({"label":"a","message":"b","extra":1,"bogus":2})", "invalid properties: extra, bogus"},
      {R"({"schemaVersion":"1","label":"a","message":"b"})", "invalid properties: schemaVersion"},
      {R"({"label":"a","message":""})", "invalid properties: message"},
      {R"({"label":"a","message":5})", "invalid properties: message"},
      {R"({"label":3,"message":"b"})", "invalid properties: label"},
      {R"({"label":"a","message":"b","logoColor":"red"})", "invalid properties: logoColor"},
      {R"({"label":"a","message":"b","logoSize":"auto","logoSvg":"<svg/>"})",
       "invalid properties: logoSize"},
      {R"({"label":"a","message":"b","logoWidth":10})", "invalid properties: logoWidth"},
      {R"({"label":"a","message":"b","namedLogo":"x","logoSvg":"<svg/>"})", "invalid properties: "},
      {R"({"label":"a","message":"b","cacheSeconds":1.5})", "invalid properties: cacheSeconds"},
      {R"({"label":"a","message":"b","cacheSeconds":-1})", "invalid properties: cacheSeconds"},
      {R"({"label":"a","message":"b","isError":"yes"})", "invalid properties: isError"},
      {R"({"label":"a","message":"b","color":7})", "invalid properties: color"},
      {R"([1,2])", "invalid json"},
      {R"({"label":)", "invalid json"},
      {"", "invalid json"},
  };
  for (const auto& c : cases) {
    const auto parsed = parse_endpoint_json(c.json);
    ASSERT_FALSE(parsed) << c.json;
    EXPECT_EQ(parsed.error().message, c.message) << c.json;
    EXPECT_EQ(parsed.error().code, Errc::kInvalidArgument);
  }
}

}  // namespace
}  // namespace badgesmith::badges
