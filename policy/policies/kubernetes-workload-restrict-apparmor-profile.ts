import { podAnnotations, podSpec, securityContexts } from "../lib/k8s";
import { validateWorkloads } from "../lib/k8sValidate";
import { resourcePolicy } from "../lib/metadata";
import { field } from "../lib/values";

/** The beta per-container AppArmor annotation's prefix (the key ends with the container's name). */
export const APPARMOR_ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";
/** `appArmorProfile.type` values the Pod Security Standards baseline allows (unset too). */
export const ALLOWED_APPARMOR_TYPES: readonly string[] = ["RuntimeDefault", "Localhost"];

/** Whether an AppArmor annotation's value is allowed: `runtime/default` or `localhost/<profile>`. */
export function allowedAppArmorAnnotation(value: unknown): boolean {
    return value === "runtime/default" || (typeof value === "string" && /^localhost\/.+/.test(value));
}

export const kubernetesWorkloadRestrictAppArmorProfile = resourcePolicy({
    name: "kubernetes-workload-restrict-apparmor-profile",
    description: "Pods and containers must not disable or override the runtime's AppArmor profile.",
    checks: "`securityContext.appArmorProfile.type` on the pod and every container (init and ephemeral included) is unset, `RuntimeDefault` or `Localhost`; every pod-template annotation `container.apparmor.security.beta.kubernetes.io/*` is `runtime/default` or `localhost/<profile>` (Pod Security Standards baseline 'AppArmor').",
    category: "workload-hardening",
    severity: "high",
    controls: { other: ["PSS baseline AppArmor"] },
    validateResource: validateWorkloads((props, args, reportViolation) => {
        for (const { where, sc } of securityContexts(podSpec(args.type, props))) {
            const type = field(sc, "appArmorProfile", "type");
            if (type !== undefined && type !== null && !ALLOWED_APPARMOR_TYPES.includes(String(type)))
                reportViolation(`${where}: appArmorProfile.type '${String(type)}' is not RuntimeDefault or Localhost.`);
        }
        for (const [k, v] of Object.entries(podAnnotations(args.type, props)))
            if (k.startsWith(APPARMOR_ANNOTATION_PREFIX) && !allowedAppArmorAnnotation(v))
                reportViolation(`annotation ${k} is '${String(v)}'; only runtime/default or localhost/<profile>.`);
    }),
});
