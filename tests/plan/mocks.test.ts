import type * as pulumi from "@pulumi/pulumi";
import { createMocks } from "../../plan/mocks";

/** One fresh set of mocks, as a plan or a render gets it; `create` registers a resource with it. */
function mocks(region = "us-east-1") {
    const m = createMocks(region, "strata", "dev");
    const create = (type: string, name: string, inputs: Record<string, unknown>) =>
        m.newResource({ type, name, inputs, provider: "", id: undefined, custom: true } as unknown as pulumi.runtime.MockResourceArgs);
    return { create };
}

describe("mocks refuse what the services refuse", () => {
    it("an explicit name already taken in the run (RDS identifiers case-insensitively)", () => {
        const { create } = mocks();
        create("aws:rds/instance:Instance", "a", { identifier: "strata-dev-db", engine: "postgres" });
        expect(() => create("aws:rds/instance:Instance", "b", { identifier: "STRATA-dev-db", engine: "postgres" })).toThrow(
            /DBInstanceAlreadyExists.*taken by a/,
        );
    });

    it("the same name of another type, or the same logical resource in a new set of mocks, is fine", () => {
        const first = mocks();
        first.create("aws:rds/instance:Instance", "a", { identifier: "x" });
        expect(() => first.create("aws:rds/proxy:Proxy", "p", { name: "x" })).not.toThrow();
        expect(() => mocks().create("aws:rds/instance:Instance", "a", { identifier: "x" })).not.toThrow();
    });

    it("per-account-and-region singletons: a second GuardDuty detector, Security Hub subscription, recorder or delivery channel in a region", () => {
        const { create } = mocks();
        const singletons: Array<[string, RegExp]> = [
            ["aws:guardduty/detector:Detector", /BadRequestException: GuardDuty detector .* already exists \(a\)/],
            ["aws:securityhub/account:Account", /ResourceConflictException/],
            ["aws:cfg/recorder:Recorder", /MaxNumberOfConfigurationRecordersExceededException/],
            ["aws:cfg/deliveryChannel:DeliveryChannel", /MaxNumberOfDeliveryChannelsExceededException/],
        ];
        for (const [type, error] of singletons) {
            create(type, "a", { name: "first" });
            expect(() => create(type, "b", { name: "second" })).toThrow(error);
        }
        // Another run (a new set of mocks) starts from an empty account.
        expect(() => mocks("eu-west-1").create("aws:guardduty/detector:Detector", "c", {})).not.toThrow();
    });

    it("SQS queue names are case-sensitive; S3 bucket names are unique across regions", () => {
        const { create } = mocks();
        create("aws:sqs/queue:Queue", "q1", { name: "Jobs" });
        expect(() => create("aws:sqs/queue:Queue", "q2", { name: "jobs" })).not.toThrow();
        create("aws:s3/bucket:Bucket", "b1", { bucket: "strata-dev-data" });
        expect(() => create("aws:s3/bucket:Bucket", "b2", { bucket: "strata-dev-data" })).toThrow(/BucketAlreadyOwnedByYou/);
    });

    it("an RDS instance with a parameter group of another family", () => {
        const { create } = mocks();
        create("aws:rds/parameterGroup:ParameterGroup", "pg", { name: "strata-dev-pg", family: "postgres16" });
        expect(() =>
            create("aws:rds/instance:Instance", "db", { engine: "postgres", engineVersion: "17", parameterGroupName: "strata-dev-pg" }),
        ).toThrow(/InvalidParameterCombination.*postgres16.*postgres17/);
        expect(() =>
            create("aws:rds/instance:Instance", "db2", { engine: "postgres", engineVersion: "16", parameterGroupName: "strata-dev-pg" }),
        ).not.toThrow();
    });

    it("a replication group with a cache parameter group of another family", () => {
        const { create } = mocks();
        create("aws:elasticache/parameterGroup:ParameterGroup", "cpg", { name: "strata-dev-cache-v8", family: "valkey8" });
        expect(() =>
            create("aws:elasticache/replicationGroup:ReplicationGroup", "rg", {
                engine: "valkey",
                engineVersion: "7.2",
                parameterGroupName: "strata-dev-cache-v8",
            }),
        ).toThrow(/valkey8.*valkey7/);
        expect(() =>
            create("aws:elasticache/replicationGroup:ReplicationGroup", "rg2", {
                engine: "valkey",
                engineVersion: "8.1",
                parameterGroupName: "strata-dev-cache-v8",
            }),
        ).not.toThrow();
    });

    it("a second EKS access entry for one principal, per set of mocks", () => {
        const { create } = mocks();
        const entry = { clusterName: "c", principalArn: "arn:aws:iam::123456789012:role/admin" };
        create("aws:eks/accessEntry:AccessEntry", "e1", entry);
        expect(() => create("aws:eks/accessEntry:AccessEntry", "e2", entry)).toThrow(/ResourceInUseException/);
        expect(() => mocks().create("aws:eks/accessEntry:AccessEntry", "e1", entry)).not.toThrow();
    });
});
