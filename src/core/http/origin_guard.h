// Origin protection for AWS mode: CloudFront adds a secret `x-origin-verify` header to every
// request it forwards, and the function refuses requests without it, so nobody can call the API
// Gateway URL directly and bypass the CDN's cache (and its bill). Self-hosters behind their own
// proxy can use the same check.
//
// Thread-safety: immutable after construction; safe to share between threads.
#pragma once

#include <string>

#include "core/http/message.h"
#include "core/log/audit_log.h"
#include "core/security/digest.h"

namespace badgesmith::http {

inline constexpr std::string_view kOriginVerifyHeader = "x-origin-verify";

class OriginGuard {
 public:
  // REQUIRES: `secret` is not empty. `audit` (may be null) records each refusal and must outlive
  // the guard.
  OriginGuard(std::string_view secret, log::AuditLog* audit);
  ~OriginGuard();
  OriginGuard(const OriginGuard&) = delete;
  OriginGuard& operator=(const OriginGuard&) = delete;

  // True for GET/HEAD /health (load balancers and uptime checks probe the function directly)
  // and for a request whose x-origin-verify equals the secret. The SHA-256 digests are compared,
  // in constant time, so neither the secret's bytes nor its length can be learnt by timing. A
  // refusal is audited with the client address, never with the header's value.
  bool admits(const Request& request) const;

 private:
  security::Sha256 secret_digest_;
  log::AuditLog* audit_;
};

}  // namespace badgesmith::http
