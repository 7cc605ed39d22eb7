#include "features/github/github_packages.h"

#include <charconv>
#include <mutex>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/ascii.h"
#include "core/json_limits.h"

namespace badgesmith::github {

namespace {

using packages::PackageVersions;
using VersionsFetched = cache::ResultCache<PackageVersions>::Fetched;
using TokenFetched = cache::ResultCache<std::string>::Fetched;

constexpr int kMaxJsonDepth = 16;
constexpr std::size_t kMaxRememberedOwners = 10'000;
constexpr std::chrono::seconds kTokenTtl{5};
constexpr std::chrono::seconds kDefaultRateLimitWait{60};
constexpr std::string_view kSupportedTypes[] = {"nuget", "npm", "maven", "rubygems"};

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

Error package_not_found(std::string_view package) {
  return make_error(Errc::kNotFound, "Package '" + std::string(package) + "' not found",
                    "PACKAGE_NOT_FOUND", "package");
}

// GitHub's rate limits answer 403 or 429 with x-ratelimit-remaining: 0 or a retry-after.
std::optional<std::chrono::seconds> rate_limit_wait(const http::ClientResponse& response) {
  if (response.status != 403 && response.status != 429) return std::nullopt;
  if (auto retry_after = packages::retry_after_of(response.headers)) return retry_after;
  if (response.headers.get("x-ratelimit-remaining") != std::optional<std::string_view>("0")) {
    return response.status == 429 ? std::optional(kDefaultRateLimitWait) : std::nullopt;
  }
  std::int64_t reset = 0;
  const std::string_view text = response.headers.get("x-ratelimit-reset").value_or("");
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), reset);
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  if (ec != std::errc() || end != text.data() + text.size() || reset <= now) {
    return kDefaultRateLimitWait;
  }
  return std::min(std::chrono::seconds(reset - now), std::chrono::seconds(3600));
}

Error github_error(const http::ClientResponse& response, std::string_view owner) {
  if (const auto wait = rate_limit_wait(response)) {
    Error error = make_error(Errc::kUpstreamUnavailable, "GitHub's API rate limit is exhausted",
                             "UPSTREAM_RATE_LIMITED");
    error.retry_after = *wait;
    return error;
  }
  if (response.status == 401) {
    return make_error(Errc::kUnauthorized,
                      "GitHub rejected the package token of '" + std::string(owner) + "'",
                      "GITHUB_TOKEN_REJECTED", "org");
  }
  if (response.status == 403) {
    return make_error(Errc::kForbidden,
                      "The package token of '" + std::string(owner) + "' may not read this package",
                      "GITHUB_FORBIDDEN", "package");
  }
  return packages::upstream_failure(response, "GitHub");
}

bool is_header_safe(std::string_view token) {
  for (const char c : token) {
    if (c <= 0x20 || c >= 0x7F) return false;
  }
  return !token.empty();
}

bool has_next_page(const http::Headers& headers) {
  const std::string link = headers.joined("Link");
  return link.find("rel=\"next\"") != std::string::npos;
}

}  // namespace

bool is_valid_owner(std::string_view owner) {
  if (owner.empty() || owner.size() > 39) return false;
  for (const char c : owner) {
    if (!is_name_char(c)) return false;
  }
  return true;
}

bool is_valid_package_name(std::string_view name) {
  if (name.empty() || name.size() > 100 || name == "." || name == "..") return false;
  for (const char c : name) {
    if (!is_name_char(c) && c != '.' && c != '_') return false;
  }
  return true;
}

bool is_supported_package_type(std::string_view type) {
  for (const std::string_view supported : kSupportedTypes) {
    if (type == supported) return true;
  }
  return false;
}

class GitHubPackages::Impl : public std::enable_shared_from_this<GitHubPackages::Impl> {
 public:
  Impl(http::Client& client, store::SecretStore& secrets, PackagesOptions options)
      : client_(client),
        secrets_(secrets),
        options_(std::move(options)),
        versions_cache_(options_.cache,
                        [](const PackageVersions& v) { return packages::size_of(v); }),
        token_cache_(token_cache_options(options_.cache),
                     [](const std::string& token) { return token.size(); }) {}

  void versions(std::string_view owner_text, const std::string& type, const std::string& package,
                Callback<VersionsLookup> done) {
    std::string owner = ascii_lower(owner_text);
    std::string key = owner + '/' + type + '/' + ascii_lower(package);
    versions_cache_.get(
        std::move(key),
        [self = shared_from_this(), owner, type, package](
            std::shared_ptr<const PackageVersions> previous, Callback<VersionsFetched> fetched) {
          self->fetch(Listing{owner, type, package}, std::move(previous), std::move(fetched));
        },
        std::move(done));
  }

 private:
  struct Listing {
    std::string owner;  // Lower case.
    std::string type;
    std::string package;
  };

  static cache::Options token_cache_options(cache::Options options) {
    options.fresh_ttl = kTokenTtl;
    options.stale_while_revalidate = std::chrono::seconds(0);
    options.negative_ttl = std::min(options.negative_ttl, kTokenTtl);
    return options;
  }

  void token(const std::string& owner, Callback<std::shared_ptr<const std::string>> done) {
    token_cache_.get(
        owner,
        [self = shared_from_this(), owner](const std::shared_ptr<const std::string>& /*previous*/,
                                           Callback<TokenFetched> fetched) {
          self->secrets_.get(
              store::SecretKey{owner, "", store::SecretType::kPackage},
              [fetched = std::move(fetched)](Result<std::optional<std::string>> value) {
                if (!value) return fetched(value.error());
                if (!value.value()) return fetched(make_error(Errc::kNotFound, "no token"));
                // It goes into a header: a stray line break must not split our request.
                if (!is_header_safe(*value.value())) {
                  return fetched(make_error(Errc::kInternal, "stored package token is malformed"));
                }
                fetched(
                    TokenFetched{std::make_shared<const std::string>(std::move(*value.value()))});
              });
        },
        [owner, done = std::move(done)](Result<cache::ResultCache<std::string>::Lookup> lookup) {
          if (lookup) return done(lookup.value().value);
          if (lookup.error().code != Errc::kNotFound) return done(lookup.error());
          done(make_error(Errc::kUnauthorized,
                          "No package token is configured for '" + owner +
                              "' (badgesmith secrets set --owner " + owner + " --type package)",
                          "TOKEN_NOT_CONFIGURED", "org"));
        });
  }

  std::optional<bool> remembered_is_user(const std::string& owner) {
    std::lock_guard lock(owners_mutex_);
    const auto it = owner_is_user_.find(owner);
    if (it == owner_is_user_.end()) return std::nullopt;
    return it->second;
  }

  void remember_is_user(const std::string& owner, bool is_user) {
    std::lock_guard lock(owners_mutex_);
    if (owner_is_user_.size() >= kMaxRememberedOwners) owner_is_user_.clear();
    owner_is_user_[owner] = is_user;
  }

  // One listing: pages of 100 newest-first versions, for an org or a user.
  class Read : public std::enable_shared_from_this<Read> {
   public:
    Read(std::shared_ptr<Impl> github, Listing listing, std::string token, std::string etag,
         Callback<VersionsFetched> done)
        : github_(std::move(github)),
          listing_(std::move(listing)),
          token_(std::move(token)),
          previous_etag_(std::move(etag)),
          done_(std::move(done)) {}

    void start(bool as_user, bool may_switch) {
      as_user_ = as_user;
      may_switch_ = may_switch;
      page_ = 1;
      versions_.clear();
      send_page();
    }

   private:
    void send_page() {
      http::ClientRequest request;
      request.url = github_->options_.api_base + (as_user_ ? "/users/" : "/orgs/") +
                    listing_.owner + "/packages/" + listing_.type + "/" + listing_.package +
                    "/versions?per_page=100&page=" + std::to_string(page_);
      request.headers.set("Accept", "application/vnd.github+json");
      request.headers.set("X-GitHub-Api-Version", "2022-11-28");
      request.headers.set("Authorization", "Bearer " + token_);
      if (page_ == 1 && !previous_etag_.empty()) {
        request.headers.set("If-None-Match", previous_etag_);
      }
      github_->client_.send(std::move(request),
                            [self = shared_from_this()](Result<http::ClientResponse> response) {
                              self->on_page(std::move(response));
                            });
    }

    void on_page(Result<http::ClientResponse> response) {
      if (!response) return done_(response.error());
      const http::ClientResponse& answer = response.value();
      if (answer.status == 404 && page_ == 1) {
        if (may_switch_) return start(!as_user_, false);
        return done_(package_not_found(listing_.package));
      }
      if (answer.status == 304 && page_ == 1) {
        github_->remember_is_user(listing_.owner, as_user_);
        return done_(VersionsFetched{nullptr});
      }
      if (answer.status != 200) return done_(github_error(answer, listing_.owner));
      if (page_ == 1) {
        etag_ = std::string(answer.headers.get("ETag").value_or(""));
        github_->remember_is_user(listing_.owner, as_user_);
      }
      auto document =
          parse_json_limited(answer.body, github_->options_.max_document_bytes, kMaxJsonDepth);
      if (!document || !document.value().is_array()) {
        return done_(make_error(Errc::kUpstreamInvalid, "GitHub sent an unusable version list",
                                "UPSTREAM_INVALID"));
      }
      for (const nlohmann::json& entry : document.value()) {
        const auto name = entry.is_object() ? entry.find("name") : entry.end();
        if (!entry.is_object() || name == entry.end() || !name->is_string()) continue;
        std::string_view text = name->get_ref<const std::string&>();
        if (text.starts_with('v') || text.starts_with('V')) text.remove_prefix(1);
        if (auto version = nuget::parse_version(text)) versions_.push_back(std::move(*version));
      }
      if (has_next_page(answer.headers) && page_ < github_->options_.max_pages) {
        ++page_;
        return send_page();
      }
      if (versions_.empty()) return done_(package_not_found(listing_.package));
      done_(VersionsFetched{std::make_shared<const PackageVersions>(
          PackageVersions{std::move(versions_), std::move(etag_)})});
    }

    std::shared_ptr<Impl> github_;
    Listing listing_;
    std::string token_;
    std::string previous_etag_;
    Callback<VersionsFetched> done_;
    bool as_user_ = false;
    bool may_switch_ = true;
    std::size_t page_ = 1;
    std::string etag_;
    std::vector<nuget::NuGetVersion> versions_;
  };

  void fetch(Listing listing, std::shared_ptr<const PackageVersions> previous,
             Callback<VersionsFetched> done) {
    const std::string owner = listing.owner;
    token(owner,
          [self = shared_from_this(), listing = std::move(listing), previous = std::move(previous),
           done = std::move(done)](Result<std::shared_ptr<const std::string>> token) mutable {
            if (!token) return done(token.error());
            const std::optional<bool> is_user = self->remembered_is_user(listing.owner);
            auto read =
                std::make_shared<Read>(self, std::move(listing), *token.value(),
                                       previous ? previous->etag : std::string(), std::move(done));
            read->start(is_user.value_or(false), !is_user.has_value());
          });
  }

  http::Client& client_;
  store::SecretStore& secrets_;
  const PackagesOptions options_;
  cache::ResultCache<PackageVersions> versions_cache_;
  cache::ResultCache<std::string> token_cache_;
  std::mutex owners_mutex_;
  std::unordered_map<std::string, bool> owner_is_user_;  // Guarded by owners_mutex_.
};

GitHubPackages::GitHubPackages(http::Client& client, store::SecretStore& secrets,
                               PackagesOptions options)
    : impl_(std::make_shared<Impl>(client, secrets, std::move(options))) {}

GitHubPackages::~GitHubPackages() = default;

void GitHubPackages::versions(std::string_view owner, std::string_view type,
                              std::string_view package, Callback<VersionsLookup> done) {
  impl_->versions(owner, std::string(type), std::string(package), std::move(done));
}

}  // namespace badgesmith::github
