// The Strata program: read and validate this stack's config, build the platform, export what operators need.
import * as pulumi from "@pulumi/pulumi";
import { loadStackConfig, Platform, servicesAwaitingImage as servicesAwaitingFirstImage } from "./components";

const config = loadStackConfig();
const platform = new Platform(config.naming.name("platform"), { config });

export const environment = config.environment;
export const region = config.context.region;
export const vpcId = platform.network.vpcId;
export const publicSubnetIds = platform.network.publicSubnetIds;
export const privateSubnetIds = platform.network.privateSubnetIds;
export const isolatedSubnetIds = platform.network.isolatedSubnetIds;
export const nodeSecurityGroupId = platform.network.nodeSecurityGroupId;
export const vpcCidr = platform.network.cidrBlock;
export const subnetCidrs = platform.network.subnetCidrs;
export const defaultSecurityGroupId = platform.network.defaultSecurityGroupId;
export const flowLogGroupName = platform.network.flowLogGroupName;
export const kmsKeyArns = platform.kms.arns;
// Cluster: the kubeconfig (exec-based, no credentials inside) is still kept secret.
export const clusterName = platform.cluster.clusterName;
export const clusterEndpoint = platform.cluster.endpoint;
export const kubeconfig = pulumi.secret(platform.cluster.kubeconfig);
export const oidcProviderArn = platform.cluster.oidcProviderArn;
export const clusterSecurityGroupId = platform.cluster.clusterSecurityGroupId;
/** The `runs-on` label of workflow jobs on the in-VPC deploy runner (strata:cluster.access.runner), when there is one. */
export const deployRunnerLabel = platform.cluster.deployRunner?.label;
// Data tier: endpoints in the clear, connection URLs (with credentials) as secrets.
export const databaseEndpoint = platform.database?.endpoint;
export const databaseReaderEndpoints = platform.database?.readerEndpoints;
export const databaseProxyEndpoint = platform.database?.proxyEndpoint;
export const databaseSecretArn = platform.database?.secretArn;
export const DATABASE_URL = platform.database ? pulumi.secret(platform.database.databaseUrl) : undefined;
export const cachePrimaryEndpoint = platform.cache?.primaryEndpoint;
export const cacheReaderEndpoint = platform.cache?.readerEndpoint;
export const REDIS_URL = platform.cache ? pulumi.secret(platform.cache.redisUrl) : undefined;
export const documentDbEndpoint = platform.documentDb?.endpoint;
export const documentDbReaderEndpoint = platform.documentDb?.readerEndpoint;
export const MONGODB_URL = platform.documentDb ? pulumi.secret(platform.documentDb.mongodbUrl) : undefined;
/** The RabbitMQ broker (strata:broker): its AMQPS host and its web console (https; admin password secret). */
export const brokerHost = platform.broker?.host;
export const brokerConsoleUrl = platform.broker?.consoleUrl;
export const brokerAdminPassword = platform.broker ? pulumi.secret(platform.broker.adminPassword) : undefined;
export const buckets = platform.objectStore.buckets;
export const accessLogBucket = platform.objectStore.accessLogBucket;
export const queues = platform.queues.outputs();
// Services: namespaces, in-cluster and public URLs, the WAF web ACL the ALBs use.
export const wafWebAclArn = platform.waf?.webAclArn;
export const wafLogGroupName = platform.waf?.logGroupName;
export const serviceNamespaces = platform.services ? Object.keys(platform.services.namespaces) : [];
export const serviceUrls = platform.services
    ? Object.fromEntries(
          Object.entries(platform.services.services).map(([k, s]) => [k, { internal: s.url ?? null, public: s.publicUrl ?? null }]),
      )
    : {};
// Images: the stack's ECR repositories by service, and the services whose workloads wait for their first image.
export const imageRepositories = Object.fromEntries(Object.entries(platform.registry.outputs).map(([k, r]) => [k, r.url]));
export const servicesAwaitingImage = servicesAwaitingFirstImage(config.services);
/** The role GitHub Actions assumes to push to those repositories (strata:registry.github), when there is one. */
export const imagePushRoleArn = platform.registry.pushRole?.arn;
/** The ECR pull-through cache prefixes by upstream (strata:registry.pullThroughCache): `<account>.dkr.ecr.<region>.amazonaws.com/<prefix>`. */
export const pullThroughCachePrefixes = platform.registry.cachePrefixes;
// Operations: the metrics stack (Grafana is reached by port-forward, never exposed), the backup vault.
export const grafanaAdminPassword = platform.monitoring.grafanaAdminPassword;
export const grafanaPortForward = platform.monitoring.grafanaPortForward;
export const backupVaultName = platform.backup?.vaultName;
export const alertTopicArn = platform.alarms.topicArn;
