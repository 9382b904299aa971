/**
 * Turning object lock on for an existing bucket keeps the bucket: the lock comes from a BucketObjectLockConfiguration
 * (which enables object lock on existing buckets), never from the bucket's own replacement-forcing objectLockEnabled.
 */
import { objectStoreSchema } from "../../components/config/objectStore";
import type { PlanDocument } from "../../plan/types";
import { actions, changedStackFile, scenario, section } from "./scenario";

const BUCKET = "strata-dev-audit-logs";
const LOCK = "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration";

/** The dev stack's buckets as the defaults make them, with object lock on audit-logs. */
function devWithAuditLock(): string {
    const buckets = objectStoreSchema("dev").parse({}).buckets;
    const withLock = { ...buckets, "audit-logs": { ...buckets["audit-logs"], objectLock: { mode: "GOVERNANCE", days: 365 } } };
    return changedStackFile("Pulumi.dev.yaml", (config) => {
        section(config, "objectStore").buckets = withLock;
    });
}

describe("object lock switched on for the existing dev audit-logs bucket", () => {
    let diffed: PlanDocument;
    beforeAll(async () => {
        ({ diffed } = await scenario("Pulumi.dev.yaml", devWithAuditLock()));
    });

    it("keeps the bucket and creates an object lock configuration for it, after versioning", () => {
        const bucket = diffed.diff!.changes.find((c) => c.name === BUCKET && c.type === "aws:s3/bucket:Bucket")!;
        expect(bucket.action).toBe("same");
        const lock = diffed.diff!.changes.filter((c) => c.type === LOCK);
        expect(lock.map((c) => [c.name, c.action])).toEqual([[BUCKET, "create"]]);
        const r = diffed.resources.find((x) => x.type === LOCK)!;
        expect(r.inputs).toMatchObject({ objectLockEnabled: "Enabled", rule: { defaultRetention: { mode: "GOVERNANCE", days: 365 } } });
        expect(r.dependencies).toContain(
            diffed.resources.find((x) => x.name === BUCKET && x.type === "aws:s3/bucketVersioning:BucketVersioning")!.urn,
        );
    });

    it("changes nothing else and raises no mandatory violation", () => {
        expect(actions(diffed)).toEqual({ [BUCKET]: "create" });
        expect(diffed.violations.filter((v) => v.enforcementLevel === "mandatory")).toEqual([]);
    });
});
