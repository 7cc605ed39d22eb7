// UTF-8 validity, for text that must survive a JSON envelope or a renderer untouched.
#pragma once

#include <string_view>

namespace badgesmith {

// Well-formed UTF-8 per Unicode Table 3-7: no overlongs, surrogates or code points past U+10FFFF.
bool is_valid_utf8(std::string_view text) noexcept;

}  // namespace badgesmith
