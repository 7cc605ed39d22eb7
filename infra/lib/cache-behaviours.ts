// The CloudFront behaviours in front of BadgeSmith, one per route family, and the query strings
// each family reads (grep `query_param(` under src/features). Only these names enter the cache
// key, so `?x=<random>` cannot turn a cached badge into a Lambda call (anchor spec §6.5 item 24),
// and CloudFront's quota of 10 query strings per cache policy holds.

export interface CachedBehaviour {
  // CloudFront path pattern (case-sensitive; the service's routes are not).
  readonly pathPattern: string;
  // Construct id and policy-name suffix.
  readonly id: string;
  readonly queryStrings: readonly string[];
  // Longest freshness CloudFront may keep; the origin's s-maxage decides below this.
  readonly maxTtlDays: number;
}

export const CACHED_BEHAVIOURS: readonly CachedBehaviour[] = [
  {
    // Static badges: styling plus ?cacheSeconds (which may lengthen s-maxage to a year).
    pathPattern: '/badge/*',
    id: 'StaticBadge',
    queryStrings: ['style', 'label', 'color', 'labelColor', 'logo', 'logoColor', 'logoSize', 'cacheSeconds', 'format'],
    maxTtlDays: 365,
  },
  {
    // NuGet, GitHub Packages and the generic provider route (package_badge.cc, github/routes.cc).
    pathPattern: '/badges/packages/*',
    id: 'PackageBadge',
    queryStrings: ['version', 'prerelease', 'type', 'format'],
    maxTtlDays: 1,
  },
  {
    // serve_badge in testresults/routes.cc: ?format and ?compact.
    pathPattern: '/badges/tests/*',
    id: 'TestBadge',
    queryStrings: ['format', 'compact'],
    maxTtlDays: 1,
  },
  {
    pathPattern: '/redirect/test-results/*',
    id: 'TestRedirect',
    queryStrings: [],
    maxTtlDays: 1,
  },
];

// Signed ingestion (POST) and history (GET ?limit&cursor&compact): never cached.
export const INGESTION_PATH = '/tests/results/*';
export const INGESTION_HEADERS = ['content-type', 'x-signature', 'x-timestamp', 'x-nonce'] as const;

// The header CloudFront adds and the function checks (src/core/http/origin_guard.h).
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

// CloudFront's quota of query strings in one cache policy's allow-list.
export const MAX_CACHE_KEY_QUERY_STRINGS = 10;
