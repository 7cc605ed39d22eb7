#include "core/security/master_key.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

namespace badgesmith::security {
namespace {

namespace fs = std::filesystem;

// base64 of the bytes 0x00..0x1f.
constexpr char kKeyBase64[] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
// base64 of 32 bytes of 0xff.
constexpr char kOtherKeyBase64[] = "//////////////////////////////////////////8=";

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "badgesmith-key-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed";
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  fs::path write(const std::string& name, const std::string& content, mode_t mode = 0600) const {
    const fs::path file = path_ / name;
    std::ofstream(file, std::ios::binary) << content;
    ::chmod(file.c_str(), mode);
    return file;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Sets (or, for nullopt, unsets) an environment variable for one test.
class ScopedEnv {
 public:
  ScopedEnv(std::string name, std::optional<std::string> value) : name_(std::move(name)) {
    if (const char* old = std::getenv(name_.c_str()); old != nullptr) old_ = old;
    if (value) {
      ::setenv(name_.c_str(), value->c_str(), 1);
    } else {
      ::unsetenv(name_.c_str());
    }
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_.c_str(), old_->c_str(), 1);
    } else {
      ::unsetenv(name_.c_str());
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
  std::optional<std::string> old_;
};

TEST(MasterKeyTest, DecodesBase64OfExactly32Bytes) {
  const auto key = MasterKey::from_base64(kKeyBase64);
  ASSERT_TRUE(key) << key.error().message;
  for (std::size_t i = 0; i < MasterKey::kBytes; ++i) EXPECT_EQ(key.value().bytes()[i], i);
  const auto ones = MasterKey::from_base64(kOtherKeyBase64);
  ASSERT_TRUE(ones);
  EXPECT_TRUE(std::all_of(ones.value().bytes().begin(), ones.value().bytes().end(),
                          [](unsigned char b) { return b == 0xff; }));
}

TEST(MasterKeyTest, RejectsAnythingElseWithoutEchoingIt) {
  const std::string valid = kKeyBase64;
  const std::string cases[] = {
      "",
      valid.substr(0, 43),                                 // Padding missing.
      valid + "=",                                         // Too long.
      "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg==",      // 31 bytes.
      "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gIQ==",  // 33 bytes.
      "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh9=",      // Spare bits set: not canonical.
      "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwd-_8=",      // base64url alphabet.
      " AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",      // Leading space.
      valid + "\n",                                        // Newlines are only tolerated in files.
      "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8A",      // No '=' at the end.
  };
  for (const std::string& text : cases) {
    SCOPED_TRACE(text);
    const auto key = MasterKey::from_base64(text);
    ASSERT_FALSE(key);
    EXPECT_EQ(key.error().code, Errc::kInvalidArgument);
    if (!text.empty()) {
      EXPECT_EQ(key.error().message.find(text), std::string::npos);
    }
  }
}

TEST(MasterKeyTest, IdIsStableShortHexAndDiffersPerKey) {
  const auto key = MasterKey::from_base64(kKeyBase64);
  const auto same = MasterKey::from_base64(kKeyBase64);
  const auto other = MasterKey::from_base64(kOtherKeyBase64);
  ASSERT_TRUE(key && same && other);
  EXPECT_EQ(key.value().id().size(), 16u);
  EXPECT_EQ(key.value().id().find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(key.value().id(), same.value().id());
  EXPECT_NE(key.value().id(), other.value().id());
}

TEST(MasterKeyTest, MovingWipesTheSource) {
  auto key = MasterKey::from_base64(kOtherKeyBase64);
  ASSERT_TRUE(key);
  MasterKey moved = std::move(key).value();
  EXPECT_EQ(moved.bytes()[0], 0xff);
  // NOLINTNEXTLINE(bugprone-use-after-move): the wipe is the contract under test.
  const auto& source = key.value();
  EXPECT_TRUE(std::all_of(source.bytes().begin(), source.bytes().end(),
                          [](unsigned char b) { return b == 0; }));
}

TEST(MasterKeyTest, ReadsAFileToleratingOneTrailingNewline) {
  TempDir dir;
  for (const std::string& content : {std::string(kKeyBase64), std::string(kKeyBase64) + "\n",
                                     std::string(kKeyBase64) + "\r\n"}) {
    const auto key = MasterKey::from_file(dir.write("key", content));
    ASSERT_TRUE(key) << key.error().message;
    EXPECT_EQ(key.value().bytes()[31], 0x1f);
  }
}

TEST(MasterKeyTest, RejectsBadFilesNamingTheFileNotTheContent) {
  TempDir dir;
  const std::string valid = kKeyBase64;
  for (const std::string& content : {valid + "\n\n", " " + valid, valid + " ", std::string(""),
                                     valid + "\n" + valid, std::string("not a key")}) {
    SCOPED_TRACE(content);
    const fs::path file = dir.write("key", content);
    const auto key = MasterKey::from_file(file);
    ASSERT_FALSE(key);
    EXPECT_EQ(key.error().code, Errc::kInvalidArgument);
    EXPECT_NE(key.error().message.find(file.string()), std::string::npos) << key.error().message;
    EXPECT_EQ(key.error().message.find(valid.substr(0, 20)), std::string::npos);
  }
  const auto missing = MasterKey::from_file(dir.path() / "absent");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("No such file"), std::string::npos);
  const auto directory = MasterKey::from_file(dir.path());
  ASSERT_FALSE(directory);
  EXPECT_NE(directory.error().message.find("not a regular file"), std::string::npos);
}

TEST(MasterKeyTest, LoadsAGroupReadableFileAnyway) {
  // Container secret mounts are often 0644; the loader warns (log) rather than refuses.
  TempDir dir;
  EXPECT_TRUE(MasterKey::from_file(dir.write("key", kKeyBase64, 0644)));
}

TEST(MasterKeyTest, EnvironmentWithNeitherVariableMeansNoKey) {
  ScopedEnv inline_key("BADGESMITH_MASTER_KEY", std::nullopt);
  ScopedEnv key_file("BADGESMITH_MASTER_KEY_FILE", "");  // Empty counts as unset.
  const auto key = load_master_key_from_env();
  ASSERT_TRUE(key);
  EXPECT_FALSE(key.value());
}

TEST(MasterKeyTest, EnvironmentInlineKey) {
  ScopedEnv inline_key("BADGESMITH_MASTER_KEY", kKeyBase64);
  ScopedEnv key_file("BADGESMITH_MASTER_KEY_FILE", std::nullopt);
  const auto key = load_master_key_from_env();
  ASSERT_TRUE(key && key.value());
  EXPECT_EQ(key.value()->bytes()[1], 0x01);
}

TEST(MasterKeyTest, EnvironmentKeyFile) {
  TempDir dir;
  ScopedEnv inline_key("BADGESMITH_MASTER_KEY", std::nullopt);
  ScopedEnv key_file("BADGESMITH_MASTER_KEY_FILE",
                     dir.write("key", std::string(kOtherKeyBase64) + "\n").string());
  const auto key = load_master_key_from_env();
  ASSERT_TRUE(key && key.value());
  EXPECT_EQ(key.value()->bytes()[0], 0xff);
}

TEST(MasterKeyTest, EnvironmentErrorsNameTheVariable) {
  {
    ScopedEnv inline_key("BADGESMITH_MASTER_KEY", kKeyBase64);
    ScopedEnv key_file("BADGESMITH_MASTER_KEY_FILE", "/some/file");
    const auto key = load_master_key_from_env();
    ASSERT_FALSE(key);
    EXPECT_NE(key.error().message.find("only one of"), std::string::npos);
  }
  {
    ScopedEnv inline_key("BADGESMITH_MASTER_KEY", "c2VjcmV0LWJ1dC10b28tc2hvcnQ=");
    ScopedEnv key_file("BADGESMITH_MASTER_KEY_FILE", std::nullopt);
    const auto key = load_master_key_from_env();
    ASSERT_FALSE(key);
    EXPECT_EQ(key.error().message.rfind("BADGESMITH_MASTER_KEY: ", 0), 0u) << key.error().message;
    EXPECT_EQ(key.error().message.find("c2VjcmV0"), std::string::npos);
  }
  {
    ScopedEnv inline_key("BADGESMITH_MASTER_KEY", std::nullopt);
    ScopedEnv key_file("BADGESMITH_MASTER_KEY_FILE", "/nonexistent/master.key");
    const auto key = load_master_key_from_env();
    ASSERT_FALSE(key);
    EXPECT_EQ(key.error().message.rfind("BADGESMITH_MASTER_KEY_FILE: ", 0), 0u)
        << key.error().message;
  }
}

}  // namespace
}  // namespace badgesmith::security
