// The access log: one JSON line per request (including refused ones), buffered but flushed within
// ~100 ms and on exit, with the client address resolved through trusted proxies.
#include <nlohmann/json.hpp>
#include <regex>

#include "harness.h"

namespace badgesmith::e2e {
namespace {

using nlohmann::json;

// Parsed lines of an access log file; an unparsable line becomes a discarded json value.
std::vector<json> parse_lines(const std::string& text) {
  std::vector<json> records;
  for (const std::string& line : split_lines(text)) {
    records.push_back(json::parse(line, nullptr, /*allow_exceptions=*/false));
  }
  return records;
}

// A server logging to a file in its own data dir.
class AccessLogServer {
 public:
  explicit AccessLogServer(std::vector<std::string> args = {})
      : log_dir_(make_temp_dir()), log_path_(log_dir_ + "/access.log") {
    args.insert(args.begin(), {"--access-log", log_path_});
    server_ = std::make_unique<ServerProcess>(std::move(args));
  }
  ~AccessLogServer() {
    server_.reset();
    remove_tree(log_dir_);
  }

  ServerProcess& server() { return *server_; }
  std::uint16_t port() const { return server_->port(); }
  std::vector<json> records() const { return parse_lines(read_file(log_path_).value_or("")); }

  // Waits for the record carrying `request_id`; the writer flushes at least every 100 ms.
  std::optional<json> wait_for_record(const std::string& request_id,
                                      Millis timeout = Millis(2000)) const {
    std::optional<json> found;
    eventually(
        [&] {
          for (const json& record : records()) {
            if (record.is_object() && record.value("request_id", "") == request_id) {
              found = record;
              return true;
            }
          }
          return false;
        },
        timeout);
    return found;
  }

 private:
  std::string log_dir_;
  std::string log_path_;
  std::unique_ptr<ServerProcess> server_;
};

std::optional<HttpResponse> get_with_id(std::uint16_t port, std::string_view target,
                                        const std::string& id, std::string extra = {}) {
  return round_trip(port, make_request("GET", target, "X-Request-Id: " + id + "\r\n" + extra));
}

TEST(AccessLogE2eTest, OneJsonLinePerRequestWithAllFields) {
  AccessLogServer logged;
  ASSERT_TRUE(logged.server().started()) << logged.server().stderr_text();
  const auto response = get_with_id(logged.port(), "/health?x=1", "log-fields-1");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200);

  const auto record = logged.wait_for_record("log-fields-1");
  ASSERT_TRUE(record) << "no access log line within 2 s";
  EXPECT_TRUE(std::regex_match(record->value("time", ""),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")))
      << record->dump();
  EXPECT_EQ(record->value("method", ""), "GET");
  EXPECT_EQ(record->value("path", ""), "/health");  // Without the query.
  EXPECT_EQ(record->value("status", 0), 200);
  EXPECT_EQ(record->value("bytes", -1), static_cast<int>(response->body.size()));
  ASSERT_TRUE(record->contains("duration_us") && (*record)["duration_us"].is_number_unsigned());
  EXPECT_EQ(record->value("client", ""), "127.0.0.1");

  // Exactly one line for that request, and every line is valid JSON.
  std::size_t matching = 0;
  for (const json& line : logged.records()) {
    ASSERT_TRUE(line.is_object());
    matching += line.value("request_id", "") == "log-fields-1" ? 1 : 0;
  }
  EXPECT_EQ(matching, 1U);
}

TEST(AccessLogE2eTest, HeadLogsZeroBytesAndErrorsAreLogged) {
  AccessLogServer logged;
  ASSERT_TRUE(logged.server().started()) << logged.server().stderr_text();
  ASSERT_TRUE(round_trip(logged.port(),
                         make_request("HEAD", "/favicon.svg", "X-Request-Id: log-head\r\n"),
                         /*for_head=*/true));
  ASSERT_TRUE(get_with_id(logged.port(), "/missing", "log-404"));
  ASSERT_TRUE(round_trip(logged.port(), make_request("POST", "/health",
                                                     "X-Request-Id: log-405\r\n"
                                                     "Content-Length: 0\r\n")));

  const auto head = logged.wait_for_record("log-head");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->value("method", ""), "HEAD");
  EXPECT_EQ(head->value("status", 0), 200);
  EXPECT_EQ(head->value("bytes", -1), 0);
  const auto not_found = logged.wait_for_record("log-404");
  ASSERT_TRUE(not_found);
  EXPECT_EQ(not_found->value("status", 0), 404);
  const auto not_allowed = logged.wait_for_record("log-405");
  ASSERT_TRUE(not_allowed);
  EXPECT_EQ(not_allowed->value("status", 0), 405);
  EXPECT_EQ(not_allowed->value("method", ""), "POST");
}

TEST(AccessLogE2eTest, RefusedRequestsAreLogged) {
  AccessLogServer logged;
  ASSERT_TRUE(logged.server().started()) << logged.server().stderr_text();
  // A refused head is not trusted, so the line is found by the id the response carried.
  const auto bad = round_trip(logged.port(), make_request("GET", "/health%zz"));
  const auto too_long =
      round_trip(logged.port(), make_request("GET", "/" + std::string(5000, 'u')));
  ASSERT_TRUE(bad && too_long);
  ASSERT_EQ(bad->status, 400);
  ASSERT_EQ(too_long->status, 414);

  const auto bad_record = logged.wait_for_record(bad->header("X-Request-Id").value_or(""));
  ASSERT_TRUE(bad_record);
  EXPECT_EQ(bad_record->value("status", 0), 400);
  EXPECT_EQ(bad_record->value("method", ""), "GET");
  EXPECT_EQ(bad_record->value("path", ""), "/health%zz");
  EXPECT_EQ(bad_record->value("bytes", -1), static_cast<int>(bad->body.size()));
  const auto long_record = logged.wait_for_record(too_long->header("X-Request-Id").value_or(""));
  ASSERT_TRUE(long_record);
  EXPECT_EQ(long_record->value("status", 0), 414);
}

TEST(AccessLogE2eTest, LoggedRequestIdMatchesResponse) {
  AccessLogServer logged;
  ASSERT_TRUE(logged.server().started()) << logged.server().stderr_text();
  const auto response = round_trip(logged.port(), make_request("GET", "/favicon.svg"));
  ASSERT_TRUE(response);
  const auto id = response->header("X-Request-Id");
  ASSERT_TRUE(id);
  const auto record = logged.wait_for_record(*id);
  ASSERT_TRUE(record) << "no line with the generated id " << *id;
  EXPECT_EQ(record->value("path", ""), "/favicon.svg");
}

TEST(AccessLogE2eTest, HostilePathsStillProduceValidJson) {
  AccessLogServer logged;
  ASSERT_TRUE(logged.server().started()) << logged.server().stderr_text();
  const std::string path = "/a\"b\\c\xff\xc3\xa9{}";
  ASSERT_TRUE(get_with_id(logged.port(), path, "log-hostile"));
  const auto record = logged.wait_for_record("log-hostile");
  ASSERT_TRUE(record);
  const std::string logged_path = record->value("path", "");
  EXPECT_TRUE(logged_path.starts_with("/a\"b\\c")) << logged_path;
  EXPECT_TRUE(logged_path.ends_with("\xc3\xa9{}")) << logged_path;
}

TEST(AccessLogE2eTest, FlushedOnExit) {
  AccessLogServer logged;
  ASSERT_TRUE(logged.server().started()) << logged.server().stderr_text();
  ASSERT_TRUE(get_with_id(logged.port(), "/health", "log-exit"));
  // No waiting for the periodic flush: shutdown itself must write the buffered line.
  ASSERT_EQ(logged.server().terminate(), 0) << logged.server().stderr_text();
  bool found = false;
  for (const json& record : logged.records()) {
    found = found || (record.is_object() && record.value("request_id", "") == "log-exit");
  }
  EXPECT_TRUE(found);
}

TEST(AccessLogE2eTest, StdoutTarget) {
  ServerProcess server({"--access-log", "stdout"});
  ASSERT_TRUE(server.started()) << server.stderr_text();
  ASSERT_TRUE(get_with_id(server.port(), "/health", "log-stdout"));
  ASSERT_TRUE(server.wait_for_stdout("\"request_id\":\"log-stdout\"", Millis(2000)))
      << server.stdout_text();
  // Access lines go to stdout only; stderr stays the diagnostic log.
  EXPECT_EQ(server.stderr_text().find("log-stdout"), std::string::npos);
  for (const json& record : parse_lines(server.stdout_text())) EXPECT_TRUE(record.is_object());
}

TEST(AccessLogE2eTest, OffWritesNothing) {
  ServerProcess server({"--access-log", "off"});
  ASSERT_TRUE(server.started()) << server.stderr_text();
  ASSERT_TRUE(get_with_id(server.port(), "/health", "log-off"));
  ASSERT_EQ(server.terminate(), 0);
  EXPECT_TRUE(server.stdout_text().empty()) << server.stdout_text();
  EXPECT_EQ(server.stderr_text().find("log-off"), std::string::npos);
}

TEST(AccessLogE2eTest, ForwardedForIgnoredWithoutTrustedProxies) {
  AccessLogServer logged;
  ASSERT_TRUE(logged.server().started()) << logged.server().stderr_text();
  ASSERT_TRUE(get_with_id(logged.port(), "/health", "log-xff-untrusted",
                          "X-Forwarded-For: 203.0.113.9\r\n"));
  const auto record = logged.wait_for_record("log-xff-untrusted");
  ASSERT_TRUE(record);
  EXPECT_EQ(record->value("client", ""), "127.0.0.1");
}

TEST(AccessLogE2eTest, ClientIsFirstUntrustedHopFromTheRight) {
  AccessLogServer logged({"--trusted-proxies", "127.0.0.1/32,10.0.0.0/8"});
  ASSERT_TRUE(logged.server().started()) << logged.server().stderr_text();
  struct Case {
    std::string id;
    std::string forwarded_for;  // Empty: no header.
    std::string client;
  };
  const std::vector<Case> cases = {
      {"xff-none", "", "127.0.0.1"},
      {"xff-one", "203.0.113.9", "203.0.113.9"},
      // The left-most entry is whatever the client claimed; only the right-most untrusted hop
      // was added by a proxy we trust.
      {"xff-spoof", "198.51.100.1, 203.0.113.9", "203.0.113.9"},
      {"xff-chain", "198.51.100.1, 203.0.113.9, 10.1.2.3, 10.9.9.9", "203.0.113.9"},
      {"xff-all-trusted", "10.1.2.3, 10.4.5.6", "10.1.2.3"},
      {"xff-v6", "2001:db8::1", "2001:db8::1"},
      {"xff-garbage", "not-an-address", "127.0.0.1"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.id);
    const std::string extra =
        c.forwarded_for.empty() ? "" : "X-Forwarded-For: " + c.forwarded_for + "\r\n";
    ASSERT_TRUE(get_with_id(logged.port(), "/health", c.id, extra));
    const auto record = logged.wait_for_record(c.id);
    ASSERT_TRUE(record);
    EXPECT_EQ(record->value("client", ""), c.client);
  }
}

// RFC 9110 §5.3: several X-Forwarded-For field lines form one comma-separated list. A proxy that
// appends its own field line (rather than extending the client's) must still win over whatever
// the client put in its earlier line.
TEST(AccessLogE2eTest, RepeatedForwardedForLinesAreCombined) {
  AccessLogServer logged({"--trusted-proxies", "127.0.0.1/32"});
  ASSERT_TRUE(logged.server().started()) << logged.server().stderr_text();
  ASSERT_TRUE(get_with_id(logged.port(), "/health", "xff-two-lines",
                          "X-Forwarded-For: 203.0.113.66\r\n"
                          "X-Forwarded-For: 198.51.100.7\r\n"));
  const auto record = logged.wait_for_record("xff-two-lines");
  ASSERT_TRUE(record);
  EXPECT_EQ(record->value("client", ""), "198.51.100.7")
      << "the client-supplied first line was believed";
}

}  // namespace
}  // namespace badgesmith::e2e
