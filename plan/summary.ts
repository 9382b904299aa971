import type { PlanDocument, PlanResource, PlanViolation } from "./types";
import { SECRET_PLACEHOLDER } from "./types";
import { parseCpu, parseMemory } from "../components/catalogue/quantity";
import { PROD_SAFETY_RULES } from "../components/config/prodSafety";
import { PROD_ONLY_MANDATORY } from "../policy/lib/metadata";

/**
 * Whether an advisory finding of `policy` is what the environment's preset chooses (dev's single-AZ database, no
 * Pulumi protect, one replica): a protection only staging or prod promises (the prod-safety rules say which, and the
 * rules mandatory in prod only). The summary counts those on one line per policy instead of listing them.
 */
export function isExpectedDeviation(policy: string, environment: string): boolean {
    if (PROD_ONLY_MANDATORY.has(policy)) return environment !== "prod";
    const rules = PROD_SAFETY_RULES.filter((r) => r.policy === policy);
    return rules.length > 0 && rules.every((r) => !(r.environments as readonly string[]).includes(environment));
}

/**
 * The plan's readable summary: what a platform engineer asks first. Which components, how many resources each and what
 * they cost; the services (image, replicas, requests, URL or why none); the subnet layout; the first-deploy estimate;
 * policy findings grouped by policy with the affected resources listed once; the stack outputs with their values.
 * Pure functions of the plan document, so each part is tested on its own.
 */

type Inputs = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const usd = (n: number) => `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const shortName = (urn: string) => urn.split("::").pop() ?? urn;

/** The top-level component each resource belongs to: the ancestor right below the Platform (or the stack). */
export function componentOf(plan: PlanDocument): Map<string, PlanResource | undefined> {
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    const isRoot = (r: PlanResource | undefined) => !r || r.type === "pulumi:pulumi:Stack" || r.type === "strata:platform:Platform";
    const result = new Map<string, PlanResource | undefined>();
    for (const r of plan.resources) {
        let cur: PlanResource | undefined = r;
        while (cur && cur.parent && !isRoot(byUrn.get(cur.parent))) cur = byUrn.get(cur.parent);
        result.set(r.urn, cur && !isRoot(cur) ? cur : undefined);
    }
    return result;
}

export interface ComponentRow {
    name: string;
    type: string;
    /** Cloud and Kubernetes resources (custom resources) under it. */
    resources: number;
    monthlyUsd: number;
}

/** Resources and cost per top-level component, in registration order; providers and the stack are not counted. */
export function componentRows(plan: PlanDocument): ComponentRow[] {
    const top = componentOf(plan);
    const rows = new Map<string, ComponentRow>();
    for (const r of plan.resources) {
        const c = top.get(r.urn);
        if (!c || !r.custom || r.type.startsWith("pulumi:providers:")) continue;
        const row = rows.get(c.urn) ?? { name: c.name, type: c.type, resources: 0, monthlyUsd: 0 };
        row.resources++;
        rows.set(c.urn, row);
    }
    for (const item of plan.cost.items) {
        const c = top.get(item.urn);
        const row = c && rows.get(c.urn);
        if (row) row.monthlyUsd = Math.round((row.monthlyUsd + item.monthlyUsd) * 100) / 100;
    }
    return [...rows.values()];
}

export interface ServiceRow {
    name: string;
    namespace: string;
    kind: string;
    image: string;
    replicas: string;
    requests: string;
    url: string;
}

function sumRequests(containers: Inputs[]): string {
    let milli = 0;
    let bytes = 0;
    for (const c of containers) {
        milli += parseCpu(String(c.resources?.requests?.cpu ?? "0")) ?? 0;
        bytes += parseMemory(String(c.resources?.requests?.memory ?? "0")) ?? 0;
    }
    return `${milli}m / ${Math.round(bytes / 2 ** 20)}Mi`;
}

/** The workload kinds a service row comes from, and where each keeps its pod spec. */
const SERVICE_WORKLOADS: ReadonlyArray<{ type: string; podSpec: (i: Inputs) => Inputs | undefined }> = [
    { type: "kubernetes:apps/v1:Deployment", podSpec: (i) => i.spec?.template?.spec },
    { type: "kubernetes:batch/v1:Job", podSpec: (i) => i.spec?.template?.spec },
    { type: "kubernetes:batch/v1:CronJob", podSpec: (i) => i.spec?.jobTemplate?.spec?.template?.spec },
    { type: "kubernetes:argoproj.io/v1alpha1:Rollout", podSpec: (i) => i.spec?.template?.spec },
];

/**
 * One row per workload of a service (Deployment, Job, CronJob): its image, replicas (HPA min-max; a job runs once, a
 * cron job on its schedule), requests per pod, public URL or why none.
 */
export function serviceRows(plan: PlanDocument): ServiceRow[] {
    const of = (type: string) => plan.resources.filter((r) => r.type === type).map((r) => r.inputs as Inputs);
    const hpas = of("kubernetes:autoscaling/v2:HorizontalPodAutoscaler");
    const ingresses = of("kubernetes:networking.k8s.io/v1:Ingress");
    const urls = (plan.outputs.serviceUrls ?? {}) as Record<string, { internal: string | null; public: string | null }>;
    return SERVICE_WORKLOADS.flatMap(({ type, podSpec }) =>
        of(type)
            .filter((d) => d.metadata?.labels?.["app.kubernetes.io/managed-by"] === "strata")
            .map((d) => {
                // A Job's name carries its content hash: the row names the service.
                const name = String(d.metadata?.labels?.["app.kubernetes.io/name"] ?? d.metadata?.name);
                const namespace = String(d.metadata?.namespace ?? "default");
                const component = String(d.metadata?.labels?.["app.kubernetes.io/component"] ?? "web");
                // A Rollout's row says its strategy: `web (canary)`, `web (blueGreen)`.
                const strategy = type.endsWith(":Rollout") ? Object.keys(d.spec?.strategy ?? {})[0] : undefined;
                const kind = strategy ? `${component} (${strategy})` : component;
                const containers = (podSpec(d)?.containers ?? []) as Inputs[];
                const hpa = hpas.find((h) => h.spec?.scaleTargetRef?.name === name && (h.metadata?.namespace ?? "default") === namespace);
                const ingress = ingresses.some((i) =>
                    ((i.spec?.rules ?? []) as Inputs[]).some((rule) =>
                        ((rule.http?.paths ?? []) as Inputs[]).some((p) => p.backend?.service?.name === name),
                    ),
                );
                const url = urls[name]?.public;
                const why =
                    component === "worker" || component === "job" || component === "cronjob"
                        ? `none (a ${component} serves no HTTP)`
                        : ingress
                          ? "the ALB's DNS name (no ingress.host set)"
                          : `none: internal only (strata:services.${name}.ingress is not set)`;
                const replicas =
                    type === "kubernetes:batch/v1:Job"
                        ? `once (${d.metadata?.name})`
                        : type === "kubernetes:batch/v1:CronJob"
                          ? `${d.spec?.schedule} ${d.spec?.timeZone ?? "UTC"}`
                          : hpa
                            ? `${hpa.spec?.minReplicas ?? 1}-${hpa.spec?.maxReplicas}`
                            : String(d.spec?.replicas ?? 1);
                return {
                    name,
                    namespace,
                    kind,
                    image: containers.map((c) => String(c.image)).join(", "),
                    replicas,
                    requests: sumRequests(containers),
                    url: url ?? why,
                };
            }),
    );
}

/**
 * A warning per `ecr: true` service without an image (the `servicesAwaitingImage` output): its repository is planned,
 * its workload is not, until the application pipeline has pushed and the stack sets the image's digest.
 */
export function awaitingImageLines(plan: PlanDocument): string[] {
    const waiting = plan.outputs.servicesAwaitingImage;
    if (!Array.isArray(waiting) || waiting.length === 0) return [];
    return [
        "",
        ...waiting.map(
            (name) =>
                `Warning: service ${String(name)} waits for its first image: its ECR repository is created, its workload is not (push an image, then set strata:services.${String(name)}.image to its digest)`,
        ),
    ];
}

/** The subnet layout per availability zone, from the `subnetCidrs` output (awsx allocates one block per AZ, in AZ order). */
export function subnetRows(plan: PlanDocument): Array<{ az: string; private: string; public: string; isolated: string }> {
    const cidrs = plan.outputs.subnetCidrs as Record<"private" | "public" | "isolated", string[]> | undefined;
    if (!cidrs) return [];
    const vpc = plan.resources.find((r) => r.type === "awsx:ec2:Vpc")?.inputs as Inputs | undefined;
    const names = (vpc?.availabilityZoneNames ?? []) as string[];
    const count = Math.max(cidrs.private?.length ?? 0, cidrs.public?.length ?? 0, cidrs.isolated?.length ?? 0);
    return Array.from({ length: count }, (_, i) => ({
        az: names[i] ?? `AZ ${i + 1}`,
        private: cidrs.private?.[i] ?? "-",
        public: cidrs.public?.[i] ?? "-",
        isolated: cidrs.isolated?.[i] ?? "-",
    }));
}

export interface PolicyGroup {
    policy: string;
    enforcementLevel: PlanViolation["enforcementLevel"];
    /** The affected resources' logical names, once each. */
    resources: string[];
    /** The message when every finding says the same, else the first as an example. */
    message: string;
    same: boolean;
}

/** Findings grouped by policy (mandatory first), so a rule broken by nine Deployments is one entry, not nine. */
export function policyGroups(violations: PlanViolation[]): PolicyGroup[] {
    const groups = new Map<string, PolicyGroup & { messages: Set<string> }>();
    for (const v of violations) {
        const key = `${v.enforcementLevel}\u0000${v.policy}`;
        const g = groups.get(key) ?? {
            policy: v.policy,
            enforcementLevel: v.enforcementLevel,
            resources: [],
            message: v.message,
            same: true,
            messages: new Set(),
        };
        const name = v.urn ? shortName(v.urn) : "(stack)";
        if (!g.resources.includes(name)) g.resources.push(name);
        g.messages.add(v.message);
        groups.set(key, g);
    }
    return [...groups.values()]
        .map(({ messages, ...g }) => ({ ...g, same: messages.size === 1 }))
        .sort((a, b) =>
            a.enforcementLevel === b.enforcementLevel ? a.policy.localeCompare(b.policy) : a.enforcementLevel === "mandatory" ? -1 : 1,
        );
}

/** A stack output's value on one line: secrets stay masked, long values are cut. */
export function outputValue(value: unknown): string {
    if (value === SECRET_PLACEHOLDER) return "[secret]";
    const s = JSON.stringify(value) ?? "undefined";
    return s.length > 110 ? `${s.slice(0, 107)}...` : s;
}

/** Left-aligned columns. */
function table(header: string[], rows: string[][]): string[] {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => `  ${cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join("  ")}`.trimEnd();
    return [line(header), ...rows.map(line)];
}

/** The whole summary. */
export function summarize(plan: PlanDocument): string {
    const lines: string[] = [];
    const env = plan.outputs.environment;
    const region = plan.outputs.region;
    const custom = plan.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:"));
    lines.push(
        `Strata offline plan: project ${plan.project}, stack ${plan.stack}${env ? ` (${String(env)}${region ? `, ${String(region)}` : ""})` : ""}`,
    );
    const components = componentRows(plan);
    lines.push(
        `${custom.length} cloud and Kubernetes resources in ${components.length} components (${plan.resources.length} registered in all)`,
    );
    lines.push("", "Components:");
    lines.push(
        ...table(
            ["component", "type", "resources", "monthly"],
            components.map((c) => [c.name, c.type, String(c.resources), usd(c.monthlyUsd)]),
        ),
    );

    const services = serviceRows(plan);
    if (services.length) {
        lines.push("", "Services:");
        lines.push(
            ...table(
                ["service", "kind", "image", "replicas", "requests/pod", "public URL"],
                services.map((s) => [`${s.namespace}/${s.name}`, s.kind, s.image, s.replicas, s.requests, s.url]),
            ),
        );
    }
    lines.push(...awaitingImageLines(plan));
    const subnets = subnetRows(plan);
    if (subnets.length) {
        lines.push("", "Subnets:");
        lines.push(
            ...table(
                ["zone", "private", "public", "isolated"],
                subnets.map((s) => [s.az, s.private, s.public, s.isolated]),
            ),
        );
    }

    lines.push("", `Estimated monthly cost: ${usd(plan.cost.monthlyUsd)} (${plan.cost.priceTable})`);
    for (const w of plan.cost.warnings ?? []) lines.push(`  Warning: ${w}`);
    const top = plan.cost.items.filter((i) => i.monthlyUsd > 0).sort((a, b) => b.monthlyUsd - a.monthlyUsd);
    for (const it of top.slice(0, 12)) lines.push(`  ${usd(it.monthlyUsd).padStart(11)}  ${shortName(it.urn)}  ${it.basis}`);
    if (top.length > 12) lines.push(`  ... ${top.length - 12} more priced items (--json for all)`);

    lines.push(
        "",
        `First deploy: about ${plan.deploy.criticalPathMinutes} min on the critical path (${plan.deploy.sumMinutes} min if done one by one)`,
    );
    for (const u of plan.deploy.path) lines.push(`  -> ${u.split("::").slice(-2).join(" ")}`);

    const groups = policyGroups(plan.violations);
    const count = (level: string) => plan.violations.filter((v) => v.enforcementLevel === level).length;
    lines.push(
        "",
        `Policies: ${count("mandatory")} mandatory violation(s), ${count("advisory")} advisory, from ${groups.length} polic${groups.length === 1 ? "y" : "ies"}`,
    );
    const expected = groups.filter((g) => g.enforcementLevel === "advisory" && isExpectedDeviation(g.policy, String(env ?? "")));
    for (const g of groups) {
        if (expected.includes(g)) continue;
        lines.push(
            `  [${g.enforcementLevel}] ${g.policy}: ${g.resources.length} resource${g.resources.length === 1 ? "" : "s"}: ${g.resources.join(", ")}`,
        );
        lines.push(`      ${g.same ? "" : "e.g. "}${g.message}`);
    }
    if (expected.length > 0) {
        lines.push(`  Expected in ${String(env)} (its preset does not promise these; staging or prod does):`);
        for (const g of expected) lines.push(`    ${g.policy}: ${g.resources.length} resource${g.resources.length === 1 ? "" : "s"}`);
    }
    const entries = plan.exceptions?.entries ?? [];
    if (entries.length > 0) {
        lines.push("", `Exceptions (strata:exceptions, judged on ${plan.exceptions!.day}):`);
        for (const e of entries) {
            const state = e.expired ? `EXPIRED on ${e.expires}` : `until ${e.expires}`;
            lines.push(
                `  ${e.rule} on "${e.target}", ${state}: waived ${e.waived.length} finding${e.waived.length === 1 ? "" : "s"}. ${e.reason}`,
            );
        }
    }

    const outputs = Object.entries(plan.outputs);
    if (outputs.length) {
        lines.push("", "Stack outputs (as the mocks resolve them; secrets masked):");
        for (const [k, v] of outputs) lines.push(`  ${k} = ${outputValue(v)}`);
    }
    return lines.join("\n");
}
