// Counting the tests in a CI test report: JUnit XML (and its dialects: Maven Surefire, pytest,
// jest-junit, go-junit-report, ctest, gtest), .NET TRX, NUnit 3 and xUnit v2, the format told by
// the root element. Reports come from anywhere, so parsing is streaming (memory stays bounded
// whatever the size), refuses DTDs and entities outright and bounds nesting, attributes, the size
// of one piece of markup and the number of distinct names. docs/reports.md has the mapping of
// each format's outcomes and the limits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <memory>
#include <string_view>

#include "core/result.h"

namespace badgesmith::reports {

// Error codes (Error::error_code); every failure is Errc::kInvalidArgument.
// Not well-formed XML (empty, truncated, an undefined entity, an encoding expat lacks), a missing
// or unknown outcome in a format that requires one, or beyond a ReportLimits bound.
inline constexpr std::string_view kReportMalformed = "REPORT_MALFORMED";
// A DTD, an entity declaration or an external entity: never expanded, never fetched.
inline constexpr std::string_view kReportHostile = "REPORT_HOSTILE";
// A root element that is none of the four formats'.
inline constexpr std::string_view kReportUnknownFormat = "REPORT_UNKNOWN_FORMAT";
// parse_report_file only: missing, a directory, no permission, an I/O error.
inline constexpr std::string_view kReportUnreadable = "REPORT_UNREADABLE";

// The largest total a report may have: the test-result payload carries counts as int64.
inline constexpr std::uint64_t kMaxTestCount = std::numeric_limits<std::int64_t>::max();

struct TestCounts {
  std::uint64_t passed = 0;
  std::uint64_t failed = 0;
  std::uint64_t skipped = 0;

  std::uint64_t total() const { return passed + failed + skipped; }
  // REQUIRES: total() + other.total() <= kMaxTestCount. A parsed report holds at most
  // kMaxTestCount tests and each one costs bytes of input, so sums of real reports stay far
  // below it (asserted).
  TestCounts& operator+=(const TestCounts& other);

  friend bool operator==(const TestCounts&, const TestCounts&) = default;
};

enum class ReportFormat { kJUnit, kTrx, kNUnit3, kXUnit2 };

// "junit", "trx", "nunit3", "xunit2".
std::string_view format_name(ReportFormat format);

struct ParsedReport {
  ReportFormat format = ReportFormat::kJUnit;
  TestCounts counts;

  friend bool operator==(const ParsedReport&, const ParsedReport&) = default;
};

// Bounds on what one report may cost. Going beyond any of them is kReportMalformed. The defaults
// are far above what the tools write (the deepest real report nests about ten elements; an
// element has at most twenty attributes) and keep a parser within a few MiB.
struct ReportLimits {
  // Elements open at once.
  int max_depth = 256;
  // Attributes of one element.
  std::size_t max_attributes = 64;
  // One tag, comment or processing instruction: expat holds each whole in memory. Checked per
  // 64 KiB slice, so up to a slice more may pass.
  std::size_t max_markup_bytes = std::size_t{1024} * 1024;
  // Distinct element, attribute and prefix names, 32 bytes each plus their length: expat keeps
  // every name it has seen until the end.
  std::size_t max_name_bytes = std::size_t{64} * 1024;
  // Tests counted.
  std::uint64_t max_total = kMaxTestCount;
};

// A streaming parse of one report: feed() its bytes in chunks of any size, then finish(). The
// result does not depend on how the input is cut: the parser hands expat 64 KiB slices at fixed
// offsets, so even error messages are the same.
//
// Errors carry an error code above and a message that names the line where expat knows one
// ("line 12: …") and quotes nothing from the report but short alphanumeric outcome values.
// Thread-safety: one parser per thread; distinct parsers are independent.
class ReportParser {
 public:
  explicit ReportParser(const ReportLimits& limits = {});
  ~ReportParser();
  ReportParser(ReportParser&&) noexcept;
  ReportParser& operator=(ReportParser&&) noexcept;

  // Parses as much of the input as forms whole 64 KiB slices. Fails as soon as a slice shows the
  // report malformed, hostile or of unknown format; the same error then comes back from every
  // later call. A report smaller than a slice is only looked at by finish().
  // REQUIRES: finish() not called yet.
  Result<void> feed(std::string_view chunk);

  // Parses the rest and returns the format and the counts. Zero bytes in all is malformed (no
  // root element); a well-formed report without tests is counts of zero.
  // REQUIRES: not called before.
  Result<ParsedReport> finish();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// One ReportParser over `whole`.
Result<ParsedReport> parse_report(std::string_view whole, const ReportLimits& limits = {});

// Reads `path` in 64 KiB chunks (never the whole file) into a ReportParser. A file that cannot
// be opened or read is kReportUnreadable. Every message starts with the path.
Result<ParsedReport> parse_report_file(const std::filesystem::path& path,
                                       const ReportLimits& limits = {});

}  // namespace badgesmith::reports
