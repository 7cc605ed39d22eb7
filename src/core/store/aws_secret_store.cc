#include "core/store/aws_secret_store.h"

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <tuple>
#include <utility>

#include "core/aws/secrets_manager.h"
#include "core/log/log.h"
#include "core/timestamp.h"

namespace badgesmith::store {
namespace {

using aws::AwsClient;
using aws::Service;
using nlohmann::json;

constexpr std::string_view kOwnerPrefix = "ORG#";
constexpr std::string_view kSecretPrefix = "CONST#GITHUB#";
constexpr std::string_view kRepoMarker = "#REPO#";
constexpr std::string_view kOwnedNames = "badgesmith/github/";

std::string partition_key(const std::string& owner) { return std::string(kOwnerPrefix) + owner; }

std::string sort_key(const SecretKey& key) {
  std::string sk = std::string(kSecretPrefix) + std::string(to_string(key.type));
  if (!key.repo.empty()) sk += std::string(kRepoMarker) + key.repo;
  return sk;
}

json string_value(const std::string& text) { return {{"S", text}}; }

json item_key(const SecretKey& key) {
  return {{"PK", string_value(partition_key(key.owner))}, {"SK", string_value(sort_key(key))}};
}

std::optional<std::string> string_attribute(const json& item, const char* name) {
  const auto attribute = item.find(name);
  if (attribute == item.end() || !attribute->is_object()) return std::nullopt;
  const auto text = attribute->find("S");
  if (text == attribute->end() || !text->is_string()) return std::nullopt;
  return text->get<std::string>();
}

// Unix seconds of an RFC 3339 attribute; nullopt when missing, 0 when unreadable.
std::optional<std::int64_t> time_attribute(const json& item, const char* name) {
  const std::optional<std::string> text = string_attribute(item, name);
  if (!text) return std::nullopt;
  const std::optional<std::int64_t> ms = parse_rfc3339_ms(*text);
  if (!ms) return 0;
  return *ms >= 0 ? *ms / 1000 : (*ms - 999) / 1000;  // Floor: seconds never round up.
}

// The key a row stands for; nullopt for a row this interface cannot name, including names that
// are not already normalized (get could never address such a row).
std::optional<SecretKey> key_of_row(const json& item) {
  const std::optional<std::string> pk = string_attribute(item, "PK");
  const std::optional<std::string> sk = string_attribute(item, "SK");
  if (!pk || !sk || !pk->starts_with(kOwnerPrefix) || !sk->starts_with(kSecretPrefix)) {
    return std::nullopt;
  }
  const std::string_view rest = std::string_view(*sk).substr(kSecretPrefix.size());
  const std::size_t marker = rest.find(kRepoMarker);
  const std::optional<SecretType> type = secret_type_from_string(rest.substr(0, marker));
  if (!type) return std::nullopt;
  SecretKey key{pk->substr(kOwnerPrefix.size()),
                marker == std::string_view::npos
                    ? std::string()
                    : std::string(rest.substr(marker + kRepoMarker.size())),
                *type};
  if (marker != std::string_view::npos && key.repo.empty()) return std::nullopt;
  Result<SecretKey> normalized = normalize_secret_key(key);
  if (!normalized || normalized.value().owner != key.owner || normalized.value().repo != key.repo) {
    return std::nullopt;
  }
  return key;
}

Error parse_error(std::string_view operation) {
  return make_error(Errc::kUpstreamInvalid,
                    "dynamodb " + std::string(operation) + " answered no JSON object");
}

Result<json> parse_object(const std::string& body, std::string_view operation) {
  json parsed = json::parse(body, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) return parse_error(operation);
  return parsed;
}

// DynamoDB's ResourceNotFound names a missing table: the store is not configured, which the
// interface reports as kUpstreamUnavailable, not as "no such secret".
Error table_error(Error error, const std::string& table) {
  if (error.code == Errc::kNotFound) {
    error.code = Errc::kUpstreamUnavailable;
    error.message = "the secrets table " + table + " does not exist: " + error.message;
  }
  return error;
}

Error no_secret_name() {
  return make_error(Errc::kUpstreamInvalid, "a secrets table row has no SecretName string");
}

std::string timestamp(std::int64_t unix_seconds) {
  return format_rfc3339_ms(std::max<std::int64_t>(unix_seconds, 0) * 1000);
}

// Every page of a Query or Scan, then the sorted listing.
struct Listing {
  AwsClient* client;
  std::string operation;
  json request;
  std::vector<SecretInfo> secrets;
  Callback<std::vector<SecretInfo>> done;
};

void add_rows(Listing& listing, const json& items) {
  for (const json& item : items) {
    if (!item.is_object()) continue;
    const std::optional<std::string> sk = string_attribute(item, "SK");
    if (!sk || !sk->starts_with(kSecretPrefix)) continue;  // Another component's row.
    std::optional<SecretKey> key = key_of_row(item);
    if (!key) {
      log::warn("skipped a secrets table row that names no valid secret key",
                {{"pk", string_attribute(item, "PK").value_or("")}, {"sk", *sk}});
      continue;
    }
    const std::int64_t created = time_attribute(item, "CreatedAt").value_or(0);
    const std::int64_t updated = time_attribute(item, "UpdatedAt").value_or(created);
    listing.secrets.push_back({std::move(*key), created, updated});
  }
}

void finish(Listing& listing) {
  std::sort(listing.secrets.begin(), listing.secrets.end(),
            [](const SecretInfo& a, const SecretInfo& b) {
              return std::tie(a.key.owner, a.key.repo, a.key.type) <
                     std::tie(b.key.owner, b.key.repo, b.key.type);
            });
  listing.done(std::move(listing.secrets));
}

void next_page(std::shared_ptr<Listing> listing) {
  // Read before the call: its arguments are evaluated in no set order, and one moves `listing`.
  const std::string table = listing->request["TableName"].get<std::string>();
  const std::string operation = listing->operation;
  std::string body = listing->request.dump();
  AwsClient& client = *listing->client;
  client.call(Service::kDynamoDb, operation, std::move(body),
              [listing = std::move(listing), table](Result<std::string> answer) mutable {
                if (!answer) return listing->done(table_error(answer.error(), table));
                Result<json> page = parse_object(answer.value(), listing->operation);
                if (!page) return listing->done(page.error());
                const auto items = page.value().find("Items");
                if (items != page.value().end() && items->is_array()) add_rows(*listing, *items);
                const auto last = page.value().find("LastEvaluatedKey");
                if (last == page.value().end() || !last->is_object() || last->empty()) {
                  return finish(*listing);
                }
                listing->request["ExclusiveStartKey"] = *last;
                next_page(std::move(listing));
              });
}

// get's second step: the value of the secret a row names; a secret deleted behind the table's
// back reads as none, as the row alone does not make a secret.
void read_named_secret(AwsClient& client, std::string name,
                       Callback<std::optional<std::string>> done) {
  aws::get_secret_value(client, std::move(name),
                        [done = std::move(done)](Result<std::string> value) {
                          if (value)
                            return done(std::optional<std::string>(std::move(value).value()));
                          if (value.error().code == Errc::kNotFound) {
                            return done(std::optional<std::string>());
                          }
                          done(value.error());
                        });
}

// put's second step: the UpdateItem that points the row at the secret just written.
void update_row(AwsClient& client, const std::string& table, std::string update,
                Callback<void> done) {
  client.call(Service::kDynamoDb, "UpdateItem", std::move(update),
              [table, done = std::move(done)](Result<std::string> updated) {
                if (!updated) return done(table_error(updated.error(), table));
                done(success());
              });
}

}  // namespace

AwsSecretStore::AwsSecretStore(AwsClient& client, boost::asio::io_context& io, std::string table,
                               std::function<std::int64_t()> now_unix_seconds)
    : client_(client), io_(io), table_(std::move(table)), now_(std::move(now_unix_seconds)) {
  if (!now_) now_ = &system_unix_seconds;
}

template <class T>
void AwsSecretStore::fail(Callback<T> done, Error error) {
  boost::asio::post(io_, [done = std::move(done), error = std::move(error)] { done(error); });
}

std::int64_t AwsSecretStore::system_unix_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string AwsSecretStore::secret_name(const SecretKey& key) {
  std::string name = std::string(kOwnedNames) + key.owner + '/';
  if (!key.repo.empty()) name += key.repo + '/';
  return name + std::string(to_string(key.type));
}

void AwsSecretStore::get(SecretKey requested, Callback<std::optional<std::string>> done) {
  Result<SecretKey> key = normalize_secret_key(std::move(requested));
  if (!key) return fail(std::move(done), key.error());
  const json request = {{"TableName", table_},
                        {"Key", item_key(key.value())},
                        {"ConsistentRead", true},
                        {"ProjectionExpression", "SecretName"}};
  AwsClient& client = client_;
  client.call(Service::kDynamoDb, "GetItem", request.dump(),
              [&client, table = table_, done = std::move(done)](Result<std::string> answer) {
                if (!answer) return done(table_error(answer.error(), table));
                Result<json> row = parse_object(answer.value(), "GetItem");
                if (!row) return done(row.error());
                const auto item = row.value().find("Item");
                if (item == row.value().end() || !item->is_object()) {
                  return done(std::optional<std::string>());
                }
                std::optional<std::string> name = string_attribute(*item, "SecretName");
                if (!name) return done(no_secret_name());
                read_named_secret(client, std::move(*name), done);
              });
}

void AwsSecretStore::put(SecretKey requested, std::string value, Callback<void> done) {
  Result<SecretKey> key = normalize_secret_key(std::move(requested));
  if (!key) return fail(std::move(done), key.error());
  if (value.empty() || value.size() > kMaxSecretBytes) {
    return fail(std::move(done), make_error(Errc::kInvalidArgument,
                                            "a secret value holds 1 to 65536 bytes", {}, "value"));
  }
  const std::string name = secret_name(key.value());
  const std::string now = timestamp(now_());
  // if_not_exists keeps the first CreatedAt, the seeder's included, in one atomic write.
  const json update = {
      {"TableName", table_},
      {"Key", item_key(key.value())},
      {"UpdateExpression",
       "SET SecretName = :name, UpdatedAt = :now, CreatedAt = if_not_exists(CreatedAt, :now)"},
      {"ExpressionAttributeValues", {{":name", string_value(name)}, {":now", string_value(now)}}}};
  AwsClient& client = client_;
  aws::create_or_update_secret(client, name, std::move(value),
                               [&client, table = table_, update = update.dump(),
                                done = std::move(done)](Result<void> written) mutable {
                                 if (!written) return done(written.error());
                                 update_row(client, table, std::move(update), std::move(done));
                               });
}

void AwsSecretStore::remove(SecretKey requested, Callback<bool> done) {
  Result<SecretKey> key = normalize_secret_key(std::move(requested));
  if (!key) return fail(std::move(done), key.error());
  const json request = {
      {"TableName", table_}, {"Key", item_key(key.value())}, {"ReturnValues", "ALL_OLD"}};
  AwsClient& client = client_;
  client.call(Service::kDynamoDb, "DeleteItem", request.dump(),
              [&client, table = table_, done = std::move(done)](Result<std::string> answer) {
                if (!answer) return done(table_error(answer.error(), table));
                Result<json> old = parse_object(answer.value(), "DeleteItem");
                if (!old) return done(old.error());
                const auto attributes = old.value().find("Attributes");
                if (attributes == old.value().end() || !attributes->is_object()) return done(false);
                std::optional<std::string> name = string_attribute(*attributes, "SecretName");
                if (!name || !name->starts_with(kOwnedNames)) return done(true);
                aws::delete_secret(client, *name, [name = *name, done](Result<void> deleted) {
                  if (!deleted) {
                    Error error = deleted.error();
                    error.message =
                        "the row was removed but its secret " + name + " was not: " + error.message;
                    return done(std::move(error));
                  }
                  done(true);
                });
              });
}

void AwsSecretStore::list(std::optional<std::string> owner,
                          Callback<std::vector<SecretInfo>> done) {
  auto listing = std::make_shared<Listing>();
  listing->client = &client_;
  listing->done = std::move(done);
  json values = {{":secret", string_value(std::string(kSecretPrefix))}};
  if (owner) {
    Result<std::string> normalized = normalize_secret_owner(std::move(*owner));
    if (!normalized) return fail(std::move(listing->done), normalized.error());
    values[":pk"] = string_value(partition_key(normalized.value()));
    listing->operation = "Query";
    listing->request = {{"KeyConditionExpression", "PK = :pk AND begins_with(SK, :secret)"}};
  } else {
    listing->operation = "Scan";
    listing->request = {{"FilterExpression", "begins_with(SK, :secret)"}};
  }
  listing->request["TableName"] = table_;
  listing->request["ExpressionAttributeValues"] = std::move(values);
  listing->request["ConsistentRead"] = true;
  if (page_limit_) listing->request["Limit"] = *page_limit_;
  next_page(std::move(listing));
}

}  // namespace badgesmith::store
