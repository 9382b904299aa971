import { DocumentDb } from "../../components/documentDb";
import type { RenderResult } from "../../plan";
import { render } from "../../plan";
import { loadConfig } from "../helpers";

const DATA_KEY = "arn:aws:kms:us-east-1:123456789012:key/data-key";
const CLUSTER = "aws:docdb/cluster:Cluster";
const INSTANCE = "aws:docdb/clusterInstance:ClusterInstance";

function renderDocumentDb(environment: string, over: Record<string, unknown> = {}) {
    const cfg = loadConfig({
        "strata:environment": environment,
        "strata:network": { availabilityZones: 3 },
        "strata:documentDb": { enabled: true, ...over },
    });
    return render(
        ({ awsProvider }) =>
            new DocumentDb(
                cfg.naming.name("document-db"),
                {
                    naming: cfg.naming,
                    environment: cfg.environment,
                    protection: cfg.protection,
                    defaultTags: cfg.defaultTags,
                    ...cfg.documentDb,
                    vpcId: "vpc-0123456789abcdef0",
                    subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
                    clientSecurityGroupId: "sg-nodes",
                    kmsKeyArns: { data: DATA_KEY },
                },
                { providers: { aws: awsProvider() } },
            ),
        { stack: environment },
    );
}

describe("DocumentDb (component), prod", () => {
    let r: RenderResult<DocumentDb>;
    beforeAll(async () => {
        r = await renderDocumentDb("prod");
    });

    test("the cluster: encrypted with the data key, log exports, three explicit AZs, protected, its parameter group", () => {
        const c = r.one(CLUSTER);
        expect(c.inputs).toMatchObject({
            clusterIdentifier: "strata-prod-docdb",
            storageEncrypted: true,
            kmsKeyId: DATA_KEY,
            enabledCloudwatchLogsExports: ["audit", "profiler"],
            availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"],
            deletionProtection: true,
            skipFinalSnapshot: false,
            backupRetentionPeriod: 30,
            masterPassword: "[secret]",
        });
        expect(String(c.inputs.finalSnapshotIdentifier)).toMatch(/^strata-prod-docdb-final-[0-9a-f]{8}$/);
        expect(c.options).toMatchObject({ protect: true, deleteBeforeReplace: true });
        const group = r.one("aws:docdb/clusterParameterGroup:ClusterParameterGroup");
        expect(group.inputs.family).toBe("docdb5.0");
        expect(c.propertyDependencies.dbClusterParameterGroupName).toEqual([group.urn]);
    });

    test("three instances, one in each AZ, the first the preferred writer", () => {
        const instances = r.ofType(INSTANCE);
        expect(instances.map((i) => i.inputs.availabilityZone)).toEqual(["us-east-1a", "us-east-1b", "us-east-1c"]);
        expect(instances.map((i) => i.inputs.promotionTier)).toEqual([0, 1, 1]);
        expect(instances.every((i) => i.inputs.instanceClass === "db.r6g.large")).toBe(true);
    });

    test("port 27017 only from the nodes' security group", () => {
        const rules = r.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        expect(rules).toHaveLength(1);
        expect(rules[0].inputs).toMatchObject({ fromPort: 27017, toPort: 27017, referencedSecurityGroupId: "sg-nodes", ipProtocol: "tcp" });
    });

    test("the connection string names the cluster endpoint with TLS", async () => {
        const url = await r.resolve(r.value.mongodbUrl);
        expect(url).toMatch(
            /^mongodb:\/\/strata:[^@/]+@strata-prod-docdb\.cluster-[0-9a-f]{12}\.us-east-1\.docdb\.amazonaws\.com:27017\/\?tls=true&tlsCAFile=/,
        );
    });
});

describe("DocumentDb (component), dev", () => {
    test("one instance, no deletion protection, no final snapshot, not protected", async () => {
        const r = await renderDocumentDb("dev");
        expect(r.ofType(INSTANCE)).toHaveLength(1);
        const c = r.one(CLUSTER);
        expect(c.inputs).toMatchObject({ deletionProtection: false, skipFinalSnapshot: true });
        expect(c.inputs.finalSnapshotIdentifier).toBeUndefined();
        expect(c.options.protect).toBe(false);
    });
});
