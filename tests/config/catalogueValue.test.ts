import fc from "fast-check";
import { catalogueValue, compactList } from "../../components/config/catalogueValue";
import { configProblems } from "../helpers";

describe("compactList", () => {
    test("groups sizes by family, in catalogue order", () => {
        expect(compactList(["db.t4g.micro", "db.t4g.small", "db.m7g.large", "x"])).toBe("db.t4g.{micro,small}, db.m7g.large, x");
    });

    test("property: every value can be read back from the compact form", () => {
        fc.assert(
            fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z]{1,3}\.[a-z0-9]{1,3}\.[a-z0-9]{1,4}$/), { maxLength: 20 }), (values) => {
                const text = compactList(values);
                for (const v of values) {
                    const dot = v.lastIndexOf(".");
                    const [family, size] = [v.slice(0, dot), v.slice(dot + 1)];
                    expect(
                        text.includes(`${family}.${size}`) ||
                            new RegExp(`${family.replace(/\./g, "\\.")}\\.\\{([^}]*,)?${size}(,|\\})`).test(text),
                    ).toBe(true);
                }
            }),
        );
    });
});

describe("catalogueValue", () => {
    const schema = catalogueValue(["db.t4g.micro", "db.t4g.medium"], "RDS instance class");

    test("accepts a known value", () => {
        expect(schema.safeParse("db.t4g.medium").success).toBe(true);
    });

    test("refuses an unknown one with did-you-mean and the compact catalogue", () => {
        const r = schema.safeParse("db.t4g.mediun");
        expect(r.success).toBe(false);
        if (!r.success)
            expect(r.error.issues[0].message).toBe(
                '!"db.t4g.mediun" is not a known RDS instance class (did you mean "db.t4g.medium"?); known: db.t4g.{micro,medium}',
            );
    });

    test("no suggestion when nothing is close", () => {
        const r = schema.safeParse("cache.x9.huge");
        if (!r.success) expect(r.error.issues[0].message).not.toMatch(/did you mean/);
    });
});

test("in a stack: the key, the value, the suggestion", () => {
    expect(configProblems({ "strata:database": { instanceClass: "db.t4g.mediun" } })).toEqual([
        expect.stringMatching(
            /^strata:database\.instanceClass: "db\.t4g\.mediun" is not a known RDS instance class \(did you mean "db\.t4g\.medium"\?\); known: db\.t3\.\{/,
        ),
    ]);
});
