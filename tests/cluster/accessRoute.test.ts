import * as childProcess from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { accessProblems } from "../../components/config/cluster";
import { loadPlatformConfig } from "../../components/config";
import {
    connectionActions,
    runnerLabel,
    runnerStatements,
    runnerTrustPolicy,
    runnerWebhookFilterGroups,
} from "../../components/cluster/runner";
import { ROOT, allStackFiles, configProblems, ingressInto, planOf, planOfFile, problemsOf, stackFile, TEST_ACCESS_ROUTE } from "../helpers";
import YAML from "yaml";

const CONNECTION = "arn:aws:codeconnections:us-east-1:123456789012:connection/6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b";
const RUNNER = { repository: "acme/platform", connectionArn: CONNECTION };

describe("strata:cluster.access: the deployer's route to the Kubernetes API", () => {
    test("a stack that names no route is refused, naming the key and the routes", () => {
        const p = problemsOf(() =>
            loadPlatformConfig(
                {
                    "aws:region": "us-east-1",
                    "strata:environment": "dev",
                    "strata:cluster": JSON.stringify({ deployerPrincipalArn: "arn:aws:iam::123456789012:role/deployer" }),
                },
                { project: "strata", stack: "dev" },
            ),
        );
        expect(p).toEqual([expect.stringMatching(/^strata:cluster\.access: is required: name the route .*publicCidrs.*runner.*network/)]);
    });

    test("route publicCidrs with no CIDR listed is refused on strata:cluster.publicAccessCidrs", () => {
        expect(configProblems({ "strata:cluster": { access: { route: "publicCidrs" }, publicAccessCidrs: [] } })).toEqual([
            expect.stringMatching(/^strata:cluster\.publicAccessCidrs: is empty, and strata:cluster\.access\.route is publicCidrs/),
        ]);
        expect(configProblems({ "strata:cluster": { access: { route: "publicCidrs" }, publicAccessCidrs: ["198.51.100.7/32"] } })).toEqual(
            [],
        );
    });

    test("route runner needs its runner; route network its CIDRs and a reason; CIDRs belong to route network only", () => {
        expect(configProblems({ "strata:cluster": { access: { route: "runner" } } })).toEqual([
            expect.stringMatching(/^strata:cluster\.access\.runner: is required with route runner/),
        ]);
        expect(configProblems({ "strata:cluster": { access: { route: "network" } } })).toEqual([
            expect.stringMatching(/^strata:cluster\.access\.sourceCidrs: is empty, and route network needs/),
            expect.stringMatching(/^strata:cluster\.access\.reason: is required with route network/),
        ]);
        expect(configProblems({ "strata:cluster": { access: { route: "runner", runner: RUNNER, sourceCidrs: ["10.9.0.0/16"] } } })).toEqual(
            [expect.stringMatching(/^strata:cluster\.access\.sourceCidrs: is only used by route network, and the route is runner/)],
        );
    });

    test("an unknown route, repository or connection ARN is refused with what is allowed", () => {
        expect(configProblems({ "strata:cluster": { access: { route: "vpn" } } })[0]).toMatch(
            /^strata:cluster\.access\.route: "vpn" is not allowed; expected one of: "publicCidrs", "runner", "network"/,
        );
        const p = configProblems({
            "strata:cluster": { access: { route: "runner", runner: { repository: "acme", connectionArn: "arn:aws:iam::1:role/x" } } },
        });
        expect(p).toEqual([
            expect.stringMatching(/^strata:cluster\.access\.runner\.repository: "acme" is not a GitHub repository/),
            expect.stringMatching(
                /^strata:cluster\.access\.runner\.connectionArn: "arn:aws:iam::1:role\/x" is not a CodeConnections connection ARN/,
            ),
        ]);
    });

    test("accessProblems is the one rule table: each route's requirement, nothing else", () => {
        const base = { sourceCidrs: [] as string[] };
        expect(accessProblems({ access: { route: "runner", ...base, runner: RUNNER }, publicAccessCidrs: [] })).toEqual([]);
        expect(accessProblems({ access: { route: "runner", ...base, runner: RUNNER }, publicAccessCidrs: ["198.51.100.7/32"] })).toEqual(
            [],
        );
        expect(
            accessProblems({
                access: { route: "network", sourceCidrs: ["10.9.0.0/16"], reason: "Client VPN cvpn-0abc" },
                publicAccessCidrs: [],
            }),
        ).toEqual([]);
        expect(
            accessProblems({ access: { route: "network", sourceCidrs: ["10.9.0.0/16"], reason: "vpn" }, publicAccessCidrs: [] }),
        ).toEqual([expect.objectContaining({ path: ["access", "reason"] })]);
    });

    test("every shipped stack file names its route: dev the public endpoint for listed CIDRs, staging and prod the runner", () => {
        for (const file of allStackFiles()) {
            const doc = YAML.parse(fs.readFileSync(file, "utf8")) as {
                config: Record<string, { access?: { route: string }; publicAccessCidrs?: string[] }>;
            };
            const env = doc.config["strata:environment"] as unknown as string;
            const cluster = doc.config["strata:cluster"];
            expect([path.relative(ROOT, file), cluster.access?.route]).toEqual([
                path.relative(ROOT, file),
                env === "dev" ? "publicCidrs" : "runner",
            ]);
            if (env === "dev") expect(cluster.publicAccessCidrs!.length).toBeGreaterThan(0);
        }
    });

    test("the plan CLI refuses a dev stack whose route is CIDRs with publicAccessCidrs: [], exit 2, one line naming the key", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strata-access-"));
        const file = path.join(dir, "Pulumi.dev.yaml");
        const doc = YAML.parse(fs.readFileSync(path.join(ROOT, "Pulumi.dev.yaml"), "utf8")) as {
            config: Record<string, Record<string, unknown>>;
        };
        doc.config["strata:cluster"].publicAccessCidrs = [];
        fs.writeFileSync(file, YAML.stringify(doc));
        const r = childProcess.spawnSync(
            process.execPath,
            [require.resolve("ts-node/dist/bin.js"), "--transpile-only", "plan/cli.ts", "--config-file", file],
            { cwd: ROOT, encoding: "utf8" },
        );
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(/strata:cluster\.publicAccessCidrs: is empty, and strata:cluster\.access\.route is publicCidrs/);
        expect(r.stderr).not.toMatch(/\n\s+at /);
    });
});

describe("the network route", () => {
    test("admits exactly its CIDRs to the cluster security group on 443, and leaves the public endpoint off", async () => {
        const plan = await planOfFile(stackFile({ environment: "dev" }));
        const cluster = plan.resources.find((r) => r.type === "aws:eks/cluster:Cluster")!;
        expect(cluster.inputs.vpcConfig).toMatchObject({ endpointPrivateAccess: true, endpointPublicAccess: false });
        const sgId = plan.outputs.clusterSecurityGroupId as string;
        const fromCidrs = ingressInto(plan, sgId).filter((r) => r.cidr !== undefined);
        expect(fromCidrs).toEqual([{ source: undefined, protocol: "tcp", from: 443, to: 443, cidr: TEST_ACCESS_ROUTE.sourceCidrs[0] }]);
    });
});

describe("the in-VPC deploy runner (prod stack)", () => {
    test("a CodeBuild project in the private subnets, not privileged, logging to its encrypted log group, with the connection", async () => {
        const plan = await planOf("prod");
        const project = plan.resources.find((r) => r.type === "aws:codebuild/project:Project")!;
        expect(project.inputs.name).toBe("strata-prod-deploy-runner");
        expect(project.inputs.environment).toMatchObject({
            type: "LINUX_CONTAINER",
            privilegedMode: false,
            computeType: "BUILD_GENERAL1_MEDIUM",
        });
        expect(project.inputs.source).toMatchObject({
            type: "GITHUB",
            location: "https://github.com/your-org/strata-platform.git",
            auth: { type: "CODECONNECTIONS", resource: expect.stringMatching(/^arn:aws:codeconnections:us-east-1:/) },
        });
        const vpc = project.inputs.vpcConfig as { subnets: string[]; securityGroupIds: string[]; vpcId: string };
        expect(vpc.subnets).toEqual(plan.outputs.privateSubnetIds);
        expect((project.inputs.logsConfig as { cloudwatchLogs: unknown }).cloudwatchLogs).toEqual({
            status: "ENABLED",
            groupName: "/aws/codebuild/strata-prod-deploy-runner",
        });
        const logGroup = plan.resources.find(
            (r) => r.type === "aws:cloudwatch/logGroup:LogGroup" && r.inputs.name === "/aws/codebuild/strata-prod-deploy-runner",
        )!;
        expect(logGroup.inputs.kmsKeyId).toMatch(/^arn:aws:kms:/);
        // The runner's group reaches the API endpoint: an ingress rule into the cluster SG from exactly it, on 443.
        const fromRunner = ingressInto(plan, plan.outputs.clusterSecurityGroupId as string).filter(
            (r) => r.source === vpc.securityGroupIds[0],
        );
        expect(fromRunner).toEqual([{ source: vpc.securityGroupIds[0], protocol: "tcp", from: 443, to: 443, cidr: undefined }]);
        const cluster = plan.resources.find((r) => r.type === "aws:eks/cluster:Cluster")!;
        expect(cluster.inputs.vpcConfig).toMatchObject({ endpointPublicAccess: false });
    });

    test("the webhook builds queued jobs of the deploy and preview workflows only", async () => {
        const plan = await planOf("prod");
        const hook = plan.resources.find((r) => r.type === "aws:codebuild/webhook:Webhook")!;
        expect(hook.inputs).toMatchObject({ projectName: "strata-prod-deploy-runner", buildType: "BUILD" });
        expect(hook.inputs.filterGroups).toEqual(runnerWebhookFilterGroups());
        const [group] = runnerWebhookFilterGroups();
        expect(group.filters).toEqual([
            { type: "EVENT", pattern: "WORKFLOW_JOB_QUEUED" },
            { type: "WORKFLOW_NAME", pattern: "^(deploy|preview)$" },
        ]);
        expect(new RegExp(group.filters[1].pattern).test("deploy")).toBe(true);
        expect(new RegExp(group.filters[1].pattern).test("deploy-evil")).toBe(false);
    });

    test("the runner's role: its own logs, network interfaces in its subnets for CodeBuild only, the one connection", () => {
        const statements = runnerStatements({
            partition: "aws",
            region: "eu-west-1",
            logGroupArns: ["arn:aws:logs:eu-west-1:1:log-group:/aws/codebuild/x", "arn:aws:logs:eu-west-1:1:log-group:/aws/codebuild/x:*"],
            subnetArns: ["arn:aws:ec2:eu-west-1:1:subnet/subnet-a"],
            connectionArn: CONNECTION,
        });
        expect(statements.map((s) => s.Sid)).toEqual([
            "WriteOwnLogs",
            "VpcNetworkInterfaces",
            "NetworkInterfacePermissionInRunnerSubnets",
            "UseGitHubConnection",
        ]);
        expect(statements[2].Condition).toEqual({
            StringEquals: { "ec2:AuthorizedService": "codebuild.amazonaws.com" },
            ArnEquals: { "ec2:Subnet": ["arn:aws:ec2:eu-west-1:1:subnet/subnet-a"] },
        });
        expect(statements[3]).toMatchObject({
            Resource: CONNECTION,
            Action: ["codeconnections:UseConnection", "codeconnections:GetConnectionToken", "codeconnections:GetConnection"],
        });
        expect(connectionActions("arn:aws:codestar-connections:us-east-1:1:connection/x")[0]).toBe("codestar-connections:UseConnection");
        expect(statements.flatMap((s) => [s.Action].flat())).not.toContain("*");
    });

    test("the runner's role trusts CodeBuild for this account only", () => {
        expect(JSON.parse(runnerTrustPolicy("123456789012"))).toEqual({
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { Service: "codebuild.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
                },
            ],
        });
    });

    test("the runs-on label names the project, the run and the attempt", () => {
        expect(runnerLabel("strata-prod-deploy-runner")).toBe(
            "codebuild-strata-prod-deploy-runner-${{ github.run_id }}-${{ github.run_attempt }}",
        );
    });
});
