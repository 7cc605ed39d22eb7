#include "features/reports/report_parser.h"

#include <expat.h>

#include <algorithm>
#include <cassert>
#include <cerrno>
#include <cstdio>
#include <functional>
#include <new>
#include <optional>
#include <span>
#include <string>
#include <system_error>
#include <unordered_set>
#include <utility>
#include <vector>

namespace badgesmith::reports {
namespace {

constexpr std::size_t kSliceBytes = std::size_t{64} * 1024;
// U+0001 may not occur in an XML 1.0 document, not even as a character reference, so it can
// separate a namespace URI, a local name and a prefix without ambiguity.
constexpr XML_Char kNamespaceSeparator = '\x01';
constexpr std::string_view kTrxNamespace =
    "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
// What expat spends on a name besides its bytes (hash-table entry, pool header), roughly.
constexpr std::size_t kNameOverheadBytes = 32;

// Ordered: the worst verdict a test collects wins.
enum class Verdict : std::uint8_t { kPassed, kSkipped, kFailed };

struct NamedVerdict {
  std::string_view name;
  Verdict verdict;
};

// How a format marks its tests: elements named `test_element` in the root's namespace, judged
// by `outcome_attribute` through `outcomes` and made worse by children named in
// `child_verdicts`. A missing or unlisted outcome makes the report malformed when
// `outcome_required`, else leaves the test passed.
struct FormatRules {
  ReportFormat format;
  std::string_view test_element;
  std::string_view outcome_attribute;
  std::span<const NamedVerdict> outcomes;
  bool outcome_required;
  std::span<const NamedVerdict> child_verdicts;
};

// gtest and ctest mark tests they did not run with `status` alone, without a child element.
constexpr NamedVerdict kJUnitStatuses[] = {{"notrun", Verdict::kSkipped},
                                           {"disabled", Verdict::kSkipped}};
constexpr NamedVerdict kJUnitChildren[] = {{"failure", Verdict::kFailed},
                                           {"error", Verdict::kFailed},
                                           {"skipped", Verdict::kSkipped},
                                           {"disabled", Verdict::kSkipped}};
// vstest's TestOutcome values. A test that ran to the end without failing passed, whatever the
// run did afterwards; one that could not run properly (agent gone, not runnable) failed; one that
// never gave a verdict was skipped.
constexpr NamedVerdict kTrxOutcomes[] = {
    {"Passed", Verdict::kPassed},       {"PassedButRunAborted", Verdict::kPassed},
    {"Completed", Verdict::kPassed},    {"Warning", Verdict::kPassed},
    {"Failed", Verdict::kFailed},       {"Error", Verdict::kFailed},
    {"Timeout", Verdict::kFailed},      {"Aborted", Verdict::kFailed},
    {"Disconnected", Verdict::kFailed}, {"NotRunnable", Verdict::kFailed},
    {"NotExecuted", Verdict::kSkipped}, {"Inconclusive", Verdict::kSkipped},
    {"Pending", Verdict::kSkipped},     {"InProgress", Verdict::kSkipped}};
// NUnit 3 puts errors, cancellations and invalid tests under "Failed" (the `label` tells them
// apart) and ignored and explicit ones under "Skipped". A warning does not fail a test in NUnit.
constexpr NamedVerdict kNUnitResults[] = {{"Passed", Verdict::kPassed},
                                          {"Warning", Verdict::kPassed},
                                          {"Failed", Verdict::kFailed},
                                          {"Skipped", Verdict::kSkipped},
                                          {"Inconclusive", Verdict::kSkipped}};
constexpr NamedVerdict kXUnitResults[] = {{"Pass", Verdict::kPassed},
                                          {"Fail", Verdict::kFailed},
                                          {"Skip", Verdict::kSkipped},
                                          {"NotRun", Verdict::kSkipped}};

constexpr FormatRules kJUnitRules{ReportFormat::kJUnit, "testcase", "status",
                                  kJUnitStatuses,       false,      kJUnitChildren};
constexpr FormatRules kTrxRules{
    ReportFormat::kTrx, "UnitTestResult", "outcome", kTrxOutcomes, true, {}};
constexpr FormatRules kNUnitRules{ReportFormat::kNUnit3, "test-case", "result",
                                  kNUnitResults,         true,        {}};
constexpr FormatRules kXUnitRules{ReportFormat::kXUnit2, "test", "result", kXUnitResults, true, {}};

std::optional<Verdict> find_verdict(std::span<const NamedVerdict> table, std::string_view name) {
  const auto it = std::find_if(table.begin(), table.end(),
                               [&](const NamedVerdict& entry) { return entry.name == name; });
  if (it == table.end()) return std::nullopt;
  return it->verdict;
}

// Only TRX has a namespace; some converters leave it out, so an unqualified TestRun is TRX too.
const FormatRules* rules_for_root(std::string_view ns, std::string_view local) {
  if (local == "TestRun" && (ns == kTrxNamespace || ns.empty())) return &kTrxRules;
  if (!ns.empty()) return nullptr;
  if (local == "testsuites" || local == "testsuite") return &kJUnitRules;
  if (local == "test-run") return &kNUnitRules;
  if (local == "assemblies" || local == "assembly") return &kXUnitRules;
  return nullptr;
}

struct ExpandedName {
  std::string_view ns;
  std::string_view local;
};

// expat hands names over as "local", "uri\1local" or, with a prefix, "uri\1local\1prefix".
ExpandedName split_name(std::string_view name) {
  const auto first = name.find(kNamespaceSeparator);
  if (first == std::string_view::npos) return {{}, name};
  const std::string_view rest = name.substr(first + 1);
  return {name.substr(0, first), rest.substr(0, rest.find(kNamespaceSeparator))};
}

// The message ends up on a terminal: only short alphanumeric values are quoted, so a report
// cannot write control sequences there.
std::string describe_value(std::string_view value) {
  const bool quotable =
      !value.empty() && value.size() <= 32 && std::all_of(value.begin(), value.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      });
  return quotable ? "\"" + std::string(value) + "\"" : std::string("a value");
}

Error report_error(std::string_view error_code, std::string message) {
  return make_error(Errc::kInvalidArgument, std::move(message), std::string(error_code));
}

}  // namespace

TestCounts& TestCounts::operator+=(const TestCounts& other) {
  assert(other.total() <= kMaxTestCount - total());
  passed += other.passed;
  failed += other.failed;
  skipped += other.skipped;
  return *this;
}

std::string_view format_name(ReportFormat format) {
  switch (format) {
    case ReportFormat::kJUnit:
      return "junit";
    case ReportFormat::kTrx:
      return "trx";
    case ReportFormat::kNUnit3:
      return "nunit3";
    case ReportFormat::kXUnit2:
      return "xunit2";
  }
  return "unknown";
}

// Holds the expat parser, whose callbacks point at this object: it never moves.
class ReportParser::Impl {
 public:
  explicit Impl(const ReportLimits& limits)
      : limits_(limits), parser_(XML_ParserCreateNS(nullptr, kNamespaceSeparator)) {
    if (parser_ == nullptr) throw std::bad_alloc();
    staged_.reserve(kSliceBytes);
    XML_SetUserData(parser_, this);
    XML_SetReturnNSTriplet(parser_, XML_TRUE);
    XML_SetElementHandler(parser_, on_start, on_end);
    XML_SetStartNamespaceDeclHandler(parser_, on_namespace);
    // Every token without a handler above (text, CDATA, comments, processing instructions) comes
    // here, so each one moves markup_end_ on and only an unfinished token is left after it.
    XML_SetDefaultHandler(parser_, on_other);
    // Entities are how XML bombs and external fetches (XXE) work, and a DTD is where they are
    // declared. No test tool writes either, so the first sign of one ends the parse.
    XML_SetStartDoctypeDeclHandler(parser_, on_doctype);
    XML_SetEntityDeclHandler(parser_, on_entity);
    XML_SetExternalEntityRefHandler(parser_, on_external_entity);
    XML_SetParamEntityParsing(parser_, XML_PARAM_ENTITY_PARSING_NEVER);
  }
  ~Impl() { XML_ParserFree(parser_); }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  Result<void> feed(std::string_view chunk) {
    assert(!finished_);
    while (!chunk.empty() && !error_) {
      const std::size_t take = std::min(chunk.size(), kSliceBytes - staged_.size());
      staged_.append(chunk.substr(0, take));
      chunk.remove_prefix(take);
      if (staged_.size() == kSliceBytes) parse_staged(false);
    }
    if (error_) return *error_;
    return success();
  }

  Result<ParsedReport> finish() {
    assert(!finished_);
    finished_ = true;
    if (!error_ && parsed_bytes_ + staged_.size() == 0) {
      error_ = report_error(kReportMalformed, "the report is empty");
    }
    if (!error_) parse_staged(true);
    if (error_) return *error_;
    // expat refuses a document without a root element, and an unknown root stops the parse.
    assert(rules_ != nullptr);
    return ParsedReport{rules_->format, counts_};
  }

 private:
  struct Frame {
    bool is_test = false;
    bool has_inner_test = false;
    Verdict verdict = Verdict::kPassed;
    // Index in open_ of the innermost test element open here (this one included), or -1.
    int innermost_test = -1;
  };

  static void XMLCALL on_start(void* self, const XML_Char* name, const XML_Char** attributes) {
    static_cast<Impl*>(self)->start_element(name, attributes);
  }
  static void XMLCALL on_end(void* self, const XML_Char*) {
    static_cast<Impl*>(self)->end_element();
  }
  static void XMLCALL on_namespace(void* self, const XML_Char* prefix, const XML_Char*) {
    auto& impl = *static_cast<Impl*>(self);
    impl.note_progress();
    impl.note_name(prefix == nullptr ? "" : prefix);
  }
  static void XMLCALL on_other(void* self, const XML_Char*, int) {
    static_cast<Impl*>(self)->note_progress();
  }
  static void XMLCALL on_doctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*,
                                 int) {
    static_cast<Impl*>(self)->fail(kReportHostile, "a DTD (<!DOCTYPE>) is refused");
  }
  static void XMLCALL on_entity(void* self, const XML_Char*, int, const XML_Char*, int,
                                const XML_Char*, const XML_Char*, const XML_Char*,
                                const XML_Char*) {
    static_cast<Impl*>(self)->fail(kReportHostile, "an entity declaration is refused");
  }
  static int XMLCALL on_external_entity(XML_Parser parser, const XML_Char*, const XML_Char*,
                                        const XML_Char*, const XML_Char*) {
    static_cast<Impl*>(XML_GetUserData(parser))
        ->fail(kReportHostile, "an external entity is refused");
    return XML_STATUS_ERROR;
  }

  void start_element(const XML_Char* raw_name, const XML_Char** attributes) {
    if (error_) return;
    note_progress();
    if (open_.size() >= static_cast<std::size_t>(limits_.max_depth)) {
      return fail(kReportMalformed,
                  "elements nest deeper than " + std::to_string(limits_.max_depth));
    }
    std::size_t attribute_count = 0;
    for (; attributes[2 * attribute_count] != nullptr; ++attribute_count) {
      if (attribute_count == limits_.max_attributes) {
        return fail(kReportMalformed, "an element has more than " +
                                          std::to_string(limits_.max_attributes) + " attributes");
      }
      note_name(attributes[2 * attribute_count]);
    }
    note_name(raw_name);
    if (error_) return;

    const ExpandedName name = split_name(raw_name);
    if (rules_ == nullptr) {
      rules_ = rules_for_root(name.ns, name.local);
      if (rules_ == nullptr) {
        return fail(kReportUnknownFormat,
                    "the root element is none of testsuites, testsuite (JUnit), TestRun (TRX), "
                    "test-run (NUnit 3), assemblies, assembly (xUnit)");
      }
      root_namespace_ = name.ns;
    }
    Frame frame;
    frame.innermost_test = open_.empty() ? -1 : open_.back().innermost_test;
    if (name.ns == root_namespace_) {
      if (name.local == rules_->test_element) {
        const std::optional<Verdict> verdict = outcome_of(attributes);
        if (!verdict) return;
        // Data-driven and ordered TRX tests nest their runs in the parent's result; only the
        // innermost results are tests.
        if (frame.innermost_test >= 0) open_[frame.innermost_test].has_inner_test = true;
        frame.is_test = true;
        frame.verdict = *verdict;
        frame.innermost_test = static_cast<int>(open_.size());
      } else if (!open_.empty() && open_.back().is_test) {
        if (const auto verdict = find_verdict(rules_->child_verdicts, name.local)) {
          open_.back().verdict = std::max(open_.back().verdict, *verdict);
        }
      }
    }
    open_.push_back(frame);
  }

  void end_element() {
    if (error_) return;
    note_progress();
    const Frame frame = open_.back();
    open_.pop_back();
    if (!frame.is_test || frame.has_inner_test) return;
    if (counts_.total() >= limits_.max_total) {
      return fail(kReportMalformed,
                  "more than " + std::to_string(limits_.max_total) + " tests in the report");
    }
    switch (frame.verdict) {
      case Verdict::kPassed:
        ++counts_.passed;
        break;
      case Verdict::kSkipped:
        ++counts_.skipped;
        break;
      case Verdict::kFailed:
        ++counts_.failed;
        break;
    }
  }

  // The verdict that a test element's own outcome attribute gives; nullopt after failing the
  // parse because a required one is missing or unknown.
  std::optional<Verdict> outcome_of(const XML_Char** attributes) {
    const std::string_view attribute = rules_->outcome_attribute;
    for (; *attributes != nullptr; attributes += 2) {
      if (attribute != attributes[0]) continue;
      const std::string_view value = attributes[1];
      if (const auto verdict = find_verdict(rules_->outcomes, value)) return verdict;
      if (!rules_->outcome_required) return Verdict::kPassed;
      fail(kReportMalformed, std::string(rules_->test_element) + " has the unknown " +
                                 std::string(attribute) + " " + describe_value(value));
      return std::nullopt;
    }
    if (!rules_->outcome_required) return Verdict::kPassed;
    fail(kReportMalformed,
         std::string(rules_->test_element) + " has no " + std::string(attribute) + " attribute");
    return std::nullopt;
  }

  // expat keeps every distinct name until the end of the parse, so their number is bounded too.
  void note_name(std::string_view name) {
    if (error_ || !names_seen_.insert(std::hash<std::string_view>{}(name)).second) return;
    name_bytes_ += name.size() + kNameOverheadBytes;
    if (name_bytes_ > limits_.max_name_bytes) {
      fail(kReportMalformed, "more than " + std::to_string(limits_.max_name_bytes) +
                                 " bytes of distinct element and attribute names");
    }
  }

  // Records where the last event reported by expat ends: the bytes after it are one piece of
  // markup that expat holds in memory until it is complete.
  void note_progress() {
    markup_end_ = static_cast<std::uint64_t>(XML_GetCurrentByteIndex(parser_) +
                                             XML_GetCurrentByteCount(parser_));
  }

  void parse_staged(bool is_final) {
    const XML_Status status =
        XML_Parse(parser_, staged_.data(), static_cast<int>(staged_.size()), is_final);
    parsed_bytes_ += staged_.size();
    staged_.clear();
    if (error_) return;  // A handler stopped the parser.
    if (status != XML_STATUS_OK) {
      error_ = report_error(kReportMalformed, at_line(XML_ErrorString(XML_GetErrorCode(parser_))));
    } else if (parsed_bytes_ - markup_end_ > limits_.max_markup_bytes) {
      // A tag, comment or processing instruction is still incomplete after this many bytes:
      // expat would buffer it whole, so a single huge attribute could exhaust memory.
      error_ = report_error(kReportMalformed,
                            at_line("a tag, comment or processing instruction is longer than " +
                                    std::to_string(limits_.max_markup_bytes) + " bytes"));
    }
  }

  // Ends the parse from inside a callback; the first failure is the one reported.
  void fail(std::string_view error_code, const std::string& what) {
    if (error_) return;
    error_ = report_error(error_code, at_line(what));
    XML_StopParser(parser_, XML_FALSE);
  }

  std::string at_line(const std::string& what) const {
    return "line " + std::to_string(XML_GetCurrentLineNumber(parser_)) + ": " + what;
  }

  ReportLimits limits_;
  XML_Parser parser_;
  std::string staged_;                  // Input not yet handed to expat, less than one slice.
  std::uint64_t parsed_bytes_ = 0;      // Handed to expat so far.
  std::uint64_t markup_end_ = 0;        // Offset just past the last event expat reported.
  const FormatRules* rules_ = nullptr;  // Set by the root element.
  std::string root_namespace_;
  std::vector<Frame> open_;                     // The elements open now, outermost first.
  std::unordered_set<std::size_t> names_seen_;  // Hashes: a collision only undercounts.
  std::size_t name_bytes_ = 0;
  TestCounts counts_;
  std::optional<Error> error_;
  bool finished_ = false;
};

ReportParser::ReportParser(const ReportLimits& limits) : impl_(std::make_unique<Impl>(limits)) {}
ReportParser::~ReportParser() = default;
ReportParser::ReportParser(ReportParser&&) noexcept = default;
ReportParser& ReportParser::operator=(ReportParser&&) noexcept = default;

Result<void> ReportParser::feed(std::string_view chunk) { return impl_->feed(chunk); }

Result<ParsedReport> ReportParser::finish() { return impl_->finish(); }

Result<ParsedReport> parse_report(std::string_view whole, const ReportLimits& limits) {
  ReportParser parser(limits);
  BOOST_OUTCOME_TRY(parser.feed(whole));
  return parser.finish();
}

Result<ParsedReport> parse_report_file(const std::filesystem::path& path,
                                       const ReportLimits& limits) {
  const auto with_path = [&](Error error) {
    error.message = path.string() + ": " + error.message;
    return error;
  };
  const auto unreadable = [&](int error_number) {
    return with_path(report_error(kReportUnreadable,
                                  "cannot read: " + std::generic_category().message(error_number)));
  };
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                             &std::fclose);
  if (!file) return unreadable(errno);
  ReportParser parser(limits);
  std::vector<char> buffer(kSliceBytes);
  for (;;) {
    const std::size_t read = std::fread(buffer.data(), 1, buffer.size(), file.get());
    if (read > 0) {
      if (auto fed = parser.feed({buffer.data(), read}); !fed) return with_path(fed.error());
    }
    if (read < buffer.size()) {
      if (std::ferror(file.get())) return unreadable(errno);
      break;
    }
  }
  auto parsed = parser.finish();
  if (!parsed) return with_path(parsed.error());
  return parsed;
}

}  // namespace badgesmith::reports
