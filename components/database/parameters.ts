import { postgresApplyMethod } from "../catalogue/rds";

/**
 * The PostgreSQL parameter group as plain data. Parameter names and the family naming (`postgres<major>`) as the
 * Amazon RDS User Guide lists them ("Working with parameter groups", "Requiring an SSL connection to a PostgreSQL DB
 * instance": rds.force_ssl).
 */

/** Parameters every Strata PostgreSQL parameter group sets: TLS only, plus useful logging. */
export const BASE_POSTGRES_PARAMETERS: Record<string, string> = {
    "rds.force_ssl": "1",
    log_min_duration_statement: "1000",
    log_connections: "1",
    log_disconnections: "1",
    log_lock_waits: "1",
};

/** The parameter group family of a PostgreSQL major version. */
export function postgresParameterGroupFamily(major: string): string {
    return `postgres${major}`;
}

/**
 * The parameters of the group: the base set, overridden by the stack's, with rds.force_ssl 1 whatever they say.
 * Dynamic parameters apply at once (`immediate`); static ones at the next reboot (`pending-reboot`, the only method
 * RDS accepts for them): the catalogue's list of PostgreSQL static parameters decides.
 */
export function postgresParameters(overrides: Record<string, string>): Array<{ name: string; value: string; applyMethod: string }> {
    return Object.entries({ ...BASE_POSTGRES_PARAMETERS, ...overrides, "rds.force_ssl": "1" }).map(([name, value]) => ({
        name,
        value,
        applyMethod: postgresApplyMethod(name),
    }));
}

/** The description of the parameter group. */
export function parameterGroupDescription(prefix: string, major: string): string {
    return `${prefix} PostgreSQL ${major}: TLS required`;
}
