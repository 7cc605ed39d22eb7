// `cdk synth` through the CLI, offline, and cfn-lint over what it wrote (and over the
// custom-domain variant): no errors, and no warning that infra/.cfnlintrc does not list.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { INFRA_DIR, synthStack } from './helpers';

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'badgesmith-cdk-'));
after(() => fs.rmSync(outDir, { recursive: true, force: true }));

// No credentials, no profile, no instance metadata, no telemetry: nothing to reach AWS with.
function offlineEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('AWS_') && !key.startsWith('CDK_') && !key.startsWith('BADGESMITH_')) env[key] = value;
  }
  return {
    ...env,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    CDK_DISABLE_CLI_TELEMETRY: 'true',
  };
}

function cfnLint(template: string): { status: number | null; output: string } {
  const run = spawnSync('cfn-lint', ['--config-file', path.join(INFRA_DIR, '.cfnlintrc'), '--', template],
    { cwd: INFRA_DIR, encoding: 'utf8', env: offlineEnv() });
  assert.equal(run.error, undefined, `cfn-lint could not run: ${run.error}`);
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('cdk synth and cfn-lint', () => {
  it('synthesises through the CLI offline', () => {
    const cdk = path.join(INFRA_DIR, 'node_modules', '.bin', 'cdk');
    const run = spawnSync(cdk, ['synth', '--no-notices', '--no-version-reporting', '--ci', '-q', '-o', outDir,
      '-c', 'zip=test/fixtures/placeholder-lambda.zip'],
      { cwd: INFRA_DIR, encoding: 'utf8', env: offlineEnv(), timeout: 120_000 });
    assert.equal(run.status, 0, `cdk synth failed:\n${run.stdout}${run.stderr}`);
    const template = JSON.parse(fs.readFileSync(path.join(outDir, 'BadgeSmith.template.json'), 'utf8'));
    assert.ok(template.Resources);
  });

  it('lints the synthesised template clean', () => {
    const { status, output } = cfnLint(path.join(outDir, 'BadgeSmith.template.json'));
    assert.equal(status, 0, `cfn-lint:\n${output}`);
  });

  it('lints the custom-domain, web-ACL, fixed-name variant clean', () => {
    const { template } = synthStack({
      domainName: 'badges.example.org',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555',
      webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/badges/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      fixedTableNames: 'true',
      reservedConcurrency: 10,
    });
    const file = path.join(outDir, 'variant.template.json');
    fs.writeFileSync(file, JSON.stringify(template.toJSON(), null, 1));
    const { status, output } = cfnLint(file);
    assert.equal(status, 0, `cfn-lint:\n${output}`);
  });
});
