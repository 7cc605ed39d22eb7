#include "core/security/master_key.h"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "core/hex.h"
#include "core/log/log.h"

namespace badgesmith::security {
namespace {

constexpr std::size_t kBase64Chars = 44;  // 4 * ceil(32 / 3), with one '=' of padding.
// The base64, a "\r\n", and nothing more: a larger file is not a key file.
constexpr std::size_t kMaxKeyFileBytes = kBase64Chars + 2;

bool is_base64_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/';
}

// A wiped-on-exit buffer for key material on its way in.
template <std::size_t N>
struct ScratchBytes {
  std::array<unsigned char, N> bytes{};
  ~ScratchBytes() { OPENSSL_cleanse(bytes.data(), bytes.size()); }
};

struct FileDescriptor {
  int fd;
  ~FileDescriptor() {
    if (fd >= 0) ::close(fd);
  }
};

Error malformed_key() {
  return make_error(Errc::kInvalidArgument,
                    "a master key must be the base64 of exactly 32 bytes (make one with "
                    "`head -c 32 /dev/urandom | base64`)");
}

Error unreadable_file(const std::filesystem::path& file, int error_number) {
  return make_error(Errc::kInvalidArgument, "cannot read the master key file " + file.string() +
                                                ": " + std::strerror(error_number));
}

}  // namespace

Result<MasterKey> MasterKey::from_base64(std::string_view text) {
  if (text.size() != kBase64Chars || text.back() != '=') return malformed_key();
  const std::string_view digits = text.substr(0, kBase64Chars - 1);
  for (const char c : digits) {
    if (!is_base64_char(c)) return malformed_key();
  }
  ScratchBytes<kBase64Chars / 4 * 3> decoded;
  const int length =
      EVP_DecodeBlock(decoded.bytes.data(), reinterpret_cast<const unsigned char*>(text.data()),
                      static_cast<int>(text.size()));
  // EVP_DecodeBlock decodes '=' as zero bits into a 33rd byte. 43 digits carry 258 bits, and the
  // two spare ones land there: requiring them zero gives each key exactly one spelling.
  if (length != static_cast<int>(decoded.bytes.size()) || decoded.bytes[kBytes] != 0) {
    return malformed_key();
  }
  MasterKey key;
  std::memcpy(key.bytes_.data(), decoded.bytes.data(), kBytes);
  return key;
}

Result<MasterKey> MasterKey::from_file(const std::filesystem::path& file) {
  const FileDescriptor descriptor{::open(file.c_str(), O_RDONLY | O_CLOEXEC)};
  const int fd = descriptor.fd;
  if (fd < 0) return unreadable_file(file, errno);
  struct stat status {};
  if (::fstat(fd, &status) != 0) return unreadable_file(file, errno);
  if (!S_ISREG(status.st_mode)) {
    return make_error(Errc::kInvalidArgument,
                      "the master key file " + file.string() + " is not a regular file");
  }
  // One byte more than allowed tells an over-long file from a full one.
  ScratchBytes<kMaxKeyFileBytes + 1> content;
  std::size_t size = 0;
  while (size < content.bytes.size()) {
    const ssize_t n = ::read(fd, content.bytes.data() + size, content.bytes.size() - size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return unreadable_file(file, errno);
    if (n == 0) break;
    size += static_cast<std::size_t>(n);
  }
  std::string_view text(reinterpret_cast<const char*>(content.bytes.data()), size);
  if (text.ends_with("\r\n")) {
    text.remove_suffix(2);
  } else if (text.ends_with('\n')) {
    text.remove_suffix(1);
  }
  Result<MasterKey> key = from_base64(text);
  if (!key) {
    return make_error(Errc::kInvalidArgument,
                      "the master key file " + file.string() + " must hold " +
                          "the base64 of exactly 32 bytes and nothing else");
  }
  if ((status.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(status.st_mode & 07777));
    log::warn("the master key file is accessible by group or others; chmod 600 it",
              {{"file", file.string()}, {"mode", mode}});
  }
  return key;
}

MasterKey& MasterKey::operator=(const MasterKey& other) {
  bytes_ = other.bytes_;
  return *this;
}

MasterKey::MasterKey(MasterKey&& other) noexcept : bytes_(other.bytes_) { other.wipe(); }

MasterKey& MasterKey::operator=(MasterKey&& other) noexcept {
  if (this != &other) {
    bytes_ = other.bytes_;
    other.wipe();
  }
  return *this;
}

MasterKey::~MasterKey() { wipe(); }

void MasterKey::wipe() noexcept { OPENSSL_cleanse(bytes_.data(), bytes_.size()); }

std::string MasterKey::id() const {
  // A label keeps this hash from ever equalling another use of SHA-256 over the bare key.
  static constexpr std::string_view kLabel = "badgesmith master key id v1";
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                        &EVP_MD_CTX_free);
  if (context == nullptr || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1 ||
      EVP_DigestUpdate(context.get(), kLabel.data(), kLabel.size()) != 1 ||
      EVP_DigestUpdate(context.get(), bytes_.data(), bytes_.size()) != 1 ||
      EVP_DigestFinal_ex(context.get(), digest.data(), &length) != 1) {
    std::abort();  // Only allocation failure gets here; an id must never be wrong.
  }
  std::string id;
  append_hex(id, digest.data(), 8);
  return id;
}

Result<std::optional<MasterKey>> load_master_key_from_env() {
  const auto variable = [](std::string_view name) -> std::string_view {
    const char* value = std::getenv(std::string(name).c_str());
    return value == nullptr ? std::string_view() : std::string_view(value);
  };
  const std::string_view inline_key = variable(kMasterKeyEnv);
  const std::string_view key_file = variable(kMasterKeyFileEnv);
  if (!inline_key.empty() && !key_file.empty()) {
    return make_error(Errc::kInvalidArgument, "set only one of " + std::string(kMasterKeyEnv) +
                                                  " and " + std::string(kMasterKeyFileEnv));
  }
  if (!inline_key.empty()) {
    Result<MasterKey> key = MasterKey::from_base64(inline_key);
    if (!key)
      return make_error(Errc::kInvalidArgument,
                        std::string(kMasterKeyEnv) + ": " + key.error().message);
    return std::optional<MasterKey>(std::move(key).value());
  }
  if (!key_file.empty()) {
    Result<MasterKey> key = MasterKey::from_file(std::filesystem::path(key_file));
    if (!key)
      return make_error(Errc::kInvalidArgument,
                        std::string(kMasterKeyFileEnv) + ": " + key.error().message);
    return std::optional<MasterKey>(std::move(key).value());
  }
  return std::optional<MasterKey>();
}

}  // namespace badgesmith::security
