#include "core/aws/dynamodb_tables.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace badgesmith::aws {
namespace {

using nlohmann::json;

bool valid_table_name(std::string_view name) {
  if (name.size() < 3 || name.size() > 255) return false;
  for (const char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

json string_attributes(std::initializer_list<const char*> names) {
  json definitions = json::array();
  for (const char* name : names) {
    definitions.push_back({{"AttributeName", name}, {"AttributeType", "S"}});
  }
  return definitions;
}

json key_schema(const char* hash, const char* range) {
  return json::array({{{"AttributeName", hash}, {"KeyType", "HASH"}},
                      {{"AttributeName", range}, {"KeyType", "RANGE"}}});
}

struct TableSpec {
  json create;
  bool ttl = false;
};

std::vector<TableSpec> specs(const TableNames& names) {
  json results = {
      {"TableName", names.test_results},
      {"BillingMode", "PAY_PER_REQUEST"},
      {"AttributeDefinitions", string_attributes({"PK", "SK", "GSI1PK", "GSI1SK"})},
      {"KeySchema", key_schema("PK", "SK")},
      {"GlobalSecondaryIndexes", json::array({{{"IndexName", "GSI1"},
                                               {"KeySchema", key_schema("GSI1PK", "GSI1SK")},
                                               {"Projection", {{"ProjectionType", "ALL"}}}}})}};
  auto plain = [](const std::string& name) {
    return json{{"TableName", name},
                {"BillingMode", "PAY_PER_REQUEST"},
                {"AttributeDefinitions", string_attributes({"PK", "SK"})},
                {"KeySchema", key_schema("PK", "SK")}};
  };
  std::vector<TableSpec> all;
  all.push_back({std::move(results), true});
  all.push_back({plain(names.nonces), true});
  all.push_back({plain(names.org_secrets), false});
  return all;
}

// Table.TableStatus of a DescribeTable answer; nullopt when the answer has none (checked access
// only: a malformed answer must not throw).
std::optional<std::string> table_status(const std::string& answer) {
  const json described = json::parse(answer, nullptr, false);
  if (!described.is_object()) return std::nullopt;
  const auto table = described.find("Table");
  if (table == described.end() || !table->is_object()) return std::nullopt;
  const auto status = table->find("TableStatus");
  if (status == table->end() || !status->is_string()) return std::nullopt;
  return status->get<std::string>();
}

// One table at a time, each step a callback: create → (wait until ACTIVE → enable TTL) → next.
class Creation : public std::enable_shared_from_this<Creation> {
 public:
  Creation(AwsClient& client, boost::asio::io_context& io, std::vector<TableSpec> tables,
           Callback<void> done)
      : client_(client), io_(io), tables_(std::move(tables)), done_(std::move(done)) {}

  void next() {
    if (index_ == tables_.size()) return done_(success());
    polls_ = 0;
    client_.call(Service::kDynamoDb, "CreateTable", tables_[index_].create.dump(),
                 [self = shared_from_this()](Result<std::string> created) {
                   if (!created) {
                     if (created.error().error_code == "ResourceInUseException") {
                       ++self->index_;  // Exists already: left as it is.
                       return self->next();
                     }
                     return self->done_(created.error());
                   }
                   self->wait_active();
                 });
  }

 private:
  const std::string& name() const {
    return tables_[index_].create["TableName"].get_ref<const std::string&>();
  }

  void wait_active() {
    client_.call(
        Service::kDynamoDb, "DescribeTable", json{{"TableName", name()}}.dump(),
        [self = shared_from_this()](Result<std::string> described) {
          if (!described) return self->done_(described.error());
          const std::optional<std::string> status = table_status(described.value());
          if (!status) {
            return self->done_(
                make_error(Errc::kUpstreamInvalid, "DescribeTable answered no table status"));
          }
          if (*status == "ACTIVE") return self->enable_ttl();
          if (++self->polls_ > kMaxPolls) {
            return self->done_(make_error(Errc::kUpstreamUnavailable,
                                          "Table " + self->name() + " did not become active"));
          }
          auto timer = std::make_shared<boost::asio::steady_timer>(self->io_,
                                                                   std::chrono::milliseconds(500));
          timer->async_wait(
              [self, timer](const boost::system::error_code&) { self->wait_active(); });
        });
  }

  void enable_ttl() {
    if (!tables_[index_].ttl) {
      ++index_;
      return next();
    }
    const json update = {
        {"TableName", name()},
        {"TimeToLiveSpecification", {{"Enabled", true}, {"AttributeName", "TTL"}}}};
    client_.call(Service::kDynamoDb, "UpdateTimeToLive", update.dump(),
                 [self = shared_from_this()](Result<std::string> updated) {
                   if (!updated) return self->done_(updated.error());
                   ++self->index_;
                   self->next();
                 });
  }

  static constexpr int kMaxPolls = 120;  // A minute: DynamoDB creates an empty table in seconds.

  AwsClient& client_;
  boost::asio::io_context& io_;
  std::vector<TableSpec> tables_;
  Callback<void> done_;
  std::size_t index_ = 0;
  int polls_ = 0;
};

}  // namespace

Result<TableNames> table_names_from(const Environment& env) {
  TableNames names;
  const std::pair<const char*, std::string*> variables[] = {
      {"AWS_RESOURCE_TEST_RESULTS_TABLE", &names.test_results},
      {"AWS_RESOURCE_NONCE_TABLE", &names.nonces},
      {"AWS_RESOURCE_ORG_SECRETS_TABLE", &names.org_secrets}};
  for (const auto& [variable, name] : variables) {
    std::optional<std::string> value = env(variable);
    if (!value || value->empty()) continue;
    if (!valid_table_name(*value)) {
      return make_error(
          Errc::kInvalidArgument,
          std::string(variable) + " is not a DynamoDB table name ([A-Za-z0-9_.-]{3,255})");
    }
    *name = std::move(*value);
  }
  return names;
}

void create_tables(AwsClient& client, boost::asio::io_context& io, const TableNames& names,
                   Callback<void> done) {
  std::make_shared<Creation>(client, io, specs(names), std::move(done))->next();
}

}  // namespace badgesmith::aws
