import Ajv from "ajv-draft-04";
import schema from "@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json";
import { junitReport, sarifReport } from "../../plan/reports";
import { runPlan } from "../../plan/run";
import type { PlanDocument, PlanViolation } from "../../plan/types";
import { policies } from "../../policy/policies";

const URN = "urn:pulumi:prod::strata::strata:database:Database$aws:rds/instance:Instance::strata-prod-postgres";
const violation = (over: Partial<PlanViolation> = {}): PlanViolation => ({
    policy: "aws-rds-instance-require-multi-az",
    enforcementLevel: "mandatory",
    urn: URN,
    message: "multiAz must be true.",
    ...over,
});
const plan = (violations: PlanViolation[], exceptions?: PlanDocument["exceptions"]): PlanDocument => ({
    project: "strata",
    stack: "prod",
    resources: [],
    outputs: {},
    violations,
    cost: { monthlyUsd: 0, priceTable: "t", items: [] },
    deploy: { criticalPathMinutes: 0, sumMinutes: 0, path: [] },
    exceptions,
});
const options = { stackFile: "blueprints/seed-002-cyber-agent/Pulumi.prod.yaml", line: 2, policies, version: "0.1.0" };

describe("SARIF", () => {
    // The SARIF 2.1.0 JSON schema (draft-04) as @microsoft/jest-sarif ships it; ajv-draft-04 validates with it. Its
    // "language" pattern has a stray "]" that only non-unicode regular expressions accept: unicodeRegExp false. Formats (uri) are not checked.
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(schema);

    it("validates against the SARIF 2.1.0 schema, and the validator can fail", () => {
        const log = sarifReport(
            plan([violation(), violation({ policy: "aws-resource-require-tags", enforcementLevel: "advisory", urn: null, message: "m" })]),
            options,
        );
        expect([validate(log), validate.errors]).toEqual([true, null]);
        expect(validate({ ...log, version: "2.0.0" })).toBe(false);
    });

    it("validates for the dev stack's real plan (30 advisories)", async () => {
        const log = sarifReport(await runPlan({ stack: "dev" }), { ...options, stackFile: "Pulumi.dev.yaml" });
        expect([validate(log), validate.errors]).toEqual([true, null]);
        expect(log.runs[0].results!.length).toBeGreaterThan(0);
        expect(log.runs[0].results!.every((r) => r.level === "warning")).toBe(true);
    }, 120_000);

    it("has one rule per policy with its help text and controls, and one result per violation at the stack file", () => {
        const log = sarifReport(plan([violation()]), options);
        const run = log.runs[0];
        expect(run.tool.driver.rules!.map((r) => r.id)).toEqual(policies.map((p) => p.name));
        const rule = run.tool.driver.rules!.find((r) => r.id === "aws-rds-instance-require-multi-az")!;
        expect(rule.help!.text).toContain('strata:exceptions { rule: "aws-rds-instance-require-multi-az"');
        expect(rule.properties!.tags).toEqual(expect.arrayContaining(["data-protection", "FSBP RDS.5", "CKV_AWS_157"]));
        expect(run.results).toEqual([
            expect.objectContaining({
                ruleId: "aws-rds-instance-require-multi-az",
                ruleIndex: run.tool.driver.rules!.indexOf(rule),
                level: "error",
                message: { text: "strata-prod-postgres: multiAz must be true." },
                locations: [
                    {
                        physicalLocation: { artifactLocation: { uri: options.stackFile }, region: { startLine: 2 } },
                        logicalLocations: [{ name: "strata-prod-postgres", fullyQualifiedName: URN, kind: "resource" }],
                    },
                ],
            }),
        ]);
    });

    it("fingerprints a finding by policy and resource, stable across messages", () => {
        const a = sarifReport(plan([violation()]), options).runs[0].results![0].partialFingerprints;
        const b = sarifReport(plan([violation({ message: "other" })]), options).runs[0].results![0].partialFingerprints;
        const c = sarifReport(plan([violation({ urn: URN.replace("postgres", "other") })]), options).runs[0].results![0]
            .partialFingerprints;
        expect([a, a === b]).toEqual([b, false]);
        expect(c).not.toEqual(a);
    });
});

describe("JUnit", () => {
    it("fails the policy with mandatory violations, lists advisories, skips a policy whose findings were all waived", () => {
        const xml = junitReport(
            plan(
                [
                    violation(),
                    violation({ policy: "aws-s3-bucket-require-versioning", enforcementLevel: "advisory", message: "a <b> & c" }),
                ],
                {
                    day: "2026-12-01",
                    entries: [
                        {
                            rule: "pulumi-stateful-resource-require-protect",
                            target: "*",
                            reason: "r".repeat(10),
                            expires: "2026-12-31",
                            expired: false,
                            waived: [{ policy: "pulumi-stateful-resource-require-protect", urn: URN, message: "m" }],
                        },
                    ],
                },
            ),
            options,
        );
        expect(xml).toMatch(new RegExp(`<testsuites name="strata-plan" tests="${policies.length}" failures="1" skipped="1">`));
        expect(xml).toMatch(
            /<testcase classname="strata.data-protection" name="aws-rds-instance-require-multi-az" file="[^"]+">\n {6}<failure message="1 mandatory violation\(s\)" type="mandatory">strata-prod-postgres: multiAz must be true.<\/failure>/,
        );
        expect(xml).toContain("a &lt;b&gt; &amp; c");
        expect(xml).toMatch(
            /name="pulumi-stateful-resource-require-protect" file="[^"]+">\n {6}<skipped message="1 finding\(s\) waived by strata:exceptions"\/>/,
        );
    });
});
