/** AWS and Kubernetes facts shared by config validation and components (one source each). */
export * from "./regions";
export * from "./spot";
