import type { ProbeSettings, ServiceSettings } from "../config/services";

/**
 * The effective probes of a service: web services default to GET /health (liveness) and GET /ready (readiness);
 * workers have the exec probes they must declare; jobs and cron jobs have none (config refuses them).
 */
export function effectiveProbes(s: ServiceSettings): { liveness?: ProbeSettings; readiness?: ProbeSettings; startup?: ProbeSettings } {
    const base = { initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 };
    if (s.kind !== "web") return s.probes;
    return {
        liveness: s.probes.liveness ?? { ...base, path: "/health" },
        readiness: s.probes.readiness ?? { ...base, path: "/ready", periodSeconds: 5 },
        startup: s.probes.startup,
    };
}
