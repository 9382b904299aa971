/** The offline plan: run a Strata (or any Pulumi) program under mocks, record it, check it, cost it. */
export { runPlan, RunPlanOptions, PlanConfigurationError, PlanProgramError } from "./run";
export { executePlan, ExecutePlanOptions, PlanConfigError } from "./harness";
export * from "./types";
export { createMocks, MOCK_MODULES, MOCK_ACCOUNT_ID } from "./mocks";
export type { MockModule, MockContext, ResourceMock, CallMock } from "./mocks/types";
export { estimateCost, PRICE_TABLE } from "./cost";
export { estimateDeploy, createMinutes } from "./deploy";
export * from "./query";
export { render, RenderResult, RenderOptions, RenderContext } from "./render";
export { createRecordingMonitor, startMockRuntime, defaultProviderViolations } from "./harness";
export { RecordingMonitor } from "./monitor";
