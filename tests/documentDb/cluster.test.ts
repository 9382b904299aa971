import {
    clusterAvailabilityZones,
    documentDbClusterSettings,
    documentDbParameters,
    documentDbPasswordSpec,
    finalSnapshotIdentifier,
    instanceAvailabilityZones,
} from "../../components/documentDb";
import { mongodbUrl } from "../../components/connectionStrings";
import { DOCDB_INSTANCE_CLASSES, DOCDB_PARAMETER_FAMILY, DOCDB_PASSWORD_SPECIALS } from "../../components/catalogue/documentDb";
import { configProblems, loadConfig } from "../helpers";

describe("DocumentDB spec functions", () => {
    test("the parameter group turns TLS, audit logs and the profiler on with the threshold", () => {
        const p = Object.fromEntries(documentDbParameters({ profilerThresholdMs: 250 }).map((x) => [x.name, x.value]));
        expect(p).toEqual({ tls: "enabled", audit_logs: "enabled", profiler: "enabled", profiler_threshold_ms: "250" });
    });

    test("cluster settings: encrypted, both log exports, no final snapshot skipped when one is asked for", () => {
        const cfg = loadConfig({ "strata:environment": "prod", "strata:documentDb": { enabled: true } }).documentDb;
        expect(documentDbClusterSettings(cfg)).toMatchObject({
            engine: "docdb",
            engineVersion: "5.0",
            port: 27017,
            storageEncrypted: true,
            enabledCloudwatchLogsExports: ["audit", "profiler"],
            backupRetentionPeriod: 30,
            deletionProtection: true,
            skipFinalSnapshot: false,
        });
        const dev = loadConfig({ "strata:documentDb": { enabled: true }, "strata:network": { availabilityZones: 3 } }).documentDb;
        expect(documentDbClusterSettings(dev)).toMatchObject({
            deletionProtection: false,
            skipFinalSnapshot: true,
            backupRetentionPeriod: 7,
        });
        expect(dev.instances).toBe(1);
    });

    test("exactly three cluster AZs; instances take them in turn", () => {
        expect(clusterAvailabilityZones(["a", "b", "c", "d"])).toEqual(["a", "b", "c"]);
        expect(() => clusterAvailabilityZones(["a", "b"])).toThrow(/3 availability zones/);
        expect(instanceAvailabilityZones(3, ["a", "b", "c"])).toEqual(["a", "b", "c"]);
        expect(instanceAvailabilityZones(4, ["a", "b", "c"])).toEqual(["a", "b", "c", "a"]);
    });

    test('the password spec never yields / " or @ and stays within 8-100', () => {
        const spec = documentDbPasswordSpec(32);
        expect(spec.overrideSpecial).toBe(DOCDB_PASSWORD_SPECIALS);
        expect(spec.overrideSpecial).not.toMatch(/[/"@]/);
        expect(spec.length).toBeGreaterThanOrEqual(8);
    });

    test("the final snapshot identifier keeps the provider's rules", () => {
        expect(finalSnapshotIdentifier("hub-prod-docdb", "1a2b3c4d")).toBe("hub-prod-docdb-final-1a2b3c4d");
        expect(() => finalSnapshotIdentifier("1bad", "00")).toThrow(/not a DocumentDB snapshot identifier/);
    });

    test("MONGODB_URL: credentials percent-encoded, TLS with the CA file, rs0, secondaryPreferred, no retryable writes", () => {
        expect(
            mongodbUrl({
                username: "strata",
                password: "p:w#d%",
                host: "h.cluster-x.us-east-1.docdb.amazonaws.com",
                port: 27017,
                caFile: "/etc/ca.pem",
            }),
        ).toBe(
            "mongodb://strata:p%3Aw%23d%25@h.cluster-x.us-east-1.docdb.amazonaws.com:27017/?tls=true&tlsCAFile=%2Fetc%2Fca.pem&replicaSet=rs0&readPreference=secondaryPreferred&retryWrites=false",
        );
    });

    test("each version has its family; 8.0 offers no T3", () => {
        expect(DOCDB_PARAMETER_FAMILY).toEqual({ "4.0": "docdb4.0", "5.0": "docdb5.0", "8.0": "docdb8.0" });
        expect(DOCDB_INSTANCE_CLASSES["8.0"]).not.toContain("db.t3.medium");
    });
});

describe("strata:documentDb config", () => {
    test("an instance class the version does not offer is refused by key", () => {
        const problems = configProblems({
            "strata:documentDb": { enabled: true, engineVersion: "8.0", instanceClass: "db.t3.medium" },
            "strata:network": { availabilityZones: 3 },
        });
        expect(problems).toEqual([
            expect.stringMatching(/^strata:documentDb\.instanceClass: .*db\.t3\.medium is not offered for DocumentDB 8\.0/),
        ]);
    });

    test("a network of fewer than three AZs is refused (the cluster would be replaced on every up)", () => {
        const problems = configProblems({ "strata:documentDb": { enabled: true } });
        expect(problems).toEqual([expect.stringMatching(/^strata:documentDb\.enabled: .*needs a network of 3 availability zones.*has 2/)]);
    });

    test("a reserved master user name and a service using a disabled cluster are refused", () => {
        expect(
            configProblems({ "strata:documentDb": { enabled: true, masterUsername: "admin" }, "strata:network": { availabilityZones: 3 } }),
        ).toEqual([expect.stringMatching(/^strata:documentDb\.masterUsername: .*reserved/)]);
        const p = configProblems({ "strata:services": { api: { image: "nginx:1.27.0", port: 8080, documentDb: true } } });
        expect(p).toContainEqual(expect.stringMatching(/^strata:services\.api\.documentDb: .*strata:documentDb is not enabled/));
    });
});
