import type { Pricer } from "./index";

/**
 * The delivery resources, us-east-1 list prices:
 * - AWS CodeBuild on-demand, Linux x86 (aws.amazon.com/codebuild/pricing): general1.small 0.005, general1.medium
 *   0.01, general1.large 0.02 per build minute. Assumed: 300 runner minutes a month (about 30 deploys and previews of
 *   10 minutes); the free tier's 100 small minutes are not deducted.
 * - Amazon ECR (aws.amazon.com/ecr/pricing): storage 0.10 per GB-month; basic scanning on push and transfer to EKS in
 *   the same region cost nothing. Assumed: 5 GB kept per repository (the lifecycle policy bounds it).
 */
export const CODEBUILD_PER_MINUTE: Readonly<Record<string, number>> = {
    BUILD_GENERAL1_SMALL: 0.005,
    BUILD_GENERAL1_MEDIUM: 0.01,
    BUILD_GENERAL1_LARGE: 0.02,
};
export const ECR_PRICES = { storagePerGbMonth: 0.1 };
export const DELIVERY_USAGE = { runnerMinutesPerMonth: 300, gbPerRepository: 5 };

export const deliveryPricer: Pricer = (r) => {
    if (r.type === "aws:codebuild/project:Project") {
        const compute = String((r.inputs.environment as { computeType?: string } | undefined)?.computeType ?? "");
        const rate = CODEBUILD_PER_MINUTE[compute];
        if (rate === undefined) return undefined;
        return {
            monthlyUsd: rate * DELIVERY_USAGE.runnerMinutesPerMonth,
            basis: `CodeBuild ${compute} at ${rate}/build minute: assumed ${DELIVERY_USAGE.runnerMinutesPerMonth} runner minutes a month`,
        };
    }
    if (r.type === "aws:ecr/repository:Repository") {
        return {
            monthlyUsd: ECR_PRICES.storagePerGbMonth * DELIVERY_USAGE.gbPerRepository,
            basis: `ECR storage at ${ECR_PRICES.storagePerGbMonth}/GB-month: assumed ${DELIVERY_USAGE.gbPerRepository} GB of images kept`,
        };
    }
    return undefined;
};
