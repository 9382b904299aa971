import * as fs from "fs";
import { OUTPUT as DOCS, renderPolicyDocs } from "../../scripts/generate-policy-docs";
import { collectTaggableTypes, OUTPUT as TAGGABLE, renderTaggableTypes } from "../../scripts/generate-taggable-types";
import { policies } from "../../policy/policies";

describe("generated files are current", () => {
    it("policy/lib/taggableTypes.generated.ts matches @pulumi/aws's type definitions (npm run generate:taggable-types)", () => {
        expect(fs.readFileSync(TAGGABLE, "utf8")).toBe(renderTaggableTypes());
    });

    it("docs/policies.md matches the policy metadata and config (npm run docs:policies)", () => {
        expect(fs.readFileSync(DOCS, "utf8")).toBe(renderPolicyDocs());
    });
});

describe("the taggable type list", () => {
    const { types } = collectTaggableTypes();
    const byType = new Map(types.map((t) => [t.type, t.defaultTags]));

    it("includes taggable resources and says the provider's default tags reach them", () => {
        for (const t of [
            "aws:s3/bucket:Bucket",
            "aws:rds/instance:Instance",
            "aws:ec2/launchTemplate:LaunchTemplate",
            "aws:eks/nodeGroup:NodeGroup",
            "aws:kms/key:Key",
        ]) {
            expect([t, byType.get(t)]).toEqual([t, true]);
        }
    });

    it("excludes resources without a tags map", () => {
        for (const t of [
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
            "aws:ec2/securityGroupRule:SecurityGroupRule",
            "aws:kms/alias:Alias",
            "aws:autoscaling/group:Group", // tags is a list of {key, value, propagateAtLaunch}
        ]) {
            expect([t, byType.has(t)]).toEqual([t, false]);
        }
    });
});

describe("docs/policies.md", () => {
    const doc = fs.readFileSync(DOCS, "utf8");
    it.each(policies.map((p) => p.name))("documents %s", (name) => {
        expect(doc).toContain(`### ${name}`);
    });
});
