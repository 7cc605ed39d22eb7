#include "core/http/origin_guard.h"

#include <openssl/crypto.h>

#include "core/security/constant_time.h"

namespace badgesmith::http {

OriginGuard::OriginGuard(std::string_view secret, log::AuditLog* audit)
    : secret_digest_(security::sha256(secret).value_or(security::Sha256{})), audit_(audit) {}

OriginGuard::~OriginGuard() { OPENSSL_cleanse(secret_digest_.data(), secret_digest_.size()); }

bool OriginGuard::admits(const Request& request) const {
  if (request.path == "/health" && (request.method == "GET" || request.method == "HEAD")) {
    return true;
  }
  const std::optional<std::string_view> presented = request.headers.get(kOriginVerifyHeader);
  if (presented) {
    const std::optional<security::Sha256> digest = security::sha256(*presented);
    if (digest && security::constant_time_equals(security::as_bytes(*digest),
                                                 security::as_bytes(secret_digest_))) {
      return true;
    }
  }
  if (audit_ != nullptr) {
    audit_->record({{"event", "origin_refused"},
                    {"reason", presented ? "bad_origin_secret" : "no_origin_secret"},
                    {"status", 403},
                    {"method", request.method},
                    {"client", request.client_address},
                    {"request_id", request.request_id}});
  }
  return false;
}

}  // namespace badgesmith::http
