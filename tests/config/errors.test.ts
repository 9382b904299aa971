import { z } from "zod";
import { defaultAt, formatZodError } from "../../components/config/errors";

const schema = z
    .object({
        database: z
            .object({
                backupRetentionDays: z.number().default(7),
                window: z.object({ start: z.string() }).default({ start: "03:00" }),
            })
            .default({}),
        name: z.string().optional(),
    })
    .strict();

describe("defaultAt: the default a config path takes", () => {
    test.each([
        [["database", "backupRetentionDays"], 7],
        [["database", "window"], { start: "03:00" }],
        [["database", "window", "start"], "03:00"],
        [["name"], undefined],
        [["nosuch"], undefined],
    ])("%j -> %j", (path, expected) => {
        expect(defaultAt(schema, path)).toEqual(expected);
    });
});

describe("a refinement on a value the user did not set names the default, not (missing)", () => {
    test("the defaulted value is shown as the default", () => {
        const refined = schema.superRefine((v, ctx) => {
            if (v.database.backupRetentionDays < 30)
                ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["database", "backupRetentionDays"], message: "is below 30 in prod" });
        });
        const input = {};
        const parsed = refined.safeParse(input);
        expect(parsed.success).toBe(false);
        if (parsed.success) return;
        expect(formatZodError(parsed.error, input, refined)).toEqual([
            "strata:database.backupRetentionDays: 7 (the default) is below 30 in prod",
        ]);
    });

    test("a value the user set is shown as given", () => {
        const input = { database: { backupRetentionDays: "x" } };
        const parsed = schema.safeParse(input);
        if (parsed.success) throw new Error("expected a failure");
        expect(formatZodError(parsed.error, input, schema)).toEqual([
            'strata:database.backupRetentionDays: "x" is a string; expected number',
        ]);
    });
});
