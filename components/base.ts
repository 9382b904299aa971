import type { Environment } from "./config/environment";
import type { Naming } from "./naming";
import type { Tags } from "./tags";

/** What every Strata component needs besides its own settings. */
export interface BaseArgs {
    /** Naming helper (`<name>-<stack>` prefix, AWS limits). */
    naming: Naming;
    /** The environment picks presets and data-protection behaviour (prod: protect, retain on delete). */
    environment: Environment;
    /**
     * The provider's default tags, for the places AWS default tags do not reach (launch template tag
     * specifications, auto scaling groups). Everything else is tagged through the provider.
     */
    defaultTags: Tags;
}

/** Stateful resources in prod are protected and retained on delete (DESIGN.md). */
export function statefulOptions(environment: Environment): { protect: boolean; retainOnDelete: boolean } {
    return environment === "prod" ? { protect: true, retainOnDelete: true } : { protect: false, retainOnDelete: false };
}
