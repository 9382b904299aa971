import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import type * as pulumi from "@pulumi/pulumi";
import type { PlanResource } from "./types";
import { SECRET_PLACEHOLDER } from "./types";

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
const ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";
const OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Plain JSON of a serialized property value, with every secret replaced by "[secret]". */
export function sanitize(value: unknown): unknown {
    if (value === UNKNOWN) return "[unknown]";
    if (Array.isArray(value)) return value.map(sanitize);
    if (value !== null && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        const sig = obj[SIG_KEY];
        if (sig === SECRET_SIG) return SECRET_PLACEHOLDER;
        if (sig === RESOURCE_SIG) return obj.urn;
        if (sig === ASSET_SIG || sig === ARCHIVE_SIG) return obj.path ?? obj.uri ?? "[asset]";
        if (sig === OUTPUT_SIG) return obj.secret ? SECRET_PLACEHOLDER : "value" in obj ? sanitize(obj.value) : "[unknown]";
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(obj)) out[k] = sanitize(v);
        return out;
    }
    return value;
}

/**
 * The strings by which other resources refer to this one: its id, and the string outputs that name or address it
 * (ARN, name, endpoint, metadata.name). The plan diff uses them to find which nested inputs of a dependent come
 * from a replaced resource.
 */
export function identityStrings(id: string, state: unknown): string[] {
    const out = new Set<string>();
    if (id) out.add(id);
    const looksLikeReference = (v: unknown): v is string =>
        typeof v === "string" && v.length >= 4 && v !== SECRET_PLACEHOLDER && /[-:/.]/.test(v);
    if (state && typeof state === "object" && !Array.isArray(state)) {
        const obj = state as Record<string, unknown>;
        for (const key of [
            "arn",
            "id",
            "name",
            "identifier",
            "bucket",
            "replicationGroupId",
            "address",
            "endpoint",
            "primaryEndpointAddress",
            "keyId",
            "url",
        ]) {
            if (looksLikeReference(obj[key])) out.add(obj[key] as string);
        }
        const meta = obj.metadata as Record<string, unknown> | undefined;
        if (meta && typeof meta.name === "string") out.add(meta.name);
    }
    return [...out];
}

type Req = {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getRemote(): boolean;
    getProvider(): string;
    getProvidersMap(): { get(k: string): string | undefined; toArray?(): Array<[string, string]> };
    getObject(): { toJavaScript(): unknown } | undefined;
    getProtect(): boolean;
    getRetainondelete(): boolean;
    getIgnorechangesList(): string[];
    getDeletebeforereplace(): boolean;
    getReplaceonchangesList?(): string[];
    getCustomtimeouts?(): { getCreate(): string; getUpdate(): string; getDelete(): string } | undefined;
    getDependenciesList(): string[];
    getPropertydependenciesMap(): { forEach(cb: (v: { getUrnsList(): string[] }, k: string) => void): void };
};

/**
 * The mock monitor, recording every registration as the engine receives it: type, name, parent, provider, inputs,
 * options, dependencies. The URN is computed the way the mock monitor (and the engine) computes it.
 */
export class RecordingMonitor extends MockMonitor {
    public readonly records: PlanResource[] = [];
    /** Every provider function the program called, with the provider reference it went through. */
    public readonly invokes: Array<{ token: string; provider: string | null }> = [];
    public stackOutputs: Record<string, unknown> = {};
    private readonly project: string;
    private readonly stack: string;

    constructor(mocks: pulumi.runtime.Mocks, project: string, stack: string) {
        super(mocks);
        this.project = project;
        this.stack = stack;
    }

    private urnOf(parent: string, type: string, name: string): string {
        let t = type;
        if (parent) {
            const qualifiedType = parent.split("::")[2];
            const parentType = qualifiedType.split("$").pop();
            t = `${parentType}$${type}`;
        }
        return `urn:pulumi:${this.stack}::${this.project}::${t}::${name}`;
    }

    public async registerResource(req: Req, callback: (err: unknown, resp: unknown) => void): Promise<void> {
        const type = req.getType();
        const parent = req.getParent() || null;
        const urn = this.urnOf(req.getParent(), type, req.getName());
        let provider: string | null = req.getProvider() || null;
        if (!provider && req.getRemote()) {
            // A remote component (awsx:ec2:Vpc) passes its children's providers in its `providers` map, keyed by
            // the children's package (aws), not its own (awsx).
            const map = req.getProvidersMap();
            const pkg = type.split(":")[0];
            const entries = map.toArray?.() ?? [];
            provider = map.get(pkg) || map.get(pkg.replace(/x$/, "")) || (entries.length > 0 ? entries[0][1] : null);
        }
        const propertyDependencies: Record<string, string[]> = {};
        req.getPropertydependenciesMap().forEach((v, k) => {
            propertyDependencies[k] = v.getUrnsList();
        });
        const dependencies = new Set<string>(req.getDependenciesList());
        for (const urns of Object.values(propertyDependencies)) for (const u of urns) dependencies.add(u);
        this.records.push({
            urn,
            type,
            name: req.getName(),
            parent,
            provider,
            custom: req.getCustom(),
            inputs: (sanitize(req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>) ?? {},
            options: {
                protect: req.getProtect(),
                retainOnDelete: req.getRetainondelete(),
                ignoreChanges: req.getIgnorechangesList(),
                deleteBeforeReplace: req.getDeletebeforereplace(),
                ...(req.getReplaceonchangesList?.().length ? { replaceOnChanges: req.getReplaceonchangesList!() } : {}),
                ...customTimeoutsOf(req.getCustomtimeouts?.()),
            },
            dependencies: [...dependencies],
            propertyDependencies,
        });
        const record = this.records[this.records.length - 1];
        const capture = (err: unknown, resp: { getId(): string; getObject(): { toJavaScript(): unknown } | undefined } | undefined) => {
            if (!err && resp) record.identity = identityStrings(resp.getId(), sanitize(resp.getObject()?.toJavaScript() ?? {}));
            callback(err, resp);
        };
        return (super.registerResource as (r: unknown, cb: unknown) => Promise<void>)(req, capture);
    }

    public async invoke(req: { getTok(): string; getProvider(): string }, callback: (err: unknown, resp: unknown) => void): Promise<void> {
        this.invokes.push({ token: req.getTok(), provider: req.getProvider() || null });
        return (super.invoke as (r: unknown, cb: unknown) => Promise<void>)(req, callback);
    }

    public registerResourceOutputs(
        req: { getUrn(): string; getOutputs(): { toJavaScript(): unknown } | undefined },
        callback: (err: unknown, resp: unknown) => void,
    ): void {
        if (req.getUrn().includes("::pulumi:pulumi:Stack::")) {
            this.stackOutputs = (sanitize(req.getOutputs()?.toJavaScript() ?? {}) as Record<string, unknown>) ?? {};
        }
        (super.registerResourceOutputs as (r: unknown, cb: unknown) => void)(req, callback);
    }
}

/** The custom timeouts a registration names (`create`, `update`, `delete`, as Pulumi duration strings), when any. */
function customTimeoutsOf(t: { getCreate(): string; getUpdate(): string; getDelete(): string } | undefined): {
    customTimeouts?: { create?: string; update?: string; delete?: string };
} {
    if (!t) return {};
    const out = Object.fromEntries(
        (["create", "update", "delete"] as const)
            .map((k) => [k, k === "create" ? t.getCreate() : k === "update" ? t.getUpdate() : t.getDelete()] as const)
            .filter(([, v]) => v),
    );
    return Object.keys(out).length > 0 ? { customTimeouts: out } : {};
}
