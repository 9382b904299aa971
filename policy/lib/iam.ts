/** IAM policy documents as a policy sees them: an object, or the JSON string a `policy` input usually is. */
import { asArray, isObject, strings } from "./values";
import type { Props } from "./values";

export interface Statement {
    effect: string;
    actions: string[];
    notActions: string[];
    resources: string[];
    /** Principals as strings: `"*"`, and each value of an `AWS` / `Service` / `Federated` map. */
    principals: string[];
    hasCondition: boolean;
    sid?: string;
}

/**
 * The statements of a policy document, or undefined when the document cannot be read (unknown during a preview,
 * not JSON): a policy cannot judge what it cannot read.
 */
export function statements(doc: unknown): Statement[] | undefined {
    let d = doc;
    if (typeof d === "string") {
        try {
            d = JSON.parse(d);
        } catch {
            return undefined;
        }
    }
    if (!isObject(d)) return undefined;
    return asArray(d.Statement as Props | Props[] | undefined)
        .filter(isObject)
        .map((s) => ({
            // Effect is required by the IAM grammar; Allow is what an unreadable one would be treated as here.
            effect: typeof s.Effect === "string" ? s.Effect : "Allow",
            actions: strings(s.Action),
            notActions: strings(s.NotAction),
            resources: strings(s.Resource),
            principals: principalStrings(s.Principal),
            hasCondition: isObject(s.Condition) && Object.keys(s.Condition).length > 0,
            sid: typeof s.Sid === "string" ? s.Sid : undefined,
        }));
}

function principalStrings(p: unknown): string[] {
    if (typeof p === "string") return [p];
    if (!isObject(p)) return [];
    return Object.values(p).flatMap((v) => strings(v));
}

/** A statement that allows every action on every resource (`"Action": "*"` with `"Resource": "*"`). */
export function allowsStarOnStar(s: Statement): boolean {
    return s.effect === "Allow" && s.actions.includes("*") && s.resources.includes("*");
}

/** A statement that allows anyone (`"Principal": "*"` or `{"AWS": "*"}`) with no condition to narrow it. */
export function allowsAnyPrincipalUnconditionally(s: Statement): boolean {
    return s.effect === "Allow" && s.principals.includes("*") && !s.hasCondition;
}
