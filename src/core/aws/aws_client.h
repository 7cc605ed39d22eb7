// The AWS JSON-RPC protocol that DynamoDB (JSON 1.0) and Secrets Manager (JSON 1.1) speak:
// `POST /` with `X-Amz-Target: <prefix>.<Operation>`, a JSON body, SigV4-signed. The stores of
// AWS mode (items 4-5 of issue 7) build their request documents and read the answers; this client
// owns the endpoint, signing, retries and the mapping of AWS errors to Errc.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/aws/credentials.h"
#include "core/result.h"

namespace boost::asio {
class io_context;
}

namespace badgesmith::http {
class Client;
}

namespace badgesmith::aws {

enum class Service { kDynamoDb, kSecretsManager };

struct AwsClientOptions {
  std::string region;
  // "http://127.0.0.1:PORT" for an emulator; empty: https://<service>.<region>.amazonaws.com.
  // REQUIRES: empty or accepted by check_endpoint_override.
  std::string endpoint;
  // Attempts for throttling, 5xx and CRC32 mismatches, the first included (>= 1).
  int max_attempts = 5;
  // Attempt n waits a uniformly random time in [0, min(backoff_cap, backoff_base * 2^(n-1))),
  // botocore's "full jitter".
  std::chrono::milliseconds backoff_base{50};
  std::chrono::milliseconds backoff_cap{2000};
  std::function<std::chrono::system_clock::time_point()> now = std::chrono::system_clock::now;
};

// BADGESMITH_AWS_ENDPOINT, for emulators only: plain http to a loopback host, nothing else, so
// a mistyped value can never send signed requests to a stranger. Fails with kInvalidArgument.
Result<std::string> check_endpoint_override(std::string_view url);

// Region from region_from(env) and BADGESMITH_AWS_ENDPOINT checked; defaults elsewhere.
Result<AwsClientOptions> aws_client_options_from(const Environment& env);

// Thread-safety: call() may be used from any thread. Lifetime: the io_context, the Client and the
// CredentialsProvider must outlive every call; calls in flight keep the client's own state alive.
class AwsClient {
 public:
  AwsClient(AwsClientOptions options, http::Client& client, CredentialsProvider& credentials,
            boost::asio::io_context& io);
  ~AwsClient();
  AwsClient(const AwsClient&) = delete;
  AwsClient& operator=(const AwsClient&) = delete;

  // Sends `body_json` to `operation` (e.g. "GetItem") of `service`; `done` receives the response
  // body (a JSON document) on an io_context thread. Every attempt is signed afresh; an
  // ExpiredTokenException renews the credentials (CredentialsProvider::invalidate) and retries
  // once. Errors, with Error::error_code set to the AWS error code when there is one:
  //   kConflict:            ConditionalCheckFailedException, TransactionCanceledException
  //                         (the message lists the cancellation reasons in order),
  //                         TransactionConflictException;
  //   kNotFound:            ResourceNotFoundException;
  //   kUpstreamUnavailable: throttling or 5xx after every attempt, or no connection;
  //   kUpstreamInvalid:     a CRC32 mismatch after every attempt, or an unreadable error;
  //   kInternal:            AWS refused the credentials or the request (a bug of ours), or no
  //                         credentials are available.
  void call(Service service, std::string_view operation, std::string body_json,
            Callback<std::string> done);

 private:
  class Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace badgesmith::aws
