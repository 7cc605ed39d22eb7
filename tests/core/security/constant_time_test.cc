#include "core/security/constant_time.h"

#include <gtest/gtest.h>

#include <string>

namespace badgesmith::security {
namespace {

TEST(ConstantTimeTest, ComparesBytes) {
  EXPECT_TRUE(constant_time_equals("", ""));
  EXPECT_TRUE(constant_time_equals("sha256=abc", "sha256=abc"));
  EXPECT_TRUE(constant_time_equals(std::string("a\0b", 3), std::string("a\0b", 3)));
  EXPECT_FALSE(constant_time_equals("abc", "abd"));
  EXPECT_FALSE(constant_time_equals("abc", "Abc"));
  EXPECT_FALSE(constant_time_equals(std::string("a\0b", 3), std::string("a\0c", 3)));
  EXPECT_FALSE(constant_time_equals("abc", "ab"));
  EXPECT_FALSE(constant_time_equals("", "a"));
}

}  // namespace
}  // namespace badgesmith::security
