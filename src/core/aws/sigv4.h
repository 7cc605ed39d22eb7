// AWS Signature Version 4 (header signing), for the DynamoDB and Secrets Manager calls of AWS
// mode. Written here because no library in Debian 12 fits a static binary; checked against every
// header-signing case of aws-c-auth's test suite (tests/fixtures/sigv4, tests/core/aws).
//
// Everything here is pure and thread-safe; the time is a parameter, so a signature is reproducible.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/http/message.h"
#include "core/result.h"

namespace badgesmith::aws {

struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  // Empty for long-term keys; Lambda's are temporary and carry one.
};

struct SigningOptions {
  std::string region;   // e.g. "eu-central-1"
  std::string service;  // e.g. "dynamodb", "secretsmanager"
  std::chrono::system_clock::time_point time;
  // Removes "." and ".." segments and repeated slashes before encoding the path, as every
  // service but S3 expects.
  bool normalize_path = true;
  // Adds and signs X-Amz-Content-Sha256 (the body's hash), as S3 requires.
  bool add_content_sha256 = false;
  // Some services (IoT) want X-Amz-Security-Token left out of the signature and added after it.
  bool sign_session_token = true;
};

// What the signature was computed from, for tests and for explaining a 403 SignatureDoesNotMatch.
struct Signature {
  std::string canonical_request;
  std::string string_to_sign;
  std::string signature;  // Lower-case hex.
};

// Signs a request in place: adds X-Amz-Date, X-Amz-Security-Token (with a session token) and, if
// asked, X-Amz-Content-Sha256, then Authorization, signing every header `headers` holds (an
// Authorization already there is replaced). `path` and `query` are as they will be sent; a
// query's names and values are decoded and encoded again the way SigV4 wants them.
// Fails with kInvalidArgument when `headers` has no Host or the query's encoding is invalid, and
// with kInternal when OpenSSL cannot compute a digest.
Result<Signature> sign(std::string_view method, std::string_view path, std::string_view query,
                       http::Headers& headers, std::string_view body,
                       const Credentials& credentials, const SigningOptions& options);

}  // namespace badgesmith::aws
