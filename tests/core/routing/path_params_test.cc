#include "core/routing/path_params.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace badgesmith::routing {
namespace {

static_assert(std::is_nothrow_copy_constructible_v<PathParams>);
static_assert(std::is_nothrow_move_constructible_v<PathParams>);
static_assert(std::is_nothrow_move_assignable_v<PathParams>);

PathParams make_params() {
  PathParams params;
  EXPECT_TRUE(params.begin("owner"));
  EXPECT_TRUE(params.append("octo"));
  EXPECT_TRUE(params.begin("branch"));
  EXPECT_TRUE(params.append("feature"));
  EXPECT_TRUE(params.append("/"));
  EXPECT_TRUE(params.append_decoded("x%2Fy+z"));
  return params;
}

void expect_filled(const PathParams& params) {
  ASSERT_EQ(params.size(), 2u);
  EXPECT_EQ(params.get("owner"), "octo");
  EXPECT_EQ(params.get("branch"), "feature/x/y+z");
  EXPECT_EQ(params.name(0), "owner");
  EXPECT_EQ(params.value(1), "feature/x/y+z");
}

TEST(PathParamsTest, GetIsCaseInsensitiveAndEmptyWhenAbsent) {
  const PathParams params = make_params();
  expect_filled(params);
  EXPECT_EQ(params.get("OWNER"), "octo");
  EXPECT_EQ(params.get("Branch"), "feature/x/y+z");
  EXPECT_EQ(params.get("repo"), "");
  EXPECT_TRUE(params.contains("OWNER"));
  EXPECT_FALSE(params.contains("repo"));
}

TEST(PathParamsTest, EmptyValueIsPresent) {
  PathParams params;
  ASSERT_TRUE(params.begin("x"));
  EXPECT_TRUE(params.append(std::string_view()));
  EXPECT_EQ(params.size(), 1u);
  EXPECT_TRUE(params.contains("x"));
  EXPECT_EQ(params.get("x"), "");
}

TEST(PathParamsTest, ClearEmpties) {
  PathParams params = make_params();
  params.clear();
  EXPECT_EQ(params.size(), 0u);
  EXPECT_TRUE(params.empty());
  EXPECT_EQ(params.get("owner"), "");
  // Refilling after clear reuses the buffer from the start.
  ASSERT_TRUE(params.begin("a"));
  ASSERT_TRUE(params.append("1"));
  EXPECT_EQ(params.get("a"), "1");
}

TEST(PathParamsTest, CopyIsIndependentOfTheSource) {
  auto source = std::make_unique<PathParams>(make_params());
  PathParams copy(*source);
  PathParams assigned;
  assigned = *source;
  // Overwrite and destroy the source: copies must not point into it.
  source->clear();
  ASSERT_TRUE(source->begin("owner"));
  ASSERT_TRUE(source->append("XXXXXXXXXXXXXXXXXXXXXX"));
  source.reset();
  expect_filled(copy);
  expect_filled(assigned);
}

TEST(PathParamsTest, MoveKeepsValues) {
  auto source = std::make_unique<PathParams>(make_params());
  PathParams moved(std::move(*source));
  PathParams move_assigned;
  move_assigned = std::move(moved);
  source.reset();
  expect_filled(move_assigned);
}

TEST(PathParamsTest, SurvivesVectorReallocation) {
  std::vector<PathParams> all;
  for (int i = 0; i < 20; ++i) all.push_back(make_params());  // Relocates earlier elements.
  for (const PathParams& params : all) expect_filled(params);
}

TEST(PathParamsTest, SelfAssignment) {
  PathParams params = make_params();
  PathParams& alias = params;
  params = alias;
  expect_filled(params);
}

TEST(PathParamsTest, AtMostMaxParams) {
  PathParams params;
  static const std::string kNames[] = {"p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7"};
  for (const std::string& name : kNames) {
    ASSERT_TRUE(params.begin(name));
    ASSERT_TRUE(params.append(name));
  }
  EXPECT_EQ(params.size(), PathParams::kMaxParams);
  EXPECT_FALSE(params.begin("p8"));
  EXPECT_EQ(params.size(), PathParams::kMaxParams);
  EXPECT_EQ(params.get("p7"), "p7");
}

TEST(PathParamsTest, OverflowFailsWithoutAppending) {
  PathParams params;
  ASSERT_TRUE(params.begin("big"));
  const std::string almost(PathParams::kCapacity - 1, 'a');
  ASSERT_TRUE(params.append(almost));
  EXPECT_FALSE(params.append("bc"));
  EXPECT_FALSE(params.append_decoded("%41%42"));  // Decodes to 2 bytes: still too many.
  EXPECT_EQ(params.get("big"), almost);
  EXPECT_TRUE(params.append_decoded("%41"));  // Exactly fills the buffer.
  EXPECT_EQ(params.get("big").size(), PathParams::kCapacity);
  EXPECT_FALSE(params.append("x"));
}

TEST(PathParamsTest, AppendDecodedRejectsInvalidEncoding) {
  PathParams params;
  ASSERT_TRUE(params.begin("v"));
  ASSERT_TRUE(params.append("ok"));
  EXPECT_FALSE(params.append_decoded("bad%2"));
  EXPECT_EQ(params.get("v"), "ok");
}

}  // namespace
}  // namespace badgesmith::routing
