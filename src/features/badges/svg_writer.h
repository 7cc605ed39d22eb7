// Private to the badge renderer: badge-maker's XML serialisation primitives (escapeXml() for
// attribute values and text, JS Number#toString for numbers) and the buffer the SVG is built in.
//
// Rendering is a hot path, so writing goes through SvgWriter::Span: the renderer reserves room
// for an element once (span()), writes it through a cursor the compiler keeps in a register (all
// Span members are forced inline and only call free functions taking and returning char*), then
// commit()s. Literal lengths are compile-time constants, so most writes are a couple of moves.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "features/badges/badge_text.h"
#include "features/badges/byte_block.h"

namespace badgesmith::badges::svg {

namespace detail {

// Bytes the escaper must look at: the five escaped characters, the C0 controls XML 1.0 forbids,
// and 0xEF (first byte of U+FFFE / U+FFFF).
constexpr std::array<bool, 256> make_special_bytes() {
  std::array<bool, 256> special{};
  for (int c = 0; c < 0x20; ++c) special[c] = c != '\t' && c != '\n' && c != '\r';
  for (const char c : {'&', '<', '>', '"', '\''}) special[static_cast<unsigned char>(c)] = true;
  special[0xEF] = true;
  return special;
}
inline constexpr std::array<bool, 256> kSpecialBytes = make_special_bytes();

// U+FFFE or U+FFFF at p, which holds 0xEF.
inline bool is_forbidden_noncharacter(const char* p, const char* end) noexcept {
  return end - p >= 3 && static_cast<unsigned char>(p[1]) == 0xBF &&
         (static_cast<unsigned char>(p[2]) & 0xFE) == 0xBE;
}

// Whether the special byte at p starts a code point XML 1.0 forbids.
inline bool is_forbidden_at(const char* p, const char* end) noexcept {
  const auto c = static_cast<unsigned char>(*p);
  return c < 0x20 || (c == 0xEF && is_forbidden_noncharacter(p, end));
}

// 16-bytes-at-a-time screening, as texts are mostly plain.
using blocks::any_set;
using blocks::Bytes16;
using blocks::lane_bits;
using blocks::load16;
using blocks::Words2;

// The n < 16 bytes at p in a vector, read without touching memory outside them. Lanes past n
// repeat bytes of the range (or hold 'a' when n == 0), which is harmless to a "might it hold"
// screen. Badge texts are short, so their tails deserve this rather than a byte loop.
inline Bytes16 load_partial(const char* p, std::size_t n) noexcept {
  std::uint64_t low = 0x6161616161616161;  // "aaaaaaaa"
  std::uint64_t high = low;
  if (n >= 8) {
    std::memcpy(&low, p, 8);
    std::memcpy(&high, p + n - 8, 8);
  } else if (n >= 4) {
    std::uint32_t first, last;
    std::memcpy(&first, p, 4);
    std::memcpy(&last, p + n - 4, 4);
    low = high = first | (std::uint64_t{last} << 32);
  } else if (n > 0) {
    const auto byte = [p](std::size_t i) {
      return std::uint32_t{static_cast<unsigned char>(p[i])};
    };
    const std::uint32_t bytes =
        byte(0) | (byte(n / 2) << 8) | (byte(n - 1) << 16) | (byte(0) << 24);
    low = high = bytes | (std::uint64_t{bytes} << 32);
  }
  return reinterpret_cast<Bytes16>(Words2{low, high});
}

// C0 controls other than tab, line feed and carriage return.
inline Bytes16 forbidden_control_lanes(Bytes16 v) noexcept {
  return Bytes16((v < 0x20) & (v != '\t') & (v != '\n') & (v != '\r'));
}

// Lanes of v holding a byte escapeXml() replaces.
inline Bytes16 escaped_lanes(Bytes16 v) noexcept {
  return Bytes16((v == '&') | (v == '<') | (v == '>') | (v == '"') | (v == '\''));
}

// Lanes of v holding a byte kSpecialBytes flags (all ones there, zero elsewhere).
inline Bytes16 special_lanes(Bytes16 v) noexcept {
  return Bytes16(forbidden_control_lanes(v) | escaped_lanes(v) | (v == 0xEF));
}

// Lanes of v that may start a code point XML 1.0 forbids (a subset of special_lanes()).
inline Bytes16 forbidden_lanes(Bytes16 v) noexcept {
  return Bytes16(forbidden_control_lanes(v) | (v == 0xEF));
}

// Whether v holds a byte kSpecialBytes flags.
inline bool may_hold_special(Bytes16 v) noexcept { return any_set(special_lanes(v)); }

// Whether v might hold the start of a code point XML 1.0 forbids (0xEF usually starts another).
inline bool may_hold_forbidden(Bytes16 v) noexcept { return any_set(forbidden_lanes(v)); }

// Bits for the bytes of [p, end) at or after p that `lanes_of` flags, for the block starting at
// p: all 16 bytes when there are that many, else the last 16 of the text when the text (from
// `begin`) is that long, else byte by byte from kSpecialBytes (a superset of forbidden_lanes();
// callers check each flagged byte anyway). Returns the block length.
template <typename LanesOf>
inline std::size_t block_bits(const char* begin, const char* p, const char* end, LanesOf lanes_of,
                              unsigned* bits) noexcept {
  const auto left = static_cast<std::size_t>(end - p);
  if (left >= 16) {
    *bits = lane_bits(lanes_of(load16(p)));
    return 16;
  }
  if (end - begin >= 16) {
    *bits = lane_bits(lanes_of(load16(end - 16))) >> (16 - left);
    return left;
  }
  unsigned flagged = 0;
  for (std::size_t i = 0; i < left; ++i) {
    flagged |= unsigned{kSpecialBytes[static_cast<unsigned char>(p[i])]} << i;
  }
  *bits = flagged;
  return left;
}

// Whether [p, end) might hold a byte kSpecialBytes flags (false: certainly none).
inline bool range_may_hold_special(const char* p, const char* end) noexcept {
  for (; end - p >= 16; p += 16) {
    if (may_hold_special(load16(p))) return true;
  }
  return may_hold_special(load_partial(p, static_cast<std::size_t>(end - p)));
}

// memcpy for the short, variable-size copies rendering is full of (texts, repeated texts),
// without a library call; dst and src must not overlap.
[[gnu::always_inline]] inline void copy_bytes(char* dst, const char* src, std::size_t n) noexcept {
  if (n >= 8 && n <= 16) {
    std::uint64_t first, last;
    std::memcpy(&first, src, 8);
    std::memcpy(&last, src + n - 8, 8);
    std::memcpy(dst, &first, 8);
    std::memcpy(dst + n - 8, &last, 8);
  } else if (n > 16 && n <= 32) {
    const Bytes16 first = load16(src);
    const Bytes16 last = load16(src + n - 16);
    std::memcpy(dst, &first, 16);
    std::memcpy(dst + n - 16, &last, 16);
  } else if (n >= 4 && n < 8) {
    std::uint32_t first, last;
    std::memcpy(&first, src, 4);
    std::memcpy(&last, src + n - 4, 4);
    std::memcpy(dst, &first, 4);
    std::memcpy(dst + n - 4, &last, 4);
  } else if (n > 32) {
    std::memcpy(dst, src, n);
  } else {
    for (std::size_t i = 0; i < n; ++i) dst[i] = src[i];
  }
}

// The first code point XML 1.0 forbids in [p, end), or end.
inline const char* find_forbidden(const char* p, const char* end) noexcept {
  const char* const begin = p;
  while (p < end) {
    if (end - p >= 16) {
      if (!may_hold_forbidden(load16(p))) {
        p += 16;
        continue;
      }
    } else if (!may_hold_forbidden(load_partial(p, static_cast<std::size_t>(end - p)))) {
      return end;
    }
    unsigned bits;
    const std::size_t block = block_bits(begin, p, end, forbidden_lanes, &bits);
    for (; bits != 0; bits &= bits - 1) {
      const char* const at = p + __builtin_ctz(bits);
      if (is_forbidden_at(at, end)) return at;
    }
    p += block;
  }
  return end;
}

static_assert(std::endian::native == std::endian::little,
              "eight_digits() lays digits out for a little-endian store");

// The number of decimal digits of n (1 for 0): log2 scaled by log10(2) ~ 1233 / 4096 gives the
// length of 10^k or 10^k - 1, and one comparison tells which.
// (A namespace-scope table: a local one is built on the stack at every call.)
inline constexpr std::uint32_t kPowersOf10[] = {0,      10,      100,      1000,      10000,
                                                100000, 1000000, 10000000, 100000000, 1000000000};
constexpr std::size_t decimal_length(std::uint32_t n) noexcept {
  const auto t = static_cast<std::size_t>(((32 - std::countl_zero(n | 1)) * 1233) >> 12);
  return t - (n < kPowersOf10[t]) + 1;
}

// The eight decimal digits of n < 10^8 as byte values 0-9, most significant first in memory
// (little-endian), computed in parallel lanes: 4+4 digits, then 2+2 per half, then 1+1 per pair.
// Each step divides by 10^k with a multiply and shift that is exact for the lane's range
// (SvgWriterTest.FastNumberPathMatchesTheGeneralOne checks it against std::to_chars).
constexpr std::uint64_t eight_digits(std::uint32_t n) noexcept {
  const std::uint64_t halves = (n / 10000) | (std::uint64_t{n % 10000} << 32);
  const std::uint64_t hundreds_high = ((halves * 10486) >> 20) & 0x0000007F0000007Fu;
  const std::uint64_t pairs = hundreds_high | ((halves - 100 * hundreds_high) << 16);
  const std::uint64_t tens = ((pairs * 103) >> 10) & 0x000F000F000F000Fu;
  return tens | ((pairs - 10 * tens) << 8);
}

// format_number() for everything but the fast path: shortest round-trip digits from
// std::to_chars, laid out as ECMAScript Number::toString does. Out of line so that its stack
// frame and saved registers are not paid on the fast path.
[[gnu::noinline]] inline std::size_t format_number_general(char* buffer, double value) noexcept {
  const auto literal = [buffer](std::string_view text) {
    std::memcpy(buffer, text.data(), text.size());
    return text.size();
  };
  if (value == 0) return literal("0");  // -0 too.
  if (std::isnan(value)) return literal("NaN");
  if (std::isinf(value)) return literal(value < 0 ? "-Infinity" : "Infinity");
  if (value > -9007199254740992.0 && value < 9007199254740992.0) {  // |value| < 2^53
    const auto integer = static_cast<std::int64_t>(value);
    if (static_cast<double>(integer) == value) {
      return static_cast<std::size_t>(std::to_chars(buffer, buffer + 32, integer).ptr - buffer);
    }
  }
  // "-d.ddde+x" gives the shortest digits and the decimal exponent.
  char scientific[32];
  const char* const sci_end = std::to_chars(scientific, scientific + sizeof(scientific), value,
                                            std::chars_format::scientific)
                                  .ptr;
  const char* p = scientific;
  char* out = buffer;
  if (*p == '-') *out++ = *p++;
  char digits[20];
  std::size_t k = 0;
  for (; *p != 'e'; ++p) {
    if (*p != '.') digits[k++] = *p;
  }
  ++p;  // 'e'
  const bool negative_exponent = *p++ == '-';
  int exponent = 0;
  std::from_chars(p, sci_end, exponent);
  if (negative_exponent) exponent = -exponent;
  const int n = exponent + 1;  // ECMAScript's n: the decimal point sits after n digits.
  const int digit_count = static_cast<int>(k);
  const auto put = [&out](const char* from, std::size_t size) {
    std::memcpy(out, from, size);
    out += size;
  };
  if (digit_count <= n && n <= 21) {
    put(digits, k);
    for (int i = digit_count; i < n; ++i) *out++ = '0';
  } else if (0 < n && n <= 21) {
    put(digits, static_cast<std::size_t>(n));
    *out++ = '.';
    put(digits + n, k - static_cast<std::size_t>(n));
  } else if (-6 < n && n <= 0) {
    put("0.", 2);
    for (int i = n; i < 0; ++i) *out++ = '0';
    put(digits, k);
  } else {
    *out++ = digits[0];
    if (k > 1) {
      *out++ = '.';
      put(digits + 1, k - 1);
    }
    put(negative_exponent ? "e-" : "e+", 2);
    out = std::to_chars(out, out + 4, negative_exponent ? -exponent : exponent).ptr;
  }
  return static_cast<std::size_t>(out - buffer);
}

}  // namespace detail

// The longest text format_number() produces ("-1.7976931348623157e+308" is 24 bytes).
inline constexpr std::size_t kMaxNumberSize = 32;

// Writes JS String(value) at `buffer` (>= kMaxNumberSize bytes) and returns its length: the
// shortest round-trip decimal laid out as ECMAScript Number::toString does (plain integers,
// fixed notation for 1e-6 <= |value| < 1e21, else "1.5e+21", "1e-7"); -0 prints "0".
inline std::size_t format_number(char* buffer, double value) noexcept {
  // Fast path: non-negative multiples of 1/4 below 1e8, i.e. every number in a normal badge.
  // There the exact decimal is also the shortest round-trip one (a coarser decimal is off by
  // >= 0.05, far beyond the precision left at that magnitude), so it is what JS prints.
  // Branch-free: digit counts vary from badge to badge, and branching on them mispredicted
  // several times per number.
  if (value >= 0 && value < 1e8) {
    const double quarters = value * 4;  // Exact: a power-of-two scaling.
    const auto whole_quarters = static_cast<std::uint32_t>(quarters);
    if (static_cast<double>(whole_quarters) == quarters) {
      const std::uint32_t integer = whole_quarters >> 2;
      // The length comes from a short computation of its own, not from the digits: everything
      // written after the number waits for it.
      const std::size_t size = detail::decimal_length(integer);
      const std::uint64_t text =
          (detail::eight_digits(integer) + 0x3030303030303030u) >> (8 * (8 - size));
      std::memcpy(buffer, &text, 8);
      // "", ".25", ".5", ".75": always four bytes written (the buffer has room), size says
      // how many count.
      static constexpr char kFractions[4][4] = {{}, {'.', '2', '5'}, {'.', '5'}, {'.', '7', '5'}};
      static constexpr unsigned char kFractionSizes[4] = {0, 3, 2, 3};
      std::memcpy(buffer + size, kFractions[whole_quarters & 3], 4);
      return size + kFractionSizes[whole_quarters & 3];
    }
  }
  return detail::format_number_general(buffer, value);
}

// format_number() at p, returning the new end: out of line on purpose, because a badge writes a
// dozen numbers from as many call sites, and one shared copy keeps the renderer's code within
// the instruction cache (inlined, it was a third of the renderer's size).
[[gnu::noinline]] inline char* write_number(char* p, double value) noexcept {
  return p + format_number(p, value);
}

// A number formatted once, for values written several times (and for constants).
class FormattedNumber {
 public:
  explicit FormattedNumber(double value) noexcept
      : size_(static_cast<std::size_t>(write_number(text_, value) - text_)) {}
  std::string_view view() const noexcept { return {text_, size_}; }
  // All kMaxNumberSize bytes, for a fixed-size copy (two moves) instead of a memcpy call.
  const char* padded() const noexcept { return text_; }

 private:
  char text_[kMaxNumberSize] = {};
  std::size_t size_;
};

// Room write_escaped(text) may need: "&quot;" is the longest replacement. Over-reserving is
// free (the buffer is reused, never zero-filled), and it saves counting first.
constexpr std::size_t escaped_bound(std::string_view text) noexcept { return 6 * text.size(); }

namespace detail {

// write_escaped() for a text holding at least one special byte.
[[gnu::noinline]] inline char* write_escaped_slow(char* p, std::string_view text) noexcept {
  const char* const end = text.data() + text.size();
  const char* const begin = text.data();
  const char* run = begin;  // Start of the bytes not yet copied.
  for (const char* q = begin; q < end;) {
    unsigned bits;
    const std::size_t block = detail::block_bits(begin, q, end, detail::special_lanes, &bits);
    for (; bits != 0; bits &= bits - 1) {
      const char* const at = q + __builtin_ctz(bits);
      // Inside a dropped U+FFFE/U+FFFF that began in the previous block: already handled.
      if (at < run) continue;
      const auto c = static_cast<unsigned char>(*at);
      if (c == 0xEF && !detail::is_forbidden_noncharacter(at, end)) continue;
      std::memcpy(p, run, static_cast<std::size_t>(at - run));
      p += at - run;
      const auto put = [&p](std::string_view entity) {
        std::memcpy(p, entity.data(), entity.size());
        p += entity.size();
      };
      switch (c) {
        case '&':
          put("&amp;");
          break;
        case '<':
          put("&lt;");
          break;
        case '>':
          put("&gt;");
          break;
        case '"':
          put("&quot;");
          break;
        case '\'':
          put("&apos;");
          break;
        default:
          break;  // A forbidden code point: dropped.
      }
      run = at + (c == 0xEF ? 3 : 1);
    }
    q += block;
  }
  if (run < end) {  // `run` may be null for an empty view, which memcpy does not allow.
    std::memcpy(p, run, static_cast<std::size_t>(end - run));
    p += end - run;
  }
  return p;
}

// escapeXml()'s output for each byte, padded to 8 bytes (the byte itself but for the five).
struct EntityTable {
  char bytes[256][8];
  unsigned char sizes[256];
};

inline constexpr EntityTable kEntities = [] {
  EntityTable table{};
  for (int c = 0; c < 256; ++c) {
    table.bytes[c][0] = static_cast<char>(c);
    table.sizes[c] = 1;
  }
  table.sizes[0] = 0;  // Screened texts hold no NUL, so a zero is padding (see PaddedView).
  const auto set = [&table](char c, std::string_view entity) {
    const auto index = static_cast<unsigned char>(c);
    for (std::size_t i = 0; i < entity.size(); ++i) table.bytes[index][i] = entity[i];
    table.sizes[index] = static_cast<unsigned char>(entity.size());
  };
  set('&', "&amp;");
  set('<', "&lt;");
  set('>', "&gt;");
  set('"', "&quot;");
  set('\'', "&apos;");
  return table;
}();

}  // namespace detail

// Writes `text` at p with badge-maker's escapeXml() applied (& < > " ' become entities, nothing
// else changes) -- except that code points XML 1.0 forbids are dropped, so the document stays
// well-formed whatever the input. Returns the new end; needs escaped_bound(text) bytes.
// Inline for the common case, a text needing no escaping: one screen, one copy.
[[gnu::always_inline]] inline char* write_escaped(char* p, std::string_view text) noexcept {
  if (detail::range_may_hold_special(text.data(), text.data() + text.size())) {
    return detail::write_escaped_slow(p, text);
  }
  detail::copy_bytes(p, text.data(), text.size());
  return p + text.size();
}

// write_escaped() for a screened badge text (no code point XML 1.0 forbids), needing 16 bytes of
// room past escaped_bound(). In groups of 16 bytes that run into the padding: a group without a
// character to escape is stored whole, any other goes byte by byte through a table with a
// fixed-size store each (the padding's zeros write nothing), so neither where the specials fall
// nor where the text ends costs a mispredicted branch.
inline char* write_screened_escaped(char* p, PaddedView padded) noexcept {
  const std::string_view text = padded.text;
  std::size_t group = 0;
  do {
    const blocks::Bytes16 block = blocks::load16(text.data() + group);
    if (!blocks::any_set(detail::escaped_lanes(block))) {
      blocks::store16(p, block);
      p += std::min<std::size_t>(16, text.size() - group);
    } else {
      for (std::size_t i = group; i < group + 16; ++i) {
        const auto byte = static_cast<unsigned char>(text.data()[i]);
        std::memcpy(p, detail::kEntities.bytes[byte], 8);
        p += detail::kEntities.sizes[byte];
      }
    }
    group += 16;
  } while (group < text.size());
  return p;
}

// `text` without the code points XML 1.0 forbids (U+0000-U+0008, U+000B, U+000C, U+000E-U+001F,
// U+FFFE, U+FFFF). Returns `text` itself when it has none (the common case), else a view of
// *storage, which receives the filtered copy.
inline std::string_view drop_xml_forbidden(std::string_view text, std::string* storage) {
  const char* const end = text.data() + text.size();
  const char* p = detail::find_forbidden(text.data(), end);
  if (p == end) return text;
  storage->assign(text.data(), static_cast<std::size_t>(p - text.data()));
  while (p != end) {
    if (detail::kSpecialBytes[static_cast<unsigned char>(*p)] && detail::is_forbidden_at(p, end)) {
      p += static_cast<unsigned char>(*p) == 0xEF ? 3 : 1;
    } else {
      storage->push_back(*p++);
    }
  }
  return *storage;
}

// Markup of at most kCapacity bytes stored with room for a fixed-size copy: writing it is a
// couple of moves whatever its length, where a variable-length copy branches on the length and,
// with lengths that change from badge to badge, mispredicts.
struct PaddedText {
  static constexpr std::size_t kCapacity = 32;
  std::array<char, kCapacity> bytes{};
  std::size_t size = 0;

  constexpr PaddedText() = default;
  // REQUIRES: text.size() <= kCapacity.
  constexpr explicit PaddedText(std::string_view text) : size(text.size()) {
    std::copy(text.begin(), text.end(), bytes.begin());
  }
};

// An SVG document under construction.
class SvgWriter {
 public:
  // Room reserved by span(): writes into it are unchecked, so every span() call must ask for at
  // least what it writes. Call sites ask for kSpanFixed plus the escaped_bound() of their texts;
  // kSpanFixed covers the literal markup and numbers of any single span: under 800 bytes even
  // with every number 24 characters long (ExtremeInputsStayWithinReservations asserts it in
  // debug builds). Over-reserving costs nothing: the buffer is reused and never zero-filled.
  static constexpr std::size_t kSpanFixed = 2048;

  class Span {
   public:
    // Markup known to need no escaping.
    [[gnu::always_inline]] Span& raw(std::string_view markup) noexcept {
      std::memcpy(p_, markup.data(), markup.size());
      p_ += markup.size();
      return *this;
    }
    [[gnu::always_inline]] Span& raw(char c) noexcept {
      *p_++ = c;
      return *this;
    }
    [[gnu::always_inline]] Span& number(double value) noexcept {
      p_ = write_number(p_, value);
      return *this;
    }
    [[gnu::always_inline]] Span& number(const FormattedNumber& number) noexcept {
      std::memcpy(p_, number.padded(), kMaxNumberSize);
      p_ += number.view().size();
      return *this;
    }
    [[gnu::always_inline]] Span& raw(const PaddedText& markup) noexcept {
      std::memcpy(p_, markup.bytes.data(), PaddedText::kCapacity);
      p_ += markup.size;
      return *this;
    }
    // Needs escaped_bound(text) bytes.
    [[gnu::always_inline]] Span& escaped(std::string_view text) noexcept {
      if (!text.empty()) p_ = write_escaped(p_, text);
      return *this;
    }
    // A screened badge text (no code point XML 1.0 forbids); needs escaped_bound() + 16.
    [[gnu::always_inline]] Span& screened_escaped(PaddedView text) noexcept {
      p_ = write_screened_escaped(p_, text);
      return *this;
    }
    // A badge text known to need no escaping (BadgeText::plain()); needs its size + 32. Copies
    // a fixed 32 bytes when that takes it all, as it nearly always does: the padding makes the
    // overrun readable, and what it writes past the text is overwritten next.
    [[gnu::always_inline]] Span& verbatim(PaddedView text) noexcept {
      static_assert(kTextPadding >= 32);
      const std::size_t size = text.size();
      if (size <= 32) {
        std::memcpy(p_, text.text.data(), 32);
      } else {
        detail::copy_bytes(p_, text.text.data(), size);
      }
      p_ += size;
      return *this;
    }
    // ` name="escaped value"`
    [[gnu::always_inline]] Span& attr(std::string_view name, std::string_view value) noexcept {
      return raw(' ').raw(name).raw("=\"").escaped(value).raw('"');
    }
    // ` name="value"` for a value known to need no escaping.
    [[gnu::always_inline]] Span& raw_attr(std::string_view name, std::string_view value) noexcept {
      return raw(' ').raw(name).raw("=\"").raw(value).raw('"');
    }
    [[gnu::always_inline]] Span& raw_attr(std::string_view name, const PaddedText& value) noexcept {
      return raw(' ').raw(name).raw("=\"").raw(value).raw('"');
    }
    // ` name="number"`
    [[gnu::always_inline]] Span& num_attr(std::string_view name, double value) noexcept {
      return raw(' ').raw(name).raw("=\"").number(value).raw('"');
    }
    [[gnu::always_inline]] Span& num_attr(std::string_view name,
                                          const FormattedNumber& number) noexcept {
      return raw(' ').raw(name).raw("=\"").number(number).raw('"');
    }
    // Byte offset in the document, stable across growth (for again()).
    [[gnu::always_inline]] std::size_t offset() const noexcept {
      return static_cast<std::size_t>(p_ - base_);
    }
    // Copies what was written at [pos, pos + size) in this document: repeated text is escaped
    // once. Needs `size` + 32 bytes. Copies whole 16-byte chunks, the first two unconditionally,
    // so that a badge text (rarely over 32 bytes) costs no branch on its length; that is safe
    // because both ends lie in this buffer: reads past the source stay below the span's
    // reservation, and a chunk never reads what an earlier one of the same copy overwrote before
    // it was needed (the source ends where the copy begins, at the latest).
    [[gnu::always_inline]] Span& again(std::size_t pos, std::size_t size) noexcept {
      const char* const source = base_ + pos;
      const auto copy_chunk = [this, source](std::size_t at) {
        const detail::Bytes16 chunk = detail::load16(source + at);
        std::memcpy(p_ + at, &chunk, 16);
      };
      copy_chunk(0);
      copy_chunk(16);
      for (std::size_t copied = 32; copied < size; copied += 16) copy_chunk(copied);
      p_ += size;
      return *this;
    }

   private:
    friend class SvgWriter;
    Span(char* base, char* p) noexcept : base_(base), p_(p) {}

    char* base_;
    char* p_;
  };

  // `expected_size` is only a hint; the buffer grows as needed.
  // `expected_size` is only a hint; the buffer grows as needed.
  explicit SvgWriter(std::size_t expected_size) {
    Scratch& scratch = thread_scratch();
    if (!scratch.in_use) {  // Always, unless two writers are alive on one thread.
      scratch.in_use = true;
      scratch_ = &scratch;
      buffer_ = std::move(scratch.buffer);
      capacity_ = scratch.capacity;
    }
    if (capacity_ < expected_size) grow(expected_size);
  }

  ~SvgWriter() {
    if (scratch_ == nullptr) return;
    // Hand the buffer back for the next badge unless an unusual one (a huge logo) bloated it.
    if (capacity_ <= kMaxKeptCapacity) {
      scratch_->buffer = std::move(buffer_);
      scratch_->capacity = capacity_;
    } else {
      scratch_->capacity = 0;
    }
    scratch_->in_use = false;
  }

  SvgWriter(const SvgWriter&) = delete;
  SvgWriter& operator=(const SvgWriter&) = delete;

  // Room for `max_size` bytes at the end of the document.
  [[gnu::always_inline]] Span span(std::size_t max_size) {
    if (capacity_ - size_ < max_size) grow(size_ + max_size);
    reserved_ = size_ + max_size;
    return Span(buffer_.get(), buffer_.get() + size_);
  }

  // Adds what `span` wrote to the document. Writing past the reservation is a renderer bug that
  // debug builds (the tests) catch here; past the buffer, memory is already corrupt, so stop.
  [[gnu::always_inline]] void commit(const Span& span) {
    size_ = span.offset();
    assert(size_ <= reserved_);
    if (size_ > capacity_) std::abort();
  }

  // The document, copied out of the (reused) buffer into a block whose capacity is rounded up
  // to a multiple of kDocumentGranularity. A badge is a short-lived response body, and with a few
  // block sizes rather than one per badge, glibc hands the next badge the block the last one
  // freed (an exact fit) instead of sorting odd sizes through its large bins: measured 15-40 ns
  // a badge on a fragmented heap, nothing on a fresh one (docs/PERFORMANCE.md), for at most
  // kDocumentGranularity - 1 bytes of slack while the response lives.
  std::string finish() && {
    std::string document;
    document.reserve(size_ | (kDocumentGranularity - 1));
    document.append(buffer_.get(), size_);
    return document;
  }

 private:
  // A per-thread buffer reused across badges, so rendering neither allocates a working buffer
  // nor zero-fills one (std::string::resize would).
  struct Scratch {
    std::unique_ptr<char[]> buffer;
    std::size_t capacity = 0;
    bool in_use = false;
  };
  static constexpr std::size_t kMaxKeptCapacity = std::size_t{1} << 20;
  static constexpr std::size_t kDocumentGranularity = 512;

  static Scratch& thread_scratch() {
    thread_local Scratch scratch;
    return scratch;
  }

  [[gnu::noinline]] void grow(std::size_t needed) {
    const std::size_t capacity = std::max({needed, 2 * capacity_, std::size_t{4096}});
    std::unique_ptr<char[]> buffer(new char[capacity]);
    if (size_ != 0) std::memcpy(buffer.get(), buffer_.get(), size_);
    buffer_ = std::move(buffer);
    capacity_ = capacity;
  }

  Scratch* scratch_ = nullptr;  // Where buffer_ goes back to, if it came from there.
  std::unique_ptr<char[]> buffer_;
  std::size_t capacity_ = 0;
  std::size_t size_ = 0;      // [0, size_) is the document so far.
  std::size_t reserved_ = 0;  // End of the open span's reservation.
};

}  // namespace badgesmith::badges::svg
