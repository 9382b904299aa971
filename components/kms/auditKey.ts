import { auditKeyServiceStatements } from "../audit/trail";
import type { PolicyStatement } from "../iam";
import type { KeyPolicyContext } from "./policies";
import { keyUseThroughServicesStatements } from "./policies";

/**
 * The audit key: the audit bucket (through S3), the log archive's delivery stream (through Firehose), and the
 * services that encrypt what they deliver there themselves: CloudTrail and AWS Config (../audit/trail.ts).
 */
export function auditKeyStatements(c: KeyPolicyContext): PolicyStatement[] {
    return [...keyUseThroughServicesStatements("AuditDeliveryThroughServices", c, ["s3", "firehose"]), ...auditKeyServiceStatements(c)];
}
