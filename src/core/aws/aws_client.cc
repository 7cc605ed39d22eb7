#include "core/aws/aws_client.h"

#include <zlib.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <charconv>
#include <nlohmann/json.hpp>
#include <utility>

#include "core/http/client.h"
#include "core/http/url.h"
#include "core/json_limits.h"

namespace badgesmith::aws {

namespace {

namespace asio = boost::asio;

constexpr std::size_t kMaxErrorBytes = 64 * 1024;
constexpr int kMaxErrorDepth = 4;

struct ServiceInfo {
  std::string_view signing_name;
  std::string_view target_prefix;
  std::string_view content_type;
};

ServiceInfo info(Service service) {
  switch (service) {
    case Service::kDynamoDb:
      return {"dynamodb", "DynamoDB_20120810", "application/x-amz-json-1.0"};
    case Service::kSecretsManager:
      return {"secretsmanager", "secretsmanager", "application/x-amz-json-1.1"};
  }
  return {};
}

// botocore's standard-mode throttling codes that these two services return.
bool is_throttling(std::string_view code) {
  return code == "ThrottlingException" || code == "ProvisionedThroughputExceededException" ||
         code == "RequestLimitExceeded" || code == "TransactionInProgressException" ||
         code == "LimitExceededException";
}

bool is_auth_error(std::string_view code) {
  return code == "UnrecognizedClientException" || code == "InvalidSignatureException" ||
         code == "AccessDeniedException" || code == "ExpiredTokenException" ||
         code == "MissingAuthenticationTokenException" || code == "IncompleteSignatureException" ||
         code == "InvalidClientTokenId" || code == "SignatureDoesNotMatch";
}

// DynamoDB sends x-amz-crc32 (decimal CRC32 of the body) so a response damaged on the way is
// noticed; absent on other services, so only a present, wrong value fails.
bool crc32_matches(const http::ClientResponse& response) {
  const std::optional<std::string_view> header = response.headers.get("x-amz-crc32");
  if (!header) return true;
  std::uint64_t expected = 0;
  const char* end = header->data() + header->size();
  const auto parsed = std::from_chars(header->data(), end, expected);
  if (parsed.ec != std::errc() || parsed.ptr != end) return false;
  uLong actual = crc32(0L, Z_NULL, 0);
  std::string_view body = response.body;
  while (!body.empty()) {
    const auto chunk = static_cast<uInt>(std::min<std::size_t>(body.size(), 1U << 30));
    actual = crc32(actual, reinterpret_cast<const Bytef*>(body.data()), chunk);
    body.remove_prefix(chunk);
  }
  return actual == expected;
}

struct AwsError {
  std::string code;  // After the '#' of __type.
  std::string message;
  std::string reasons;  // TransactionCanceledException's CancellationReasons codes, in order.
};

AwsError parse_error(const http::ClientResponse& response) {
  AwsError error;
  Result<nlohmann::json> document =
      parse_json_limited(response.body, kMaxErrorBytes, kMaxErrorDepth);
  if (!document || !document.value().is_object()) return error;
  const nlohmann::json& object = document.value();
  const auto text = [&](const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  error.code = text("__type");
  error.code.erase(0, error.code.rfind('#') + 1);
  // DynamoDB says "message", DynamoDB Local "Message".
  error.message = text("message");
  if (error.message.empty()) error.message = text("Message");
  const auto reasons = object.find("CancellationReasons");
  if (reasons != object.end() && reasons->is_array()) {
    for (const nlohmann::json& reason : *reasons) {
      const auto code = reason.is_object() ? reason.find("Code") : reason.end();
      if (!error.reasons.empty()) error.reasons += ", ";
      error.reasons += code != reason.end() && code->is_string() ? code->get<std::string>() : "?";
    }
  }
  return error;
}

Error to_error(const AwsError& aws, int status, std::string_view what) {
  std::string described =
      std::string(what) + ": " + (aws.code.empty() ? "HTTP " + std::to_string(status) : aws.code);
  if (!aws.message.empty()) described += ": " + aws.message;
  if (!aws.reasons.empty()) described += " [" + aws.reasons + "]";
  Errc code = Errc::kInternal;
  if (aws.code == "ConditionalCheckFailedException" || aws.code == "TransactionCanceledException" ||
      aws.code == "TransactionConflictException") {
    code = Errc::kConflict;
  } else if (aws.code == "ResourceNotFoundException") {
    code = Errc::kNotFound;
  } else if (is_throttling(aws.code) || status >= 500) {
    code = Errc::kUpstreamUnavailable;
  } else if (is_auth_error(aws.code)) {
    described = std::string(what) + ": AWS refused the credentials (" + aws.code + ")";
  } else if (aws.code.empty()) {
    code = Errc::kUpstreamInvalid;
  }
  return make_error(code, std::move(described), aws.code);
}

}  // namespace

Result<std::string> check_endpoint_override(std::string_view url) {
  const auto refuse = [&] {
    return make_error(Errc::kInvalidArgument,
                      "BADGESMITH_AWS_ENDPOINT must be http://<loopback host>[:port] (an "
                      "emulator), got '" +
                          std::string(url) + "'");
  };
  Result<http::Url> parsed = http::parse_upstream_url(url);
  if (!parsed || parsed.value().tls || parsed.value().target != "/") return refuse();
  return "http://" + parsed.value().authority();
}

Result<AwsClientOptions> aws_client_options_from(const Environment& env) {
  AwsClientOptions options;
  BOOST_OUTCOME_TRY(region, region_from(env));
  options.region = std::move(region);
  if (std::optional<std::string> endpoint = env("BADGESMITH_AWS_ENDPOINT");
      endpoint && !endpoint->empty()) {
    BOOST_OUTCOME_TRY(checked, check_endpoint_override(*endpoint));
    options.endpoint = std::move(checked);
  }
  return options;
}

class AwsClient::Impl : public std::enable_shared_from_this<Impl> {
 public:
  Impl(AwsClientOptions options, http::Client& client, CredentialsProvider& credentials,
       asio::io_context& io)
      : options_(std::move(options)), client_(client), credentials_(credentials), io_(io) {}

  void call(Service service, std::string_view operation, std::string body,
            Callback<std::string> done);

 private:
  struct Call {
    ServiceInfo service;
    std::string operation;
    std::string body;
    std::string url;
    std::string authority;  // The Host header, signed.
    Callback<std::string> done;
    int attempt = 0;
    bool credentials_renewed = false;
  };

  void attempt(std::shared_ptr<Call> call);
  void send(std::shared_ptr<Call> call, const Credentials& credentials);
  void handle(std::shared_ptr<Call> call, Result<http::ClientResponse> response);
  void retry_or_fail(std::shared_ptr<Call> call, Error error);

  const AwsClientOptions options_;
  http::Client& client_;
  CredentialsProvider& credentials_;
  asio::io_context& io_;
};

void AwsClient::Impl::call(Service service, std::string_view operation, std::string body,
                           Callback<std::string> done) {
  auto call = std::make_shared<Call>();
  call->service = info(service);
  call->operation = std::string(operation);
  call->body = std::move(body);
  call->url = options_.endpoint.empty() ? "https://" + std::string(call->service.signing_name) +
                                              "." + options_.region + ".amazonaws.com/"
                                        : options_.endpoint + "/";
  Result<http::Url> parsed = http::parse_upstream_url(call->url);
  if (!parsed) return done(parsed.error());
  call->authority = parsed.value().authority();
  call->done = std::move(done);
  attempt(std::move(call));
}

void AwsClient::Impl::attempt(std::shared_ptr<Call> call) {
  ++call->attempt;
  credentials_.get([self = shared_from_this(), call](Result<Credentials> credentials) {
    if (!credentials) return call->done(credentials.error());
    self->send(call, credentials.value());
  });
}

void AwsClient::Impl::send(std::shared_ptr<Call> call, const Credentials& credentials) {
  http::ClientRequest request;
  request.method = "POST";
  request.url = call->url;
  request.body = call->body;
  request.headers.set("Host", call->authority);
  request.headers.set("Content-Type", call->service.content_type);
  request.headers.set("X-Amz-Target",
                      std::string(call->service.target_prefix) + "." + call->operation);
  // The CRC32 covers the bytes DynamoDB sends; asking for them unencoded keeps it checkable.
  request.headers.set("Accept-Encoding", "identity");
  SigningOptions signing;
  signing.region = options_.region;
  signing.service = std::string(call->service.signing_name);
  signing.time = options_.now();
  Result<Signature> signature =
      sign(request.method, "/", "", request.headers, request.body, credentials, signing);
  if (!signature) return call->done(signature.error());
  client_.send(std::move(request),
               [self = shared_from_this(), call](Result<http::ClientResponse> response) {
                 self->handle(call, std::move(response));
               });
}

void AwsClient::Impl::handle(std::shared_ptr<Call> call, Result<http::ClientResponse> response) {
  const std::string what = std::string(call->service.signing_name) + " " + call->operation;
  if (!response) {
    Error error = response.error();
    error.message = what + ": " + error.message;
    return call->done(std::move(error));
  }
  const http::ClientResponse& answer = response.value();
  if (!crc32_matches(answer)) {
    return retry_or_fail(call, make_error(Errc::kUpstreamInvalid, what + ": x-amz-crc32 mismatch"));
  }
  if (answer.status == 200) return call->done(std::move(response.value().body));
  Error error = to_error(parse_error(answer), answer.status, what);
  if (error.code == Errc::kUpstreamUnavailable) return retry_or_fail(call, std::move(error));
  // Temporary keys can expire early (a revoked session, a skewed clock): fetch new ones once.
  if (error.error_code == "ExpiredTokenException" && !call->credentials_renewed) {
    call->credentials_renewed = true;
    credentials_.invalidate();
    return retry_or_fail(call, std::move(error));
  }
  call->done(std::move(error));
}

void AwsClient::Impl::retry_or_fail(std::shared_ptr<Call> call, Error error) {
  if (call->attempt >= options_.max_attempts) return call->done(std::move(error));
  auto timer = std::make_shared<asio::steady_timer>(io_);
  timer->expires_after(
      http::jittered_backoff(options_.backoff_base, call->attempt + 1, options_.backoff_cap));
  timer->async_wait([self = shared_from_this(), call, timer](const boost::system::error_code&) {
    self->attempt(call);
  });
}

AwsClient::AwsClient(AwsClientOptions options, http::Client& client,
                     CredentialsProvider& credentials, asio::io_context& io)
    : impl_(std::make_shared<Impl>(std::move(options), client, credentials, io)) {}

AwsClient::~AwsClient() = default;

void AwsClient::call(Service service, std::string_view operation, std::string body_json,
                     Callback<std::string> done) {
  impl_->call(service, operation, std::move(body_json), std::move(done));
}

}  // namespace badgesmith::aws
