#include "features/nuget/version_range.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/ascii.h"

namespace badgesmith::nuget {
namespace {

constexpr std::string_view::size_type kNpos = std::string_view::npos;

// What the three notations parse into, before it becomes a VersionRange.
struct Bounds {
  std::optional<VersionBound> lower;
  std::optional<VersionBound> upper;
  std::optional<FloatSpec> float_spec;
};

Error invalid_range(std::string message) {
  return make_error(Errc::kInvalidArgument, std::move(message), "INVALID_VERSION_RANGE", "version");
}

bool is_blank(std::string_view text) { return trim_whitespace(text).empty(); }

// The whitespace trim_whitespace() strips.
bool is_space(char c) { return trim_whitespace(std::string_view(&c, 1)).empty(); }

bool starts_with_ignore_case(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), text.begin(),
                    [](char a, char b) { return ascii_lower(a) == ascii_lower(b); });
}

// NuGet counts the parts of a version by its dots.
int count_parts(std::string_view version) {
  return 1 + static_cast<int>(std::count(version.begin(), version.end(), '.'));
}

struct FloatingVersion {
  NuGetVersion lower;
  std::optional<FloatSpec> float_spec;  // Unset when the star only completed a number ("1*").
};

// NuGet's FloatRange.TryParse() for text that contains a '*': the float's lower bound is the
// text with its stars replaced by the lowest value they stand for ("1.*" -> 1.0, "1.0.0-*" ->
// 1.0.0-0, "1.0.0-a.*" -> 1.0.0-a.0). NuGet does not trim here; we do, so that "[ *, 2.0)"
// floats like "[*, 2.0)".
std::optional<FloatingVersion> parse_float(std::string_view text) {
  text = trim_whitespace(text);
  if (text == "*") return FloatingVersion{*parse_version("0"), FloatSpec{0, std::nullopt}};
  if (text == "*-*") return FloatingVersion{*parse_version("0-0"), FloatSpec{0, ""}};
  if (text.find('+') != kNpos || text.back() != '*') return std::nullopt;

  const std::size_t first_star = text.find('*');
  const std::size_t dash = text.find('-');
  if (first_star != text.size() - 1) {
    // Two stars: "<numbers>*-<prefix>*", the first star right before the first dash.
    if (dash == kNpos || first_star + 1 != dash) return std::nullopt;
    const std::string stable = std::string(text.substr(0, first_star)) + '0';
    const int parts = count_parts(stable);
    const std::string_view prefix = text.substr(dash + 1, text.size() - dash - 2);
    std::string label(prefix);
    if (label.empty() || label.back() == '.') label += '0';
    const auto lower = parse_version(stable + '-' + label);
    if (!lower || parts > 4) return std::nullopt;
    return FloatingVersion{*lower, FloatSpec{parts - 1, std::string(prefix)}};
  }

  std::string stable(text.substr(0, text.size() - 1));
  if (dash == kNpos) {
    // "1.*", "1.2.*", "1.2.3.*"; a star completing a number with no dot before it ("1*") is
    // NuGet's non-floating 10.0.0.
    stable += '0';
    const auto lower = parse_version(stable);
    if (!lower) return std::nullopt;
    const int parts = count_parts(stable);
    if (parts == 1) return FloatingVersion{*lower, std::nullopt};
    return FloatingVersion{*lower, FloatSpec{parts - 1, std::nullopt}};
  }

  // "1.0.0-beta*": only the label floats. With one dash the prefix is what follows it, and an
  // empty or dot-ended prefix takes a "0" to form the lower bound; with several dashes NuGet
  // takes the lower bound's label as the prefix.
  std::optional<std::string> prefix;
  if (dash == text.rfind('-')) {
    prefix = stable.substr(dash + 1);
    if (prefix->empty() || prefix->back() == '.') stable += '0';
  }
  const auto lower = parse_version(stable);
  if (!lower) return std::nullopt;
  return FloatingVersion{*lower, FloatSpec{4, prefix ? *prefix : lower->release()}};
}

// A bound that cannot float: an upper bound, a comparator's version, a star-less lower bound.
Result<VersionBound> parse_fixed_bound(std::string_view text, bool is_inclusive) {
  if (text.find('*') != kNpos) {
    return invalid_range("Only the lower bound of a version range may float");
  }
  auto version = parse_version(text);
  if (!version) return invalid_range("The version range contains an invalid version");
  return VersionBound{std::move(*version), is_inclusive};
}

Result<Bounds> parse_lower(std::string_view text, bool is_inclusive) {
  if (text.find('*') == kNpos) {
    BOOST_OUTCOME_TRY(bound, parse_fixed_bound(text, is_inclusive));
    return Bounds{std::move(bound), std::nullopt, std::nullopt};
  }
  auto floating = parse_float(text);
  if (!floating) return invalid_range("The version range contains an invalid floating version");
  return Bounds{VersionBound{std::move(floating->lower), is_inclusive}, std::nullopt,
                std::move(floating->float_spec)};
}

// "[1.0]", "(1.0,)", "[1.*, 2.0)", ...: `text` is trimmed and starts with '[' or '('.
Result<Bounds> parse_interval(std::string_view text) {
  const bool is_lower_inclusive = text.front() == '[';
  if (text.size() < 2 || (text.back() != ']' && text.back() != ')')) {
    return invalid_range("The version range is missing its closing ] or )");
  }
  const bool is_upper_inclusive = text.back() == ']';
  const std::string_view inner = text.substr(1, text.size() - 2);
  const std::size_t comma = inner.find(',');
  if (comma != kNpos && inner.find(',', comma + 1) != kNpos) {
    return invalid_range("A version range has at most two bounds");
  }
  // Like NuGet, "(,)" has no bounds but "(, )" is every version.
  if (inner.empty() || inner == ",") return invalid_range("The version range has no bounds");
  if (comma == kNpos && !(is_lower_inclusive && is_upper_inclusive)) {
    return invalid_range("A single-version range must be written [version]");
  }

  const std::string_view lower_text = inner.substr(0, comma);
  const std::string_view upper_text = comma == kNpos ? inner : inner.substr(comma + 1);
  Bounds bounds;
  if (!is_blank(lower_text)) {
    BOOST_OUTCOME_TRY(lower, parse_lower(lower_text, is_lower_inclusive));
    bounds = std::move(lower);
  }
  if (!is_blank(upper_text)) {
    BOOST_OUTCOME_TRY(upper, parse_fixed_bound(upper_text, is_upper_inclusive));
    bounds.upper = std::move(upper);
  }
  return bounds;
}

struct Comparator {
  std::string_view symbol;
  bool sets_lower;
  bool sets_upper;
  bool is_inclusive;
};

// Longer symbols first, so that ">=" is not read as ">".
constexpr std::array<Comparator, 6> kComparators{{
    {">=", true, false, true},
    {"<=", false, true, true},
    {"==", true, true, true},
    {">", true, false, false},
    {"<", false, true, false},
    {"=", true, true, true},
}};

// Keeps the tighter of two lower bounds: the higher version, or the exclusive one on a tie.
void tighten_lower(std::optional<VersionBound>& current, const VersionBound& candidate) {
  if (!current || candidate.version > current->version ||
      (candidate.version == current->version && !candidate.is_inclusive)) {
    current = candidate;
  }
}

void tighten_upper(std::optional<VersionBound>& current, const VersionBound& candidate) {
  if (!current || candidate.version < current->version ||
      (candidate.version == current->version && !candidate.is_inclusive)) {
    current = candidate;
  }
}

// ">=1.0 <2.0", "> 1.0", "==1.2.3": `text` is trimmed and starts with '<', '>' or '='.
Result<Bounds> parse_comparators(std::string_view text) {
  Bounds bounds;
  std::size_t terms = 0;
  std::size_t pos = 0;
  const auto skip_spaces = [&] {
    while (pos < text.size() && is_space(text[pos])) ++pos;
  };
  for (skip_spaces(); pos < text.size(); skip_spaces()) {
    if (++terms > kMaxComparatorTerms) {
      return invalid_range("A version range has at most " + std::to_string(kMaxComparatorTerms) +
                           " comparators");
    }
    const auto comparator =
        std::find_if(kComparators.begin(), kComparators.end(),
                     [&](const Comparator& c) { return text.substr(pos).starts_with(c.symbol); });
    if (comparator == kComparators.end()) {
      return invalid_range("Each comparator must start with >=, >, <=, <, = or ==");
    }
    pos += comparator->symbol.size();
    skip_spaces();
    const std::size_t version_begin = pos;
    while (pos < text.size() && !is_space(text[pos])) ++pos;
    if (pos == version_begin) return invalid_range("A comparator is missing its version");
    BOOST_OUTCOME_TRY(bound, parse_fixed_bound(text.substr(version_begin, pos - version_begin),
                                               comparator->is_inclusive));
    if (comparator->sets_lower) tighten_lower(bounds.lower, bound);
    if (comparator->sets_upper) tighten_upper(bounds.upper, bound);
  }
  return bounds;
}

// NuGet's final check: no lower bound above the upper one, and equal bounds only when both are
// inclusive ("[1.0, 1.0]") or, oddly but as in NuGet, both exclusive ("(1.0, 1.0)", empty).
Result<void> check_bounds(const Bounds& bounds) {
  if (!bounds.lower || !bounds.upper) return success();
  const auto order = bounds.lower->version <=> bounds.upper->version;
  if (order > 0) return invalid_range("The version range's lower bound is above its upper bound");
  if (order == 0 && bounds.lower->is_inclusive != bounds.upper->is_inclusive) {
    return invalid_range("The version range's bounds are equal but one of them is exclusive");
  }
  return success();
}

// `text` is trimmed and not empty; its first character tells the notation.
Result<Bounds> parse_bounds(std::string_view text) {
  switch (text.front()) {
    case '[':
    case '(':
      return parse_interval(text);
    case '<':
    case '>':
    case '=':
      return parse_comparators(text);
    default:
      return parse_lower(text, /*is_inclusive=*/true);
  }
}

}  // namespace

Result<VersionRange> parse_version_range(std::string_view text) {
  if (text.size() > kMaxVersionRangeLength) {
    return invalid_range("The version range is longer than " +
                         std::to_string(kMaxVersionRangeLength) + " characters");
  }
  text = trim_whitespace(text);
  if (text.empty()) return VersionRange();
  BOOST_OUTCOME_TRY(bounds, parse_bounds(text));
  BOOST_OUTCOME_TRY(check_bounds(bounds));

  VersionRange range;
  range.lower_ = std::move(bounds.lower);
  range.upper_ = std::move(bounds.upper);
  range.float_ = std::move(bounds.float_spec);
  return range;
}

bool VersionRange::mentions_prerelease() const {
  return (lower_ && lower_->version.is_prerelease()) ||
         (upper_ && upper_->version.is_prerelease()) || (float_ && float_->prerelease_prefix);
}

bool VersionRange::is_covered_by_float(const NuGetVersion& version) const {
  const auto& fixed = lower_->version.numeric_parts();
  if (!std::equal(fixed.begin(), fixed.begin() + float_->fixed_parts,
                  version.numeric_parts().begin())) {
    return false;
  }
  return !version.is_prerelease() || !float_->prerelease_prefix ||
         starts_with_ignore_case(version.release(), *float_->prerelease_prefix);
}

bool VersionRange::satisfies(const NuGetVersion& version, bool include_prerelease) const {
  if (version.is_prerelease() && !include_prerelease && !mentions_prerelease()) return false;
  if (lower_) {
    const auto order = version <=> lower_->version;
    if (order < 0 || (order == 0 && !lower_->is_inclusive)) return false;
  }
  if (upper_) {
    const auto order = version <=> upper_->version;
    if (order > 0 || (order == 0 && !upper_->is_inclusive)) return false;
  }
  return !float_ || is_covered_by_float(version);
}

std::optional<NuGetVersion> VersionRange::best_match(std::span<const NuGetVersion> listed,
                                                     bool include_prerelease) const {
  const NuGetVersion* best = nullptr;
  for (const NuGetVersion& version : listed) {
    if ((best == nullptr || version > *best) && satisfies(version, include_prerelease)) {
      best = &version;
    }
  }
  if (best == nullptr) return std::nullopt;
  return *best;
}

std::string VersionRange::normalized() const {
  std::string out = lower_ && lower_->is_inclusive ? "[" : "(";
  if (lower_ && !float_) out += lower_->version.normalized();
  if (float_) {
    // NuGet's FloatRange.ToString(): the fixed parts, then ".*" (or "*" alone), then the
    // prerelease prefix and its star; a label-only float keeps all of its numbers.
    if (float_->fixed_parts == 4) {
      const std::string lower = lower_->version.normalized();
      out += lower.substr(0, lower.find('-'));
    } else {
      const auto& parts = lower_->version.numeric_parts();
      for (int i = 0; i < float_->fixed_parts; ++i) out += std::to_string(parts[i]) + '.';
      out += '*';
    }
    if (float_->prerelease_prefix) out += '-' + *float_->prerelease_prefix + '*';
  }
  out += ", ";
  if (upper_) out += upper_->version.normalized();
  out += upper_ && upper_->is_inclusive ? "]" : ")";
  return out;
}

}  // namespace badgesmith::nuget
