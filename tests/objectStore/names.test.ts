import fc from "fast-check";
import { ACCESS_LOG_BUCKET_KEY, REPLICA_SUFFIX } from "../../components/config/objectStore";
import { objectStoreNames } from "../../components/objectStore/names";
import { Naming } from "../../components/naming";

describe("objectStoreNames", () => {
    const n = new Naming("strata-prod");

    test.each([
        ["bucket", n.name(...objectStoreNames.bucket("user-data")), "strata-prod-user-data"],
        ["replica bucket", n.name(...objectStoreNames.replicaBucket("user-data")), `strata-prod-user-data-${REPLICA_SUFFIX}`],
        ["replication role", n.name(...objectStoreNames.replicationRole("user-data")), "strata-prod-user-data-replication"],
        ["access log bucket", n.name(...objectStoreNames.accessLogBucket), `strata-prod-${ACCESS_LOG_BUCKET_KEY}`],
        ["replica provider", n.name(...objectStoreNames.replicaProvider), "strata-prod-aws-replica"],
    ])("%s: %s", (_label, actual, expected) => {
        expect(actual).toBe(expected);
    });

    test("property: a bucket's replica and role names extend its own name, and differ from each other", () => {
        fc.assert(
            fc.property(fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,20}[a-z0-9]$/), (key) => {
                const bucket = n.name(...objectStoreNames.bucket(key));
                const replica = n.name(...objectStoreNames.replicaBucket(key));
                const role = n.name(...objectStoreNames.replicationRole(key));
                expect(replica.startsWith(`${bucket}-`)).toBe(true);
                expect(role.startsWith(`${bucket}-`)).toBe(true);
                expect(replica).not.toBe(role);
            }),
        );
    });
});
