/** AWS and Kubernetes facts shared by config validation and components (one source each). */
export * from "./regions";
export * from "./spot";
export * from "./ec2";
export * from "./kubernetes";
export * from "./charts";
export * from "./rds";
export * from "./elasticache";
export * from "./quantity";
export * from "./waf";
export * from "./jobs";
export * from "./rollouts";
