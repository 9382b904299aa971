import * as crypto from "crypto";
import type { ServicesSettings } from "../config/services";
import { parseImageReference } from "../imageReference";
import { namespaceOf } from "./services";

/**
 * Pull credentials of external private images, as plain data: one `kubernetes.io/dockerconfigjson` Secret per
 * namespace and (registry, config key), listed in the pod's `imagePullSecrets`.
 *
 * The kubelet matches a Secret's `auths` keys against the image by registry host (and path prefix); Docker Hub
 * credentials live under the key `https://index.docker.io/v1/`, which the kubelet uses for every image without a
 * registry host (`nginx`, `acme/app`) and for `docker.io/...` (kubernetes/kubernetes pkg/credentialprovider/keyring.go:
 * the default registry key and `isDefaultRegistryMatch`).
 */

/** The dockerconfigjson key of Docker Hub. */
export const DOCKER_HUB_AUTH_KEY = "https://index.docker.io/v1/";

/** The `auths` key of an image's registry: its host (with port), or Docker Hub's key when it names none or docker.io. */
export function registryAuthKey(image: string): string {
    const ref = parseImageReference(image);
    if ("error" in ref) throw new Error(`image "${image}" is not a valid reference: ${ref.error}`);
    const host = ref.registry;
    if (host === undefined || host === "docker.io" || host === "index.docker.io" || host === "registry-1.docker.io")
        return DOCKER_HUB_AUTH_KEY;
    return host;
}

/** One pull Secret: where it lives, for which registry, from which config key, and its name. */
export interface PullSecretSpec {
    namespace: string;
    /** The `auths` key (registry host, or Docker Hub's key). */
    registry: string;
    /** The Pulumi secret config key holding `user:token`. */
    configKey: string;
    /** Its Kubernetes name: `pull-<registry>-<6 hex of registry and key>` (a DNS label). */
    name: string;
}

/** The Secret name of a (registry, config key) pair. */
export function pullSecretName(registry: string, configKey: string): string {
    const host = registry === DOCKER_HUB_AUTH_KEY ? "docker-hub" : registry.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    const hash = crypto.createHash("sha256").update(`${registry}\n${configKey}`).digest("hex").slice(0, 6);
    return `pull-${host.slice(0, 48).replace(/-+$/, "")}-${hash}`;
}

/** The pull Secret of each service with `imagePullSecret` (by service), and the Secrets to create (once each). */
export function pullSecretsOf(
    services: ServicesSettings,
    defaultNamespace: string,
): { secrets: PullSecretSpec[]; byService: Record<string, PullSecretSpec> } {
    const secrets = new Map<string, PullSecretSpec>();
    const byService: Record<string, PullSecretSpec> = {};
    for (const [name, s] of Object.entries(services)) {
        if (!s.imagePullSecret || s.ecr || s.image === undefined) continue;
        const namespace = namespaceOf(s, defaultNamespace);
        const registry = registryAuthKey(s.image);
        const spec = { namespace, registry, configKey: s.imagePullSecret, name: pullSecretName(registry, s.imagePullSecret) };
        const key = `${namespace}/${spec.name}`;
        if (!secrets.has(key)) secrets.set(key, spec);
        byService[name] = secrets.get(key)!;
    }
    return { secrets: [...secrets.values()], byService };
}

/**
 * The `.dockerconfigjson` of one registry from `user:token` (split at the first colon): `auths.<registry>` with the
 * username, the password and `auth` = base64(`user:token`), as `docker login` writes it.
 */
export function dockerConfigJson(registry: string, credentials: string): string {
    const colon = credentials.indexOf(":");
    const username = colon < 0 ? credentials : credentials.slice(0, colon);
    const password = colon < 0 ? "" : credentials.slice(colon + 1);
    return JSON.stringify({ auths: { [registry]: { username, password, auth: Buffer.from(credentials).toString("base64") } } });
}
