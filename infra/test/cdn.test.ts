// CloudFront: per-route cache keys, origin Cache-Control honoured, nothing forwarded that
// execute-api or the cache must not see, the ingestion route uncached, the origin header.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Match } from 'aws-cdk-lib/assertions';
import {
  CACHED_BEHAVIOURS,
  INGESTION_HEADERS,
  INGESTION_PATH,
  MAX_CACHE_KEY_QUERY_STRINGS,
} from '../lib/cache-behaviours';
import { INFRA_DIR, only, refId, resourcesOf, synthStack } from './helpers';

const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
// Managed origin request policies that forward every viewer header (Host included) or cookies.
const ALL_VIEWER_POLICIES = [
  '216adef6-5c7f-47e4-b989-5492eafa07d3', // AllViewer
  'b689b0a8-53d0-40ab-baf2-68738e2966ac', // AllViewerExceptHostHeader (cookies too)
  '33f36d7e-f396-46d9-90e0-52428a34d9dc', // AllViewerAndCloudFrontHeaders-2022-06
];

const { template } = synthStack();
const distributionConfig = only(resourcesOf(template, 'AWS::CloudFront::Distribution')).Properties.DistributionConfig;
const cachePolicies = resourcesOf(template, 'AWS::CloudFront::CachePolicy');
const requestPolicies = resourcesOf(template, 'AWS::CloudFront::OriginRequestPolicy');

function behaviour(pathPattern: string): any {
  const found = distributionConfig.CacheBehaviors.find((b: any) => b.PathPattern === pathPattern);
  assert.ok(found, `no behaviour for ${pathPattern}`);
  return found;
}

function cachePolicyOf(b: any): any {
  const id = refId(b.CachePolicyId);
  assert.ok(id, `behaviour ${b.PathPattern ?? 'default'} uses a managed cache policy`);
  return cachePolicies[id].Properties.CachePolicyConfig;
}

const allBehaviours = [distributionConfig.DefaultCacheBehavior, ...distributionConfig.CacheBehaviors];

describe('CloudFront cache policies', () => {
  it('gives every badge route family its own cache policy', () => {
    const ids = CACHED_BEHAVIOURS.map((b) => refId(behaviour(b.pathPattern).CachePolicyId));
    assert.deepEqual(CACHED_BEHAVIOURS.map((b) => b.pathPattern),
      ['/badge/*', '/badges/packages/*', '/badges/tests/*', '/redirect/test-results/*']);
    assert.equal(new Set(ids).size, CACHED_BEHAVIOURS.length);
    for (const id of ids) assert.ok(id && cachePolicies[id], `${id} is not a policy of this stack`);
  });

  it('honours origin Cache-Control: MinTTL 0, a modest default, MaxTTL of at least a day', () => {
    assert.equal(Object.keys(cachePolicies).length, CACHED_BEHAVIOURS.length + 1);
    for (const [id, policy] of Object.entries(cachePolicies)) {
      const config = policy.Properties.CachePolicyConfig;
      assert.equal(config.MinTTL, 0, `${id} MinTTL`);
      assert.ok(config.DefaultTTL > 0 && config.DefaultTTL <= 300, `${id} DefaultTTL ${config.DefaultTTL}`);
      assert.ok(config.MaxTTL >= 86400, `${id} MaxTTL ${config.MaxTTL}`);
    }
    // ?cacheSeconds may raise a static badge's s-maxage to a year (src/features/badges/routes.cc).
    assert.equal(cachePolicyOf(behaviour('/badge/*')).MaxTTL, 365 * 86400);
  });

  it('keys each route on exactly the query strings it reads, never more than 10', () => {
    const expected: Record<string, string[]> = {
      '/badge/*': ['style', 'label', 'color', 'labelColor', 'logo', 'logoColor', 'logoSize', 'cacheSeconds', 'format'],
      '/badges/packages/*': ['version', 'prerelease', 'type', 'format'],
      '/badges/tests/*': ['format', 'compact'],
      '/redirect/test-results/*': [],
    };
    for (const [pattern, names] of Object.entries(expected)) {
      const key = cachePolicyOf(behaviour(pattern)).ParametersInCacheKeyAndForwardedToOrigin;
      const qs = key.QueryStringsConfig;
      assert.ok(names.length <= MAX_CACHE_KEY_QUERY_STRINGS);
      if (names.length === 0) {
        assert.equal(qs.QueryStringBehavior, 'none', pattern);
      } else {
        assert.equal(qs.QueryStringBehavior, 'whitelist', pattern);
        assert.deepEqual([...qs.QueryStrings].sort(), [...names].sort(), pattern);
      }
    }
    const defaults = cachePolicyOf(distributionConfig.DefaultCacheBehavior).ParametersInCacheKeyAndForwardedToOrigin;
    assert.equal(defaults.QueryStringsConfig.QueryStringBehavior, 'none');
    for (const policy of Object.values(cachePolicies)) {
      const qs = policy.Properties.CachePolicyConfig.ParametersInCacheKeyAndForwardedToOrigin.QueryStringsConfig;
      assert.ok(['none', 'whitelist'].includes(qs.QueryStringBehavior), 'no all/allExcept: random ?x= would bust the cache');
      assert.ok((qs.QueryStrings ?? []).length <= MAX_CACHE_KEY_QUERY_STRINGS);
    }
  });

  it('covers every query parameter the service reads (src/features), per route family', () => {
    const listOf = (pattern: string) => CACHED_BEHAVIOURS.find((b) => b.pathPattern === pattern)!.queryStrings;
    // Folder → the names its routes may read. History (GET /tests/results, ?limit and ?cursor)
    // goes through the ingestion behaviour, which forwards every query string uncached; `format`
    // is read for every badge family by badges/badge_response.cc.
    const allowed: Record<string, readonly string[]> = {
      badges: listOf('/badge/*'),
      packages: listOf('/badges/packages/*'),
      nuget: listOf('/badges/packages/*'),
      github: listOf('/badges/packages/*'),
      testresults: [...listOf('/badges/tests/*'), ...listOf('/redirect/test-results/*'), 'limit', 'cursor'],
    };
    for (const b of CACHED_BEHAVIOURS.slice(0, 3)) assert.ok(b.queryStrings.includes('format'), b.pathPattern);
    const featuresDir = path.join(INFRA_DIR, '..', 'src', 'features');
    let total = 0;
    const read = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return read(full);
      if (!entry.name.endsWith('.cc')) return [];
      return [...fs.readFileSync(full, 'utf8').matchAll(/query_param\("([^"]+)"\)/g)].map((m) => m[1]);
    });
    for (const family of fs.readdirSync(featuresDir)) {
      const names = read(path.join(featuresDir, family));
      total += names.length;
      const missing = names.filter((name) => !(allowed[family] ?? []).includes(name));
      assert.deepEqual(missing, [], `src/features/${family} reads query parameters its behaviour drops`);
    }
    assert.ok(total >= 10, `found only ${total} query_param calls: has the accessor been renamed?`);
  });

  it('compresses (gzip and brotli in the key, Compress on every behaviour)', () => {
    for (const policy of Object.values(cachePolicies)) {
      const key = policy.Properties.CachePolicyConfig.ParametersInCacheKeyAndForwardedToOrigin;
      assert.equal(key.EnableAcceptEncodingGzip, true);
      assert.equal(key.EnableAcceptEncodingBrotli, true);
    }
    for (const b of allBehaviours) assert.equal(b.Compress, true, b.PathPattern ?? 'default');
  });
});

describe('CloudFront forwarding', () => {
  it('never forwards the Host header', () => {
    for (const b of allBehaviours) {
      assert.ok(!ALL_VIEWER_POLICIES.includes(b.OriginRequestPolicyId), `${b.PathPattern ?? 'default'} uses an all-viewer policy`);
      assert.equal(b.ForwardedValues, undefined, 'legacy ForwardedValues');
    }
    for (const policy of Object.values(cachePolicies)) {
      const headers = policy.Properties.CachePolicyConfig.ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig;
      assert.equal(headers.HeaderBehavior, 'none');
    }
    for (const [id, policy] of Object.entries(requestPolicies)) {
      const headers = policy.Properties.OriginRequestPolicyConfig.HeadersConfig;
      assert.equal(headers.HeaderBehavior, 'whitelist', `${id} forwards viewer headers wholesale`);
      assert.ok(!headers.Headers.map((h: string) => h.toLowerCase()).includes('host'), `${id} forwards Host`);
    }
  });

  it('never forwards cookies', () => {
    for (const policy of Object.values(cachePolicies)) {
      assert.equal(policy.Properties.CachePolicyConfig.ParametersInCacheKeyAndForwardedToOrigin.CookiesConfig.CookieBehavior, 'none');
    }
    for (const policy of Object.values(requestPolicies)) {
      assert.equal(policy.Properties.OriginRequestPolicyConfig.CookiesConfig.CookieBehavior, 'none');
    }
  });

  it('sends ingestion and history uncached with their signature headers and query string', () => {
    const ingestion = behaviour(INGESTION_PATH);
    assert.equal(ingestion.CachePolicyId, CACHING_DISABLED);
    assert.deepEqual([...ingestion.AllowedMethods].sort(), ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);
    assert.equal(ingestion.ViewerProtocolPolicy, 'https-only');
    const policy = requestPolicies[refId(ingestion.OriginRequestPolicyId)!].Properties.OriginRequestPolicyConfig;
    assert.deepEqual([...policy.HeadersConfig.Headers].sort(), [...INGESTION_HEADERS].sort());
    assert.deepEqual([...INGESTION_HEADERS].sort(), ['content-type', 'x-nonce', 'x-signature', 'x-timestamp']);
    assert.equal(policy.QueryStringsConfig.QueryStringBehavior, 'all');
  });

  it('caches badge routes for GET and HEAD only, redirecting plain HTTP', () => {
    for (const b of [distributionConfig.DefaultCacheBehavior, ...CACHED_BEHAVIOURS.map((c) => behaviour(c.pathPattern))]) {
      assert.deepEqual([...b.CachedMethods].sort(), ['GET', 'HEAD']);
      assert.deepEqual([...b.AllowedMethods].sort(), ['GET', 'HEAD', 'OPTIONS']);
      assert.equal(b.ViewerProtocolPolicy, 'redirect-to-https');
    }
  });

  it('adds x-origin-verify from the generated secret by dynamic reference', () => {
    const origin = only(Object.fromEntries(distributionConfig.Origins.map((o: any) => [o.Id, o]))) as any;
    assert.equal(origin.CustomOriginConfig.OriginProtocolPolicy, 'https-only');
    const header = origin.OriginCustomHeaders.find((h: any) => h.HeaderName === 'x-origin-verify');
    assert.ok(header, 'no x-origin-verify origin header');
    const [prefix, parts] = [header.HeaderValue['Fn::Join'][0], header.HeaderValue['Fn::Join'][1]];
    assert.equal(prefix, '');
    assert.equal(parts[0], '{{resolve:secretsmanager:');
    const secretId = refId(parts[1])!;
    assert.equal(template.toJSON().Resources[secretId].Type, 'AWS::SecretsManager::Secret');
    assert.match(parts[2], /^:SecretString:::}}$/);
    // The execute-api host of this stack's HTTP API.
    const host = origin.DomainName['Fn::Join'][1];
    assert.equal(template.toJSON().Resources[refId(host[0])!].Type, 'AWS::ApiGatewayV2::Api');
    assert.equal(host[1], '.execute-api.');
  });

  it('serves HTTP/2 and HTTP/3 over IPv6, without an alias by default', () => {
    assert.equal(distributionConfig.HttpVersion, 'http2and3');
    assert.equal(distributionConfig.IPV6Enabled, true);
    assert.equal(distributionConfig.Aliases, undefined);
    assert.equal(distributionConfig.WebACLId, undefined);
  });
});

describe('custom domain, TLS and web ACL', () => {
  const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
  const webAclArn = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/badges/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

  it('uses the alias and certificate with TLSv1.2_2021 and SNI', () => {
    const { template: withDomain } = synthStack({ domainName: 'badges.example.org', certificateArn });
    withDomain.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['badges.example.org'],
        ViewerCertificate: {
          AcmCertificateArn: certificateArn,
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        },
      }),
    });
    withDomain.hasOutput('CustomDomainUrl', { Value: 'https://badges.example.org' });
  });

  it('attaches the web ACL when given', () => {
    const { template: withAcl } = synthStack({ webAclArn });
    withAcl.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ WebACLId: webAclArn }),
    });
  });

  it('refuses certificates and web ACLs outside us-east-1, and a domain without a certificate', () => {
    assert.throws(() => synthStack({ domainName: 'badges.example.org',
      certificateArn: certificateArn.replace('us-east-1', 'eu-central-1') }), /us-east-1/);
    assert.throws(() => synthStack({ domainName: 'badges.example.org' }), /go together/);
    assert.throws(() => synthStack({ webAclArn: webAclArn.replace('us-east-1', 'eu-west-1') }), /CLOUDFRONT scope/);
  });
});
