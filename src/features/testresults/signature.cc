#include "features/testresults/signature.h"

#include <array>
#include <memory>
#include <utility>

#include "core/ascii.h"
#include "core/hex.h"
#include "core/security/constant_time.h"
#include "core/security/digest.h"
#include "core/timestamp.h"

namespace badgesmith::testresults {

namespace {

constexpr std::string_view kAlgorithm = "BADGESMITH-HMAC-SHA256";
constexpr std::string_view kSignaturePrefix = "sha256=";
constexpr std::size_t kDigestBytes = security::kSha256Bytes;
constexpr std::size_t kSignatureLength = kSignaturePrefix.size() + 2 * kDigestBytes;

// Keyed as a real secret would be, so an unknown owner costs what a known one does.
constexpr std::string_view kDummyKey = "badgesmith: no secret for this owner, never matches";

using Digest = security::Sha256;
using security::as_bytes;
using security::hmac_sha256;
using security::sha256;

Error invalid_signature() {
  return make_error(Errc::kUnauthorized, "The request signature is not valid", "INVALID_SIGNATURE",
                    std::string(kSignatureHeader));
}

Error digest_failure() { return make_error(Errc::kInternal, "OpenSSL could not compute a digest"); }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Exactly 2 * kDigestBytes hex digits of either case, as .NET's Convert.FromHexString takes them.
std::optional<Digest> decode_hex_digest(std::string_view hex) {
  if (hex.size() != 2 * kDigestBytes) return std::nullopt;
  Digest digest{};
  for (std::size_t i = 0; i < kDigestBytes; ++i) {
    const int high = hex_value(hex[2 * i]);
    const int low = hex_value(hex[2 * i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    digest[i] = static_cast<unsigned char>(high << 4 | low);
  }
  return digest;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

Error invalid_header(std::string_view name, std::string message) {
  return make_error(Errc::kInvalidArgument, std::move(message), "INVALID_HEADERS",
                    std::string(name));
}

// The one value of header `name`, trimmed, or an INVALID_HEADERS error.
Result<std::string> single_header(const http::Headers& headers, std::string_view name) {
  std::optional<std::string_view> value;
  for (const auto& field : headers.fields()) {
    if (!http::iequals(field.name, name)) continue;
    if (value) return invalid_header(name, std::string(name) + " header must appear once");
    value = http::trim_ows(field.value);
  }
  if (!value || value->empty()) {
    return invalid_header(name, std::string(name) + " header is required");
  }
  return std::string(*value);
}

}  // namespace

std::optional<std::int64_t> parse_timestamp(std::string_view text) {
  // The header takes the RFC 3339 subset clients are told to send: UTC ("Z"), upper-case "T".
  if (text.size() < 20 || text.back() != 'Z' || text[10] != 'T') return std::nullopt;
  return parse_rfc3339_ms(text);
}

bool is_valid_nonce(std::string_view nonce) {
  if (nonce.size() < kMinNonceLength || nonce.size() > kMaxNonceLength) return false;
  for (const char c : nonce) {
    const bool allowed =
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) || c == '_' || c == '-';
    if (!allowed) return false;
  }
  return true;
}

Result<SignedHeaders> parse_signed_headers(const http::Headers& headers) {
  BOOST_OUTCOME_TRY(timestamp, single_header(headers, kTimestampHeader));
  BOOST_OUTCOME_TRY(nonce, single_header(headers, kNonceHeader));
  BOOST_OUTCOME_TRY(signature, single_header(headers, kSignatureHeader));
  SignedHeaders out{std::move(timestamp), 0, std::move(nonce), std::move(signature)};
  const std::optional<std::int64_t> millis = parse_timestamp(out.timestamp);
  if (!millis) {
    return invalid_header(kTimestampHeader,
                          "X-Timestamp must be an RFC 3339 UTC time such as "
                          "2026-11-28T08:00:00.123Z");
  }
  out.timestamp_ms = *millis;
  if (!is_valid_nonce(out.nonce)) {
    return invalid_header(kNonceHeader, "X-Nonce must be 16 to 128 characters of A-Z a-z 0-9 _ -");
  }
  return out;
}

Result<void> check_timestamp(std::int64_t timestamp_ms, std::int64_t now_ms,
                             const TimestampWindow& window) {
  const std::int64_t age = now_ms - timestamp_ms;
  if (age > window.max_age.count() || -age > window.max_ahead.count()) {
    return make_error(Errc::kInvalidArgument,
                      "X-Timestamp is too far from the server clock; sign again with the current "
                      "time",
                      "INVALID_TIMESTAMP", std::string(kTimestampHeader));
  }
  return success();
}

Result<std::string> canonical_request(const SignedRequest& request) {
  const std::string_view lines[] = {request.method, request.platform,  request.owner, request.repo,
                                    request.branch, request.timestamp, request.nonce};
  for (const std::string_view line : lines) {
    if (line.find('\n') != std::string_view::npos) {
      return make_error(Errc::kInvalidArgument, "The request path cannot be signed", "INVALID_PATH",
                        "path");
    }
  }
  const std::optional<Digest> body_hash = sha256(request.body);
  if (!body_hash) return digest_failure();

  std::string canonical(kAlgorithm);
  for (std::size_t i = 0; i < 5; ++i) {
    canonical += '\n';
    canonical += ascii_lower(lines[i]);
  }
  canonical += '\n';
  canonical += request.timestamp;
  canonical += '\n';
  canonical += request.nonce;
  canonical += '\n';
  append_hex(canonical, body_hash->data(), body_hash->size());
  return canonical;
}

Result<std::string> sign(std::string_view secret, std::string_view canonical) {
  const std::optional<Digest> mac = hmac_sha256(secret, canonical);
  if (!mac) return digest_failure();
  std::string signature(kSignaturePrefix);
  signature.reserve(kSignatureLength);
  append_hex(signature, mac->data(), mac->size());
  return signature;
}

Result<void> verify(std::optional<std::string_view> secret, std::string_view canonical,
                    std::string_view signature) {
  BOOST_OUTCOME_TRY(expected, sign(secret.value_or(kDummyKey), canonical));
  // A length mismatch returns early, but the expected length is public. The dummy key is public
  // too, so a match under it must still fail.
  if (!security::constant_time_equals(expected, signature) || !secret) return invalid_signature();
  return success();
}

Result<void> verify_legacy(std::string_view secret, std::string_view body,
                           std::string_view signature) {
  const std::optional<Digest> expected = hmac_sha256(secret, body);
  if (!expected) return digest_failure();
  if (signature.size() < kSignaturePrefix.size() ||
      !http::iequals(signature.substr(0, kSignaturePrefix.size()), kSignaturePrefix)) {
    return invalid_signature();
  }
  const std::optional<Digest> given = decode_hex_digest(signature.substr(kSignaturePrefix.size()));
  if (!given || !security::constant_time_equals(as_bytes(*expected), as_bytes(*given))) {
    return invalid_signature();
  }
  return success();
}

}  // namespace badgesmith::testresults
