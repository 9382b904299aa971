/** Cases of the AWS policies of policy pack v2, spread into CASES (tests/policy/cases.ts). One baseline per type. */
import type { PolicyCase } from "./cases";
import { res } from "./fake";

const ACCOUNT = "123456789012";
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const T = {
    instance: "aws:ec2/instance:Instance",
    volume: "aws:ebs/volume:Volume",
    listener: "aws:lb/listener:Listener",
    replication: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    lt: "aws:ec2/launchTemplate:LaunchTemplate",
    iamPolicy: "aws:iam/policy:Policy",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    role: "aws:iam/role:Role",
    key: "aws:kms/key:Key",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    queuePolicy: "aws:sqs/queuePolicy:QueuePolicy",
    topicPolicy: "aws:sns/topicPolicy:TopicPolicy",
};

/** The baseline instance: private, no public address asked for. */
const INSTANCE = { ami: "ami-0123456789abcdef0", instanceType: "t3.micro", subnetId: "subnet-0a1b2c3d" };
/** The baseline launch template: one interface, no public address (what a node group's template looks like). */
const LAUNCH_TEMPLATE = { networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: "false", securityGroups: ["sg-0a1b"] }] };

/** A least-privilege statement and a full-admin one. */
const READ_OBJECTS = { Sid: "Read", Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::strata-dev-data/*"] };
const ADMIN = { Sid: "Admin", Effect: "Allow", Action: "*", Resource: "*" };
const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });

/** A trust policy for EKS pod identity and the same statement open to anyone. */
const TRUST = { Effect: "Allow", Principal: { Service: "pods.eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"] };
/** The account-root statement every key policy starts with. */
const KEY_ADMIN = { Sid: "Root", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" };
/** The TLS-only bucket statement: a Deny to "*", not a grant. */
const TLS_ONLY = {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: ["arn:aws:s3:::strata-dev-data", "arn:aws:s3:::strata-dev-data/*"],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
};
/** A grant to a service, narrowed to the account's own topic. */
const FROM_TOPIC = {
    Sid: "FromTopic",
    Effect: "Allow",
    Principal: "*",
    Action: "sqs:SendMessage",
    Resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:jobs`,
    Condition: { ArnEquals: { "aws:SourceArn": `arn:aws:sns:us-east-1:${ACCOUNT}:events` } },
};

/** The baseline node launch template's root device (what components/cluster/nodeGroups.ts declares). */
const ROOT_EBS = { deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: KEY, volumeSize: 50, volumeType: "gp3" } };

/** The baseline replication rule (what components/objectStore/replication.ts writes). */
const RULE = {
    id: "replicate-to-us-west-2",
    status: "Enabled",
    filter: { prefix: "" },
    deleteMarkerReplication: { status: "Disabled" },
    sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
    destination: {
        bucket: "arn:aws:s3:::strata-dev-data-replica",
        storageClass: "STANDARD",
        encryptionConfiguration: { replicaKmsKeyId: KEY.replace("us-east-1", "us-west-2") },
    },
};
const REPLICATION = { bucket: "strata-dev-data", role: `arn:aws:iam::${ACCOUNT}:role/strata-dev-replication`, rules: [RULE] };

/** The baseline HTTPS listener. */
const HTTPS_LISTENER = {
    loadBalancerArn: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/alb/50dc6c495c0c9188`,
    port: 443,
    protocol: "HTTPS",
    sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
    certificateArn: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/0f3a2b1c-1111-2222-3333-444455556666`,
    defaultActions: [
        { type: "forward", targetGroupArn: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/api/6d0ecf831eec9f09` },
    ],
};
const HTTP_REDIRECT = {
    ...HTTPS_LISTENER,
    port: 80,
    protocol: "HTTP",
    sslPolicy: undefined,
    certificateArn: undefined,
    defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
};

export const AWS_CASES: Record<string, PolicyCase> = {
    "aws-lb-listener-require-tls12": {
        compliant: [res(T.listener, "https", HTTPS_LISTENER), res(T.listener, "http", HTTP_REDIRECT)],
        violating: [res(T.listener, "https", { ...HTTPS_LISTENER, sslPolicy: "ELBSecurityPolicy-TLS13-1-0-2021-06" })],
        urn: res(T.listener, "https", {}).urn,
        message: /sslPolicy is ELBSecurityPolicy-TLS13-1-0-2021-06; use a TLS 1\.2\+ policy/,
    },
    "aws-s3-bucketreplicationconfig-require-replica-kms-key": {
        compliant: [
            res(T.replication, "data", REPLICATION),
            // A disabled rule replicates nothing.
            res(T.replication, "off", { ...REPLICATION, rules: [{ ...RULE, status: "Disabled", sourceSelectionCriteria: undefined }] }),
        ],
        violating: [
            res(T.replication, "data", {
                ...REPLICATION,
                rules: [{ ...RULE, destination: { ...RULE.destination, encryptionConfiguration: undefined } }],
            }),
        ],
        urn: res(T.replication, "data", {}).urn,
        message: /rule 'replicate-to-us-west-2': destination\.encryptionConfiguration\.replicaKmsKeyId must name/,
    },
    "aws-ebs-require-customer-managed-key": {
        compliant: [
            res(T.lt, "nodes", { blockDeviceMappings: [ROOT_EBS] }),
            res(T.volume, "vol", { size: 20, encrypted: true, kmsKeyId: KEY }),
            res(T.instance, "bastion", { ...INSTANCE, rootBlockDevice: { encrypted: true, kmsKeyId: KEY } }),
        ],
        violating: [res(T.lt, "nodes", { blockDeviceMappings: [{ ...ROOT_EBS, ebs: { ...ROOT_EBS.ebs, kmsKeyId: undefined } }] })],
        urn: res(T.lt, "nodes", {}).urn,
        message: /block device '\/dev\/xvda': ebs\.kmsKeyId must name a customer-managed KMS key/,
    },
    "aws-ec2-instance-launchtemplate-disallow-public-ip": {
        compliant: [res(T.instance, "bastion", INSTANCE), res(T.lt, "nodes", LAUNCH_TEMPLATE), res(T.lt, "bare", {})],
        violating: [
            res(T.instance, "bastion", INSTANCE),
            res(T.lt, "nodes", { networkInterfaces: [{ ...LAUNCH_TEMPLATE.networkInterfaces[0], associatePublicIpAddress: "true" }] }),
        ],
        urn: res(T.lt, "nodes", {}).urn,
        message: /networkInterfaces\[0\]\.associatePublicIpAddress must not be "true"/,
    },
    "aws-iam-policy-disallow-full-admin": {
        compliant: [
            res(T.rolePolicy, "reader", { role: "app", policy: doc(READ_OBJECTS) }),
            // "*" actions on one resource, and every action on "*" but one service, are not full admin.
            res(T.iamPolicy, "narrow", { policy: doc({ ...ADMIN, Resource: "arn:aws:s3:::strata-dev-data" }) }),
            res(T.iamPolicy, "describe", { policy: { Version: "2012-10-17", Statement: [{ ...ADMIN, Action: "ec2:Describe*" }] } }),
            // A deny of everything is no grant.
            res(T.role, "app", {
                assumeRolePolicy: doc(TRUST),
                inlinePolicies: [{ name: "deny", policy: doc({ ...ADMIN, Effect: "Deny" }) }],
            }),
        ],
        violating: [res(T.rolePolicy, "reader", { role: "app", policy: doc(READ_OBJECTS, ADMIN) })],
        urn: res(T.rolePolicy, "reader", {}).urn,
        message: /statement 'Admin' allows Action "\*" on Resource "\*"/,
    },
    "aws-resource-policy-disallow-public-principal": {
        compliant: [
            res(T.role, "app", { assumeRolePolicy: doc(TRUST) }),
            res(T.key, "data", { policy: doc(KEY_ADMIN) }),
            res(T.bucketPolicy, "data", { bucket: "strata-dev-data", policy: doc(TLS_ONLY) }),
            res(T.queuePolicy, "jobs", { queueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/jobs", policy: doc(FROM_TOPIC) }),
        ],
        violating: [res(T.role, "app", { assumeRolePolicy: doc({ ...TRUST, Principal: { AWS: "*" } }) })],
        urn: res(T.role, "app", {}).urn,
        message: /assumeRolePolicy: statement allows Principal "\*" with no Condition/,
    },
};
