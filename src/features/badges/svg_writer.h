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

// 16-bytes-at-a-time screening, as texts are mostly plain. GCC/Clang vector extensions compile
// to SSE2 on x86-64 (and to NEON or scalar code elsewhere).
using Bytes16 = unsigned char __attribute__((vector_size(16)));

inline bool any_set(Bytes16 mask) noexcept {
  std::uint64_t low, high;
  std::memcpy(&low, &mask, 8);
  std::memcpy(&high, reinterpret_cast<const char*>(&mask) + 8, 8);
  return (low | high) != 0;
}

// Whether the 16 bytes at p might hold a byte kSpecialBytes flags (false: certainly none).
inline bool may_hold_special(const char* p) noexcept {
  Bytes16 v;
  std::memcpy(&v, p, 16);
  return any_set(Bytes16((v < 0x20) | (v == '&') | (v == '<') | (v == '>') | (v == '"') |
                         (v == '\'') | (v == 0xEF)));
}

// Whether the 16 bytes at p might start a code point XML 1.0 forbids.
inline bool may_hold_forbidden(const char* p) noexcept {
  Bytes16 v;
  std::memcpy(&v, p, 16);
  return any_set(Bytes16((v < 0x20) | (v == 0xEF)));
}

// The first code point XML 1.0 forbids in [p, end), or end.
inline const char* find_forbidden(const char* p, const char* end) noexcept {
  while (p < end) {
    if (end - p >= 16 && !may_hold_forbidden(p)) {
      p += 16;
      continue;
    }
    for (const char* const stop = end - p > 16 ? p + 16 : end; p < stop; ++p) {
      if (kSpecialBytes[static_cast<unsigned char>(*p)] && is_forbidden_at(p, end)) return p;
    }
  }
  return end;
}

inline constexpr char kDigitPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

// format_number() for everything but the fast path: shortest round-trip digits from
// std::to_chars, laid out as ECMAScript Number::toString does.
inline std::size_t format_number_general(char* buffer, double value) noexcept {
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
  // Fast path: non-negative multiples of 1/4 below 1e9, i.e. every number in a normal badge.
  // There the exact decimal is also the shortest round-trip one (a coarser decimal is off by
  // >= 0.05, far beyond the precision left at that magnitude), so it is what JS prints.
  if (value >= 0 && value < 1e9) {
    const double quarters = value * 4;  // Exact: a power-of-two scaling.
    const auto whole_quarters = static_cast<std::uint32_t>(quarters);
    if (static_cast<double>(whole_quarters) == quarters) {
      std::uint32_t integer = whole_quarters >> 2;  // < 1e9: at most nine digits.
      std::size_t size = integer < 10 ? 1 : integer < 100 ? 2 : integer < 1000 ? 3 : 4;
      for (std::uint32_t bound = 10000; size < 9 && integer >= bound; bound *= 10) ++size;
      char* p = buffer + size;
      while (integer >= 100) {
        p -= 2;
        std::memcpy(p, &detail::kDigitPairs[std::size_t{2} * (integer % 100)], 2);
        integer /= 100;
      }
      if (integer >= 10) {
        std::memcpy(p - 2, &detail::kDigitPairs[std::size_t{2} * integer], 2);
      } else {
        p[-1] = static_cast<char>('0' + integer);
      }
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

// A number formatted once, for values written several times.
class FormattedNumber {
 public:
  explicit FormattedNumber(double value) noexcept : size_(format_number(text_, value)) {}
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

// Writes `text` at p with badge-maker's escapeXml() applied (& < > " ' become entities, nothing
// else changes) -- except that code points XML 1.0 forbids are dropped, so the document stays
// well-formed whatever the input. Returns the new end; needs escaped_bound(text) bytes.
inline char* write_escaped(char* p, std::string_view text) noexcept {
  const char* const end = text.data() + text.size();
  const char* run = text.data();
  const char* stop = run;  // Bytes before `stop` get checked one by one.
  for (const char* q = run; q < end;) {
    if (q >= stop) {
      if (end - q >= 16 && !detail::may_hold_special(q)) {
        q += 16;
        continue;
      }
      stop = end - q > 16 ? q + 16 : end;
    }
    const auto c = static_cast<unsigned char>(*q);
    if (!detail::kSpecialBytes[c] || (c == 0xEF && !detail::is_forbidden_noncharacter(q, end))) {
      ++q;
      continue;
    }
    std::memcpy(p, run, static_cast<std::size_t>(q - run));
    p += q - run;
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
    q += c == 0xEF ? 3 : 1;
    run = q;
  }
  if (run < end) {  // `run` may be null for an empty view, which memcpy does not allow.
    std::memcpy(p, run, static_cast<std::size_t>(end - run));
    p += end - run;
  }
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
      p_ += format_number(p_, value);
      return *this;
    }
    [[gnu::always_inline]] Span& number(const FormattedNumber& number) noexcept {
      std::memcpy(p_, number.padded(), kMaxNumberSize);
      p_ += number.view().size();
      return *this;
    }
    // Needs escaped_bound(text) bytes.
    [[gnu::always_inline]] Span& escaped(std::string_view text) noexcept {
      if (!text.empty()) p_ = write_escaped(p_, text);
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
    // once. Needs `size` bytes.
    [[gnu::always_inline]] Span& again(std::size_t pos, std::size_t size) noexcept {
      std::memcpy(p_, base_ + pos, size);
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

  // The document: one exact-size copy out of the (reused) buffer.
  std::string finish() && { return std::string(buffer_.get(), size_); }

 private:
  // A per-thread buffer reused across badges, so rendering neither allocates a working buffer
  // nor zero-fills one (std::string::resize would).
  struct Scratch {
    std::unique_ptr<char[]> buffer;
    std::size_t capacity = 0;
    bool in_use = false;
  };
  static constexpr std::size_t kMaxKeptCapacity = std::size_t{1} << 20;

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
