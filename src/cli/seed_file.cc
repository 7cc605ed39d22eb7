#include "cli/seed_file.h"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>
#include <utility>

#include "cli/utc_time.h"
#include "core/ascii.h"
#include "core/json_limits.h"

namespace badgesmith::cli {
namespace {

using nlohmann::json;

// Deep enough for any valid file (three levels) and for the field checks to name a misplaced
// container rather than the parser failing on it.
constexpr int kMaxDepth = 8;

Error invalid(std::string_view where, std::string_view message) {
  return make_error(Errc::kInvalidArgument, std::string(where) + ": " + std::string(message));
}

std::string entry_name(std::string_view list, std::size_t index) {
  return std::string(list) + "[" + std::to_string(index) + "]";
}

// `object[field]` as a string, nullopt when absent; fails when it is something else.
Result<std::optional<std::string>> optional_string(const json& object, const std::string& where,
                                                   const char* field) {
  const auto found = object.find(field);
  if (found == object.end()) return std::optional<std::string>{};
  if (!found->is_string()) return invalid(where + "." + field, "must be a string");
  return std::optional<std::string>{found->get<std::string>()};
}

Result<std::string> required_string(const json& object, const std::string& where,
                                    const char* field) {
  BOOST_OUTCOME_TRY(value, optional_string(object, where, field));
  if (!value) return invalid(where + "." + field, "is required");
  return std::move(*value);
}

// Our format refuses unknown fields: a misspelt "legacy_untill" must not silently mean "none".
// The field is not named, since a stray key may be a value pasted in the wrong place.
Result<void> only_fields(const json& object, const std::string& where,
                         std::initializer_list<std::string_view> allowed) {
  for (const auto& [name, value] : object.items()) {
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      std::string list;
      for (std::string_view field : allowed)
        list += (list.empty() ? "" : ", ") + std::string(field);
      return invalid(where, "unknown field (allowed: " + list + ")");
    }
  }
  return success();
}

// `list` as an array, empty when absent.
Result<const json*> optional_array(const json& document, const char* list) {
  static const json kEmpty = json::array();
  const auto found = document.find(list);
  if (found == document.end()) return &kEmpty;
  if (!found->is_array()) return invalid(list, "must be an array");
  return &*found;
}

Result<store::SecretKey> normalized_key(store::SecretKey key, const std::string& where) {
  auto normalized = store::normalize_secret_key(std::move(key));
  if (!normalized) return invalid(where, normalized.error().message);
  return std::move(normalized).value();
}

Result<std::string> checked_value(std::string value, const std::string& where) {
  if (value.empty() || value.size() > store::kMaxSecretBytes) {
    return invalid(where, "must hold 1 to " + std::to_string(store::kMaxSecretBytes) + " bytes");
  }
  return value;
}

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

// One entry of organization-pat-mapping.json. nullopt (with a line in `skipped`) for an entry
// the .NET seeder skipped; unknown fields are ignored, as its deserializer ignored them.
Result<std::optional<SeedSecret>> dotnet_entry(const json& entry, std::size_t index,
                                               std::vector<std::string>& skipped) {
  const std::string where = entry_name("secrets", index);
  if (!entry.is_object()) return invalid(where, "must be an object");
  BOOST_OUTCOME_TRY(name, optional_string(entry, where, "name"));
  BOOST_OUTCOME_TRY(secret, optional_string(entry, where, "secret"));
  if (!name || is_blank(*name) || !secret || is_blank(*secret)) {
    skipped.push_back(where + ": skipped: blank name or secret (as the .NET seeder did)");
    return std::optional<SeedSecret>{};
  }
  BOOST_OUTCOME_TRY(owner, required_string(entry, where, "org_name"));
  BOOST_OUTCOME_TRY(type_text, required_string(entry, where, "type"));
  const auto type = store::secret_type_from_string(ascii_lower(type_text));
  if (!type) return invalid(where + ".type", "must be Package or TestData");
  BOOST_OUTCOME_TRY(key, normalized_key({std::move(owner), "", *type}, where + ".org_name"));
  BOOST_OUTCOME_TRY(value, checked_value(std::move(*secret), where + ".secret"));
  return std::optional<SeedSecret>{
      SeedSecret{index, std::move(key), {std::move(value)}, std::nullopt}};
}

Result<SeedSecret> our_secret(const json& entry, std::size_t index) {
  const std::string where = entry_name("secrets", index);
  if (!entry.is_object()) return invalid(where, "must be an object");
  BOOST_OUTCOME_TRY(only_fields(entry, where, {"owner", "repo", "type", "value", "legacy_until"}));
  BOOST_OUTCOME_TRY(owner, required_string(entry, where, "owner"));
  BOOST_OUTCOME_TRY(repo, optional_string(entry, where, "repo"));
  BOOST_OUTCOME_TRY(type_text, required_string(entry, where, "type"));
  const auto type = store::secret_type_from_string(type_text);
  if (!type) return invalid(where + ".type", "must be package or testdata");
  BOOST_OUTCOME_TRY(key, normalized_key({std::move(owner), repo.value_or(""), *type}, where));
  BOOST_OUTCOME_TRY(value_text, required_string(entry, where, "value"));
  BOOST_OUTCOME_TRY(value, checked_value(std::move(value_text), where + ".value"));
  BOOST_OUTCOME_TRY(until_text, optional_string(entry, where, "legacy_until"));
  std::optional<std::int64_t> until;
  if (until_text) {
    if (!accepts_legacy(key)) {
      return invalid(where + ".legacy_until",
                     "only an owner-wide testdata secret (no repo) takes it");
    }
    until = parse_utc_instant(*until_text);
    if (!until) {
      return invalid(where + ".legacy_until",
                     "must be a date YYYY-MM-DD or an RFC 3339 UTC time (YYYY-MM-DDThh:mm:ssZ)");
    }
  }
  return SeedSecret{index, std::move(key), {std::move(value)}, until};
}

Result<SeedOwner> our_owner(const json& entry, std::size_t index) {
  const std::string where = entry_name("owners", index);
  if (!entry.is_object()) return invalid(where, "must be an object");
  BOOST_OUTCOME_TRY(only_fields(entry, where, {"owner", "history_hidden"}));
  BOOST_OUTCOME_TRY(owner_text, required_string(entry, where, "owner"));
  auto owner = store::normalize_secret_owner(std::move(owner_text));
  if (!owner) return invalid(where, owner.error().message);
  const auto hidden = entry.find("history_hidden");
  if (hidden == entry.end() || !hidden->is_boolean()) {
    return invalid(where + ".history_hidden", "is required: true or false");
  }
  return SeedOwner{index, std::move(owner).value(), hidden->get<bool>()};
}

Result<void> parse_dotnet(const json& document, SeedFile& file) {
  BOOST_OUTCOME_TRY(entries, optional_array(document, "secrets"));
  for (std::size_t i = 0; i < entries->size(); ++i) {
    BOOST_OUTCOME_TRY(secret, dotnet_entry((*entries)[i], i, file.skipped));
    if (secret) file.secrets.push_back(std::move(*secret));
  }
  return success();
}

Result<void> parse_ours(const json& document, SeedFile& file) {
  BOOST_OUTCOME_TRY(only_fields(document, "file", {"version", "secrets", "owners"}));
  const json& version = document["version"];
  if (!version.is_number_integer() || version.get<std::int64_t>() != 1) {
    return invalid("version", "must be 1");
  }
  BOOST_OUTCOME_TRY(secrets, optional_array(document, "secrets"));
  for (std::size_t i = 0; i < secrets->size(); ++i) {
    BOOST_OUTCOME_TRY(secret, our_secret((*secrets)[i], i));
    file.secrets.push_back(std::move(secret));
  }
  BOOST_OUTCOME_TRY(owners, optional_array(document, "owners"));
  for (std::size_t i = 0; i < owners->size(); ++i) {
    BOOST_OUTCOME_TRY(owner, our_owner((*owners)[i], i));
    file.owners.push_back(std::move(owner));
  }
  return success();
}

// Two entries for one key would leave the outcome to their order; the operator decides instead.
Result<void> no_duplicates(const SeedFile& file) {
  std::map<std::tuple<std::string, std::string, store::SecretType>, std::size_t> keys;
  for (const SeedSecret& secret : file.secrets) {
    const auto [first, is_new] =
        keys.try_emplace({secret.key.owner, secret.key.repo, secret.key.type}, secret.index);
    if (!is_new) {
      return invalid(entry_name("secrets", secret.index),
                     "the same owner, repo and type as " + entry_name("secrets", first->second));
    }
  }
  std::map<std::string, std::size_t> owners;
  for (const SeedOwner& owner : file.owners) {
    const auto [first, is_new] = owners.try_emplace(owner.owner, owner.index);
    if (!is_new) {
      return invalid(entry_name("owners", owner.index),
                     "the same owner as " + entry_name("owners", first->second));
    }
  }
  return success();
}

}  // namespace

Result<SeedFile> parse_seed_file(std::string_view text) {
  auto document = parse_json_limited(text, kMaxSeedFileBytes, kMaxDepth);
  if (!document) return invalid("file", document.error().message);
  if (!document.value().is_object()) return invalid("file", "must be a JSON object");
  SeedFile file;
  if (document.value().contains("version")) {
    BOOST_OUTCOME_TRY(parse_ours(document.value(), file));
  } else if (document.value().contains("secrets")) {
    file.is_dotnet = true;
    BOOST_OUTCOME_TRY(parse_dotnet(document.value(), file));
  } else {
    return invalid("file",
                   "neither format: expected \"version\" (BadgeSmith) or \"secrets\" (.NET "
                   "organization-pat-mapping.json)");
  }
  BOOST_OUTCOME_TRY(no_duplicates(file));
  return file;
}

}  // namespace badgesmith::cli
