#include "cli/commands.h"

#include <fcntl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "cli/app.h"
#include "cli/dynamodb_command.h"
#include "cli/history_command.h"
#include "cli/render_command.h"
#include "cli/report_command.h"
#include "cli/secrets_command.h"
#include "cli/seed_command.h"
#include "cli/serve_config.h"
#include "core/http/dispatcher.h"
#include "core/http/server.h"
#include "core/http/url.h"
#include "core/lambda/runtime_loop.h"
#include "core/log/log.h"
#include "features/packages/package_badge.h"

namespace badgesmith::cli {

namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

struct ServeFlags {
  std::string listen = "127.0.0.1:8080";
  std::string data_dir = "data";
  bool data_dir_given = false;  // By flag or environment, rather than the default.
  std::string log_level = "info";
  std::string access_log = "stdout";
  std::string trusted_proxies;
  unsigned threads = 0;
  std::size_t max_head_bytes = std::size_t{16} * 1024;
  std::size_t max_url_bytes = std::size_t{4} * 1024;
  std::size_t max_body_bytes = std::size_t{1024} * 1024;
  std::size_t max_connections = 10'000;
  unsigned idle_timeout_ms = 60'000;
  unsigned header_timeout_ms = 10'000;
  unsigned body_timeout_ms = 30'000;
  unsigned shutdown_grace_ms = 10'000;
  std::string nuget_source = std::string(nuget::kNuGetOrgServiceIndex);
  std::string github_api = std::string(github::kGitHubApi);
  unsigned cache_ttl = 300;
  std::size_t cache_max_entries = 10'000;
  std::size_t cache_max_bytes = std::size_t{32} << 20;
  unsigned upstream_timeout_ms = 5'000;
  unsigned upstream_concurrency = 16;
  double upstream_rate = 20;
  double upstream_burst = 50;
  std::string upstream_ca_file;
  std::string badge_cache_control = std::string(packages::kDefaultCacheControl);
  std::string redirect_hosts = "github.com";
  std::string audit_log;
  // Together below the 45-minute nonce lifetime, so no signed request outlives its nonce claim.
  unsigned signature_max_age_s = 300;
  unsigned signature_max_ahead_s = 60;
  std::string test_badge_cache_control = std::string(testresults::kDefaultTestBadgeCacheControl);
};

int usage_error(const std::string& message) {
  std::cerr << "badgesmith: " << message << '\n';
  return kExitUsage;
}

void add_upstream_options(CLI::App& serve, ServeFlags& flags) {
  serve.add_option("--nuget-source", flags.nuget_source, "NuGet v3 service index URL")
      ->envname("BADGESMITH_NUGET_SOURCE")
      ->capture_default_str();
  serve.add_option("--github-api", flags.github_api, "GitHub REST API base URL")
      ->envname("BADGESMITH_GITHUB_API")
      ->capture_default_str();
  serve.add_option("--cache-ttl", flags.cache_ttl, "Seconds an upstream answer stays fresh")
      ->envname("BADGESMITH_CACHE_TTL")
      ->check(CLI::Range(1U, 86'400U))
      ->capture_default_str();
  serve.add_option("--cache-max-entries", flags.cache_max_entries, "Upstream cache entry bound")
      ->check(CLI::Range(std::size_t{16}, std::size_t{10'000'000}))
      ->capture_default_str();
  serve.add_option("--cache-max-bytes", flags.cache_max_bytes, "Upstream cache memory bound")
      ->check(CLI::Range(std::size_t{1} << 16, std::size_t{1} << 34))
      ->capture_default_str();
  serve
      .add_option("--upstream-timeout-ms", flags.upstream_timeout_ms,
                  "Total time for one upstream request, retries included")
      ->envname("BADGESMITH_UPSTREAM_TIMEOUT_MS")
      ->check(CLI::Range(50U, 120'000U))
      ->capture_default_str();
  serve
      .add_option("--upstream-concurrency", flags.upstream_concurrency,
                  "Concurrent requests per upstream host")
      ->check(CLI::Range(1U, 1'024U))
      ->capture_default_str();
  serve.add_option("--upstream-rate", flags.upstream_rate, "Requests per second per upstream host")
      ->check(CLI::Range(0.1, 10'000.0))
      ->capture_default_str();
  serve.add_option("--upstream-burst", flags.upstream_burst, "Burst per upstream host")
      ->check(CLI::Range(1.0, 100'000.0))
      ->capture_default_str();
  serve
      .add_option("--upstream-ca-file", flags.upstream_ca_file,
                  "PEM CA bundle for https upstreams (default: the system's)")
      ->envname("BADGESMITH_UPSTREAM_CA_FILE");
  serve
      .add_option("--badge-cache-control", flags.badge_cache_control,
                  "Cache-Control of package badges")
      ->envname("BADGESMITH_BADGE_CACHE_CONTROL")
      ->capture_default_str();
}

void add_test_result_options(CLI::App& serve, ServeFlags& flags) {
  serve
      .add_option("--redirect-hosts", flags.redirect_hosts,
                  "Hosts a test result's url_html may redirect to (comma-separated)")
      ->envname("BADGESMITH_REDIRECT_HOSTS")
      ->capture_default_str();
  serve
      .add_option("--audit-log", flags.audit_log,
                  "Also append audit lines to this file (mode 0600; relative to --data-dir)")
      ->envname("BADGESMITH_AUDIT_LOG");
  serve
      .add_option("--signature-max-age-s", flags.signature_max_age_s,
                  "How old a signed upload's X-Timestamp may be")
      ->envname("BADGESMITH_SIGNATURE_MAX_AGE_S")
      ->check(CLI::Range(1U, 1'800U))
      ->capture_default_str();
  serve
      .add_option("--signature-max-ahead-s", flags.signature_max_ahead_s,
                  "How far ahead of the server clock an X-Timestamp may be")
      ->envname("BADGESMITH_SIGNATURE_MAX_AHEAD_S")
      ->check(CLI::Range(0U, 600U))
      ->capture_default_str();
  serve
      .add_option("--test-badge-cache-control", flags.test_badge_cache_control,
                  "Cache-Control of test-result badges and redirects")
      ->envname("BADGESMITH_TEST_BADGE_CACHE_CONTROL")
      ->capture_default_str();
}

Result<TestResultsConfig> test_results_config(const ServeFlags& flags,
                                              log::AccessLog* stdout_access_log) {
  auto hosts = parse_redirect_hosts(flags.redirect_hosts);
  if (!hosts)
    return make_error(Errc::kInvalidArgument, "--redirect-hosts: " + hosts.error().message);
  TestResultsConfig config;
  config.options.redirect_hosts = std::move(hosts).value();
  config.options.window.max_age = std::chrono::seconds(flags.signature_max_age_s);
  config.options.window.max_ahead = std::chrono::seconds(flags.signature_max_ahead_s);
  config.options.badge_cache_control = flags.test_badge_cache_control;
  config.audit_file = flags.audit_log;
  if (stdout_access_log != nullptr) {
    config.audit_stdout = [stdout_access_log](std::string_view line) {
      stdout_access_log->append_line(line);
    };
  } else {
    config.audit_stdout = [](std::string_view line) { log::write_line(STDOUT_FILENO, line); };
  }
  return config;
}

// Checks the upstream URLs (https, or http to loopback) and builds the app's upstream settings.
Result<UpstreamConfig> upstream_config(const ServeFlags& flags) {
  for (const auto& [name, url] : {std::pair{"--nuget-source", &flags.nuget_source},
                                  std::pair{"--github-api", &flags.github_api}}) {
    if (auto parsed = http::parse_upstream_url(*url); !parsed) {
      return make_error(Errc::kInvalidArgument, std::string(name) + ": " + parsed.error().message);
    }
  }
  UpstreamConfig config;
  config.nuget_source = flags.nuget_source;
  config.github_api = flags.github_api;
  while (config.github_api.ends_with('/')) config.github_api.pop_back();
  config.client.timeout = std::chrono::milliseconds(flags.upstream_timeout_ms);
  config.client.gate.max_concurrent = static_cast<int>(flags.upstream_concurrency);
  config.client.gate.rate_per_second = flags.upstream_rate;
  config.client.gate.burst = flags.upstream_burst;
  config.client.ca_file = flags.upstream_ca_file;
  config.cache.fresh_ttl = std::chrono::seconds(flags.cache_ttl);
  config.cache.max_entries = flags.cache_max_entries;
  config.cache.max_bytes = flags.cache_max_bytes;
  config.badge_cache_control = flags.badge_cache_control;
  return config;
}

void add_serve_options(CLI::App& serve, ServeFlags& flags) {
  serve.add_option("--listen", flags.listen, "HOST:PORT or [IPv6]:PORT to listen on")
      ->envname("BADGESMITH_LISTEN")
      ->capture_default_str();
  serve.add_option("--data-dir", flags.data_dir, "Directory of the embedded SQLite store")
      ->envname("BADGESMITH_DATA_DIR")
      ->capture_default_str();
  serve.add_option("--log-level", flags.log_level, "debug, info, warn, error or off")
      ->envname("BADGESMITH_LOG_LEVEL")
      ->capture_default_str();
  serve.add_option("--access-log", flags.access_log, "off, stdout or a file path")
      ->envname("BADGESMITH_ACCESS_LOG")
      ->capture_default_str();
  serve
      .add_option("--trusted-proxies", flags.trusted_proxies,
                  "Comma-separated CIDRs whose X-Forwarded-For is believed")
      ->envname("BADGESMITH_TRUSTED_PROXIES");
  serve.add_option("--threads", flags.threads, "I/O threads (0: one per core)")
      ->capture_default_str();
  serve.add_option("--max-header-bytes", flags.max_head_bytes, "Request line + headers limit")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 20))
      ->capture_default_str();
  serve.add_option("--max-url-bytes", flags.max_url_bytes, "Request target limit")
      ->check(CLI::Range(std::size_t{64}, std::size_t{64} * 1024))
      ->capture_default_str();
  serve.add_option("--max-body-bytes", flags.max_body_bytes, "Request body limit")
      ->check(CLI::Range(std::size_t{0}, std::size_t{64} << 20))
      ->capture_default_str();
  serve.add_option("--max-connections", flags.max_connections, "Open connection cap")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1'000'000}))
      ->capture_default_str();
  serve.add_option("--idle-timeout-ms", flags.idle_timeout_ms, "Keep-alive idle timeout")
      ->check(CLI::Range(1U, 3'600'000U))
      ->capture_default_str();
  serve.add_option("--header-timeout-ms", flags.header_timeout_ms, "Time to send a request head")
      ->check(CLI::Range(1U, 600'000U))
      ->capture_default_str();
  serve.add_option("--body-timeout-ms", flags.body_timeout_ms, "Time to send a request body")
      ->check(CLI::Range(1U, 600'000U))
      ->capture_default_str();
  serve
      .add_option("--shutdown-grace-ms", flags.shutdown_grace_ms,
                  "How long in-flight requests may finish after SIGTERM")
      ->check(CLI::Range(0U, 600'000U))
      ->capture_default_str();
  add_upstream_options(serve, flags);
  add_test_result_options(serve, flags);
}

std::unique_ptr<log::AccessLog> open_access_log(const AccessLogTarget& target) {
  switch (target.kind) {
    case AccessLogTarget::Kind::kOff:
      return nullptr;
    case AccessLogTarget::Kind::kStdout:
      return std::make_unique<log::AccessLog>(STDOUT_FILENO, false);
    case AccessLogTarget::Kind::kFile:
      break;
  }
  const int fd = ::open(target.path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
  if (fd < 0) return nullptr;
  return std::make_unique<log::AccessLog>(fd, true);
}

// Lambda mode: the app serve builds, fed by the Runtime API instead of a socket. Init failures
// go to /runtime/init/error as well as the log, so the invoker sees why the sandbox died.
int run_lambda(const char* runtime_api, const AppConfig& config, log::AccessLog* access_log) {
  if (config.backend == Backend::kSqlite) {
    log::warn("no BADGESMITH_STORE=dynamodb: SQLite in the sandbox's data dir, lost with it",
              {{"data_dir", config.data_dir.string()}});
  }
  auto app = build_app(config);
  if (!app) {
    log::error("cannot start", {{"reason", app.error().message}});
    lambda::report_init_error(runtime_api, app.error());
    return kExitFailure;
  }
  http::Dispatcher dispatcher(app.value()->router, app.value()->origin_guard.get());
  return lambda::run_runtime_loop({.api = runtime_api, .access_log = access_log}, dispatcher);
}

int run_serve(const ServeFlags& flags) {
  const auto level = log::parse_level(flags.log_level);
  if (!level) return usage_error("--log-level must be debug, info, warn, error or off");
  const auto listen = parse_listen_address(flags.listen);
  if (!listen) return usage_error("--listen: " + listen.error().message);
  const auto access_target = parse_access_log_target(flags.access_log);
  if (!access_target) return usage_error("--access-log: " + access_target.error().message);
  auto trusted = http::TrustedProxies::parse(flags.trusted_proxies);
  if (!trusted) return usage_error("--trusted-proxies: " + trusted.error().message);
  if (flags.data_dir.empty()) return usage_error("--data-dir must not be empty");
  log::set_level(*level);

  auto access_log = open_access_log(access_target.value());
  if (access_target.value().kind == AccessLogTarget::Kind::kFile && !access_log) {
    return usage_error("--access-log: cannot open " + access_target.value().path + ": " +
                       std::strerror(errno));
  }

  auto upstream = upstream_config(flags);
  if (!upstream) return usage_error(upstream.error().message);

  auto test_results = test_results_config(
      flags,
      access_target.value().kind == AccessLogTarget::Kind::kStdout ? access_log.get() : nullptr);
  if (!test_results) return usage_error(test_results.error().message);

  const aws::Environment env = aws::process_environment();
  const auto backend = backend_from(env);
  if (!backend) return usage_error(backend.error().message);
  AppConfig config{.backend = backend.value(),
                   .data_dir = flags.data_dir,
                   .store_threads = 2,
                   .upstream = std::move(upstream).value(),
                   .test_results = std::move(test_results).value(),
                   .origin = {env("BADGESMITH_ORIGIN_SECRET").value_or(""),
                              env("BADGESMITH_ORIGIN_SECRET_NAME").value_or("")},
                   .env = env};
  if (const char* runtime_api = std::getenv("AWS_LAMBDA_RUNTIME_API")) {
    // Lambda's only writable place; the sandbox's files vanish with it.
    if (!flags.data_dir_given) config.data_dir = "/tmp/badgesmith";
    return run_lambda(runtime_api, config, access_log.get());
  }
  auto app = build_app(config);
  if (!app) {
    log::error("cannot start", {{"reason", app.error().message}});
    return kExitFailure;
  }
  http::Dispatcher dispatcher(app.value()->router, app.value()->origin_guard.get());
  http::ServerOptions options;
  options.host = listen.value().host;
  options.port = listen.value().port;
  options.threads = flags.threads;
  options.limits = {flags.max_head_bytes, flags.max_url_bytes, flags.max_body_bytes};
  options.max_connections = flags.max_connections;
  options.idle_timeout = std::chrono::milliseconds(flags.idle_timeout_ms);
  options.header_timeout = std::chrono::milliseconds(flags.header_timeout_ms);
  options.body_timeout = std::chrono::milliseconds(flags.body_timeout_ms);
  options.shutdown_grace = std::chrono::milliseconds(flags.shutdown_grace_ms);
  options.trusted_proxies = std::move(trusted).value();
  options.access_log = access_log.get();
  http::Server server(std::move(options), dispatcher);
  const auto bound = server.listen();
  if (!bound) {
    log::error("cannot listen", {{"reason", bound.error().message}});
    return kExitFailure;
  }
  log::info("listening", {{"address", bound.value()}, {"version", BADGESMITH_VERSION}});
  server.run();
  log::info("stopped");
  return 0;
}

int run_backup(const std::string& data_dir, const std::string& file) {
  // Opening a missing store would create an empty one and "back up" nothing.
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::path(data_dir) / store::SqliteStore::kFileName,
                               ec)) {
    std::cerr << "badgesmith: backup: no store in " << data_dir << '\n';
    return kExitFailure;
  }
  async::WorkPool pool(1);
  auto store = store::SqliteStore::open(data_dir, pool);
  if (!store) {
    std::cerr << "badgesmith: backup: " << store.error().message << '\n';
    return kExitFailure;
  }
  if (auto done = store.value()->backup_to(file); !done) {
    std::cerr << "badgesmith: backup: " << done.error().message << '\n';
    return kExitFailure;
  }
  std::cout << "backup written to " << file << '\n';
  return 0;
}

// `badgesmith` alone, or with only serve options, means `badgesmith serve …`.
std::vector<std::string> with_default_command(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  const bool names_command = !args.empty() && !args.front().starts_with("-");
  const bool asks_help = !args.empty() && (args.front() == "--help" || args.front() == "-h");
  if (!names_command && !asks_help) args.insert(args.begin(), "serve");
  std::reverse(args.begin(), args.end());  // CLI11 takes a reversed vector.
  return args;
}

}  // namespace

int run_command_line(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // A closed stdout pipe must not kill the server.
  CLI::App app{"BadgeSmith: README badges for NuGet, GitHub Packages and CI test results",
               "badgesmith"};
  app.require_subcommand(1, 1);

  ServeFlags serve_flags;
  CLI::App* serve = app.add_subcommand("serve", "Serve HTTP (the default command)");
  add_serve_options(*serve, serve_flags);

  CLI::App* version = app.add_subcommand("version", "Print the version");

  std::string backup_file;
  std::string backup_data_dir = "data";
  CLI::App* backup = app.add_subcommand("backup", "Copy the SQLite store to FILE while it runs");
  backup->add_option("FILE", backup_file, "Destination file (must not exist)")->required();
  backup->add_option("--data-dir", backup_data_dir, "Directory of the embedded SQLite store")
      ->envname("BADGESMITH_DATA_DIR")
      ->capture_default_str();

  add_render_command(app);
  add_secrets_command(app);
  add_seed_command(app);
  add_history_command(app);
  add_report_command(app);
  add_dynamodb_command(app);

  auto args = with_default_command(argc, argv);
  try {
    app.parse(args);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();  // A subcommand callback failed and said why on stderr.
  } catch (const CLI::ParseError& e) {
    return usage_error(e.what());
  }

  if (version->parsed()) {
    std::cout << "badgesmith " << BADGESMITH_VERSION << '\n';
    return 0;
  }
  if (backup->parsed()) return run_backup(backup_data_dir, backup_file);
  // Their callbacks did the work during parse().
  for (const char* name : {"render", "secrets", "seed", "history", "report", "dynamodb"}) {
    if (app.got_subcommand(name)) return 0;
  }
  serve_flags.data_dir_given = serve->get_option("--data-dir")->count() > 0;
  return run_serve(serve_flags);
}

}  // namespace badgesmith::cli
