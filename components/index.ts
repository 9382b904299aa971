/** @strata/platform: secure AWS homes for containerised microservice systems, as Pulumi components. */
export * from "./config";
export * from "./naming";
export * from "./tags";
export * from "./base";
export * from "./iam";
export * from "./logGroup";
export * from "./providers";
export * from "./kms";
export * from "./network";
export * from "./objectStore";
export * from "./queue";
export * from "./database";
export * from "./cache";
export * from "./identity";
export * from "./cluster";
export * from "./platform";
