import * as k8s from "@pulumi/kubernetes";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { secretLookingName } from "./kubernetes-workload-disallow-literal-secret-env";

export const kubernetesConfigMapDisallowSecretKeys = resourcePolicy({
    name: "kubernetes-configmap-disallow-secret-keys",
    description: "ConfigMaps must not hold credential-looking keys; credentials belong in Secrets.",
    checks: "No key of a `ConfigMap`'s `data` or `binaryData` looks like a credential (`secretLookingName`: contains PASSWORD, TOKEN or SECRET, or ends in _KEY).",
    category: "data-protection",
    severity: "high",
    controls: { other: ["Kubernetes ConfigMap docs (a ConfigMap provides no secrecy or encryption)"] },
    validateResource: validateResourceOfType(k8s.core.v1.ConfigMap, (cm, _args, reportViolation) => {
        for (const k of [...Object.keys(cm.data ?? {}), ...Object.keys(cm.binaryData ?? {})])
            if (secretLookingName(k))
                reportViolation(`ConfigMap '${cm.metadata?.name ?? "?"}' key ${k} looks like a credential; put it in a Secret.`);
    }),
});
