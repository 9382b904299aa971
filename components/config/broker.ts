import { z } from "zod";
import type { Environment, PerEnvironment } from "./environment";
import { dataClassification, logRetentionDays } from "./common";
import type { Section } from "./checks";
import { checkName, sectionCheck } from "./checks";
import { allowed } from "./meta";
import {
    brokerCombinationProblem,
    DEFAULT_RABBITMQ_VERSION,
    MQ_DEPLOYMENT_MODES,
    MQ_INSTANCE_TYPES,
    type MqDeploymentMode,
    RABBITMQ_VERSIONS,
} from "../catalogue/mq";
import { brokerNames } from "../broker/names";

/** Days Amazon MQ's maintenance window may start on (CreateBroker `maintenanceWindowStartTime.dayOfWeek`). */
export const MQ_DAYS_OF_WEEK = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const;

interface BrokerDefaults {
    instanceType: string;
    deploymentMode: MqDeploymentMode;
    logRetentionDays: number;
}

const defaults: PerEnvironment<BrokerDefaults> = {
    dev: { instanceType: "mq.m7g.medium", deploymentMode: "SINGLE_INSTANCE", logRetentionDays: 30 },
    staging: { instanceType: "mq.m7g.large", deploymentMode: "CLUSTER_MULTI_AZ", logRetentionDays: 90 },
    prod: { instanceType: "mq.m7g.large", deploymentMode: "CLUSTER_MULTI_AZ", logRetentionDays: 365 },
};

/**
 * `strata:broker`: an Amazon MQ for RabbitMQ broker, off unless configured. Private (isolated subnets, not publicly
 * accessible), AMQPS on 5671 and the HTTPS management API on 443 open to the cluster nodes only; a single instance in
 * dev, a three-node cluster across three AZs in staging and prod.
 */
export function brokerSchema(env: Environment) {
    const d = defaults[env];
    return z
        .object({
            enabled: z.boolean().default(false).describe("Create the broker at all (off unless configured)."),
            engineVersion: allowed(
                z.string(),
                `a RabbitMQ version Amazon MQ supports: ${Object.keys(RABBITMQ_VERSIONS).join(", ")} (3.12 is past end of support)`,
            )
                .default(DEFAULT_RABBITMQ_VERSION)
                .describe("RabbitMQ engine version (major.minor; Amazon MQ applies patch versions in the maintenance window)."),
            instanceType: allowed(z.string(), `a broker instance type: ${MQ_INSTANCE_TYPES.join(", ")}, as the engine version allows`)
                .default(d.instanceType)
                .describe("Broker instance type (every node of a cluster has it). Changes in place, with a reboot."),
            deploymentMode: z
                .enum(MQ_DEPLOYMENT_MODES)
                .default(d.deploymentMode)
                .describe(
                    "SINGLE_INSTANCE (one node, one AZ) or CLUSTER_MULTI_AZ (three nodes in three AZs). A change replaces the broker (new endpoints, queued messages lost).",
                ),
            maintenanceWindow: z
                .object({
                    dayOfWeek: z.enum(MQ_DAYS_OF_WEEK).default("SUNDAY").describe("Day the weekly maintenance window starts (UTC)."),
                    timeOfDay: allowed(
                        z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "is not a time like 05:00"),
                        "hh:mm (24-hour, UTC), e.g. 05:00",
                    )
                        .default("05:00")
                        .describe("Time the weekly maintenance window starts (UTC)."),
                })
                .strict()
                .default({})
                .describe("Start of the weekly maintenance window (Amazon MQ gives it two hours); minor versions apply in it."),
            applyImmediately: z
                .boolean()
                .default(false)
                .describe(
                    "Reboot the broker at once for changes that need one (engine version, instance type) instead of waiting for the maintenance window.",
                ),
            adminPasswordLength: z
                .number()
                .int()
                .min(16)
                .max(250)
                .default(32)
                .describe(
                    "Length of the generated admin password (16-250; Amazon MQ accepts 12-250). Read at creation only: the broker keeps its first admin password.",
                ),
            logRetentionDays: logRetentionDays.default(d.logRetentionDays).describe("Retention of the broker's general log group."),
            dataClassification: dataClassification.default("confidential").describe("DataClassification tag of the broker."),
        })
        .strict()
        .superRefine((c, ctx) => {
            if (!(c.engineVersion in RABBITMQ_VERSIONS)) {
                ctx.addIssue({
                    code: z.ZodIssueCode.custom,
                    path: ["engineVersion"],
                    message: `is not a RabbitMQ version Amazon MQ supports; allowed: ${Object.keys(RABBITMQ_VERSIONS).join(", ")}`,
                });
                return;
            }
            const problem = brokerCombinationProblem(c.engineVersion, c.instanceType, c.deploymentMode);
            if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["instanceType"], message: `!${problem}` });
        })
        .default({})
        .describe("RabbitMQ message broker on Amazon MQ (off unless enabled). See docs/components/broker.md.");
}
export type BrokerSettings = z.output<ReturnType<typeof brokerSchema>>;

export const broker = {
    schema: brokerSchema,
    checks: [
        sectionCheck<"broker">({
            name: "the broker name fits Amazon MQ's limit",
            check: (settings, report, { naming }) => {
                if (!settings.broker.enabled) return;
                checkName(naming, report, ["name"], () => naming.physical("mqBrokerName", brokerNames.brokerName));
            },
        }),
    ],
} satisfies Section<ReturnType<typeof brokerSchema>>;
