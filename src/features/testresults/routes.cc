#include "features/testresults/routes.h"

#include <charconv>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <utility>

#include "core/ascii.h"
#include "core/http/cache_headers.h"
#include "core/http/error_response.h"
#include "core/timestamp.h"
#include "features/badges/badge_response.h"
#include "features/testresults/test_badge.h"
#include "features/testresults/test_result.h"

namespace badgesmith::testresults {

namespace {

constexpr std::string_view kBadgeLabel = "tests";
constexpr std::string_view kHistoryCacheControl = "public, max-age=30";
constexpr std::size_t kDefaultHistoryLimit = 20;

struct Routes {
  explicit Routes(TestResultsDeps deps_in) : deps(std::move(deps_in)) {}
  TestResultsDeps deps;
};

std::int64_t unix_ms_now() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Series series_of(const http::Request& request) {
  return Series{std::string(request.params.get("owner")), std::string(request.params.get("repo")),
                std::string(request.params.get("platform")),
                std::string(request.params.get("branch"))};
}

http::Response json_response(int status, std::string body) {
  http::Response response;
  response.status = status;
  response.body = std::move(body);
  response.headers.set("Content-Type", "application/json; charset=utf-8");
  return response;
}

// The stored record of `stored`, which we wrote: a record that does not read back is kInternal.
Result<TestResult> payload_of(const StoredResult& stored) {
  return parse_stored_test_result(stored.record);
}

// One upload on its way through the checks, cheapest first; answered and audited exactly once.
class Upload : public std::enable_shared_from_this<Upload> {
 public:
  Upload(Routes& routes, const http::Request& request, http::Respond respond)
      : routes_(routes),
        request_(request),
        respond_(std::move(respond)),
        series_(series_of(request)),
        received_at_ms_(unix_ms_now()) {}

  void start() {
    if (request_.body.size() > kMaxPayloadBytes) {
      return reject(make_error(Errc::kPayloadTooLarge, "The body exceeds 64 KiB",
                               "PAYLOAD_TOO_LARGE", "body"));
    }
    auto headers = parse_signed_headers(request_.headers);
    if (!headers) return reject(headers.error());
    headers_ = std::move(headers).value();
    if (auto fresh =
            check_timestamp(headers_.timestamp_ms, received_at_ms_, routes_.deps.options.window);
        !fresh) {
      return reject(fresh.error());
    }
    auto canonical = canonical_request(
        SignedRequest{request_.method, series_.platform, series_.owner, series_.repo,
                      series_.branch, headers_.timestamp, headers_.nonce, request_.body});
    if (!canonical) return reject(canonical.error());
    canonical_ = std::move(canonical).value();
    routes_.deps.keys.find(
        series_.owner, series_.repo,
        [self = shared_from_this()](Result<std::shared_ptr<const SigningKey>> key) {
          self->check_signature(std::move(key));
        });
  }

 private:
  void check_signature(Result<std::shared_ptr<const SigningKey>> found) {
    if (!found) return reject(found.error());
    const SigningKey* key = found.value().get();
    // Without a key the HMAC is still computed (with a dummy key inside verify), so an unknown
    // owner answers like a wrong signature, in content and in time.
    bool verified = static_cast<bool>(
        verify(key != nullptr ? std::optional<std::string_view>(key->secret) : std::nullopt,
               canonical_, headers_.signature));
    if (!verified && key != nullptr && accepts_legacy(*key)) {
      legacy_ = static_cast<bool>(verify_legacy(key->secret, request_.body, headers_.signature));
      verified = legacy_;
    }
    if (!verified) {
      return reject(make_error(Errc::kUnauthorized, "The signature does not match",
                               "INVALID_SIGNATURE", "X-Signature"),
                    key == nullptr ? "unknown_owner" : "bad_signature");
    }
    routes_.deps.results.claim_nonce(series_.owner, headers_.nonce, received_at_ms_ / 1000,
                                     [self = shared_from_this()](Result<void> claimed) {
                                       if (!claimed) return self->reject(claimed.error());
                                       self->store();
                                     });
  }

  bool accepts_legacy(const SigningKey& key) const {
    return !key.repo_scoped && key.legacy_until && received_at_ms_ / 1000 < *key.legacy_until;
  }

  void store() {
    const TestResultsOptions& options = routes_.deps.options;
    const PayloadRules rules{
        options.redirect_hosts,
        std::chrono::system_clock::time_point(std::chrono::milliseconds(received_at_ms_)),
        options.max_future_skew};
    auto payload = parse_test_result(request_.body, rules);
    if (!payload) return reject(payload.error());
    // A legacy signature binds no path: only a url_html naming the path's repository shows the
    // body was meant for it.
    if (legacy_ && !names_repository(payload.value().url_html)) {
      return reject(make_error(Errc::kInvalidArgument,
                               "With a legacy signature, url_html must lie under "
                               "https://github.com/<owner>/<repo>/ of the path",
                               "INVALID_PAYLOAD", "url_html"));
    }
    RunKey run{series_, payload.value().run_id, payload.value().run_attempt};
    routes_.deps.results.record(std::move(run), payload.value().timestamp_ms, received_at_ms_,
                                to_canonical_json(payload.value()),
                                [self = shared_from_this()](Result<RecordOutcome> outcome) {
                                  if (!outcome) return self->reject(outcome.error());
                                  self->accept(outcome.value());
                                });
  }

  bool names_repository(std::string_view url_html) const {
    const std::string prefix =
        "https://github.com/" + ascii_lower(series_.owner) + '/' + ascii_lower(series_.repo) + '/';
    return url_html.size() > prefix.size() &&
           ascii_lower(url_html.substr(0, prefix.size())) == prefix;
  }

  // The first acceptance's answer, rebuilt from what was stored so a retry gets the same bytes.
  void accept(const RecordOutcome& outcome) {
    const StoredResult& stored = outcome.result;
    const Series& series = stored.run.series;
    nlohmann::ordered_json body;
    body["test_result_id"] = stored.test_result_id;
    body["repository"] = series.owner + '/' + series.repo;
    body["platform"] = series.platform;
    body["branch"] = series.branch;
    body["timestamp"] = format_rfc3339_ms(stored.received_at_ms);
    const int status = outcome.duplicate ? 200 : 201;
    if (legacy_) {
      log::warn(
          "accepted a legacy (.NET body-only) signature, which binds no path, time or nonce",
          {{"owner", series_.owner}, {"repo", series_.repo}, {"request_id", request_.request_id}});
    }
    audit(outcome.duplicate ? "duplicate" : "accepted", "", status, stored.test_result_id);
    http::Response response =
        json_response(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    response.headers.set("Cache-Control", "no-store");
    respond_(std::move(response));
  }

  // `reason` is for the audit trail only: the client sees the error, which never tells an
  // unknown owner from a wrong signature.
  void reject(const Error& error, std::string_view reason = {}) {
    http::Response response = http::error_response(error);
    response.headers.set("Cache-Control", "no-store");
    audit("rejected", reason.empty() ? std::string_view(error.error_code) : reason, response.status,
          "");
    respond_(std::move(response));
  }

  void audit(std::string_view outcome, std::string_view reason, int status,
             std::string_view test_result_id) {
    routes_.deps.audit.record({{"event", "test_result_ingest"},
                               {"outcome", outcome},
                               {"reason", reason},
                               {"status", status},
                               {"signature", legacy_ ? "legacy" : "v2"},
                               {"owner", series_.owner},
                               {"repo", series_.repo},
                               {"platform", series_.platform},
                               {"branch", series_.branch},
                               {"test_result_id", test_result_id},
                               {"client", request_.client_address},
                               {"request_id", request_.request_id}});
  }

  Routes& routes_;
  const http::Request& request_;  // Valid until respond_ is called.
  http::Respond respond_;
  Series series_;
  std::int64_t received_at_ms_;
  SignedHeaders headers_;
  std::string canonical_;
  bool legacy_ = false;
};

Error no_results(const Series& series) {
  return make_error(Errc::kNotFound,
                    "No test results found for " + series.owner + '/' + series.repo + " on " +
                        series.platform + '/' + series.branch,
                    "TEST_RESULTS_NOT_FOUND");
}

// The series' latest result and its payload; kNotFound when there is none.
void find_latest(Routes& routes, const Series& series,
                 Callback<std::pair<StoredResult, TestResult>> done) {
  routes.deps.results.latest(
      series, [series, done = std::move(done)](Result<std::optional<StoredResult>> latest) {
        if (!latest) return done(latest.error());
        if (!latest.value()) return done(no_results(series));
        auto payload = payload_of(*latest.value());
        if (!payload) return done(payload.error());
        done(std::pair{std::move(*latest.value()), std::move(payload).value()});
      });
}

void serve_badge(Routes& routes, const http::Request& request, http::Respond respond) {
  const auto format = badges::requested_format(request, badges::Format::kJson);
  if (!format) {
    return respond(
        badges::badge_error_response(format.error(), badges::Format::kJson, kBadgeLabel));
  }
  const auto compact = request.query_param("compact");
  const TestBadgeForm form =
      compact && ascii_lower(*compact) == "true" ? TestBadgeForm::kCompact : TestBadgeForm::kText;
  find_latest(routes, series_of(request),
              [&routes, &request, format = format.value(), form,
               respond = std::move(respond)](Result<std::pair<StoredResult, TestResult>> latest) {
                if (!latest) {
                  return respond(badges::badge_error_response(latest.error(), format, kBadgeLabel));
                }
                const auto& [stored, payload] = latest.value();
                http::Response response = badges::endpoint_badge(
                    format, test_badge(payload, form),
                    http::CachePolicy{routes.deps.options.badge_cache_control,
                                      stored.received_at_ms / 1000});
                http::answer_if_not_modified(request, response);
                respond(std::move(response));
              });
}

void serve_redirect(Routes& routes, const http::Request& request, http::Respond respond) {
  find_latest(
      routes, series_of(request),
      [&routes, respond = std::move(respond)](Result<std::pair<StoredResult, TestResult>> latest) {
        if (!latest) return respond(http::error_response(latest.error()));
        http::Response response;
        response.status = 302;
        // parse_test_result admitted only https URLs on an allowed host without control
        // characters: safe as a header and never an open redirect.
        response.headers.set("Location", latest.value().second.url_html);
        response.headers.set("Cache-Control", routes.deps.options.badge_cache_control);
        respond(std::move(response));
      });
}

Result<std::size_t> history_limit(const http::Request& request) {
  const auto text = request.query_param("limit");
  if (!text) return kDefaultHistoryLimit;
  std::size_t limit = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), limit);
  if (ec != std::errc{} || end != text->data() + text->size() || limit < 1 ||
      limit > kMaxHistoryPage) {
    return make_error(Errc::kInvalidArgument, "limit must be an integer from 1 to 100",
                      "INVALID_LIMIT", "limit");
  }
  return limit;
}

Result<std::string> history_body(const HistoryPage& page) {
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const StoredResult& stored : page.items) {
    auto payload = payload_of(stored);
    if (!payload) return payload.error();
    const TestResult& result = payload.value();
    nlohmann::ordered_json item;
    item["test_result_id"] = stored.test_result_id;
    item["run_id"] = result.run_id;
    item["run_attempt"] = result.run_attempt;
    item["platform"] = stored.run.series.platform;
    item["branch"] = stored.run.series.branch;
    item["passed"] = result.passed;
    item["failed"] = result.failed;
    item["skipped"] = result.skipped;
    item["total"] = result.total;
    if (result.duration_s) item["duration_s"] = *result.duration_s;
    item["commit"] = result.commit;
    item["url_html"] = result.url_html;
    item["timestamp"] = result.timestamp;
    item["received_at"] = format_rfc3339_ms(stored.received_at_ms);
    items.push_back(std::move(item));
  }
  nlohmann::ordered_json body;
  body["items"] = std::move(items);
  if (!page.next_cursor.empty()) body["next_cursor"] = page.next_cursor;
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void serve_history(Routes& routes, const http::Request& request, http::Respond respond) {
  const auto limit = history_limit(request);
  if (!limit) return respond(http::error_response(limit.error()));
  Series series = series_of(request);
  const std::string owner = series.owner;
  routes.deps.results.history_hidden(owner, [&routes, &request, series = std::move(series),
                                             limit = limit.value(), respond = std::move(respond)](
                                                Result<bool> hidden) mutable {
    if (!hidden) return respond(http::error_response(hidden.error()));
    if (hidden.value()) {
      return respond(http::error_response(make_error(
          Errc::kNotFound, "The owner keeps its test-result history private", "HISTORY_HIDDEN")));
    }
    routes.deps.results.history(
        series, limit, request.query_param("cursor").value_or(""),
        [&request, respond = std::move(respond)](Result<HistoryPage> page) {
          if (!page) return respond(http::error_response(page.error()));
          auto body = history_body(page.value());
          if (!body) return respond(http::error_response(body.error()));
          http::Response response = json_response(200, std::move(body).value());
          http::apply_cache_policy(request, response,
                                   http::CachePolicy{std::string(kHistoryCacheControl), {}});
          respond(std::move(response));
        });
  });
}

}  // namespace

void add_routes(routing::Router& router, TestResultsDeps deps) {
  auto routes = std::make_shared<Routes>(std::move(deps));
  router.add("POST", "/tests/results/{platform}/{owner}/{repo}/{branch...}",
             [routes](const http::Request& request, http::Respond respond) {
               std::make_shared<Upload>(*routes, request, std::move(respond))->start();
             });
  router.add("GET", "/tests/results/{platform}/{owner}/{repo}/{branch...}",
             [routes](const http::Request& request, http::Respond respond) {
               serve_history(*routes, request, std::move(respond));
             });
  router.add("GET", "/badges/tests/{platform}/{owner}/{repo}/{branch...}",
             [routes](const http::Request& request, http::Respond respond) {
               serve_badge(*routes, request, std::move(respond));
             });
  router.add("GET", "/redirect/test-results/{platform}/{owner}/{repo}/{branch...}",
             [routes](const http::Request& request, http::Respond respond) {
               serve_redirect(*routes, request, std::move(respond));
             });
}

}  // namespace badgesmith::testresults
