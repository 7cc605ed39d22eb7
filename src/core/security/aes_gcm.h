// AES-256-GCM authenticated encryption (NIST SP 800-38D) through OpenSSL's EVP interface: a fresh
// random 96-bit nonce per seal and a 128-bit tag. Associated data is authenticated, not
// encrypted: binding a ciphertext to where it is stored (e.g. its database key) makes a copy
// moved elsewhere fail to open.
//
// Thread-safety: the functions are safe to call concurrently; they keep no state.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "core/result.h"

namespace badgesmith::security {

inline constexpr std::size_t kAesGcmKeyBytes = 32;
inline constexpr std::size_t kAesGcmNonceBytes = 12;
inline constexpr std::size_t kAesGcmTagBytes = 16;
// Bounds a single message; EVP counts lengths in int.
inline constexpr std::size_t kAesGcmMaxPlaintextBytes = std::size_t{1} << 30;

using AesKeyView = std::span<const unsigned char, kAesGcmKeyBytes>;

struct Sealed {
  std::string nonce;       // kAesGcmNonceBytes random bytes.
  std::string ciphertext;  // As long as the plaintext, followed by the kAesGcmTagBytes tag.
};

// Encrypts `plaintext` under `key`, authenticating it together with `associated_data`.
// A nonce must never repeat under one key; 96 random bits keep the chance negligible for up to
// 2^32 seals per key (SP 800-38D §8.3), far beyond any secret store's needs.
// Fails with kInvalidArgument for a plaintext over kAesGcmMaxPlaintextBytes, with kInternal when
// the random generator or OpenSSL fails.
Result<Sealed> aes_gcm_seal(AesKeyView key, std::string_view plaintext,
                            std::string_view associated_data);

// Decrypts what aes_gcm_seal produced and returns the plaintext. Fails with kInternal, and one
// message for every cause, when the key, nonce, ciphertext, tag or associated data differ from
// the seal's: telling the causes apart would help only an attacker. No plaintext is returned
// (or left in memory) unless the tag verifies.
Result<std::string> aes_gcm_open(AesKeyView key, std::string_view nonce,
                                 std::string_view ciphertext, std::string_view associated_data);

}  // namespace badgesmith::security
