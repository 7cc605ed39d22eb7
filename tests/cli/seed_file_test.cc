#include "cli/seed_file.h"

#include <gtest/gtest.h>

#include <string>

namespace badgesmith::cli {
namespace {

using store::SecretType;

// In every invalid file below, so a message quoting a value would show it.
constexpr char kSecret[] = "SEED_CANARY_VALUE";

TEST(SeedFile, ReadsTheDotNetMappingSkippingBlankEntries) {
  const auto file = parse_seed_file(R"({"secrets":[
      {"org_name":"Acme","name":"acme-pat","secret":"ghp_1","type":"Package","description":"x"},
      {"org_name":"acme","name":"acme-hmac","secret":"k1","type":"TestData"},
      {"org_name":"zeta","name":"  ","secret":"k2","type":"TestData"},
      {"org_name":"zeta","name":"zeta-hmac","secret":"","type":"TestData"},
      {"org_name":"zeta","name":"zeta-pat","secret":"ghp_2","type":"package","extra":1}]})");
  ASSERT_TRUE(file) << file.error().message;
  EXPECT_TRUE(file.value().is_dotnet);
  ASSERT_EQ(file.value().secrets.size(), 3u);
  const SeedSecret& first = file.value().secrets[0];
  EXPECT_EQ(first.key.owner, "acme");
  EXPECT_EQ(first.key.repo, "");
  EXPECT_EQ(first.key.type, SecretType::kPackage);
  EXPECT_EQ(first.value.text, "ghp_1");
  EXPECT_EQ(file.value().secrets[1].key.type, SecretType::kTestData);
  EXPECT_EQ(file.value().secrets[1].legacy_until, std::nullopt);
  EXPECT_EQ(file.value().secrets[2].index, 4u);
  ASSERT_EQ(file.value().skipped.size(), 2u);
  EXPECT_EQ(file.value().skipped[0].rfind("secrets[2]: skipped", 0), 0u);
  EXPECT_EQ(file.value().skipped[1].rfind("secrets[3]: skipped", 0), 0u);
}

TEST(SeedFile, ReadsOurs) {
  const auto file = parse_seed_file(R"({"version":1,
      "secrets":[{"owner":"Acme","repo":"Widget","type":"package","value":"ghp_1"},
                 {"owner":"acme","type":"testdata","value":"k","legacy_until":"2026-12-01"},
                 {"owner":"zeta","type":"testdata","value":"k"}],
      "owners":[{"owner":"Zeta","history_hidden":true},{"owner":"acme","history_hidden":false}]})");
  ASSERT_TRUE(file) << file.error().message;
  EXPECT_FALSE(file.value().is_dotnet);
  ASSERT_EQ(file.value().secrets.size(), 3u);
  EXPECT_EQ(file.value().secrets[0].key.repo, "widget");
  EXPECT_EQ(file.value().secrets[1].legacy_until, std::optional<std::int64_t>{1'796'083'200});
  EXPECT_EQ(file.value().secrets[2].legacy_until, std::nullopt);
  ASSERT_EQ(file.value().owners.size(), 2u);
  EXPECT_EQ(file.value().owners[0].owner, "zeta");
  EXPECT_TRUE(file.value().owners[0].history_hidden);
  EXPECT_FALSE(file.value().owners[1].history_hidden);
  EXPECT_TRUE(file.value().skipped.empty());

  const auto empty = parse_seed_file(R"({"version":1})");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty.value().secrets.empty());
}

TEST(SeedFile, RefusesTheWholeFileNamingEntryAndField) {
  const std::string v = kSecret;
  const struct {
    std::string text;
    const char* message_start;
  } cases[] = {
      {"{\"version\":1,", "file: "},
      {"[]", "file: must be a JSON object"},
      {R"({"owners":[]})", "file: neither format"},
      {R"({"version":2})", "version: must be 1"},
      {R"({"version":"1"})", "version: must be 1"},
      {R"({"version":1,"extra":1})", "file: unknown field"},
      {R"({"version":1,"secrets":{}})", "secrets: must be an array"},
      {R"({"version":1,"secrets":[")" + v + R"("]})", "secrets[0]: must be an object"},
      {R"({"version":1,"secrets":[{"owner":"a","type":"package","value":"x"},)"
       R"({"owner":"a","type":"token","value":")" +
           v + R"("}]})",
       "secrets[1].type: must be package or testdata"},
      {R"({"version":1,"secrets":[{"owner":")" + v + R"(","type":"package","value":"x"}]})",
       "secrets[0]: owner must be"},
      {R"({"version":1,"secrets":[{"owner":"a","repo":"a/b","type":"package","value":"x"}]})",
       "secrets[0]: repo must be"},
      {R"({"version":1,"secrets":[{"owner":"a","type":"package"}]})",
       "secrets[0].value: is required"},
      {R"({"version":1,"secrets":[{"owner":"a","type":"package","value":""}]})",
       "secrets[0].value: must hold 1 to 65536 bytes"},
      {R"({"version":1,"secrets":[{"owner":"a","type":"package","value":5}]})",
       "secrets[0].value: must be a string"},
      {R"({"version":1,"secrets":[{"owner":"a","type":"package","value":"x",")" + v + R"(":1}]})",
       "secrets[0]: unknown field"},
      {R"({"version":1,"secrets":[{"owner":"a","repo":"r","type":"testdata","value":"x",)"
       R"("legacy_until":"2026-12-01"}]})",
       "secrets[0].legacy_until: only an owner-wide testdata secret"},
      {R"({"version":1,"secrets":[{"owner":"a","type":"package","value":"x",)"
       R"("legacy_until":"2026-12-01"}]})",
       "secrets[0].legacy_until: only an owner-wide testdata secret"},
      {R"({"version":1,"secrets":[{"owner":"a","type":"testdata","value":"x",)"
       R"("legacy_until":"2026-12-01T00:00:00+01:00"}]})",
       "secrets[0].legacy_until: must be a date"},
      {R"({"version":1,"secrets":[{"owner":"a","type":"package","value":")" + v +
           R"("},)"
           R"({"owner":"A","type":"package","value":"y"}]})",
       "secrets[1]: the same owner, repo and type as secrets[0]"},
      {R"({"version":1,"owners":[{"owner":"a"}]})", "owners[0].history_hidden: is required"},
      {R"({"version":1,"owners":[{"owner":"a","history_hidden":"yes"}]})",
       "owners[0].history_hidden: is required"},
      {R"({"version":1,"owners":[{"owner":"a","history_hidden":true},)"
       R"({"owner":"A","history_hidden":false}]})",
       "owners[1]: the same owner as owners[0]"},
      {R"({"secrets":[{"org_name":"a","name":"n","secret":")" + v + R"(","type":"Token"}]})",
       "secrets[0].type: must be Package or TestData"},
      {R"({"secrets":[{"name":"n","secret":")" + v + R"(","type":"Package"}]})",
       "secrets[0].org_name: is required"},
      {R"({"secrets":[{"org_name":"a","name":"n","secret":5,"type":"Package"}]})",
       "secrets[0].secret: must be a string"},
      {R"({"secrets":[{"org_name":"a","name":"x","secret":")" + v +
           R"(","type":"Package"},)"
           R"({"org_name":"A","name":"y","secret":"z","type":"package"}]})",
       "secrets[1]: the same owner, repo and type as secrets[0]"},
      {"{\"secrets\":[],\"pad\":\"" + std::string(kMaxSeedFileBytes, 'x') + "\"}",
       "file: JSON document exceeds 1048576 bytes"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text.substr(0, 200));
    const auto file = parse_seed_file(c.text);
    ASSERT_FALSE(file);
    EXPECT_EQ(file.error().code, Errc::kInvalidArgument);
    EXPECT_EQ(file.error().message.rfind(c.message_start, 0), 0u) << file.error().message;
    EXPECT_EQ(file.error().message.find(kSecret), std::string::npos) << file.error().message;
  }
}

}  // namespace
}  // namespace badgesmith::cli
