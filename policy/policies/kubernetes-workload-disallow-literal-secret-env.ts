import { allContainers, podSpec } from "../lib/k8s";
import { validateWorkloads } from "../lib/k8sValidate";
import { resourcePolicy } from "../lib/metadata";
import { asArray, field } from "../lib/values";

/** Names that hold credentials: *PASSWORD*, *TOKEN*, *SECRET*, or ending in _KEY (case-insensitive). */
export function secretLookingName(name: string): boolean {
    return /PASSWORD|TOKEN|SECRET/i.test(name) || /_KEY$/i.test(name);
}

export const kubernetesWorkloadDisallowLiteralSecretEnv = resourcePolicy({
    name: "kubernetes-workload-disallow-literal-secret-env",
    description: "Credentials must not be written as literal container environment values.",
    checks: "No container env entry (init and ephemeral included) whose name looks like a credential (`secretLookingName`: contains PASSWORD, TOKEN or SECRET, or ends in _KEY) has a literal `value`; use `valueFrom.secretKeyRef` or `envFrom` a Secret.",
    category: "data-protection",
    severity: "high",
    controls: { other: ["kube-linter env-var-secret"] },
    validateResource: validateWorkloads((props, args, reportViolation) => {
        for (const c of allContainers(podSpec(args.type, props)))
            for (const e of asArray(c.env)) {
                const name = field(e, "name");
                const value = field(e, "value");
                if (typeof name === "string" && secretLookingName(name) && value !== undefined && value !== null && value !== "")
                    reportViolation(`container '${c.name ?? "?"}': env ${name} has a literal value; read it from a Secret.`);
            }
    }),
});
