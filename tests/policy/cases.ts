/** A compliant and a violating plan for every policy. `urn` is the resource the violation must name. */
import type { PlanResource } from "../../plan/types";
import { AWS_CASES } from "./casesAws";
import { awsProvider, res, TAGS, via } from "./fake";
import { DOCDB_CASES } from "./casesDocdb";
import { OPERATIONS_CASES } from "./casesOperations";
import { KUBERNETES_CASES } from "./casesKubernetes";

export interface PolicyCase {
    compliant: PlanResource[];
    violating: PlanResource[];
    /** The resource the violation names (null: the stack). */
    urn: string | null;
    /** A fragment of the message. */
    message: RegExp;
    /** Environment whose config the case runs with (dev by default). */
    environment?: string;
    /** Settings of the policy over the environment's config (as the generated stack config sets them). */
    settings?: Record<string, unknown>;
    /** Settings for the violating case, when it differs from the compliant one in settings rather than resources. */
    violatingSettings?: Record<string, unknown>;
}

const KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
/** The baseline delivery stream. */
const STREAM = {
    name: "s",
    destination: "extended_s3",
    serverSideEncryption: { enabled: true, keyType: "CUSTOMER_MANAGED_CMK", keyArn: KEY } as Record<string, unknown>,
};
/** The baseline repository every ECR case changes one property of (what the Registry component creates). */
const REPOSITORY = {
    name: "strata-dev/api",
    imageTagMutability: "IMMUTABLE",
    imageScanningConfiguration: { scanOnPush: true },
    encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: KEY }],
    forceDelete: false,
};
/** The baseline creation template every template case changes one property of (what the Registry creates per cache). */
const TEMPLATE = {
    prefix: "strata-dev-dockerhub",
    appliedFors: ["PULL_THROUGH_CACHE"],
    imageTagMutability: "IMMUTABLE",
    encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: KEY }],
    customRoleArn: "arn:aws:iam::123456789012:role/strata-dev-registry-ptc-template",
};
/** The baseline trail every CloudTrail case changes one property of. */
const TRAIL = {
    name: "t",
    s3BucketName: "audit",
    kmsKeyId: KEY as string | undefined,
    enableLogFileValidation: true,
    isMultiRegionTrail: true,
    includeGlobalServiceEvents: true,
};
/** The baseline deploy-runner project every CodeBuild case changes one property of. */
const PROJECT = {
    name: "p",
    environment: {
        type: "LINUX_CONTAINER",
        image: "aws/codebuild/amazonlinux-x86_64-standard:5.0",
        computeType: "BUILD_GENERAL1_MEDIUM",
        privilegedMode: false,
    } as Record<string, unknown>,
    logsConfig: { cloudwatchLogs: { status: "ENABLED", groupName: "/aws/codebuild/p" } } as Record<string, unknown>,
};
const T = {
    project: "aws:codebuild/project:Project",
    repository: "aws:ecr/repository:Repository",
    template: "aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate",
    firehose: "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
    trail: "aws:cloudtrail/trail:Trail",
    bucket: "aws:s3/bucket:Bucket",
    bucketV2: "aws:s3/bucketV2:BucketV2",
    sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    sseV2: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    logging: "aws:s3/bucketLogging:BucketLogging",
    rds: "aws:rds/instance:Instance",
    rg: "aws:elasticache/replicationGroup:ReplicationGroup",
    eks: "aws:eks/cluster:Cluster",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    sgRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    lb: "aws:lb/loadBalancer:LoadBalancer",
    lt: "aws:ec2/launchTemplate:LaunchTemplate",
    deploy: "kubernetes:apps/v1:Deployment",
    pod: "kubernetes:core/v1:Pod",
};

const sseRules = (sseAlgorithm: string, kmsMasterKeyId?: string) => [
    { applyServerSideEncryptionByDefault: { sseAlgorithm, kmsMasterKeyId } },
];

// S3 ------------------------------------------------------------------------------------------------------
const data = res(T.bucket, "data", { tags: { DataClassification: "restricted" } });
const logs = res(T.bucket, "logs", { tags: { Purpose: "access-logs" } });
const dataV2 = res(T.bucketV2, "legacy", {});
const s3Compliant = [
    data,
    res(T.sse, "data", { bucket: "data-123", rules: sseRules("aws:kms", KEY) }, via("bucket", data)),
    logs,
    res(T.sse, "logs", { bucket: "logs-123", rules: sseRules("AES256") }, via("bucket", logs)),
    res(
        T.logging,
        "data",
        { bucket: "data-123", targetBucket: "logs-123" },
        { propertyDependencies: { bucket: [data.urn], targetBucket: [logs.urn] } },
    ),
    dataV2,
    res(T.sseV2, "legacy", { bucket: "legacy-1", rules: sseRules("aws:kms:dsse", KEY) }, via("bucket", dataV2)),
];
// The log bucket recognised by being a logging target alone (no tag), using KMS: a violation.
const untaggedLogs = res(T.bucket, "logs2", {});
const s3Violating = [data, res(T.sse, "data", { bucket: "data-123", rules: sseRules("AES256") }, via("bucket", data))];

const pabFor = (b: PlanResource, flags: Partial<Record<string, boolean>> = {}) =>
    res(
        T.pab,
        b.name,
        {
            bucket: `${b.name}-1`,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
            ...flags,
        },
        via("bucket", b),
    );

// RDS / ElastiCache ---------------------------------------------------------------------------------------------
const db = (over: Record<string, unknown> = {}) =>
    res(T.rds, "postgres", {
        engine: "postgres",
        instanceClass: "db.t4g.micro",
        storageEncrypted: true,
        kmsKeyId: KEY,
        publiclyAccessible: false,
        performanceInsightsEnabled: true,
        performanceInsightsKmsKeyId: KEY,
        deletionProtection: true,
        backupRetentionPeriod: 30,
        skipFinalSnapshot: false,
        finalSnapshotIdentifier: "postgres-final",
        multiAz: true,
        ...over,
    });
const replica = (over: Record<string, unknown> = {}) =>
    res(T.rds, "postgres-replica", {
        replicateSourceDb: "arn:aws:rds:us-east-1:123456789012:db:postgres",
        kmsKeyId: KEY,
        skipFinalSnapshot: true,
        ...over,
    });
const broker = (over: Record<string, unknown> = {}) =>
    res("aws:mq/broker:Broker", "broker", {
        brokerName: "p-broker",
        engineType: "RabbitMQ",
        engineVersion: "4.2",
        hostInstanceType: "mq.m7g.large",
        deploymentMode: "CLUSTER_MULTI_AZ",
        publiclyAccessible: false,
        autoMinorVersionUpgrade: true,
        encryptionOptions: { useAwsOwnedKey: true },
        logs: { general: true },
        ...over,
    });
const cache = (over: Record<string, unknown> = {}) =>
    res(T.rg, "cache", {
        atRestEncryptionEnabled: true,
        kmsKeyId: KEY,
        transitEncryptionEnabled: true,
        authToken: "[secret]",
        multiAzEnabled: true,
        automaticFailoverEnabled: true,
        numCacheClusters: 3,
        snapshotRetentionLimit: 7,
        ...over,
    });

// Network ----------------------------------------------------------------------------------------------------
const openIngress = (fromPort: number, toPort = fromPort) => ({ protocol: "tcp", fromPort, toPort, cidrBlocks: ["0.0.0.0/0"] });
const lbSg = res(T.sg, "alb", { ingress: [openIngress(443), openIngress(80)] });
const lb = res(T.lb, "alb", { loadBalancerType: "application", securityGroups: ["sg-1"] }, via("securityGroups", lbSg));
/** The load balancer's HTTP listener: a redirect to HTTPS, the one reason port 80 may be open. */
const redirect80 = res(
    "aws:lb/listener:Listener",
    "http",
    {
        loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/alb/50dc6c495c0c9188",
        port: 80,
        protocol: "HTTP",
        defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
    },
    via("loadBalancerArn", lb),
);
const dbSg = res(T.sg, "db", { ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["10.0.0.0/16"] }] });

// Kubernetes -------------------------------------------------------------------------------------------------
const container = (over: Record<string, unknown> = {}) => ({
    name: "api",
    image: "ghcr.io/acme/api:1.4.2",
    securityContext: {
        runAsNonRoot: true,
        runAsUser: 10001,
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ["ALL"] },
        seccompProfile: { type: "RuntimeDefault" },
    },
    resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
    livenessProbe: { httpGet: { path: "/healthz", port: 8080 } },
    readinessProbe: { httpGet: { path: "/ready", port: 8080 } },
    ...over,
});
const deployment = (over: { container?: Record<string, unknown>; pod?: Record<string, unknown>; replicas?: number; name?: string } = {}) =>
    res(T.deploy, over.name ?? "api", {
        metadata: { name: over.name ?? "api", namespace: "apps" },
        spec: {
            replicas: over.replicas ?? 3,
            selector: { matchLabels: { app: over.name ?? "api" } },
            template: {
                metadata: { labels: { app: over.name ?? "api" } },
                spec: { automountServiceAccountToken: false, containers: [container(over.container)], ...(over.pod ?? {}) },
            },
        },
    });
const netpol = (selector: Record<string, unknown>, namespace = "apps") =>
    res("kubernetes:networking.k8s.io/v1:NetworkPolicy", `np-${namespace}`, {
        metadata: { namespace },
        spec: { podSelector: selector, policyTypes: ["Ingress", "Egress"] },
    });
const pdb = (selector: Record<string, unknown>) =>
    res("kubernetes:policy/v1:PodDisruptionBudget", "api", { metadata: { namespace: "apps" }, spec: { minAvailable: 1, selector } });

const WAF_ACL = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/strata-dev/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111";
/** The baseline public Ingress (what a web service with a host and certificate gets); `extra` adds annotations. */
function ingress(extra: Record<string, string>): PlanResource {
    return res("kubernetes:networking.k8s.io/v1:Ingress", "web-ingress", {
        metadata: {
            name: "web",
            namespace: "apps",
            annotations: {
                "alb.ingress.kubernetes.io/scheme": "internet-facing",
                "alb.ingress.kubernetes.io/certificate-arn": "arn:aws:acm:us-east-1:123456789012:certificate/1234",
                ...extra,
            },
        },
        spec: { ingressClassName: "alb", rules: [{ host: "app.example.com" }] },
    });
}
/** An exception of a stack file (tests pin today at 2026-12-01: tests/setup.ts). */
function exception(expires: string) {
    return { rule: "aws-rds-instance-require-multi-az", target: "strata-prod-postgres", reason: "moving to Aurora this month", expires };
}

export const CASES: Record<string, PolicyCase> = {
    ...AWS_CASES,
    ...OPERATIONS_CASES,
    ...KUBERNETES_CASES,
    // encryption
    "aws-s3-bucket-require-kms-encryption": {
        compliant: s3Compliant,
        violating: s3Violating,
        urn: data.urn,
        message: /AES256.*use aws:kms/,
    },
    "aws-rds-instance-cluster-require-storage-encryption": {
        compliant: [db(), replica()],
        violating: [db({ storageEncrypted: false, kmsKeyId: undefined })],
        urn: db().urn,
        message: /storageEncrypted must be true/,
    },
    "aws-rds-instance-require-performance-insights-encryption": {
        compliant: [db(), db({ performanceInsightsEnabled: false, performanceInsightsKmsKeyId: undefined })],
        violating: [db({ performanceInsightsKmsKeyId: undefined })],
        urn: db().urn,
        message: /performanceInsightsKmsKeyId/,
    },
    "aws-elasticache-replicationgroup-require-at-rest-encryption": {
        compliant: [cache()],
        violating: [cache({ atRestEncryptionEnabled: false })],
        urn: cache().urn,
        message: /atRestEncryptionEnabled/,
    },
    "aws-elasticache-replicationgroup-require-transit-encryption": {
        compliant: [cache()],
        violating: [cache({ transitEncryptionEnabled: false, authToken: undefined })],
        urn: cache().urn,
        message: /transitEncryptionEnabled must be true/,
    },
    "aws-eks-cluster-require-secrets-encryption": {
        compliant: [res(T.eks, "eks", { encryptionConfig: { resources: ["secrets"], provider: { keyArn: KEY } } })],
        violating: [res(T.eks, "eks", {})],
        urn: res(T.eks, "eks", {}).urn,
        message: /secrets/,
    },
    "aws-ebs-volume-instance-require-encryption": {
        compliant: [res("aws:ebs/volume:Volume", "vol", { size: 20, encrypted: true, kmsKeyId: KEY })],
        violating: [res("aws:ebs/volume:Volume", "vol", { size: 20 })],
        urn: res("aws:ebs/volume:Volume", "vol", {}).urn,
        message: /encrypted must be true/,
    },
    "aws-ec2-launchtemplate-require-ebs-encryption": {
        compliant: [
            res(T.lt, "nodes", {
                blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: KEY, volumeSize: 50 } }],
            }),
        ],
        violating: [res(T.lt, "nodes", { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 50 } }] })],
        urn: res(T.lt, "nodes", {}).urn,
        message: /encrypted = "true"/,
    },
    "aws-cloudwatch-loggroup-require-kms-encryption": {
        compliant: [res("aws:cloudwatch/logGroup:LogGroup", "lg", { kmsKeyId: KEY, retentionInDays: 90 })],
        violating: [res("aws:cloudwatch/logGroup:LogGroup", "lg", { retentionInDays: 90 })],
        urn: res("aws:cloudwatch/logGroup:LogGroup", "lg", {}).urn,
        message: /kmsKeyId/,
    },
    "aws-secretsmanager-secret-require-kms-key": {
        compliant: [
            res("aws:secretsmanager/secret:Secret", "s", { kmsKeyId: KEY }),
            res("aws:secretsmanager/secret:Secret", "ptc", { name: "ecr-pullthroughcache/strata-dev-dockerhub" }),
        ],
        violating: [res("aws:secretsmanager/secret:Secret", "s", {})],
        urn: res("aws:secretsmanager/secret:Secret", "s", {}).urn,
        message: /kmsKeyId/,
    },
    "aws-sqs-queue-require-kms-encryption": {
        compliant: [res("aws:sqs/queue:Queue", "q", { kmsMasterKeyId: KEY })],
        violating: [res("aws:sqs/queue:Queue", "q", { sqsManagedSseEnabled: true })],
        urn: res("aws:sqs/queue:Queue", "q", {}).urn,
        message: /kmsMasterKeyId/,
    },
    "aws-ecr-repository-require-kms-encryption": {
        compliant: [res(T.repository, "r", { ...REPOSITORY })],
        violating: [res(T.repository, "r", { ...REPOSITORY, encryptionConfigurations: [{ encryptionType: "AES256" }] })],
        urn: res(T.repository, "r", {}).urn,
        message: /encryptionType KMS/,
    },
    "aws-ecr-repository-require-immutable-tags": {
        compliant: [res(T.repository, "r", { ...REPOSITORY })],
        violating: [res(T.repository, "r", { ...REPOSITORY, imageTagMutability: "MUTABLE" })],
        urn: res(T.repository, "r", {}).urn,
        message: /IMMUTABLE/,
    },
    "aws-ecr-repositorycreationtemplate-require-kms-encryption": {
        compliant: [res(T.template, "t", { ...TEMPLATE })],
        violating: [res(T.template, "t", { ...TEMPLATE, encryptionConfigurations: [{ encryptionType: "AES256" }] })],
        urn: res(T.template, "t", {}).urn,
        message: /encryptionType KMS/,
    },
    "aws-ecr-repositorycreationtemplate-require-immutable-tags": {
        compliant: [res(T.template, "t", { ...TEMPLATE })],
        violating: [res(T.template, "t", { ...TEMPLATE, imageTagMutability: "MUTABLE" })],
        urn: res(T.template, "t", {}).urn,
        message: /IMMUTABLE/,
    },
    "aws-ecr-repository-require-scan-on-push": {
        compliant: [res(T.repository, "r", { ...REPOSITORY })],
        violating: [res(T.repository, "r", { ...REPOSITORY, imageScanningConfiguration: { scanOnPush: false } })],
        urn: res(T.repository, "r", {}).urn,
        message: /scanOnPush/,
    },
    "aws-cloudtrail-trail-require-kms-encryption": {
        compliant: [res(T.trail, "t", { ...TRAIL })],
        violating: [res(T.trail, "t", { ...TRAIL, kmsKeyId: undefined })],
        urn: res(T.trail, "t", {}).urn,
        message: /kmsKeyId/,
    },
    "aws-cloudtrail-trail-require-log-file-validation": {
        compliant: [res(T.trail, "t", { ...TRAIL })],
        violating: [res(T.trail, "t", { ...TRAIL, enableLogFileValidation: false })],
        urn: res(T.trail, "t", {}).urn,
        message: /enableLogFileValidation/,
        environment: "prod",
    },
    "aws-cloudtrail-trail-require-multi-region": {
        compliant: [res(T.trail, "t", { ...TRAIL })],
        violating: [res(T.trail, "t", { ...TRAIL, isMultiRegionTrail: false })],
        urn: res(T.trail, "t", {}).urn,
        message: /isMultiRegionTrail/,
        environment: "prod",
    },
    "aws-codebuild-project-disallow-privileged-mode": {
        compliant: [res(T.project, "p", { ...PROJECT })],
        violating: [res(T.project, "p", { ...PROJECT, environment: { ...PROJECT.environment, privilegedMode: true } })],
        urn: res(T.project, "p", {}).urn,
        message: /privilegedMode/,
    },
    "aws-codebuild-project-require-cloudwatch-logs": {
        compliant: [res(T.project, "p", { ...PROJECT })],
        violating: [res(T.project, "p", { ...PROJECT, logsConfig: { cloudwatchLogs: { status: "DISABLED" } } })],
        urn: res(T.project, "p", {}).urn,
        message: /logsConfig\.cloudwatchLogs/,
        environment: "prod",
    },
    "aws-firehose-deliverystream-require-kms-encryption": {
        compliant: [res(T.firehose, "s", { ...STREAM })],
        violating: [res(T.firehose, "s", { ...STREAM, serverSideEncryption: { enabled: true, keyType: "AWS_OWNED_CMK" } })],
        urn: res(T.firehose, "s", {}).urn,
        message: /CUSTOMER_MANAGED_CMK/,
    },
    "aws-sns-topic-require-kms-encryption": {
        compliant: [res("aws:sns/topic:Topic", "t", { kmsMasterKeyId: KEY })],
        violating: [res("aws:sns/topic:Topic", "t", {})],
        urn: res("aws:sns/topic:Topic", "t", {}).urn,
        message: /kmsMasterKeyId/,
    },
    "aws-backup-vault-require-kms-encryption": {
        compliant: [res("aws:backup/vault:Vault", "v", { name: "v", kmsKeyArn: KEY })],
        violating: [res("aws:backup/vault:Vault", "v", { name: "v" })],
        urn: res("aws:backup/vault:Vault", "v", {}).urn,
        message: /kmsKeyArn/,
    },
    "aws-kms-key-require-rotation": {
        compliant: [
            res("aws:kms/key:Key", "k", { enableKeyRotation: true }),
            res("aws:kms/key:Key", "signing", { customerMasterKeySpec: "ECC_NIST_P256" }),
        ],
        violating: [res("aws:kms/key:Key", "k", {})],
        urn: res("aws:kms/key:Key", "k", {}).urn,
        message: /enableKeyRotation/,
    },
    // tagging
    "aws-resource-require-tags": {
        compliant: [
            res("aws:sqs/queue:Queue", "q", { tags: { DataClassification: "internal" } }),
            // SecurityGroupRule has no tags: not applicable.
            res(T.sgRule, "r", { type: "egress" }),
        ],
        violating: [awsProvider({ Project: "strata", Environment: "dev" }), res("aws:sqs/queue:Queue", "q", { tags: { Owner: "" } })],
        urn: res("aws:sqs/queue:Queue", "q", {}).urn,
        message: /missing required tag\(s\) Owner, CostCenter, ManagedBy/,
    },
    // network exposure
    "aws-ec2-securitygroup-disallow-public-ingress": {
        compliant: [
            lbSg,
            lb,
            redirect80,
            dbSg,
            res(
                T.sgRule,
                "db-from-nodes",
                { type: "ingress", protocol: "tcp", fromPort: 5432, toPort: 5432, sourceSecurityGroupId: "sg-2", securityGroupId: "sg-1" },
                via("securityGroupId", dbSg),
            ),
        ],
        violating: [
            dbSg,
            res(
                T.ingressRule,
                "db-open",
                { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv4: "0.0.0.0/0", securityGroupId: "sg-1" },
                via("securityGroupId", dbSg),
            ),
        ],
        urn: res(T.ingressRule, "db-open", {}).urn,
        message: /port 5432 \(tcp\) from 0\.0\.0\.0\/0/,
    },
    "aws-mq-broker-disallow-public-access": {
        compliant: [broker()],
        violating: [broker({ publiclyAccessible: true })],
        urn: broker().urn,
        message: /publiclyAccessible/,
    },
    "aws-rds-instance-disallow-public-access": {
        compliant: [db()],
        violating: [db({ publiclyAccessible: true })],
        urn: db().urn,
        message: /publiclyAccessible/,
    },
    "aws-datastore-subnetgroup-require-private-subnets": (() => {
        const priv = res("aws:ec2/subnet:Subnet", "private-a", { cidrBlock: "10.0.1.0/24" });
        const pub = res("aws:ec2/subnet:Subnet", "public-a", { cidrBlock: "10.0.0.0/24", mapPublicIpOnLaunch: true });
        const group = (s: PlanResource) => res("aws:rds/subnetGroup:SubnetGroup", "db", { subnetIds: ["subnet-1"] }, via("subnetIds", s));
        return { compliant: [priv, pub, group(priv)], violating: [priv, pub, group(pub)], urn: group(pub).urn, message: /public-a/ };
    })(),
    "aws-eks-cluster-restrict-public-endpoint": {
        compliant: [
            res(T.eks, "eks", {
                vpcConfig: { endpointPrivateAccess: true, endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] },
            }),
        ],
        violating: [res(T.eks, "eks", { vpcConfig: { endpointPrivateAccess: true } })],
        urn: res(T.eks, "eks", {}).urn,
        message: /public API endpoint/,
    },
    "aws-ec2-launchtemplate-require-imdsv2": {
        compliant: [res(T.lt, "nodes", { metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 2 } })],
        violating: [res(T.lt, "nodes", { metadataOptions: { httpTokens: "optional" } })],
        urn: res(T.lt, "nodes", {}).urn,
        message: /IMDSv2/,
    },
    "aws-ec2-launchtemplate-require-imds-hop-limit": {
        compliant: [res(T.lt, "nodes", { metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1 } })],
        violating: [res(T.lt, "nodes", { metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 2 } })],
        urn: res(T.lt, "nodes", {}).urn,
        message: /httpPutResponseHopLimit is 2; at most 1/,
    },
    "kubernetes-ingress-require-waf": {
        compliant: [ingress({ "alb.ingress.kubernetes.io/wafv2-acl-arn": WAF_ACL })],
        violating: [ingress({})],
        urn: ingress({}).urn,
        message: /wafv2-acl-arn/,
    },
    "strata-exception-require-unexpired": {
        compliant: [],
        violating: [],
        urn: null,
        message: /the exception for aws-rds-instance-require-multi-az on "strata-prod-postgres" expired on 2026-11-30/,
        settings: { exceptions: [exception("2026-12-01")] },
        violatingSettings: { exceptions: [exception("2026-12-01"), exception("2026-11-30")] },
    },
    "aws-s3-bucket-require-public-access-block": {
        compliant: [data, pabFor(data)],
        violating: [data, pabFor(data, { restrictPublicBuckets: false })],
        urn: data.urn,
        message: /restrictPublicBuckets off/,
    },
    // data protection (prod config: mandatory)
    "aws-rds-instance-cluster-require-deletion-protection": {
        compliant: [db()],
        violating: [db({ deletionProtection: false })],
        urn: db().urn,
        message: /deletionProtection/,
        environment: "prod",
    },
    "aws-rds-elasticache-require-backup-retention": {
        compliant: [db({ backupRetentionPeriod: 30 }), replica()],
        violating: [db({ backupRetentionPeriod: 7 })],
        urn: db().urn,
        message: /at least 30 days/,
        environment: "prod",
    },
    "aws-rds-instance-cluster-require-final-snapshot": {
        compliant: [db(), replica()],
        violating: [db({ skipFinalSnapshot: true })],
        urn: db().urn,
        message: /skipFinalSnapshot/,
        environment: "prod",
    },
    "aws-rds-instance-require-multi-az": {
        compliant: [db(), replica({ multiAz: false })],
        violating: [db({ multiAz: false })],
        urn: db().urn,
        message: /multiAz/,
        environment: "prod",
    },
    "aws-mq-broker-require-cluster-deployment": {
        compliant: [broker()],
        violating: [broker({ deploymentMode: "SINGLE_INSTANCE" })],
        urn: broker().urn,
        message: /CLUSTER_MULTI_AZ/,
        environment: "prod",
    },
    "aws-elasticache-replicationgroup-require-multi-az": {
        compliant: [cache()],
        violating: [cache({ numCacheClusters: 1, multiAzEnabled: false, automaticFailoverEnabled: false })],
        urn: cache().urn,
        message: /multiAzEnabled/,
        environment: "prod",
    },
    "aws-s3-bucket-require-versioning": {
        compliant: [
            data,
            res(T.versioning, "data", { bucket: "data-1", versioningConfiguration: { status: "Enabled" } }, via("bucket", data)),
        ],
        violating: [
            data,
            res(T.versioning, "data", { bucket: "data-1", versioningConfiguration: { status: "Suspended" } }, via("bucket", data)),
        ],
        urn: data.urn,
        message: /versioning/,
        environment: "prod",
    },
    "pulumi-stateful-resource-require-protect": {
        compliant: [res(T.rds, "postgres", {}, { options: { protect: true, retainOnDelete: true } }), res("aws:sqs/queue:Queue", "q", {})],
        violating: [res(T.rds, "postgres", {})],
        urn: db().urn,
        message: /protect: true/,
        environment: "prod",
    },
    // workload hardening
    "kubernetes-workload-require-restricted-security-context": {
        compliant: [deployment()],
        violating: [deployment({ container: { securityContext: { runAsNonRoot: true, capabilities: { drop: ["ALL"] } } } })],
        urn: deployment().urn,
        message: /allowPrivilegeEscalation is not false/,
    },
    "kubernetes-workload-disallow-host-access": {
        compliant: [deployment()],
        violating: [deployment({ pod: { hostNetwork: true } })],
        urn: deployment().urn,
        message: /hostNetwork/,
    },
    "kubernetes-workload-require-resource-limits": {
        compliant: [deployment()],
        violating: [deployment({ container: { resources: { requests: { cpu: "100m", memory: "128Mi" } } } })],
        urn: deployment().urn,
        message: /limits\.cpu, limits\.memory/,
    },
    "kubernetes-workload-require-probes": {
        compliant: [deployment()],
        violating: [deployment({ container: { livenessProbe: undefined } })],
        urn: deployment().urn,
        message: /livenessProbe/,
    },
    "kubernetes-workload-disallow-latest-image": {
        compliant: [
            deployment(),
            deployment({ name: "digest", container: { image: "ghcr.io/acme/api@sha256:" + "a".repeat(64) } }),
            deployment({ name: "port", container: { image: "registry:5000/acme/api:2.0" } }),
        ],
        violating: [deployment({ container: { image: "registry:5000/acme/api" } })],
        urn: deployment().urn,
        message: /untagged/,
    },
    "kubernetes-workload-require-replicas": {
        compliant: [deployment({ replicas: 2 })],
        violating: [deployment({ replicas: 1 })],
        urn: deployment().urn,
        message: /replicas is 1; at least 2/,
        environment: "prod",
    },
    "kubernetes-workload-require-disruption-budget": {
        compliant: [deployment(), pdb({ matchLabels: { app: "api" } })],
        violating: [deployment(), pdb({ matchLabels: { app: "worker" } })],
        urn: deployment().urn,
        message: /no PodDisruptionBudget/,
        environment: "prod",
    },
    "kubernetes-workload-require-network-policy": {
        compliant: [deployment(), netpol({})],
        violating: [deployment(), netpol({}, "other"), netpol({ matchExpressions: [{ key: "app", operator: "NotIn", values: ["api"] }] })],
        urn: deployment().urn,
        message: /selected by no NetworkPolicy/,
    },
    "kubernetes-namespace-require-restricted-pod-security": {
        compliant: [
            res("kubernetes:core/v1:Namespace", "apps", {
                metadata: { name: "apps", labels: { "pod-security.kubernetes.io/enforce": "restricted" } },
            }),
        ],
        violating: [
            res("kubernetes:core/v1:Namespace", "apps", {
                metadata: { name: "apps", labels: { "pod-security.kubernetes.io/enforce": "baseline" } },
            }),
        ],
        urn: res("kubernetes:core/v1:Namespace", "apps", {}).urn,
        message: /restricted/,
    },
    ...DOCDB_CASES,
};

export { T, KEY, data, logs, untaggedLogs, db, cache, deployment, container, lbSg, lb, redirect80, dbSg, openIngress, TAGS };
