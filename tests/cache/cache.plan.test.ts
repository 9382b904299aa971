import type { PlanDocument, PlanResource } from "../../plan";
import { runPlan, resourcesOfType, transitiveDependencies } from "../../plan";
import { configProblems, ingressInto, loadConfig } from "../helpers";
import { AUTH_TOKEN_SPECIALS, redisUrl } from "../../components/cache";
import { mockPassword } from "../../plan/mocks/random";
import { mockContext } from "../../plan/mocks";
import { supportsTransitEncryptionMode } from "../../components/config/cache";

const RG = "aws:elasticache/replicationGroup:ReplicationGroup";
const SECRET = "[secret]";

const isCacheChild = (r: PlanResource) => r.urn.includes("strata:cache:Cache$");
const groupOf = (plan: PlanDocument) => {
    const g = resourcesOfType(plan, RG).filter(isCacheChild);
    expect(g).toHaveLength(1);
    return g[0];
};
const keys = (plan: PlanDocument) => plan.outputs.kmsKeyArns as Record<string, string>;

describe("Cache (ElastiCache) in the prod plan", () => {
    let plan: PlanDocument;
    beforeAll(async () => {
        plan = await runPlan({ stack: "prod" });
    });

    test("Valkey replication group: at-rest encryption with the data key, TLS required, AUTH token secret", () => {
        const g = groupOf(plan);
        expect(g.inputs).toMatchObject({
            engine: "valkey",
            engineVersion: "8.0",
            atRestEncryptionEnabled: true,
            kmsKeyId: keys(plan).data,
            transitEncryptionEnabled: true,
            transitEncryptionMode: "required",
            authToken: SECRET,
            port: 6379,
            autoMinorVersionUpgrade: true,
            tags: { DataClassification: "confidential" },
        });
        expect(["ROTATE", "SET"]).toContain(g.inputs.authTokenUpdateStrategy);
        expect(plan.outputs.REDIS_URL).toBe(SECRET);
    });

    test("Multi-AZ with automatic failover on at least 3 nodes, snapshots kept, final snapshot, protected", () => {
        const g = groupOf(plan);
        expect(g.inputs.numCacheClusters as number).toBeGreaterThanOrEqual(3);
        expect(g.inputs).toMatchObject({ multiAzEnabled: true, automaticFailoverEnabled: true });
        expect(g.inputs.snapshotRetentionLimit as number).toBeGreaterThan(0);
        // Unique per group: a fixed name would fail the second delete of a group with this id (SnapshotAlreadyExistsFault).
        expect(String(g.inputs.finalSnapshotIdentifier)).toMatch(new RegExp(`^${g.inputs.replicationGroupId}-final-[0-9a-f]{8}$`));
        expect(g.options).toMatchObject({ protect: true, retainOnDelete: true });
        expect(String(g.inputs.replicationGroupId).length).toBeLessThanOrEqual(40);
    });

    test("slow-log and engine-log go to KMS-encrypted log groups created first", () => {
        const g = groupOf(plan);
        const deliveries = g.inputs.logDeliveryConfigurations as Array<Record<string, string>>;
        expect(deliveries.map((d) => d.logType).sort()).toEqual(["engine-log", "slow-log"]);
        for (const d of deliveries) {
            expect(d).toMatchObject({ destinationType: "cloudwatch-logs", logFormat: "json" });
            const group = resourcesOfType(plan, "aws:cloudwatch/logGroup:LogGroup").find((l) => l.inputs.name === d.destination);
            expect(group).toBeDefined();
            expect(group!.inputs.kmsKeyId).toBe(keys(plan).logs);
            expect(g.dependencies).toContain(group!.urn);
        }
    });

    test("parameter group: family from the engine version, maxmemory-policy allkeys-lru, auto-named", () => {
        const pgs = resourcesOfType(plan, "aws:elasticache/parameterGroup:ParameterGroup").filter(isCacheChild);
        expect(pgs).toHaveLength(1);
        expect(pgs[0].inputs.family).toBe("valkey8");
        expect(pgs[0].inputs.parameters).toEqual([{ name: "maxmemory-policy", value: "allkeys-lru" }]);
        expect(pgs[0].inputs.name).toBeUndefined();
        expect(groupOf(plan).dependencies).toContain(pgs[0].urn);
    });

    test("AUTH token from @pulumi/random with ElastiCache's special characters only", () => {
        const token = resourcesOfType(plan, "random:index/randomPassword:RandomPassword").find((r) => r.name.endsWith("cache-auth-token"))!;
        expect(token.inputs.overrideSpecial).toBe("!&#$^<>-");
        expect(token.inputs.length as number).toBeGreaterThanOrEqual(16);
        expect(token.inputs.length as number).toBeLessThanOrEqual(128);
    });

    test("security group admits exactly port 6379 from the nodes' group; subnet group over the isolated subnets", () => {
        const g = groupOf(plan);
        const sgId = String((g.inputs.securityGroupIds as string[])[0]);
        expect(ingressInto(plan, sgId)).toEqual([
            { source: plan.outputs.nodeSecurityGroupId, protocol: "tcp", from: 6379, to: 6379, cidr: undefined },
        ]);
        for (const s of resourcesOfType(plan, "aws:ec2/securityGroup:SecurityGroup").filter(isCacheChild))
            expect(s.inputs.ingress ?? []).toEqual([]);
        const sn = resourcesOfType(plan, "aws:elasticache/subnetGroup:SubnetGroup").filter(isCacheChild);
        expect(sn).toHaveLength(1);
        expect(sn[0].inputs.subnetIds).toEqual(plan.outputs.isolatedSubnetIds);
    });

    test("endpoints are exported; the URL is a secret", () => {
        expect(String(plan.outputs.cachePrimaryEndpoint)).toMatch(/^master\.strata-prod-cache\.[0-9a-f]{6}\.use1\.cache\.amazonaws\.com$/);
        expect(String(plan.outputs.cacheReaderEndpoint)).toMatch(/^replica\./);
    });

    test("nothing in the cache depends on EKS or Kubernetes resources", () => {
        const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
        for (const r of plan.resources.filter(isCacheChild)) {
            for (const dep of transitiveDependencies(plan, r.urn)) {
                expect(`${r.name} -> ${byUrn.get(dep)?.type ?? ""}`).not.toMatch(/-> (aws:eks\/|kubernetes:|strata:cluster:)/);
            }
        }
    });
});

describe("Cache per environment", () => {
    test("dev: one small node, no Multi-AZ or failover, still encrypted with TLS and AUTH", async () => {
        const plan = await runPlan({ stack: "dev" });
        const g = groupOf(plan);
        expect(g.inputs).toMatchObject({
            numCacheClusters: 1,
            multiAzEnabled: false,
            automaticFailoverEnabled: false,
            nodeType: "cache.t4g.micro",
            atRestEncryptionEnabled: true,
            transitEncryptionEnabled: true,
            authToken: SECRET,
        });
        expect(g.inputs.finalSnapshotIdentifier).toBeUndefined();
        expect(g.options.protect).toBe(false);
    });

    test("staging: two nodes with Multi-AZ and failover", async () => {
        const plan = await runPlan({ stack: "staging" });
        expect(groupOf(plan).inputs).toMatchObject({ numCacheClusters: 2, multiAzEnabled: true, automaticFailoverEnabled: true });
    });
});

describe("Cache engines", () => {
    // Redis 6.2 (TLS from transitEncryptionEnabled, no transitEncryptionMode): replicationGroupSettings in tests/cache/replicationGroup.test.ts.
    test("which engine versions take transitEncryptionMode", () => {
        for (const v of ["7.2", "8.0", "8.1"]) expect(supportsTransitEncryptionMode("valkey", v)).toBe(true);
        for (const v of ["7.0", "7.1"]) expect(supportsTransitEncryptionMode("redis", v)).toBe(true);
        expect(supportsTransitEncryptionMode("redis", "6.2")).toBe(false);
    });
});

describe("Cache config validation", () => {
    const load = (cache: object, extra: Record<string, string> = {}, stack = "prod") =>
        loadConfig({ "strata:environment": "prod", "strata:cache": cache, ...extra }, stack);
    const problems = (cache: object, extra: Record<string, string> = {}, stack = "prod") =>
        configProblems({ "strata:environment": "prod", "strata:cache": cache, ...extra }, stack);

    test("Multi-AZ with one node names the key, the value and what is allowed", () => {
        const [p] = problems({ numCacheClusters: 1, multiAz: true });
        expect(p).toBe(
            "strata:cache.multiAz: true needs at least 2 nodes, but strata:cache.numCacheClusters is 1; allowed: set numCacheClusters to 2-6, or multiAz to false",
        );
    });

    test("an unknown node type, a wrong engine version and overlapping windows are refused", () => {
        expect(problems({ nodeType: "cache.x9.huge" })[0]).toMatch(
            /^strata:cache\.nodeType: "cache\.x9\.huge" is not a known ElastiCache node type; known: .*cache\.t4g\.{micro/,
        );
        expect(problems({ engine: "redis", engineVersion: "8.0" })[0]).toBe(
            'strata:cache.engineVersion: "8.0" is not a redis version Strata supports; allowed: 6.2, 7.0, 7.1',
        );
        expect(problems({ snapshotWindow: "05:00-06:00", maintenanceWindow: "sun:05:30-sun:06:30" })[0]).toMatch(
            /^strata:cache\.maintenanceWindow: "sun:05:30-sun:06:30" overlaps .*strata:cache\.snapshotWindow; allowed:/,
        );
        expect(problems({ snapshotWindow: "03:00-03:30" })[0]).toMatch(
            /^strata:cache\.snapshotWindow: "03:00-03:30" lasts 30 minutes; it must last at least 60 minutes/,
        );
    });

    test("Redis by config picks its parameter family; Multi-AZ follows the node count", () => {
        const cfg = load({ engine: "redis", numCacheClusters: 2 });
        expect(cfg.cache).toMatchObject({
            engine: "redis",
            engineVersion: "7.1",
            parameterGroupFamily: "redis7",
            multiAz: true,
            automaticFailover: true,
        });
    });

    test("a replication group id over 40 characters fails in config validation", () => {
        const p = problems(
            {},
            { "strata:name": "abcdefghijklmnopqrst", "strata:database": JSON.stringify({ enabled: false }) },
            "production-eur",
        );
        expect(p.join("\n")).toMatch(
            /elasticacheReplicationGroupId name "abcdefghijklmnopqrst-production-eur-cache" \(\d+ characters, AWS allows 40\)/,
        );
    });
});

describe("REDIS_URL encoding", () => {
    test("rediss:// with the token percent-encoded", () => {
        const token = "Ab1!&#$^<>-xyz";
        const url = redisUrl({ token, host: "master.x.abc123.use1.cache.amazonaws.com", port: 6379 });
        expect(url).toBe("rediss://:Ab1%21%26%23%24%5E%3C%3E-xyz@master.x.abc123.use1.cache.amazonaws.com:6379");
        const parsed = new URL(url);
        expect(parsed.protocol).toBe("rediss:");
        expect(decodeURIComponent(parsed.password)).toBe(token);
        expect(parsed.port).toBe("6379");
    });

    test("mock tokens use only ElastiCache's special characters", () => {
        const ctx = mockContext("us-east-1", "strata", "test");
        for (let i = 0; i < 20; i++) {
            const t = mockPassword(`t${i}`, { length: 64, special: true, overrideSpecial: AUTH_TOKEN_SPECIALS, minSpecial: 1 }, ctx);
            expect(t).toMatch(/^[A-Za-z0-9!&#$^<>-]{64}$/);
        }
    });
});
