import type { PlanResource, PlanViolation } from "../plan/types";

export interface EvaluateOptions {
    /** The stack's `strata:environment`: picks policy/config/<environment>.json. */
    environment: string;
    stack: string;
    project: string;
}

/** Evaluates the policy pack on a plan's resources (placeholder until the policy pack lands). */
export function evaluatePolicies(_resources: PlanResource[], _options: EvaluateOptions): PlanViolation[] {
    return [];
}
