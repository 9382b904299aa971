import { z } from "zod";
import { CHART_DEFAULTS } from "../catalogue/charts";
import { TRACING_ROLE_PARTS } from "../tracing/names";
import type { Environment, PerEnvironment } from "./environment";
import type { Section } from "./checks";
import { checkName, sectionCheck } from "./checks";
import { allowed } from "./meta";

interface TracingDefaults {
    enabled: boolean;
    samplingPercent: number;
    routerReplicas: number;
    gatewayReplicas: number;
}

/**
 * `strata:tracing`: OpenTelemetry collectors exporting to AWS X-Ray, on in staging and prod. Staging keeps 10 % of
 * traces without errors, prod 5 %; both keep every trace with an error. Dev is off by default (turn it on to see every
 * trace: its default share is 100 %).
 */
const defaults: PerEnvironment<TracingDefaults> = {
    dev: { enabled: false, samplingPercent: 100, routerReplicas: 1, gatewayReplicas: 1 },
    staging: { enabled: true, samplingPercent: 10, routerReplicas: 2, gatewayReplicas: 2 },
    prod: { enabled: true, samplingPercent: 5, routerReplicas: 2, gatewayReplicas: 3 },
};

const replicas = (d: number, what: string) => z.number().int().min(1).max(20).default(d).describe(what);

export function tracingSchema(env: Environment) {
    const d = defaults[env];
    return z
        .object({
            enabled: z
                .boolean()
                .default(d.enabled)
                .describe("Run the collectors and give every service OTEL_EXPORTER_OTLP_ENDPOINT and the rest of the SDK environment."),
            samplingPercent: allowed(z.number().min(0).max(100), "a percentage from 0 to 100")
                .default(d.samplingPercent)
                .describe("Share of traces without errors the gateway keeps (every trace with an error is kept)."),
            decisionWaitSeconds: z
                .number()
                .int()
                .min(1)
                .max(120)
                .default(10)
                .describe("How long the gateway holds a trace's spans before it decides (longer traces are decided on what arrived)."),
            routerReplicas: replicas(d.routerReplicas, "Replicas of the router tier (what the services send to)."),
            gatewayReplicas: replicas(d.gatewayReplicas, "Replicas of the gateway tier (tail sampling, export to X-Ray)."),
            chartVersion: allowed(
                z.string().regex(/^\d+\.\d+\.\d+$/, "is not a chart version like 0.170.0"),
                "an opentelemetry-collector chart version like 0.170.0",
            )
                .default(CHART_DEFAULTS.openTelemetryCollector.version)
                .describe("Version of the opentelemetry-collector Helm chart (both tiers)."),
        })
        .strict()
        .default({})
        .describe(
            "Distributed tracing: OpenTelemetry collectors with tail sampling, exporting to AWS X-Ray. See docs/components/tracing.md.",
        );
}
export type TracingSettings = z.output<ReturnType<typeof tracingSchema>>;

export const tracing = {
    schema: tracingSchema,
    checks: [
        sectionCheck<"tracing">({
            name: "the tracing gateway's IAM role name fits IAM's limit",
            check: ({ tracing: t }, report, { naming }) => {
                if (t.enabled) checkName(naming, report, ["tracing"], () => naming.autoNamed("iamRole", ...TRACING_ROLE_PARTS.gateway));
            },
        }),
    ],
} satisfies Section<ReturnType<typeof tracingSchema>>;
