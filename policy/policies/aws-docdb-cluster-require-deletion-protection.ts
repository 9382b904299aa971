import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { isTrue } from "../lib/values";

export const awsDocdbClusterRequireDeletionProtection = resourcePolicy({
    name: "aws-docdb-cluster-require-deletion-protection",
    description: "DocumentDB clusters must have deletion protection on.",
    checks: "`deletionProtection` is true on `aws.docdb.Cluster` (no Checkov check covers it for DocumentDB).",
    category: "data-protection",
    severity: "medium",
    controls: { fsbp: ["DocumentDB.5"] },
    validateResource: validateResourceOfType(aws.docdb.Cluster, (c, args, reportViolation) => {
        if (!isTrue(c.deletionProtection)) reportViolation("deletionProtection must be true.");
    }),
});
