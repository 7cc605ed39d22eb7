#!/usr/bin/env node
// The CDK app: one BadgeSmith stack, configured from context and environment (lib/config.ts).
// Environment-agnostic unless -c account=... -c region=... are given, so synth never looks
// anything up in an AWS account.
import * as cdk from 'aws-cdk-lib';
import { BadgeSmithStack } from '../lib/badgesmith-stack';
import { readConfig } from '../lib/config';

const app = new cdk.App();
const account = app.node.tryGetContext('account');
const region = app.node.tryGetContext('region');
const stackName = app.node.tryGetContext('stackName') ?? 'BadgeSmith';

new BadgeSmithStack(app, stackName, {
  env: account || region ? { account, region } : undefined,
  description: 'BadgeSmith badge service: Lambda, HTTP API, CloudFront, DynamoDB',
  config: readConfig(app.node),
  tags: { application: 'badgesmith' },
});
