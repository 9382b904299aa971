import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";

/**
 * The current RDS certificate authorities (RDS User Guide, "Certificate authorities"); rds-ca-2019 expired in August
 * 2024. Unset takes the API default for new instances, rds-ca-rsa2048-g1.
 */
export const CURRENT_RDS_CAS = ["rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1"] as const;

export const awsRdsInstanceRequireCurrentCaCertificate = resourcePolicy({
    name: "aws-rds-instance-require-current-ca-certificate",
    description: "RDS instances must use a current certificate authority for TLS.",
    checks: `\`caCertIdentifier\` of \`aws.rds.Instance\` is one of ${CURRENT_RDS_CAS.map((c) => `\`${c}\``).join(", ")}; unset is rds-ca-rsa2048-g1 (the API default for new instances).`,
    category: "encryption",
    severity: "medium",
    controls: { checkov: ["CKV_AWS_211"] },
    validateResource: validateResourceOfType(aws.rds.Instance, (db, _args, reportViolation) => {
        const ca = db.caCertIdentifier ?? "rds-ca-rsa2048-g1";
        if (!(CURRENT_RDS_CAS as readonly string[]).includes(ca))
            reportViolation(`caCertIdentifier ${ca} is not a current CA; use ${CURRENT_RDS_CAS.join(", ")}.`);
    }),
});
