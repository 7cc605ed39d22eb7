#include "features/reports/report_parser.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "../../core/store/store_test_util.h"

namespace badgesmith::reports {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kKiB = 1024;
constexpr std::size_t kMiB = 1024 * kKiB;

const fs::path kFixtures = fs::path(BADGESMITH_SOURCE_DIR) / "tests/fixtures/reports";

std::string read_fixture(const std::string& name) {
  std::ifstream in(kFixtures / name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The known totals, as listed in tests/fixtures/reports/README.md.
struct CountedFixture {
  const char* file;
  ReportFormat format;
  TestCounts counts;  // passed, failed, skipped
};

const CountedFixture kCountedFixtures[] = {
    {"junit-surefire.xml", ReportFormat::kJUnit, {3, 3, 1}},
    {"junit-pytest.xml", ReportFormat::kJUnit, {4, 3, 2}},
    {"junit-jest.xml", ReportFormat::kJUnit, {5, 1, 2}},
    {"junit-go.xml", ReportFormat::kJUnit, {3, 2, 1}},
    {"junit-gtest.xml", ReportFormat::kJUnit, {2, 1, 2}},
    {"junit-ctest.xml", ReportFormat::kJUnit, {1, 1, 3}},
    {"junit-nested.xml", ReportFormat::kJUnit, {3, 2, 2}},
    {"junit-text-lookalikes.xml", ReportFormat::kJUnit, {1, 0, 1}},
    {"junit-utf16.xml", ReportFormat::kJUnit, {1, 1, 0}},
    {"junit-deep-200.xml", ReportFormat::kJUnit, {1, 1, 0}},
    {"junit-zero-tests.xml", ReportFormat::kJUnit, {0, 0, 0}},
    {"trx-vstest.trx", ReportFormat::kTrx, {4, 3, 2}},
    {"nunit3.xml", ReportFormat::kNUnit3, {5, 2, 2}},
    {"xunit2.xml", ReportFormat::kXUnit2, {3, 2, 2}},
    {"xunit2-single-assembly.xml", ReportFormat::kXUnit2, {1, 0, 1}},
};

struct FailingFixture {
  const char* file;
  std::string_view error_code;
};

const FailingFixture kFailingFixtures[] = {
    {"empty.xml", kReportMalformed},
    {"whitespace-only.xml", kReportMalformed},
    {"malformed-truncated.xml", kReportMalformed},
    {"malformed-nesting.xml", kReportMalformed},
    {"malformed-junk-after-root.xml", kReportMalformed},
    {"malformed-undefined-entity.xml", kReportMalformed},
    {"malformed-trx-unknown-outcome.trx", kReportMalformed},
    {"malformed-nunit-no-result.xml", kReportMalformed},
    {"malformed-deep.xml", kReportMalformed},
    {"hostile-billion-laughs.xml", kReportHostile},
    {"hostile-xxe-file.xml", kReportHostile},
    {"hostile-xxe-http.xml", kReportHostile},
    {"hostile-external-dtd.xml", kReportHostile},
    {"hostile-parameter-entity.xml", kReportHostile},
    {"hostile-internal-entity.xml", kReportHostile},
    {"unknown-html.xml", kReportUnknownFormat},
    {"unknown-nunit2.xml", kReportUnknownFormat},
    {"unknown-namespaced-junit.xml", kReportUnknownFormat},
};

std::vector<std::string> all_fixture_names() {
  std::vector<std::string> names;
  for (const auto& fixture : kCountedFixtures) names.emplace_back(fixture.file);
  for (const auto& fixture : kFailingFixtures) names.emplace_back(fixture.file);
  return names;
}

// Feeds `input` cut at the given sizes (cycled), then finishes.
Result<ParsedReport> parse_in_chunks(std::string_view input,
                                     const std::vector<std::size_t>& sizes) {
  ReportParser parser;
  for (std::size_t i = 0; !input.empty(); ++i) {
    const std::size_t take = std::min(input.size(), sizes[i % sizes.size()]);
    BOOST_OUTCOME_TRY(parser.feed(input.substr(0, take)));
    input.remove_prefix(take);
  }
  return parser.finish();
}

// Equal outcomes: the same report, or the same error code and message.
void expect_same(const Result<ParsedReport>& actual, const Result<ParsedReport>& expected) {
  ASSERT_EQ(actual.has_value(), expected.has_value());
  if (expected) {
    EXPECT_EQ(actual.value(), expected.value());
  } else {
    EXPECT_EQ(actual.error().error_code, expected.error().error_code);
    EXPECT_EQ(actual.error().message, expected.error().message);
  }
}

std::string junit_with(std::string_view testcase_body) {
  return "<testsuite><testcase name=\"t\">" + std::string(testcase_body) +
         "</testcase></testsuite>";
}

TEST(ReportParserFixtures, CountsEqualTheKnownTotals) {
  for (const auto& fixture : kCountedFixtures) {
    SCOPED_TRACE(fixture.file);
    const Result<ParsedReport> parsed = parse_report_file(kFixtures / fixture.file);
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed.value().format, fixture.format);
    EXPECT_EQ(parsed.value().counts.passed, fixture.counts.passed);
    EXPECT_EQ(parsed.value().counts.failed, fixture.counts.failed);
    EXPECT_EQ(parsed.value().counts.skipped, fixture.counts.skipped);
  }
}

TEST(ReportParserFixtures, BadReportsFailWithTheirCode) {
  for (const auto& fixture : kFailingFixtures) {
    SCOPED_TRACE(fixture.file);
    const Result<ParsedReport> parsed = parse_report_file(kFixtures / fixture.file);
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().code, Errc::kInvalidArgument);
    EXPECT_EQ(parsed.error().error_code, fixture.error_code) << parsed.error().message;
    EXPECT_TRUE(parsed.error().message.starts_with((kFixtures / fixture.file).string() + ": "))
        << parsed.error().message;
  }
}

TEST(ReportParserFixtures, MessagesNameTheLine) {
  const struct {
    const char* file;
    std::string_view line;
  } cases[] = {
      {"malformed-nesting.xml", "line 6: mismatched tag"},
      {"hostile-xxe-file.xml", "line 2: a DTD"},
      {"unknown-nunit2.xml", "line 2: the root element is none of"},
      {"malformed-trx-unknown-outcome.trx",
       "line 5: UnitTestResult has the unknown outcome \"Sideways\""},
      {"malformed-nunit-no-result.xml", "line 4: test-case has no result attribute"},
      {"malformed-deep.xml", "line 3: elements nest deeper than 256"},
      {"empty.xml", "the report is empty"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    const auto parsed = parse_report(read_fixture(c.file));
    ASSERT_FALSE(parsed);
    EXPECT_TRUE(parsed.error().message.starts_with(c.line)) << parsed.error().message;
  }
}

TEST(ReportParserChunking, OneByteAtATimeGivesTheSameResult) {
  for (const auto& name : all_fixture_names()) {
    SCOPED_TRACE(name);
    const std::string input = read_fixture(name);
    expect_same(parse_in_chunks(input, {1}), parse_report(input));
  }
}

TEST(ReportParserChunking, RandomChunksGiveTheSameResult) {
  std::mt19937 random(20240601);
  std::uniform_int_distribution<std::size_t> size(1, 4096);
  for (const auto& name : all_fixture_names()) {
    SCOPED_TRACE(name);
    const std::string input = read_fixture(name);
    for (int round = 0; round < 5; ++round) {
      std::vector<std::size_t> sizes(64);
      for (auto& s : sizes) s = size(random);
      expect_same(parse_in_chunks(input, sizes), parse_report(input));
    }
  }
}

TEST(ReportParserChunking, SlicesStraddlingManyTestsGiveTheSameResult) {
  std::string input = "<testsuites>";
  for (int i = 0; i < 5000; ++i) {
    input += "<testcase name=\"case " + std::to_string(i) + "\">";
    if (i % 7 == 0) input += "<failure message=\"m\"><![CDATA[<testcase/>]]></failure>";
    if (i % 11 == 0) input += "<skipped/>";
    input += "<system-out>" + std::string(static_cast<std::size_t>(i % 97), 'x') +
             "</system-out></testcase>\n";
  }
  input += "</testsuites>";
  const auto whole = parse_report(input);
  ASSERT_TRUE(whole) << whole.error().message;
  EXPECT_EQ(whole.value().counts.total(), 5000u);
  EXPECT_EQ(whole.value().counts.failed, 715u);         // multiples of 7
  EXPECT_EQ(whole.value().counts.skipped, 455u - 65u);  // of 11, not of 77
  expect_same(parse_in_chunks(input, {64 * kKiB - 1, 3, 64 * kKiB + 5}), whole);
  expect_same(parse_in_chunks(input, {1}), whole);
}

TEST(ReportParserHostile, StopsAtTheDoctypeWithoutReadingFurther) {
  for (const char* file : {"hostile-billion-laughs.xml", "hostile-xxe-file.xml",
                           "hostile-xxe-http.xml", "hostile-external-dtd.xml",
                           "hostile-parameter-entity.xml", "hostile-internal-entity.xml"}) {
    SCOPED_TRACE(file);
    // The first full slice already fails: the rest of a huge report is never looked at.
    ReportParser parser;
    const std::string head = read_fixture(file);
    const std::string padding(64 * kKiB, ' ');
    const Result<void> fed = parser.feed(head + padding);
    ASSERT_FALSE(fed);
    EXPECT_EQ(fed.error().error_code, kReportHostile) << fed.error().message;
    const Result<void> again = parser.feed("<testcase/>");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().message, fed.error().message);
  }
}

TEST(ReportParserFiles, MissingOrUnreadableFilesAreUnreadable) {
  store::TempDir dir;
  for (const fs::path& path : {dir.path() / "missing.xml", dir.path()}) {
    SCOPED_TRACE(path.string());
    const auto parsed = parse_report_file(path);
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().error_code, kReportUnreadable);
    EXPECT_TRUE(parsed.error().message.starts_with(path.string() + ": cannot read"))
        << parsed.error().message;
  }
}

TEST(ReportParserFormats, OutcomeValuesMapAsDocumented) {
  const struct {
    std::string_view root;
    std::string_view test;
    std::string_view value;
    TestCounts counts;
  } cases[] = {
      {"TestRun xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\"",
       "UnitTestResult outcome",
       "Passed",
       {1, 0, 0}},
      {"TestRun", "UnitTestResult outcome", "PassedButRunAborted", {1, 0, 0}},
      {"TestRun", "UnitTestResult outcome", "Completed", {1, 0, 0}},
      {"TestRun", "UnitTestResult outcome", "Warning", {1, 0, 0}},
      {"TestRun", "UnitTestResult outcome", "Failed", {0, 1, 0}},
      {"TestRun", "UnitTestResult outcome", "Error", {0, 1, 0}},
      {"TestRun", "UnitTestResult outcome", "Timeout", {0, 1, 0}},
      {"TestRun", "UnitTestResult outcome", "Aborted", {0, 1, 0}},
      {"TestRun", "UnitTestResult outcome", "Disconnected", {0, 1, 0}},
      {"TestRun", "UnitTestResult outcome", "NotRunnable", {0, 1, 0}},
      {"TestRun", "UnitTestResult outcome", "NotExecuted", {0, 0, 1}},
      {"TestRun", "UnitTestResult outcome", "Inconclusive", {0, 0, 1}},
      {"TestRun", "UnitTestResult outcome", "Pending", {0, 0, 1}},
      {"TestRun", "UnitTestResult outcome", "InProgress", {0, 0, 1}},
      {"test-run", "test-case result", "Passed", {1, 0, 0}},
      {"test-run", "test-case result", "Warning", {1, 0, 0}},
      {"test-run", "test-case result", "Failed", {0, 1, 0}},
      {"test-run", "test-case result", "Skipped", {0, 0, 1}},
      {"test-run", "test-case result", "Inconclusive", {0, 0, 1}},
      {"assemblies", "test result", "Pass", {1, 0, 0}},
      {"assemblies", "test result", "Fail", {0, 1, 0}},
      {"assemblies", "test result", "Skip", {0, 0, 1}},
      {"assemblies", "test result", "NotRun", {0, 0, 1}},
      {"testsuite", "testcase status", "run", {1, 0, 0}},
      {"testsuite", "testcase status", "notrun", {0, 0, 1}},
      {"testsuite", "testcase status", "disabled", {0, 0, 1}},
      {"testsuite", "testcase status", "anything else", {1, 0, 0}},
  };
  for (const auto& c : cases) {
    const std::string root_name(c.root.substr(0, c.root.find(' ')));
    const std::string report = "<" + std::string(c.root) + "><" + std::string(c.test) + "=\"" +
                               std::string(c.value) + "\"/></" + root_name + ">";
    SCOPED_TRACE(report);
    const auto parsed = parse_report(report);
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed.value().counts, c.counts);
  }
}

TEST(ReportParserFormats, JUnitChildrenDecideAndTheWorstWins) {
  const struct {
    std::string_view body;
    TestCounts counts;
  } cases[] = {
      {"", {1, 0, 0}},
      {"<system-out>failure</system-out>", {1, 0, 0}},
      {"<failure/>", {0, 1, 0}},
      {"<error/>", {0, 1, 0}},
      {"<failure/><error/>", {0, 1, 0}},
      {"<skipped/>", {0, 0, 1}},
      {"<disabled/>", {0, 0, 1}},
      {"<skipped/><failure/>", {0, 1, 0}},
      {"<flakyFailure/><flakyError/>", {1, 0, 0}},
      {"<properties><failure/></properties>", {1, 0, 0}},  // Not a direct child.
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.body));
    const auto parsed = parse_report(junit_with(c.body));
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed.value().counts, c.counts);
  }
}

TEST(ReportParserFormats, NamespacesAreMatchedNotPrefixes) {
  const auto prefixed = parse_report(
      "<t:TestRun xmlns:t=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\" "
      "xmlns:o=\"urn:other\"><t:Results><t:UnitTestResult outcome=\"Failed\"/>"
      "<o:UnitTestResult outcome=\"Passed\"/><UnitTestResult outcome=\"Passed\"/>"
      "</t:Results></t:TestRun>");
  ASSERT_TRUE(prefixed) << prefixed.error().message;
  EXPECT_EQ(prefixed.value(), (ParsedReport{ReportFormat::kTrx, {0, 1, 0}}));

  const auto foreign = parse_report("<TestRun xmlns=\"urn:not-trx\"/>");
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().error_code, kReportUnknownFormat);

  const auto junit = parse_report(
      "<testsuite xmlns:x=\"urn:x\"><x:testcase/><testcase><x:failure/></testcase>"
      "</testsuite>");
  ASSERT_TRUE(junit) << junit.error().message;
  EXPECT_EQ(junit.value().counts, (TestCounts{1, 0, 0}));
}

TEST(ReportParserLimits, BoundsAreMalformed) {
  std::string many_attributes = "<testsuite><testcase";
  for (int i = 0; i < 65; ++i) many_attributes += " a" + std::to_string(i) + "=\"\"";
  many_attributes += "/></testsuite>";

  std::string many_names = "<testsuite>";
  for (int i = 0; i < 3000; ++i) many_names += "<n" + std::to_string(i) + "/>";
  many_names += "</testsuite>";

  const std::string huge_attribute =
      "<testsuite><testcase name=\"" + std::string(2 * kMiB, 'x') + "\"/></testsuite>";
  const std::string huge_comment =
      "<testsuite><!--" + std::string(3 * kMiB, 'c') + "--><testcase/></testsuite>";

  for (const std::string& report : {many_attributes, many_names, huge_attribute, huge_comment}) {
    const auto parsed = parse_report(report);
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().error_code, kReportMalformed) << parsed.error().message;
  }

  // The same amount of text is fine: expat passes it on piece by piece.
  const auto long_text =
      parse_report("<testsuite><testcase><system-out>" + std::string(3 * kMiB, 'x') +
                   "</system-out></testcase></testsuite>");
  ASSERT_TRUE(long_text) << long_text.error().message;
  EXPECT_EQ(long_text.value().counts, (TestCounts{1, 0, 0}));
}

TEST(ReportParserLimits, CountsBeyondTheMaximumAreMalformed) {
  ReportLimits limits;
  limits.max_total = 2;
  const std::string two = "<testsuite><testcase/><testcase><failure/></testcase></testsuite>";
  const auto within = parse_report(two, limits);
  ASSERT_TRUE(within) << within.error().message;
  EXPECT_EQ(within.value().counts, (TestCounts{1, 1, 0}));

  const auto beyond =
      parse_report("<testsuite><testcase/><testcase/><testcase/></testsuite>", limits);
  ASSERT_FALSE(beyond);
  EXPECT_EQ(beyond.error().error_code, kReportMalformed);
  EXPECT_EQ(beyond.error().message, "line 1: more than 2 tests in the report");
}

TEST(ReportParserCounts, AddAndTotal) {
  TestCounts sum{1, 2, 3};
  sum += TestCounts{10, 20, 30};
  EXPECT_EQ(sum, (TestCounts{11, 22, 33}));
  EXPECT_EQ(sum.total(), 66u);
  EXPECT_EQ(format_name(ReportFormat::kJUnit), "junit");
  EXPECT_EQ(format_name(ReportFormat::kTrx), "trx");
  EXPECT_EQ(format_name(ReportFormat::kNUnit3), "nunit3");
  EXPECT_EQ(format_name(ReportFormat::kXUnit2), "xunit2");
}

long max_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;  // KiB on Linux.
}

struct ChildParse {
  bool parsed = false;
  TestCounts counts;
  long rss_growth_kib = 0;
};

// Parses `path` in a child process and returns what it saw. This process's peak RSS already
// holds whatever earlier tests used, which would hide the parse; a child's peak starts at its
// RSS when forked.
ChildParse parse_in_child(const fs::path& path) {
  int pipe_fds[2];
  EXPECT_EQ(pipe(pipe_fds), 0);
  const pid_t pid = fork();
  if (pid == 0) {
    close(pipe_fds[0]);
    const long before = max_rss_kib();
    const auto parsed = parse_report_file(path);
    ChildParse seen{parsed.has_value(), parsed ? parsed.value().counts : TestCounts{},
                    max_rss_kib() - before};
    const bool written = write(pipe_fds[1], &seen, sizeof seen) == sizeof seen;
    _exit(written ? 0 : 1);
  }
  close(pipe_fds[1]);
  ChildParse seen;
  EXPECT_EQ(read(pipe_fds[0], &seen, sizeof seen), static_cast<ssize_t>(sizeof seen));
  close(pipe_fds[0]);
  int status = 0;
  EXPECT_EQ(waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  return seen;
}

// Writes a JUnit report of about `target_bytes` block by block, never holding it whole, and
// returns its counts. Each block mixes passes, failures with CDATA output and skips.
TestCounts write_large_report(const fs::path& path, std::size_t target_bytes) {
  std::string block;
  TestCounts block_counts;
  for (int i = 0; i < 100; ++i) {
    block += "    <testcase classname=\"com.example.Big\" name=\"case" + std::to_string(i) +
             "\" time=\"0.001\">";
    if (i % 10 == 3) {
      block += "<failure message=\"expected &lt;1&gt;\" type=\"AssertionError\"><![CDATA[" +
               std::string(600, 'f') + "\n<testcase name=\"fake\"/>]]></failure>";
      ++block_counts.failed;
    } else if (i % 10 == 7) {
      block += "<skipped message=\"later\"/>";
      ++block_counts.skipped;
    } else {
      ++block_counts.passed;
    }
    block += "<system-out>" + std::string(200, 'o') + "</system-out></testcase>\n";
  }
  std::FILE* file = std::fopen(path.c_str(), "wb");
  EXPECT_NE(file, nullptr);
  TestCounts counts;
  std::size_t written = 0;
  const std::string head =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n<testsuite>\n";
  written += std::fwrite(head.data(), 1, head.size(), file);
  while (written < target_bytes) {
    written += std::fwrite(block.data(), 1, block.size(), file);
    counts += block_counts;
  }
  const std::string tail = "</testsuite>\n</testsuites>\n";
  std::fwrite(tail.data(), 1, tail.size(), file);
  std::fclose(file);
  return counts;
}

TEST(ReportParserLarge, TwoHundredMegabytesInBoundedMemory) {
  store::TempDir dir;
  const fs::path path = dir.path() / "TEST-big.xml";
  const TestCounts expected = write_large_report(path, 200 * kMiB);
  ASSERT_GE(fs::file_size(path), 200 * kMiB);

  const ChildParse seen = parse_in_child(path);
  ASSERT_TRUE(seen.parsed);
  EXPECT_EQ(seen.counts, expected);
  EXPECT_LT(seen.rss_growth_kib, 64 * 1024);  // KiB
  RecordProperty("peak_rss_growth_kib", static_cast<int>(seen.rss_growth_kib));
  std::printf("200 MB report: %llu tests, peak RSS growth %ld KiB\n",
              static_cast<unsigned long long>(expected.total()), seen.rss_growth_kib);
}

}  // namespace
}  // namespace badgesmith::reports
