import type { Environment } from "./config/environment";
import type { Naming } from "./naming";
import type { Tags } from "./tags";
import type { Protection } from "./protection";

/** What every Strata component needs besides its own settings. */
export interface BaseArgs {
    /** Naming helper (`<name>-<stack>` prefix, AWS limits). */
    naming: Naming;
    /** The environment's name, for tags and the workloads' STRATA_ENVIRONMENT (behaviour comes from settings, never from this). */
    environment: Environment;
    /** Protection of stateful and serving resources (the `strata:protection` section). */
    protection: Protection;
    /**
     * The provider's default tags, for the places AWS default tags do not reach (launch template tag
     * specifications, auto scaling groups). Everything else is tagged through the provider.
     */
    defaultTags: Tags;
}

export { statefulOptions } from "./protection";
