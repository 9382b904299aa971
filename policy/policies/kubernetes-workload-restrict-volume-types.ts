import { podSpec } from "../lib/k8s";
import { validateWorkloads } from "../lib/k8sValidate";
import { resourcePolicy } from "../lib/metadata";
import { asArray, objectAt } from "../lib/values";

/** The volume sources the Pod Security Standards restricted profile allows ("Volume Types"). */
export const RESTRICTED_VOLUME_TYPES: readonly string[] = [
    "configMap",
    "csi",
    "downwardAPI",
    "emptyDir",
    "ephemeral",
    "persistentVolumeClaim",
    "projected",
    "secret",
];

export const kubernetesWorkloadRestrictVolumeTypes = resourcePolicy({
    name: "kubernetes-workload-restrict-volume-types",
    description: "Pods may mount only the volume types of the Pod Security Standards restricted profile.",
    checks: "Each entry of the pod's `volumes` sets only `name` and sources in RESTRICTED_VOLUME_TYPES (configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected, secret).",
    category: "workload-hardening",
    severity: "high",
    controls: { other: ["PSS restricted Volume Types", "PSS baseline HostPath Volumes"] },
    validateResource: validateWorkloads((props, args, reportViolation) => {
        for (const v of asArray(podSpec(args.type, props).volumes)) {
            const vol = objectAt(v);
            const other = Object.keys(vol).filter((k) => k !== "name" && vol[k] !== undefined && !RESTRICTED_VOLUME_TYPES.includes(k));
            if (other.length > 0)
                reportViolation(`volume '${String(vol.name ?? "?")}' uses ${other.join(", ")}, not a restricted-profile volume type.`);
        }
    }),
});
