import type * as pulumi from "@pulumi/pulumi";
import type { AwsPartition } from "../catalogue/regions";
import type { ClusterSettings } from "../config/cluster";
import type { PolicyStatement } from "../iam";
import { conditionalServiceAssumeRolePolicy } from "../iam";

/**
 * The in-VPC deploy runner: a CodeBuild project that registers as a GitHub Actions self-hosted runner for one
 * repository (AWS CodeBuild User Guide, "Self-managed GitHub Actions runners in AWS CodeBuild"). Its network
 * interfaces sit in the private subnets, so its jobs reach the cluster's private API endpoint; a workflow job asks
 * for it with the label `runnerLabel(project)`. The runner's own role can write its logs and manage its network
 * interfaces, nothing else: a job that deploys assumes the environment's deploy role through GitHub's OIDC token.
 */

/** The settings of the runner (`strata:cluster.access.runner`). */
export type RunnerSettings = NonNullable<NonNullable<ClusterSettings["access"]>["runner"]>;

/** Name parts of the runner's resources (the naming prefix goes in front). */
export const RUNNER_NAME_PARTS = ["deploy", "runner"] as const;

/**
 * The CodeBuild image of the runner's jobs: Amazon Linux 2023 standard 5.0 (Node.js 20 and 22, Python, Docker CLI),
 * from the CodeBuild User Guide's "Docker images provided by CodeBuild". A job installs the Pulumi CLI itself.
 */
export const RUNNER_IMAGE = "aws/codebuild/amazonlinux-x86_64-standard:5.0";

/** The workflows whose jobs may run on the runner (GitHub workflow `name:`s): the deploying and previewing ones only. */
export const RUNNER_WORKFLOWS = ["deploy", "preview"] as const;

/**
 * The `runs-on` label of a job on the runner: CodeBuild starts one build per queued job whose label names the
 * project, with the run id and attempt so each job gets its own build.
 */
export function runnerLabel(projectName: string): string {
    return `codebuild-${projectName}-\${{ github.run_id }}-\${{ github.run_attempt }}`;
}

/** The repository's clone URL as CodeBuild's GITHUB source takes it. */
export function runnerSourceLocation(repository: string): string {
    return `https://github.com/${repository}.git`;
}

/**
 * The webhook's filter groups: a build for each queued workflow job (the GitHub `workflow_job` event) of the deploying
 * and previewing workflows only, so another workflow of the repository (or of a fork's pull request) never lands
 * inside the VPC.
 */
export function runnerWebhookFilterGroups(workflows: readonly string[] = RUNNER_WORKFLOWS) {
    return [
        {
            filters: [
                { type: "EVENT", pattern: "WORKFLOW_JOB_QUEUED" },
                { type: "WORKFLOW_NAME", pattern: `^(${workflows.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})$` },
            ],
        },
    ];
}

/** The CodeBuild log group of a project (CodeBuild writes to this name unless told otherwise; we tell it the same). */
export function runnerLogGroupName(projectName: string): string {
    return `/aws/codebuild/${projectName}`;
}

/**
 * What the runner's service role may do (CodeBuild User Guide, "Allow CodeBuild to access AWS services required to
 * create a VPC network interface", and "Use AWS CodeConnections with CodeBuild"): write its log group; create,
 * describe and delete network interfaces, with CreateNetworkInterfacePermission only in the runner's subnets and only
 * for CodeBuild; use the one connection to GitHub.
 */
export function runnerStatements(p: {
    partition: AwsPartition;
    region: string;
    /** The log group's ARN and its streams' (`<arn>:*`). */
    logGroupArns: pulumi.Input<string>[];
    subnetArns: pulumi.Input<pulumi.Input<string>[]>;
    connectionArn: string;
}): PolicyStatement[] {
    return [
        {
            Sid: "WriteOwnLogs",
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: p.logGroupArns,
        },
        {
            Sid: "VpcNetworkInterfaces",
            Effect: "Allow",
            Action: [
                "ec2:CreateNetworkInterface",
                "ec2:DescribeDhcpOptions",
                "ec2:DescribeNetworkInterfaces",
                "ec2:DeleteNetworkInterface",
                "ec2:DescribeSubnets",
                "ec2:DescribeSecurityGroups",
                "ec2:DescribeVpcs",
            ],
            Resource: "*",
        },
        {
            Sid: "NetworkInterfacePermissionInRunnerSubnets",
            Effect: "Allow",
            Action: "ec2:CreateNetworkInterfacePermission",
            Resource: `arn:${p.partition}:ec2:${p.region}:*:network-interface/*`,
            Condition: {
                StringEquals: { "ec2:AuthorizedService": "codebuild.amazonaws.com" },
                ArnEquals: { "ec2:Subnet": p.subnetArns },
            },
        },
        {
            Sid: "UseGitHubConnection",
            Effect: "Allow",
            Action: connectionActions(p.connectionArn),
            Resource: p.connectionArn,
        },
    ];
}

/** The runner role's trust: CodeBuild, for projects of this account only (the confused-deputy guard of the IAM docs). */
export function runnerTrustPolicy(accountId: string): string {
    return conditionalServiceAssumeRolePolicy("codebuild.amazonaws.com", { StringEquals: { "aws:SourceAccount": accountId } });
}

/** The connection actions in the connection's own service prefix (CodeConnections, or CodeStar Connections before the rename). */
export function connectionActions(connectionArn: string): string[] {
    const service = connectionArn.split(":")[2];
    return [`${service}:UseConnection`, `${service}:GetConnectionToken`, `${service}:GetConnection`];
}

/**
 * The runner's CodeBuild project, apart from its role, network and log group: the GitHub repository through the
 * connection, a non-privileged Linux container (no Docker daemon: images are built in the application's own pipeline),
 * no artifacts, logs to CloudWatch only.
 */
export function runnerProjectSpec(r: RunnerSettings) {
    return {
        description: `GitHub Actions runner in the VPC for ${r.repository} (deploy and preview jobs)`,
        buildTimeout: r.timeoutMinutes,
        queuedTimeout: 60,
        source: {
            type: "GITHUB",
            location: runnerSourceLocation(r.repository),
            auth: { type: "CODECONNECTIONS", resource: r.connectionArn },
            gitCloneDepth: 1,
            reportBuildStatus: false,
        },
        artifacts: { type: "NO_ARTIFACTS" },
        environment: {
            type: "LINUX_CONTAINER",
            image: RUNNER_IMAGE,
            computeType: r.computeType,
            imagePullCredentialsType: "CODEBUILD",
            privilegedMode: false,
        },
    };
}

/** True when the cluster's settings create the runner. */
export function hasRunner(s: Pick<ClusterSettings, "access">): boolean {
    return s.access?.runner !== undefined;
}

/**
 * The CIDRs admitted to the private API endpoint on 443 besides the nodes: the network route's source CIDRs.
 * (The runner is admitted by its security group, not by CIDR.)
 */
export function apiSourceCidrs(s: Pick<ClusterSettings, "access">): string[] {
    return s.access?.route === "network" ? [...s.access.sourceCidrs] : [];
}
