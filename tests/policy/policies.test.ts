import * as fs from "fs";
import * as path from "path";
import * as aws from "@pulumi/aws";
import type { ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { evaluatePolicySet, loadPolicyConfig, PlanPolicyContext } from "../../policy/evaluate";
import { ENVIRONMENTS, isStackPolicy, levelFor } from "../../policy/lib/metadata";
import { policies } from "../../policy/policies";
import { CASES, db, data, deployment, dbSg, KEY, lb, lbSg, logs, openIngress, redirect80, T, untaggedLogs } from "./cases";
import { awsProvider, check, findPolicy, PROVIDER_URN, res, via } from "./fake";

describe("policy metadata", () => {
    it("has one file per policy, each exported from policy/policies/index.ts", () => {
        const files = fs
            .readdirSync(path.join(__dirname, "../../policy/policies"))
            .filter((f) => f !== "index.ts")
            .map((f) => f.replace(/\.ts$/, ""));
        expect(policies.map((p) => p.name).sort()).toEqual(files.sort());
    });

    it.each(policies.map((p) => [p.name, p] as const))("%s: name, description, severity, controls", (name, p) => {
        expect(name).toMatch(/^(aws|kubernetes|pulumi|strata)(-[a-z0-9]+){1,3}-(require|disallow|restrict)-[a-z0-9-]+$/);
        expect(p.description.length).toBeGreaterThan(20);
        expect(p.checks.length).toBeGreaterThan(20);
        expect(["low", "medium", "high", "critical"]).toContain(p.severity);
        const controls = Object.values(p.controls).flat();
        expect(controls.length).toBeGreaterThan(0);
        expect(p.tags).toContain(p.category);
    });

    it("has a compliant and a violating case for every policy", () => {
        expect(Object.keys(CASES).sort()).toEqual(policies.map((p) => p.name).sort());
    });
});

describe.each(Object.entries(CASES))("%s", (name, c) => {
    const env = c.environment ?? "dev";
    it(`passes a compliant plan (${env})`, () => {
        expect(check(name, c.compliant, env, c.settings)).toEqual([]);
    });
    it(`reports the violating resource as mandatory (${env})`, () => {
        const violations = check(name, c.violating, env, c.violatingSettings ?? c.settings);
        expect(violations.length).toBeGreaterThan(0);
        expect(violations.map((v) => v.urn)).toContain(c.urn);
        expect(violations.every((v) => v.enforcementLevel === "mandatory")).toBe(true);
        expect(violations.map((v) => v.message).join("\n")).toMatch(c.message);
    });
});

describe("per-environment enforcement (policy/config/<env>.json)", () => {
    it.each(ENVIRONMENTS)("%s.json sets every policy's level from its category", (env) => {
        const config = loadPolicyConfig(env) as Record<string, Record<string, unknown>>;
        expect(Object.keys(config).sort()).toEqual(policies.map((p) => p.name).sort());
        for (const p of policies) {
            expect([p.name, config[p.name].enforcementLevel]).toEqual([p.name, levelFor(p, env)]);
            const known = Object.keys(p.configSchema?.properties ?? {});
            for (const k of Object.keys(config[p.name]))
                if (k !== "enforcementLevel") expect([p.name, known]).toEqual([p.name, expect.arrayContaining([k])]);
        }
        expect(config["aws-resource-require-tags"].environment).toBe(env);
    });

    it("keeps encryption, tagging and network exposure mandatory everywhere; data protection mandatory only in prod", () => {
        for (const env of ENVIRONMENTS) {
            const config = loadPolicyConfig(env) as Record<string, { enforcementLevel: string }>;
            for (const p of policies) {
                const level = config[p.name].enforcementLevel;
                if (["encryption", "tagging", "network-exposure", "access-control"].includes(p.category)) expect(level).toBe("mandatory");
                if (p.category === "data-protection") expect(level).toBe(env === "prod" ? "mandatory" : "advisory");
            }
        }
        expect(loadPolicyConfig("dev")["kubernetes-workload-require-replicas"]).toMatchObject({ enforcementLevel: "advisory" });
        expect(loadPolicyConfig("dev")["kubernetes-workload-require-probes"]).toMatchObject({ enforcementLevel: "mandatory" });
    });

    it("reports data protection as advisory outside prod", () => {
        const v = check("aws-rds-instance-cluster-require-deletion-protection", [db({ deletionProtection: false })], "staging");
        expect(v.map((x) => x.enforcementLevel)).toEqual(["advisory"]);
    });

    it("skips disabled policies, as the engine does", () => {
        const resources = [awsProvider(), db({ storageEncrypted: false })];
        const opts = { environment: "dev", stack: "dev", project: "strata" };
        const on = evaluatePolicySet(resources, opts, {}, [findPolicy("aws-rds-instance-cluster-require-storage-encryption")]);
        expect(on.violations).toHaveLength(1);
        const off = evaluatePolicySet(
            resources,
            opts,
            { "aws-rds-instance-cluster-require-storage-encryption": { enforcementLevel: "disabled" } },
            [findPolicy("aws-rds-instance-cluster-require-storage-encryption")],
        );
        expect(off.violations).toEqual([]);
    });

    it("fails clearly for an environment without a config file", () => {
        expect(() => loadPolicyConfig("qa")).toThrow(/no policy config for environment "qa".*known: dev, prod, staging/);
    });
});

describe("the engine fake", () => {
    const opts = { environment: "dev", stack: "dev", project: "strata" };
    const bucket = res(T.bucket, "data", { tags: { A: "b" } }, { options: { protect: true, ignoreChanges: ["tags"] } });
    const sse = res(T.sse, "data", { bucket: "data-1" }, via("bucket", bucket));
    const ctx = new PlanPolicyContext([awsProvider(), bucket, sse], opts, loadPolicyConfig("dev"));

    it("gives resource policies the engine's ResourceValidationArgs", () => {
        const args: ResourceValidationArgs = ctx.resourceArgs(bucket, findPolicy("aws-resource-require-tags"));
        expect(args).toMatchObject({ type: T.bucket, urn: bucket.urn, name: "data", props: { tags: { A: "b" } } });
        expect(args.opts).toEqual({
            protect: true,
            ignoreChanges: ["tags"],
            deleteBeforeReplace: false,
            aliases: [],
            additionalSecretOutputs: [],
            customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
            parent: bucket.parent,
        });
        expect(args.provider).toMatchObject({ type: "pulumi:providers:aws", urn: PROVIDER_URN, name: "aws" });
        expect(typeof args.provider!.props.defaultTags).toBe("string");
        expect(args.stackTags.get("pulumi:project")).toBe("strata");
        expect(args.isType(aws.s3.Bucket)).toBe(true);
        expect(args.isType(aws.s3.BucketV2)).toBe(false);
        expect(args.asType(aws.s3.Bucket)).toBe(args.props);
        expect(args.asType(aws.rds.Instance)).toBeUndefined();
        expect(args.getConfig()).toMatchObject({ environment: "dev", requiredTags: expect.arrayContaining(["Owner"]) });
        expect(() => args.notApplicable("why")).toThrow("why");
    });

    it("serialises object-valued provider inputs as JSON, as @pulumi/aws does", () => {
        const p = awsProvider();
        p.inputs.defaultTags = { tags: { Project: "x" } };
        const c = new PlanPolicyContext([p, bucket], opts, {});
        expect(c.resourceArgs(bucket, findPolicy("aws-resource-require-tags")).provider!.props.defaultTags).toBe(
            '{"tags":{"Project":"x"}}',
        );
    });

    it("gives stack policies resources with parent, dependencies and property dependencies as objects", () => {
        const args: StackValidationArgs = ctx.stackArgs(findPolicy("aws-s3-bucket-require-kms-encryption"));
        const s = args.resources.find((r) => r.urn === sse.urn)!;
        const b = args.resources.find((r) => r.urn === bucket.urn)!;
        expect(s.propertyDependencies.bucket).toEqual([b]);
        expect(s.dependencies).toEqual([b]);
        expect(s.provider?.urn).toBe(PROVIDER_URN);
        expect(b.isType(aws.s3.Bucket)).toBe(true);
    });

    it("records notApplicable reasons, e.g. for types a validateResourceOfType does not cover", () => {
        const r = evaluatePolicySet([awsProvider(), bucket], opts, {}, [findPolicy("aws-kms-key-require-rotation")]);
        expect(r.violations).toEqual([]);
        expect(r.notApplicable).toContainEqual({
            policy: "aws-kms-key-require-rotation",
            urn: bucket.urn,
            reason: "Policy only applies to resources of type 'aws:kms/key:Key'",
        });
    });

    it("handles remote component resources (awsx:ec2:Vpc) and components without failing", () => {
        const vpc = res("awsx:ec2:Vpc", "vpc", { cidrBlock: "10.0.0.0/16", tags: {} }, { custom: false, provider: null });
        const comp = res("strata:network:Network", "net", {}, { custom: false, provider: null });
        const r = evaluatePolicySet([awsProvider(), vpc, comp], opts, loadPolicyConfig("prod"));
        expect(r.violations).toEqual([]);
    });
});

describe("tagging", () => {
    const q = (tags?: Record<string, string>) => res("aws:sqs/queue:Queue", "q", { kmsMasterKeyId: KEY, ...(tags ? { tags } : {}) });

    it("counts the provider's default tags (a JSON string) with the resource's own", () => {
        expect(check("aws-resource-require-tags", [q()])).toEqual([]);
        expect(
            check("aws-resource-require-tags", [
                awsProvider({ Project: "strata" }),
                q({ Environment: "dev", Owner: "o", CostCenter: "c", ManagedBy: "pulumi" }),
            ]),
        ).toEqual([]);
    });

    it("reports every tag when the resource has no provider default tags", () => {
        const v = check("aws-resource-require-tags", [res("aws:sqs/queue:Queue", "q", {}, { provider: null })]);
        expect(v[0].message).toMatch(/Project, Environment, Owner, CostCenter, ManagedBy/);
    });

    it("requires Environment to equal the configured environment", () => {
        const v = check("aws-resource-require-tags", [q()], "prod");
        expect(v).toHaveLength(1);
        expect(v[0].message).toMatch(/Environment is 'dev' but this stack's environment is 'prod'/);
    });

    it("skips types without tags and types outside @pulumi/aws", () => {
        expect(
            check("aws-resource-require-tags", [
                res("aws:kms/alias:Alias", "a", {}, { provider: null }),
                res("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "r", {}, { provider: null }),
            ]),
        ).toEqual([]);
    });
});

describe("S3 encryption linking", () => {
    const policy = "aws-s3-bucket-require-kms-encryption";
    it("reports a bucket with no encryption configuration", () => {
        expect(check(policy, [data]).map((v) => v.urn)).toEqual([data.urn]);
    });
    it("recognises the deprecated inline setting", () => {
        const inline = res(T.bucketV2, "inline", {
            serverSideEncryptionConfiguration: {
                rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY } },
            },
        });
        expect(check(policy, [inline])).toEqual([]);
    });
    it("requires a customer-managed key with aws:kms", () => {
        const sse = res(
            T.sse,
            "data",
            { bucket: "d", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }] },
            via("bucket", data),
        );
        expect(check(policy, [data, sse])[0].message).toMatch(/kmsMasterKeyId/);
    });
    it("requires AES256 on the access-log bucket, found by tag or as a logging target", () => {
        const kms = (b: typeof logs) =>
            res(
                T.sse,
                b.name,
                { bucket: "x", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY } }] },
                via("bucket", b),
            );
        expect(check(policy, [logs, kms(logs)]).map((v) => v.urn)).toEqual([logs.urn]);
        const logging = res(
            T.logging,
            "data",
            { bucket: "d", targetBucket: "l" },
            { propertyDependencies: { bucket: [data.urn], targetBucket: [untaggedLogs.urn] } },
        );
        const v = check(policy, [untaggedLogs, kms(untaggedLogs), logging]);
        expect(v.map((x) => x.urn)).toEqual([untaggedLogs.urn]);
        expect(v[0].message).toMatch(/server access logs and must use SSE-S3 \(AES256\)/);
    });
    it("accepts the tag strata:role=access-logs too", () => {
        const l = res(T.bucket, "l", { tags: { "strata:role": "access-logs" } });
        const sse = res(
            T.sse,
            "l",
            { bucket: "l", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] },
            via("bucket", l),
        );
        expect(check(policy, [l, sse])).toEqual([]);
    });
    it("links by the bucket name when there are no dependencies", () => {
        const named = res(T.bucket, "named", { bucket: "acme-named" });
        const sse = res(T.sse, "named", {
            bucket: "acme-named",
            rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY } }],
        });
        expect(check(policy, [named, sse])).toEqual([]);
    });
});

describe("security group exposure", () => {
    const policy = "aws-ec2-securitygroup-disallow-public-ingress";
    it("allows 80/443 from anywhere only to a load balancer's group, 80 only for a redirect to HTTPS", () => {
        expect(check(policy, [lbSg, lb, redirect80])).toEqual([]);
        expect(check(policy, [lbSg]).map((v) => v.urn)).toEqual([lbSg.urn, lbSg.urn]);
        // No port-80 listener, or one that forwards: port 80 is reported, 443 is not.
        expect(check(policy, [lbSg, lb]).map((v) => v.message)).toEqual([expect.stringMatching(/port 80 \(tcp\)/)]);
        const forward = res(
            redirect80.type,
            "http",
            { ...redirect80.inputs, defaultActions: [{ type: "forward", targetGroupArn: "arn:tg" }] },
            via("loadBalancerArn", lb),
        );
        expect(check(policy, [lbSg, lb, forward]).map((v) => v.message)).toEqual([expect.stringMatching(/port 80 \(tcp\)/)]);
    });
    it("reports other ports even on a load balancer's group, inline and ::/0", () => {
        const sg = res(T.sg, "alb", { ingress: [openIngress(22), { protocol: "-1", fromPort: 0, toPort: 0, ipv6CidrBlocks: ["::/0"] }] });
        const v = check(policy, [sg, res(T.lb, "alb", {}, via("securityGroups", sg))]);
        expect(v.map((x) => x.message)).toEqual([expect.stringMatching(/port 22/), expect.stringMatching(/all ports.*::\/0/)]);
    });
    it("reports aws.ec2.SecurityGroupRule ingress open to the world", () => {
        const rule = res(
            T.sgRule,
            "open",
            { type: "ingress", protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["0.0.0.0/0"], securityGroupId: "sg-1" },
            via("securityGroupId", dbSg),
        );
        expect(check(policy, [dbSg, rule]).map((v) => v.urn)).toEqual([rule.urn]);
    });
});

describe("kubernetes workloads", () => {
    it("accepts an HPA's minReplicas for the replica rule", () => {
        const d = deployment({ replicas: 1 });
        const hpa = res("kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "api", {
            metadata: { namespace: "apps" },
            spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "api" }, minReplicas: 3, maxReplicas: 10 },
        });
        expect(check("kubernetes-workload-require-replicas", [d, hpa], "prod")).toEqual([]);
    });
    it("checks Pods, StatefulSets and DaemonSets too", () => {
        const pod = res("kubernetes:core/v1:Pod", "p", {
            metadata: { namespace: "apps" },
            spec: { containers: [{ name: "c", image: "nginx:latest" }] },
        });
        expect(check("kubernetes-workload-disallow-latest-image", [pod]).map((v) => v.urn)).toEqual([pod.urn]);
        const ds = res("kubernetes:apps/v1:DaemonSet", "ds", { spec: { template: { spec: { hostPID: true, containers: [] } } } });
        expect(check("kubernetes-workload-disallow-host-access", [ds]).map((v) => v.urn)).toEqual([ds.urn]);
        const ss = res("kubernetes:apps/v1:StatefulSet", "ss", {
            spec: { template: { spec: { containers: [{ name: "c", image: "x:1", securityContext: { privileged: true } }] } } },
        });
        expect(check("kubernetes-workload-require-restricted-security-context", [ss])[0].message).toMatch(/privileged is true/);
    });
    it("stack policies report the workload even when no policy objects exist at all", () => {
        expect(check("kubernetes-workload-require-network-policy", [deployment()]).map((v) => v.urn)).toEqual([deployment().urn]);
    });
});

describe("pack structure", () => {
    it("separates resource and stack policies as @pulumi/policy does", () => {
        const stack = policies.filter(isStackPolicy).map((p) => p.name);
        expect(stack).toEqual(
            expect.arrayContaining([
                "aws-s3-bucket-require-kms-encryption",
                "aws-s3-bucket-require-public-access-block",
                "aws-ec2-securitygroup-disallow-public-ingress",
                "kubernetes-workload-require-network-policy",
            ]),
        );
    });
    it("has a PulumiPolicy.yaml with runtime nodejs and a package.json main the CLI can run", () => {
        const dir = path.join(__dirname, "../../policy");
        expect(fs.readFileSync(path.join(dir, "PulumiPolicy.yaml"), "utf8")).toMatch(/^runtime: nodejs$/m);
        const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
        expect(fs.existsSync(path.join(dir, pkg.main))).toBe(true);
        expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
        const tsconfig = JSON.parse(fs.readFileSync(path.join(dir, "tsconfig.json"), "utf8"));
        expect(tsconfig.compilerOptions.module).toBe("commonjs");
        const index = fs.readFileSync(path.join(dir, "index.ts"), "utf8");
        expect(index).toMatch(/new PolicyPack\("strata"/);
        expect(fs.readFileSync(path.join(dir, "policies/index.ts"), "utf8")).not.toMatch(/new PolicyPack/);
    });
});
