#include "features/badges/badge_text.h"

#include <cassert>
#include <cstring>

#include "features/badges/byte_block.h"
#include "features/badges/js_string.h"
#include "features/badges/svg_writer.h"

namespace badgesmith::badges {

using blocks::Bytes16;
using blocks::lanes_below;
using blocks::store16;

BadgeText::BadgeText(const std::string& text) {
  const std::size_t n = text.size();
  char* buffer = inline_;
  bool may_hold_forbidden = true;
  if (n < 16) {
    // A std::string owns at least 16 bytes of storage (its small-string buffer, or a heap block
    // for more than 15 characters), so one 16-byte load from data() takes a short text without
    // a branch on its length; the lanes past the text are zeroed.
    assert(text.capacity() + 1 >= 16);
    const Bytes16 block = blocks::load16(text.data());
    const Bytes16 inside = lanes_below(n);
    store16(buffer, block & inside);
    store16(buffer + 16, Bytes16{});
    store16(buffer + 32, Bytes16{});
    const Bytes16 forbidden = svg::detail::forbidden_lanes(block) & inside;
    plain_ = !blocks::any_set(forbidden | (svg::detail::escaped_lanes(block) & inside));
    may_hold_forbidden = blocks::any_set(forbidden);
  } else {
    if (n > kInlineCapacity) {
      heap_.resize(n + kTextPadding);
      buffer = heap_.data();
    }
    // One pass copies and screens 16 bytes at a time; the last block overlaps the one before.
    Bytes16 forbidden{};
    Bytes16 escaped{};
    const auto take = [&](std::size_t at) {
      const Bytes16 block = blocks::load16(text.data() + at);
      store16(buffer + at, block);
      // special_lanes() is these two together.
      forbidden |= svg::detail::forbidden_lanes(block);
      escaped |= svg::detail::escaped_lanes(block);
    };
    for (std::size_t at = 0; at + 16 < n; at += 16) take(at);
    take(n - 16);
    store16(buffer + n, Bytes16{});
    store16(buffer + n + 16, Bytes16{});
    plain_ = !blocks::any_set(forbidden | escaped);
    may_hold_forbidden = blocks::any_set(forbidden);
  }
  std::string_view kept(buffer, n);
  if (may_hold_forbidden && !plain_) {
    std::string storage;
    const std::string_view screened = svg::drop_xml_forbidden(kept, &storage);
    if (screened.size() != n) {  // Something was dropped, so `screened` is in `storage`.
      std::memcpy(buffer, screened.data(), screened.size());
      kept = {buffer, screened.size()};
    }
  }
  kept = js_trim(kept);
  // Trimming may leave white space where the padding should start.
  char* const end = buffer + (kept.data() - buffer) + kept.size();
  store16(end, Bytes16{});
  store16(end + 16, Bytes16{});
  data_ = kept.data();
  size_ = kept.size();
}

}  // namespace badgesmith::badges
