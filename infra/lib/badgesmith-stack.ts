// BadgeSmith on AWS: the Lambda zip behind an API Gateway HTTP API, fronted by CloudFront, with its
// three DynamoDB tables and the origin secret. Defaults fix the .NET stack's gaps (anchor spec
// §6.5 items 17, 23, 24): stage throttling, optional reserved concurrency and web ACL, RETAIN +
// PITR tables, log retention, per-route cache keys, and an origin header that makes the
// execute-api URL useless without CloudFront.
import * as cdk from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import {
  CACHED_BEHAVIOURS,
  INGESTION_HEADERS,
  INGESTION_PATH,
  ORIGIN_VERIFY_HEADER,
} from './cache-behaviours';
import { BadgeSmithConfig } from './config';

// Where the service keeps per-owner GitHub tokens and HMAC keys (src/core/store/aws_secret_store.h).
export const OWNER_SECRET_PREFIX = 'badgesmith/github/';

// The .NET stack's table names, used with -c fixedTableNames=true.
export const DOTNET_TABLE_NAMES = {
  testResults: 'badge-smith-test-result',
  nonces: 'badge-smith-hmac-nonce',
  orgSecrets: 'badge-smith-github-org-secrets',
} as const;

export interface BadgeSmithStackProps extends cdk.StackProps {
  readonly config: BadgeSmithConfig;
}

export class BadgeSmithStack extends cdk.Stack {
  readonly testResultsTable: dynamodb.Table;
  readonly nonceTable: dynamodb.Table;
  readonly orgSecretsTable: dynamodb.Table;
  readonly originSecret: secretsmanager.Secret;
  readonly originSecretName: string;
  readonly function: lambda.Function;
  readonly httpApi: apigwv2.HttpApi;
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: BadgeSmithStackProps) {
    super(scope, id, props);
    const config = props.config;

    this.testResultsTable = this.table('TestResultsTable', config.fixedTableNames ? DOTNET_TABLE_NAMES.testResults : undefined, true);
    this.testResultsTable.addGlobalSecondaryIndex({
      indexName: 'GSI1',
      partitionKey: { name: 'GSI1PK', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'GSI1SK', type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });
    this.nonceTable = this.table('NonceTable', config.fixedTableNames ? DOTNET_TABLE_NAMES.nonces : undefined, true);
    this.orgSecretsTable = this.table('OrgSecretsTable', config.fixedTableNames ? DOTNET_TABLE_NAMES.orgSecrets : undefined, false);

    // Letters and digits only, so the value is a valid header value without escaping.
    this.originSecretName = `${this.stackName}/origin-verify`;
    this.originSecret = new secretsmanager.Secret(this, 'OriginSecret', {
      secretName: this.originSecretName,
      description: 'BadgeSmith: the x-origin-verify value CloudFront adds and the function requires',
      generateSecretString: { passwordLength: 48, excludePunctuation: true, includeSpace: false },
    });

    this.function = this.lambdaFunction(config);
    this.httpApi = this.api(config);
    this.distribution = this.cdn(config);

    if (config.isPlaceholderZip) this.refuseDeployment();

    new cdk.CfnOutput(this, 'DistributionUrl', { value: `https://${this.distribution.distributionDomainName}` });
    new cdk.CfnOutput(this, 'DistributionId', { value: this.distribution.distributionId });
    if (config.domainName) new cdk.CfnOutput(this, 'CustomDomainUrl', { value: `https://${config.domainName}` });
    new cdk.CfnOutput(this, 'ApiUrl', { value: this.httpApi.apiEndpoint, description: 'Refuses requests without the origin header (except /health)' });
    new cdk.CfnOutput(this, 'FunctionName', { value: this.function.functionName });
    new cdk.CfnOutput(this, 'TestResultsTableName', { value: this.testResultsTable.tableName });
    new cdk.CfnOutput(this, 'NonceTableName', { value: this.nonceTable.tableName });
    new cdk.CfnOutput(this, 'OrgSecretsTableName', { value: this.orgSecretsTable.tableName });
    new cdk.CfnOutput(this, 'OriginSecretName', { value: this.originSecretName });
  }

  // String PK/SK, on-demand, point-in-time recovery, kept when the stack goes (the .NET stack
  // destroyed them). Deletion protection guards against a console slip as well.
  private table(id: string, tableName: string | undefined, hasTtl: boolean): dynamodb.Table {
    return new dynamodb.Table(this, id, {
      tableName,
      partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'SK', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: hasTtl ? 'TTL' : undefined,
      deletionProtection: true,
      removalPolicy: cdk.RemovalPolicy.RETAIN,
    });
  }

  private lambdaFunction(config: BadgeSmithConfig): lambda.Function {
    const logGroup = new logs.LogGroup(this, 'FunctionLogs', {
      retention: config.logRetentionDays as logs.RetentionDays,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
    });

    // A role of our own instead of AWSLambdaBasicExecutionRole (logs:* on every log group).
    const role = new iam.Role(this, 'FunctionRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'BadgeSmith function: its log group, its three tables, its secrets',
    });
    logGroup.grantWrite(role);
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'TestResultsReadWrite',
      // TransactWriteItems is authorised per item: its Puts need PutItem.
      actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
      resources: [this.testResultsTable.tableArn],
    }));
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'NonceClaim',
      actions: ['dynamodb:PutItem'],
      resources: [this.nonceTable.tableArn],
    }));
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'OrgSecretsRead',
      actions: ['dynamodb:GetItem', 'dynamodb:Query'],
      resources: [this.orgSecretsTable.tableArn],
    }));
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'SecretsRead',
      actions: ['secretsmanager:GetSecretValue'],
      resources: [
        this.formatArn({
          service: 'secretsmanager',
          resource: 'secret',
          resourceName: `${OWNER_SECRET_PREFIX}*`,
          arnFormat: cdk.ArnFormat.COLON_RESOURCE_NAME,
        }),
        this.originSecret.secretArn,
      ],
    }));

    const fn = new lambda.Function(this, 'Function', {
      description: 'BadgeSmith (C++ custom runtime)',
      runtime: lambda.Runtime.PROVIDED_AL2023,
      architecture: config.architecture === 'arm64' ? lambda.Architecture.ARM_64 : lambda.Architecture.X86_64,
      handler: 'bootstrap',
      code: lambda.Code.fromAsset(config.zipPath),
      memorySize: config.memoryMb,
      timeout: cdk.Duration.seconds(config.timeoutSeconds),
      reservedConcurrentExecutions: config.reservedConcurrency,
      role,
      logGroup,
      environment: {
        BADGESMITH_STORE: 'dynamodb',
        AWS_RESOURCE_TEST_RESULTS_TABLE: this.testResultsTable.tableName,
        AWS_RESOURCE_NONCE_TABLE: this.nonceTable.tableName,
        AWS_RESOURCE_ORG_SECRETS_TABLE: this.orgSecretsTable.tableName,
        // The literal name (secretName of an owned secret is a Fn::Split of its ARN). The
        // function starts only after its policy, which references the secret, so it exists.
        BADGESMITH_ORIGIN_SECRET_NAME: this.originSecretName,
      },
    });
    return fn;
  }

  private api(config: BadgeSmithConfig): apigwv2.HttpApi {
    const api = new apigwv2.HttpApi(this, 'HttpApi', {
      description: 'BadgeSmith: every route to the function (payload 2.0)',
      defaultIntegration: new HttpLambdaIntegration('Function', this.function, {
        payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
      }),
      createDefaultStage: false,
    });
    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: config.logRetentionDays as logs.RetentionDays,
      removalPolicy: cdk.RemovalPolicy.DESTROY,
    });
    new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { burstLimit: config.throttleBurst, rateLimit: config.throttleRate },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: apigw.AccessLogFormat.custom(JSON.stringify({
          requestId: '$context.requestId',
          time: '$context.requestTime',
          ip: '$context.identity.sourceIp',
          method: '$context.httpMethod',
          path: '$context.path',
          status: '$context.status',
          responseLength: '$context.responseLength',
          latencyMs: '$context.responseLatency',
          integrationLatencyMs: '$context.integrationLatency',
          integrationError: '$context.integrationErrorMessage',
        })),
      },
    });
    return api;
  }

  private cdn(config: BadgeSmithConfig): cloudfront.Distribution {
    const origin = new origins.HttpOrigin(`${this.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      // A dynamic reference: CloudFormation resolves it when it configures the distribution, so
      // the value is in the distribution's config but in neither the template nor the function.
      customHeaders: { [ORIGIN_VERIFY_HEADER]: this.originSecret.secretValue.unsafeUnwrap() },
    });

    // Preflights reach the origin with what it needs to answer them; nothing else is forwarded
    // beyond the cache key (so no Host: execute-api answers 403 to a foreign Host, and no cookies).
    const readRequests = new cloudfront.OriginRequestPolicy(this, 'ReadRequestPolicy', {
      comment: 'BadgeSmith badge reads: cache-key query strings plus CORS preflight headers',
      headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList(
        'access-control-request-method', 'access-control-request-headers'),
      queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.none(),
      cookieBehavior: cloudfront.OriginRequestCookieBehavior.none(),
    });
    const cached = (id: string, queryStrings: readonly string[], maxTtlDays: number): cloudfront.BehaviorOptions => ({
      origin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
      cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD,
      compress: true,
      originRequestPolicy: readRequests,
      cachePolicy: this.cachePolicy(id, queryStrings, maxTtlDays),
    });

    const behaviours: Record<string, cloudfront.BehaviorOptions> = {};
    for (const b of CACHED_BEHAVIOURS) behaviours[b.pathPattern] = cached(b.id, b.queryStrings, b.maxTtlDays);
    behaviours[INGESTION_PATH] = {
      origin,
      // A POST answered with a redirect would lose its body: plain HTTP is refused instead.
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD,
      compress: true,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: new cloudfront.OriginRequestPolicy(this, 'IngestionRequestPolicy', {
        comment: 'BadgeSmith ingestion and history: signature headers and every query string',
        headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList(...INGESTION_HEADERS),
        queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.all(),
        cookieBehavior: cloudfront.OriginRequestCookieBehavior.none(),
      }),
    };

    const certificate = config.certificateArn
      ? acm.Certificate.fromCertificateArn(this, 'Certificate', config.certificateArn)
      : undefined;
    const priceClass = {
      '100': cloudfront.PriceClass.PRICE_CLASS_100,
      '200': cloudfront.PriceClass.PRICE_CLASS_200,
      All: cloudfront.PriceClass.PRICE_CLASS_ALL,
    }[config.priceClass];

    return new cloudfront.Distribution(this, 'Distribution', {
      comment: 'BadgeSmith',
      // /health, /favicon.svg and unknown paths (404s, which the origin marks no-store).
      defaultBehavior: cached('Default', [], 1),
      additionalBehaviors: behaviours,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableIpv6: true,
      priceClass,
      domainNames: config.domainName ? [config.domainName] : undefined,
      certificate,
      minimumProtocolVersion: config.domainName ? cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 : undefined,
      webAclId: config.webAclArn,
    });
  }

  // Honours the origin's Cache-Control: MinTTL 0 (a higher minimum would cache even no-store
  // answers), a short default for the rare response without one, and the route's longest
  // s-maxage as the maximum. Only the route's own query strings, no headers, no cookies.
  private cachePolicy(id: string, queryStrings: readonly string[], maxTtlDays: number): cloudfront.CachePolicy {
    return new cloudfront.CachePolicy(this, `${id}CachePolicy`, {
      comment: `BadgeSmith ${id}: origin Cache-Control decides; ${queryStrings.length} query strings in the key`,
      minTtl: cdk.Duration.seconds(0),
      defaultTtl: cdk.Duration.seconds(60),
      maxTtl: cdk.Duration.days(maxTtlDays),
      queryStringBehavior: queryStrings.length > 0
        ? cloudfront.CacheQueryStringBehavior.allowList(...queryStrings)
        : cloudfront.CacheQueryStringBehavior.none(),
      headerBehavior: cloudfront.CacheHeaderBehavior.none(),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
  }

  // A template rule that cannot hold, in the documented shape (a rule over a parameter, like CDK's
  // own CheckBootstrapVersion): CloudFormation refuses to create the change set, so `cdk deploy`
  // stops before touching anything, while synth and the tests still work. The parameter allows
  // one value only, so overriding it fails as well.
  private refuseDeployment(): void {
    const code = new cdk.CfnParameter(this, 'LambdaCode', {
      type: 'String',
      default: 'placeholder',
      allowedValues: ['placeholder'],
      description: 'What the Lambda zip is: only ever the test placeholder in this template',
    });
    new cdk.CfnRule(this, 'RefusePlaceholderCode', {
      assertions: [{
        assert: cdk.Fn.conditionEquals(code.valueAsString, 'badgesmith-zip'),
        assertDescription: 'The Lambda code is the test placeholder (infra/test/fixtures/placeholder-lambda.zip). ' +
          'Run make lambda-zip or pass -c zip=PATH, then deploy again.',
      }],
    });
    cdk.Annotations.of(this).addWarningV2('badgesmith:placeholder-zip',
      'Using the placeholder Lambda zip: this template cannot be deployed (run make lambda-zip).');
  }
}
