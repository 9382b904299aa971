import { z } from "zod";
import type { Environment, PerEnvironment } from "./environment";
import type { Section } from "./checks";
import { allowed } from "./meta";
import { checkName, sectionCheck } from "./checks";
import { AUDIT_BUCKET_KEY } from "../objectStore/names";
import type { S3TransitionStorageClass } from "./objectStore";
import { lifecycleSchema, objectLockSchema, yearsInDays } from "./objectStore";
import type { SingletonMode } from "../audit/detection";
import { GUARDDUTY_FEATURE_NAMES, SECURITY_HUB_STANDARDS, SINGLETON_MODES } from "../audit/detection";

/**
 * `strata:audit`: the account's audit trail and threat detection. The trail (multi-region, log file validation, KMS)
 * writes into the stack's audit bucket in every environment; GuardDuty, Security Hub and the AWS Config recorder are
 * singletons per account and region, owned by prod by default and left to their owner (often the AWS Organization's
 * security account) elsewhere.
 */
interface AuditDefaults {
    dataEvents: boolean;
    logArchive: boolean;
    lifecycle: {
        transitions: Array<{ days: number; storageClass: S3TransitionStorageClass }>;
        expirationDays: number;
        noncurrentVersionExpirationDays: number;
    };
    objectLock: { mode: "GOVERNANCE" | "COMPLIANCE"; days: number } | null;
    singletons: SingletonMode;
}

const defaults: PerEnvironment<AuditDefaults> = {
    dev: {
        dataEvents: true,
        logArchive: false,
        lifecycle: { transitions: [], expirationDays: 90, noncurrentVersionExpirationDays: 7 },
        objectLock: null,
        singletons: "off",
    },
    staging: {
        dataEvents: true,
        logArchive: true,
        lifecycle: { transitions: [{ days: 90, storageClass: "GLACIER_IR" }], expirationDays: 365, noncurrentVersionExpirationDays: 30 },
        objectLock: null,
        singletons: "off",
    },
    prod: {
        dataEvents: true,
        logArchive: true,
        // Ten years, in cold storage after the first quarter; write-once for as long.
        lifecycle: {
            transitions: [
                { days: 90, storageClass: "GLACIER_IR" },
                { days: 365, storageClass: "DEEP_ARCHIVE" },
            ],
            expirationDays: yearsInDays(10),
            noncurrentVersionExpirationDays: 90,
        },
        objectLock: { mode: "GOVERNANCE", days: yearsInDays(10) },
        singletons: "own",
    },
};

const mode = (d: SingletonMode, what: string) =>
    z
        .enum(SINGLETON_MODES)
        .default(d)
        .describe(`${what}: own (this stack creates it; one stack per account and region may), adopt (read the existing one), or off.`);

export function auditSchema(env: Environment) {
    const d = defaults[env];
    return z
        .object({
            trail: z
                .object({
                    enabled: z
                        .boolean()
                        .default(true)
                        .describe(
                            "Create the stack's CloudTrail trail. Turn off only where an organization trail already records this account (a second trail's management events are billed).",
                        ),
                    dataEvents: z
                        .boolean()
                        .default(d.dataEvents)
                        .describe("Record S3 object-level data events of the data buckets (billed per event from the first)."),
                })
                .strict()
                .default({})
                .describe("The CloudTrail trail: multi-region, global service events, log file validation, encrypted with the audit key."),
            bucket: z
                .object({
                    lifecycle: lifecycleSchema(d.lifecycle)
                        .default(d.lifecycle)
                        .describe("Lifecycle of the audit logs: transitions to cold storage and expiry."),
                    objectLock: objectLockSchema()
                        .nullable()
                        .default(d.objectLock)
                        .describe("Object lock (WORM) of the audit logs; null: none. S3 keeps object lock on for good once enabled."),
                })
                .strict()
                .default({})
                .describe("The audit bucket CloudTrail and AWS Config write into (SSE-KMS with the audit key)."),
            logArchive: z
                .object({
                    enabled: z
                        .boolean()
                        .default(d.logArchive)
                        .describe(
                            "Copy the EKS control-plane log (audit included) and the WAF log into the audit bucket through Firehose, kept as the bucket's lifecycle says.",
                        ),
                })
                .strict()
                .default({})
                .describe("The log archive: log groups CloudWatch keeps shorter than their records must be kept."),
            guardDuty: z
                .object({
                    mode: mode(d.singletons, "The GuardDuty detector"),
                    features: z
                        .array(z.enum(GUARDDUTY_FEATURE_NAMES))
                        .default(["S3_DATA_EVENTS", "EKS_AUDIT_LOGS", "RDS_LOGIN_EVENTS"])
                        .describe("Protection plans turned on (own only)."),
                    runtimeMonitoring: z
                        .boolean()
                        .default(false)
                        .describe(
                            "Runtime monitoring with the agent as an EKS add-on GuardDuty manages; GuardDuty then creates a VPC endpoint and a security group in the VPC outside this stack (see docs/components/audit.md, teardown).",
                        ),
                    findingPublishingFrequency: z
                        .enum(["FIFTEEN_MINUTES", "ONE_HOUR", "SIX_HOURS"])
                        .default("FIFTEEN_MINUTES")
                        .describe("How often updated findings are published (own only)."),
                    detectorId: allowed(
                        z.string().regex(/^[0-9a-f]{32}$/, "is not a GuardDuty detector id"),
                        "32 lower-case hex characters",
                    )
                        .optional()
                        .describe("adopt: the detector's id; unset: the region's detector, looked up."),
                })
                .strict()
                .default({})
                .describe("Amazon GuardDuty threat detection."),
            securityHub: z
                .object({
                    mode: mode(d.singletons, "The Security Hub subscription"),
                    standards: z
                        .array(z.enum(SECURITY_HUB_STANDARDS))
                        .default(["aws-foundational-security-best-practices/v/1.0.0", "cis-aws-foundations-benchmark/v/3.0.0"])
                        .describe("Standards subscribed to (own only)."),
                })
                .strict()
                .default({})
                .describe("AWS Security Hub with its standards (its controls evaluate AWS Config's records)."),
            config: z
                .object({
                    mode: mode(d.singletons, "The AWS Config recorder and delivery channel"),
                    recordGlobalResources: z
                        .boolean()
                        .default(true)
                        .describe("Record global resource types (IAM) here; set false in every region but one."),
                    snapshotFrequency: z
                        .enum(["One_Hour", "Three_Hours", "Six_Hours", "Twelve_Hours", "TwentyFour_Hours"])
                        .default("TwentyFour_Hours")
                        .describe("How often a configuration snapshot is delivered to the audit bucket."),
                })
                .strict()
                .default({})
                .describe("AWS Config: records every supported resource's configuration into the audit bucket."),
        })
        .strict()
        .superRefine((a, ctx) => {
            const lock = a.bucket.objectLock;
            const expiration = a.bucket.lifecycle.expirationDays;
            if (lock && expiration !== undefined && expiration < lock.days)
                ctx.addIssue({
                    code: z.ZodIssueCode.custom,
                    path: ["bucket", "lifecycle", "expirationDays"],
                    message: `is shorter than the object lock retention (${lock.days} days); make it at least ${lock.days}`,
                });
            if (a.guardDuty.detectorId !== undefined && a.guardDuty.mode !== "adopt")
                ctx.addIssue({
                    code: z.ZodIssueCode.custom,
                    path: ["guardDuty", "detectorId"],
                    message: `!is set, but strata:audit.guardDuty.mode is ${a.guardDuty.mode}; a detector id is only read in adopt mode`,
                });
            if (a.securityHub.mode === "own" && a.config.mode === "off")
                ctx.addIssue({
                    code: z.ZodIssueCode.custom,
                    path: ["config", "mode"],
                    message:
                        "!is off, but strata:audit.securityHub.mode is own: Security Hub's controls evaluate AWS Config's records; set config.mode to own or adopt (or securityHub.mode to \"off\")",
                });
        })
        .default({})
        .describe("Audit trail (CloudTrail) and threat detection (GuardDuty, Security Hub, AWS Config). See docs/components/audit.md.");
}
export type AuditSettings = z.output<ReturnType<typeof auditSchema>>;

export const audit = {
    schema: auditSchema,
    checks: [
        // The audit bucket and the roles are auto-named from these logical names (components/audit/index.ts).
        sectionCheck<"audit">({
            name: "the audit bucket's and roles' names fit AWS's limits",
            check: ({ audit: a }, report, { naming }) => {
                const bucket = a.trail.enabled || a.config.mode === "own" || a.logArchive.enabled;
                if (bucket) checkName(naming, report, ["audit"], () => naming.autoNamed("s3Bucket", AUDIT_BUCKET_KEY));
                if (a.config.mode === "own")
                    checkName(naming, report, ["audit", "config"], () => naming.autoNamed("iamRole", "config-role"));
                if (a.logArchive.enabled)
                    for (const role of ["archive-firehose", "archive-logs"])
                        checkName(naming, report, ["audit", "logArchive"], () => naming.autoNamed("iamRole", role));
            },
        }),
    ],
} satisfies Section<ReturnType<typeof auditSchema>>;
