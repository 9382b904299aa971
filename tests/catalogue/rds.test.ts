import { MONITORING_INTERVALS, POSTGRES_MAJOR_VERSIONS, RDS_INSTANCE_CLASSES } from "../../components/catalogue/rds";

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
