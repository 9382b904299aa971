import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";

/** The log each engine family must export (RDS User Guide, "Publishing database logs to Amazon CloudWatch Logs"). */
const REQUIRED_LOG: Readonly<Record<string, string>> = { postgres: "postgresql", mysql: "error", mariadb: "error" };

export const awsRdsInstanceRequireLogExports = resourcePolicy({
    name: "aws-rds-instance-require-log-exports",
    description: "RDS instances must export their engine log to CloudWatch Logs.",
    checks: "`enabledCloudwatchLogsExports` of `aws.rds.Instance` includes `postgresql` (PostgreSQL) or `error` (MySQL, MariaDB); other engines are not judged; unset exports nothing (the API default).",
    category: "data-protection",
    severity: "medium",
    controls: { fsbp: ["RDS.9"], checkov: ["CKV_AWS_129"] },
    validateResource: validateResourceOfType(aws.rds.Instance, (db, args, reportViolation) => {
        const family = String(db.engine ?? "").replace(/^aurora-/, "");
        const log = REQUIRED_LOG[family];
        if (!log) args.notApplicable(`engine ${String(db.engine)} is not judged`);
        if (!(db.enabledCloudwatchLogsExports ?? []).includes(log)) reportViolation(`enabledCloudwatchLogsExports must include "${log}".`);
    }),
});
