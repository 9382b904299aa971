import fc from "fast-check";
import { databaseNames, rdsLogGroupName } from "../../components/database/names";

describe("databaseNames", () => {
    test("the primary, proxy and roles", () => {
        expect(databaseNames).toMatchObject({
            identifier: "postgres",
            proxy: "postgres-proxy",
            monitoringRole: "rds-monitoring",
            proxyRole: "rds-proxy",
        });
    });

    test("property: replicas are numbered from 1, distinct, and never the primary's name", () => {
        fc.assert(
            fc.property(fc.integer({ min: 1, max: 15 }), (count) => {
                const names = Array.from({ length: count }, (_, i) => databaseNames.replica(i));
                expect(names[0]).toBe("postgres-replica-1");
                expect(new Set(names).size).toBe(count);
                expect(names).not.toContain(databaseNames.identifier);
            }),
        );
    });

    test("RDS log groups: /aws/rds/instance/<identifier>/<log>", () => {
        expect(rdsLogGroupName("strata-prod-postgres", "postgresql")).toBe("/aws/rds/instance/strata-prod-postgres/postgresql");
    });
});
