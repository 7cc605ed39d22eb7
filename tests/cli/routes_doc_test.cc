// docs/routes.md promises a newcomer where each route lives; this keeps the promise true.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "cli/app.h"

namespace badgesmith::cli {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

TEST(RoutesDoc, ListsExactlyTheRoutesTheAppRegistersAndWhere) {
  const std::filesystem::path source_dir = BADGESMITH_SOURCE_DIR;
  char pattern[] = "/tmp/badgesmith-routes-XXXXXX";
  ASSERT_NE(mkdtemp(pattern), nullptr);
  const std::filesystem::path data_dir = pattern;
  {
    AppConfig config;
    config.data_dir = data_dir;
    config.store_threads = 1;
    auto app = build_app(config);
    ASSERT_TRUE(app) << app.error().message;

    std::set<std::pair<std::string, std::string>> registered;
    app.value()->router.for_each_route(
        [&registered](std::string_view method, std::string_view route) {
          registered.emplace(std::string(method), std::string(route));
        });

    const std::string doc = read_file(source_dir / "docs/routes.md");
    const std::regex row(R"(\|\s*([A-Z]+)\s*\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*\|)");
    std::set<std::pair<std::string, std::string>> documented;
    for (auto it = std::sregex_iterator(doc.begin(), doc.end(), row); it != std::sregex_iterator();
         ++it) {
      const std::string method = (*it)[1];
      const std::string route = (*it)[2];
      const std::string file = (*it)[3];
      documented.emplace(method, route);
      const std::string code = read_file(source_dir / file);
      EXPECT_NE(code.find('"' + route + '"'), std::string::npos)
          << route << " is not registered in " << file;
    }
    EXPECT_EQ(documented, registered);
    app.value()->pool->shutdown();
  }
  std::filesystem::remove_all(data_dir);
}

}  // namespace
}  // namespace badgesmith::cli
