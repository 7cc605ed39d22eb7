// Where AWS mode gets its signing keys and region: the environment (what Lambda provides), the
// ECS/EKS container credentials endpoint, or EC2's IMDSv2, in that order, as the AWS SDKs do.
// The first source that is configured is the one used; docs/aws.md lists the variables.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/aws/sigv4.h"
#include "core/result.h"

namespace badgesmith::http {
class Client;
}

namespace badgesmith::aws {

// Reads one environment variable: nullopt when unset. Injected so tests control what is seen.
using Environment = std::function<std::optional<std::string>(std::string_view name)>;

// The process environment (getenv).
Environment process_environment();

// AWS_REGION, else AWS_DEFAULT_REGION. Fails with kInvalidArgument when neither is set (or both
// are empty).
Result<std::string> region_from(const Environment& env);

struct CredentialsProviderOptions {
  Environment env = process_environment();
  std::function<std::chrono::system_clock::time_point()> now = std::chrono::system_clock::now;
  // Temporary credentials are fetched again this long before their Expiration, so a request
  // signed just before the switch still arrives in time.
  std::chrono::seconds refresh_ahead{300};
  // Per request to a metadata endpoint: they answer from the same host, so a slow one is absent.
  std::chrono::milliseconds endpoint_timeout{1000};
};

// Resolves and caches credentials.
//
// Thread-safety: get() may be called from any thread. Lifetime: the Client must outlive every
// fetch; fetches in flight keep the provider's state alive, so destroying the provider never
// invalidates them.
class CredentialsProvider {
 public:
  CredentialsProvider(http::Client& client, CredentialsProviderOptions options = {});
  ~CredentialsProvider();
  CredentialsProvider(const CredentialsProvider&) = delete;
  CredentialsProvider& operator=(const CredentialsProvider&) = delete;

  // Delivers credentials that stay valid for at least refresh_ahead, or cached ones that are
  // still valid while a refresh runs (a failed refresh keeps them until they expire). Concurrent
  // callers share one fetch. `done` may run on the caller's thread (cache hit) or on an
  // io_context thread. Errors:
  //   kInternal:            no source is configured, or a setting is invalid (the message says
  //                         which variable);
  //   kUpstreamUnavailable: the container endpoint or IMDS could not be reached or refused;
  //   kUpstreamInvalid:     its answer is not the documented JSON.
  void get(Callback<Credentials> done);

  // Forgets the cached credentials, so the next get() fetches: for when AWS says they have
  // expired before the Expiration we were told (clock skew, revoked sessions).
  void invalidate();

 private:
  class Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace badgesmith::aws
