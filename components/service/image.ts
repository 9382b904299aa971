import type * as pulumi from "@pulumi/pulumi";
import type { ServiceSettings } from "../config/services";

export { repositoryImage, waitsForFirstImage } from "../registry/spec";

/**
 * The repository and the tag or digest of an `ecr: true` service that has an image, or undefined for a service with
 * an external image (its pods run `image` as written). The pods then run `<url>:<tag>` or `<url>@<digest>`
 * (`repositoryImage`).
 */
export function ecrImageOf(
    service: string,
    s: Pick<ServiceSettings, "ecr" | "image">,
    repositories: Record<string, pulumi.Input<string>> | undefined,
): { repositoryUrl: pulumi.Input<string>; image: string } | undefined {
    if (!s.ecr) return undefined;
    const url = repositories?.[service];
    if (url === undefined) throw new Error(`service ${service} has ecr: true but no repository was given (ServicesArgs.imageRepositories)`);
    if (s.image === undefined) throw new Error(`service ${service} waits for its first image: it has no workload`);
    return { repositoryUrl: url, image: s.image };
}
