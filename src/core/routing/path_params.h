// The values a route pattern captured from a request path, e.g. {owner} and {branch...}.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace badgesmith::routing {

// Up to kMaxParams (name, decoded value) pairs. Values live in an inline buffer and are addressed
// by offset, so the object copies and moves like a plain value and filling it never allocates
// (the router fills it on every request). Names are views: the caller guarantees they outlive
// this object, which the router does by owning its patterns for the life of the process.
//
// Not thread-safe for concurrent mutation; concurrent const access is fine.
class PathParams {
 public:
  static constexpr std::size_t kMaxParams = 8;
  // Total decoded bytes of all values. A longer value set fails the match as a bad path, so this
  // also caps how much of a path a handler ever sees.
  static constexpr std::size_t kCapacity = 4096;

  PathParams() noexcept = default;
  // Copies only the used part of the buffer; the rest is never read.
  PathParams(const PathParams& other) noexcept;
  PathParams& operator=(const PathParams& other) noexcept;
  // No move operations are declared, so a move is this copy: there is nothing on the heap to
  // steal, and `other` keeps its values.
  ~PathParams() = default;

  // Decoded value of the param called `name` (ASCII case-insensitive), or "" when absent. The
  // view is valid until this object is changed or destroyed.
  std::string_view get(std::string_view name) const noexcept;
  // Whether a param called `name` was captured (its value may still be "").
  bool contains(std::string_view name) const noexcept;

  std::size_t size() const noexcept { return count_; }
  bool empty() const noexcept { return count_ == 0; }
  // Positional access in pattern order. REQUIRES: i < size().
  std::string_view name(std::size_t i) const noexcept { return entries_[i].name; }
  std::string_view value(std::size_t i) const noexcept;

  void clear() noexcept {
    count_ = 0;
    used_ = 0;
  }

  // --- Filling, for the router. None of these allocate. ---

  // Starts a new param with an empty value; later append calls extend it. Returns false when
  // kMaxParams are already held. REQUIRES: `name` outlives this object and every copy of it.
  bool begin(std::string_view name) noexcept;
  // Appends raw bytes to the value begun last. Returns false, appending nothing, when the buffer
  // would overflow. REQUIRES: a successful begin().
  bool append(std::string_view bytes) noexcept;
  // Appends the percent-decoding of `encoded` ('+' stays a plus) to the value begun last.
  // Returns false, appending nothing, on invalid encoding or overflow. REQUIRES: as append().
  bool append_decoded(std::string_view encoded) noexcept;

 private:
  struct Entry {
    std::string_view name;
    std::uint16_t offset = 0;
    std::uint16_t length = 0;
  };
  static_assert(kCapacity <= UINT16_MAX, "offsets are 16-bit");

  std::array<Entry, kMaxParams> entries_{};
  std::uint16_t count_ = 0;
  std::uint16_t used_ = 0;  // Bytes of buffer_ in use; the unused tail is never read.
  std::array<char, kCapacity> buffer_;
};

}  // namespace badgesmith::routing
