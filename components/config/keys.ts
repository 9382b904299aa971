import * as awsConfig from "@pulumi/aws/config/vars";
import { editDistance, suggest } from "./errors";

/**
 * Which config keys a stack may set outside the `strata:` namespace: the AWS provider's own keys, read from the installed
 * provider package (it exports one getter per key it accepts), so a misspelt `aws:regoin` is named
 * instead of silently ignored while the program fails on the missing `aws:region`.
 */
export const PROVIDER_KEYS: Readonly<Record<string, readonly string[]>> = {
    aws: Object.keys(awsConfig),
};

/** Namespaces whose keys the program does not read and leaves to their owners (Pulumi itself, other providers). */
const CHECKED_NAMESPACES = ["strata", ...Object.keys(PROVIDER_KEYS)];

/**
 * Problems of keys outside `strata:` (whose keys the schema checks), except those a service's `secretEnv` names: an unknown key of a provider namespace, and a
 * namespace that looks like a misspelling of one the program reads (`strat:environment`). One line each, with a
 * suggestion when one is close.
 */
/** A namespace close enough to one the program reads to be a typo of it (short names tolerate one edit only). */
function namespaceTypo(ns: string): string | undefined {
    return CHECKED_NAMESPACES.find((c) => c !== ns && editDistance(ns, c) <= (ns.length >= 6 ? 2 : 1));
}

export function foreignKeyProblems(
    keys: readonly string[],
    strataKeys: readonly string[],
    referenced: ReadonlySet<string> = new Set(),
): string[] {
    const problems: string[] = [];
    for (const fullKey of keys) {
        const colon = fullKey.indexOf(":");
        if (colon < 0) continue;
        const [ns, key] = [fullKey.slice(0, colon), fullKey.slice(colon + 1)];
        // Keys the services' secretEnv names are the user's own secrets, in whatever namespace they chose.
        if (ns === "strata" || referenced.has(fullKey)) continue;
        const known = PROVIDER_KEYS[ns];
        if (known) {
            if (known.includes(key)) continue;
            const hint = suggest(key, known);
            problems.push(`${fullKey}: not a key of the ${ns} provider${hint ? ` (did you mean "${ns}:${hint}"?)` : ""}`);
            continue;
        }
        const nsHint = namespaceTypo(ns);
        if (nsHint) {
            const keyHint = suggest(key, nsHint === "strata" ? strataKeys : (PROVIDER_KEYS[nsHint] ?? []));
            problems.push(`${fullKey}: unknown namespace "${ns}" (did you mean "${nsHint}:${keyHint ?? key}"?)`);
        }
    }
    return problems;
}
