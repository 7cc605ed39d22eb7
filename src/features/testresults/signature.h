// Signature scheme v2 of test-result ingestion (docs/signing.md): the X-Timestamp, X-Nonce and
// X-Signature headers, the timestamp window, the canonical request a client signs and the
// constant-time check of its HMAC-SHA256; plus the .NET service's body-only check, kept for
// owners in migration only.
//
// The checks are separate functions because the handler interleaves them with a secret lookup
// and a nonce claim, cheapest first: parse_signed_headers → check_timestamp → (secret lookup) →
// verify → (nonce claim). Nothing here touches a store or a clock.
//
// Everything here is pure and thread-safe. Errors are client-safe values: kInvalidArgument with
// INVALID_HEADERS or INVALID_TIMESTAMP, kUnauthorized with INVALID_SIGNATURE; kInternal only if
// OpenSSL cannot compute a digest, which no input causes.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/http/message.h"
#include "core/result.h"

namespace badgesmith::testresults {

inline constexpr std::string_view kTimestampHeader = "X-Timestamp";
inline constexpr std::string_view kNonceHeader = "X-Nonce";
inline constexpr std::string_view kSignatureHeader = "X-Signature";

inline constexpr std::size_t kMinNonceLength = 16;
inline constexpr std::size_t kMaxNonceLength = 128;

// The signing headers of a request after the syntax check. The strings are the field values
// with surrounding white space removed, exactly as they enter the canonical request.
struct SignedHeaders {
  std::string timestamp;
  std::int64_t timestamp_ms = 0;  // `timestamp` as Unix milliseconds (finer digits truncated).
  std::string nonce;
  // Not syntax-checked here: a malformed signature must fail in verify(), where it costs the
  // same as a wrong one, so that no answer tells "malformed" from "wrong key" or "unknown owner".
  std::string signature;
};

// Reads the three headers. Fails with kInvalidArgument / INVALID_HEADERS (property: the header
// name) when one is missing, blank or repeated (a proxy might pass on the other copy), when
// X-Timestamp is not parse_timestamp()'s format or X-Nonce not is_valid_nonce().
Result<SignedHeaders> parse_signed_headers(const http::Headers& headers);

// RFC 3339 in UTC, strictly: "YYYY-MM-DDTHH:MM:SS[.F]Z" with upper-case T and Z, 1 to 9
// fraction digits, a real calendar date, hours 00-23, minutes and seconds 00-59 (no leap
// second). Returns Unix milliseconds, or nullopt for anything else, offsets included.
std::optional<std::int64_t> parse_timestamp(std::string_view text);

// kMinNonceLength to kMaxNonceLength characters of [A-Za-z0-9_-].
bool is_valid_nonce(std::string_view nonce);

// How far a signed request's X-Timestamp may lie from the server clock. A captured request
// stops working after `max_age`; `max_ahead` forgives client clocks that run fast. The nonce
// store must remember nonces for longer than max_age + max_ahead, or a replay within the window
// would find its nonce forgotten.
struct TimestampWindow {
  std::chrono::milliseconds max_age = std::chrono::minutes(5);
  std::chrono::milliseconds max_ahead = std::chrono::minutes(1);
};

// Fails with kInvalidArgument / INVALID_TIMESTAMP when `timestamp_ms` is more than
// window.max_age before `now_ms` or more than window.max_ahead after it; both bounds are
// inclusive (exactly 5 minutes old passes).
Result<void> check_timestamp(std::int64_t timestamp_ms, std::int64_t now_ms,
                             const TimestampWindow& window);

// What a v2 signature binds. The path values are the decoded ones the router captures (a
// `%2F` in the branch is already a '/'): decoding them again would let "%2541" and "%41" sign
// alike. `timestamp` and `nonce` are the header values; `body` the raw body bytes.
struct SignedRequest {
  std::string_view method;
  std::string_view platform;
  std::string_view owner;
  std::string_view repo;
  std::string_view branch;
  std::string_view timestamp;
  std::string_view nonce;
  std::string_view body;
};

// The lines BADGESMITH-HMAC-SHA256, method, platform, owner, repo, branch, timestamp, nonce and
// the lower-case hex SHA-256 of the body, joined by "\n" without a trailing one. Method and
// path values are lower-cased in ASCII only (A-Z; other bytes, UTF-8 included, are kept), as
// GitHub names compare case-insensitively while the signature must not depend on a spelling.
// Fails with kInvalidArgument / INVALID_PATH when a field other than the body holds a '\n'
// (a path may carry "%0A"): such a field could move a line boundary, and two different
// requests would sign alike.
Result<std::string> canonical_request(const SignedRequest& request);

// "sha256=" and the lower-case hex HMAC-SHA256 of `canonical` under `secret`.
Result<std::string> sign(std::string_view secret, std::string_view canonical);

// Checks an X-Signature value against the signature of `canonical` under `secret`, in time that
// depends on neither: without a secret (unknown owner, none stored) a fixed dummy key is used,
// so the work and the answer are those of a wrong signature. Any value other than the exact
// lower-case form fails. Fails with kUnauthorized / INVALID_SIGNATURE.
Result<void> verify(std::optional<std::string_view> secret, std::string_view canonical,
                    std::string_view signature);

// The .NET service's scheme (reference §6.1), for an owner whose secret still accepts it during
// migration: HMAC-SHA256 of the body alone, header "sha256=<hex>" with prefix and hex in either
// case, compared as bytes in constant time. The .NET service signed the body re-encoded as
// UTF-8; for the valid UTF-8 bodies a payload must be anyway this is the raw body. It binds no
// path, timestamp or nonce, so the caller must add what it can (the payload's url_html must
// name the path's repository). Fails with kUnauthorized / INVALID_SIGNATURE, also for malformed
// hex (a 500 in .NET).
Result<void> verify_legacy(std::string_view secret, std::string_view body,
                           std::string_view signature);

}  // namespace badgesmith::testresults
