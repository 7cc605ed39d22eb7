// Every header-signing case of aws-c-auth's SigV4 test suite (tests/fixtures/sigv4): the canonical
// request, the string to sign, the signature and the Authorization header must match exactly.
#include "core/aws/sigv4.h"

#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace badgesmith::aws {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

struct VectorRequest {
  std::string method;
  std::string path;
  std::string query;
  http::Headers headers;
  std::string body;
};

// request.txt: a request line, "Name:value" fields (a line starting with white space continues
// the previous value, obs-fold), an empty line, the body.
VectorRequest parse_request(const std::string& text) {
  VectorRequest request;
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);
  const std::size_t space = line.find(' ');
  const std::size_t version = line.rfind(" HTTP/");
  request.method = line.substr(0, space);
  const std::string target = line.substr(space + 1, version - space - 1);
  const std::size_t question = target.find('?');
  request.path = target.substr(0, question);
  if (question != std::string::npos) request.query = target.substr(question + 1);
  std::vector<http::Headers::Field> fields;
  while (std::getline(in, line) && !line.empty()) {
    if (line.front() == ' ' || line.front() == '\t') {
      fields.back().value += ' ' + line;
      continue;
    }
    const std::size_t colon = line.find(':');
    fields.push_back({line.substr(0, colon), line.substr(colon + 1)});
  }
  for (const auto& field : fields) request.headers.add(field.name, field.value);
  std::ostringstream body;
  body << in.rdbuf();
  request.body = body.str();
  return request;
}

std::chrono::system_clock::time_point parse_time(const std::string& text) {
  std::tm tm{};
  std::istringstream in(text);
  in >> std::get_time(&tm, "%Y-%m-%dT%H:%M:%SZ");
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

std::string authorization_line(const std::string& signed_request) {
  std::istringstream in(signed_request);
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with("Authorization:")) return line.substr(14);
  }
  return {};
}

TEST(SigV4, EveryHeaderSigningVectorMatches) {
  const fs::path root = fs::path(BADGESMITH_SOURCE_DIR) / "tests/fixtures/sigv4";
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (!entry.is_directory()) continue;
    const fs::path dir = entry.path();
    SCOPED_TRACE(dir.filename().string());
    ++cases;
    const auto context = nlohmann::json::parse(read(dir / "context.json"));
    Credentials credentials{context["credentials"]["access_key_id"],
                            context["credentials"]["secret_access_key"],
                            context["credentials"].value("token", "")};
    SigningOptions options;
    options.region = context["region"];
    options.service = context["service"];
    options.time = parse_time(context["timestamp"]);
    options.normalize_path = context.value("normalize", true);
    options.add_content_sha256 = context.value("sign_body", false);
    options.sign_session_token = !context.value("omit_session_token", false);

    VectorRequest request = parse_request(read(dir / "request.txt"));
    const auto signature = sign(request.method, request.path, request.query, request.headers,
                                request.body, credentials, options);
    ASSERT_TRUE(signature) << signature.error().message;
    EXPECT_EQ(signature.value().canonical_request, read(dir / "header-canonical-request.txt"));
    EXPECT_EQ(signature.value().string_to_sign, read(dir / "header-string-to-sign.txt"));
    EXPECT_EQ(signature.value().signature, read(dir / "header-signature.txt"));
    EXPECT_EQ(request.headers.get("Authorization").value_or(""),
              authorization_line(read(dir / "header-signed-request.txt")));
    EXPECT_EQ(request.headers.get("X-Amz-Date").value_or(""), "20150830T123600Z");
    EXPECT_EQ(request.headers.get("X-Amz-Security-Token").value_or(""), credentials.session_token);
  }
  EXPECT_EQ(cases, 38);
}

TEST(SigV4, RefusesARequestWithoutHostOrWithABrokenQuery) {
  const Credentials credentials{"AKID", "secret", ""};
  const SigningOptions options{"us-east-1", "dynamodb", std::chrono::system_clock::now()};
  http::Headers no_host;
  EXPECT_FALSE(sign("POST", "/", "", no_host, "", credentials, options));
  http::Headers headers;
  headers.set("Host", "dynamodb.us-east-1.amazonaws.com");
  const auto broken = sign("GET", "/", "a=%zz", headers, "", credentials, options);
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error().code, Errc::kInvalidArgument);
}

}  // namespace
}  // namespace badgesmith::aws
