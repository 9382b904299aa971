import { STACKS, planOf, ofType, inputs } from "../helpers";

const windows = { dev: 7, staging: 14, prod: 30 } as const;

describe.each(STACKS)("KMS keys in %s", (stack) => {
    test("a key per purpose, rotation on, an alias each, the environment's deletion window", async () => {
        const plan = await planOf(stack);
        const keys = ofType(plan, "aws:kms/key:Key").filter((k) => /-kms-(cluster|ebs|data|logs)$/.test(k.name));
        expect(keys.map((k) => k.name.split("-kms-")[1]).sort()).toEqual(["cluster", "data", "ebs", "logs"]);
        for (const k of keys) {
            expect(inputs(k).enableKeyRotation).toBe(true);
            expect(inputs(k).deletionWindowInDays).toBe(windows[stack]);
            expect(k.options.protect).toBe(stack === "prod");
        }
        const aliases = ofType(plan, "aws:kms/alias:Alias").map((a) => inputs(a).name);
        for (const p of ["cluster", "data", "ebs", "logs"]) expect(aliases).toContain(`alias/strata-${stack}-${p}`);
    });

    test("key policies admit exactly the services that use them, and name no principal that may not exist yet", async () => {
        const plan = await planOf(stack);
        const policyOf = (purpose: string) => {
            const k = ofType(plan, "aws:kms/key:Key").find((r) => r.name.endsWith(`-kms-${purpose}`))!;
            return JSON.parse(inputs(k).policy) as { Statement: Array<Record<string, any>> }; // eslint-disable-line @typescript-eslint/no-explicit-any
        };
        const logs = policyOf("logs");
        const logsStmt = logs.Statement.find((s) => s.Principal?.Service === "logs.us-east-1.amazonaws.com")!;
        expect(logsStmt.Condition.ArnLike["kms:EncryptionContext:aws:logs:arn"]).toBe("arn:aws:logs:us-east-1:123456789012:log-group:*");

        const ebs = policyOf("ebs");
        const via = ebs.Statement.filter((s) => s.Principal?.AWS === "*");
        expect(via.length).toBeGreaterThan(0);
        for (const s of via) {
            expect(s.Condition.StringEquals["kms:CallerAccount"]).toBe("123456789012");
            expect(s.Condition.StringEquals["kms:ViaService"]).toContain("ec2.us-east-1.amazonaws.com");
        }
        const text = JSON.stringify(ebs);
        expect(text).not.toMatch(/AWSServiceRoleForAutoScaling/);

        const data = policyOf("data");
        const dataVia = data.Statement.find((s) => s.Sid === "DataServices")!;
        expect(dataVia.Condition.StringEquals["kms:ViaService"]).toEqual(
            expect.arrayContaining([
                "rds.us-east-1.amazonaws.com",
                "elasticache.us-east-1.amazonaws.com",
                "s3.us-east-1.amazonaws.com",
                "sqs.us-east-1.amazonaws.com",
            ]),
        );
        // No statement lets anyone outside the account use a key.
        for (const purpose of ["cluster", "ebs", "data", "logs"]) {
            for (const s of policyOf(purpose).Statement) {
                if (s.Principal?.AWS === "*") expect(s.Condition.StringEquals["kms:CallerAccount"]).toBe("123456789012");
            }
        }
    });
});
