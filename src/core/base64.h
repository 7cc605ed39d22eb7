// Standard base64 (RFC 4648 §4, padded), for bodies that cross JSON envelopes (API Gateway events).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace badgesmith {

std::string base64_encode(std::string_view bytes);

// Decodes padded standard base64; nullopt when `text` is not exactly that (wrong length, a
// character outside the alphabet, misplaced '=' or non-zero padding bits), so every byte string
// has one accepted spelling.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace badgesmith
