#include "core/security/aes_gcm.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <climits>
#include <memory>

namespace badgesmith::security {
namespace {

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

// OpenSSL 3 looks an algorithm up on every EVP_aes_256_gcm() use; fetching it once is cheaper.
const EVP_CIPHER* aes_256_gcm() {
  static EVP_CIPHER* const cipher = EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr);
  return cipher;
}

const unsigned char* bytes_of(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

unsigned char* bytes_of(std::string& text) { return reinterpret_cast<unsigned char*>(text.data()); }

Error open_failed() {
  return make_error(Errc::kInternal,
                    "decryption failed: wrong key, or the data or its associated data was altered");
}

Error cipher_failed() { return make_error(Errc::kInternal, "encryption failed"); }

}  // namespace

Result<Sealed> aes_gcm_seal(AesKeyView key, std::string_view plaintext,
                            std::string_view associated_data) {
  if (plaintext.size() > kAesGcmMaxPlaintextBytes || associated_data.size() > INT_MAX) {
    return make_error(Errc::kInvalidArgument, "the value is too large to encrypt");
  }
  Sealed sealed;
  sealed.nonce.resize(kAesGcmNonceBytes);
  if (RAND_bytes(bytes_of(sealed.nonce), static_cast<int>(kAesGcmNonceBytes)) != 1) {
    return cipher_failed();
  }
  const CipherContext context(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  const EVP_CIPHER* cipher = aes_256_gcm();
  if (context == nullptr || cipher == nullptr) return cipher_failed();
  sealed.ciphertext.resize(plaintext.size() + kAesGcmTagBytes);
  int length = 0;
  int final_length = 0;
  // The default GCM IV length is 12 bytes, the size SP 800-38D recommends; no need to set it.
  if (EVP_EncryptInit_ex2(context.get(), cipher, key.data(), bytes_of(sealed.nonce), nullptr) !=
          1 ||
      (!associated_data.empty() &&
       EVP_EncryptUpdate(context.get(), nullptr, &length, bytes_of(associated_data),
                         static_cast<int>(associated_data.size())) != 1) ||
      EVP_EncryptUpdate(context.get(), bytes_of(sealed.ciphertext), &length, bytes_of(plaintext),
                        static_cast<int>(plaintext.size())) != 1 ||
      EVP_EncryptFinal_ex(context.get(), bytes_of(sealed.ciphertext) + length, &final_length) !=
          1 ||
      EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kAesGcmTagBytes),
                          bytes_of(sealed.ciphertext) + plaintext.size()) != 1) {
    return cipher_failed();
  }
  return sealed;
}

Result<std::string> aes_gcm_open(AesKeyView key, std::string_view nonce,
                                 std::string_view ciphertext, std::string_view associated_data) {
  if (nonce.size() != kAesGcmNonceBytes || ciphertext.size() < kAesGcmTagBytes ||
      ciphertext.size() - kAesGcmTagBytes > kAesGcmMaxPlaintextBytes ||
      associated_data.size() > INT_MAX) {
    return open_failed();
  }
  const std::string_view encrypted = ciphertext.substr(0, ciphertext.size() - kAesGcmTagBytes);
  // EVP takes the expected tag through a non-const pointer; it only reads it.
  std::string tag(ciphertext.substr(encrypted.size()));
  const CipherContext context(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  const EVP_CIPHER* cipher = aes_256_gcm();
  if (context == nullptr || cipher == nullptr) return open_failed();
  std::string plaintext(encrypted.size(), '\0');
  int length = 0;
  int final_length = 0;
  const bool opened =
      EVP_DecryptInit_ex2(context.get(), cipher, key.data(), bytes_of(nonce), nullptr) == 1 &&
      (associated_data.empty() ||
       EVP_DecryptUpdate(context.get(), nullptr, &length, bytes_of(associated_data),
                         static_cast<int>(associated_data.size())) == 1) &&
      EVP_DecryptUpdate(context.get(), bytes_of(plaintext), &length, bytes_of(encrypted),
                        static_cast<int>(encrypted.size())) == 1 &&
      EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kAesGcmTagBytes),
                          tag.data()) == 1 &&
      EVP_DecryptFinal_ex(context.get(), bytes_of(plaintext) + length, &final_length) == 1;
  if (!opened) {
    // GCM decrypts before it verifies: whatever came out is unauthenticated, so wipe it.
    OPENSSL_cleanse(plaintext.data(), plaintext.size());
    return open_failed();
  }
  return plaintext;
}

}  // namespace badgesmith::security
