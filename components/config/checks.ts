import type { z } from "zod";
import type { Environment } from "./environment";
import type { Naming } from "../naming";
import { NameTooLongError } from "../naming";
import type { KmsSettings } from "./kms";
import type { ProtectionSettings } from "./protection";
import type { NetworkSettings } from "./network";
import type { ClusterSettings } from "./cluster";
import type { DatabaseSettings } from "./database";
import type { BrokerSettings } from "./broker";
import type { CacheSettings } from "./cache";
import type { DocumentDbSettings } from "./documentDb";
import type { ObjectStoreSettings } from "./objectStore";
import type { QueuesSettings } from "./queues";
import type { BackupSettings } from "./backup";
import type { AuditSettings } from "./audit";
import type { TracingSettings } from "./tracing";
import type { RolloutsSettings } from "./rollouts";
import type { AlarmsSettings } from "./alarms";
import type { ServicesSettings } from "./services";
import type { RegistrySettings } from "./registry";
import type { WafSettings } from "./waf";
import type { MonitoringSettings } from "./monitoring";

/** Reports one problem at a config path (relative to `strata:`); `message` follows the value, as in zod issues. */
export type Report = (path: Array<string | number>, message: string) => void;

/** Where the stack runs, for checks that depend on it (e.g. a replication region must differ from aws:region). */
export interface CheckContext {
    region: string;
    stack: string;
    /** Every config key the stack sets (any namespace), e.g. for secret values services reference. */
    configKeys: ReadonlySet<string>;
    /** `<strata:name>-<stack>` naming, for the checks that names fit AWS limits. */
    naming: Naming;
    /**
     * Reports a warning at a config path: accepted, but the user should know (printed by the program and the plan,
     * never failing). Absent: warnings are dropped.
     */
    warn?: Report;
}

/**
 * The settings of every section, by its `strata:` key (each type is the output of that section's own schema, so a
 * check's slice does not depend on how the platform schema is put together).
 */
export interface SectionSettings {
    protection: ProtectionSettings;
    kms: KmsSettings;
    network: NetworkSettings;
    cluster: ClusterSettings;
    database: DatabaseSettings;
    cache: CacheSettings;
    documentDb: DocumentDbSettings;
    broker: BrokerSettings;
    objectStore: ObjectStoreSettings;
    queues: QueuesSettings;
    registry: RegistrySettings;
    services: ServicesSettings;
    waf: WafSettings;
    backup: BackupSettings;
    audit: AuditSettings;
    alarms: AlarmsSettings;
    monitoring: MonitoringSettings;
    tracing: TracingSettings;
    rollouts: RolloutsSettings;
}
export type SectionName = keyof SectionSettings;

/**
 * A check that runs after the schema has applied the presets, over the slice of settings it reads: one that spans
 * sections (a service naming a bucket that must exist), depends on the stack (its region, its config keys) or on
 * names within AWS limits.
 */
export interface Check<K extends SectionName> {
    /** What the check makes sure of, in a few words (test names, docs). */
    readonly name: string;
    readonly check: (settings: Pick<SectionSettings, K>, report: Report, context: CheckContext) => void;
}

/** A check over any slice: what the platform runs with the full settings. */
export interface AnyCheck {
    readonly name: string;
    readonly check: (settings: SectionSettings, report: Report, context: CheckContext) => void;
}

/** One `strata:<key>` section: its schema (built per environment, with that environment's presets) and its checks. */
export interface Section<S extends z.ZodTypeAny> {
    readonly schema: (env: Environment) => S;
    readonly checks: readonly AnyCheck[];
}

/** Types one check over the settings it reads (`sectionCheck<"services" | "cluster">({...})`). */
export function sectionCheck<K extends SectionName>(c: Check<K>): Check<K> {
    return c;
}

/** Explicit or auto-derived names must fit AWS limits: check each name the program will create. */
export function checkName(naming: Naming, report: Report, path: Array<string | number>, build: () => unknown): void {
    try {
        build();
    } catch (err) {
        if (err instanceof NameTooLongError) {
            report(
                path,
                `!gives the ${err.kind} name "${err.value}" (${err.value.length} characters, AWS allows ${err.limit}); shorten strata:name ("${naming.prefix.split("-")[0]}") or the stack name`,
            );
        } else {
            throw err;
        }
    }
}
