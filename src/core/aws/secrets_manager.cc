#include "core/aws/secrets_manager.h"

#include <openssl/crypto.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <utility>

#include "core/base64.h"
#include "core/utf8.h"

namespace badgesmith::aws {
namespace {

using nlohmann::json;

// A value on its way to AWS: wiped when the last step that needs it is done.
struct Value {
  std::string bytes;
  Value(const Value&) = delete;
  Value& operator=(const Value&) = delete;
  explicit Value(std::string text) : bytes(std::move(text)) {}
  ~Value() { OPENSSL_cleanse(bytes.data(), bytes.size()); }
};

using SharedValue = std::shared_ptr<const Value>;

// AWS messages are passed through for diagnosis; one that quotes the value (a validation
// message, say) must not carry it into a log or an HTTP body.
Error scrubbed(Error error, const SharedValue& value) {
  const auto leaks = [&](const std::string& text) {
    return text.find(value->bytes) != std::string::npos;
  };
  if (leaks(error.message) || leaks(error.error_code) || leaks(error.property)) {
    return make_error(error.code, "Secrets Manager refused the secret value", {}, {});
  }
  return error;
}

// The value field of CreateSecret and PutSecretValue; see the header for the choice.
void add_value(json& body, const std::string& value) {
  if (is_valid_utf8(value)) {
    body["SecretString"] = value;
  } else {
    body["SecretBinary"] = base64_encode(value);
  }
}

void put_value(AwsClient& client, const std::string& name, const SharedValue& value,
               Callback<void> done) {
  json body = {{"SecretId", name}};
  add_value(body, value->bytes);
  client.call(Service::kSecretsManager, "PutSecretValue", body.dump(),
              [value, done = std::move(done)](Result<std::string> put) {
                if (!put) return done(scrubbed(put.error(), value));
                done(success());
              });
}

// AWS removes a force-deleted secret asynchronously: for a few seconds its name can neither be
// created, restored nor described as live.
Error still_deleting(const std::string& name, const Error& cause) {
  return make_error(Errc::kUpstreamUnavailable,
                    "secret " + name + " is still being deleted; retry shortly", cause.error_code);
}

// The secret exists in some state: restore it if it is scheduled for deletion, then put.
void update_existing(AwsClient& client, const std::string& name, const SharedValue& value,
                     Callback<void> done) {
  client.call(
      Service::kSecretsManager, "DescribeSecret", json{{"SecretId", name}}.dump(),
      [&client, name, value, done = std::move(done)](Result<std::string> described) mutable {
        if (!described) {
          // CreateSecret said it exists, DescribeSecret that it does not.
          if (described.error().code == Errc::kNotFound) {
            return done(still_deleting(name, described.error()));
          }
          return done(described.error());
        }
        const json secret = json::parse(described.value(), nullptr, false);
        if (secret.is_discarded() || !secret.is_object()) {
          return done(make_error(Errc::kUpstreamInvalid,
                                 "secretsmanager DescribeSecret answered no JSON object"));
        }
        // Moto sends "DeletedDate": null for a live secret; AWS leaves it out.
        const auto deleted = secret.find("DeletedDate");
        if (deleted == secret.end() || deleted->is_null()) {
          return put_value(client, name, value, std::move(done));
        }
        client.call(Service::kSecretsManager, "RestoreSecret", json{{"SecretId", name}}.dump(),
                    [&client, name, value, done = std::move(done)](Result<std::string> restored) {
                      if (!restored) {
                        // A force-deleted secret cannot be restored.
                        if (restored.error().error_code == "InvalidRequestException") {
                          return done(still_deleting(name, restored.error()));
                        }
                        return done(restored.error());
                      }
                      put_value(client, name, value, done);
                    });
      });
}

}  // namespace

void get_secret_value(AwsClient& client, std::string name, Callback<std::string> done) {
  client.call(
      Service::kSecretsManager, "GetSecretValue", json{{"SecretId", name}}.dump(),
      [done = std::move(done)](Result<std::string> answer) {
        if (!answer) {
          Error error = answer.error();
          if (error.error_code == "InvalidRequestException") error.code = Errc::kNotFound;
          return done(std::move(error));
        }
        const json secret = json::parse(answer.value(), nullptr, false);
        if (secret.is_discarded() || !secret.is_object()) {
          return done(make_error(Errc::kUpstreamInvalid,
                                 "secretsmanager GetSecretValue answered no JSON object"));
        }
        if (const auto text = secret.find("SecretString");
            text != secret.end() && text->is_string()) {
          return done(text->get<std::string>());
        }
        if (const auto binary = secret.find("SecretBinary");
            binary != secret.end() && binary->is_string()) {
          std::optional<std::string> bytes = base64_decode(binary->get_ref<const std::string&>());
          if (bytes) return done(std::move(*bytes));
        }
        done(make_error(Errc::kUpstreamInvalid,
                        "secretsmanager GetSecretValue answered neither SecretString nor base64 "
                        "SecretBinary"));
      });
}

void create_or_update_secret(AwsClient& client, std::string name, std::string value,
                             Callback<void> done) {
  auto shared = std::make_shared<const Value>(std::move(value));
  json body = {{"Name", name}};
  add_value(body, shared->bytes);
  client.call(Service::kSecretsManager, "CreateSecret", body.dump(),
              [&client, name = std::move(name), shared,
               done = std::move(done)](Result<std::string> created) mutable {
                if (created) return done(success());
                const std::string& code = created.error().error_code;
                // Real AWS answers InvalidRequestException for a name scheduled for deletion,
                // moto ResourceExistsException; update_existing tells the states apart.
                if (code == "ResourceExistsException" || code == "InvalidRequestException") {
                  return update_existing(client, name, shared, std::move(done));
                }
                done(scrubbed(created.error(), shared));
              });
}

void delete_secret(AwsClient& client, std::string name, Callback<void> done) {
  const json body = {{"SecretId", name}, {"ForceDeleteWithoutRecovery", true}};
  client.call(Service::kSecretsManager, "DeleteSecret", body.dump(),
              [done = std::move(done)](Result<std::string> deleted) {
                if (!deleted && deleted.error().code != Errc::kNotFound) {
                  return done(deleted.error());
                }
                done(success());
              });
}

}  // namespace badgesmith::aws
