#include "core/security/constant_time.h"

#include <openssl/crypto.h>

namespace badgesmith::security {

bool constant_time_equals(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace badgesmith::security
