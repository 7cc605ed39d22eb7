// The SecretStore contract (core/store/secret_store.h), checked by one typed suite against both
// implementations: SqliteSecretStore on a real database file under a master key, and
// AwsSecretStore on moto (DynamoDB + Secrets Manager on loopback, reset before every test). Then
// what only the AWS store has: rows the .NET seeder wrote, other components' rows in the same
// table, secrets changed behind the table's back, and values kept out of error messages.
#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "../core/store/store_test_util.h"
#include "core/async/io_thread.h"
#include "core/async/work_pool.h"
#include "core/aws/aws_client.h"
#include "core/aws/credentials.h"
#include "core/aws/dynamodb_tables.h"
#include "core/aws/secrets_manager.h"
#include "core/http/client.h"
#include "core/security/master_key.h"
#include "core/store/aws_secret_store.h"
#include "core/store/sqlite_secret_store.h"
#include "fixture_upstream.h"

namespace badgesmith::e2e {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using store::await;
using store::SecretInfo;
using store::SecretKey;
using store::SecretStore;
using store::SecretType;
using Clock = std::function<std::int64_t()>;

constexpr std::int64_t kStartTime = 1'700'000'000;
constexpr char kMasterKey[] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
// Distinctive enough that finding it in a message can only mean a leak.
constexpr char kCanary[] = "ghp_VALUE_CANARY_0123456789abcdefXYZ";

SecretKey secret(std::string owner, std::string repo = "", SecretType type = SecretType::kPackage) {
  return SecretKey{std::move(owner), std::move(repo), type};
}

class SqliteBackend {
 public:
  static void set_up_suite() {}
  static void tear_down_suite() {}
  static std::string name() { return "Sqlite"; }

  Result<void> start(Clock now) {
    auto opened = store::SqliteSecretStore::open(
        dir_.path(), pool_, security::MasterKey::from_base64(kMasterKey).value(), std::move(now));
    if (!opened) return opened.error();
    store_ = std::move(opened).value();
    return success();
  }
  SecretStore& store() { return *store_; }

 private:
  store::TempDir dir_;
  async::WorkPool pool_{2};
  std::unique_ptr<store::SqliteSecretStore> store_;
};

aws::Environment fake_keys() {
  return [](std::string_view name) -> std::optional<std::string> {
    if (name == "AWS_ACCESS_KEY_ID") return "AKIDTEST";
    if (name == "AWS_SECRET_ACCESS_KEY") return "secret";
    if (name == "AWS_EC2_METADATA_DISABLED") return "true";
    return std::nullopt;
  };
}

// One moto for the suite (starting it costs seconds), emptied before each test.
class AwsBackend {
 public:
  static void set_up_suite() { moto_ = new FixtureUpstream(moto_fixture()); }
  static void tear_down_suite() {
    delete moto_;
    moto_ = nullptr;
  }
  static std::string name() { return "Aws"; }

  Result<void> start(Clock now) {
    if (moto_ == nullptr || !moto_->started()) {
      return make_error(Errc::kInternal,
                        "moto did not start: " + (moto_ == nullptr ? "" : moto_->output()));
    }
    Result<http::ClientResponse> reset =
        await<http::ClientResponse>([&](Callback<http::ClientResponse> done) {
          http_.send({"POST", moto_->base_url() + "/moto-api/reset", {}, {}, {}}, done);
        });
    if (!reset || reset.value().status != 200) {
      return make_error(Errc::kInternal, "moto did not reset");
    }
    aws::AwsClientOptions options;
    options.region = "us-east-1";
    options.endpoint = moto_->base_url();
    options.backoff_base = 1ms;
    options.max_attempts = 3;
    client_ = std::make_unique<aws::AwsClient>(options, http_, credentials_, io_.context());
    Result<void> tables = await<void>(
        [&](Callback<void> done) { aws::create_tables(*client_, io_.context(), names_, done); });
    if (!tables) return tables.error();
    store_ = std::make_unique<store::AwsSecretStore>(*client_, io_.context(), names_.org_secrets,
                                                     std::move(now));
    return success();
  }
  SecretStore& store() { return *store_; }
  store::AwsSecretStore& aws_store() { return *store_; }
  aws::AwsClient& client() { return *client_; }
  boost::asio::io_context& io() { return io_.context(); }
  const aws::TableNames& names() const { return names_; }

 private:
  static inline FixtureUpstream* moto_ = nullptr;

  async::IoThread io_;
  http::Client http_{http::ClientOptions{}, io_.context()};
  aws::CredentialsProvider credentials_{http_, aws::CredentialsProviderOptions{fake_keys()}};
  aws::TableNames names_;
  std::unique_ptr<aws::AwsClient> client_;
  std::unique_ptr<store::AwsSecretStore> store_;
};

template <class Backend>
class SecretStoreConformance : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { Backend::set_up_suite(); }
  static void TearDownTestSuite() { Backend::tear_down_suite(); }

  void SetUp() override {
    const Result<void> started = backend_.start([this] { return now_.load(); });
    ASSERT_TRUE(started) << started.error().message;
  }

  Result<void> put(SecretKey key, std::string value) {
    return await<void>([&](Callback<void> done) { store().put(key, value, done); });
  }
  Result<std::optional<std::string>> get(SecretKey key) {
    return await<std::optional<std::string>>(
        [&](Callback<std::optional<std::string>> done) { store().get(key, done); });
  }
  Result<bool> remove(SecretKey key) {
    return await<bool>([&](Callback<bool> done) { store().remove(key, done); });
  }
  Result<std::vector<SecretInfo>> list(std::optional<std::string> owner = std::nullopt) {
    return await<std::vector<SecretInfo>>(
        [&](Callback<std::vector<SecretInfo>> done) { store().list(owner, done); });
  }
  // The value under `key`, or "<none>", or "<error: ...>", for compact expectations.
  std::string value_of(SecretKey key) {
    const auto got = get(std::move(key));
    if (!got) return "<error: " + got.error().message + ">";
    return got.value().value_or("<none>");
  }

  SecretStore& store() { return backend_.store(); }

  std::atomic<std::int64_t> now_{kStartTime};
  Backend backend_;
};

struct BackendNames {
  template <class Backend>
  static std::string GetName(int /*index*/) {
    return Backend::name();
  }
};

using Backends = ::testing::Types<SqliteBackend, AwsBackend>;
TYPED_TEST_SUITE(SecretStoreConformance, Backends, BackendNames);

std::string describe(const std::vector<SecretInfo>& secrets) {
  std::string text;
  for (const SecretInfo& info : secrets) {
    text += info.key.owner + "/" + info.key.repo + "/" + std::string(to_string(info.key.type)) +
            " " + std::to_string(info.created_at) + " " + std::to_string(info.updated_at) + "\n";
  }
  return text;
}

TYPED_TEST(SecretStoreConformance, GetMissingIsNone) {
  EXPECT_EQ(this->value_of(secret("acme")), "<none>");
  EXPECT_EQ(this->value_of(secret("acme", "widgets", SecretType::kTestData)), "<none>");
}

TYPED_TEST(SecretStoreConformance, PutThenGet) {
  ASSERT_TRUE(this->put(secret("acme"), "token-1"));
  EXPECT_EQ(this->value_of(secret("acme")), "token-1");
}

TYPED_TEST(SecretStoreConformance, ReplaceKeepsCreatedAtAndAdvancesUpdatedAt) {
  ASSERT_TRUE(this->put(secret("acme"), "token-1"));
  this->now_ = kStartTime + 100;
  ASSERT_TRUE(this->put(secret("acme"), "token-2"));
  EXPECT_EQ(this->value_of(secret("acme")), "token-2");
  const auto listed = this->list();
  ASSERT_TRUE(listed) << listed.error().message;
  EXPECT_EQ(describe(listed.value()), "acme//package 1700000000 1700000100\n");
}

TYPED_TEST(SecretStoreConformance, RepoOwnerAndTypeAreSeparateWithoutFallback) {
  ASSERT_TRUE(this->put(secret("acme"), "owner-package"));
  ASSERT_TRUE(this->put(secret("acme", "widgets", SecretType::kTestData), "repo-testdata"));
  EXPECT_EQ(this->value_of(secret("acme", "widgets")), "<none>");
  EXPECT_EQ(this->value_of(secret("acme", "", SecretType::kTestData)), "<none>");
  EXPECT_EQ(this->value_of(secret("acme", "gadgets", SecretType::kTestData)), "<none>");
  EXPECT_EQ(this->value_of(secret("acme", "widgets", SecretType::kTestData)), "repo-testdata");
  EXPECT_EQ(this->value_of(secret("acme")), "owner-package");
  ASSERT_TRUE(this->remove(secret("acme")).value());
  EXPECT_EQ(this->value_of(secret("acme", "widgets", SecretType::kTestData)), "repo-testdata");
}

TYPED_TEST(SecretStoreConformance, NamesCompareCaseInsensitively) {
  ASSERT_TRUE(this->put(secret("Acme-Org", "Widgets.Net"), "token"));
  EXPECT_EQ(this->value_of(secret("ACME-ORG", "widgets.net")), "token");
  ASSERT_TRUE(this->put(secret("acme-org", "WIDGETS.NET"), "token-2"));
  const auto listed = this->list("ACME-org");
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_EQ(listed.value().size(), 1u) << describe(listed.value());
  EXPECT_EQ(listed.value()[0].key.owner, "acme-org");
  EXPECT_EQ(listed.value()[0].key.repo, "widgets.net");
  EXPECT_EQ(this->value_of(secret("acme-org", "widgets.net")), "token-2");
}

TYPED_TEST(SecretStoreConformance, InvalidKeysAreInvalidArguments) {
  const std::vector<std::pair<SecretKey, std::string>> bad = {
      {secret(""), "owner"},
      {secret("acme_org"), "owner"},
      {secret(std::string(40, 'a')), "owner"},
      {secret("ORG#acme"), "owner"},
      {secret("acme", ".."), "repo"},
      {secret("acme", "a/b"), "repo"},
      {secret("acme", "w#REPO#x"), "repo"},
      {secret("acme", std::string(101, 'r')), "repo"},
  };
  for (const auto& [key, property] : bad) {
    SCOPED_TRACE(key.owner + " / " + key.repo);
    const auto got = this->get(key);
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error().code, Errc::kInvalidArgument);
    EXPECT_EQ(got.error().property, property);
    const auto put = this->put(key, "token");
    ASSERT_FALSE(put);
    EXPECT_EQ(put.error().code, Errc::kInvalidArgument);
    const auto removed = this->remove(key);
    ASSERT_FALSE(removed);
    EXPECT_EQ(removed.error().code, Errc::kInvalidArgument);
  }
  // The interface promises a store thread even for an answer known at once.
  std::thread::id ran_on;
  const auto got =
      await<std::optional<std::string>>([&](Callback<std::optional<std::string>> done) {
        this->store().get(secret(""), [&ran_on, done](Result<std::optional<std::string>> result) {
          ran_on = std::this_thread::get_id();
          done(std::move(result));
        });
      });
  EXPECT_FALSE(got);
  EXPECT_NE(ran_on, std::this_thread::get_id());

  const auto listed = this->list("not an owner");
  ASSERT_FALSE(listed);
  EXPECT_EQ(listed.error().code, Errc::kInvalidArgument);
  const auto all = this->list();
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_TRUE(all.value().empty()) << describe(all.value());
}

TYPED_TEST(SecretStoreConformance, ValueSizeBounds) {
  for (const std::size_t size : {std::size_t{0}, store::kMaxSecretBytes + 1}) {
    const auto put = this->put(secret("acme"), std::string(size, 'v'));
    ASSERT_FALSE(put) << size;
    EXPECT_EQ(put.error().code, Errc::kInvalidArgument);
    EXPECT_EQ(put.error().property, "value");
  }
  EXPECT_EQ(this->value_of(secret("acme")), "<none>");

  const std::string largest(store::kMaxSecretBytes, 'v');
  ASSERT_TRUE(this->put(secret("acme"), largest));
  EXPECT_EQ(this->value_of(secret("acme")), largest);
  ASSERT_TRUE(this->put(secret("acme", "", SecretType::kTestData), "k"));
  EXPECT_EQ(this->value_of(secret("acme", "", SecretType::kTestData)), "k");
}

TYPED_TEST(SecretStoreConformance, ValuesAreOpaqueBytes) {
  // Not UTF-8, with a NUL: the AWS store has to carry it as SecretBinary.
  const std::string bytes("\xff\x00\xfe\x80key", 7);
  ASSERT_TRUE(this->put(secret("acme", "", SecretType::kTestData), bytes));
  EXPECT_EQ(this->value_of(secret("acme", "", SecretType::kTestData)), bytes);
  ASSERT_TRUE(this->put(secret("acme", "", SecretType::kTestData), "text again"));
  EXPECT_EQ(this->value_of(secret("acme", "", SecretType::kTestData)), "text again");
}

TYPED_TEST(SecretStoreConformance, RemoveSaysWhetherThereWasOne) {
  const auto absent = this->remove(secret("acme"));
  ASSERT_TRUE(absent) << absent.error().message;
  EXPECT_FALSE(absent.value());
  ASSERT_TRUE(this->put(secret("acme"), "token"));
  const auto present = this->remove(secret("ACME"));
  ASSERT_TRUE(present) << present.error().message;
  EXPECT_TRUE(present.value());
  EXPECT_EQ(this->value_of(secret("acme")), "<none>");
  EXPECT_FALSE(this->remove(secret("acme")).value());
}

TYPED_TEST(SecretStoreConformance, ListIsOrderedAndFiltersByOwner) {
  // Written out of order on purpose.
  ASSERT_TRUE(this->put(secret("zeta", "", SecretType::kTestData), "v"));
  ASSERT_TRUE(this->put(secret("acme", "widgets", SecretType::kTestData), "v"));
  ASSERT_TRUE(this->put(secret("acme", "", SecretType::kTestData), "v"));
  ASSERT_TRUE(this->put(secret("acme", "widgets"), "v"));
  ASSERT_TRUE(this->put(secret("acme", "gadgets", SecretType::kTestData), "v"));
  ASSERT_TRUE(this->put(secret("acme"), "v"));
  ASSERT_TRUE(this->put(secret("acme-labs"), "v"));

  const auto all = this->list();
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_EQ(describe(all.value()),
            "acme//package 1700000000 1700000000\n"
            "acme//testdata 1700000000 1700000000\n"
            "acme/gadgets/testdata 1700000000 1700000000\n"
            "acme/widgets/package 1700000000 1700000000\n"
            "acme/widgets/testdata 1700000000 1700000000\n"
            "acme-labs//package 1700000000 1700000000\n"
            "zeta//testdata 1700000000 1700000000\n");

  const auto acme = this->list("Acme");
  ASSERT_TRUE(acme) << acme.error().message;
  EXPECT_EQ(acme.value().size(), 5u) << describe(acme.value());
  for (const SecretInfo& info : acme.value()) EXPECT_EQ(info.key.owner, "acme");

  const auto nobody = this->list("nobody");
  ASSERT_TRUE(nobody) << nobody.error().message;
  EXPECT_TRUE(nobody.value().empty());
}

TYPED_TEST(SecretStoreConformance, SetAfterRemoveWorksAtOnce) {
  ASSERT_TRUE(this->put(secret("acme", "widgets"), "first"));
  ASSERT_TRUE(this->remove(secret("acme", "widgets")).value());
  this->now_ = kStartTime + 50;
  const auto again = this->put(secret("acme", "widgets"), "second");
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(this->value_of(secret("acme", "widgets")), "second");
  const auto listed = this->list();
  ASSERT_TRUE(listed);
  // A new secret: created afresh, not the removed one's created_at.
  EXPECT_EQ(describe(listed.value()), "acme/widgets/package 1700000050 1700000050\n");
}

// What only the AWS store has.
class AwsSecretStoreTest : public SecretStoreConformance<AwsBackend> {
 protected:
  Result<json> call(aws::Service service, std::string_view operation, const json& body) {
    const auto answer = await<std::string>([&](Callback<std::string> done) {
      backend_.client().call(service, operation, body.dump(), done);
    });
    if (!answer) return answer.error();
    return json::parse(answer.value());
  }
  Result<json> dynamodb(std::string_view operation, json body) {
    body["TableName"] = backend_.names().org_secrets;
    return call(aws::Service::kDynamoDb, operation, body);
  }
  Result<json> secrets(std::string_view operation, const json& body) {
    return call(aws::Service::kSecretsManager, operation, body);
  }
  static json s(const std::string& text) { return {{"S", text}}; }
};

// As tests/seeders/BadgeSmith.DynamoDb.Seeders does it (badgesmith-dotnet.md §10.4): a secret
// named after the mapping entry, and a row with SecretName and CreatedAt (DateTime "O" format).
TEST_F(AwsSecretStoreTest, ReadsWhatTheDotNetSeederWrote) {
  ASSERT_TRUE(secrets("CreateSecret", {{"Name", "badgesmith/github/acme-packages"},
                                       {"SecretString", "seeded-token"}}));
  ASSERT_TRUE(dynamodb("PutItem", {{"Item",
                                    {{"PK", s("ORG#acme")},
                                     {"SK", s("CONST#GITHUB#package")},
                                     {"SecretName", s("badgesmith/github/acme-packages")},
                                     {"CreatedAt", s("2025-09-08T12:34:56.1234567Z")}}}}));
  EXPECT_EQ(value_of(secret("acme")), "seeded-token");
  auto listed = list();
  ASSERT_TRUE(listed) << listed.error().message;
  EXPECT_EQ(describe(listed.value()), "acme//package 1757334896 1757334896\n");

  // Setting it again re-points the row at our name, keeps CreatedAt, and leaves the seeded
  // secret alone (another row may name it).
  ASSERT_TRUE(put(secret("acme"), "new-token"));
  EXPECT_EQ(value_of(secret("acme")), "new-token");
  const auto row =
      dynamodb("GetItem", {{"Key", {{"PK", s("ORG#acme")}, {"SK", s("CONST#GITHUB#package")}}}});
  ASSERT_TRUE(row);
  EXPECT_EQ(row.value()["Item"]["SecretName"]["S"], "badgesmith/github/acme/package");
  EXPECT_EQ(row.value()["Item"]["CreatedAt"]["S"], "2025-09-08T12:34:56.1234567Z");
  listed = list();
  ASSERT_TRUE(listed);
  EXPECT_EQ(describe(listed.value()), "acme//package 1757334896 1700000000\n");
  const auto seeded = secrets("GetSecretValue", {{"SecretId", "badgesmith/github/acme-packages"}});
  ASSERT_TRUE(seeded);
  EXPECT_EQ(seeded.value()["SecretString"], "seeded-token");
}

TEST_F(AwsSecretStoreTest, ListSkipsRowsThatAreNotSecrets) {
  ASSERT_TRUE(put(secret("acme"), "token"));
  ASSERT_TRUE(put(secret("acme", "widgets", SecretType::kTestData), "key"));
  // Another component's settings, a type this build does not know, unreadable names and times.
  for (const auto& [pk, sk] :
       std::vector<std::pair<std::string, std::string>>{{"ORG#acme", "SETTING#retention"},
                                                        {"ORG#acme", "CONST#GITHUB#nuget"},
                                                        {"ORG#Acme", "CONST#GITHUB#package"},
                                                        {"ORG#bad_owner", "CONST#GITHUB#package"},
                                                        {"ORG#acme", "CONST#GITHUB#package#REPO#"},
                                                        {"SETTINGS", "CONST#GITHUB#package"}}) {
    ASSERT_TRUE(dynamodb(
        "PutItem",
        {{"Item", {{"PK", s(pk)}, {"SK", s(sk)}, {"SecretName", s("badgesmith/github/x")}}}}));
  }
  ASSERT_TRUE(dynamodb("PutItem", {{"Item",
                                    {{"PK", s("ORG#zeta")},
                                     {"SK", s("CONST#GITHUB#testdata")},
                                     {"SecretName", s("badgesmith/github/zeta")},
                                     {"CreatedAt", s("yesterday")},
                                     {"UpdatedAt", s("2026-13-01T00:00:00Z")}}}}));
  const auto all = list();
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_EQ(describe(all.value()),
            "acme//package 1700000000 1700000000\n"
            "acme/widgets/testdata 1700000000 1700000000\n"
            "zeta//testdata 0 0\n");
  const auto acme = list("acme");
  ASSERT_TRUE(acme);
  EXPECT_EQ(acme.value().size(), 2u) << describe(acme.value());
}

// Limit applies before the filter, so some Scan pages hold only other rows, or none at all.
TEST_F(AwsSecretStoreTest, ListReadsEveryPage) {
  ASSERT_TRUE(put(secret("acme"), "v"));
  ASSERT_TRUE(put(secret("acme", "widgets"), "v"));
  ASSERT_TRUE(put(secret("acme", "widgets", SecretType::kTestData), "v"));
  ASSERT_TRUE(put(secret("zeta"), "v"));
  for (const char* setting : {"SETTING#a", "SETTING#b", "SETTING#c"}) {
    ASSERT_TRUE(dynamodb("PutItem", {{"Item", {{"PK", s("ORG#acme")}, {"SK", s(setting)}}}}));
  }
  backend_.aws_store().set_page_limit_for_test(1);
  const auto all = list();
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_EQ(describe(all.value()),
            "acme//package 1700000000 1700000000\n"
            "acme/widgets/package 1700000000 1700000000\n"
            "acme/widgets/testdata 1700000000 1700000000\n"
            "zeta//package 1700000000 1700000000\n");
  const auto acme = list("acme");
  ASSERT_TRUE(acme) << acme.error().message;
  EXPECT_EQ(acme.value().size(), 3u) << describe(acme.value());
}

TEST_F(AwsSecretStoreTest, RowWhoseSecretIsGoneReadsAsNone) {
  ASSERT_TRUE(put(secret("acme"), "token"));
  ASSERT_TRUE(secrets("DeleteSecret", {{"SecretId", "badgesmith/github/acme/package"},
                                       {"ForceDeleteWithoutRecovery", true}}));
  EXPECT_EQ(value_of(secret("acme")), "<none>");
  // A secret in its recovery window is gone as well, and setting it again restores it.
  ASSERT_TRUE(put(secret("acme", "", SecretType::kTestData), "key-1"));
  ASSERT_TRUE(secrets("DeleteSecret", {{"SecretId", "badgesmith/github/acme/testdata"},
                                       {"RecoveryWindowInDays", 7}}));
  EXPECT_EQ(value_of(secret("acme", "", SecretType::kTestData)), "<none>");
  const auto restored = put(secret("acme", "", SecretType::kTestData), "key-2");
  ASSERT_TRUE(restored) << restored.error().message;
  EXPECT_EQ(value_of(secret("acme", "", SecretType::kTestData)), "key-2");
}

TEST_F(AwsSecretStoreTest, RemoveDeletesTheSecretAtOnce) {
  ASSERT_TRUE(put(secret("acme", "widgets"), "token"));
  ASSERT_TRUE(remove(secret("acme", "widgets")).value());
  const auto gone =
      secrets("DescribeSecret", {{"SecretId", "badgesmith/github/acme/widgets/package"}});
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, Errc::kNotFound);
}

TEST_F(AwsSecretStoreTest, MissingTableIsUnavailableAndNeverEchoesTheValue) {
  store::AwsSecretStore unconfigured(backend_.client(), backend_.io(), "no-such-table");
  const auto got = await<std::optional<std::string>>(
      [&](Callback<std::optional<std::string>> done) { unconfigured.get(secret("acme"), done); });
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().code, Errc::kUpstreamUnavailable);
  const auto put =
      await<void>([&](Callback<void> done) { unconfigured.put(secret("acme"), kCanary, done); });
  ASSERT_FALSE(put);
  EXPECT_EQ(put.error().code, Errc::kUpstreamUnavailable);
  EXPECT_EQ(put.error().message.find(kCanary), std::string::npos) << put.error().message;
  const auto listed = await<std::vector<SecretInfo>>(
      [&](Callback<std::vector<SecretInfo>> done) { unconfigured.list(std::nullopt, done); });
  ASSERT_FALSE(listed);
  EXPECT_EQ(listed.error().code, Errc::kUpstreamUnavailable);
}

// An AWS error message that quotes the value (here: the fixture's message "fixture <Code>" with
// the value chosen to be that message) is replaced before it reaches the caller.
TEST(SecretsManagerTest, ErrorsNeverCarryTheValue) {
  FixtureUpstream::Options options;
  options.script = fixtures_dir() + "/aws/aws_fixture.py";
  FixtureUpstream fixture(std::move(options));
  ASSERT_TRUE(fixture.started()) << fixture.output();
  ASSERT_TRUE(fixture.configure(R"({"error": "InvalidParameterException"})"));
  async::IoThread io;
  http::Client http{http::ClientOptions{}, io.context()};
  aws::CredentialsProvider credentials{http, aws::CredentialsProviderOptions{fake_keys()}};
  aws::AwsClientOptions client_options;
  client_options.region = "us-east-1";
  client_options.endpoint = fixture.base_url();
  aws::AwsClient client(client_options, http, credentials, io.context());
  const std::string value = "fixture InvalidParameterException";
  const auto put = await<void>([&](Callback<void> done) {
    aws::create_or_update_secret(client, "badgesmith/github/acme/package", value, done);
  });
  ASSERT_FALSE(put);
  EXPECT_EQ(put.error().code, Errc::kInternal);
  EXPECT_EQ(put.error().message.find(value), std::string::npos) << put.error().message;
  EXPECT_EQ(fixture.hits("/"), 1);
}

}  // namespace
}  // namespace badgesmith::e2e
