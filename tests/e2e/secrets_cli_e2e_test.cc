// `badgesmith secrets`: values in through stdin or --from-file only, never out again; the master
// key from the environment; rekey; and one-line errors with exit 2 (usage) or 1 (failure).
#include <string>
#include <vector>

#include "operator_cli.h"

namespace badgesmith::e2e {
namespace {

constexpr char kNewKey[] = "//////////////////////////////////////////8=";

class SecretsCliTest : public OperatorCliTest {};

TEST_F(SecretsCliTest, SetListRemoveWithoutEverShowingTheValue) {
  const CommandResult set =
      secrets({"set", "--owner", "Acme", "--repo", "Widget", "--type", "package"},
              std::string(kToken) + "\n");
  ASSERT_EQ(set.exit_code, 0) << set.err;
  EXPECT_EQ(set.out, "stored the package secret of acme/widget\n");
  EXPECT_EQ(set.err, "");

  const std::vector<std::string> lines = list_lines();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "OWNER\tREPO\tTYPE\tCREATED\tUPDATED\tLEGACY_UNTIL");
  EXPECT_EQ(lines[1].rfind("acme\twidget\tpackage\t20", 0), 0u) << lines[1];

  const auto db = read_file(data_dir() + "/badgesmith.db");
  ASSERT_TRUE(db);
  EXPECT_EQ(db->find(kToken), std::string::npos);
  const auto wal = read_file(data_dir() + "/badgesmith.db-wal");
  EXPECT_TRUE(!wal || wal->find(kToken) == std::string::npos);

  const CommandResult removed =
      secrets({"rm", "--owner", "ACME", "--repo", "widget", "--type", "package"});
  EXPECT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_EQ(list_lines().size(), 1u);

  const CommandResult absent =
      secrets({"rm", "--owner", "acme", "--repo", "widget", "--type", "package"});
  EXPECT_EQ(absent.exit_code, 1);
  EXPECT_EQ(absent.err, "badgesmith: secrets rm: there is no package secret of acme/widget\n");
}

TEST_F(SecretsCliTest, ReadsFromFileAndFiltersListByOwner) {
  const std::string file = write_file("token", std::string(kToken) + "\r\n");
  const CommandResult set =
      secrets({"set", "--owner", "acme", "--type", "testdata", "--from-file", file});
  ASSERT_EQ(set.exit_code, 0) << set.err;
  ASSERT_EQ(secrets({"set", "--owner", "zeta", "--type", "package"}, "other").exit_code, 0);

  const CommandResult acme = secrets({"list", "--owner", "ACME"});
  ASSERT_EQ(acme.exit_code, 0) << acme.err;
  const std::vector<std::string> lines = split_lines(acme.out);
  ASSERT_EQ(lines.size(), 2u) << acme.out;
  EXPECT_EQ(lines[1].rfind("acme\t*\ttestdata\t", 0), 0u) << lines[1];
  EXPECT_EQ(list_lines().size(), 3u);
}

TEST_F(SecretsCliTest, DropsExactlyOneTrailingNewline) {
  // Only a line ending: empty after dropping it, so refused.
  for (const char* input : {"", "\n", "\r\n"}) {
    SCOPED_TRACE(testing::PrintToString(input));
    const CommandResult empty = secrets({"set", "--owner", "acme", "--type", "package"}, input);
    EXPECT_EQ(empty.exit_code, 2);
    EXPECT_EQ(empty.err, "badgesmith: secrets set: the value from stdin is empty\n");
  }
  // Two newlines: one stays, so the value is not empty.
  EXPECT_EQ(secrets({"set", "--owner", "acme", "--type", "package"}, "\n\n").exit_code, 0);
  const std::string empty_file = write_file("empty", "\n");
  const CommandResult from_file =
      secrets({"set", "--owner", "acme", "--type", "package", "--from-file", empty_file});
  EXPECT_EQ(from_file.exit_code, 2);
  EXPECT_NE(from_file.err.find("is empty"), std::string::npos);
}

TEST_F(SecretsCliTest, NeverTakesTheValueFromArguments) {
  for (const std::vector<std::string>& extra : {std::vector<std::string>{kToken},
                                                {"--value", kToken},
                                                {std::string("--value=") + kToken}}) {
    std::vector<std::string> args = {"set", "--owner", "acme", "--type", "package"};
    args.insert(args.end(), extra.begin(), extra.end());
    const CommandResult result = secrets(args, "from-stdin");
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("never from the command line"), std::string::npos) << result.err;
  }
  EXPECT_FALSE(read_file(data_dir() + "/badgesmith.db"));  // Refused before opening the store.
}

TEST_F(SecretsCliTest, MasterKeyFromAFile) {
  CommandOptions options;
  options.stdin_data = kToken;
  options.env = {"BADGESMITH_MASTER_KEY_FILE=" +
                 write_file("master.key", std::string(kKey) + "\n")};
  results_.push_back(run_command(
      {"secrets", "set", "--owner", "acme", "--type", "package", "--data-dir", data_dir()},
      options));
  EXPECT_EQ(results_.back().exit_code, 0) << results_.back().err;
}

TEST_F(SecretsCliTest, MissingOrBadMasterKeyFailsClearly) {
  const CommandResult none = secrets({"set", "--owner", "acme", "--type", "package"}, kToken, "");
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_EQ(none.err,
            "badgesmith: secrets set: no master key configured (set BADGESMITH_MASTER_KEY or "
            "BADGESMITH_MASTER_KEY_FILE)\n");
  EXPECT_FALSE(read_file(data_dir() + "/badgesmith.db"));  // Nothing created.

  const CommandResult bad =
      secrets({"set", "--owner", "acme", "--type", "package"}, kToken, "dG9vLXNob3J0");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.err.rfind("badgesmith: secrets set: BADGESMITH_MASTER_KEY: ", 0), 0u) << bad.err;
  EXPECT_EQ(bad.err.find("dG9vLXNob3J0"), std::string::npos);
  EXPECT_EQ(split_lines(bad.err).size(), 1u);

  // list and rm need no key.
  ASSERT_EQ(secrets({"set", "--owner", "acme", "--type", "package"}, kToken).exit_code, 0);
  const CommandResult listed = secrets({"list"}, std::nullopt, "");
  EXPECT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_EQ(split_lines(listed.out).size(), 2u);
}

TEST_F(SecretsCliTest, RekeyReencryptsEverythingUnderTheNewKey) {
  ASSERT_EQ(secrets({"set", "--owner", "acme", "--type", "package"}, kToken).exit_code, 0);
  ASSERT_EQ(secrets({"set", "--owner", "acme", "--repo", "w", "--type", "testdata"}, "k").exit_code,
            0);
  const std::string new_key = write_file("new.key", std::string(kNewKey) + "\n");
  const std::string third_key =
      write_file("third.key", "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=\n");

  const CommandResult rekeyed = secrets({"rekey", "--new-key-file", new_key});
  ASSERT_EQ(rekeyed.exit_code, 0) << rekeyed.err;
  EXPECT_NE(rekeyed.out.find("re-encrypted 2 secret(s)"), std::string::npos) << rekeyed.out;
  EXPECT_NE(rekeyed.out.find("BADGESMITH_MASTER_KEY_FILE=" + new_key), std::string::npos);

  // The old key opens nothing any more, so rotating away from it again fails, changing nothing.
  const CommandResult stale = secrets({"rekey", "--new-key-file", third_key});
  EXPECT_EQ(stale.exit_code, 1);
  EXPECT_NE(stale.err.find("does not decrypt under the current master key"), std::string::npos)
      << stale.err;
  EXPECT_NE(stale.err.find("nothing was re-encrypted"), std::string::npos);
  EXPECT_EQ(split_lines(stale.err).size(), 1u);

  const CommandResult again =
      secrets({"rekey", "--new-key-file", third_key}, std::nullopt, kNewKey);
  EXPECT_EQ(again.exit_code, 0) << again.err;

  const CommandResult same = secrets({"rekey", "--new-key-file", third_key}, std::nullopt,
                                     "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=");
  EXPECT_EQ(same.exit_code, 1);
  EXPECT_NE(same.err.find("the new master key is the current one"), std::string::npos);
}

TEST_F(SecretsCliTest, UsageErrorsExitTwo) {
  const std::vector<std::vector<std::string>> cases = {
      {"set", "--owner", "acme"},                        // --type missing.
      {"set", "--owner", "acme", "--type", "token"},     // Unknown type.
      {"set", "--owner", "ac|me", "--type", "package"},  // Not a GitHub login.
      {"set", "--owner", "acme", "--repo", "a/b", "--type", "package"},
      {"rm", "--type", "package"},  // --owner missing.
      {"rekey"},                    // --new-key-file missing.
      {"list", "--owner", "-bad-|"},
      {},  // No subcommand.
  };
  for (const std::vector<std::string>& args : cases) {
    SCOPED_TRACE(testing::PrintToString(args));
    const CommandResult result = secrets(args, "value");
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_EQ(split_lines(result.err).size(), 1u) << result.err;
  }
}

TEST_F(SecretsCliTest, CommandsOtherThanSetNeedAnExistingStore) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"list"}, {"rm", "--owner", "acme", "--type", "package"}}) {
    const CommandResult result = secrets(args);
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_EQ(result.err, "badgesmith: secrets " + args[0] + ": no store in " + data_dir() + "\n");
  }
  EXPECT_FALSE(read_file(data_dir() + "/badgesmith.db"));
}

TEST_F(SecretsCliTest, LegacySignatureIsRecordedListedAndCleared) {
  const std::vector<std::string> owner_key = {"set", "--owner", "Acme", "--type", "testdata"};
  const auto set_owner_key = [&](const std::vector<std::string>& extra) {
    std::vector<std::string> args = owner_key;
    args.insert(args.end(), extra.begin(), extra.end());
    return secrets(args, kToken);
  };
  const CommandResult legacy =
      set_owner_key({"--legacy-signature", "--legacy-until", "2999-01-01"});
  ASSERT_EQ(legacy.exit_code, 0) << legacy.err;
  EXPECT_EQ(legacy.out,
            "stored the testdata secret of acme\n"
            "it also accepts legacy (.NET, body-only) signatures until 2999-01-01T00:00:00Z\n");
  EXPECT_EQ(legacy.err, "");
  EXPECT_EQ(owner_setting("acme", "legacy-until"), "32472144000");

  // A repo key and a package key carry no legacy setting and leave the owner's alone.
  ASSERT_EQ(
      secrets({"set", "--owner", "acme", "--repo", "w", "--type", "testdata"}, kToken).exit_code,
      0);
  ASSERT_EQ(secrets({"set", "--owner", "acme", "--type", "package"}, kToken).exit_code, 0);
  std::vector<std::string> lines = list_lines();
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_TRUE(lines[1].starts_with("acme\t*\tpackage\t") && lines[1].ends_with("\t-")) << lines[1];
  EXPECT_TRUE(lines[2].starts_with("acme\t*\ttestdata\t") &&
              lines[2].ends_with("\t2999-01-01T00:00:00Z"))
      << lines[2];
  EXPECT_TRUE(lines[3].starts_with("acme\tw\ttestdata\t") && lines[3].ends_with("\t-")) << lines[3];

  ASSERT_EQ(
      set_owner_key({"--legacy-signature", "--legacy-until", "2999-06-01T12:00:00Z"}).exit_code, 0);
  EXPECT_TRUE(list_lines()[2].ends_with("\t2999-06-01T12:00:00Z"));

  // A new owner key without the flag ends the legacy period.
  const CommandResult plain = set_owner_key({});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.out, "stored the testdata secret of acme\n");
  EXPECT_EQ(owner_setting("acme", "legacy-until"), "off");
  EXPECT_TRUE(list_lines()[2].ends_with("\t-"));

  // Removing the owner key ends it too, so a later key cannot inherit it.
  ASSERT_EQ(set_owner_key({"--legacy-signature", "--legacy-until", "2999-01-01"}).exit_code, 0);
  EXPECT_EQ(owner_setting("acme", "legacy-until"), "32472144000");
  ASSERT_EQ(secrets({"rm", "--owner", "acme", "--type", "testdata"}).exit_code, 0);
  EXPECT_EQ(owner_setting("acme", "legacy-until"), "off");
}

TEST_F(SecretsCliTest, LegacyUntilInThePastIsAcceptedWithAWarning) {
  const CommandResult past = secrets({"set", "--owner", "acme", "--type", "testdata",
                                      "--legacy-signature", "--legacy-until", "2020-01-01"},
                                     kToken);
  ASSERT_EQ(past.exit_code, 0) << past.err;
  EXPECT_EQ(past.err,
            "badgesmith: secrets set: warning: --legacy-until 2020-01-01T00:00:00Z has passed: "
            "legacy signatures are refused already\n");
  EXPECT_TRUE(list_lines()[1].ends_with("\t2020-01-01T00:00:00Z (expired)"));
}

TEST_F(SecretsCliTest, LegacySignatureOnlyForAnOwnerWideTestdataKeyWithADate) {
  const struct {
    std::vector<std::string> args;
    const char* says;
  } cases[] = {
      {{"--type", "testdata", "--legacy-signature"}, "--legacy-until"},
      {{"--type", "testdata", "--legacy-until", "2999-01-01"}, "--legacy-signature"},
      {{"--type", "package", "--legacy-signature", "--legacy-until", "2999-01-01"},
       "needs --type testdata and an owner-wide key"},
      {{"--type", "testdata", "--repo", "w", "--legacy-signature", "--legacy-until", "2999-01-01"},
       "needs --type testdata and an owner-wide key"},
      {{"--type", "testdata", "--legacy-signature", "--legacy-until", "2026-13-01"},
       "--legacy-until must be a date"},
      {{"--type", "testdata", "--legacy-signature", "--legacy-until", "2999-01-01T00:00:00+01:00"},
       "--legacy-until must be a date"},
      {{"--type", "testdata", "--legacy-signature", "--legacy-until", "next-week"},
       "--legacy-until must be a date"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args = {"set", "--owner", "acme"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    SCOPED_TRACE(testing::PrintToString(args));
    const CommandResult result = secrets(args, kToken);
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_EQ(split_lines(result.err).size(), 1u) << result.err;
    EXPECT_NE(result.err.find(c.says), std::string::npos) << result.err;
  }
  EXPECT_FALSE(read_file(data_dir() + "/badgesmith.db"));  // Refused before opening the store.
}

TEST_F(SecretsCliTest, HelpExitsZero) {
  for (const char* command : {"set", "list", "rm", "rekey"}) {
    const CommandResult help = run_command({"secrets", command, "--help"});
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_NE(help.out.find("--data-dir"), std::string::npos) << command;
  }
}

}  // namespace
}  // namespace badgesmith::e2e
