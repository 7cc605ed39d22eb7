// Badge texts in the form the renderer's hot loops want them: followed by zero padding.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace badgesmith::badges {

// How many zero bytes follow the text of every PaddedView.
inline constexpr std::size_t kTextPadding = 32;

// A text followed in memory by at least kTextPadding zero bytes that are not part of it. Loops
// over badge texts (width sums, escaping, copies) read it in whole blocks and let the zeros run
// past its end, where they add no width and write nothing, instead of branching on exactly
// where it ends: badge texts are short and their lengths vary from badge to badge, so such
// branches mispredicted on most badges.
struct PaddedView {
  std::string_view text;

  bool empty() const noexcept { return text.empty(); }
  std::size_t size() const noexcept { return text.size(); }
};

// A padded copy of any text, for the callers outside the renderer's hot path (tests, the
// string_view overloads).
class PaddedCopy {
 public:
  explicit PaddedCopy(std::string_view text)
      : storage_(text.size() + kTextPadding, '\0'), size_(text.size()) {
    text.copy(storage_.data(), size_);
  }

  PaddedView view() const noexcept { return {{storage_.data(), size_}}; }

 private:
  std::string storage_;
  std::size_t size_;
};

// A label or message prepared as makeBadge() prepares it, plus the one documented divergence:
// the code points XML 1.0 forbids are dropped first (so they neither reach the output nor count
// in widths, trimming or casing), then the text is JS-trimmed. Held in a buffer of its own with
// the padding a PaddedView promises.
class BadgeText {
 public:
  explicit BadgeText(const std::string& text);
  BadgeText(const BadgeText&) = delete;
  BadgeText& operator=(const BadgeText&) = delete;

  PaddedView view() const noexcept { return {{data_, size_}}; }
  // Whether it holds no byte that escaping or the XML screen looks at (svg::detail::kSpecialBytes),
  // so it can be written as it is.
  bool plain() const noexcept { return plain_; }

 private:
  // Room for nearly every badge text without an allocation.
  static constexpr std::size_t kInlineCapacity = 480;

  char inline_[kInlineCapacity + kTextPadding];
  std::string heap_;  // Longer texts, with their padding.
  const char* data_ = nullptr;
  std::size_t size_ = 0;
  bool plain_ = true;
};

}  // namespace badgesmith::badges
