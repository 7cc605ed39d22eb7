#include "core/store/secret_store.h"

#include <algorithm>
#include <utility>

namespace badgesmith::store {
namespace {

constexpr std::size_t kMaxOwnerLength = 39;
constexpr std::size_t kMaxRepoLength = 100;

bool is_alphanumeric(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

char to_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

void lower_case(std::string& text) {
  std::transform(text.begin(), text.end(), text.begin(), to_lower);
}

bool is_owner(std::string_view owner) {
  return !owner.empty() && owner.size() <= kMaxOwnerLength &&
         std::all_of(owner.begin(), owner.end(),
                     [](char c) { return is_alphanumeric(c) || c == '-'; });
}

bool is_repo(std::string_view repo) {
  return !repo.empty() && repo.size() <= kMaxRepoLength && repo != "." && repo != ".." &&
         std::all_of(repo.begin(), repo.end(),
                     [](char c) { return is_alphanumeric(c) || c == '.' || c == '_' || c == '-'; });
}

Error bad_owner() {
  return make_error(Errc::kInvalidArgument,
                    "owner must be 1 to 39 letters, digits or hyphens (a GitHub login)", {},
                    "owner");
}

}  // namespace

std::string_view to_string(SecretType type) {
  switch (type) {
    case SecretType::kPackage:
      return "package";
    case SecretType::kTestData:
      return "testdata";
  }
  return "package";  // Unreachable: the switch covers every enumerator.
}

std::optional<SecretType> secret_type_from_string(std::string_view text) {
  for (const SecretType type : {SecretType::kPackage, SecretType::kTestData}) {
    if (text == to_string(type)) return type;
  }
  return std::nullopt;
}

Result<std::string> normalize_secret_owner(std::string owner) {
  if (!is_owner(owner)) return bad_owner();
  lower_case(owner);
  return owner;
}

Result<SecretKey> normalize_secret_key(SecretKey key) {
  Result<std::string> owner = normalize_secret_owner(std::move(key.owner));
  if (!owner) return owner.error();
  key.owner = std::move(owner).value();
  if (!key.repo.empty() && !is_repo(key.repo)) {
    return make_error(Errc::kInvalidArgument,
                      "repo must be 1 to 100 letters, digits, '.', '_' or '-' (a GitHub repository "
                      "name)",
                      {}, "repo");
  }
  lower_case(key.repo);
  return key;
}

}  // namespace badgesmith::store
