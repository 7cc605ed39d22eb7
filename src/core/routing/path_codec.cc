#include "core/routing/path_codec.h"

#include "core/ascii.h"

namespace badgesmith::routing {

namespace {

// -1 for a byte that is not a hex digit.
int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_unreserved(char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

// Decodes the byte at in[i] (a '%' escape, a '+', or a plain byte) and advances i past it.
// Returns false on an invalid escape. Shared by every decoder so they cannot disagree.
bool next_decoded(std::string_view in, std::size_t& i, bool plus_as_space, char& out) noexcept {
  const char c = in[i];
  if (c == '%') {
    if (in.size() - i < 3) return false;  // Fewer than two bytes follow the '%'.
    const int hi = hex_value(in[i + 1]);
    const int lo = hex_value(in[i + 2]);
    if (hi < 0 || lo < 0) return false;
    out = static_cast<char>((hi << 4) | lo);
    i += 3;
    return true;
  }
  out = (plus_as_space && c == '+') ? ' ' : c;
  ++i;
  return true;
}

// True when `encoded` decodes to `plain`, byte by byte under `same`, without building the
// decoded string; false on invalid encoding.
template <class SameByte>
bool decodes_to(std::string_view encoded, std::string_view plain, bool plus_as_space,
                SameByte same) noexcept {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < encoded.size()) {
    char c = 0;
    if (!next_decoded(encoded, i, plus_as_space, c)) return false;
    if (j >= plain.size() || !same(plain[j], c)) return false;
    ++j;
  }
  return j == plain.size();
}

// Query keys compare exactly, after form decoding.
bool decoded_equals(std::string_view encoded, std::string_view plain) noexcept {
  return decodes_to(encoded, plain, /*plus_as_space=*/true, [](char a, char b) { return a == b; });
}

}  // namespace

bool is_valid_percent_encoding(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') continue;
    if (s.size() - i < 3 || hex_value(s[i + 1]) < 0 || hex_value(s[i + 2]) < 0) return false;
    i += 2;
  }
  return true;
}

bool percent_decode(std::string_view in, std::string& out, bool plus_as_space) {
  std::size_t i = 0;
  while (i < in.size()) {
    char c = 0;
    if (!next_decoded(in, i, plus_as_space, c)) return false;
    out.push_back(c);
  }
  return true;
}

std::size_t percent_decoded_size(std::string_view in) noexcept {
  std::size_t escapes = 0;
  for (const char c : in) escapes += c == '%' ? 1 : 0;
  return in.size() - 2 * escapes;
}

std::size_t percent_decode_into(std::string_view in, std::span<char> out,
                                bool plus_as_space) noexcept {
  std::size_t i = 0;
  std::size_t n = 0;
  while (i < in.size() && n < out.size()) {
    char c = 0;
    if (!next_decoded(in, i, plus_as_space, c)) break;
    out[n++] = c;
  }
  return n;
}

bool decoded_iequals(std::string_view encoded, std::string_view plain) noexcept {
  return decodes_to(encoded, plain, /*plus_as_space=*/false,
                    [](char a, char b) { return ascii_lower(a) == ascii_lower(b); });
}

bool ascii_iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

std::optional<std::string> find_query_param(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;

    const std::size_t eq = pair.find('=');
    const std::string_view key = pair.substr(0, eq);
    // Compare without decoding into a temporary: most keys in a query are not the one wanted.
    if (!decoded_equals(key, name)) continue;
    if (eq == std::string_view::npos) return std::string();

    std::string value;
    if (!percent_decode(pair.substr(eq + 1), value, /*plus_as_space=*/true)) return std::nullopt;
    return value;
  }
  return std::nullopt;
}

std::string percent_encode_path_segment(std::string_view segment) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(segment.size());
  for (const char c : segment) {
    if (is_unreserved(c)) {
      out.push_back(c);
      continue;
    }
    const auto byte = static_cast<unsigned char>(c);
    out.push_back('%');
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0x0F]);
  }
  return out;
}

}  // namespace badgesmith::routing
