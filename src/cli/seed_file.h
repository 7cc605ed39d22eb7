// Seed files for `badgesmith seed`: secrets and owner settings in bulk, in one of two formats told
// apart by their keys (docs/operations.md, "Seeding"):
//
//   .NET   {"secrets":[{"org_name","name","secret","type":"Package"|"TestData","description"}]}
//          (the .NET service's organization-pat-mapping.json; every secret is owner-wide)
//   ours   {"version":1,
//           "secrets":[{"owner","repo"?,"type":"package"|"testdata","value","legacy_until"?}],
//           "owners":[{"owner","history_hidden":bool}]}
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/operator_command.h"
#include "core/result.h"
#include "core/store/secret_store.h"

namespace badgesmith::cli {

inline constexpr std::size_t kMaxSeedFileBytes = std::size_t{1} << 20;

struct SeedSecret {
  std::size_t index = 0;  // Its place in the file's "secrets", for messages.
  store::SecretKey key;   // Normalized.
  WipedString value;
  // Until when (Unix seconds, exclusive) the key also accepts legacy signatures; only ever set
  // for an owner-wide testdata key, for which nullopt means "no legacy".
  std::optional<std::int64_t> legacy_until;
};

struct SeedOwner {
  std::size_t index = 0;  // Its place in the file's "owners", for messages.
  std::string owner;      // Normalized.
  bool history_hidden = false;
};

struct SeedFile {
  bool is_dotnet = false;
  std::vector<SeedSecret> secrets;  // In file order, no key twice.
  std::vector<SeedOwner> owners;    // In file order, no owner twice.
  // One line per entry left out, as the .NET seeder left them out (blank name or secret).
  std::vector<std::string> skipped;
};

// Parses and checks the whole of `text`. Fails with kInvalidArgument, its message naming the
// entry and field ("secrets[2].type: …"), for malformed or too large JSON, neither format, a
// missing, mistyped or invalid field, an unknown field in our format, legacy_until on a key that
// cannot accept legacy signatures, or a key (or owner) given twice. Messages never quote a
// value from the file, since any of them may be a secret put in the wrong place.
Result<SeedFile> parse_seed_file(std::string_view text);

}  // namespace badgesmith::cli
