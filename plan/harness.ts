import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
// Internal runtime modules (their functions are not all in the .d.ts): the same ones pulumi.runtime.setMocks uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const settings = require("@pulumi/pulumi/runtime/settings") as {
    setMockOptions(monitor: unknown, project: string, stack: string, preview: boolean): void;
    waitForRPCs(): Promise<void>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const state = require("@pulumi/pulumi/runtime/state") as { getStore(): Record<string, unknown> };
import { RecordingMonitor } from "./monitor";
import { createMocks } from "./mocks";
import type { MockModule } from "./mocks/types";
import { programFile, readProjectFile, readStackConfig } from "./stackConfig";
import type { PlanDocument, PlanResource, PlanViolation } from "./types";
import { estimateCost, PRICE_TABLE } from "./cost";
import { estimateDeploy } from "./deploy";
import { hpaCapacityAdvisories } from "./capacityCheck";
import { evaluatePolicySet, loadPolicyConfig } from "../policy/evaluate";
import { applyExceptions, exceptionsOfStackConfig, stackPolicyConfig } from "../policy/stackConfig";
import { today } from "../components/exceptions";

export interface ExecutePlanOptions {
    /** Project root (where Pulumi.yaml is). Default: the current directory. */
    root?: string;
    /** Stack name; default: the `<name>` of the config file `Pulumi.<name>.yaml`. */
    stack?: string;
    /** Stack config file; default `<root>/Pulumi.<stack>.yaml`. */
    configFile?: string;
    /** Program file; default the project's `main` or index.ts. */
    program?: string;
    /** Skip the policy pack (for speed where a test does not need it). */
    skipPolicies?: boolean;
    /**
     * The environment the program sees as `strata:environment`, over the stack file's (for a consumer whose stack
     * files do not set it). Default: the stack file's.
     */
    environment?: "dev" | "staging" | "prod";
    /** Whose enforcement levels the policy pack judges with. Default: the environment. */
    policyEnvironment?: "dev" | "staging" | "prod";
}

/** A configuration error of the planned program (exit code 2): the problems, without a stack trace. */
export class PlanConfigError extends Error {
    constructor(
        public readonly problems: string[],
        message: string,
        /** URNs of resources registered before the error (besides the stack): none, when validation comes first. */
        public readonly registered: string[] = [],
    ) {
        super(message);
        this.name = "PlanConfigError";
    }
}

function isConfigError(err: unknown): err is { message: string; problems: string[] } {
    return typeof err === "object" && err !== null && (err as { isConfigError?: unknown }).isConfigError === true;
}

/** The recording monitor over the realistic mocks of every service, for one stack in one region. */
export function createRecordingMonitor(region: string, project: string, stack: string, modules?: MockModule[]): RecordingMonitor {
    // Resources of a second-region provider (S3 replication) get that region's ARNs: the mocks ask the recording.
    const providerRegion = (ref: string): string | undefined => {
        const provider = monitor.records.find((r) => ref.startsWith(`${r.urn}::`));
        return typeof provider?.inputs.region === "string" ? provider.inputs.region : undefined;
    };
    const monitor: RecordingMonitor = new RecordingMonitor(createMocks(region, project, stack, modules, providerRegion), project, stack);
    return monitor;
}

/**
 * Points the Pulumi runtime of the current store (the process's, or a render's own: see plan/render.ts) at a mock
 * monitor, with the features the engine announces switched on.
 */
export function startMockRuntime(monitor: RecordingMonitor, project: string, stack: string): void {
    settings.setMockOptions(monitor, project, stack, false);
    const store = state.getStore();
    for (const flag of [
        "supportsSecrets",
        "supportsResourceReferences",
        "supportsDeletedWith",
        "supportsReplaceWith",
        "supportsAliasSpecs",
        "supportsTransforms",
        "supportsInvokeTransforms",
        "supportsParameterization",
        "supportsResourceHooks",
        "supportsErrorHooks",
    ]) {
        store[flag] = true;
    }
    store.supportsOutputValues = false;
    store.supportsInvokeDependsOn = false;
}

/**
 * Engine behaviour the mock runtime lacks: with default providers disabled, a resource or a provider function
 * without an explicit provider fails.
 */
export function defaultProviderViolations(
    resources: PlanResource[],
    invokes: Array<{ token: string; provider: string | null }>,
    disabled: string[],
): PlanViolation[] {
    const out: PlanViolation[] = resources
        .filter((r) => (r.custom || r.type === "awsx:ec2:Vpc") && !r.type.startsWith("pulumi:providers:") && r.provider === null)
        .filter((r) => disabled.includes(r.type.split(":")[0]))
        .map((r) => ({
            policy: "pulumi-default-provider-disabled",
            enforcementLevel: "mandatory" as const,
            urn: r.urn,
            message: `${r.type} has no explicit provider, and Pulumi.yaml disables the default ${r.type.split(":")[0]} provider: the deploy would fail`,
        }));
    for (const call of invokes) {
        const pkg = call.token.split(":")[0];
        if (!call.provider && disabled.includes(pkg) && call.token !== "pulumi:pulumi:getResource") {
            out.push({
                policy: "pulumi-default-provider-disabled",
                enforcementLevel: "mandatory",
                urn: null,
                message: `the provider function ${call.token} is called without an explicit provider (pass { parent } or { provider }), and Pulumi.yaml disables the default ${pkg} provider: the deploy would fail`,
            });
        }
    }
    return out;
}

/**
 * Runs a Pulumi program in this process under the mock runtime with a stack's configuration and returns the plan
 * document. Loads the program once: a process runs one plan (runPlan() starts a process per plan).
 */
export async function executePlan(options: ExecutePlanOptions = {}): Promise<PlanDocument> {
    const root = path.resolve(options.root ?? process.cwd());
    const project = readProjectFile(root);
    const configFile = path.resolve(root, options.configFile ?? `Pulumi.${options.stack ?? "dev"}.yaml`);
    const stackConfig = readStackConfig(project, configFile, options.stack);
    if (options.environment) stackConfig.config["strata:environment"] = options.environment;
    const stack = stackConfig.stack;
    const region = stackConfig.config["aws:region"] ?? "us-east-1";
    const program = programFile(root, project, options.program);

    pulumi.runtime.setAllConfig(stackConfig.config, stackConfig.secretKeys);
    const monitor = createRecordingMonitor(region, project.name, stack);
    startMockRuntime(monitor, project.name, stack);

    let programError: unknown;
    try {
        await pulumi.runtime.runInPulumiStack(async () => {
            try {
                // eslint-disable-next-line @typescript-eslint/no-require-imports
                const mod = require(program);
                return mod && typeof mod === "object" && "default" in mod && Object.keys(mod).length === 1 ? await mod.default : mod;
            } catch (err) {
                programError = err;
                throw err;
            }
        });
        await settings.waitForRPCs();
    } catch (err) {
        programError = programError ?? err;
    }
    if (programError !== undefined) {
        if (isConfigError(programError)) {
            const registered = monitor.records.filter((r) => r.type !== "pulumi:pulumi:Stack").map((r) => r.urn);
            throw new PlanConfigError(programError.problems, programError.message, registered);
        }
        throw programError;
    }

    const environment =
        options.policyEnvironment ?? stackConfig.config["strata:environment"] ?? stackConfig.config[`${project.name}:environment`] ?? "dev";
    const resources = monitor.records;
    const doc: PlanDocument = {
        project: project.name,
        stack,
        resources,
        outputs: monitor.stackOutputs,
        violations: [],
        cost: { monthlyUsd: 0, priceTable: PRICE_TABLE.name, items: [] },
        deploy: { criticalPathMinutes: 0, sumMinutes: 0, path: [] },
    };
    const disabledRaw = stackConfig.config["pulumi:disable-default-providers"];
    const disabled = disabledRaw ? (JSON.parse(disabledRaw) as string[]) : [];
    doc.violations.push(...defaultProviderViolations(resources, monitor.invokes, disabled));
    doc.violations.push(...hpaCapacityAdvisories(resources));
    if (!options.skipPolicies) {
        // The stack's pack config as policy/config/stacks/<stack>.json holds it, its waivers applied here so the plan
        // can list what each exception waived (the pack, under pulumi preview, leaves the same findings unreported).
        const exceptions = exceptionsOfStackConfig(stackConfig.config);
        const config = stackPolicyConfig(loadPolicyConfig(environment), exceptions, { waivers: false });
        const found = evaluatePolicySet(resources, { environment, stack, project: project.name }, config).violations;
        const day = today() ?? today({})!;
        const { kept, reports } = applyExceptions(found, exceptions, day);
        doc.violations.push(...kept);
        if (exceptions.length > 0)
            doc.exceptions = { day, entries: reports.map((r) => ({ ...r.entry, expired: r.expired, waived: r.waived })) };
    }
    doc.cost = estimateCost(resources, region);
    doc.deploy = estimateDeploy(resources);
    return doc;
}
