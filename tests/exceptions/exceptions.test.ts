import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { activeWaiverFor, daysBetween, globMatcher, isExpired, isIsoDay, nameOfUrn, today } from "../../components/exceptions";
import { PROD_SAFETY_RULES } from "../../components/config/prodSafety";
import { POLICY_NAMES } from "../../components/catalogue/policyNames.generated";
import { renderPolicyNames, NAMES_OUTPUT } from "../../scripts/generate-policy-docs";
import { renderStackPolicyConfig, stackFiles } from "../../scripts/generate-policy-configs";
import { evaluatePolicySet, loadPolicyConfig } from "../../policy/evaluate";
import { applyExceptions, stackConfigFile, stackConfigId, stackPolicyConfig } from "../../policy/stackConfig";
import { policies } from "../../policy/policies";
import { configProblems, loadConfig } from "../helpers";
import { awsProvider, res } from "../policy/fake";

const ROOT = path.join(__dirname, "..", "..");
const RDS = "aws:rds/instance:Instance";
// tests/setup.ts pins STRATA_TODAY at 2026-12-01.
const entry = (over: Partial<Record<"rule" | "target" | "reason" | "expires", string>> = {}) => ({
    rule: "aws-rds-instance-cluster-require-deletion-protection",
    target: "strata-prod-postgres",
    reason: "migrating to Aurora, cut-over on 2026-12-15",
    expires: "2026-12-31",
    ...over,
});

describe("dates and globs", () => {
    test("today: STRATA_TODAY, else the clock; a non-date is undefined", () => {
        const now = new Date("2026-05-04T23:59:00Z");
        expect([today({}, now), today({ STRATA_TODAY: "2027-01-31" }, now), today({ STRATA_TODAY: "2027-02-30" }, now)]).toEqual([
            "2026-05-04",
            "2027-01-31",
            undefined,
        ]);
    });
    test("an exception holds through its last day and expires the day after", () => {
        expect([isExpired({ expires: "2026-12-01" }, "2026-12-01"), isExpired({ expires: "2026-12-01" }, "2026-12-02")]).toEqual([
            false,
            true,
        ]);
        expect([isIsoDay("2026-02-29"), isIsoDay("2028-02-29"), daysBetween("2026-12-01", "2027-12-02")]).toEqual([false, true, 366]);
    });
    test("a glob matches whole logical names only", () => {
        expect([globMatcher("strata-prod-ng-*")("strata-prod-ng-system"), globMatcher("strata-prod-ng")("strata-prod-ng-system")]).toEqual([
            true,
            false,
        ]);
        expect(nameOfUrn("urn:pulumi:prod::strata::strata:database:Database$aws:rds/instance:Instance::strata-prod-postgres")).toBe(
            "strata-prod-postgres",
        );
    });
    test("property: an unexpired waiver with target * covers any name; an expired one covers none", () => {
        fc.assert(
            fc.property(fc.stringMatching(/^[a-z][a-z0-9-]{0,40}$/), (name) => {
                const w = { target: "*", reason: "r", expires: "2026-12-01" };
                return activeWaiverFor([w], name, "2026-12-01") === w && activeWaiverFor([w], name, "2026-12-02") === undefined;
            }),
        );
    });
});

describe("strata:exceptions in config", () => {
    test("a well-formed entry is accepted and kept", () => {
        expect(loadConfig({ "strata:exceptions": [entry()] }).exceptions).toEqual([entry()]);
    });
    test("each bad field is named, with what is allowed", () => {
        expect(
            configProblems({
                "strata:exceptions": [
                    entry({ rule: "aws-rds-instance-require-multi-azz", target: "db name", reason: "short", expires: "2026-12-32" }),
                ],
            }),
        ).toEqual([
            expect.stringMatching(
                /^strata:exceptions\[0\]\.rule: "aws-rds-instance-require-multi-azz" is not a policy of the pack \(did you mean "aws-rds-instance-require-multi-az"\?\)/,
            ),
            expect.stringMatching(/^strata:exceptions\[0\]\.target: "db name" is not a logical resource name or glob/),
            expect.stringMatching(/^strata:exceptions\[0\]\.reason: "short" .*10/),
            expect.stringMatching(/^strata:exceptions\[0\]\.expires: "2026-12-32" is not a date YYYY-MM-DD/),
        ]);
    });
    test("an exception may run at most 366 days ahead, and one rule and target appear once", () => {
        expect(configProblems({ "strata:exceptions": [entry({ expires: "2027-12-03" })] })).toEqual([
            expect.stringMatching(/^strata:exceptions\[0\]\.expires: "2027-12-03" is more than 366 days after today \(2026-12-01\)/),
        ]);
        expect(configProblems({ "strata:exceptions": [entry(), entry({ reason: "the same entry again, twice" })] })).toEqual([
            expect.stringMatching(/^strata:exceptions\[1\]: .*repeats entry 0/),
        ]);
    });
    test("an expired entry is no config error (the pack reports it), but lifts no refusal", () => {
        expect(configProblems({ "strata:exceptions": [entry({ expires: "2026-11-30" })] })).toEqual([]);
        expect(
            configProblems({
                "strata:environment": "prod",
                "strata:database": { deletionProtection: false },
                "strata:exceptions": [entry({ expires: "2026-11-30" })],
            }),
        ).toEqual([expect.stringMatching(/^strata:database\.deletionProtection: false .*\(the exception for it expired on 2026-11-30\)/)]);
    });
});

describe("prod safety", () => {
    test("every rule cites a policy of the pack", () => {
        for (const r of PROD_SAFETY_RULES)
            expect([r.policy, (POLICY_NAMES as readonly string[]).includes(r.policy)]).toEqual([r.policy, true]);
    });

    const weakenings: Array<[string, Record<string, unknown>, RegExp]> = [
        [
            "deletion protection",
            { "strata:database": { deletionProtection: false } },
            /^strata:database\.deletionProtection: false weakens deletion protection .*rule: "aws-rds-instance-cluster-require-deletion-protection", target: "strata-prod-postgres"/,
        ],
        [
            "final snapshot",
            { "strata:database": { finalSnapshot: false } },
            /^strata:database\.finalSnapshot: false .*rule: "aws-rds-instance-cluster-require-final-snapshot"/,
        ],
        [
            "Multi-AZ database",
            { "strata:database": { multiAz: false } },
            /^strata:database\.multiAz: false .*rule: "aws-rds-instance-require-multi-az"/,
        ],
        [
            "backup retention below the preset",
            { "strata:database": { backupRetentionDays: 7 } },
            /^strata:database\.backupRetentionDays: 7 .*rule: "aws-rds-elasticache-require-backup-retention"/,
        ],
        [
            "Multi-AZ cache",
            { "strata:cache": { multiAz: false } },
            /^strata:cache\.multiAz: false .*rule: "aws-elasticache-replicationgroup-require-multi-az", target: "strata-prod-cache"/,
        ],
        [
            "IMDS hop limit",
            { "strata:cluster": { imdsHopLimit: 2 } },
            /^strata:cluster\.imdsHopLimit: 2 .*rule: "aws-ec2-launchtemplate-require-imds-hop-limit", target: "strata-prod-ng-/,
        ],
        [
            "Pulumi protect",
            { "strata:protection": { protect: false } },
            /^strata:protection\.protect: false .*rule: "pulumi-stateful-resource-require-protect"/,
        ],
    ];
    test.each(weakenings)("prod refuses weakening %s, naming the key and the rule to cite", (_what, values, message) => {
        // (A shorter retention is also refused against AWS Backup's continuous rule: arrayContaining.)
        expect(configProblems({ "strata:environment": "prod", ...values })).toEqual(
            expect.arrayContaining([expect.stringMatching(message)]),
        );
    });
    test("dev promises none of them", () => {
        expect(
            configProblems({
                "strata:environment": "dev",
                "strata:database": { deletionProtection: false },
                "strata:cluster": { imdsHopLimit: 2 },
            }),
        ).toEqual([]);
    });
    test("an exception naming the rule and covering the resource lifts the refusal; one for another resource does not", () => {
        const values = { "strata:environment": "prod", "strata:database": { deletionProtection: false } };
        expect(configProblems({ ...values, "strata:exceptions": [entry()] })).toEqual([]);
        expect(configProblems({ ...values, "strata:exceptions": [entry({ target: "strata-prod-cache" })] })).toHaveLength(1);
        expect(configProblems({ ...values, "strata:exceptions": [entry({ rule: "aws-rds-instance-require-multi-az" })] })).toHaveLength(1);
    });
    test("a weakened setting that reaches several resources needs all covered (a glob does it)", () => {
        const values = { "strata:environment": "prod", "strata:cluster": { imdsHopLimit: 2 } };
        const rule = "aws-ec2-launchtemplate-require-imds-hop-limit";
        expect(configProblems({ ...values, "strata:exceptions": [entry({ rule, target: "strata-prod-ng-system" })] })).toHaveLength(1);
        expect(configProblems({ ...values, "strata:exceptions": [entry({ rule, target: "strata-prod-ng-*" })] })).toEqual([]);
    });
});

describe("waivers in the pack and in the plan", () => {
    const db = (name: string) => res(RDS, name, { identifier: name, deletionProtection: false, backupRetentionPeriod: 30, multiAz: true });
    const resources = [awsProvider(), db("strata-prod-postgres"), db("strata-prod-other")];
    const opts = { environment: "prod", stack: "prod", project: "strata" };
    const exceptions = [entry()];

    test("the pack (waivers in its config) and the plan (waivers applied after) report the same findings", () => {
        const underPack = evaluatePolicySet(resources, opts, stackPolicyConfig(loadPolicyConfig("prod"), exceptions)).violations;
        const found = evaluatePolicySet(
            resources,
            opts,
            stackPolicyConfig(loadPolicyConfig("prod"), exceptions, { waivers: false }),
        ).violations;
        const { kept, reports } = applyExceptions(found, exceptions, "2026-12-01");
        expect(underPack).toEqual(kept);
        const dp = (vs: typeof kept) => vs.filter((v) => v.policy === entry().rule).map((v) => nameOfUrn(v.urn!));
        expect([dp(found), dp(kept)]).toEqual([["strata-prod-postgres", "strata-prod-other"], ["strata-prod-other"]]);
        expect(reports[0].waived.map((w) => nameOfUrn(w.urn!))).toEqual(["strata-prod-postgres"]);
    });

    test("an expired waiver waives nothing and fails the stack", () => {
        const expired = [entry({ expires: "2026-11-30" })];
        const v = evaluatePolicySet(resources, opts, stackPolicyConfig(loadPolicyConfig("prod"), expired)).violations;
        expect(v.filter((x) => x.policy === entry().rule).map((x) => nameOfUrn(x.urn!))).toEqual([
            "strata-prod-postgres",
            "strata-prod-other",
        ]);
        expect(v.filter((x) => x.policy === "strata-exception-require-unexpired")).toEqual([
            expect.objectContaining({ enforcementLevel: "mandatory", urn: null, message: expect.stringMatching(/expired on 2026-11-30/) }),
        ]);
    });

    test("every policy accepts the waivers setting (the CLI validates pack config against its schema)", () => {
        for (const p of policies)
            expect([p.name, Object.keys(p.configSchema?.properties ?? {})]).toEqual([p.name, expect.arrayContaining(["waivers"])]);
    });
});

describe("generated files", () => {
    test("components/catalogue/policyNames.generated.ts lists the pack's policies (npm run docs:policies)", () => {
        expect(fs.readFileSync(NAMES_OUTPUT, "utf8")).toBe(renderPolicyNames());
    });
    test.each(stackFiles().map((f) => [path.relative(ROOT, f), f]))(
        "%s: its pack config is current (npm run policy:config)",
        (_rel, file) => {
            const out = stackConfigFile(ROOT, file);
            expect(fs.existsSync(out) ? fs.readFileSync(out, "utf8") : "(missing)").toBe(renderStackPolicyConfig(file));
        },
    );
    test("stack config ids", () => {
        expect([
            stackConfigId(ROOT, path.join(ROOT, "Pulumi.prod.yaml")),
            stackConfigId(ROOT, path.join(ROOT, "blueprints/seed-002-cyber-agent/Pulumi.prod.yaml")),
        ]).toEqual(["prod", "seed-002-cyber-agent.prod"]);
    });
});
