#include "features/nuget/nuget_version.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <system_error>

namespace badgesmith::nuget {
namespace {

// .NET's char.IsWhiteSpace restricted to ASCII.
bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_identifier_char(char c) {
  return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-';
}

// NuGet's numeric section grammar: each part is optional whitespace, digits, optional
// whitespace, and parts are joined by single dots; a trailing dot or a fifth part fails.
std::optional<std::array<std::int32_t, 4>> parse_numeric_parts(std::string_view text) {
  std::array<std::int32_t, 4> parts{};
  std::size_t pos = 0;
  const auto skip_spaces = [&] {
    while (pos < text.size() && is_space(text[pos])) ++pos;
  };
  for (std::int32_t& part : parts) {
    skip_spaces();
    std::int64_t value = 0;
    const std::size_t digits_begin = pos;
    for (; pos < text.size() && is_digit(text[pos]); ++pos) {
      value = value * 10 + (text[pos] - '0');
      if (value > std::numeric_limits<std::int32_t>::max()) return std::nullopt;
    }
    if (pos == digits_begin) return std::nullopt;
    part = static_cast<std::int32_t>(value);
    skip_spaces();
    if (pos == text.size()) break;  // Missing parts stay 0.
    if (text[pos] != '.' || ++pos == text.size()) return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  return parts;
}

// Dot-separated, non-empty identifiers of [0-9A-Za-z-]; an all-digit identifier may start with
// '0' only when `allow_leading_zeros` or when it is "0" itself.
bool are_valid_identifiers(std::string_view text, bool allow_leading_zeros) {
  for (std::size_t begin = 0;;) {
    const std::size_t end = std::min(text.find('.', begin), text.size());
    const std::string_view id = text.substr(begin, end - begin);
    if (id.empty() || !std::all_of(id.begin(), id.end(), is_identifier_char)) return false;
    if (!allow_leading_zeros && id.size() > 1 && id[0] == '0' &&
        std::all_of(id.begin(), id.end(), is_digit)) {
      return false;
    }
    if (end == text.size()) return true;
    begin = end + 1;
  }
}

// int.TryParse as NuGet applies it to an identifier: an optional '-' and digits, within int32.
std::optional<std::int32_t> as_int32(std::string_view id) {
  std::int32_t value = 0;
  const auto [end, error] = std::from_chars(id.data(), id.data() + id.size(), value);
  if (error != std::errc() || end != id.data() + id.size()) return std::nullopt;
  return value;
}

char to_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// StringComparer.OrdinalIgnoreCase; identifiers are ASCII by construction.
std::weak_ordering compare_ignore_case(std::string_view a, std::string_view b) {
  const auto lhs = [&](std::size_t i) { return static_cast<unsigned char>(to_upper(a[i])); };
  const auto rhs = [&](std::size_t i) { return static_cast<unsigned char>(to_upper(b[i])); };
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
    if (lhs(i) != rhs(i)) return lhs(i) <=> rhs(i);
  }
  return a.size() <=> b.size();
}

std::weak_ordering compare_identifiers(std::string_view a, std::string_view b) {
  const std::optional<std::int32_t> a_number = as_int32(a);
  const std::optional<std::int32_t> b_number = as_int32(b);
  if (a_number && b_number) return *a_number <=> *b_number;
  if (a_number || b_number) {
    return a_number ? std::weak_ordering::less : std::weak_ordering::greater;
  }
  return compare_ignore_case(a, b);
}

// Both non-empty, so both are prereleases.
std::weak_ordering compare_releases(std::string_view a, std::string_view b) {
  std::size_t a_begin = 0;
  std::size_t b_begin = 0;
  while (true) {
    const std::size_t a_end = std::min(a.find('.', a_begin), a.size());
    const std::size_t b_end = std::min(b.find('.', b_begin), b.size());
    const std::weak_ordering order =
        compare_identifiers(a.substr(a_begin, a_end - a_begin), b.substr(b_begin, b_end - b_begin));
    if (order != 0) return order;
    const bool a_done = a_end == a.size();
    const bool b_done = b_end == b.size();
    if (a_done && b_done) return std::weak_ordering::equivalent;
    if (a_done || b_done) {
      return a_done ? std::weak_ordering::less : std::weak_ordering::greater;
    }
    a_begin = a_end + 1;
    b_begin = b_end + 1;
  }
}

}  // namespace

std::string_view trim_whitespace(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string NuGetVersion::normalized() const {
  std::string out = std::to_string(numbers_[0]) + '.' + std::to_string(numbers_[1]) + '.' +
                    std::to_string(numbers_[2]);
  if (numbers_[3] != 0) out += '.' + std::to_string(numbers_[3]);
  if (is_prerelease()) out += '-' + release_;
  return out;
}

std::weak_ordering operator<=>(const NuGetVersion& a, const NuGetVersion& b) {
  if (const auto order = a.numbers_ <=> b.numbers_; order != 0) return order;
  if (a.is_prerelease() != b.is_prerelease()) {
    return a.is_prerelease() ? std::weak_ordering::less : std::weak_ordering::greater;
  }
  if (!a.is_prerelease()) return std::weak_ordering::equivalent;
  return compare_releases(a.release_, b.release_);
}

std::optional<NuGetVersion> parse_version(std::string_view text) {
  if (text.size() > kMaxVersionLength) return std::nullopt;
  text = trim_whitespace(text);

  // "numbers[-release][+metadata]": the first '+' starts the metadata, and a '-' before it
  // starts the release, so "1.0+a-b" has metadata "a-b" and no release.
  const std::size_t plus = text.find('+');
  if (plus != std::string_view::npos &&
      !are_valid_identifiers(text.substr(plus + 1), /*allow_leading_zeros=*/true)) {
    return std::nullopt;
  }
  const std::string_view head = text.substr(0, plus);
  const std::size_t dash = head.find('-');
  const std::string_view release =
      dash == std::string_view::npos ? std::string_view() : head.substr(dash + 1);
  if (dash != std::string_view::npos &&
      !are_valid_identifiers(release, /*allow_leading_zeros=*/false)) {
    return std::nullopt;
  }

  const auto numbers = parse_numeric_parts(head.substr(0, dash));
  if (!numbers) return std::nullopt;
  NuGetVersion version;
  version.numbers_ = *numbers;
  version.release_ = std::string(release);
  return version;
}

}  // namespace badgesmith::nuget
