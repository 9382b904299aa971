/** Cases of the logging, retention, TLS-authority, key, WAF-rule and bucket-ownership policies. */
import type { PlanResource } from "../../plan/types";
import type { PolicyCase } from "./cases";
import { res, via } from "./fake";

const KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const RDS = "aws:rds/instance:Instance";
/** The baseline instance: what the database component creates, with the settings these policies read. */
const instance = (over: Record<string, unknown> = {}) =>
    res(RDS, "postgres", {
        engine: "postgres",
        storageEncrypted: true,
        kmsKeyId: KEY,
        enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
        iamDatabaseAuthenticationEnabled: true,
        copyTagsToSnapshot: true,
        caCertIdentifier: "rds-ca-rsa2048-g1",
        ...over,
    });
const key = (over: Record<string, unknown> = {}) =>
    res("aws:kms/key:Key", "data", { enableKeyRotation: true, policy: '{"Version":"2012-10-17","Statement":[]}', ...over });
const logGroup = (over: Record<string, unknown> = {}) =>
    res("aws:cloudwatch/logGroup:LogGroup", "lg", { kmsKeyId: KEY, retentionInDays: 90, ...over });
const eks = (types: string[]) => res("aws:eks/cluster:Cluster", "eks", { enabledClusterLogTypes: types });
const managed = (name: string) => ({ name, priority: 1, statement: { managedRuleGroupStatement: { vendorName: "AWS", name } } });
const acl = (rules: unknown[]) => res("aws:wafv2/webAcl:WebAcl", "waf", { scope: "REGIONAL", rules });
const logging = (target: PlanResource) =>
    res(
        "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
        "waf",
        { resourceArn: "arn", logDestinationConfigs: ["arn"] },
        via("resourceArn", target),
    );
const bucket = res("aws:s3/bucket:Bucket", "data", {});
const ownership = (objectOwnership: string) =>
    res(
        "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
        "data",
        { bucket: "data-1", rule: { objectOwnership } },
        via("bucket", bucket),
    );
const lifecycle = (rules: unknown[]) =>
    res("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "data", { bucket: "data-1", rules }, via("bucket", bucket));
const ALL_LOGS = ["api", "audit", "authenticator", "controllerManager", "scheduler"];
const PROD = "prod"; // data-protection policies are mandatory there

export const OPERATIONS_CASES: Record<string, PolicyCase> = {
    "aws-rds-instance-require-current-ca-certificate": {
        compliant: [instance()],
        violating: [instance({ caCertIdentifier: "rds-ca-2019" })],
        urn: instance().urn,
        message: /rds-ca-2019 is not a current CA/,
    },
    "aws-kms-key-require-key-policy": {
        compliant: [key()],
        violating: [key({ policy: undefined })],
        urn: key().urn,
        message: /default key policy/,
    },
    "aws-kms-key-disallow-disabled": {
        compliant: [key()],
        violating: [key({ isEnabled: false })],
        urn: key().urn,
        message: /isEnabled is false/,
    },
    "aws-rds-instance-require-copy-tags-to-snapshot": {
        compliant: [instance()],
        violating: [instance({ copyTagsToSnapshot: false })],
        urn: instance().urn,
        message: /copyTagsToSnapshot/,
    },
    "aws-rds-instance-require-iam-authentication": {
        compliant: [instance()],
        violating: [instance({ iamDatabaseAuthenticationEnabled: undefined })],
        urn: instance().urn,
        message: /iamDatabaseAuthenticationEnabled/,
    },
    "aws-ec2-defaultsecuritygroup-restrict-all-traffic": {
        compliant: [res("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "default-sg", { ingress: [], egress: [] })],
        violating: [
            res("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "default-sg", {
                ingress: [],
                egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
            }),
        ],
        urn: res("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "default-sg", {}).urn,
        message: /1 rule\(s\)/,
    },
    "aws-wafv2-webacl-require-known-bad-inputs-rules": {
        compliant: [acl([managed("AWSManagedRulesCommonRuleSet"), managed("AWSManagedRulesKnownBadInputsRuleSet")])],
        violating: [acl([managed("AWSManagedRulesCommonRuleSet")])],
        urn: acl([]).urn,
        message: /AWS\/AWSManagedRulesKnownBadInputsRuleSet/,
    },
    "aws-s3-bucket-require-acls-disabled": {
        compliant: [bucket, ownership("BucketOwnerEnforced")],
        violating: [bucket, ownership("ObjectWriter")],
        urn: bucket.urn,
        message: /does not disable ACLs/,
    },
    "aws-eks-cluster-require-control-plane-logging": {
        compliant: [eks(ALL_LOGS)],
        violating: [eks(ALL_LOGS.filter((t) => t !== "audit"))],
        urn: eks([]).urn,
        message: /lacks audit/,
        environment: PROD,
    },
    "aws-cloudwatch-loggroup-require-retention": {
        compliant: [logGroup()],
        violating: [logGroup({ retentionInDays: undefined })],
        urn: logGroup().urn,
        message: /retentionInDays is unset/,
        environment: PROD,
    },
    "aws-rds-instance-require-log-exports": {
        compliant: [instance()],
        violating: [instance({ enabledCloudwatchLogsExports: ["upgrade"] })],
        urn: instance().urn,
        message: /must include "postgresql"/,
        environment: PROD,
    },
    "aws-wafv2-webacl-require-logging": {
        compliant: [acl([]), logging(acl([]))],
        violating: [acl([])],
        urn: acl([]).urn,
        message: /no logging configuration/,
        environment: PROD,
    },
    "aws-s3-bucket-require-lifecycle-configuration": {
        compliant: [bucket, lifecycle([{ id: "expire-old-versions", status: "Enabled" }])],
        violating: [bucket, lifecycle([])],
        urn: bucket.urn,
        message: /no lifecycle configuration/,
        environment: PROD,
    },
};
