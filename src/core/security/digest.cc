#include "core/security/digest.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>

#include <memory>

namespace badgesmith::security {

std::optional<Sha256> sha256(std::string_view bytes) {
  // OpenSSL 3 looks an algorithm up on every implicit use; fetching it once keeps that cost off
  // each request.
  static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  Sha256 digest{};
  unsigned int length = 0;
  if (md == nullptr ||
      EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, md, nullptr) != 1 ||
      length != kSha256Bytes) {
    return std::nullopt;
  }
  return digest;
}

std::optional<Sha256> hmac_sha256(std::string_view key, std::string_view message) {
  static EVP_MAC* const mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  if (mac == nullptr) return std::nullopt;
  const std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)> context(EVP_MAC_CTX_new(mac),
                                                                          &EVP_MAC_CTX_free);
  char digest_name[] = "SHA256";
  const OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0),
      OSSL_PARAM_construct_end()};
  Sha256 digest{};
  std::size_t length = 0;
  if (context == nullptr ||
      EVP_MAC_init(context.get(), reinterpret_cast<const unsigned char*>(key.data()), key.size(),
                   params) != 1 ||
      EVP_MAC_update(context.get(), reinterpret_cast<const unsigned char*>(message.data()),
                     message.size()) != 1 ||
      EVP_MAC_final(context.get(), digest.data(), &length, digest.size()) != 1 ||
      length != kSha256Bytes) {
    return std::nullopt;
  }
  return digest;
}

}  // namespace badgesmith::security
