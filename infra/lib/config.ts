// The deployment's settings, read from CDK context (`cdk deploy -c key=value` or cdk.json) with an
// environment-variable fallback, and checked before any construct is built. Nothing here is
// account-specific: the stack is environment-agnostic unless the operator sets an env.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Node } from 'constructs';

export type Architecture = 'arm64' | 'x86_64';

export interface BadgeSmithConfig {
  readonly architecture: Architecture;
  // Absolute path of the zip holding `bootstrap`.
  readonly zipPath: string;
  // True when zipPath is the committed placeholder (no `make lambda-zip` output found): the
  // template then carries a rule that makes CloudFormation refuse to deploy it.
  readonly isPlaceholderZip: boolean;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  readonly reservedConcurrency?: number;
  readonly logRetentionDays: number;
  readonly throttleBurst: number;
  readonly throttleRate: number;
  // The .NET stack's table names instead of CloudFormation-generated ones.
  readonly fixedTableNames: boolean;
  readonly domainName?: string;
  readonly certificateArn?: string;
  readonly webAclArn?: string;
  readonly priceClass: '100' | '200' | 'All';
}

// Where `make lambda-zip` leaves its output and where the placeholder lives.
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const PLACEHOLDER_ZIP = path.resolve(__dirname, '..', 'test', 'fixtures', 'placeholder-lambda.zip');

// CloudWatch Logs accepts only these retention periods (days).
const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827,
  2192, 2557, 2922, 3288, 3653];

// Context key → environment variable consulted when the key is absent.
const ENV_FALLBACK: Record<string, string> = {
  architecture: 'BADGESMITH_ARCH',
  zip: 'BADGESMITH_LAMBDA_ZIP',
  memoryMb: 'BADGESMITH_MEMORY_MB',
  timeoutSeconds: 'BADGESMITH_TIMEOUT_SECONDS',
  reservedConcurrency: 'BADGESMITH_RESERVED_CONCURRENCY',
  logRetentionDays: 'BADGESMITH_LOG_RETENTION_DAYS',
  throttleBurst: 'BADGESMITH_THROTTLE_BURST',
  throttleRate: 'BADGESMITH_THROTTLE_RATE',
  fixedTableNames: 'BADGESMITH_FIXED_TABLE_NAMES',
  domainName: 'BADGESMITH_DOMAIN_NAME',
  certificateArn: 'BADGESMITH_CERTIFICATE_ARN',
  webAclArn: 'BADGESMITH_WEB_ACL_ARN',
  priceClass: 'BADGESMITH_PRICE_CLASS',
};

function raw(node: Node, key: string): string | undefined {
  const fromContext = node.tryGetContext(key);
  if (fromContext !== undefined && fromContext !== null && fromContext !== '') return String(fromContext);
  const variable = ENV_FALLBACK[key];
  const fromEnv = variable ? process.env[variable] : undefined;
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}

function integer(node: Node, key: string, fallback: number | undefined, min: number, max: number): number | undefined {
  const text = raw(node, key);
  if (text === undefined) return fallback;
  if (!/^[0-9]+$/.test(text)) throw new Error(`${key} must be a whole number, got "${text}"`);
  const value = Number(text);
  if (value < min || value > max) throw new Error(`${key} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolean(node: Node, key: string): boolean {
  const text = raw(node, key);
  if (text === undefined) return false;
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  throw new Error(`${key} must be true or false, got "${text}"`);
}

// Resolves the zip: an explicit path must exist; otherwise dist/badgesmith-lambda-<arch>.zip, and
// the placeholder when that is absent (a fresh clone, the tests).
function resolveZip(node: Node, architecture: Architecture): { zipPath: string; isPlaceholderZip: boolean } {
  const explicit = raw(node, 'zip');
  if (explicit !== undefined) {
    const zipPath = path.resolve(process.cwd(), explicit);
    if (!fs.existsSync(zipPath)) throw new Error(`zip ${zipPath} does not exist (run make lambda-zip)`);
    return { zipPath, isPlaceholderZip: zipPath === PLACEHOLDER_ZIP };
  }
  const built = path.join(REPO_ROOT, 'dist', `badgesmith-lambda-${architecture}.zip`);
  if (fs.existsSync(built)) return { zipPath: built, isPlaceholderZip: false };
  return { zipPath: PLACEHOLDER_ZIP, isPlaceholderZip: true };
}

export function readConfig(node: Node): BadgeSmithConfig {
  const architecture = (raw(node, 'architecture') ?? 'arm64') as Architecture;
  if (architecture !== 'arm64' && architecture !== 'x86_64') {
    throw new Error(`architecture must be arm64 or x86_64, got "${architecture}"`);
  }
  const logRetentionDays = integer(node, 'logRetentionDays', 30, 1, 3653)!;
  if (!LOG_RETENTION_DAYS.includes(logRetentionDays)) {
    throw new Error(`logRetentionDays must be one of ${LOG_RETENTION_DAYS.join(', ')}, got ${logRetentionDays}`);
  }
  const domainName = raw(node, 'domainName');
  const certificateArn = raw(node, 'certificateArn');
  if ((domainName === undefined) !== (certificateArn === undefined)) {
    throw new Error('domainName and certificateArn go together: CloudFront needs a certificate for the alias');
  }
  // CloudFront only uses ACM certificates and WAF web ACLs from us-east-1 (global scope).
  if (certificateArn !== undefined && !/^arn:aws[a-z-]*:acm:us-east-1:[0-9]{12}:certificate\/.+$/.test(certificateArn)) {
    throw new Error(`certificateArn must be an ACM certificate in us-east-1, got "${certificateArn}"`);
  }
  const webAclArn = raw(node, 'webAclArn');
  if (webAclArn !== undefined && !/^arn:aws[a-z-]*:wafv2:us-east-1:[0-9]{12}:global\/webacl\/.+$/.test(webAclArn)) {
    throw new Error(`webAclArn must be a WAFv2 web ACL of CLOUDFRONT scope (us-east-1, global/webacl/...), got "${webAclArn}"`);
  }
  const priceClass = raw(node, 'priceClass') ?? '100';
  if (priceClass !== '100' && priceClass !== '200' && priceClass !== 'All') {
    throw new Error(`priceClass must be 100, 200 or All, got "${priceClass}"`);
  }
  return {
    architecture,
    ...resolveZip(node, architecture),
    memoryMb: integer(node, 'memoryMb', 512, 128, 10240)!,
    // API Gateway HTTP APIs give up on an integration after 30 s.
    timeoutSeconds: integer(node, 'timeoutSeconds', 20, 1, 29)!,
    reservedConcurrency: integer(node, 'reservedConcurrency', undefined, 1, 100000),
    logRetentionDays,
    throttleBurst: integer(node, 'throttleBurst', 200, 1, 100000)!,
    throttleRate: integer(node, 'throttleRate', 100, 1, 100000)!,
    fixedTableNames: boolean(node, 'fixedTableNames'),
    domainName,
    certificateArn,
    webAclArn,
    priceClass,
  };
}
