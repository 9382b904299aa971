import { ConfigError } from "../../components/config/errors";
import { REPLICATION_REGION_PAIRS } from "../../components/config/objectStore";
import {
    replicaKeyDescription,
    replicationRoleDescription,
    replicationRolePolicyStatements,
    replicationRules,
    resolveReplicationRegion,
} from "../../components/objectStore/replication";

const input = {
    sourceBucketArn: "arn:aws:s3:::src",
    replicaBucketArn: "arn:aws:s3:::dst",
    sourceKmsKeyArn: "arn:aws:kms:us-east-1:1:key/src",
    sourceRegion: "us-east-1",
    replicaKmsKeyArn: "arn:aws:kms:us-west-2:1:key/dst",
    replicaRegion: "us-west-2",
};

describe("resolveReplicationRegion", () => {
    test.each(Object.entries(REPLICATION_REGION_PAIRS))("%s defaults to its pair %s", (region, pair) => {
        expect(resolveReplicationRegion(region, undefined)).toBe(pair);
        expect(pair).not.toBe(region);
    });

    test("an explicit region wins over the pair", () => {
        expect(resolveReplicationRegion("us-east-1", "eu-west-1")).toBe("eu-west-1");
    });

    test.each([
        ["no pair and none given", "me-south-1", undefined, /is required/],
        ["the stack's own region", "us-east-1", "us-east-1", /stack's own region/],
    ])("refused: %s", (_label, region, target, message) => {
        expect(() => resolveReplicationRegion(region, target)).toThrow(ConfigError);
        expect(() => resolveReplicationRegion(region, target)).toThrow(message);
    });
});

describe("replicationRolePolicyStatements", () => {
    const statements = replicationRolePolicyStatements(input);
    const bySid = Object.fromEntries(statements.map((s) => [s.Sid, s]));

    test("the statements, in order", () => {
        expect(statements.map((s) => s.Sid)).toEqual([
            "ReadReplicationConfiguration",
            "ReadSourceVersions",
            "WriteReplicas",
            "DecryptSourceObjects",
            "EncryptReplicas",
        ]);
    });

    test("S3 access: the source bucket and its objects to read, the replica's objects to write, nothing else", () => {
        expect(bySid.ReadReplicationConfiguration.Resource).toBe("arn:aws:s3:::src");
        expect(bySid.ReadSourceVersions.Resource).toBe("arn:aws:s3:::src/*");
        expect(bySid.WriteReplicas).toMatchObject({
            Action: ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"],
            Resource: "arn:aws:s3:::dst/*",
        });
        for (const s of statements) {
            expect(s.Effect).toBe("Allow");
            expect(s.Resource).not.toBe("*");
            for (const a of [s.Action].flat()) expect(a).not.toContain("*");
        }
    });

    test("KMS: decrypt with the source key through S3 of the source region, encrypt with the replica key through S3 of the replica region", () => {
        expect(bySid.DecryptSourceObjects).toMatchObject({
            Action: "kms:Decrypt",
            Resource: input.sourceKmsKeyArn,
            Condition: {
                StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" },
                StringLike: { "kms:EncryptionContext:aws:s3:arn": ["arn:aws:s3:::src", "arn:aws:s3:::src/*"] },
            },
        });
        expect(bySid.EncryptReplicas).toMatchObject({
            Action: ["kms:Encrypt", "kms:GenerateDataKey"],
            Resource: input.replicaKmsKeyArn,
            Condition: {
                StringEquals: { "kms:ViaService": "s3.us-west-2.amazonaws.com" },
                StringLike: { "kms:EncryptionContext:aws:s3:arn": ["arn:aws:s3:::dst", "arn:aws:s3:::dst/*"] },
            },
        });
    });
});

describe("replicationRules", () => {
    test("one enabled rule: SSE-KMS objects to the replica, re-encrypted with the replica key; deletions stay in the source", () => {
        const rules = replicationRules({ replicaRegion: "us-west-2", replicaBucketArn: "arn:aws:s3:::dst", replicaKmsKeyArn: "key" });
        expect(rules).toEqual([
            {
                id: "replicate-to-us-west-2",
                status: "Enabled",
                filter: {},
                deleteMarkerReplication: { status: "Disabled" },
                sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
                destination: { bucket: "arn:aws:s3:::dst", storageClass: "STANDARD", encryptionConfiguration: { replicaKmsKeyId: "key" } },
            },
        ]);
    });

    test("descriptions name the region", () => {
        expect(replicaKeyDescription("strata-prod", "us-west-2")).toBe("strata-prod: S3 replicas in us-west-2");
        expect(replicationRoleDescription("user-data", "us-west-2")).toBe("S3 replication of user-data to us-west-2");
    });
});
