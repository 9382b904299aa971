import {
    MONITORING_INTERVALS,
    POSTGRES_MAJOR_VERSIONS,
    POSTGRES_STATIC_PARAMETERS,
    postgresApplyMethod,
    RDS_INSTANCE_CLASSES,
} from "../../components/catalogue/rds";

describe("RDS facts", () => {
    it("instance classes are db.<family>.<size>, each once, and include the presets' classes", () => {
        for (const c of RDS_INSTANCE_CLASSES) expect(c).toMatch(/^db\.[a-z]\d+[a-z]*\.(micro|small|medium|large|\d*xlarge)$/);
        expect(new Set(RDS_INSTANCE_CLASSES).size).toBe(RDS_INSTANCE_CLASSES.length);
        for (const preset of ["db.t4g.micro", "db.t4g.medium", "db.m7g.large"]) expect(RDS_INSTANCE_CLASSES).toContain(preset);
    });

    it("PostgreSQL majors are whole numbers in ascending order; monitoring 0 means off", () => {
        expect(POSTGRES_MAJOR_VERSIONS.map(Number)).toEqual([13, 14, 15, 16, 17]);
        expect(MONITORING_INTERVALS[0]).toBe(0);
    });
});

describe("PostgreSQL static parameters", () => {
    test.each([
        ["shared_preload_libraries", "pending-reboot"],
        ["max_connections", "pending-reboot"],
        ["shared_buffers", "pending-reboot"],
        ["work_mem", "immediate"],
        ["rds.force_ssl", "immediate"],
    ] as const)("%s applies %s", (name, method) => {
        expect(postgresApplyMethod(name)).toBe(method);
    });

    test("the list is sorted, each name once, lower-case parameter names", () => {
        expect([...POSTGRES_STATIC_PARAMETERS].sort()).toEqual(POSTGRES_STATIC_PARAMETERS);
        expect(new Set(POSTGRES_STATIC_PARAMETERS).size).toBe(POSTGRES_STATIC_PARAMETERS.length);
        for (const p of POSTGRES_STATIC_PARAMETERS) expect(p).toMatch(/^[a-z][a-z0-9_.]*$/);
    });
});
