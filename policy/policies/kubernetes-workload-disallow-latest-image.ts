import { allContainers, podSpec } from "../lib/k8s";
import { validateWorkloads } from "../lib/k8sValidate";
import { resourcePolicy } from "../lib/metadata";

/** The image's tag, or undefined when it has none; digests count as pinned. */
export function imageTag(image: string): { tag?: string; digest: boolean } {
    if (image.includes("@sha256:")) return { digest: true };
    const lastSlash = image.lastIndexOf("/");
    const lastColon = image.lastIndexOf(":");
    return { tag: lastColon > lastSlash ? image.slice(lastColon + 1) : undefined, digest: false };
}

export const kubernetesWorkloadDisallowLatestImage = resourcePolicy({
    name: "kubernetes-workload-disallow-latest-image",
    description: "Container images must be pinned to a tag other than 'latest', or a digest.",
    checks: "Each container's `image` has a tag that is not `latest`, or an `@sha256:` digest.",
    category: "workload-hardening",
    severity: "medium",
    controls: { checkov: ["CKV_K8S_14", "CKV_K8S_43"], other: ["kube-linter latest-tag", "Polaris tagNotSpecified"] },
    validateResource: validateWorkloads((props, args, reportViolation) => {
        for (const c of allContainers(podSpec(args.type, props))) {
            const image = c.image;
            if (typeof image !== "string" || image.length === 0) {
                reportViolation(`container '${c.name ?? "?"}' has no image.`);
                continue;
            }
            const { tag, digest } = imageTag(image);
            if (!digest && (tag === undefined || tag === "latest")) {
                reportViolation(
                    `container '${c.name ?? "?"}' image '${image}' is ${tag ? "tagged latest" : "untagged"}; pin a version or digest.`,
                );
            }
        }
    }),
});
