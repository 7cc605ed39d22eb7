#include "core/aws/credentials.h"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <mutex>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "core/ascii.h"
#include "core/http/client.h"
#include "core/json_limits.h"
#include "core/timestamp.h"

namespace badgesmith::aws {

namespace {

using Clock = std::chrono::system_clock;

constexpr std::size_t kMaxDocumentBytes = 64 * 1024;
constexpr int kMaxDocumentDepth = 2;
// botocore's and the Go SDK's values: the link-local agents and IMDS, and a six-hour token.
constexpr std::string_view kContainerHost = "http://169.254.170.2";
constexpr std::string_view kImdsDefaultEndpoint = "http://169.254.169.254";
constexpr std::string_view kImdsTokenTtlSeconds = "21600";
constexpr std::string_view kImdsCredentialsPath = "/latest/meta-data/iam/security-credentials/";

struct Fetched {
  Credentials credentials;
  std::optional<Clock::time_point> expiration;  // None for long-term keys.
};

std::optional<std::string> non_empty(const Environment& env, std::string_view name) {
  std::optional<std::string> value = env(name);
  if (value && value->empty()) return std::nullopt;
  return value;
}

Error config_error(std::string message) { return make_error(Errc::kInternal, std::move(message)); }

bool has_line_break(std::string_view text) { return text.find_first_of("\r\n") != text.npos; }

// The document the container endpoint and IMDS both return.
Result<Fetched> parse_credentials(std::string_view body, std::string_view source) {
  const auto invalid = [&](std::string_view why) {
    return make_error(Errc::kUpstreamInvalid, std::string(source) + ": " + std::string(why));
  };
  Result<nlohmann::json> document = parse_json_limited(body, kMaxDocumentBytes, kMaxDocumentDepth);
  if (!document || !document.value().is_object()) return invalid("not a JSON object");
  const nlohmann::json& object = document.value();
  const auto text = [&](const char* key) -> std::optional<std::string> {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
  };
  Fetched fetched;
  std::optional<std::string> key_id = text("AccessKeyId");
  std::optional<std::string> secret = text("SecretAccessKey");
  if (!key_id || key_id->empty() || !secret || secret->empty()) {
    return invalid("AccessKeyId or SecretAccessKey missing");
  }
  fetched.credentials = {std::move(*key_id), std::move(*secret), text("Token").value_or("")};
  if (object.contains("Expiration")) {
    const std::optional<std::string> expiration = text("Expiration");
    const std::optional<std::int64_t> ms =
        expiration ? parse_rfc3339_ms(*expiration) : std::nullopt;
    if (!ms) return invalid("Expiration is not an RFC 3339 time");
    fetched.expiration = Clock::time_point(std::chrono::milliseconds(*ms));
  }
  return fetched;
}

// A 200's body; anything else is an unavailable source, reported with `what`.
Result<std::string> ok_body(Result<http::ClientResponse> response, std::string_view what) {
  if (!response) {
    Error error = response.error();
    error.message = std::string(what) + ": " + error.message;
    return error;
  }
  if (response.value().status != 200) {
    return make_error(Errc::kUpstreamUnavailable, std::string(what) + " answered HTTP " +
                                                      std::to_string(response.value().status));
  }
  return std::move(response.value().body);
}

}  // namespace

Environment process_environment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

Result<std::string> region_from(const Environment& env) {
  if (std::optional<std::string> region = non_empty(env, "AWS_REGION")) return std::move(*region);
  if (std::optional<std::string> region = non_empty(env, "AWS_DEFAULT_REGION")) {
    return std::move(*region);
  }
  return make_error(Errc::kInvalidArgument, "no AWS region: set AWS_REGION");
}

class CredentialsProvider::Impl : public std::enable_shared_from_this<Impl> {
 public:
  Impl(http::Client& client, CredentialsProviderOptions options)
      : client_(client), options_(std::move(options)) {}

  void get(Callback<Credentials> done);
  void invalidate();

 private:
  void start_fetch();
  void finish(Result<Fetched> result);
  void fetch_container(std::string url, std::string authorization);
  void fetch_imds(std::string endpoint);
  void imds_role(std::string endpoint, std::string token);
  void send(std::string method, std::string url, http::Headers headers,
            Callback<http::ClientResponse> done);

  http::Client& client_;
  const CredentialsProviderOptions options_;

  std::mutex mutex_;
  std::optional<Fetched> cached_;               // Guarded by mutex_.
  bool fetching_ = false;                       // Guarded by mutex_.
  std::vector<Callback<Credentials>> waiting_;  // Guarded by mutex_.
};

void CredentialsProvider::Impl::get(Callback<Credentials> done) {
  std::unique_lock lock(mutex_);
  const Clock::time_point now = options_.now();
  if (cached_) {
    const std::optional<Clock::time_point>& expiration = cached_->expiration;
    if (!expiration || now + options_.refresh_ahead < *expiration) {
      Credentials credentials = cached_->credentials;
      lock.unlock();
      done(std::move(credentials));
      return;
    }
    if (now < *expiration) {
      Credentials credentials = cached_->credentials;
      const bool start = !std::exchange(fetching_, true);
      lock.unlock();
      if (start) start_fetch();
      done(std::move(credentials));
      return;
    }
  }
  waiting_.push_back(std::move(done));
  if (std::exchange(fetching_, true)) return;
  lock.unlock();
  start_fetch();
}

// Picks the first configured source, as botocore's default chain does; a configured source that
// fails is an error rather than a reason to try the next one, so a broken setup is not masked.
void CredentialsProvider::Impl::start_fetch() {
  const Environment& env = options_.env;
  const std::optional<std::string> key_id = non_empty(env, "AWS_ACCESS_KEY_ID");
  const std::optional<std::string> secret = non_empty(env, "AWS_SECRET_ACCESS_KEY");
  if (key_id && secret) {
    finish(Fetched{{*key_id, *secret, non_empty(env, "AWS_SESSION_TOKEN").value_or("")}, {}});
    return;
  }
  if (key_id || secret) {
    finish(config_error("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together"));
    return;
  }

  std::optional<std::string> container_url = non_empty(env, "AWS_CONTAINER_CREDENTIALS_FULL_URI");
  if (const auto relative = non_empty(env, "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) {
    if (!relative->starts_with('/')) {
      finish(config_error("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI must start with '/'"));
      return;
    }
    container_url = std::string(kContainerHost) + *relative;
  }
  if (container_url) {
    std::string authorization;
    if (const auto file = non_empty(env, "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")) {
      // Re-read on every fetch: EKS rotates the file's token.
      std::ifstream in(*file, std::ios::binary);
      if (!in) {
        finish(config_error("cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE " + *file));
        return;
      }
      authorization.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    } else {
      authorization = non_empty(env, "AWS_CONTAINER_AUTHORIZATION_TOKEN").value_or("");
    }
    // A line break would let the token inject headers.
    if (has_line_break(authorization)) {
      finish(config_error("the container authorization token contains a line break"));
      return;
    }
    fetch_container(std::move(*container_url), std::move(authorization));
    return;
  }

  if (ascii_lower(non_empty(env, "AWS_EC2_METADATA_DISABLED").value_or("")) == "true") {
    finish(config_error(
        "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a container "
        "credentials endpoint (IMDS is disabled by AWS_EC2_METADATA_DISABLED)"));
    return;
  }
  std::string endpoint = non_empty(env, "AWS_EC2_METADATA_SERVICE_ENDPOINT")
                             .value_or(std::string(kImdsDefaultEndpoint));
  while (endpoint.ends_with('/')) endpoint.pop_back();
  fetch_imds(std::move(endpoint));
}

void CredentialsProvider::Impl::invalidate() {
  std::lock_guard lock(mutex_);
  cached_.reset();
}

void CredentialsProvider::Impl::finish(Result<Fetched> result) {
  std::vector<Callback<Credentials>> waiting;
  {
    std::lock_guard lock(mutex_);
    fetching_ = false;
    if (result) cached_ = result.value();
    waiting.swap(waiting_);
  }
  for (Callback<Credentials>& done : waiting) {
    if (result) {
      done(result.value().credentials);
    } else {
      done(result.error());
    }
  }
}

void CredentialsProvider::Impl::send(std::string method, std::string url, http::Headers headers,
                                     Callback<http::ClientResponse> done) {
  http::ClientRequest request;
  request.method = std::move(method);
  request.url = std::move(url);
  request.headers = std::move(headers);
  request.timeout = options_.endpoint_timeout;
  request.plain_http = http::PlainHttp::kLoopbackOrAwsMetadata;
  client_.send(std::move(request), std::move(done));
}

void CredentialsProvider::Impl::fetch_container(std::string url, std::string authorization) {
  http::Headers headers;
  if (!authorization.empty()) headers.set("Authorization", authorization);
  send("GET", std::move(url), std::move(headers),
       [self = shared_from_this()](Result<http::ClientResponse> response) {
         constexpr std::string_view kWhat = "the container credentials endpoint";
         Result<std::string> body = ok_body(std::move(response), kWhat);
         if (!body) return self->finish(body.error());
         self->finish(parse_credentials(body.value(), kWhat));
       });
}

// IMDSv2: a session token first (a PUT, which SSRF through a GET-only proxy cannot make), then
// the role name, then the role's credentials.
void CredentialsProvider::Impl::fetch_imds(std::string endpoint) {
  http::Headers headers;
  headers.set("x-aws-ec2-metadata-token-ttl-seconds", kImdsTokenTtlSeconds);
  std::string url = endpoint + "/latest/api/token";
  send("PUT", std::move(url), std::move(headers),
       [self = shared_from_this(),
        endpoint = std::move(endpoint)](Result<http::ClientResponse> response) mutable {
         Result<std::string> token = ok_body(std::move(response), "the IMDS token endpoint");
         if (!token) return self->finish(token.error());
         if (token.value().empty() || has_line_break(token.value())) {
           return self->finish(
               make_error(Errc::kUpstreamInvalid, "IMDS returned an unusable session token"));
         }
         self->imds_role(std::move(endpoint), std::move(token.value()));
       });
}

void CredentialsProvider::Impl::imds_role(std::string endpoint, std::string token) {
  http::Headers headers;
  headers.set("x-aws-ec2-metadata-token", token);
  std::string listing_url = endpoint + std::string(kImdsCredentialsPath);
  send("GET", std::move(listing_url), headers,
       [self = shared_from_this(), endpoint = std::move(endpoint),
        headers](Result<http::ClientResponse> response) mutable {
         constexpr std::string_view kWhat = "the IMDS role listing";
         Result<std::string> roles = ok_body(std::move(response), kWhat);
         if (!roles) return self->finish(roles.error());
         // One role per instance profile; the listing is that name on a line.
         std::string_view role = roles.value();
         role = role.substr(0, role.find('\n'));
         if (role.empty() || role.find_first_of("/?#\r ") != role.npos) {
           return self->finish(make_error(Errc::kUpstreamInvalid, "IMDS lists no usable role"));
         }
         std::string url = endpoint + std::string(kImdsCredentialsPath) + std::string(role);
         self->send("GET", std::move(url), std::move(headers),
                    [self](Result<http::ClientResponse> credentials) {
                      constexpr std::string_view kWhatRole = "the IMDS role credentials";
                      Result<std::string> body = ok_body(std::move(credentials), kWhatRole);
                      if (!body) return self->finish(body.error());
                      self->finish(parse_credentials(body.value(), kWhatRole));
                    });
       });
}

CredentialsProvider::CredentialsProvider(http::Client& client, CredentialsProviderOptions options)
    : impl_(std::make_shared<Impl>(client, std::move(options))) {}

CredentialsProvider::~CredentialsProvider() = default;

void CredentialsProvider::get(Callback<Credentials> done) { impl_->get(std::move(done)); }

void CredentialsProvider::invalidate() { impl_->invalidate(); }

}  // namespace badgesmith::aws
