import { partitionOf } from "../catalogue/regions";

/**
 * Threat detection and posture as data: the GuardDuty protection plans, the Security Hub standards and the AWS Config
 * recording the stack turns on. These three are singletons per account and region (one detector, one Security Hub
 * subscription, one configuration recorder and one delivery channel), so config says per service whether this
 * stack owns it, adopts the one already there, or leaves it alone.
 */

/** Who holds a per-account-and-region singleton: this stack (`own`), someone else whose one this stack reads (`adopt`), or nobody here (`off`). */
export const SINGLETON_MODES = ["own", "adopt", "off"] as const;
export type SingletonMode = (typeof SINGLETON_MODES)[number];

/**
 * GuardDuty protection plans, by the feature names of the GuardDuty API (UpdateDetector `Features[].Name`; the
 * provider's aws_guardduty_detector_feature `name`), with what each watches. Runtime monitoring is apart: its
 * managed agent is an EKS add-on GuardDuty installs, with a VPC endpoint and a security group GuardDuty creates in
 * the VPC outside this stack (GuardDuty User Guide, "Runtime Monitoring"), so it is opt-in and its teardown is documented.
 */
export const GUARDDUTY_FEATURES = {
    S3_DATA_EVENTS: "S3 Protection: object-level API activity on the buckets",
    EKS_AUDIT_LOGS: "EKS Protection: the cluster's Kubernetes audit logs",
    RDS_LOGIN_EVENTS: "RDS Protection: login activity on the PostgreSQL instances",
    EBS_MALWARE_PROTECTION: "Malware Protection: scans node volumes of instances with findings",
} as const;
export type GuardDutyFeature = keyof typeof GUARDDUTY_FEATURES;
export const GUARDDUTY_FEATURE_NAMES = Object.keys(GUARDDUTY_FEATURES) as [GuardDutyFeature, ...GuardDutyFeature[]];

/** The runtime monitoring feature and its EKS agent management (the add-on GuardDuty installs and updates). */
export const GUARDDUTY_RUNTIME_FEATURE = { name: "RUNTIME_MONITORING", agentManagement: "EKS_ADDON_MANAGEMENT" } as const;

/**
 * Security Hub standards by their id (the part of the standard's ARN after `standards/`): AWS Foundational Security
 * Best Practices v1.0.0 and CIS AWS Foundations Benchmark v3.0.0 (Security Hub User Guide, "Standards reference").
 */
export const SECURITY_HUB_STANDARDS = [
    "aws-foundational-security-best-practices/v/1.0.0",
    "cis-aws-foundations-benchmark/v/3.0.0",
    "cis-aws-foundations-benchmark/v/1.4.0",
    "nist-800-53/v/5.0.0",
    "pci-dss/v/3.2.1",
] as const;
export type SecurityHubStandard = (typeof SECURITY_HUB_STANDARDS)[number];

/** A standard's ARN: regional, without an account (`arn:<partition>:securityhub:<region>::standards/<id>`). */
export function securityHubStandardArn(region: string, standard: SecurityHubStandard): string {
    return `arn:${partitionOf(region)}:securityhub:${region}::standards/${standard}`;
}

/** The hub's ARN once the account is subscribed (`arn:<partition>:securityhub:<region>:<account>:hub/default`). */
export function securityHubArn(region: string, accountId: string): string {
    return `arn:${partitionOf(region)}:securityhub:${region}:${accountId}:hub/default`;
}

/**
 * AWS Config's recording: every supported resource type, continuously. Global resource types (IAM) are recorded in
 * one region only, where the stack's trail also records global service events, so that each change is recorded once
 * (AWS Config Developer Guide, "Recording global resources").
 */
export function recordingGroup(recordGlobalResources: boolean) {
    return { allSupported: true, includeGlobalResourceTypes: recordGlobalResources };
}

/** The managed policy AWS Config's service role needs to read resource configurations. */
export const CONFIG_ROLE_MANAGED_POLICY = "service-role/AWS_ConfigRole";
