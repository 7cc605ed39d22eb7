#include "core/json_string.h"

namespace badgesmith {

namespace {

constexpr char kHex[] = "0123456789abcdef";

bool is_plain(unsigned char c) { return c >= 0x20 && c < 0x7F && c != '"' && c != '\\'; }

void append_escaped_byte(std::string& out, unsigned char byte) {
  out += "\\u00";
  out += kHex[byte >> 4];
  out += kHex[byte & 0xF];
}

// Length of the valid UTF-8 sequence starting at `s[0]`, or 0 when it is not valid.
std::size_t utf8_sequence_length(std::string_view s) {
  const auto b0 = static_cast<unsigned char>(s[0]);
  std::size_t length = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
  } else {
    return 0;
  }
  if (s.size() < length) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 0;
  }
  const auto b1 = static_cast<unsigned char>(s[1]);
  if (b0 == 0xE0 && b1 < 0xA0) return 0;  // Overlong.
  if (b0 == 0xED && b1 > 0x9F) return 0;  // Surrogate.
  if (b0 == 0xF0 && b1 < 0x90) return 0;  // Overlong.
  if (b0 == 0xF4 && b1 > 0x8F) return 0;  // Beyond U+10FFFF.
  return length;
}

}  // namespace

void append_json_string(std::string& out, std::string_view value) {
  out += '"';
  for (std::size_t i = 0; i < value.size();) {
    // Copy the run of characters that need no escaping in one append.
    std::size_t run = i;
    while (run < value.size() && is_plain(static_cast<unsigned char>(value[run]))) ++run;
    out.append(value.substr(i, run - i));
    i = run;
    if (i == value.size()) break;
    const auto c = static_cast<unsigned char>(value[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7F) {
      append_escaped_byte(out, c);
    } else if (c >= 0x80) {
      const std::size_t length = utf8_sequence_length(value.substr(i));
      if (length == 0) {
        append_escaped_byte(out, c);
      } else {
        out.append(value.substr(i, length));
        i += length;
        continue;
      }
    } else {
      out += static_cast<char>(c);
    }
    ++i;
  }
  out += '"';
}

}  // namespace badgesmith
