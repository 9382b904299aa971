import { z } from "zod";
import { parseCidr } from "../cidr";

export { formatIp, parseCidr } from "../cidr";
import { DATA_CLASSIFICATIONS } from "../tags";
import { allowed } from "./meta";

/** CloudWatch Logs accepts only these retention periods (days). */
export const LOG_RETENTION_DAYS = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

export const logRetentionDays = allowed(
    z
        .number()
        .int()
        .refine((v) => (LOG_RETENTION_DAYS as readonly number[]).includes(v), {
            message: `is not a CloudWatch Logs retention period; allowed: ${LOG_RETENTION_DAYS.join(", ")}`,
        }),
    `days, one of ${LOG_RETENTION_DAYS.join(", ")}`,
);

export const dataClassification = z.enum(DATA_CLASSIFICATIONS);

/** A CIDR block such as 10.0.0.0/16. */
export const ipv4Cidr = allowed(
    z.string().refine((v) => parseCidr(v) !== undefined, { message: "is not an IPv4 CIDR block such as 10.0.0.0/16" }),
    "an IPv4 CIDR block (network address, no host bits), e.g. 10.0.0.0/16",
);

/** AWS account id: 12 digits. */
export const awsAccountId = allowed(z.string().regex(/^\d{12}$/, "is not a 12-digit AWS account id"), "12 digits");

/** An IAM principal ARN (role or user). */
export const iamPrincipalArn = allowed(
    z
        .string()
        .regex(
            /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/[\w+=,.@/-]+$/,
            "is not an IAM role or user ARN (arn:aws:iam::<account>:role/<name>)",
        ),
    "IAM role or user ARNs (arn:aws:iam::<account>:role/<name>, any partition)",
);

/** Weekly window "ddd:hh:mm-ddd:hh:mm" (RDS / ElastiCache maintenance). */
export const weeklyWindow = allowed(
    z
        .string()
        .regex(
            /^(mon|tue|wed|thu|fri|sat|sun):([01]\d|2[0-3]):[0-5]\d-(mon|tue|wed|thu|fri|sat|sun):([01]\d|2[0-3]):[0-5]\d$/,
            "is not a weekly window like sun:05:00-sun:06:00",
        ),
    "ddd:hh:mm-ddd:hh:mm (UTC), e.g. sun:05:00-sun:06:00",
);

/** Daily window "hh:mm-hh:mm" (RDS backups, ElastiCache snapshots). */
export const dailyWindow = allowed(
    z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, "is not a daily window like 03:00-04:00"),
    "hh:mm-hh:mm (UTC), e.g. 03:00-04:00",
);
