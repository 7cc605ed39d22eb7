// The function, its HTTP API, the tables, least-privilege IAM and the placeholder-zip guard.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Match } from 'aws-cdk-lib/assertions';
import { DOTNET_TABLE_NAMES } from '../lib/badgesmith-stack';
import * as cdk from 'aws-cdk-lib';
import { PLACEHOLDER_ZIP, REPO_ROOT, readConfig } from '../lib/config';
import { only, refId, resourcesOf, synthStack } from './helpers';

const { template } = synthStack();
const resources = template.toJSON().Resources as Record<string, any>;
const idOfType = (type: string) => Object.keys(resourcesOf(template, type));

function tableId(hasTtl: boolean, hasGsi: boolean): string {
  const ids = idOfType('AWS::DynamoDB::Table').filter((id) => {
    const p = resources[id].Properties;
    return (p.TimeToLiveSpecification !== undefined) === hasTtl && (p.GlobalSecondaryIndexes !== undefined) === hasGsi;
  });
  assert.equal(ids.length, 1);
  return ids[0];
}
const resultsTable = tableId(true, true);
const nonceTable = tableId(true, false);
const orgTable = tableId(false, false);
const functionProps = only(resourcesOf(template, 'AWS::Lambda::Function')).Properties;

describe('Lambda function', () => {
  it('runs bootstrap on provided.al2023, arm64 by default, 512 MB and 20 s', () => {
    assert.equal(functionProps.Runtime, 'provided.al2023');
    assert.equal(functionProps.Handler, 'bootstrap');
    assert.deepEqual(functionProps.Architectures, ['arm64']);
    assert.equal(functionProps.MemorySize, 512);
    assert.equal(functionProps.Timeout, 20);
    assert.equal(functionProps.ReservedConcurrentExecutions, undefined);
  });

  it('takes architecture, memory, timeout and reserved concurrency from context', () => {
    const { template: custom } = synthStack({ architecture: 'x86_64', memoryMb: 256, timeoutSeconds: 10, reservedConcurrency: 25 });
    custom.hasResourceProperties('AWS::Lambda::Function', {
      Architectures: ['x86_64'], MemorySize: 256, Timeout: 10, ReservedConcurrentExecutions: 25,
    });
    assert.throws(() => synthStack({ timeoutSeconds: 30 }), /between 1 and 29/);
    assert.throws(() => synthStack({ architecture: 'mips' }), /arm64 or x86_64/);
    assert.throws(() => synthStack({ logRetentionDays: 31 }), /logRetentionDays must be one of/);
  });

  it('is configured for DynamoDB with the tables and the origin secret by name', () => {
    const env = functionProps.Environment.Variables;
    assert.deepEqual(Object.keys(env).sort(), ['AWS_RESOURCE_NONCE_TABLE', 'AWS_RESOURCE_ORG_SECRETS_TABLE',
      'AWS_RESOURCE_TEST_RESULTS_TABLE', 'BADGESMITH_ORIGIN_SECRET_NAME', 'BADGESMITH_STORE']);
    assert.equal(env.BADGESMITH_STORE, 'dynamodb');
    assert.deepEqual(env.AWS_RESOURCE_TEST_RESULTS_TABLE, { Ref: resultsTable });
    assert.deepEqual(env.AWS_RESOURCE_NONCE_TABLE, { Ref: nonceTable });
    assert.deepEqual(env.AWS_RESOURCE_ORG_SECRETS_TABLE, { Ref: orgTable });
    const secret = only(resourcesOf(template, 'AWS::SecretsManager::Secret')).Properties;
    assert.equal(env.BADGESMITH_ORIGIN_SECRET_NAME, secret.Name);
    assert.equal(secret.Name, 'BadgeSmith/origin-verify');
    assert.equal(secret.GenerateSecretString.ExcludePunctuation, true);
    assert.equal(secret.SecretString, undefined, 'the value is generated, never in the template');
  });

  it('logs to a group with retention (30 days by default, configurable)', () => {
    const logGroupId = refId(functionProps.LoggingConfig.LogGroup)!;
    assert.equal(resources[logGroupId].Properties.RetentionInDays, 30);
    for (const group of Object.values(resourcesOf(template, 'AWS::Logs::LogGroup'))) {
      assert.equal(group.Properties.RetentionInDays, 30);
    }
    const { template: longer } = synthStack({ logRetentionDays: 90 });
    const groups = Object.values(resourcesOf(longer, 'AWS::Logs::LogGroup'));
    assert.equal(groups.length, 2);
    for (const group of groups) assert.equal(group.Properties.RetentionInDays, 90);
  });
});

describe('HTTP API', () => {
  it('sends every route to the function with payload 2.0', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    const route = only(resourcesOf(template, 'AWS::ApiGatewayV2::Route')).Properties;
    assert.equal(route.RouteKey, '$default');
    const integration = only(resourcesOf(template, 'AWS::ApiGatewayV2::Integration')).Properties;
    assert.equal(integration.IntegrationType, 'AWS_PROXY');
    assert.equal(integration.PayloadFormatVersion, '2.0');
    assert.equal(refId(integration.IntegrationUri), idOfType('AWS::Lambda::Function')[0]);
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction', Principal: 'apigateway.amazonaws.com',
    });
  });

  it('throttles the stage (burst 200, rate 100 by default, configurable) and keeps access logs', () => {
    const stage = only(resourcesOf(template, 'AWS::ApiGatewayV2::Stage')).Properties;
    assert.equal(stage.StageName, '$default');
    assert.deepEqual(stage.DefaultRouteSettings, { ThrottlingBurstLimit: 200, ThrottlingRateLimit: 100 });
    const logGroupId = refId(stage.AccessLogSettings.DestinationArn)!;
    assert.equal(resources[logGroupId].Type, 'AWS::Logs::LogGroup');
    assert.equal(resources[logGroupId].Properties.RetentionInDays, 30);
    assert.ok(JSON.parse(stage.AccessLogSettings.Format).requestId);
    const { template: custom } = synthStack({ throttleBurst: 50, throttleRate: 20 });
    custom.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingBurstLimit: 50, ThrottlingRateLimit: 20 },
    });
  });
});

describe('DynamoDB tables', () => {
  it('are on demand with PK/SK, point-in-time recovery, deletion protection and RETAIN', () => {
    const tables = resourcesOf(template, 'AWS::DynamoDB::Table');
    assert.equal(Object.keys(tables).length, 3);
    for (const [id, table] of Object.entries(tables)) {
      assert.equal(table.DeletionPolicy, 'Retain', id);
      assert.equal(table.UpdateReplacePolicy, 'Retain', id);
      const p = table.Properties;
      assert.equal(p.BillingMode, 'PAY_PER_REQUEST', id);
      assert.deepEqual(p.PointInTimeRecoverySpecification, { PointInTimeRecoveryEnabled: true }, id);
      assert.equal(p.DeletionProtectionEnabled, true, id);
      assert.deepEqual(p.KeySchema, [{ AttributeName: 'PK', KeyType: 'HASH' }, { AttributeName: 'SK', KeyType: 'RANGE' }]);
      assert.equal(p.TableName, undefined, 'names are left to CloudFormation by default');
    }
  });

  it('expire results and nonces by TTL; results carry GSI1 (projection ALL)', () => {
    for (const id of [resultsTable, nonceTable]) {
      assert.deepEqual(resources[id].Properties.TimeToLiveSpecification, { AttributeName: 'TTL', Enabled: true });
    }
    const [gsi] = resources[resultsTable].Properties.GlobalSecondaryIndexes;
    assert.deepEqual(gsi, {
      IndexName: 'GSI1',
      KeySchema: [{ AttributeName: 'GSI1PK', KeyType: 'HASH' }, { AttributeName: 'GSI1SK', KeyType: 'RANGE' }],
      Projection: { ProjectionType: 'ALL' },
    });
  });

  it('take the .NET names with fixedTableNames=true', () => {
    const { template: fixed } = synthStack({ fixedTableNames: 'true' });
    const names = Object.values(resourcesOf(fixed, 'AWS::DynamoDB::Table')).map((t) => t.Properties.TableName).sort();
    assert.deepEqual(names, Object.values(DOTNET_TABLE_NAMES).sort());
  });
});

describe('IAM', () => {
  const role = only(resourcesOf(template, 'AWS::IAM::Role')).Properties;
  const statements = Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
  const actionsOn = (resourceId: string) => statements
    .filter((s) => [s.Resource].flat().some((r: any) => refId(r) === resourceId))
    .flatMap((s) => [s.Action].flat()).sort();

  it('has one role, no managed policies, no wildcard actions or resources', () => {
    assert.equal(role.ManagedPolicyArns, undefined);
    assert.equal(refId(functionProps.Role), idOfType('AWS::IAM::Role')[0]);
    for (const s of statements) {
      assert.equal(s.Effect, 'Allow');
      for (const action of [s.Action].flat()) assert.ok(!action.includes('*'), action);
      for (const resource of [s.Resource].flat()) assert.notEqual(resource, '*');
    }
  });

  it('reads and writes results and nonces, only reads the org table', () => {
    assert.deepEqual(actionsOn(resultsTable), ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
    assert.deepEqual(actionsOn(nonceTable), ['dynamodb:PutItem']);
    assert.deepEqual(actionsOn(orgTable), ['dynamodb:GetItem', 'dynamodb:Query']);
  });

  it('reads secrets only under badgesmith/github/ and the origin secret', () => {
    const secretStatements = statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('secretsmanager:')));
    assert.equal(secretStatements.length, 1);
    const [s] = secretStatements;
    assert.deepEqual([s.Action].flat(), ['secretsmanager:GetSecretValue']);
    const [prefixArn, origin] = s.Resource;
    const parts = prefixArn['Fn::Join'][1];
    assert.equal(parts[parts.length - 1], ':secret:badgesmith/github/*');
    assert.equal(resources[refId(origin)!].Type, 'AWS::SecretsManager::Secret');
    assert.equal(s.Resource.length, 2);
  });

  it('writes only its own log group', () => {
    const logGroupId = refId(functionProps.LoggingConfig.LogGroup)!;
    assert.deepEqual(actionsOn(logGroupId), ['logs:CreateLogStream', 'logs:PutLogEvents']);
    // 2 logs + 3 results + 1 nonce + 2 org + 1 GetSecretValue: nothing beyond the known grants.
    assert.equal(statements.flatMap((s) => [s.Action].flat()).length, 9);
  });
});

describe('Lambda zip', () => {
  it('makes CloudFormation refuse the placeholder zip', () => {
    template.hasResourceProperties('AWS::Lambda::Function', { Code: { S3Bucket: Match.anyValue(), S3Key: Match.anyValue() } });
    const rule = template.toJSON().Rules.RefusePlaceholderCode;
    assert.ok(rule, 'no refusal rule');
    assert.match(rule.Assertions[0].AssertDescription, /placeholder/);
    assert.deepEqual(rule.Assertions[0].Assert, { 'Fn::Equals': [{ Ref: 'LambdaCode' }, 'badgesmith-zip'] });
    assert.deepEqual(template.toJSON().Parameters.LambdaCode.AllowedValues, ['placeholder']);
  });

  it('deploys a real zip given by -c zip=PATH without the rule', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'badgesmith-zip-'));
    try {
      const zip = path.join(dir, 'badgesmith-lambda-arm64.zip');
      fs.copyFileSync(PLACEHOLDER_ZIP, zip);
      const { stack, template: real } = synthStack({ zip });
      assert.equal(real.toJSON().Rules?.RefusePlaceholderCode, undefined);
      assert.equal(real.toJSON().Parameters?.LambdaCode, undefined);
      assert.equal(stack.function.runtime.name, 'provided.al2023');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('defaults to dist/badgesmith-lambda-<arch>.zip, else the placeholder (a fresh clone)', () => {
    for (const architecture of ['arm64', 'x86_64']) {
      const config = readConfig(new cdk.App({ context: { architecture } }).node);
      const built = path.join(REPO_ROOT, 'dist', `badgesmith-lambda-${architecture}.zip`);
      const expected = fs.existsSync(built) ? built : PLACEHOLDER_ZIP;
      assert.equal(config.zipPath, expected);
      assert.equal(config.isPlaceholderZip, expected === PLACEHOLDER_ZIP);
    }
  });

  it('fails when an explicit zip is missing', () => {
    assert.throws(() => synthStack({ zip: '/nonexistent/badgesmith.zip' }), /does not exist/);
  });
});
