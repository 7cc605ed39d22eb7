#include "core/log/access_log.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace badgesmith::log {
namespace {

class AccessLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/badgesmith-access-XXXXXX";
    const int fd = mkstemp(pattern);
    ASSERT_GE(fd, 0);
    path_ = pattern;
    fd_ = fd;
  }
  void TearDown() override { std::remove(path_.c_str()); }

  std::vector<std::string> lines() const {
    std::ifstream in(path_);
    std::vector<std::string> result;
    for (std::string line; std::getline(in, line);) result.push_back(line);
    return result;
  }

  std::string path_;
  int fd_ = -1;
};

TEST_F(AccessLogTest, WritesOneEscapedJsonLinePerRecordAndFlushesOnDestruction) {
  {
    AccessLog log(fd_, true);
    log.record({"id-1", "GET", "/a\"b\n", 200, 12, 345, "127.0.0.1"});
    log.record({"id-2", "POST", "/x", 413, 0, 7, "::1"});
  }
  const auto written = lines();
  ASSERT_EQ(written.size(), 2U);
  EXPECT_NE(
      written[0].find(
          R"("request_id":"id-1","method":"GET","path":"/a\"b\u000a","status":200,"bytes":12,"duration_us":345,"client":"127.0.0.1"})"),
      std::string::npos)
      << written[0];
  EXPECT_EQ(written[0].rfind("{\"time\":\"", 0), 0U);
  EXPECT_NE(written[1].find(R"("status":413)"), std::string::npos);
}

TEST_F(AccessLogTest, FlushesWithinTheIntervalWithoutDestruction) {
  AccessLog log(fd_, true);
  log.record({"id", "GET", "/", 200, 1, 1, "c"});
  // The writer promises a flush every 100 ms; allow ample slack on a loaded machine.
  for (int i = 0; i < 100 && lines().empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(lines().size(), 1U);
}

TEST_F(AccessLogTest, ManyThreadsNeverInterleaveLines) {
  {
    AccessLog log(fd_, true);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&log, t] {
        const std::string id = "thread-" + std::to_string(t);
        for (int i = 0; i < 2000; ++i) log.record({id, "GET", "/path", 200, 1, 1, "c"});
      });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(log.dropped_lines(), 0U);
  }
  const auto written = lines();
  ASSERT_EQ(written.size(), 8000U);
  for (const std::string& line : written) {
    ASSERT_EQ(line.front(), '{');
    ASSERT_EQ(line.back(), '}');
  }
}

}  // namespace
}  // namespace badgesmith::log
