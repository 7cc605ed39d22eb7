#include "core/routing/path_params.h"

#include <cstring>

#include "core/routing/path_codec.h"

namespace badgesmith::routing {

PathParams::PathParams(const PathParams& other) noexcept
    : entries_(other.entries_), count_(other.count_), used_(other.used_) {
  std::memcpy(buffer_.data(), other.buffer_.data(), used_);
}

PathParams& PathParams::operator=(const PathParams& other) noexcept {
  if (this == &other) return *this;
  entries_ = other.entries_;
  count_ = other.count_;
  used_ = other.used_;
  std::memcpy(buffer_.data(), other.buffer_.data(), used_);
  return *this;
}

std::string_view PathParams::value(std::size_t i) const noexcept {
  return std::string_view(buffer_.data() + entries_[i].offset, entries_[i].length);
}

std::string_view PathParams::get(std::string_view name) const noexcept {
  for (std::size_t i = 0; i < count_; ++i) {
    if (ascii_iequals(entries_[i].name, name)) return value(i);
  }
  return {};
}

bool PathParams::contains(std::string_view name) const noexcept {
  for (std::size_t i = 0; i < count_; ++i) {
    if (ascii_iequals(entries_[i].name, name)) return true;
  }
  return false;
}

bool PathParams::begin(std::string_view name) noexcept {
  if (count_ >= kMaxParams) return false;
  entries_[count_] = Entry{name, used_, 0};
  ++count_;
  return true;
}

bool PathParams::append(std::string_view bytes) noexcept {
  if (bytes.size() > kCapacity - used_) return false;
  // memcpy from a null data() is undefined even for zero bytes, and string_view{} has one.
  if (!bytes.empty()) std::memcpy(buffer_.data() + used_, bytes.data(), bytes.size());
  used_ = static_cast<std::uint16_t>(used_ + bytes.size());
  entries_[count_ - 1].length = static_cast<std::uint16_t>(used_ - entries_[count_ - 1].offset);
  return true;
}

bool PathParams::append_decoded(std::string_view encoded) noexcept {
  if (!is_valid_percent_encoding(encoded)) return false;
  const std::size_t size = percent_decoded_size(encoded);
  if (size > kCapacity - used_) return false;
  percent_decode_into(encoded, std::span<char>(buffer_.data() + used_, size),
                      /*plus_as_space=*/false);
  used_ = static_cast<std::uint16_t>(used_ + size);
  entries_[count_ - 1].length = static_cast<std::uint16_t>(used_ - entries_[count_ - 1].offset);
  return true;
}

}  // namespace badgesmith::routing
