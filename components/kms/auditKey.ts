import type { PolicyStatement } from "../iam";
import type { KeyPolicyContext } from "./policies";
import { keyUseThroughServicesStatements } from "./policies";

/**
 * The audit key: the audit trail's bucket (through S3) and the log archive's delivery stream (through Firehose).
 * CloudTrail and AWS Config statements are added with the trail.
 */
export function auditKeyStatements(c: KeyPolicyContext): PolicyStatement[] {
    return [...keyUseThroughServicesStatements("AuditDeliveryThroughServices", c, ["s3", "firehose"])];
}
