#include "features/nuget/nuget_feed.h"

#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "core/ascii.h"
#include "core/json_limits.h"

namespace badgesmith::nuget {

namespace {

using packages::PackageVersions;

constexpr int kMaxJsonDepth = 16;
constexpr std::size_t kMaxPackageIdLength = 100;
constexpr std::chrono::seconds kServiceIndexTtl{3600};

// Preferred first: the SemVer 2.0 registration hive lists every version.
constexpr std::string_view kRegistrationTypes[] = {
    "RegistrationsBaseUrl/3.6.0",      "RegistrationsBaseUrl/Versioned",
    "RegistrationsBaseUrl/3.4.0",      "RegistrationsBaseUrl/3.0.0-rc",
    "RegistrationsBaseUrl/3.0.0-beta", "RegistrationsBaseUrl"};
constexpr std::string_view kSearchTypes[] = {"SearchQueryService/3.5.0",
                                             "SearchQueryService/3.0.0-rc",
                                             "SearchQueryService/3.0.0-beta", "SearchQueryService"};

struct ServiceIndex {
  std::string registration_base;  // Ends with '/'.
  std::string search;
};

Error package_not_found(std::string_view id) {
  return make_error(Errc::kNotFound, "Package '" + std::string(id) + "' not found",
                    "PACKAGE_NOT_FOUND", "packageId");
}

Error invalid_document(std::string_view what) {
  return make_error(Errc::kUpstreamInvalid, "the NuGet feed sent an unusable " + std::string(what),
                    "UPSTREAM_INVALID");
}

std::string etag_of(const http::ClientResponse& response) {
  return std::string(response.headers.get("ETag").value_or(""));
}

const std::string* string_member(const nlohmann::json& object, const char* name) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get_ptr<const std::string*>() : nullptr;
}

// The array `object[name]`, or null when `object` is not an object or has no such array.
const nlohmann::json* array_member(const nlohmann::json& object, const char* name) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(name);
  return it != object.end() && it->is_array() ? &*it : nullptr;
}

Result<ServiceIndex> parse_service_index(const nlohmann::json& document) {
  const nlohmann::json* resources = array_member(document, "resources");
  if (resources == nullptr) return invalid_document("service index");
  const auto find = [&](const auto& types) -> std::string {
    for (const std::string_view type : types) {
      for (const nlohmann::json& resource : *resources) {
        const std::string* resource_type = string_member(resource, "@type");
        const std::string* id = string_member(resource, "@id");
        if (resource_type && id && *resource_type == type) return *id;
      }
    }
    return {};
  };
  ServiceIndex index{find(kRegistrationTypes), find(kSearchTypes)};
  if (index.registration_base.empty() || index.search.empty()) {
    return invalid_document("service index (no registration or search resource)");
  }
  if (!index.registration_base.ends_with('/')) index.registration_base += '/';
  return index;
}

// Appends the listed versions of a registration page's leaves; returns false when the page holds
// no leaves (they are on a page of their own).
bool collect_leaves(const nlohmann::json& page, std::vector<NuGetVersion>& versions) {
  const nlohmann::json* items = array_member(page, "items");
  if (items == nullptr) return false;
  for (const nlohmann::json& leaf : *items) {
    const auto entry = leaf.is_object() ? leaf.find("catalogEntry") : leaf.end();
    if (!leaf.is_object() || entry == leaf.end() || !entry->is_object()) continue;
    const auto listed = entry->find("listed");
    if (listed != entry->end() && listed->is_boolean() && !listed->get<bool>()) continue;
    if (const std::string* text = string_member(*entry, "version")) {
      // Unparsable versions are skipped, as NuGet's own clients do.
      if (auto version = parse_version(*text)) versions.push_back(std::move(*version));
    }
  }
  return true;
}

}  // namespace

bool is_valid_package_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxPackageIdLength) return false;
  for (const char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

class NuGetFeed::Impl : public std::enable_shared_from_this<NuGetFeed::Impl> {
  using VersionsFetched = cache::ResultCache<PackageVersions>::Fetched;
  using DownloadsFetched = cache::ResultCache<Downloads>::Fetched;

 public:
  Impl(http::Client& client, FeedOptions options)
      : client_(client),
        options_(std::move(options)),
        index_cache_(index_cache_options(options_.cache),
                     [](const ServiceIndex& index) {
                       return index.registration_base.size() + index.search.size();
                     }),
        versions_cache_(options_.cache,
                        [](const PackageVersions& v) { return packages::size_of(v); }),
        downloads_cache_(options_.cache,
                         [](const Downloads& d) { return sizeof(Downloads) + d.etag.size(); }) {}

  void versions(const std::string& id, Callback<VersionsLookup> done) {
    std::string key = ascii_lower(id);
    versions_cache_.get(
        std::move(key),
        [self = shared_from_this(), id](std::shared_ptr<const PackageVersions> previous,
                                        Callback<VersionsFetched> fetched) {
          self->fetch_versions(id, std::move(previous), std::move(fetched));
        },
        std::move(done));
  }

  void downloads(const std::string& id, Callback<DownloadsLookup> done) {
    std::string key = ascii_lower(id);
    downloads_cache_.get(
        std::move(key),
        [self = shared_from_this(), id](std::shared_ptr<const Downloads> previous,
                                        Callback<DownloadsFetched> fetched) {
          self->fetch_downloads(id, std::move(previous), std::move(fetched));
        },
        std::move(done));
  }

 private:
  static cache::Options index_cache_options(cache::Options options) {
    options.fresh_ttl = std::max(options.fresh_ttl, kServiceIndexTtl);
    options.max_entries = 4;
    return options;
  }

  http::ClientRequest get_request(std::string url, const std::string* etag) const {
    http::ClientRequest request;
    request.url = std::move(url);
    request.headers.set("Accept", "application/json");
    if (etag != nullptr && !etag->empty()) request.headers.set("If-None-Match", *etag);
    return request;
  }

  Result<nlohmann::json> parse(const http::ClientResponse& response) const {
    return parse_json_limited(response.body, options_.max_document_bytes, kMaxJsonDepth);
  }

  void service_index(Callback<std::shared_ptr<const ServiceIndex>> done) {
    index_cache_.get(
        "index",
        [self = shared_from_this()](const std::shared_ptr<const ServiceIndex>& /*previous*/,
                                    Callback<cache::ResultCache<ServiceIndex>::Fetched> fetched) {
          self->client_.send(
              self->get_request(self->options_.service_index_url, nullptr),
              [self, fetched = std::move(fetched)](Result<http::ClientResponse> response) {
                if (!response) return fetched(response.error());
                if (response.value().status != 200) {
                  return fetched(packages::upstream_failure(response.value(), "NuGet"));
                }
                auto document = self->parse(response.value());
                if (!document) return fetched(invalid_document("service index"));
                auto index = parse_service_index(document.value());
                if (!index) return fetched(index.error());
                fetched(cache::ResultCache<ServiceIndex>::Fetched{
                    std::make_shared<const ServiceIndex>(std::move(index).value())});
              });
        },
        [done = std::move(done)](Result<cache::ResultCache<ServiceIndex>::Lookup> lookup) {
          if (!lookup) return done(lookup.error());
          done(lookup.value().value);
        });
  }

  // Reads the registration index and, for big packages, each page it does not inline, one after
  // the other (a page is up to 64 versions; nuget.org's biggest packages have a few dozen).
  class RegistrationRead : public std::enable_shared_from_this<RegistrationRead> {
   public:
    RegistrationRead(std::shared_ptr<Impl> feed, std::string id, Callback<VersionsFetched> done)
        : feed_(std::move(feed)), id_(std::move(id)), done_(std::move(done)) {}

    void start(const ServiceIndex& index, const std::string* previous_etag) {
      feed_->client_.send(
          feed_->get_request(index.registration_base + ascii_lower(id_) + "/index.json",
                             previous_etag),
          [self = shared_from_this()](Result<http::ClientResponse> response) {
            self->on_index(std::move(response));
          });
    }

   private:
    void on_index(Result<http::ClientResponse> response) {
      if (!response) return done_(response.error());
      const int status = response.value().status;
      if (status == 304) return done_(VersionsFetched{nullptr});
      if (status == 404) return done_(package_not_found(id_));
      if (status != 200) return done_(packages::upstream_failure(response.value(), "NuGet"));
      etag_ = etag_of(response.value());
      auto document = feed_->parse(response.value());
      const nlohmann::json* pages = document ? array_member(document.value(), "items") : nullptr;
      if (pages == nullptr) return done_(invalid_document("registration index"));
      for (const nlohmann::json& page : *pages) {
        if (!page.is_object()) continue;
        if (collect_leaves(page, versions_)) continue;
        const std::string* url = string_member(page, "@id");
        if (url == nullptr) return done_(invalid_document("registration page"));
        pending_pages_.push_back(*url);
      }
      if (pending_pages_.size() > feed_->options_.max_registration_pages) {
        return done_(invalid_document("registration index (too many pages)"));
      }
      next_page();
    }

    void next_page() {
      if (next_page_ == pending_pages_.size()) {
        if (versions_.empty()) return done_(package_not_found(id_));
        return done_(VersionsFetched{std::make_shared<const PackageVersions>(
            PackageVersions{std::move(versions_), std::move(etag_)})});
      }
      feed_->client_.send(feed_->get_request(pending_pages_[next_page_++], nullptr),
                          [self = shared_from_this()](Result<http::ClientResponse> response) {
                            self->on_page(std::move(response));
                          });
    }

    void on_page(Result<http::ClientResponse> response) {
      if (!response) return done_(response.error());
      if (response.value().status != 200) {
        return done_(packages::upstream_failure(response.value(), "NuGet"));
      }
      auto document = feed_->parse(response.value());
      if (!document || !document.value().is_object() ||
          !collect_leaves(document.value(), versions_)) {
        return done_(invalid_document("registration page"));
      }
      next_page();
    }

    std::shared_ptr<Impl> feed_;
    std::string id_;
    Callback<VersionsFetched> done_;
    std::string etag_;  // Of the registration index, for the next revalidation.
    std::vector<std::string> pending_pages_;
    std::size_t next_page_ = 0;
    std::vector<NuGetVersion> versions_;
  };

  void fetch_versions(std::string id, std::shared_ptr<const PackageVersions> previous,
                      Callback<VersionsFetched> done) {
    service_index(
        [self = shared_from_this(), id = std::move(id), previous = std::move(previous),
         done = std::move(done)](Result<std::shared_ptr<const ServiceIndex>> index) mutable {
          if (!index) return done(index.error());
          auto read = std::make_shared<RegistrationRead>(self, std::move(id), std::move(done));
          read->start(*index.value(), previous ? &previous->etag : nullptr);
        });
  }

  void fetch_downloads(std::string id, std::shared_ptr<const Downloads> previous,
                       Callback<DownloadsFetched> done) {
    service_index([self = shared_from_this(), id = std::move(id), previous = std::move(previous),
                   done =
                       std::move(done)](Result<std::shared_ptr<const ServiceIndex>> index) mutable {
      if (!index) return done(index.error());
      const std::string url = index.value()->search + "?q=packageid:" + id +
                              "&prerelease=true&semVerLevel=2.0.0&take=1";
      self->client_.send(
          self->get_request(url, previous ? &previous->etag : nullptr),
          [self, id, done = std::move(done)](Result<http::ClientResponse> response) {
            if (!response) return done(response.error());
            if (response.value().status == 304) return done(DownloadsFetched{nullptr});
            if (response.value().status != 200) {
              return done(packages::upstream_failure(response.value(), "NuGet"));
            }
            auto document = self->parse(response.value());
            const nlohmann::json* data =
                document ? array_member(document.value(), "data") : nullptr;
            if (data == nullptr) return done(invalid_document("search result"));
            for (const nlohmann::json& hit : *data) {
              const std::string* hit_id = string_member(hit, "id");
              if (hit_id == nullptr || ascii_lower(*hit_id) != ascii_lower(id)) {
                continue;
              }
              const auto total = hit.find("totalDownloads");  // hit is an object (string_member).
              if (total == hit.end() || !total->is_number_unsigned()) {
                return done(invalid_document("search result"));
              }
              return done(DownloadsFetched{std::make_shared<const Downloads>(
                  Downloads{total->get<std::uint64_t>(), etag_of(response.value())})});
            }
            done(package_not_found(id));
          });
    });
  }

  http::Client& client_;
  const FeedOptions options_;
  cache::ResultCache<ServiceIndex> index_cache_;
  cache::ResultCache<PackageVersions> versions_cache_;
  cache::ResultCache<Downloads> downloads_cache_;
};

NuGetFeed::NuGetFeed(http::Client& client, FeedOptions options)
    : impl_(std::make_shared<Impl>(client, std::move(options))) {}

NuGetFeed::~NuGetFeed() = default;

void NuGetFeed::versions(std::string_view package_id, Callback<VersionsLookup> done) {
  impl_->versions(std::string(package_id), std::move(done));
}

void NuGetFeed::downloads(std::string_view package_id, Callback<DownloadsLookup> done) {
  impl_->downloads(std::string(package_id), std::move(done));
}

}  // namespace badgesmith::nuget
