export * from "./environment";
export * from "./errors";
export * from "./common";
export * from "./schema";
export * from "./load";
export * from "./checks";
export { kmsSchema, KmsSettings } from "./kms";
export { protectionSchema, ProtectionSettings } from "./protection";
export { networkSchema, NetworkSettings, INTERFACE_ENDPOINTS, NAT_STRATEGIES } from "./network";
export {
    clusterSchema,
    ClusterSettings,
    NodeGroupSettings,
    KUBERNETES_VERSIONS,
    KubernetesVersion,
    CLUSTER_ADDONS,
    OPTIONAL_CLUSTER_ADDONS,
    ALL_CLUSTER_ADDONS,
    ClusterAddonName,
    CoreAddonName,
    OptionalAddonName,
    CHART_DEFAULTS,
    CLUSTER_AUTOSCALER_IMAGE_TAGS,
    isKnownInstanceType,
    isArmInstanceType,
} from "./cluster";
export { databaseSchema, DatabaseSettings, RDS_INSTANCE_CLASSES, POSTGRES_MAJOR_VERSIONS, MONITORING_INTERVALS } from "./database";
export {
    cacheSchema,
    CacheSettings,
    CacheEngine,
    CACHE_ENGINES,
    CACHE_ENGINE_VERSIONS,
    CACHE_NODE_TYPES,
    MAXMEMORY_POLICIES,
} from "./cache";
export { documentDbSchema, DocumentDbSettings } from "./documentDb";
export {
    objectStoreSchema,
    ObjectStoreSettings,
    BucketSettings,
    S3_TRANSITION_STORAGE_CLASSES,
    OBJECT_LOCK_MODES,
    REPLICATION_REGION_PAIRS,
    yearsInDays,
} from "./objectStore";
export { queuesSchema, QueuesSettings, QueueSettings, SQS_LIMITS, queueNames } from "./queues";
export {
    servicesSchema,
    ServicesSettings,
    ServiceSettings,
    ProbeSettings,
    isPinnedImage,
    effectiveProbes,
    secretEnvConfigKeys,
    SERVICE_KINDS,
    BUCKET_ACCESS,
    QUEUE_ACCESS,
} from "./services";
export * from "./quantity";
export { wafSchema, WafSettings, WAF_EVALUATION_WINDOWS, WAF_MANAGED_RULE_GROUPS } from "./waf";
export { registrySchema, RegistrySettings } from "./registry";
export { backupSchema, BackupSettings } from "./backup";
export { monitoringSchema, MonitoringSettings, AlertReceiverSettings, monitoringSecretConfigKeys, GP3_SIZE_GIB } from "./monitoring";
export * from "./pulumi";
