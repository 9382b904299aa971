import fc from "fast-check";
import {
    BASE_POSTGRES_PARAMETERS,
    parameterGroupDescription,
    postgresParameterGroupFamily,
    postgresParameters,
} from "../../components/database/parameters";
import { POSTGRES_MAJOR_VERSIONS } from "../../components/config/database";
import { POSTGRES_STATIC_PARAMETERS } from "../../components/catalogue/rds";

const asMap = (params: Array<{ name: string; value: string }>) => Object.fromEntries(params.map((p) => [p.name, p.value]));

describe("postgresParameterGroupFamily", () => {
    test.each(POSTGRES_MAJOR_VERSIONS.map((v) => [v, `postgres${v}`]))("major %s: family %s", (major, family) => {
        expect(postgresParameterGroupFamily(major)).toBe(family);
    });

    test("the description names the version and TLS", () => {
        expect(parameterGroupDescription("strata-prod", "16")).toBe("strata-prod PostgreSQL 16: TLS required");
    });
});

describe("postgresParameters", () => {
    test("no overrides: the base set (TLS forced, logging), all dynamic, so applied at once", () => {
        const params = postgresParameters({});
        expect(asMap(params)).toEqual(BASE_POSTGRES_PARAMETERS);
        expect(asMap(params)["rds.force_ssl"]).toBe("1");
        expect(new Set(params.map((p) => p.applyMethod))).toEqual(new Set(["immediate"]));
    });

    test.each([
        ["shared_preload_libraries", "pg_stat_statements", "pending-reboot"],
        ["max_connections", "500", "pending-reboot"],
        ["shared_buffers", "{DBInstanceClassMemory/32768}", "pending-reboot"],
        ["rds.logical_replication", "1", "pending-reboot"],
        ["work_mem", "8192", "immediate"],
        ["log_min_duration_statement", "250", "immediate"],
        ["statement_timeout", "30000", "immediate"],
    ])("%s = %s applies %s", (name, value, method) => {
        const p = postgresParameters({ [name]: value }).find((x) => x.name === name);
        expect(p).toEqual({ name, value, applyMethod: method });
    });

    test("property: a parameter is pending-reboot exactly when the catalogue lists it as static", () => {
        fc.assert(
            fc.property(
                fc.dictionary(
                    fc.constantFrom(...POSTGRES_STATIC_PARAMETERS, "work_mem", "maintenance_work_mem", "random_page_cost"),
                    fc.constant("1"),
                ),
                (overrides) => {
                    for (const p of postgresParameters(overrides)) {
                        expect(p.applyMethod).toBe(POSTGRES_STATIC_PARAMETERS.includes(p.name) ? "pending-reboot" : "immediate");
                    }
                },
            ),
        );
    });

    test("a stack's parameters override the logging defaults and add their own", () => {
        expect(asMap(postgresParameters({ log_min_duration_statement: "250", work_mem: "8192" }))).toMatchObject({
            log_min_duration_statement: "250",
            work_mem: "8192",
            "rds.force_ssl": "1",
            log_connections: "1",
        });
    });

    test("property: rds.force_ssl is 1 whatever the stack says, every parameter appears once, and other overrides win", () => {
        fc.assert(
            fc.property(
                fc.dictionary(
                    fc.constantFrom("rds.force_ssl", "log_connections", "work_mem", "log_lock_waits", "max_connections"),
                    fc.stringMatching(/^[0-9]{1,5}$/),
                ),
                (overrides) => {
                    const params = postgresParameters(overrides);
                    const map = asMap(params);
                    expect(map["rds.force_ssl"]).toBe("1");
                    expect(new Set(params.map((p) => p.name)).size).toBe(params.length);
                    for (const [k, v] of Object.entries(overrides)) if (k !== "rds.force_ssl") expect(map[k]).toBe(v);
                },
            ),
        );
    });
});
