import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs } from "../base";
import { statefulOptions } from "../base";
import type { KmsKeyArns } from "../kms";
import type { LifecycleSettings } from "./spec";
import { ecrRepositoryName, lifecyclePolicy, repositorySettings } from "./spec";

export * from "./spec";

export interface RegistryArgs extends BaseArgs, LifecycleSettings {
    /**
     * The services that get a repository of the stack (`ecr: true`), by name: the repository is
     * `<naming prefix>/<service>`.
     * @default [] (no repositories)
     */
    services?: string[];
    /** The data key: the repositories' images are encrypted with it (ECR creates grants on it). */
    kmsKeyArns: Pick<KmsKeyArns, "data">;
}

/** One service's repository, as the services and the stack outputs use it. */
export interface RepositoryOutputs {
    /** `<account>.dkr.ecr.<region>.amazonaws.com/<prefix>/<service>`. */
    url: pulumi.Output<string>;
    arn: pulumi.Output<string>;
}

/**
 * The stack's container registry: an ECR repository per `ecr: true` service (immutable tags, scan on push, KMS
 * encryption with the data key, a lifecycle policy), protected and retained like the other stateful resources where
 * `strata:protection` says so, and never force-deleted (a repository holding images refuses deletion).
 * Depends on the KMS key only, never on the cluster.
 */
export class Registry extends pulumi.ComponentResource {
    public readonly repositories: Record<string, aws.ecr.Repository> = {};
    public readonly outputs: Record<string, RepositoryOutputs> = {};

    constructor(name: string, args: RegistryArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:registry:Registry", name, {}, opts);
        const n = args.naming;
        const policy = JSON.stringify(lifecyclePolicy(args));
        for (const svc of args.services ?? []) {
            const repo = new aws.ecr.Repository(
                n.name("ecr", svc),
                { name: ecrRepositoryName(n.prefix, svc), ...repositorySettings(args.kmsKeyArns.data, false) },
                { parent: this, ...statefulOptions(args.protection) },
            );
            // The policy's id is the repository's name and a new policy replaces it (lifecycle_policy.go has no Update):
            // created first, the old one's DeleteLifecyclePolicy would remove the new policy. Delete first instead.
            new aws.ecr.LifecyclePolicy(
                n.name("ecr", svc, "lifecycle"),
                { repository: repo.name, policy },
                { parent: this, deleteBeforeReplace: true },
            );
            this.repositories[svc] = repo;
            this.outputs[svc] = { url: repo.repositoryUrl, arn: repo.arn };
        }
        this.registerOutputs({ repositoryUrls: Object.fromEntries(Object.entries(this.outputs).map(([k, v]) => [k, v.url])) });
    }
}
