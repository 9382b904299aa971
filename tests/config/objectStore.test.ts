import { objectStore } from "../../components/config/objectStore";
import { contextOf, runCheck, settingsOf } from "./checkHarness";

describe("strata:objectStore checks", () => {
    const [replicationRegion, names] = objectStore.checks;

    test.each([
        ["prod in us-east-1: paired with us-west-2", "prod", "us-east-1", {}, []],
        ["dev: nothing replicates", "dev", "il-central-1", {}, []],
        [
            "prod in a region without a pair",
            "prod",
            "il-central-1",
            {},
            [
                'objectStore.replicationRegion: is required when a bucket replicates and aws:region is "il-central-1" (no default pair for it); set another AWS region, e.g. us-west-2',
            ],
        ],
        [
            "an explicit region equal to the stack's",
            "prod",
            "us-east-1",
            { replicationRegion: "us-east-1" },
            [
                'objectStore.replicationRegion: "us-east-1" is the stack\'s own region (aws:region); cross-region replication needs another region',
            ],
        ],
        ["an explicit region for a region without a pair", "prod", "il-central-1", { replicationRegion: "eu-central-1" }, []],
    ] as const)("%s", (_what, env, region, o, expected) => {
        expect(runCheck(replicationRegion, settingsOf(env, { objectStore: o }), contextOf({ region }))).toEqual(expected);
    });

    test.each([
        ["dev", "dev", 0],
        // "strata-" + 40: each of the three buckets, its replica and its replication role, and the access-log bucket.
        ["prod", "p".repeat(40), 10],
        // dev: no replicas, no access logs.
        ["dev", "p".repeat(40), 3],
    ] as const)("bucket names in %s (stack of %s)", (env, stack, count) => {
        const problems = runCheck(names, settingsOf(env), contextOf({ stack }));
        expect(problems).toHaveLength(count);
        for (const p of problems) expect(p).toMatch(/^objectStore\.(buckets\.[a-z-]+|accessLogs): gives the (s3Bucket|iamRole) name /);
    });
});
