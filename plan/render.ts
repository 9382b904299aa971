/**
 * Renders one component (or any function that registers resources) in this process under Pulumi's mock runtime,
 * with the plan's recording monitor and realistic mocks, and returns what it registered: the component-level test
 * unit, as aws-cdk tests a construct with `new Stack()` and `Template.fromStack`.
 *
 *     const r = await render(({ awsProvider }) => new Queues("q", args, { provider: awsProvider() }), { stack: "dev" });
 *     r.one("aws:sqs/queue:Queue", "q-dlq");
 */
import type * as aws from "@pulumi/aws";
import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { createRecordingMonitor, defaultProviderViolations, startMockRuntime } from "./harness";
import type { MockModule } from "./mocks/types";
import type { RecordingMonitor } from "./monitor";
import { ResourceQuery } from "./query";
import type { PlanResource, PlanViolation } from "./types";

// Internal runtime modules (not all in the .d.ts), as plan/harness.ts uses them.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- internal module without typings for these functions
const settings = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };

/** The part of the runtime store a render reads: the promise of the RPCs in flight (replaced at each new one). */
interface RuntimeStore {
    settings: { rpcDone: Promise<unknown> };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- internal module without typings for these functions
const state = require("@pulumi/pulumi/runtime/state") as {
    /** Runs the callback with a fresh runtime store (config, settings, monitor, stack resource): Automation API inline programs use it. */
    withLocalStorage<R>(callback: () => R): R;
    getStore(): RuntimeStore;
};

/** The AsyncLocalStorage the runtime keeps its per-program store in (state.ts puts it on the global object). */
function runtimeStorage(): { run<R>(store: object, callback: () => R): R } {
    return (globalThis as unknown as { asyncLocalStorage: { run<R>(store: object, callback: () => R): R } }).asyncLocalStorage;
}

export interface RenderOptions {
    /** Project name (the URNs' project and the namespace of unprefixed config keys). Default "strata". */
    project?: string;
    /** Stack name. Default "dev". */
    stack?: string;
    /** Region of the mocks' ARNs, of `awsProvider()` and of `aws:region`. Default "us-east-1". */
    region?: string;
    /**
     * Stack configuration: keys without a namespace get the project's (`environment` -> `strata:environment`);
     * values that are not strings are JSON-encoded, as the CLI hands them to a program.
     */
    config?: Record<string, unknown>;
    /** Config keys (as given in `config`) whose values are secrets. */
    secretKeys?: string[];
    /** Packages whose default provider is disabled, as `pulumi:disable-default-providers` in Pulumi.yaml. Default aws, kubernetes. */
    disableDefaultProviders?: string[];
    /** Mock modules; default every service's (plan/mocks). */
    mocks?: MockModule[];
}

/** What the rendered function receives: the stack it runs in and helpers for explicit providers. */
export interface RenderContext {
    project: string;
    stack: string;
    region: string;
    /** An explicit AWS provider in the render's region (default providers are disabled, as in the program). */
    awsProvider(name?: string, args?: aws.ProviderArgs): aws.Provider;
    /** An explicit Kubernetes provider (no cluster: the mocks answer). */
    kubernetesProvider(name?: string, args?: k8s.ProviderArgs): k8s.Provider;
}

type MonitorCallback = (err: unknown, resp: unknown) => void;
type MonitorMethod = (req: unknown, callback: MonitorCallback) => unknown;

/**
 * The errors the monitor answers registrations and provider functions with (a mock that throws, a function
 * without a mock). The runtime turns them into rejected Outputs that nothing may await, so the render reports them.
 */
function recordFailures(monitor: RecordingMonitor): Error[] {
    const failures: Error[] = [];
    const target = monitor as unknown as Record<"registerResource" | "invoke" | "call", MonitorMethod>;
    for (const method of ["registerResource", "invoke", "call"] as const) {
        if (typeof target[method] !== "function") continue;
        const original = target[method].bind(monitor);
        target[method] = (req, callback) =>
            original(req, (err, resp) => {
                if (err) {
                    const details = (err as { details?: string; message?: string }).details ?? (err as Error).message;
                    failures.push(new Error(`${method} failed: ${details}`));
                }
                callback(err, resp);
            });
    }
    return failures;
}

/** One turn of the event loop: Node reports an unhandled rejection after the microtasks of its turn have run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Waits until no RPC is in flight and none starts in the next turn: an invoke starts its RPC only after awaiting
 * the stack's registrations, so one `waitForRPCs` can return before it begins.
 */
async function drain(store: RuntimeStore): Promise<void> {
    for (;;) {
        const before = store.settings.rpcDone;
        await settings.waitForRPCs();
        await settle();
        if (store.settings.rpcDone === before) return;
    }
}

/** The resources one render registered, with the plan query API (`ofType`, `one`, `byName`, `childrenOf`...). */
export class RenderResult<T> extends ResourceQuery {
    constructor(
        resources: PlanResource[],
        /** What the rendered function returned (the component). */
        public readonly value: T,
        /** The returned value as stack outputs, when it is a plain object of values and Outputs (secrets read "[secret]"). */
        public readonly outputs: Record<string, unknown>,
        /** Provider functions called, with the provider reference each went through. */
        public readonly invokes: Array<{ token: string; provider: string | null }>,
        /** Resources and calls that reach no explicit provider for a package whose default provider is disabled. */
        public readonly violations: PlanViolation[],
        store: object,
    ) {
        super(resources);
        stores.set(this, store);
    }

    /** The value of an Output of the rendered resources (every registration has completed, so it is known). */
    public resolve<V>(value: pulumi.Input<V>): Promise<pulumi.Unwrap<V>> {
        return runtimeStorage().run(
            stores.get(this)!,
            () => new Promise<pulumi.Unwrap<V>>((resolve) => pulumi.output(value).apply((v) => resolve(v as pulumi.Unwrap<V>))),
        );
    }

    /** The resources the render registered besides the stack and the providers it created. */
    public get registered(): PlanResource[] {
        return this.resources.filter((r) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("pulumi:providers:"));
    }
}

/** The runtime store of each render result (kept off the object, so it does not show in test failure output). */
const stores = new WeakMap<object, object>();

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * Runs `fn` as the body of a fresh stack under the mock runtime and returns what it registered. Every render has its
 * own runtime store (config, monitor, stack, pending RPCs), its own mocks and its own recording: renders share
 * nothing, even when they run concurrently. Waits for every registration and Output before it returns; rejects with
 * the error of `fn` or of a registration.
 */
export async function render<T>(fn: (ctx: RenderContext) => T | Promise<T>, options: RenderOptions = {}): Promise<RenderResult<T>> {
    const project = options.project ?? "strata";
    const stack = options.stack ?? "dev";
    const region = options.region ?? "us-east-1";
    const disabled = options.disableDefaultProviders ?? ["aws", "kubernetes"];
    const qualify = (key: string) => (key.includes(":") ? key : `${project}:${key}`);
    const config: Record<string, string> = {
        "aws:region": region,
        "pulumi:disable-default-providers": JSON.stringify(disabled),
    };
    for (const [k, v] of Object.entries(options.config ?? {})) config[qualify(k)] = typeof v === "string" ? v : JSON.stringify(v);
    const secretKeys = (options.secretKeys ?? []).map(qualify);

    const context: RenderContext = {
        project,
        stack,
        region,
        awsProvider(name = `${project}-${stack}-aws`, args = {}) {
            // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on use: plan/index.ts stays free of provider SDKs
            const sdk = require("@pulumi/aws") as typeof aws;
            return new sdk.Provider(name, { region: region as aws.Region, ...args });
        },
        kubernetesProvider(name = `${project}-${stack}-k8s`, args = {}) {
            // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on use: plan/index.ts stays free of provider SDKs
            const sdk = require("@pulumi/kubernetes") as typeof k8s;
            return new sdk.Provider(name, { kubeconfig: "{}", ...args });
        },
    };

    return state.withLocalStorage(async () => {
        const store = state.getStore();
        const monitor = createRecordingMonitor(region, project, stack, options.mocks);
        startMockRuntime(monitor, project, stack);
        pulumi.runtime.setAllConfig(config, secretKeys);

        let value: T | undefined;
        let fnError: { error: unknown } | undefined;
        // The stack body never throws: a throwing body rejects the stack's Outputs in many places nobody awaits
        // (unhandled rejections, which a test runner blames on a later test). The error is rethrown below instead.
        const failures = recordFailures(monitor);
        await pulumi.runtime.runInPulumiStack(async () => {
            try {
                value = await fn(context);
            } catch (error) {
                fnError = { error };
                return undefined;
            }
            return isPlainObject(value) ? value : undefined;
        });
        await drain(store);
        // A failed RPC first: the runtime rethrows it to the program without its message.
        if (failures.length > 0) throw failures[0];
        if (fnError) throw fnError.error;
        return new RenderResult<T>(
            [...monitor.records],
            value as T,
            monitor.stackOutputs,
            [...monitor.invokes],
            defaultProviderViolations(monitor.records, monitor.invokes, disabled),
            store,
        );
    });
}
