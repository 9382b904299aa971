import * as pulumi from "@pulumi/pulumi";
import { configProblems, loadConfig, TEST_ACCESS_ROUTE } from "./helpers";
import type { ConfigError } from "../components/config";
import { loadPlatformConfig, platformSchema } from "../components/config";
import { awsxSubnetLayout } from "../components/subnetLayout";

const load = (extra: Record<string, unknown>, stack = "dev") => loadConfig(extra, stack);
const problemsOf = (extra: Record<string, unknown>, stack = "dev") => configProblems(extra, stack);

describe("config presets", () => {
    test.each([
        ["dev", 2, "single", 7, []],
        ["staging", 2, "single", 14, ["ecr.api", "ecr.dkr", "sts", "logs"]],
        ["prod", 3, "onePerAz", 30, ["ecr.api", "ecr.dkr", "sts", "logs"]],
    ])("%s preset: %i AZs, NAT %s, KMS window %i days", (env, azs, nat, window, endpoints) => {
        const cfg = load({ "strata:environment": env });
        expect(cfg.environment).toBe(env);
        expect(cfg.network.availabilityZones).toBe(azs);
        expect(cfg.network.natGateways).toBe(nat);
        expect(cfg.kms.deletionWindowDays).toBe(window);
        expect(cfg.network.interfaceEndpoints).toEqual(endpoints);
    });

    test("a stack file's values override the preset, the rest of the preset stays", () => {
        const cfg = load({ "strata:environment": "prod", "strata:network": { natGateways: "single" } });
        expect(cfg.network.natGateways).toBe("single");
        expect(cfg.network.availabilityZones).toBe(3);
        expect(cfg.network.flowLogRetentionDays).toBe(365);
    });

    test("default tags carry every required tag, from config", () => {
        const cfg = load({ "strata:name": "visa", "strata:owner": "team-a", "strata:costCenter": "cc-42", "strata:tags": { Team: "x" } });
        expect(cfg.defaultTags).toEqual({
            Project: "visa",
            Environment: "dev",
            Owner: "team-a",
            CostCenter: "cc-42",
            ManagedBy: "pulumi",
            Team: "x",
        });
        expect(cfg.naming.prefix).toBe("visa-dev");
    });

    test("the schema gives one default per environment for every section but the cluster's access route, which a stack must name", () => {
        for (const env of ["dev", "staging", "prod"] as const) {
            const parsed = platformSchema(env).safeParse({ environment: env });
            expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."))).toEqual(["cluster.access"]);
            expect(platformSchema(env).safeParse({ environment: env, cluster: { access: TEST_ACCESS_ROUTE } }).success).toBe(true);
        }
    });
});

describe("config errors name the key, the value and what is allowed", () => {
    test("unknown top-level key, with a suggestion", () => {
        const [p] = problemsOf({ "strata:netwrok": { cidr: "10.0.0.0/16" } });
        expect(p).toMatch(/^strata:netwrok: unknown key \(did you mean "strata:network"\?\); allowed keys: .*strata:network/);
    });

    test("unknown nested key", () => {
        const [p] = problemsOf({ "strata:network": { natGateway: "single" } });
        expect(p).toMatch(/^strata:network\.natGateway: unknown key \(did you mean "natGateways"\?\); allowed keys: cidr, /);
    });

    test("bad enum value", () => {
        expect(problemsOf({ "strata:network": { natGateways: "two" } })).toEqual([
            'strata:network.natGateways: "two" is not allowed; expected one of: "single", "onePerAz"',
        ]);
    });

    test("bad environment", () => {
        expect(problemsOf({ "strata:environment": "production" })[0]).toBe(
            'strata:environment: "production" is not allowed; expected one of: "dev", "staging", "prod"',
        );
    });

    test("missing environment and region", () => {
        let problems: string[] = [];
        try {
            loadPlatformConfig({}, { project: "strata", stack: "x" });
        } catch (err) {
            problems = (err as ConfigError).problems;
        }
        expect(problems[0]).toMatch(/^aws:region: is required/);
        expect(problems[1]).toMatch(/^strata:environment: is required; set it to one of: dev, staging, prod/);
    });

    test("bad region", () => {
        expect(problemsOf({ "aws:region": "us-east-9x" })[0]).toMatch(
            /^aws:region: "us-east-9x" is not an AWS region \(did you mean "us-east-1"\?\)/,
        );
    });

    test("wrong type", () => {
        expect(problemsOf({ "strata:network": { availabilityZones: "three" } })[0]).toBe(
            'strata:network.availabilityZones: "three" is a string; expected number',
        );
    });

    test("out of range", () => {
        expect(problemsOf({ "strata:kms": { deletionWindowDays: 3 } })[0]).toBe(
            "strata:kms.deletionWindowDays: 3 is too small; it must be >= 7",
        );
    });

    test("CloudWatch retention must be one CloudWatch accepts", () => {
        expect(problemsOf({ "strata:network": { flowLogRetentionDays: 100 } })[0]).toMatch(
            /^strata:network\.flowLogRetentionDays: 100 is not a CloudWatch Logs retention period; allowed: 1, 3, 5, 7/,
        );
    });

    test("required tags cannot be overridden through strata:tags", () => {
        expect(problemsOf({ "strata:tags": { Environment: "prod" } })[0]).toBe(
            "strata:tags.Environment: is set by Strata from other keys and cannot be overridden here",
        );
    });

    test("a CIDR too small for the subnets awsx would cut from it", () => {
        const [p] = problemsOf({ "strata:environment": "prod", "strata:network": { cidr: "10.0.0.0/20" } });
        expect(p).toMatch(/^strata:network\.cidr: "10\.0\.0\.0\/20" is too small: 3 AZs get a \/22 block each \(1024 addresses\)/);
    });

    test("not a CIDR", () => {
        expect(problemsOf({ "strata:network": { cidr: "10.0.0.1/16" } })[0]).toBe(
            'strata:network.cidr: "10.0.0.1/16" is not an IPv4 CIDR block such as 10.0.0.0/16',
        );
    });

    test("several problems are all reported, one line each", () => {
        const problems = problemsOf({ "strata:network": { natGateways: "x", availabilityZones: 9 }, "strata:foo": 1 });
        expect(problems).toHaveLength(3);
    });

    test("a replication region equal to the stack's region fails in validation, before any resource exists", () => {
        expect(problemsOf({ "strata:environment": "prod", "strata:objectStore": { replicationRegion: "us-east-1" } })).toEqual([
            'strata:objectStore.replicationRegion: "us-east-1" is the stack\'s own region (aws:region); cross-region replication needs another region',
        ]);
    });

    test("a region with no default replication pair needs an explicit replicationRegion when a bucket replicates", () => {
        expect(problemsOf({ "strata:environment": "prod", "aws:region": "il-central-1" })).toEqual([
            expect.stringMatching(
                /^strata:objectStore\.replicationRegion: is required when a bucket replicates and aws:region is "il-central-1"/,
            ),
            "strata:backup.copyRegion: is required: aws:region il-central-1 has no default pair; name the region the copies go to",
        ]);
    });

    test("names AWS limits: a stack name that makes an auto-named IAM role longer than 64 characters", () => {
        const long = "feature-branch-preview-environment-for-ticket-12345";
        const problems = problemsOf({}, long);
        expect(
            problems.some((p) =>
                /^strata:name: gives the iamRole name "strata-feature-branch-preview-environment-for-ticket-12345-flow-logs-xxxxxxx" \(\d+ characters, AWS allows 64\); shorten strata:name \("strata"\) or the stack name$/.test(
                    p,
                ),
            ),
        ).toBe(true);
    });

    test("bad system name", () => {
        expect(problemsOf({ "strata:name": "Visa_Agent" })[0]).toMatch(/^strata:name: "Visa_Agent" must be 1-20 lower-case letters/);
    });

    test("ConfigError is a pulumi RunError: the CLI prints it without a stack trace", () => {
        try {
            load({ "strata:network": { natGateways: "x" } });
        } catch (err) {
            expect(err).toBeInstanceOf(pulumi.RunError);
            return;
        }
        throw new Error("expected an error");
    });
});

describe("awsx Auto subnet layout (awsx ec2/subnetDistributorNew.ts)", () => {
    test("matches awsx's own documented example: /19 private, /20 public, /24 isolated in one /16 block", () => {
        expect(
            awsxSubnetLayout("10.0.0.0/16", 1, [
                { tier: "private", cidrMask: 19 },
                { tier: "public", cidrMask: 20 },
                { tier: "isolated", cidrMask: 24 },
            ]).map((s) => s.cidrBlock),
        ).toEqual(["10.0.0.0/19", "10.0.32.0/20", "10.0.48.0/24"]);
    });

    test("3 AZs get /18 blocks; each AZ's subnets follow each other, aligned to their size", () => {
        const layout = awsxSubnetLayout("10.0.0.0/16", 3, [
            { tier: "private", cidrMask: 19 },
            { tier: "public", cidrMask: 24 },
            { tier: "isolated", cidrMask: 24 },
        ]);
        expect(layout.map((s) => `${s.tier}:${s.cidrBlock}`)).toEqual([
            "private:10.0.0.0/19",
            "public:10.0.32.0/24",
            "isolated:10.0.33.0/24",
            "private:10.0.64.0/19",
            "public:10.0.96.0/24",
            "isolated:10.0.97.0/24",
            "private:10.0.128.0/19",
            "public:10.0.160.0/24",
            "isolated:10.0.161.0/24",
        ]);
    });

    test("the private tier holds 8,187 pod IPs per AZ (VPC CNI), with the other half of each AZ block free to grow", () => {
        const cfg = load({ "strata:environment": "prod" });
        const usable = 2 ** (32 - cfg.network.privateSubnetMask) - 5; // AWS reserves 5 addresses per subnet
        expect(usable).toBe(8187);
    });
});
