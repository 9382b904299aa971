import { loadConfig, problemsOf } from "../helpers";

// strata:cluster config validation as the cluster relies on it (no plan needed).
describe("strata:cluster validation", () => {
    const load = (env: string, cluster: unknown, extra: Record<string, string> = {}, stack = env) =>
        loadConfig({ "strata:environment": env, "strata:cluster": cluster, ...extra }, stack);
    const problems = problemsOf;

    test.each(["staging", "prod"])("0.0.0.0/0 as a public endpoint CIDR is refused in %s, naming the key", (env) => {
        const p = problems(() => load(env, { publicAccessCidrs: ["198.51.100.0/24", "0.0.0.0/0"] }));
        expect(p).toHaveLength(1);
        expect(p[0]).toMatch(
            /^strata:cluster\.publicAccessCidrs\[1\]: "0\.0\.0\.0\/0" opens the Kubernetes API endpoint to the whole internet/,
        );
    });

    test("dev may open the endpoint (it is still a config choice, never a default)", () => {
        expect(load("dev", { publicAccessCidrs: ["0.0.0.0/0"] }).cluster.publicAccessCidrs).toEqual(["0.0.0.0/0"]);
        expect(load("dev", {}).cluster.publicAccessCidrs).toEqual([]);
    });

    test("private ranges and malformed CIDRs are refused for the public endpoint", () => {
        expect(problems(() => load("prod", { publicAccessCidrs: ["172.20.1.0/24"] }))[0]).toMatch(/is a private \(RFC 1918\) range/);
        expect(load("prod", { publicAccessCidrs: ["172.32.0.0/16", "8.0.0.0/7"] }).cluster.publicAccessCidrs).toHaveLength(2);
        expect(problems(() => load("prod", { publicAccessCidrs: ["10.20.0.0/16"] }))[0]).toMatch(
            /^strata:cluster\.publicAccessCidrs\[0\]: "10\.20\.0\.0\/16" is a private \(RFC 1918\) range/,
        );
        expect(problems(() => load("prod", { publicAccessCidrs: ["300.1.1.1/24"] }))[0]).toMatch(
            /^strata:cluster\.publicAccessCidrs\[0\]: "300\.1\.1\.1\/24" is not an IPv4 CIDR/,
        );
    });

    test.each([["m9x.huge"], ["t2.micro"], ["m5 large"], ["m3.medium"], ["a1.large"]])("instance type %s is refused", (bad) => {
        const p = problems(() => load("prod", { nodeGroups: [{ name: "system", instanceTypes: [bad], minSize: 1, maxSize: 3 }] }));
        expect(p).toEqual([
            `strata:cluster.nodeGroups[0].instanceTypes[0]: ${JSON.stringify(bad)} is not an EC2 instance type EKS nodes can use (a current-generation type such as t3.medium, m7i.large or m7g.xlarge)`,
        ]);
    });

    test("current instance types are accepted", () => {
        for (const t of ["t3.medium", "m7i-flex.large", "m6gd.2xlarge", "c7gn.metal", "r8g.48xlarge", "g5.xlarge", "inf2.xlarge"]) {
            expect(() => load("prod", { nodeGroups: [{ name: "system", instanceTypes: [t], minSize: 1, maxSize: 3 }] })).not.toThrow();
        }
    });

    test("node group sizes, architecture mixes, duplicate names and all-tainted pools are refused", () => {
        expect(
            problems(() => load("prod", { nodeGroups: [{ name: "a", instanceTypes: ["m7i.large"], minSize: 5, maxSize: 3 }] })),
        ).toContain("strata:cluster.nodeGroups[0].minSize: 5 is larger than maxSize (3)");
        expect(
            problems(() =>
                load("prod", { nodeGroups: [{ name: "a", instanceTypes: ["m7i.large"], minSize: 1, maxSize: 3, desiredSize: 4 }] }),
            ),
        ).toContain("strata:cluster.nodeGroups[0].desiredSize: 4 must be between minSize (1) and maxSize (3)");
        expect(
            problems(() =>
                load("prod", { nodeGroups: [{ name: "a", instanceTypes: ["m7i.large", "m7g.large"], minSize: 1, maxSize: 3 }] }),
            )[0],
        ).toMatch(/^strata:cluster\.nodeGroups\[0\]\.instanceTypes: .* mixes arm64 \(Graviton\) and x86_64/);
        const dup = { name: "a", instanceTypes: ["m7i.large"], minSize: 1, maxSize: 3 };
        expect(problems(() => load("prod", { nodeGroups: [dup, dup] }))[0]).toMatch(
            /^strata:cluster\.nodeGroups\[1\]\.name: "a" names a node group twice/,
        );
        const tainted = { ...dup, taints: [{ key: "x", effect: "NO_SCHEDULE" }] };
        expect(problems(() => load("prod", { nodeGroups: [tainted] }))[0]).toMatch(
            /^strata:cluster\.nodeGroups: needs at least one node group without NoSchedule/,
        );
        expect(
            problems(() =>
                load("prod", { nodeGroups: [{ name: "a", instanceTypes: ["m6i.xlarge", "g5.xlarge"], minSize: 1, maxSize: 3 }] }),
            ),
        ).toEqual([
            'strata:cluster.nodeGroups[0].instanceTypes: ["m6i.xlarge","g5.xlarge"] mixes instance types that need different EKS AMIs (AL2023_x86_64_STANDARD, AL2023_x86_64_NVIDIA); put accelerated (GPU, Inferentia, Trainium) types in their own node group',
        ]);
        expect(problems(() => load("prod", { nodeGroups: [{ ...dup, taints: [{ key: "x", effect: "SOMETIMES" }] }] }))[0]).toMatch(
            /^strata:cluster\.nodeGroups\[0\]\.taints\[0\]\.effect: "SOMETIMES" is not allowed; expected one of: "NO_SCHEDULE"/,
        );
    });

    test("unknown keys, unsupported versions, bad durations and autoscaler ceilings are reported with their key", () => {
        expect(problems(() => load("prod", { versoin: "1.35" }))[0]).toMatch(
            /^strata:cluster\.versoin: unknown key \(did you mean "version"\?\)/,
        );
        expect(problems(() => load("prod", { version: "1.20" }))[0]).toMatch(
            /^strata:cluster\.version: "1\.20" is not allowed; expected one of: "1\.32"/,
        );
        expect(problems(() => load("prod", { autoscaler: { scaleDownUnneededTime: "ten minutes" } }))[0]).toMatch(
            /^strata:cluster\.autoscaler\.scaleDownUnneededTime: "ten minutes" is not a duration/,
        );
        expect(problems(() => load("prod", { autoscaler: { maxNodesTotal: 2 } }))[0]).toBe(
            "strata:cluster.autoscaler.maxNodesTotal: 2 is below the sum of the node groups' minSize (3)",
        );
        expect(problems(() => load("prod", { adminPrincipalArns: ["admins"] }))[0]).toMatch(
            /^strata:cluster\.adminPrincipalArns\[0\]: "admins" is not an IAM role or user ARN/,
        );
        const dev = "arn:aws:iam::123456789012:role/developers";
        expect(problems(() => load("prod", { adminPrincipalArns: [dev], readOnlyPrincipalArns: [dev] }))).toEqual([
            `strata:cluster.readOnlyPrincipalArns[0]: "${dev}" is already listed in adminPrincipalArns[0]; EKS allows one access entry per principal`,
        ]);
        expect(problems(() => load("prod", { deployerAdmin: false }))).toEqual([]); // removed key: false is accepted, no effect
        expect(problems(() => load("prod", { deployerAdmin: true }))[0]).toMatch(
            /^strata:cluster\.deployerAdmin: true is no longer supported: .*set strata:cluster\.deployerPrincipalArn/,
        );
        expect(problems(() => load("prod", { adminPrincipalArns: [dev, dev] }))[0]).toMatch(
            /^strata:cluster\.adminPrincipalArns\[1\]: .* is already listed in adminPrincipalArns\[0\]/,
        );
        expect(problems(() => load("prod", { addonVersions: { "vpc-cni": "latest" } }))[0]).toMatch(
            /^strata:cluster\.addonVersions\.vpc-cni: "latest" is not an EKS add-on version/,
        );
        expect(problems(() => load("prod", { addonVersions: { vpc_cni: "v1.0.0-eksbuild.1" } }))[0]).toMatch(
            /^strata:cluster\.addonVersions\.vpc_cni: unknown key \(did you mean "vpc-cni"\?\)/,
        );
    });

    test("names the cluster implies must fit AWS limits (node group 63 with Pulumi's suffix)", () => {
        const p = problems(() =>
            load(
                "prod",
                { nodeGroups: [{ name: "general-purpose-pool", instanceTypes: ["m7i.large"], minSize: 1, maxSize: 3 }] },
                { "strata:name": "abcdefghijklmnopqrst" },
                "production-blue",
            ),
        );
        expect(
            p.some((m) =>
                /^strata:cluster\.nodeGroups\[0\]\.name: gives the eksNodeGroup name ".*-ng-general-purpose-pool-[0-9a-f]{6}-xxxxxxx" \(\d+ characters, AWS allows 63\)/.test(
                    m,
                ),
            ),
        ).toBe(true);
    });

    test("per-environment defaults", () => {
        expect(load("dev", {}).cluster.nodeGroups.map((g) => [g.name, g.capacityType, g.minSize, g.maxSize])).toEqual([
            ["system", "SPOT", 1, 4],
        ]);
        expect(load("staging", {}).cluster.nodeGroups.map((g) => [g.name, g.capacityType, g.minSize, g.maxSize])).toEqual([
            ["system", "ON_DEMAND", 2, 6],
        ]);
        expect(load("prod", {}).cluster.nodeGroups.map((g) => [g.name, g.capacityType, g.minSize, g.maxSize])).toEqual([
            ["system", "ON_DEMAND", 3, 20],
            ["workers", "SPOT", 0, 20],
        ]);
        expect(load("prod", {}).cluster.autoscaler).toMatchObject({
            scaleDownUtilizationThreshold: 0.7,
            scaleDownUnneededTime: "10m",
            maxNodesTotal: 50,
        });
    });
});
