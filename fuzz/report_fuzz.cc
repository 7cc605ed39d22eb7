// libFuzzer target for the CI report parser (features/reports): whatever file a CI job points
// `badgesmith report` at, and it may come from a pull request's tests, so it is untrusted.
//
// Besides not crashing: every failure is kInvalidArgument with one of the four report error
// codes; a success counts no more tests than the input has '<' bytes; the result (counts, or
// error code and message) is the same whether the input is fed whole, one byte at a time or in
// uneven chunks; and tighter limits only ever turn a success into REPORT_MALFORMED, never into
// other counts.
//
// Input layout: the report itself, so fixtures serve as seeds unchanged.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "features/reports/report_parser.h"

namespace {

namespace reports = badgesmith::reports;
using badgesmith::Result;

void check(bool condition) {
  if (!condition) __builtin_trap();
}

bool is_report_code(std::string_view code) {
  return code == reports::kReportMalformed || code == reports::kReportHostile ||
         code == reports::kReportUnknownFormat || code == reports::kReportUnreadable;
}

// Feeds `input` in chunks of 1 + (size mod `spread`) bytes, the size stepping by a small LCG
// seeded from the input, so chunk boundaries land everywhere.
Result<reports::ParsedReport> parse_in_chunks(std::string_view input, std::uint32_t spread) {
  reports::ReportParser parser;
  std::uint32_t state = static_cast<std::uint32_t>(input.size()) * 2654435761u;
  while (!input.empty()) {
    state = state * 1664525u + 1013904223u;
    const std::size_t take = std::min<std::size_t>(input.size(), 1 + (state >> 16) % spread);
    if (auto fed = parser.feed(input.substr(0, take)); !fed) return fed.error();
    input.remove_prefix(take);
  }
  return parser.finish();
}

void check_same(const Result<reports::ParsedReport>& a, const Result<reports::ParsedReport>& b) {
  check(a.has_value() == b.has_value());
  if (a) {
    check(a.value() == b.value());
  } else {
    check(a.error().error_code == b.error().error_code);
    check(a.error().message == b.error().message);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const Result<reports::ParsedReport> whole = reports::parse_report(input);
  if (whole) {
    const reports::TestCounts& counts = whole.value().counts;
    check(counts.total() == counts.passed + counts.failed + counts.skipped);
    check(counts.total() <=
          static_cast<std::uint64_t>(std::count(input.begin(), input.end(), '<')));
  } else {
    check(whole.error().code == badgesmith::Errc::kInvalidArgument);
    check(is_report_code(whole.error().error_code));
    check(whole.error().error_code != reports::kReportUnreadable);  // Only files are unreadable.
  }

  check_same(parse_in_chunks(input, 1), whole);
  check_same(parse_in_chunks(input, 7), whole);
  check_same(parse_in_chunks(input, 300), whole);

  reports::ReportLimits tight;
  tight.max_depth = 4;
  tight.max_attributes = 3;
  tight.max_name_bytes = 8 * 40;
  tight.max_total = 3;
  const Result<reports::ParsedReport> bounded = reports::parse_report(input, tight);
  if (bounded) {
    check(whole.has_value() && whole.value() == bounded.value());
  } else if (whole) {
    check(bounded.error().error_code == reports::kReportMalformed);
  }
  return 0;
}
