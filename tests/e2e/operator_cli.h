// What the operator-command suites (secrets, seed, history) share: a fresh data directory per
// test, the binary run with a master key, a check that no output ever holds a value, and a
// read-only look at the owner settings the commands write.
#pragma once

#include <sqlite3.h>
#include <sys/stat.h>

#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "harness.h"

namespace badgesmith::e2e {

// Distinctive, so finding it in any output or in the database file can only mean a leak. Every
// value the suites store contains it.
inline constexpr char kToken[] = "ghp_E2E_CANARY_TOKEN_0123456789abcdef";
inline constexpr char kKey[] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

class OperatorCliTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_FALSE(dir_.empty()); }
  void TearDown() override {
    for (const CommandResult& result : results_) {
      EXPECT_EQ(result.out.find(kToken), std::string::npos) << result.out;
      EXPECT_EQ(result.err.find(kToken), std::string::npos) << result.err;
    }
    remove_tree(dir_);
  }

  std::string path(const std::string& name) const { return dir_ + "/" + name; }
  std::string data_dir() const { return path("data"); }

  std::string write_file(const std::string& name, const std::string& content) {
    const std::string file = path(name);
    std::ofstream(file, std::ios::binary) << content;
    ::chmod(file.c_str(), 0600);
    return file;
  }

  // Runs `badgesmith <args> --data-dir <data>` with BADGESMITH_MASTER_KEY=`key` (none when
  // empty).
  CommandResult run(std::vector<std::string> args, std::optional<std::string> stdin_data = {},
                    const std::string& key = kKey) {
    args.insert(args.end(), {"--data-dir", data_dir()});
    CommandOptions options;
    options.stdin_data = std::move(stdin_data);
    if (!key.empty()) options.env.push_back("BADGESMITH_MASTER_KEY=" + key);
    results_.push_back(run_command(args, options));
    return results_.back();
  }

  CommandResult secrets(std::vector<std::string> args, std::optional<std::string> stdin_data = {},
                        const std::string& key = kKey) {
    args.insert(args.begin(), "secrets");
    return run(std::move(args), std::move(stdin_data), key);
  }

  std::vector<std::string> list_lines() {
    const CommandResult listed = secrets({"list"});
    EXPECT_EQ(listed.exit_code, 0) << listed.err;
    return split_lines(listed.out);
  }

  // The raw value of an owner setting ("history-hidden", "legacy-until") as stored by
  // testresults::ResultsRepository (partition "tr-owner#<owner>"); nullopt when there is none.
  std::optional<std::string> owner_setting(const std::string& owner, const std::string& setting) {
    const std::string file = data_dir() + "/badgesmith.db";
    sqlite3* db = nullptr;
    sqlite3_stmt* select = nullptr;
    std::optional<std::string> value;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT value FROM items WHERE pk = ?1 AND sk = ?2", -1, &select,
                           nullptr) != SQLITE_OK) {
      ADD_FAILURE() << "cannot read " << file << ": " << sqlite3_errmsg(db);
    } else {
      const std::string pk = "tr-owner#" + owner;
      sqlite3_bind_text(select, 1, pk.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(select, 2, setting.c_str(), -1, SQLITE_TRANSIENT);
      if (sqlite3_step(select) == SQLITE_ROW) {
        const auto* bytes = static_cast<const char*>(sqlite3_column_blob(select, 0));
        value = std::string(bytes == nullptr ? "" : bytes,
                            static_cast<std::size_t>(sqlite3_column_bytes(select, 0)));
      }
    }
    sqlite3_finalize(select);
    sqlite3_close(db);
    return value;
  }

  std::string dir_ = make_temp_dir();
  std::vector<CommandResult> results_;  // Every command's output, checked for leaks.
};

}  // namespace badgesmith::e2e
