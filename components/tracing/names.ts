/** Logical name parts of the tracing tier's IAM role (auto-named: config checks it against IAM's 64 characters). */
export const TRACING_ROLE_PARTS = { gateway: ["otel-gateway", "xray"] } as const;
