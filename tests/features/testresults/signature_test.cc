// Signature scheme v2 and the legacy check. The vectors come from docs/signing.md, so the
// document, the server and the client recipes there cannot drift apart.
#include "features/testresults/signature.h"

#include <gtest/gtest.h>
#include <stdio.h>
#include <stdlib.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/routing/path_codec.h"

namespace badgesmith::testresults {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kMinute = 60'000;
// 2026-11-28T08:00:00Z.
constexpr std::int64_t kEightOClock = 1'795'852'800'000;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

void write_file(const fs::path& path, std::string_view bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// `text` as one shell word.
std::string shell_quote(std::string_view text) {
  std::string quoted = "'";
  for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// Standard output of `command` run by sh, or "" when it fails.
std::string run(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return {};
  std::string output;
  std::array<char, 4096> buffer;
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output.append(buffer.data(), n);
  return pclose(pipe) == 0 ? output : std::string();
}

// The one fenced block of `language` in `markdown`, without its fences.
std::string fenced_block(const std::string& markdown, std::string_view language) {
  const std::string open = "```" + std::string(language) + "\n";
  const std::size_t begin = markdown.find(open);
  EXPECT_NE(begin, std::string::npos) << "no " << open;
  EXPECT_EQ(markdown.find(open, begin + 1), std::string::npos) << "more than one " << open;
  if (begin == std::string::npos) return {};
  const std::size_t content = begin + open.size();
  return markdown.substr(content, markdown.find("```", content) - content);
}

const std::string& signing_doc() {
  static const std::string doc = read_file(fs::path(BADGESMITH_SOURCE_DIR) / "docs/signing.md");
  return doc;
}

std::vector<nlohmann::json> doc_vectors() {
  std::vector<nlohmann::json> vectors;
  std::istringstream lines(fenced_block(signing_doc(), "jsonl"));
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) vectors.push_back(nlohmann::json::parse(line));
  }
  return vectors;
}

// A scratch directory removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "badgesmith-sig-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed";
    path_ = pattern;
  }
  ~TempDir() { fs::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// The X-Signature line of a client's output.
std::string signature_in(const std::string& headers) {
  const std::size_t at = headers.find("X-Signature: ");
  if (at == std::string::npos) return {};
  const std::size_t begin = at + std::string_view("X-Signature: ").size();
  return headers.substr(begin, headers.find('\n', begin) - begin);
}

// --- Header syntax. ---

TEST(SignatureTimestamp, AcceptsStrictUtcRfc3339) {
  const struct {
    std::string_view text;
    std::int64_t millis;
  } cases[] = {
      {"2026-11-28T08:00:00Z", kEightOClock},
      {"2026-11-28T08:00:00.123Z", kEightOClock + 123},
      {"2026-11-28T08:00:00.5Z", kEightOClock + 500},
      {"2026-11-28T08:00:00.999999999Z", kEightOClock + 999},  // Finer digits are truncated.
      {"2026-11-28T08:00:00.000Z", kEightOClock},
      {"1970-01-01T00:00:00Z", 0},
      {"2024-02-29T23:59:59Z", 1'709'251'199'000},
      {"2000-02-29T00:00:00Z", 951'782'400'000},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(parse_timestamp(c.text), std::optional<std::int64_t>(c.millis)) << c.text;
  }
}

TEST(SignatureTimestamp, RejectsEverythingElse) {
  for (const std::string_view text : {"",
                                      "2026-11-28",
                                      "2026-11-28T08:00:00",
                                      "2026-11-28T08:00:00+00:00",
                                      "2026-11-28T08:00:00.123+01:00",
                                      "2026-11-28t08:00:00Z",
                                      "2026-11-28T08:00:00z",
                                      "2026-11-28 08:00:00Z",
                                      "2026-11-28T08:00Z",
                                      "2026-11-28T08:00:00.Z",
                                      "2026-11-28T08:00:00.1234567890Z",
                                      "2026-11-28T08:00:00,123Z",
                                      "2026-13-01T00:00:00Z",
                                      "2026-00-01T00:00:00Z",
                                      "2026-11-31T00:00:00Z",
                                      "2026-02-29T00:00:00Z",
                                      "1900-02-29T00:00:00Z",
                                      "2026-11-00T00:00:00Z",
                                      "2026-11-28T24:00:00Z",
                                      "2026-11-28T08:60:00Z",
                                      "2026-11-28T08:00:60Z",
                                      "+2026-11-28T08:00:00Z",
                                      "2026-1-28T08:00:00Z",
                                      "20261128T080000Z",
                                      " 2026-11-28T08:00:00Z",
                                      "2026-11-28T08:00:00.12aZ",
                                      "2026-11-28T08:00:00Z\n",
                                      "２０２６-11-28T08:00:00Z",
                                      "Sat, 28 Nov 2026 08:00:00 GMT",
                                      "1795852800"}) {
    EXPECT_EQ(parse_timestamp(text), std::nullopt) << text;
  }
}

TEST(SignatureNonce, AcceptsSixteenToOneHundredTwentyEightUrlSafeCharacters) {
  EXPECT_TRUE(is_valid_nonce("0123456789abcdef"));
  EXPECT_TRUE(is_valid_nonce(std::string(128, 'Z')));
  EXPECT_TRUE(is_valid_nonce("AZaz09_-AZaz09_-"));
  EXPECT_FALSE(is_valid_nonce(""));
  EXPECT_FALSE(is_valid_nonce("0123456789abcde"));
  EXPECT_FALSE(is_valid_nonce(std::string(129, 'Z')));
  for (const std::string_view bad : {"0123456789abcde=", "0123456789abcde+", "0123456789abcde/",
                                     "0123456789abcde.", "0123456789 abcde", "0123456789abcdé"}) {
    EXPECT_FALSE(is_valid_nonce(bad)) << bad;
  }
}

http::Headers valid_headers() {
  http::Headers headers;
  headers.add("X-Timestamp", "2026-11-28T08:00:00.123Z");
  headers.add("X-Nonce", "n0nce-0123456789abcdef");
  headers.add("X-Signature", "sha256=" + std::string(64, 'a'));
  return headers;
}

TEST(SignedHeaders, ReadsTheThreeHeadersTrimmedAndInAnyCase) {
  http::Headers headers;
  headers.add("x-timestamp", " 2026-11-28T08:00:00.123Z\t");
  headers.add("X-NONCE", "n0nce-0123456789abcdef ");
  headers.add("x-Signature", " whatever the client sent");
  const auto parsed = parse_signed_headers(headers);
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(parsed.value().timestamp, "2026-11-28T08:00:00.123Z");
  EXPECT_EQ(parsed.value().timestamp_ms, kEightOClock + 123);
  EXPECT_EQ(parsed.value().nonce, "n0nce-0123456789abcdef");
  // A malformed signature is verify()'s to reject, as a wrong one.
  EXPECT_EQ(parsed.value().signature, "whatever the client sent");
}

TEST(SignedHeaders, MissingBlankRepeatedOrMalformedHeadersAreInvalidHeaders) {
  const struct {
    std::string_view name;
    std::optional<std::string_view> value;  // nullopt: removed.
    bool repeat;                            // Added a second time.
  } cases[] = {
      {"X-Timestamp", std::nullopt, false},
      {"X-Nonce", std::nullopt, false},
      {"X-Signature", std::nullopt, false},
      {"X-Timestamp", "", false},
      {"X-Nonce", "  ", false},
      {"X-Signature", " \t", false},
      {"X-Timestamp", "2026-11-28T08:00:00.123Z", true},
      {"X-Nonce", "n0nce-0123456789abcdef", true},
      {"X-Signature", "sha256=00", true},
      {"X-Timestamp", "2026-11-28T08:00:00+00:00", false},
      {"X-Timestamp", "Sat, 28 Nov 2026 08:00:00 GMT", false},
      {"X-Nonce", "short", false},
      {"X-Nonce", "has spaces in the nonce", false},
  };
  for (const auto& c : cases) {
    http::Headers headers = valid_headers();
    if (c.repeat) {
      headers.add(c.name, *c.value);
    } else if (c.value) {
      headers.set(c.name, *c.value);
    } else {
      headers.remove(c.name);
    }
    const auto parsed = parse_signed_headers(headers);
    ASSERT_FALSE(parsed) << c.name << ": " << c.value.value_or("(missing)");
    EXPECT_EQ(parsed.error().code, Errc::kInvalidArgument);
    EXPECT_EQ(parsed.error().error_code, "INVALID_HEADERS");
    EXPECT_EQ(parsed.error().property, c.name);
  }
}

// --- Timestamp window. ---

TEST(SignatureWindow, BoundsAreInclusiveAndConfigurable) {
  const TimestampWindow window;
  const std::int64_t now = kEightOClock;
  EXPECT_TRUE(check_timestamp(now, now, window));
  EXPECT_TRUE(check_timestamp(now - 5 * kMinute, now, window));
  EXPECT_TRUE(check_timestamp(now + kMinute, now, window));
  for (const std::int64_t stale_or_early :
       {now - 5 * kMinute - 1, now + kMinute + 1, std::int64_t{0}, now + 365 * 24 * 60 * kMinute}) {
    const auto checked = check_timestamp(stale_or_early, now, window);
    ASSERT_FALSE(checked) << stale_or_early;
    EXPECT_EQ(checked.error().code, Errc::kInvalidArgument);
    EXPECT_EQ(checked.error().error_code, "INVALID_TIMESTAMP");
  }

  const TimestampWindow narrow{std::chrono::seconds(30), std::chrono::seconds(0)};
  EXPECT_TRUE(check_timestamp(now - 30'000, now, narrow));
  EXPECT_FALSE(check_timestamp(now - 30'001, now, narrow));
  EXPECT_FALSE(check_timestamp(now + 1, now, narrow));
}

// --- Canonical request. ---

SignedRequest simple_request() {
  return SignedRequest{.method = "POST",
                       .platform = "linux",
                       .owner = "myorg",
                       .repo = "my.repo",
                       .branch = "main",
                       .timestamp = "2026-11-28T08:00:00.123Z",
                       .nonce = "n0nce-0123456789abcdef",
                       .body = "{}"};
}

TEST(CanonicalRequest, IsNineLinesWithoutTrailingNewline) {
  const auto canonical = canonical_request(simple_request());
  ASSERT_TRUE(canonical);
  EXPECT_EQ(canonical.value(),
            "BADGESMITH-HMAC-SHA256\npost\nlinux\nmyorg\nmy.repo\nmain\n"
            "2026-11-28T08:00:00.123Z\nn0nce-0123456789abcdef\n"
            "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
}

TEST(CanonicalRequest, LowerCasesAsciiLettersOnlyInMethodAndPath) {
  SignedRequest request = simple_request();
  request.method = "Post";
  request.platform = "LINUX";
  request.owner = "MyOrg";
  request.repo = "My.Repo";
  request.branch = "Fix/ÜBER-ß-Main";
  const auto canonical = canonical_request(request);
  ASSERT_TRUE(canonical);
  EXPECT_NE(canonical.value().find("\npost\nlinux\nmyorg\nmy.repo\nfix/Über-ß-main\n"),
            std::string::npos);
  // Timestamp and nonce are signed exactly as sent.
  request.nonce = "NONCE-0123456789ABCDEF";
  EXPECT_NE(canonical_request(request).value().find("\nNONCE-0123456789ABCDEF\n"),
            std::string::npos);
}

TEST(CanonicalRequest, RefusesAFieldThatWouldAddALine) {
  for (std::string_view SignedRequest::*field :
       {&SignedRequest::method, &SignedRequest::platform, &SignedRequest::owner,
        &SignedRequest::repo, &SignedRequest::branch, &SignedRequest::timestamp,
        &SignedRequest::nonce}) {
    SignedRequest request = simple_request();
    request.*field = "a\nb";
    const auto canonical = canonical_request(request);
    ASSERT_FALSE(canonical);
    EXPECT_EQ(canonical.error().error_code, "INVALID_PATH");
  }
  SignedRequest request = simple_request();
  request.body = "line\nbreaks\nare\nfine\nin\nthe\nbody";
  EXPECT_TRUE(canonical_request(request));
}

// --- The documented vectors, both directions. ---

TEST(SigningDoc, VectorsMatchTheServer) {
  const std::vector<nlohmann::json> vectors = doc_vectors();
  ASSERT_GE(vectors.size(), 4u);
  for (const nlohmann::json& v : vectors) {
    SCOPED_TRACE(v.at("name").get<std::string>());
    // The router hands the handler decoded values; decode the documented path the same way.
    std::string_view path = v.at("path").get_ref<const std::string&>();
    constexpr std::string_view kPrefix = "/tests/results/";
    ASSERT_EQ(path.substr(0, kPrefix.size()), kPrefix);
    path.remove_prefix(kPrefix.size());
    std::vector<std::string> decoded;
    for (int i = 0; i < 4; ++i) {
      const std::size_t slash = i < 3 ? path.find('/') : std::string_view::npos;
      std::string value;
      ASSERT_TRUE(routing::percent_decode(path.substr(0, slash), value, false));
      decoded.push_back(value);
      path.remove_prefix(slash == std::string_view::npos ? path.size() : slash + 1);
    }
    EXPECT_EQ(decoded[0], v.at("platform"));
    EXPECT_EQ(decoded[1], v.at("owner"));
    EXPECT_EQ(decoded[2], v.at("repo"));
    EXPECT_EQ(decoded[3], v.at("branch"));

    const std::string body = v.at("body");
    const std::string timestamp = v.at("timestamp");
    const std::string nonce = v.at("nonce");
    const std::string method = v.at("method");
    const auto canonical = canonical_request({.method = method,
                                              .platform = decoded[0],
                                              .owner = decoded[1],
                                              .repo = decoded[2],
                                              .branch = decoded[3],
                                              .timestamp = timestamp,
                                              .nonce = nonce,
                                              .body = body});
    ASSERT_TRUE(canonical);
    EXPECT_EQ(canonical.value(), v.at("canonical"));
    const std::string body_sha256 = v.at("body_sha256");
    EXPECT_EQ(canonical.value().substr(canonical.value().rfind('\n') + 1), body_sha256);

    const std::string secret = v.at("secret");
    const auto signature = sign(secret, canonical.value());
    ASSERT_TRUE(signature);
    EXPECT_EQ(signature.value(), v.at("signature"));
    EXPECT_TRUE(
        verify(secret, v.at("canonical").get<std::string>(), v.at("signature").get<std::string>()));
  }
}

TEST(SigningDoc, PythonClientSignsTheVectors) {
  const TempDir dir;
  const std::string script = std::string(BADGESMITH_SOURCE_DIR) + "/scripts/sign-test-results.py";
  for (const nlohmann::json& v : doc_vectors()) {
    SCOPED_TRACE(v.at("name").get<std::string>());
    // The key file ends in a newline, as an editor leaves it; the client ignores it.
    write_file(dir.path() / "key", v.at("secret").get<std::string>() + "\n");
    write_file(dir.path() / "body", v.at("body").get<std::string>());
    const std::string command = "python3 " + shell_quote(script) + " --secret-file " +
                                shell_quote((dir.path() / "key").string()) + " --body " +
                                shell_quote((dir.path() / "body").string()) + " --platform " +
                                shell_quote(v.at("platform").get<std::string>()) + " --owner " +
                                shell_quote(v.at("owner").get<std::string>()) + " --repo " +
                                shell_quote(v.at("repo").get<std::string>()) + " --branch " +
                                shell_quote(v.at("branch").get<std::string>()) + " --timestamp " +
                                shell_quote(v.at("timestamp").get<std::string>()) + " --nonce " +
                                shell_quote(v.at("nonce").get<std::string>());
    const std::string output = run(command);
    EXPECT_EQ(signature_in(output), v.at("signature")) << output;
    EXPECT_NE(output.find("X-Timestamp: " + v.at("timestamp").get<std::string>() + "\n"),
              std::string::npos);
    EXPECT_NE(output.find("X-Nonce: " + v.at("nonce").get<std::string>() + "\n"),
              std::string::npos);
  }
}

TEST(SigningDoc, OpensslRecipeSignsTheVectors) {
  const TempDir dir;
  write_file(dir.path() / "sign.sh", fenced_block(signing_doc(), "bash"));
  int checked = 0;
  for (const nlohmann::json& v : doc_vectors()) {
    const std::string secret = v.at("secret");
    if (secret.size() > 64) continue;  // The recipe says it needs the Python client for these.
    SCOPED_TRACE(v.at("name").get<std::string>());
    write_file(dir.path() / "key", secret + "\n");
    write_file(dir.path() / "body", v.at("body").get<std::string>());
    std::string command;
    for (const char* name : {"platform", "owner", "repo", "branch", "timestamp", "nonce"}) {
      std::string upper = name;
      for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
      command += upper + "=" + shell_quote(v.at(name).get<std::string>()) + " ";
    }
    command += "KEY_FILE=" + shell_quote((dir.path() / "key").string()) +
               " BODY=" + shell_quote((dir.path() / "body").string()) + " bash " +
               shell_quote((dir.path() / "sign.sh").string());
    EXPECT_EQ(signature_in(run(command)), v.at("signature"));
    ++checked;
  }
  EXPECT_GE(checked, 4);
}

// --- Verification. ---

constexpr std::string_view kSecret = "test-secret-1";

std::string canonical_of(const SignedRequest& request) {
  return canonical_request(request).value();
}

void expect_invalid_signature(const Result<void>& verified) {
  ASSERT_FALSE(verified);
  EXPECT_EQ(verified.error().code, Errc::kUnauthorized);
  EXPECT_EQ(verified.error().error_code, "INVALID_SIGNATURE");
}

TEST(Verify, AcceptsTheSignatureOfTheSameRequestOnly) {
  const SignedRequest original = simple_request();
  const std::string signature = sign(kSecret, canonical_of(original)).value();
  EXPECT_TRUE(verify(kSecret, canonical_of(original), signature));

  // The path spelt in another case is the same request.
  SignedRequest recased = original;
  recased.owner = "MyOrg";
  recased.repo = "MY.REPO";
  EXPECT_TRUE(verify(kSecret, canonical_of(recased), signature));

  expect_invalid_signature(verify("test-secret-2", canonical_of(original), signature));
  std::vector<SignedRequest> replays(8, original);
  replays[0].body = "{ }";                        // Tampered body.
  replays[1].repo = "other.repo";                 // Same body posted to another repository,
  replays[2].branch = "release";                  // branch,
  replays[3].platform = "windows";                // platform,
  replays[4].owner = "otherorg";                  // owner,
  replays[5].nonce = "fresh-nonce-0123";          // with a fresh nonce,
  replays[6].timestamp = "2026-11-28T08:04:00Z";  // or a fresh timestamp,
  replays[7].method = "PUT";                      // or as another operation.
  for (const SignedRequest& replay : replays) {
    expect_invalid_signature(verify(kSecret, canonical_of(replay), signature));
  }
}

TEST(Verify, MalformedSignaturesFailAsWrongOnes) {
  const std::string canonical = canonical_of(simple_request());
  const std::string good = sign(kSecret, canonical).value();
  std::string upper_hex = good;
  for (char& c : upper_hex) c = (c >= 'a' && c <= 'f') ? static_cast<char>(c - 'a' + 'A') : c;
  for (const std::string& bad :
       {std::string(), good.substr(7), "SHA256=" + good.substr(7), "sha1=" + good.substr(7),
        upper_hex, good + "0", good.substr(0, good.size() - 1), good + " ", " " + good,
        "sha256=" + std::string(64, 'g'), "sha256=" + good.substr(8) + "z",
        std::string(10000, 'x')}) {
    expect_invalid_signature(verify(kSecret, canonical, bad));
  }
}

TEST(Verify, WithoutASecretNothingVerifies) {
  const std::string canonical = canonical_of(simple_request());
  // Not even the signature under the real secret, an empty key or a malformed value.
  for (const std::string& candidate :
       {sign(kSecret, canonical).value(), sign("", canonical).value(),
        "sha256=" + std::string(64, '0'), std::string("garbage")}) {
    expect_invalid_signature(verify(std::nullopt, canonical, candidate));
  }
}

// --- Legacy (.NET) body-only signatures. ---

// From docs/signing.md: the `simple` vector's body under test-secret-1.
constexpr std::string_view kLegacySignature =
    "sha256=fa2333ab8b98284add8b39a2fa3ba99f74861125941ef657148793f9d1c54be5";

TEST(VerifyLegacy, AcceptsDotNetSignaturesOfTheBodyInEitherCase) {
  const std::string body = doc_vectors().at(0).at("body");
  ASSERT_NE(signing_doc().find(kLegacySignature), std::string::npos);
  EXPECT_TRUE(verify_legacy(kSecret, body, kLegacySignature));
  std::string upper(kLegacySignature);
  for (char& c : upper) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  EXPECT_TRUE(verify_legacy(kSecret, body, upper));  // "SHA256=FA23..."
  EXPECT_TRUE(verify_legacy(kSecret, body, "Sha256=" + std::string(kLegacySignature.substr(7))));
}

TEST(VerifyLegacy, RejectsWrongOrMalformedSignatures) {
  const std::string body = doc_vectors().at(0).at("body");
  const std::string hex(kLegacySignature.substr(7));
  expect_invalid_signature(verify_legacy("test-secret-2", body, kLegacySignature));
  expect_invalid_signature(verify_legacy(kSecret, body + " ", kLegacySignature));
  for (const std::string& bad :
       {std::string(), hex, "sha256:" + hex, "sha256=" + hex.substr(1), "sha256=" + hex + "00",
        "sha256=" + hex.substr(0, 63) + "g", std::string("sha256="), std::string("sha25"),
        std::string(kLegacySignature) + " "}) {
    expect_invalid_signature(verify_legacy(kSecret, body, bad));
  }
  // A v2 signature is not a legacy one, nor the reverse.
  const std::string canonical = canonical_of(simple_request());
  expect_invalid_signature(verify_legacy(kSecret, "{}", sign(kSecret, canonical).value()));
  expect_invalid_signature(verify(kSecret, canonical, sign(kSecret, "{}").value()));
}

}  // namespace
}  // namespace badgesmith::testresults
