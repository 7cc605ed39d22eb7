// The master key: 32 random bytes that seal every stored secret (AES-256-GCM, see aes_gcm.h).
// It comes from the environment, never from a flag (argv is visible to every local user):
// BADGESMITH_MASTER_KEY holds its base64, or BADGESMITH_MASTER_KEY_FILE names a file holding it.
// Make one with `head -c 32 /dev/urandom | base64`. Losing it loses every stored secret.
//
// The key bytes are never logged or printed; only id() is.
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/result.h"

namespace badgesmith::security {

inline constexpr std::string_view kMasterKeyEnv = "BADGESMITH_MASTER_KEY";
inline constexpr std::string_view kMasterKeyFileEnv = "BADGESMITH_MASTER_KEY_FILE";

// Thread-safety: const members are safe to call concurrently. Every copy wipes its bytes
// (OPENSSL_cleanse) when destroyed or assigned over; a moved-from key is wiped too.
class MasterKey {
 public:
  static constexpr std::size_t kBytes = 32;

  // Decodes padded standard base64 (RFC 4648 §4) of exactly kBytes bytes: 43 characters of
  // [A-Za-z0-9+/] then one '='. Fails with kInvalidArgument, without echoing `text`.
  static Result<MasterKey> from_base64(std::string_view text);

  // Reads `file`, which holds that base64; one trailing "\n" or "\r\n" is tolerated, nothing
  // else. Fails with kInvalidArgument when the file cannot be read, is not a regular file, or
  // holds anything else. A file that group or others may access is still loaded, because
  // container secret mounts are often 0444 or 0644, but log::warn says so: chmod 600 it.
  static Result<MasterKey> from_file(const std::filesystem::path& file);

  MasterKey(const MasterKey& other) = default;
  MasterKey& operator=(const MasterKey& other);
  MasterKey(MasterKey&& other) noexcept;
  MasterKey& operator=(MasterKey&& other) noexcept;
  ~MasterKey();

  // Valid as long as this key is alive and not assigned over.
  std::span<const unsigned char, kBytes> bytes() const { return bytes_; }

  // 16 lower-case hex digits naming the key: the first 8 bytes of SHA-256 over a label and the
  // key. Safe to store and log; tells "sealed under another key" apart from tampering.
  std::string id() const;

 private:
  MasterKey() = default;
  void wipe() noexcept;

  std::array<unsigned char, kBytes> bytes_{};
};

// The key the environment configures: BADGESMITH_MASTER_KEY (base64) or
// BADGESMITH_MASTER_KEY_FILE (a file, as MasterKey::from_file). An empty variable counts as
// unset. Returns nullopt when neither is set; fails with kInvalidArgument, naming the variable,
// when both are set or the one set is invalid.
Result<std::optional<MasterKey>> load_master_key_from_env();

}  // namespace badgesmith::security
