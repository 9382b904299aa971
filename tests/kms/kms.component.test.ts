import { KEY_PURPOSES, KmsKeys } from "../../components/kms";
import type { RenderResult } from "../../plan";
import { render } from "../../plan";
import { loadConfig } from "../helpers";

const KEY = "aws:kms/key:Key";
const ALIAS = "aws:kms/alias:Alias";
const ACCOUNT = "123456789012";
const REGION = "eu-west-1";

interface Statement {
    Sid: string;
    Effect: string;
    Principal: { AWS?: string; Service?: string };
    Action: string | string[];
    Resource: string;
    Condition?: {
        StringEquals?: { "kms:CallerAccount"?: string; "kms:ViaService"?: string[] };
        Bool?: Record<string, string>;
        ArnLike?: Record<string, string>;
    };
}

/** Renders KmsKeys alone with an environment's validated settings, in eu-west-1 (so the region visibly flows through). */
function renderKeys(environment: string) {
    const cfg = loadConfig({ "aws:region": REGION, "strata:environment": environment }, environment);
    return render(
        ({ awsProvider }) =>
            new KmsKeys(
                cfg.naming.name("kms"),
                {
                    naming: cfg.naming,
                    environment: cfg.environment,
                    protection: cfg.protection,
                    defaultTags: cfg.defaultTags,
                    ...cfg.kms,
                    region: REGION,
                },
                { providers: { aws: awsProvider() } },
            ),
        { stack: environment, region: REGION },
    );
}

const statementsOf = (r: RenderResult<KmsKeys>, purpose: string) =>
    r.json<{ Version: string; Statement: Statement[] }>(r.one(KEY, `strata-dev-kms-${purpose}`), "policy").Statement;

describe("KmsKeys (component)", () => {
    let r: RenderResult<KmsKeys>;
    beforeAll(async () => {
        r = await renderKeys("dev");
    });

    test("a symmetric key per purpose with yearly rotation and the environment's deletion window, an alias each", () => {
        expect(r.ofType(KEY).map((k) => k.name)).toEqual(KEY_PURPOSES.map((p) => `strata-dev-kms-${p}`));
        for (const key of r.ofType(KEY)) {
            expect([key.name, r.inputs(key)]).toEqual([
                key.name,
                expect.objectContaining({
                    enableKeyRotation: true,
                    rotationPeriodInDays: 365,
                    deletionWindowInDays: 7,
                    keyUsage: "ENCRYPT_DECRYPT",
                    customerMasterKeySpec: "SYMMETRIC_DEFAULT",
                }),
            ]);
        }
        for (const purpose of KEY_PURPOSES) {
            const alias = r.one(ALIAS, `strata-dev-kms-${purpose}-alias`);
            const key = r.one(KEY, `strata-dev-kms-${purpose}`);
            expect(r.inputs(alias).name).toBe(`alias/strata-dev-${purpose}`);
            expect(alias.propertyDependencies.targetKeyId).toEqual([key.urn]);
        }
    });

    test("the account administers every key through IAM", () => {
        for (const purpose of KEY_PURPOSES) {
            expect(statementsOf(r, purpose)[0]).toEqual({
                Sid: "AccountAdministersKeyThroughIam",
                Effect: "Allow",
                Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
                Action: "kms:*",
                Resource: "*",
            });
        }
    });

    test.each([
        ["cluster", ["eks"]],
        ["ebs", ["ec2", "autoscaling"]],
        ["data", ["rds", "elasticache", "s3", "sqs", "secretsmanager", "sns", "backup", "ecr"]],
    ])("the %s key admits this account's principals through %j only, for use and for grants to AWS resources", (purpose, services) => {
        const via = statementsOf(r, purpose).filter((s) => s.Principal.AWS === "*");
        expect(via).toHaveLength(2);
        for (const s of via) {
            expect(s.Condition?.StringEquals).toEqual({
                "kms:CallerAccount": ACCOUNT,
                "kms:ViaService": services.map((x) => `${x}.${REGION}.amazonaws.com`),
            });
        }
        const grants = via.find((s) => s.Sid.endsWith("Grants"))!;
        expect(grants.Action).toEqual(["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"]);
        expect(grants.Condition?.Bool).toEqual({ "kms:GrantIsForAWSResource": "true" });
        // The EBS key names no service-linked role: it may not exist yet in a fresh account.
        expect(JSON.stringify(statementsOf(r, purpose))).not.toMatch(/AWSServiceRole/);
    });

    test("the logs key admits CloudWatch Logs of the region, for this account's log groups only", () => {
        const statements = statementsOf(r, "logs");
        expect(statements.filter((s) => s.Principal.AWS === "*")).toEqual([]);
        const logs = statements.find((s) => s.Principal.Service !== undefined)!;
        expect(logs.Principal).toEqual({ Service: `logs.${REGION}.amazonaws.com` });
        expect(logs.Condition).toEqual({
            ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:*` },
        });
    });

    test("the account lookup goes through the explicit provider; the partition comes from the region, without a lookup", () => {
        expect(r.invokes.map((i) => i.token).sort()).toEqual(["aws:index/getCallerIdentity:getCallerIdentity"]);
        expect(r.invokes.every((i) => i.provider?.includes("pulumi:providers:aws::strata-dev-aws::"))).toBe(true);
        expect(r.violations).toEqual([]);
    });

    test("the component's ARNs are the keys' ARNs", async () => {
        const dataKey = r.one(KEY, "strata-dev-kms-data");
        expect(await r.resolve(r.value.arns.data)).toMatch(new RegExp(`^arn:aws:kms:${REGION}:${ACCOUNT}:key/`));
        expect(await r.resolve(r.value.keys.data.urn)).toBe(dataKey.urn);
    });
});

describe("KmsKeys per environment (component)", () => {
    test.each([
        ["staging", 14, false],
        ["prod", 30, true],
    ])("%s: deletion window %i days, keys protected: %s (aliases never)", async (environment, window, protect) => {
        const r = await renderKeys(environment);
        for (const key of r.ofType(KEY))
            expect([key.name, key.inputs.deletionWindowInDays, key.options.protect]).toEqual([key.name, window, protect]);
        for (const alias of r.ofType(ALIAS)) expect([alias.name, alias.options.protect]).toEqual([alias.name, false]);
    });
});
