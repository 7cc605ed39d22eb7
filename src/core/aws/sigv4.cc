#include "core/aws/sigv4.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "core/ascii.h"
#include "core/hex.h"
#include "core/routing/path_codec.h"
#include "core/security/digest.h"

namespace badgesmith::aws {

namespace {

constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";

Error digest_failure() { return make_error(Errc::kInternal, "OpenSSL could not compute a digest"); }

// "20150830T123600Z".
std::string amz_date(std::chrono::system_clock::time_point time) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  std::array<char, 20> text{};
  const int length =
      std::snprintf(text.data(), text.size(), "%04d%02d%02dT%02d%02d%02dZ", tm.tm_year + 1900,
                    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return std::string(text.data(), static_cast<std::size_t>(length));
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// RFC 3986 §5.2.4's dot-segment removal, plus merging repeated slashes; "/" for nothing left.
std::string normalized_path(std::string_view path) {
  std::vector<std::string_view> kept;
  const std::vector<std::string_view> segments = split(path, '/');
  for (const std::string_view segment : segments) {
    if (segment.empty() || segment == ".") continue;
    if (segment == "..") {
      if (!kept.empty()) kept.pop_back();
      continue;
    }
    kept.push_back(segment);
  }
  std::string normalized;
  for (const std::string_view segment : kept) {
    normalized += '/';
    normalized += segment;
  }
  const std::string_view last = segments.back();
  if (!kept.empty() && (last.empty() || last == "." || last == "..")) normalized += '/';
  return normalized.empty() ? "/" : normalized;
}

// Each segment percent-encoded (all but RFC 3986's unreserved characters), slashes kept.
std::string canonical_uri(std::string_view path, bool normalize) {
  const std::string source = normalize ? normalized_path(path) : std::string(path);
  std::string uri;
  bool first = true;
  for (const std::string_view segment : split(source, '/')) {
    if (!first) uri += '/';
    first = false;
    uri += routing::percent_encode_path_segment(segment);
  }
  return uri.empty() ? "/" : uri;
}

// Names and values decoded, encoded again uniformly, sorted by name then value.
Result<std::string> canonical_query(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> parameters;
  if (!query.empty()) {
    for (const std::string_view pair : split(query, '&')) {
      if (pair.empty()) continue;
      const std::size_t equals = pair.find('=');
      std::string name;
      std::string value;
      if (!routing::percent_decode(pair.substr(0, equals), name, /*plus_as_space=*/false) ||
          (equals != std::string_view::npos &&
           !routing::percent_decode(pair.substr(equals + 1), value, /*plus_as_space=*/false))) {
        return make_error(Errc::kInvalidArgument, "The query string's encoding is invalid");
      }
      parameters.emplace_back(routing::percent_encode_path_segment(name),
                              routing::percent_encode_path_segment(value));
    }
  }
  std::sort(parameters.begin(), parameters.end());
  std::string canonical;
  for (const auto& [name, value] : parameters) {
    if (!canonical.empty()) canonical += '&';
    canonical += name;
    canonical += '=';
    canonical += value;
  }
  return canonical;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Trimmed, with each run of white space (folded lines included) made one space.
std::string canonical_value(std::string_view value) {
  std::string canonical;
  bool pending_space = false;
  for (const char c : value) {
    if (is_space(c)) {
      pending_space = !canonical.empty();
      continue;
    }
    if (pending_space) canonical += ' ';
    pending_space = false;
    canonical += c;
  }
  return canonical;
}

std::string hex(const security::Sha256& digest) {
  std::string text;
  append_hex(text, digest.data(), digest.size());
  return text;
}

}  // namespace

Result<Signature> sign(std::string_view method, std::string_view path, std::string_view query,
                       http::Headers& headers, std::string_view body,
                       const Credentials& credentials, const SigningOptions& options) {
  if (!headers.get("Host")) {
    return make_error(Errc::kInvalidArgument, "A signed request needs a Host header");
  }
  const auto body_hash = security::sha256(body);
  if (!body_hash) return digest_failure();
  const std::string payload_hash = hex(*body_hash);
  const std::string date_time = amz_date(options.time);
  const std::string_view date = std::string_view(date_time).substr(0, 8);
  const bool token = !credentials.session_token.empty();

  headers.remove("Authorization");
  headers.set("X-Amz-Date", date_time);
  if (token && options.sign_session_token) {
    headers.set("X-Amz-Security-Token", credentials.session_token);
  }
  if (options.add_content_sha256) headers.set("X-Amz-Content-Sha256", payload_hash);

  // Sorted by lower-case name; repeated fields joined by ',' in the order they came.
  std::map<std::string, std::string> canonical_headers;
  for (const auto& field : headers.fields()) {
    std::string& joined = canonical_headers[ascii_lower(field.name)];
    if (!joined.empty()) joined += ',';
    joined += canonical_value(field.value);
  }
  std::string header_lines;
  std::string signed_headers;
  for (const auto& [name, value] : canonical_headers) {
    header_lines += name + ':' + value + '\n';
    if (!signed_headers.empty()) signed_headers += ';';
    signed_headers += name;
  }

  auto query_string = canonical_query(query);
  if (!query_string) return query_string.error();
  Signature result;
  result.canonical_request =
      std::string(method) + '\n' + canonical_uri(path, options.normalize_path) + '\n' +
      query_string.value() + '\n' + header_lines + '\n' + signed_headers + '\n' + payload_hash;

  const std::string scope =
      std::string(date) + '/' + options.region + '/' + options.service + "/aws4_request";
  const auto request_hash = security::sha256(result.canonical_request);
  if (!request_hash) return digest_failure();
  result.string_to_sign =
      std::string(kAlgorithm) + '\n' + date_time + '\n' + scope + '\n' + hex(*request_hash);

  // The signing key: the secret narrowed to the day, region and service, so a leaked derived key
  // is worth one day in one place.
  std::optional<security::Sha256> key =
      security::hmac_sha256("AWS4" + credentials.secret_access_key, date);
  for (const std::string_view part :
       {std::string_view(options.region), std::string_view(options.service),
        std::string_view("aws4_request")}) {
    if (!key) break;
    key = security::hmac_sha256(security::as_bytes(*key), part);
  }
  if (!key) return digest_failure();
  const auto signature = security::hmac_sha256(security::as_bytes(*key), result.string_to_sign);
  if (!signature) return digest_failure();
  result.signature = hex(*signature);

  headers.set("Authorization",
              std::string(kAlgorithm) + " Credential=" + credentials.access_key_id + '/' + scope +
                  ", SignedHeaders=" + signed_headers + ", Signature=" + result.signature);
  if (token && !options.sign_session_token) {
    headers.set("X-Amz-Security-Token", credentials.session_token);
  }
  return result;
}

}  // namespace badgesmith::aws
