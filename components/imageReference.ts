/**
 * Container image references, parsed by the grammar of the distribution project's reference package
 * (distribution/reference, `regexp.go`: `[domain/]path[:tag][@digest]`) and the OCI image spec's digest rules
 * (`sha256` digests are 64 lower-case hex digits, image-spec `descriptor.md`). A reference the registry would refuse
 * is refused at config time, not when a kubelet fails to pull it.
 */

export interface ImageReference {
    /** The registry host (with port), when the reference names one: `ghcr.io`, `123456789012.dkr.ecr.us-east-1.amazonaws.com`. */
    registry?: string;
    /** The repository path: `library/nginx` is written `nginx` on Docker Hub. */
    repository: string;
    tag?: string;
    /** `sha256:<64 hex>`. */
    digest?: string;
}

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN =
    /^(?:localhost|(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*)(?::[0-9]+)?$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const SHA256_DIGEST = /^sha256:[a-f0-9]{64}$/;
/** The longest repository name the reference grammar allows (`NameTotalLengthMax`). */
const NAME_MAX = 255;

/** Parses a reference, or says in one sentence what is wrong with it. */
export function parseImageReference(ref: string): ImageReference | { error: string } {
    if (ref.trim() !== ref || ref.length === 0) return { error: "is empty or has surrounding spaces" };
    let rest = ref;
    let digest: string | undefined;
    const at = rest.indexOf("@");
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!SHA256_DIGEST.test(digest))
            return { error: `has the digest "${digest}"; a digest is sha256: followed by 64 lower-case hex digits` };
    }
    let tag: string | undefined;
    const lastSlash = rest.lastIndexOf("/");
    const lastColon = rest.lastIndexOf(":");
    if (lastColon > lastSlash) {
        tag = rest.slice(lastColon + 1);
        rest = rest.slice(0, lastColon);
        if (!TAG.test(tag)) return { error: `has the tag "${tag}"; a tag is 1-128 letters, digits, _ . -, not starting with . or -` };
    }
    const parts = rest.split("/");
    let registry: string | undefined;
    if (parts.length > 1 && (parts[0].includes(".") || parts[0].includes(":") || parts[0] === "localhost")) {
        registry = parts.shift();
        if (!DOMAIN.test(registry!)) return { error: `names the registry "${registry}", which is not a host name with an optional port` };
    }
    const repository = parts.join("/");
    if (repository.length === 0) return { error: "names no repository" };
    if (repository.length > NAME_MAX) return { error: `has a repository name of ${repository.length} characters; at most ${NAME_MAX}` };
    const bad = parts.find((p) => !PATH_COMPONENT.test(p));
    if (bad !== undefined)
        return {
            error: `has the path component "${bad}"; repository names are lower-case letters and digits, separated by . _ __ or -, and components by /`,
        };
    return { ...(registry ? { registry } : {}), repository, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/** Why a reference is not pinned (no tag, or `latest`, and no digest), or undefined when it is. */
export function unpinnedReason(ref: ImageReference): string | undefined {
    if (ref.digest) return undefined;
    if (!ref.tag) return "names no tag or digest (it would pull latest)";
    if (ref.tag === "latest") return 'uses the tag "latest"';
    return undefined;
}
