import type { PlanResource } from "../types";
import { backupPricer } from "./backup";
import { monitoringPricer } from "./monitoring";
import { alarmsPricer } from "./alarms";
import { auditPricer } from "./audit";
import { tracingPricer } from "./tracing";
import { deliveryPricer } from "./delivery";
import { documentDbPricer } from "./documentDb";
import { brokerPricer } from "./broker";

/** A monthly price and how it was reached (the rate, the quantity, the assumption). */
export interface PricedItem {
    monthlyUsd: number;
    basis: string;
}

/**
 * Prices one resource type family, or returns undefined for resources it does not price. Each feature area keeps its
 * rates and their public sources in its own module under plan/pricing/ and registers its pricer here; the core types
 * are priced in plan/cost.ts.
 */
export type Pricer = (r: PlanResource, byUrn: ReadonlyMap<string, PlanResource>) => PricedItem | undefined;

/** The registered pricers, tried in order before the core table; the first that prices a resource wins. */
export const PRICERS: Pricer[] = [
    backupPricer,
    monitoringPricer,
    alarmsPricer,
    auditPricer,
    tracingPricer,
    deliveryPricer,
    documentDbPricer,
    brokerPricer,
];
