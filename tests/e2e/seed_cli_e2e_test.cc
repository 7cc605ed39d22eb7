// `badgesmith seed FILE`: the .NET service's organization-pat-mapping.json and BadgeSmith's own
// format, checked whole before anything is written, idempotent on a re-run, never showing a value.
#include <string>
#include <vector>

#include "operator_cli.h"

namespace badgesmith::e2e {
namespace {

// A stored value: the canary, so that the fixture catches any output showing it.
std::string value(const std::string& suffix) { return std::string(kToken) + suffix; }

// `secrets list` without its UPDATED column, which a re-run's puts move on.
std::vector<std::string> without_updated(const std::vector<std::string>& lines) {
  std::vector<std::string> kept;
  for (const std::string& line : lines) {
    std::vector<std::string> fields;
    for (std::size_t start = 0;;) {
      const std::size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    EXPECT_EQ(fields.size(), 6u) << line;
    if (fields.size() == 6) fields.erase(fields.begin() + 4);
    std::string joined;
    for (const std::string& field : fields) joined += (joined.empty() ? "" : "\t") + field;
    kept.push_back(joined);
  }
  return kept;
}

class SeedCliTest : public OperatorCliTest {
 protected:
  CommandResult seed(const std::string& file, std::vector<std::string> extra = {},
                     const std::string& key = kKey) {
    std::vector<std::string> args = {"seed", file};
    args.insert(args.end(), extra.begin(), extra.end());
    return run(args, std::nullopt, key);
  }

  std::string dotnet_file() {
    return write_file("organization-pat-mapping.json",
                      R"({"secrets":[
  {"org_name":"Acme","name":"acme-packages","secret":")" +
                          value("1") + R"(","type":"Package",
   "description":"GitHub Packages"},
  {"org_name":"acme","name":"acme-tests","secret":")" +
                          value("2") + R"(","type":"TestData"},
  {"org_name":"zeta","name":" ","secret":")" +
                          value("3") + R"(","type":"TestData"},
  {"org_name":"zeta","name":"zeta-packages","secret":"","type":"Package"}]})");
  }

  std::string our_file() {
    return write_file("seed.json", R"({"version":1,
  "secrets":[
    {"owner":"Acme","repo":"Widget","type":"package","value":")" +
                                       value("1") + R"("},
    {"owner":"acme","type":"testdata","value":")" +
                                       value("2") + R"(","legacy_until":"2999-01-01"},
    {"owner":"zeta","type":"testdata","value":")" +
                                       value("3") + R"("}],
  "owners":[{"owner":"Zeta","history_hidden":true},{"owner":"acme","history_hidden":false}]})");
  }
};

TEST_F(SeedCliTest, SeedsTheDotNetMappingSkippingBlankEntries) {
  const std::string file = dotnet_file();
  const CommandResult seeded = seed(file);
  ASSERT_EQ(seeded.exit_code, 0) << seeded.err;
  EXPECT_EQ(seeded.out, "seeded 2 secrets for 1 owners\n");
  const std::vector<std::string> notes = split_lines(seeded.err);
  ASSERT_EQ(notes.size(), 2u) << seeded.err;
  EXPECT_EQ(notes[0].rfind("badgesmith: seed: secrets[2]: skipped: blank name or secret", 0), 0u);
  EXPECT_EQ(notes[1].rfind("badgesmith: seed: secrets[3]: skipped: blank name or secret", 0), 0u);

  std::vector<std::string> lines = list_lines();
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_TRUE(lines[1].starts_with("acme\t*\tpackage\t")) << lines[1];
  EXPECT_TRUE(lines[2].starts_with("acme\t*\ttestdata\t") && lines[2].ends_with("\t-")) << lines[2];
  EXPECT_EQ(owner_setting("acme", "legacy-until"), "off");

  // Migration: every TestData key of the file also accepts legacy signatures for a while.
  const CommandResult legacy = seed(file, {"--legacy-until", "2999-01-01"});
  ASSERT_EQ(legacy.exit_code, 0) << legacy.err;
  EXPECT_EQ(legacy.out,
            "seeded 2 secrets for 1 owners\n"
            "the testdata secret of acme also accepts legacy (.NET, body-only) signatures until "
            "2999-01-01T00:00:00Z\n");
  lines = list_lines();
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_TRUE(lines[1].ends_with("\t-")) << lines[1];
  EXPECT_TRUE(lines[2].ends_with("\t2999-01-01T00:00:00Z")) << lines[2];
  EXPECT_EQ(owner_setting("acme", "legacy-until"), "32472144000");
}

TEST_F(SeedCliTest, SeedsOursAndARerunLeavesTheSameState) {
  const std::string file = our_file();
  const CommandResult seeded = seed(file);
  ASSERT_EQ(seeded.exit_code, 0) << seeded.err;
  EXPECT_EQ(seeded.out,
            "seeded 3 secrets for 2 owners\n"
            "the testdata secret of acme also accepts legacy (.NET, body-only) signatures until "
            "2999-01-01T00:00:00Z\n"
            "history of zeta: hidden\n"
            "history of acme: shown\n");
  EXPECT_EQ(seeded.err, "");
  const std::vector<std::string> first = list_lines();
  ASSERT_EQ(first.size(), 4u);
  EXPECT_TRUE(first[1].starts_with("acme\t*\ttestdata\t") &&
              first[1].ends_with("\t2999-01-01T00:00:00Z"))
      << first[1];
  EXPECT_TRUE(first[2].starts_with("acme\twidget\tpackage\t")) << first[2];
  EXPECT_TRUE(first[3].starts_with("zeta\t*\ttestdata\t") && first[3].ends_with("\t-")) << first[3];
  EXPECT_EQ(owner_setting("zeta", "history-hidden"), "true");
  EXPECT_EQ(owner_setting("acme", "history-hidden"), "false");
  EXPECT_EQ(owner_setting("zeta", "legacy-until"), "off");

  const CommandResult again = seed(file);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, seeded.out);
  EXPECT_EQ(without_updated(list_lines()), without_updated(first));  // created_at kept.
  EXPECT_EQ(owner_setting("zeta", "history-hidden"), "true");
  EXPECT_EQ(owner_setting("acme", "legacy-until"), "32472144000");
}

TEST_F(SeedCliTest, AnInvalidFileWritesNothing) {
  const std::string bad_type = write_file("bad.json", R"({"version":1,"secrets":[
    {"owner":"acme","type":"package","value":")" + value("1") +
                                                          R"("},
    {"owner":"beta","type":"token","value":")" + value("2") +
                                                          R"("}]})");
  const CommandResult fresh = seed(bad_type);
  EXPECT_EQ(fresh.exit_code, 1);
  EXPECT_EQ(fresh.err, "badgesmith: seed: " + bad_type +
                           ": secrets[1].type: must be package or testdata; nothing was written\n");
  EXPECT_FALSE(read_file(data_dir() + "/badgesmith.db"));

  ASSERT_EQ(secrets({"set", "--owner", "zeta", "--type", "package"}, kToken).exit_code, 0);
  const std::vector<std::string> before = list_lines();
  const struct {
    std::string file;
    const char* says;
  } cases[] = {
      {bad_type, "secrets[1].type"},
      {write_file("malformed.json",
                  "{\"version\":1,\"secrets\":[{\"value\":\"" + value("") + "\"}"),
       "malformed JSON"},
      {write_file("large.json", "{\"version\":1,\"pad\":\"" + std::string(1 << 20, 'x') + "\"}"),
       "exceeds 1048576 bytes"},
      {write_file("dup.json", R"({"secrets":[
        {"org_name":"acme","name":"a","secret":")" +
                                  value("1") + R"(","type":"Package"},
        {"org_name":"ACME","name":"b","secret":")" +
                                  value("2") + R"(","type":"Package"}]})"),
       "secrets[1]: the same owner, repo and type as secrets[0]"},
      {path("missing.json"), "cannot open"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    const CommandResult result = seed(c.file);
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_EQ(split_lines(result.err).size(), 1u) << result.err;
    EXPECT_NE(result.err.find(c.says), std::string::npos) << result.err;
  }
  EXPECT_EQ(list_lines(), before);
}

TEST_F(SeedCliTest, NeedsTheMasterKeyAndDotNetForLegacyUntil) {
  const CommandResult no_key = seed(our_file(), {}, "");
  EXPECT_EQ(no_key.exit_code, 1);
  EXPECT_EQ(no_key.err,
            "badgesmith: seed: no master key configured (set BADGESMITH_MASTER_KEY or "
            "BADGESMITH_MASTER_KEY_FILE)\n");
  EXPECT_FALSE(read_file(data_dir() + "/badgesmith.db"));

  const CommandResult ours = seed(our_file(), {"--legacy-until", "2999-01-01"});
  EXPECT_EQ(ours.exit_code, 2);
  EXPECT_NE(ours.err.find("--legacy-until is for a .NET"), std::string::npos) << ours.err;
  const CommandResult bad_date = seed(dotnet_file(), {"--legacy-until", "soon"});
  EXPECT_EQ(bad_date.exit_code, 2);
  EXPECT_NE(bad_date.err.find("--legacy-until must be a date"), std::string::npos);
  EXPECT_FALSE(read_file(data_dir() + "/badgesmith.db"));

  const CommandResult past = seed(dotnet_file(), {"--legacy-until", "2020-01-01"});
  EXPECT_EQ(past.exit_code, 0) << past.err;
  EXPECT_NE(past.err.find("warning: --legacy-until 2020-01-01T00:00:00Z has passed"),
            std::string::npos)
      << past.err;
}

}  // namespace
}  // namespace badgesmith::e2e
