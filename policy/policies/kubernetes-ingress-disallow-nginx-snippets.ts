import * as k8s from "@pulumi/kubernetes";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";

export const kubernetesIngressDisallowNginxSnippets = resourcePolicy({
    name: "kubernetes-ingress-disallow-nginx-snippets",
    description: "Ingresses must not carry configuration-snippet annotations (CVE-2021-25742).",
    checks: "No annotation key of an `Ingress` contains `snippet` (ingress-nginx's server-, configuration- and auth-snippet annotations inject raw NGINX configuration, Lua or alias directives included).",
    category: "workload-hardening",
    severity: "high",
    controls: { checkov: ["CKV_K8S_152", "CKV_K8S_153", "CKV_K8S_154"], other: ["CVE-2021-25742"] },
    validateResource: validateResourceOfType(k8s.networking.v1.Ingress, (ing, _args, reportViolation) => {
        for (const k of Object.keys(ing.metadata?.annotations ?? {}))
            if (k.includes("snippet")) reportViolation(`annotation ${k} injects NGINX configuration.`);
    }),
});
