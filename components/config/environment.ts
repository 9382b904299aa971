import { z } from "zod";

/** The three environments every stack picks from with `strata:environment`. */
export const ENVIRONMENTS = ["dev", "staging", "prod"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const environmentSchema = z.enum(ENVIRONMENTS);

/** A value that differs per environment: the presets of every config section are written with it. */
export type PerEnvironment<T> = Record<Environment, T>;

/** Picks the preset of one environment. */
export function preset<T>(values: PerEnvironment<T>, env: Environment): T {
    return values[env];
}
