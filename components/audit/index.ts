import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs } from "../base";
import { partitionOf } from "../catalogue/regions";
import type { AuditSettings } from "../config/audit";
import { conditionalServiceAssumeRolePolicy, policyDocument, serviceAssumeRolePolicy } from "../iam";
import type { KmsKeyArns } from "../kms";
import { lifecycleRules, objectLockConfiguration } from "../objectStore/bucket";
import { AUDIT_BUCKET_KEY } from "../objectStore/names";
import { secureBucket } from "../objectStore/resources";
import { dataStoreTags } from "../tags";
import { CONFIG_ROLE_MANAGED_POLICY, GUARDDUTY_RUNTIME_FEATURE, recordingGroup, securityHubArn, securityHubStandardArn } from "./detection";
import type { ArchiveSource } from "./archive";
import { archivePrefixes, archiveStreamName, firehoseDeliveryStatements, logsToFirehoseStatements, logsTrustPolicy } from "./archive";
import { guardDutyFindingPattern, securityHubFindingPattern } from "./findings";
import { auditBucketStatements, configLogPrefix, trailArn, trailEventSelectors, trailName } from "./trail";

export * from "./archive";
export * from "./detection";
export * from "./findings";
export * from "./trail";

/** The audit bucket's tag: what it holds, beside its classification. */
export const AUDIT_PURPOSE_TAG = { Purpose: "audit" } as const;

export interface AuditArgs extends BaseArgs, AuditSettings {
    region: string;
    /** The data buckets whose object-level events the trail records (with `trail.dataEvents`). */
    dataBucketArns: pulumi.Input<string>[];
    /** The audit key: the bucket's encryption, the trail's log files, AWS Config's deliveries. */
    kmsKeyArns: Pick<KmsKeyArns, "audit">;
    /** The alert topic high and critical GuardDuty and Security Hub findings go to; none: findings stay in the consoles. */
    alertTopicArn?: pulumi.Input<string>;
    /**
     * Log groups whose records are archived into the audit bucket (with `logArchive.enabled`), by source, with what
     * creates them (the subscription filter waits for it).
     * @default {} (nothing archived)
     */
    archiveLogGroups?: Partial<Record<ArchiveSource, { name: pulumi.Input<string>; createdBy?: pulumi.Resource }>>;
}

/**
 * The account's audit trail and threat detection, as `strata:audit` says:
 * - an audit bucket (private, versioned, SSE-KMS with the audit key, TLS-only, object-locked in prod) that CloudTrail
 *   and AWS Config write into under grants scoped to this trail and this account;
 * - a CloudTrail trail: all regions, global service events, log file validation (signed digest files), the audit key,
 *   management events and S3 data events of the data buckets;
 * - GuardDuty with its protection plans, Security Hub with its standards, and the AWS Config recorder and delivery
 *   channel Security Hub's controls need: each owned, adopted or off, since an account and region has one of each;
 * - EventBridge rules that send high and critical findings to the alert topic.
 */
export class Audit extends pulumi.ComponentResource {
    public readonly bucket?: aws.s3.Bucket;
    public readonly trail?: aws.cloudtrail.Trail;
    /** The GuardDuty detector's id (created or adopted). */
    public readonly detectorId?: pulumi.Output<string>;
    /** The Security Hub hub's ARN (subscribed here or adopted). */
    public readonly securityHubArn?: pulumi.Output<string>;
    public readonly recorder?: aws.cfg.Recorder;
    /** The log archive's delivery streams, by source. */
    public readonly archiveStreams: Partial<Record<ArchiveSource, aws.kinesis.FirehoseDeliveryStream>> = {};

    constructor(name: string, args: AuditArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:audit:Audit", name, {}, opts);
        const n = args.naming;
        const region = args.region;
        const partition = partitionOf(region);
        const accountId = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
        const auditKeyArn = args.kmsKeyArns.audit;
        const ownTrail = args.trail.enabled;
        const ownConfig = args.config.mode === "own";
        const archived = args.logArchive.enabled
            ? (Object.entries(args.archiveLogGroups ?? {}) as Array<
                  [ArchiveSource, { name: pulumi.Input<string>; createdBy?: pulumi.Resource }]
              >)
            : [];
        const name_ = trailName(n.prefix);

        // -- the audit bucket: what CloudTrail and AWS Config deliver --
        let bucket: ReturnType<typeof secureBucket> | undefined;
        if (ownTrail || ownConfig || archived.length > 0) {
            bucket = secureBucket(this, n.autoNamed("s3Bucket", AUDIT_BUCKET_KEY), {
                tags: dataStoreTags("confidential", { ...AUDIT_PURPOSE_TAG }),
                kmsKeyArn: auditKeyArn,
                objectLock: args.bucket.objectLock ? objectLockConfiguration(args.bucket.objectLock) : undefined,
                lifecycle: lifecycleRules(args.bucket.lifecycle),
                policyStatements: (arn) =>
                    pulumi.all([arn, accountId]).apply(([bucketArn, id]) =>
                        auditBucketStatements({
                            bucketArn,
                            accountId: id,
                            trailArn: ownTrail ? trailArn(region, id, name_) : undefined,
                            configDelivery: ownConfig,
                        }),
                    ),
                protection: args.protection,
            });
            this.bucket = bucket.bucket;
        }

        // -- the trail --
        if (bucket && ownTrail) {
            this.trail = new aws.cloudtrail.Trail(
                n.name("trail"),
                {
                    name: name_,
                    s3BucketName: bucket.bucket.id,
                    isMultiRegionTrail: true,
                    includeGlobalServiceEvents: true,
                    enableLogFileValidation: true,
                    enableLogging: true,
                    kmsKeyId: auditKeyArn,
                    advancedEventSelectors: pulumi
                        .output(args.trail.dataEvents ? args.dataBucketArns : [])
                        .apply((arns) => trailEventSelectors(arns)),
                },
                // CreateTrail checks the bucket policy (InsufficientS3BucketPolicyException) and, with the object
                // lock, the bucket's final settings: the trail waits for both.
                {
                    parent: this,
                    dependsOn: [bucket.policy, ...(bucket.objectLock ? [bucket.objectLock] : [])],
                    protect: args.protection.protect,
                },
            );
        }

        // -- AWS Config: recorder, delivery channel, recording on --
        if (bucket && ownConfig) {
            const role = new aws.iam.Role(
                n.name("config-role"),
                {
                    assumeRolePolicy: serviceAssumeRolePolicy("config.amazonaws.com"),
                    description: `${n.prefix}: AWS Config records resource configurations into the audit bucket`,
                },
                { parent: this },
            );
            const managed = new aws.iam.RolePolicyAttachment(
                n.name("config-role", "managed"),
                { role: role.name, policyArn: `arn:${partition}:iam::aws:policy/${CONFIG_ROLE_MANAGED_POLICY}` },
                { parent: this },
            );
            const delivery = new aws.iam.RolePolicy(
                n.name("config-role", "delivery"),
                {
                    role: role.name,
                    policy: pulumi.all([bucket.bucket.arn, accountId, auditKeyArn]).apply(([bucketArn, id, keyArn]) =>
                        policyDocument([
                            { Sid: "CheckBucket", Effect: "Allow", Action: ["s3:GetBucketAcl", "s3:ListBucket"], Resource: bucketArn },
                            { Sid: "Deliver", Effect: "Allow", Action: "s3:PutObject", Resource: `${bucketArn}/${configLogPrefix(id)}*` },
                            { Sid: "EncryptDeliveries", Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: keyArn },
                        ]),
                    ),
                },
                { parent: this },
            );
            this.recorder = new aws.cfg.Recorder(
                n.name("config-recorder"),
                { name: `${n.prefix}-recorder`, roleArn: role.arn, recordingGroup: recordingGroup(args.config.recordGlobalResources) },
                { parent: this, dependsOn: [managed] },
            );
            // PutDeliveryChannel needs a recorder, and checks that it can write to the bucket.
            const channel = new aws.cfg.DeliveryChannel(
                n.name("config-delivery"),
                {
                    name: `${n.prefix}-delivery`,
                    s3BucketName: bucket.bucket.id,
                    s3KmsKeyArn: auditKeyArn,
                    snapshotDeliveryProperties: { deliveryFrequency: args.config.snapshotFrequency },
                },
                { parent: this, dependsOn: [this.recorder, bucket.policy, delivery] },
            );
            new aws.cfg.RecorderStatus(
                n.name("config-recording"),
                { name: this.recorder.name, isEnabled: true },
                { parent: this, dependsOn: [channel] },
            );
        }

        // -- the log archive: subscription filter -> Firehose -> the audit bucket, per source --
        if (bucket && archived.length > 0) {
            const firehoseRole = new aws.iam.Role(
                n.name("archive-firehose"),
                {
                    // Firehose assumes it for this account only (sts:ExternalId is the account id Firehose passes).
                    assumeRolePolicy: accountId.apply((id) =>
                        conditionalServiceAssumeRolePolicy("firehose.amazonaws.com", { StringEquals: { "sts:ExternalId": id } }),
                    ),
                    description: `${n.prefix}: Firehose writes the log archive into the audit bucket`,
                },
                { parent: this },
            );
            const firehosePolicy = new aws.iam.RolePolicy(
                n.name("archive-firehose"),
                {
                    role: firehoseRole.name,
                    policy: pulumi
                        .all([bucket.bucket.arn, auditKeyArn])
                        .apply(([bucketArn, kmsKeyArn]) => policyDocument(firehoseDeliveryStatements({ bucketArn, kmsKeyArn, region }))),
                },
                { parent: this },
            );
            for (const [source] of archived) {
                this.archiveStreams[source] = new aws.kinesis.FirehoseDeliveryStream(
                    n.name("archive", source),
                    {
                        name: archiveStreamName(n.prefix, source),
                        destination: "extended_s3",
                        serverSideEncryption: { enabled: true, keyType: "CUSTOMER_MANAGED_CMK", keyArn: auditKeyArn },
                        extendedS3Configuration: {
                            roleArn: firehoseRole.arn,
                            bucketArn: bucket.bucket.arn,
                            ...archivePrefixes(source),
                            bufferingInterval: 300,
                            bufferingSize: 5,
                            // Subscription records arrive gzip-compressed already.
                            compressionFormat: "UNCOMPRESSED",
                            kmsKeyArn: auditKeyArn,
                        },
                    },
                    { parent: this, dependsOn: [firehosePolicy, bucket.policy] },
                );
            }
            const streamArns = Object.values(this.archiveStreams).map((st) => st!.arn);
            const logsRole = new aws.iam.Role(
                n.name("archive-logs"),
                {
                    assumeRolePolicy: accountId.apply((id) => logsTrustPolicy(region, id)),
                    description: `${n.prefix}: CloudWatch Logs sends archived log groups to Firehose`,
                },
                { parent: this },
            );
            const logsPolicy = new aws.iam.RolePolicy(
                n.name("archive-logs"),
                { role: logsRole.name, policy: pulumi.all(streamArns).apply((arns) => policyDocument(logsToFirehoseStatements(arns))) },
                { parent: this },
            );
            for (const [source, group] of archived) {
                new aws.cloudwatch.LogSubscriptionFilter(
                    n.name("archive", source),
                    {
                        name: `${n.prefix}-archive`,
                        logGroup: group.name,
                        filterPattern: "",
                        destinationArn: this.archiveStreams[source]!.arn,
                        roleArn: logsRole.arn,
                    },
                    { parent: this, dependsOn: [logsPolicy, ...(group.createdBy ? [group.createdBy] : [])] },
                );
            }
        }

        // -- GuardDuty --
        const g = args.guardDuty;
        if (g.mode === "own") {
            const detector = new aws.guardduty.Detector(
                n.name("guardduty"),
                { enable: true, findingPublishingFrequency: g.findingPublishingFrequency },
                { parent: this },
            );
            for (const feature of g.features)
                new aws.guardduty.DetectorFeature(
                    n.name("guardduty", feature.toLowerCase().replace(/_/g, "-")),
                    { detectorId: detector.id, name: feature, status: "ENABLED" },
                    { parent: this },
                );
            if (g.runtimeMonitoring)
                new aws.guardduty.DetectorFeature(
                    n.name("guardduty", "runtime-monitoring"),
                    {
                        detectorId: detector.id,
                        name: GUARDDUTY_RUNTIME_FEATURE.name,
                        status: "ENABLED",
                        additionalConfigurations: [{ name: GUARDDUTY_RUNTIME_FEATURE.agentManagement, status: "ENABLED" }],
                    },
                    { parent: this },
                );
            this.detectorId = detector.id;
        } else if (g.mode === "adopt") {
            this.detectorId = aws.guardduty.getDetectorOutput(g.detectorId ? { id: g.detectorId } : {}, { parent: this }).id;
        }

        // -- Security Hub --
        const h = args.securityHub;
        if (h.mode === "own") {
            const hub = new aws.securityhub.Account(
                n.name("securityhub"),
                // Standards are subscribed explicitly below; findings per control, not per standard.
                { enableDefaultStandards: false, controlFindingGenerator: "SECURITY_CONTROL", autoEnableControls: true },
                { parent: this, dependsOn: this.recorder ? [this.recorder] : [] },
            );
            for (const standard of h.standards)
                new aws.securityhub.StandardsSubscription(
                    n.name("securityhub", standard.split("/")[0]),
                    { standardsArn: securityHubStandardArn(region, standard) },
                    { parent: this, dependsOn: [hub] },
                );
            this.securityHubArn = hub.arn;
        } else if (h.mode === "adopt") {
            this.securityHubArn = accountId.apply((id) => securityHubArn(region, id));
        }

        // -- findings that page someone --
        if (args.alertTopicArn) {
            const rules: Array<[string, string, object, boolean]> = [
                ["guardduty-findings", "High and critical GuardDuty findings", guardDutyFindingPattern(), g.mode !== "off"],
                ["securityhub-findings", "New high and critical Security Hub findings", securityHubFindingPattern(), h.mode !== "off"],
            ];
            for (const [suffix, description, pattern, on] of rules) {
                if (!on) continue;
                const rule = new aws.cloudwatch.EventRule(
                    n.name(suffix),
                    { description: `${n.prefix}: ${description} to the alert topic`, eventPattern: JSON.stringify(pattern) },
                    { parent: this },
                );
                new aws.cloudwatch.EventTarget(n.name(suffix, "alerts"), { rule: rule.name, arn: args.alertTopicArn }, { parent: this });
            }
        }

        this.registerOutputs({
            trailArn: this.trail?.arn,
            auditBucket: this.bucket?.bucket,
            detectorId: this.detectorId,
            securityHubArn: this.securityHubArn,
        });
    }
}
