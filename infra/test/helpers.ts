// Builds the stack in-process with cdk.json's context plus a test's own, the way `cdk synth`
// does, and hands back the template. Offline: environment-agnostic, no lookups.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as cdk from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { BadgeSmithStack } from '../lib/badgesmith-stack';
import { PLACEHOLDER_ZIP, readConfig } from '../lib/config';

export const INFRA_DIR = path.resolve(__dirname, '..');

const CDK_JSON_CONTEXT: Record<string, unknown> =
  JSON.parse(fs.readFileSync(path.join(INFRA_DIR, 'cdk.json'), 'utf8')).context;

// Environment variables lib/config.ts reads: cleared so a developer's shell cannot change a test.
for (const name of Object.keys(process.env)) {
  if (name.startsWith('BADGESMITH_')) delete process.env[name];
}

// The placeholder zip unless a test names another, so a dist/ zip left by `make lambda-zip`
// cannot change what the tests see.
export function synthStack(context: Record<string, unknown> = {}): { stack: BadgeSmithStack; template: Template } {
  const app = new cdk.App({ context: { ...CDK_JSON_CONTEXT, zip: PLACEHOLDER_ZIP, ...context } });
  const stack = new BadgeSmithStack(app, 'BadgeSmith', { config: readConfig(app.node) });
  return { stack, template: Template.fromStack(stack) };
}

// The resources of one type, by logical id.
export function resourcesOf(template: Template, type: string): Record<string, { Properties: any; [key: string]: any }> {
  return template.findResources(type) as Record<string, { Properties: any; [key: string]: any }>;
}

export function only<T>(record: Record<string, T>): T {
  const values = Object.values(record);
  if (values.length !== 1) throw new Error(`expected exactly one, found ${values.length}`);
  return values[0];
}

// Logical id of the resource a {Ref: id} or {Fn::GetAtt: [id, ...]} points at.
export function refId(value: any): string | undefined {
  if (value && typeof value === 'object') {
    if (typeof value.Ref === 'string') return value.Ref;
    if (Array.isArray(value['Fn::GetAtt'])) return value['Fn::GetAtt'][0];
  }
  return undefined;
}
