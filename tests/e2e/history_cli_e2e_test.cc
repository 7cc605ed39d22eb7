// `badgesmith history hide|show OWNER`: the owner's history setting, written to an existing store
// without a master key, each command saying what the setting was before.
#include <string>
#include <vector>

#include "operator_cli.h"

namespace badgesmith::e2e {
namespace {

class HistoryCliTest : public OperatorCliTest {
 protected:
  CommandResult history(const std::string& command, const std::string& owner) {
    return run({"history", command, owner}, std::nullopt, /*key=*/"");
  }
};

TEST_F(HistoryCliTest, HideAndShowRoundTrip) {
  ASSERT_EQ(secrets({"set", "--owner", "acme", "--type", "testdata"}, kToken).exit_code, 0);
  EXPECT_EQ(owner_setting("acme", "history-hidden"), std::nullopt);

  const CommandResult hidden = history("hide", "Acme");
  ASSERT_EQ(hidden.exit_code, 0) << hidden.err;
  EXPECT_EQ(hidden.out,
            "history of acme: hidden (was shown); its badges and redirects stay public\n");
  EXPECT_EQ(hidden.err, "");
  EXPECT_EQ(owner_setting("acme", "history-hidden"), "true");
  EXPECT_EQ(history("hide", "acme").out,
            "history of acme: hidden (was hidden); its badges and redirects stay public\n");

  const CommandResult shown = history("show", "ACME");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_EQ(shown.out, "history of acme: shown (was hidden)\n");
  EXPECT_EQ(owner_setting("acme", "history-hidden"), "false");
  EXPECT_EQ(history("show", "acme").out, "history of acme: shown (was shown)\n");
  EXPECT_EQ(owner_setting("zeta", "history-hidden"), std::nullopt);  // Per owner.
}

TEST_F(HistoryCliTest, RefusesBadOwnersAndAMissingStore) {
  const CommandResult missing = history("hide", "acme");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err, "badgesmith: history hide: no store in " + data_dir() + "\n");
  EXPECT_FALSE(read_file(data_dir() + "/badgesmith.db"));

  ASSERT_EQ(secrets({"set", "--owner", "acme", "--type", "package"}, kToken).exit_code, 0);
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"history", "hide", "ac|me"},
                                             {"history", "show", "-bad-"},
                                             {"history", "hide"},
                                             {"history"},
                                             {"history", "toggle", "acme"}}) {
    SCOPED_TRACE(testing::PrintToString(args));
    const CommandResult result = run(args);
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_EQ(split_lines(result.err).size(), 1u) << result.err;
  }
}

}  // namespace
}  // namespace badgesmith::e2e
