// Typed Secrets Manager calls on AwsClient, for the AWS secret store (issue 7 item 5): read a
// secret's current value, write one whether or not the secret exists (or is scheduled for
// deletion), and delete one at once. Values never reach a log or an error message: an AWS error
// text that echoes the value is replaced by a generic one.
//
// Values are bytes. Valid UTF-8 travels as SecretString, which is what the .NET service and the
// console show and what tokens and HMAC keys always are; anything else travels as SecretBinary
// (base64 in the JSON envelope, which cannot carry arbitrary bytes), so every value the
// SecretStore interface accepts survives a round trip.
//
// Thread-safety: free functions; safe from any thread as AwsClient::call is. Callbacks run once,
// on an io_context thread of the client. `client` must outlive every call.
#pragma once

#include <string>

#include "core/aws/aws_client.h"
#include "core/result.h"

namespace badgesmith::aws {

// The AWSCURRENT value of secret `name`: SecretString as is, or SecretBinary base64-decoded.
// Fails with kNotFound when there is no such secret or it is scheduled for deletion (the one
// reason GetSecretValue answers InvalidRequestException); kUpstreamInvalid when the answer holds
// neither field or undecodable base64; otherwise as AwsClient::call.
void get_secret_value(AwsClient& client, std::string name, Callback<std::string> done);

// Makes `value` the current value of secret `name`: CreateSecret, or, when the secret exists,
// PutSecretValue, after RestoreSecret if it is scheduled for deletion (an operator who deleted
// with a recovery window and sets the secret again means the new value). Fails with
// kUpstreamUnavailable when a force-deleted secret of that name is still being removed (AWS
// deletes asynchronously; retry in a few seconds); otherwise as AwsClient::call.
// REQUIRES: value holds 1..65536 bytes (Secrets Manager's limit; callers validate).
void create_or_update_secret(AwsClient& client, std::string name, std::string value,
                             Callback<void> done);

// Deletes secret `name` with ForceDeleteWithoutRecovery, and succeeds when there is none. No
// recovery window on purpose: a secret in its window blocks CreateSecret of the same name, so
// `secrets rm` followed by `secrets set` would fail for up to 30 days. The price: no undo, the
// operator sets the value again.
void delete_secret(AwsClient& client, std::string name, Callback<void> done);

}  // namespace badgesmith::aws
