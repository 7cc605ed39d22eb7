#include "core/store/sqlite_secret_store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/async/work_pool.h"
#include "core/security/master_key.h"
#include "core/store/sqlite_store.h"
#include "store_test_util.h"

namespace badgesmith::store {
namespace {

namespace fs = std::filesystem;
using security::MasterKey;

constexpr std::int64_t kStartTime = 1'700'000'000;
constexpr char kKeyBase64[] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
constexpr char kNewKeyBase64[] = "//////////////////////////////////////////8=";
// Distinctive enough that finding it in the database file can only mean a plaintext leak.
constexpr char kTokenValue[] = "ghp_PLAINTEXT_CANARY_0123456789abcdefXYZ";

std::string read_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

MasterKey key_of(const char* base64) { return MasterKey::from_base64(base64).value(); }

SecretKey secret(std::string owner, std::string repo = "", SecretType type = SecretType::kPackage) {
  return SecretKey{std::move(owner), std::move(repo), type};
}

class SqliteSecretStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { store_ = open_store(key_of(kKeyBase64)); }

  std::unique_ptr<SqliteSecretStore> open_store(std::optional<MasterKey> key) {
    auto opened =
        SqliteSecretStore::open(dir_.path(), pool_, std::move(key), [this] { return now_.load(); });
    if (!opened) {
      ADD_FAILURE() << "open failed: " << opened.error().message;
      return nullptr;
    }
    return std::move(opened).value();
  }

  fs::path db_file() const { return dir_.path() / SqliteStore::kFileName; }

  static Result<void> put(SecretStore& store, SecretKey key, std::string value) {
    return await<void>([&](Callback<void> done) { store.put(key, value, done); });
  }
  static Result<std::optional<std::string>> get(SecretStore& store, SecretKey key) {
    return await<std::optional<std::string>>(
        [&](Callback<std::optional<std::string>> done) { store.get(key, done); });
  }
  static Result<bool> remove(SecretStore& store, SecretKey key) {
    return await<bool>([&](Callback<bool> done) { store.remove(key, done); });
  }
  static Result<std::vector<SecretInfo>> list(SecretStore& store,
                                              std::optional<std::string> owner = std::nullopt) {
    return await<std::vector<SecretInfo>>(
        [&](Callback<std::vector<SecretInfo>> done) { store.list(owner, done); });
  }
  static Result<std::size_t> rekey(SqliteSecretStore& store, const char* base64) {
    return await<std::size_t>(
        [&](Callback<std::size_t> done) { store.rekey(key_of(base64), done); });
  }

  // Three rows in the order the store lists (and rekeys) them.
  void put_three() {
    ASSERT_TRUE(put(*store_, secret("acme"), "acme-package-token"));
    ASSERT_TRUE(put(*store_, secret("acme", "widget", SecretType::kTestData), "widget-hmac"));
    ASSERT_TRUE(put(*store_, secret("zeta"), "zeta-package-token"));
  }

  TempDir dir_;
  std::atomic<std::int64_t> now_{kStartTime};
  async::WorkPool pool_{2};
  std::unique_ptr<SqliteSecretStore> store_;
};

TEST_F(SqliteSecretStoreTest, PutGetListRemove) {
  ASSERT_TRUE(put(*store_, secret("acme"), kTokenValue));
  auto value = get(*store_, secret("acme"));
  ASSERT_TRUE(value) << value.error().message;
  EXPECT_EQ(value.value(), std::optional<std::string>(kTokenValue));

  auto missing = get(*store_, secret("acme", "", SecretType::kTestData));
  ASSERT_TRUE(missing);
  EXPECT_FALSE(missing.value());

  auto listed = list(*store_);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed.value().size(), 1u);
  EXPECT_EQ(listed.value()[0].key.owner, "acme");
  EXPECT_EQ(listed.value()[0].key.repo, "");
  EXPECT_EQ(listed.value()[0].key.type, SecretType::kPackage);
  EXPECT_EQ(listed.value()[0].created_at, kStartTime);

  auto removed = remove(*store_, secret("acme"));
  ASSERT_TRUE(removed);
  EXPECT_TRUE(removed.value());
  auto again = remove(*store_, secret("acme"));
  ASSERT_TRUE(again);
  EXPECT_FALSE(again.value());
  EXPECT_FALSE(get(*store_, secret("acme")).value());
}

TEST_F(SqliteSecretStoreTest, OwnerRepoAndTypeAreSeparateKeys) {
  ASSERT_TRUE(put(*store_, secret("acme"), "owner-wide"));
  ASSERT_TRUE(put(*store_, secret("acme", "widget"), "repo"));
  ASSERT_TRUE(put(*store_, secret("acme", "", SecretType::kTestData), "hmac"));
  EXPECT_EQ(get(*store_, secret("acme")).value(), "owner-wide");
  EXPECT_EQ(get(*store_, secret("acme", "widget")).value(), "repo");
  EXPECT_EQ(get(*store_, secret("acme", "", SecretType::kTestData)).value(), "hmac");
  // No fallback from a repo to its owner: callers decide.
  EXPECT_FALSE(get(*store_, secret("acme", "gadget")).value());
}

TEST_F(SqliteSecretStoreTest, NamesAreCaseInsensitiveAndStoredLowerCase) {
  ASSERT_TRUE(put(*store_, secret("AcMe-Corp", "My.Repo_1"), "token"));
  EXPECT_EQ(get(*store_, secret("acme-corp", "my.repo_1")).value(), "token");
  EXPECT_EQ(get(*store_, secret("ACME-CORP", "MY.REPO_1")).value(), "token");
  ASSERT_TRUE(put(*store_, secret("ACME-corp", "my.REPO_1"), "replaced"));
  auto listed = list(*store_, "ACME-Corp");
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed.value().size(), 1u);
  EXPECT_EQ(listed.value()[0].key.owner, "acme-corp");
  EXPECT_EQ(listed.value()[0].key.repo, "my.repo_1");
  EXPECT_EQ(get(*store_, secret("acme-corp", "my.repo_1")).value(), "replaced");
  EXPECT_TRUE(remove(*store_, secret("ACME-CORP", "My.Repo_1")).value());
}

TEST_F(SqliteSecretStoreTest, ReplacingKeepsCreatedAtAndMovesUpdatedAt) {
  ASSERT_TRUE(put(*store_, secret("acme"), "one"));
  now_ = kStartTime + 60;
  ASSERT_TRUE(put(*store_, secret("acme"), "two"));
  auto listed = list(*store_);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed.value().size(), 1u);
  EXPECT_EQ(listed.value()[0].created_at, kStartTime);
  EXPECT_EQ(listed.value()[0].updated_at, kStartTime + 60);
  EXPECT_EQ(get(*store_, secret("acme")).value(), "two");
}

TEST_F(SqliteSecretStoreTest, ListFiltersByOwnerInOrder) {
  put_three();
  auto all = list(*store_);
  ASSERT_TRUE(all);
  ASSERT_EQ(all.value().size(), 3u);
  EXPECT_EQ(all.value()[0].key.owner, "acme");
  EXPECT_EQ(all.value()[1].key.repo, "widget");
  EXPECT_EQ(all.value()[2].key.owner, "zeta");
  auto acme = list(*store_, "acme");
  ASSERT_TRUE(acme);
  EXPECT_EQ(acme.value().size(), 2u);
  EXPECT_TRUE(list(*store_, "nobody").value().empty());
}

TEST_F(SqliteSecretStoreTest, RejectsInvalidNamesAndValues) {
  const std::vector<SecretKey> bad_keys = {
      secret(""),
      secret("a|b"),
      secret("acme", "a|b"),
      secret(std::string(40, 'a')),
      secret("acme", std::string(101, 'r')),
      secret("acme", ".."),
      secret("acme", "."),
      secret("ac me"),
      secret("acme", "wid/get"),
      secret("acme_corp"),
  };
  for (const SecretKey& key : bad_keys) {
    SCOPED_TRACE(key.owner + "/" + key.repo);
    auto stored = put(*store_, key, "value");
    ASSERT_FALSE(stored);
    EXPECT_EQ(stored.error().code, Errc::kInvalidArgument);
    EXPECT_FALSE(get(*store_, key));
    EXPECT_FALSE(remove(*store_, key));
  }
  EXPECT_TRUE(put(*store_, secret(std::string(39, 'a'), std::string(100, 'r')), "value"));
  EXPECT_FALSE(list(*store_, "a|b"));

  auto empty = put(*store_, secret("acme"), "");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().property, "value");
  EXPECT_FALSE(put(*store_, secret("acme"), std::string(kMaxSecretBytes + 1, 'x')));
  EXPECT_TRUE(put(*store_, secret("acme"), std::string(kMaxSecretBytes, 'x')));
}

TEST_F(SqliteSecretStoreTest, NoPlaintextInTheDatabaseFiles) {
  ASSERT_TRUE(put(*store_, secret("acme"), kTokenValue));
  ASSERT_TRUE(put(*store_, secret("acme", "widget", SecretType::kTestData), kTokenValue));
  for (const char* suffix : {"", "-wal"}) {
    const fs::path file = db_file().native() + suffix;
    if (!fs::exists(file)) continue;
    const auto bytes = read_bytes(file);
    EXPECT_FALSE(bytes.empty()) << file;
    EXPECT_EQ(bytes.find(kTokenValue), std::string::npos) << file;
    EXPECT_EQ(bytes.find("PLAINTEXT_CANARY"), std::string::npos) << file;
  }
  // And after a checkpoint moves everything into the main file.
  store_.reset();
  RawDb raw(db_file());
  raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  EXPECT_EQ(read_bytes(db_file()).find(kTokenValue), std::string::npos);
  EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM secrets"), "2");
}

TEST_F(SqliteSecretStoreTest, ACiphertextMovedToAnotherRowFailsToDecrypt) {
  put_three();
  {
    RawDb raw(db_file());
    // acme's package token into zeta's row: sealed for "acme||package", read as "zeta||package".
    raw.exec(
        "UPDATE secrets SET (nonce, ciphertext) = (SELECT nonce, ciphertext FROM secrets"
        " WHERE owner = 'acme' AND repo = '' AND type = 'package')"
        " WHERE owner = 'zeta' AND repo = '' AND type = 'package'");
    // And the widget's HMAC key relabelled as a package token of the same row.
    raw.exec("UPDATE secrets SET type = 'package' WHERE repo = 'widget'");
  }
  for (const SecretKey& key : {secret("zeta"), secret("acme", "widget")}) {
    auto moved = get(*store_, key);
    ASSERT_FALSE(moved);
    EXPECT_EQ(moved.error().code, Errc::kInternal);
    EXPECT_EQ(moved.error().message, "a stored secret cannot be decrypted");
  }
  EXPECT_EQ(get(*store_, secret("acme")).value(), "acme-package-token");
}

TEST_F(SqliteSecretStoreTest, AnAlteredCiphertextFailsToDecrypt) {
  ASSERT_TRUE(put(*store_, secret("acme"), kTokenValue));
  RawDb(db_file()).exec(
      "UPDATE secrets SET ciphertext = substr(ciphertext, 1, 5) ||"
      " (CASE WHEN substr(ciphertext, 6, 1) = x'00' THEN x'01' ELSE x'00' END) ||"
      " substr(ciphertext, 7)");
  EXPECT_FALSE(get(*store_, secret("acme")));
}

TEST_F(SqliteSecretStoreTest, AnotherKeyCannotDecrypt) {
  ASSERT_TRUE(put(*store_, secret("acme"), kTokenValue));
  auto other = open_store(key_of(kNewKeyBase64));
  auto value = get(*other, secret("acme"));
  ASSERT_FALSE(value);
  EXPECT_EQ(value.error().code, Errc::kInternal);
  EXPECT_EQ(value.error().message.find(kTokenValue), std::string::npos);
}

TEST_F(SqliteSecretStoreTest, ReadsSeeOtherWritersAtOnce) {
  auto other = open_store(key_of(kKeyBase64));
  ASSERT_TRUE(put(*store_, secret("acme"), "first"));
  EXPECT_EQ(get(*other, secret("acme")).value(), "first");
  ASSERT_TRUE(put(*other, secret("acme"), "second"));
  EXPECT_EQ(get(*store_, secret("acme")).value(), "second");
  ASSERT_TRUE(remove(*other, secret("acme")).value());
  EXPECT_FALSE(get(*store_, secret("acme")).value());
}

TEST_F(SqliteSecretStoreTest, WithoutAKeyOnlyMetadataWorks) {
  put_three();
  auto keyless = open_store(std::nullopt);
  ASSERT_NE(keyless, nullptr);
  for (const Error& error :
       {get(*keyless, secret("acme")).error(), put(*keyless, secret("new"), "value").error(),
        rekey(*keyless, kNewKeyBase64).error()}) {
    EXPECT_EQ(error.code, Errc::kUpstreamUnavailable);
    EXPECT_EQ(error.message,
              "no master key configured (set BADGESMITH_MASTER_KEY or BADGESMITH_MASTER_KEY_FILE)");
  }
  EXPECT_EQ(list(*keyless).value().size(), 3u);
  EXPECT_TRUE(remove(*keyless, secret("zeta")).value());
  EXPECT_EQ(list(*store_).value().size(), 2u);
}

TEST_F(SqliteSecretStoreTest, RekeyReencryptsEveryRow) {
  put_three();
  RawDb raw(db_file());
  const std::vector<std::string> old_ciphertexts =
      raw.column("SELECT ciphertext FROM secrets ORDER BY owner, repo, type");
  const std::string old_id = key_of(kKeyBase64).id();
  const std::string new_id = key_of(kNewKeyBase64).id();
  EXPECT_EQ(raw.column("SELECT DISTINCT key_id FROM secrets"), std::vector<std::string>{old_id});

  auto count = rekey(*store_, kNewKeyBase64);
  ASSERT_TRUE(count) << count.error().message;
  EXPECT_EQ(count.value(), 3u);

  EXPECT_EQ(raw.column("SELECT DISTINCT key_id FROM secrets"), std::vector<std::string>{new_id});
  const std::vector<std::string> new_ciphertexts =
      raw.column("SELECT ciphertext FROM secrets ORDER BY owner, repo, type");
  ASSERT_EQ(new_ciphertexts.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_NE(new_ciphertexts[i], old_ciphertexts[i]);
  // Values are unchanged, so updated_at is too.
  EXPECT_EQ(raw.scalar("SELECT MAX(updated_at) FROM secrets"), std::to_string(kStartTime));

  // This store switched keys; a fresh one with the new key reads everything; the old key nothing.
  EXPECT_EQ(get(*store_, secret("acme")).value(), "acme-package-token");
  auto fresh = open_store(key_of(kNewKeyBase64));
  EXPECT_EQ(get(*fresh, secret("acme", "widget", SecretType::kTestData)).value(), "widget-hmac");
  EXPECT_EQ(get(*fresh, secret("zeta")).value(), "zeta-package-token");
  auto stale = open_store(key_of(kKeyBase64));
  for (const SecretKey& key :
       {secret("acme"), secret("acme", "widget", SecretType::kTestData), secret("zeta")}) {
    EXPECT_FALSE(get(*stale, key));
  }
  // Writes after a rekey use the new key.
  ASSERT_TRUE(put(*store_, secret("later"), "later-token"));
  EXPECT_EQ(get(*fresh, secret("later")).value(), "later-token");
}

TEST_F(SqliteSecretStoreTest, RekeyIsAllOrNothing) {
  put_three();
  // The last row (zeta) cannot be opened, so rekey fails after re-sealing the first two.
  RawDb raw(db_file());
  raw.exec("UPDATE secrets SET nonce = zeroblob(12) WHERE owner = 'zeta'");
  const std::vector<std::string> before = raw.column(
      "SELECT key_id || hex(nonce) || hex(ciphertext) FROM secrets ORDER BY owner, repo, type");

  auto count = rekey(*store_, kNewKeyBase64);
  ASSERT_FALSE(count);
  EXPECT_EQ(count.error().code, Errc::kInternal);
  EXPECT_NE(count.error().message.find("zeta (package)"), std::string::npos)
      << count.error().message;
  EXPECT_NE(count.error().message.find("nothing was re-encrypted"), std::string::npos);

  EXPECT_EQ(raw.column("SELECT key_id || hex(nonce) || hex(ciphertext) FROM secrets"
                       " ORDER BY owner, repo, type"),
            before);
  // The store keeps the old key, which still opens the untouched rows.
  EXPECT_EQ(get(*store_, secret("acme")).value(), "acme-package-token");
  EXPECT_EQ(get(*store_, secret("acme", "widget", SecretType::kTestData)).value(), "widget-hmac");
}

TEST_F(SqliteSecretStoreTest, RekeyToTheSameKeyIsRefused) {
  put_three();
  auto count = rekey(*store_, kKeyBase64);
  ASSERT_FALSE(count);
  EXPECT_EQ(count.error().code, Errc::kInvalidArgument);
}

TEST_F(SqliteSecretStoreTest, RekeyOfAnEmptyStoreSwitchesKeys) {
  auto count = rekey(*store_, kNewKeyBase64);
  ASSERT_TRUE(count);
  EXPECT_EQ(count.value(), 0u);
  ASSERT_TRUE(put(*store_, secret("acme"), "token"));
  EXPECT_EQ(RawDb(db_file()).scalar("SELECT key_id FROM secrets"), key_of(kNewKeyBase64).id());
}

TEST_F(SqliteSecretStoreTest, SharesTheDatabaseWithTheItemStore) {
  ASSERT_TRUE(put(*store_, secret("acme"), "token"));
  auto items = SqliteStore::open(dir_.path(), pool_);
  ASSERT_TRUE(items) << items.error().message;
  RawDb raw(db_file());
  EXPECT_EQ(raw.scalar("SELECT MAX(version) FROM schema_migrations"),
            std::to_string(SqliteStore::latest_schema_version()));
  EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM secrets"), "1");
}

TEST(SecretTypeTest, RoundTripsThroughStrings) {
  for (const SecretType type : {SecretType::kPackage, SecretType::kTestData}) {
    EXPECT_EQ(secret_type_from_string(to_string(type)), type);
  }
  EXPECT_EQ(to_string(SecretType::kPackage), "package");
  EXPECT_EQ(to_string(SecretType::kTestData), "testdata");
  EXPECT_FALSE(secret_type_from_string("Package"));
  EXPECT_FALSE(secret_type_from_string("TestData"));
  EXPECT_FALSE(secret_type_from_string(""));
}

}  // namespace
}  // namespace badgesmith::store
