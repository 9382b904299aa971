/**
 * Every Strata policy, one per file. This module does not construct the PolicyPack (that starts the analyzer
 * server): policy/index.ts does, and tests and the offline plan (policy/evaluate.ts) use these objects directly.
 */
import type { StrataPolicy } from "../lib/metadata";
import { awsRdsInstanceRequireCurrentCaCertificate } from "./aws-rds-instance-require-current-ca-certificate";
import { awsKmsKeyRequireKeyPolicy } from "./aws-kms-key-require-key-policy";
import { awsKmsKeyDisallowDisabled } from "./aws-kms-key-disallow-disabled";
import { awsRdsInstanceRequireCopyTagsToSnapshot } from "./aws-rds-instance-require-copy-tags-to-snapshot";
import { awsRdsInstanceRequireIamAuthentication } from "./aws-rds-instance-require-iam-authentication";
import { awsEc2DefaultsecuritygroupRestrictAllTraffic } from "./aws-ec2-defaultsecuritygroup-restrict-all-traffic";
import { awsWafv2WebaclRequireKnownBadInputsRules } from "./aws-wafv2-webacl-require-known-bad-inputs-rules";
import { awsS3BucketRequireAclsDisabled } from "./aws-s3-bucket-require-acls-disabled";
import { awsEksClusterRequireControlPlaneLogging } from "./aws-eks-cluster-require-control-plane-logging";
import { awsCloudwatchLoggroupRequireRetention } from "./aws-cloudwatch-loggroup-require-retention";
import { awsRdsInstanceRequireLogExports } from "./aws-rds-instance-require-log-exports";
import { awsWafv2WebaclRequireLogging } from "./aws-wafv2-webacl-require-logging";
import { awsS3BucketRequireLifecycleConfiguration } from "./aws-s3-bucket-require-lifecycle-configuration";
import { awsCloudtrailTrailRequireKmsEncryption } from "./aws-cloudtrail-trail-require-kms-encryption";
import { awsCloudtrailTrailRequireLogFileValidation } from "./aws-cloudtrail-trail-require-log-file-validation";
import { awsCloudtrailTrailRequireMultiRegion } from "./aws-cloudtrail-trail-require-multi-region";
import { awsCodebuildProjectDisallowPrivilegedMode } from "./aws-codebuild-project-disallow-privileged-mode";
import { awsCodebuildProjectRequireCloudwatchLogs } from "./aws-codebuild-project-require-cloudwatch-logs";
import { awsFirehoseDeliverystreamRequireKmsEncryption } from "./aws-firehose-deliverystream-require-kms-encryption";
import { awsCloudwatchLoggroupRequireKmsEncryption } from "./aws-cloudwatch-loggroup-require-kms-encryption";
import { awsDatastoreSubnetgroupRequirePrivateSubnets } from "./aws-datastore-subnetgroup-require-private-subnets";
import { awsEbsRequireCustomerManagedKey } from "./aws-ebs-require-customer-managed-key";
import { awsEbsVolumeInstanceRequireEncryption } from "./aws-ebs-volume-instance-require-encryption";
import { awsEc2LaunchtemplateRequireEbsEncryption } from "./aws-ec2-launchtemplate-require-ebs-encryption";
import { awsEc2InstanceLaunchtemplateDisallowPublicIp } from "./aws-ec2-instance-launchtemplate-disallow-public-ip";
import { awsEc2LaunchtemplateRequireImdsv2 } from "./aws-ec2-launchtemplate-require-imdsv2";
import { awsEc2LaunchtemplateRequireImdsHopLimit } from "./aws-ec2-launchtemplate-require-imds-hop-limit";
import { awsEc2SecuritygroupDisallowPublicIngress } from "./aws-ec2-securitygroup-disallow-public-ingress";
import { awsEksClusterRequireSecretsEncryption } from "./aws-eks-cluster-require-secrets-encryption";
import { awsEksClusterRestrictPublicEndpoint } from "./aws-eks-cluster-restrict-public-endpoint";
import { awsElasticacheReplicationgroupRequireAtRestEncryption } from "./aws-elasticache-replicationgroup-require-at-rest-encryption";
import { awsElasticacheReplicationgroupRequireMultiAz } from "./aws-elasticache-replicationgroup-require-multi-az";
import { awsElasticacheReplicationgroupRequireTransitEncryption } from "./aws-elasticache-replicationgroup-require-transit-encryption";
import { awsIamPolicyDisallowFullAdmin } from "./aws-iam-policy-disallow-full-admin";
import { awsResourcePolicyDisallowPublicPrincipal } from "./aws-resource-policy-disallow-public-principal";
import { awsLbListenerRequireTls12 } from "./aws-lb-listener-require-tls12";
import { awsKmsKeyRequireRotation } from "./aws-kms-key-require-rotation";
import { awsMqBrokerDisallowPublicAccess } from "./aws-mq-broker-disallow-public-access";
import { awsMqBrokerRequireClusterDeployment } from "./aws-mq-broker-require-cluster-deployment";
import { awsRdsInstanceDisallowPublicAccess } from "./aws-rds-instance-disallow-public-access";
import { awsRdsElasticacheRequireBackupRetention } from "./aws-rds-elasticache-require-backup-retention";
import { awsRdsInstanceClusterRequireDeletionProtection } from "./aws-rds-instance-cluster-require-deletion-protection";
import { awsRdsInstanceClusterRequireFinalSnapshot } from "./aws-rds-instance-cluster-require-final-snapshot";
import { awsRdsInstanceRequireMultiAz } from "./aws-rds-instance-require-multi-az";
import { awsRdsInstanceRequirePerformanceInsightsEncryption } from "./aws-rds-instance-require-performance-insights-encryption";
import { awsRdsInstanceClusterRequireStorageEncryption } from "./aws-rds-instance-cluster-require-storage-encryption";
import { awsResourceRequireTags } from "./aws-resource-require-tags";
import { awsS3BucketreplicationconfigRequireReplicaKmsKey } from "./aws-s3-bucketreplicationconfig-require-replica-kms-key";
import { awsS3BucketRequireKmsEncryption } from "./aws-s3-bucket-require-kms-encryption";
import { awsS3BucketRequirePublicAccessBlock } from "./aws-s3-bucket-require-public-access-block";
import { awsS3BucketRequireVersioning } from "./aws-s3-bucket-require-versioning";
import { awsSecretsmanagerSecretRequireKmsKey } from "./aws-secretsmanager-secret-require-kms-key";
import { awsSnsTopicRequireKmsEncryption } from "./aws-sns-topic-require-kms-encryption";
import { awsBackupVaultRequireKmsEncryption } from "./aws-backup-vault-require-kms-encryption";
import { awsSqsQueueRequireKmsEncryption } from "./aws-sqs-queue-require-kms-encryption";
import { awsEcrRepositoryRequireKmsEncryption } from "./aws-ecr-repository-require-kms-encryption";
import { awsEcrRepositorycreationtemplateRequireKmsEncryption } from "./aws-ecr-repositorycreationtemplate-require-kms-encryption";
import { awsEcrRepositoryRequireImmutableTags } from "./aws-ecr-repository-require-immutable-tags";
import { awsEcrRepositoryRequireScanOnPush } from "./aws-ecr-repository-require-scan-on-push";
import { awsEcrRepositorycreationtemplateRequireImmutableTags } from "./aws-ecr-repositorycreationtemplate-require-immutable-tags";
import { kubernetesIngressRequireWaf } from "./kubernetes-ingress-require-waf";
import { kubernetesNamespaceRequireRestrictedPodSecurity } from "./kubernetes-namespace-require-restricted-pod-security";
import { kubernetesWorkloadDisallowHostAccess } from "./kubernetes-workload-disallow-host-access";
import { kubernetesWorkloadDisallowLatestImage } from "./kubernetes-workload-disallow-latest-image";
import { kubernetesWorkloadRequireDisruptionBudget } from "./kubernetes-workload-require-disruption-budget";
import { kubernetesWorkloadRequireNetworkPolicy } from "./kubernetes-workload-require-network-policy";
import { kubernetesWorkloadRequireProbes } from "./kubernetes-workload-require-probes";
import { kubernetesWorkloadRequireReplicas } from "./kubernetes-workload-require-replicas";
import { kubernetesWorkloadRequireResourceLimits } from "./kubernetes-workload-require-resource-limits";
import { kubernetesWorkloadRequireRestrictedSecurityContext } from "./kubernetes-workload-require-restricted-security-context";
import { awsDocdbClusterRequireCmkEncryption } from "./aws-docdb-cluster-require-cmk-encryption";
import { awsDocdbClusterRequireTlsAndAuditParameters } from "./aws-docdb-cluster-require-tls-and-audit-parameters";
import { awsDocdbClusterRequireLogExports } from "./aws-docdb-cluster-require-log-exports";
import { awsDocdbClusterRequireBackupRetention } from "./aws-docdb-cluster-require-backup-retention";
import { awsDocdbClusterRequireDeletionProtection } from "./aws-docdb-cluster-require-deletion-protection";
import { kubernetesIngressDisallowNginxSnippets } from "./kubernetes-ingress-disallow-nginx-snippets";
import { kubernetesPodDisruptionBudgetRequireAllowedDisruption } from "./kubernetes-poddisruptionbudget-require-allowed-disruption";
import { kubernetesRbacDisallowPrivilegedPermissions } from "./kubernetes-rbac-disallow-privileged-permissions";
import { kubernetesResourceDisallowDefaultNamespace } from "./kubernetes-resource-disallow-default-namespace";
import { kubernetesWorkloadDisallowDefaultServiceAccount } from "./kubernetes-workload-disallow-default-service-account";
import { kubernetesWorkloadDisallowHostProcess } from "./kubernetes-workload-disallow-host-process";
import { kubernetesWorkloadDisallowServiceAccountTokenAutomount } from "./kubernetes-workload-disallow-service-account-token-automount";
import { kubernetesWorkloadRestrictAppArmorProfile } from "./kubernetes-workload-restrict-apparmor-profile";
import { kubernetesWorkloadRestrictProcMount } from "./kubernetes-workload-restrict-proc-mount";
import { kubernetesWorkloadRestrictSelinuxOptions } from "./kubernetes-workload-restrict-selinux-options";
import { kubernetesWorkloadRestrictSysctls } from "./kubernetes-workload-restrict-sysctls";
import { kubernetesWorkloadRestrictVolumeTypes } from "./kubernetes-workload-restrict-volume-types";
import { kubernetesServiceDisallowNodeExposure } from "./kubernetes-service-disallow-node-exposure";
import { kubernetesConfigMapDisallowSecretKeys } from "./kubernetes-configmap-disallow-secret-keys";
import { kubernetesWorkloadDisallowLiteralSecretEnv } from "./kubernetes-workload-disallow-literal-secret-env";
import { pulumiStatefulResourceRequireProtect } from "./pulumi-stateful-resource-require-protect";
import { strataExceptionRequireUnexpired } from "./strata-exception-require-unexpired";

export const policies: StrataPolicy[] = [
    // encryption
    awsCloudtrailTrailRequireKmsEncryption,
    awsCloudwatchLoggroupRequireKmsEncryption,
    awsDocdbClusterRequireCmkEncryption,
    awsDocdbClusterRequireTlsAndAuditParameters,
    awsEbsVolumeInstanceRequireEncryption,
    awsEbsRequireCustomerManagedKey,
    awsEc2LaunchtemplateRequireEbsEncryption,
    awsEksClusterRequireSecretsEncryption,
    awsFirehoseDeliverystreamRequireKmsEncryption,
    awsElasticacheReplicationgroupRequireAtRestEncryption,
    awsElasticacheReplicationgroupRequireTransitEncryption,
    awsKmsKeyRequireRotation,
    awsRdsInstanceRequirePerformanceInsightsEncryption,
    awsRdsInstanceClusterRequireStorageEncryption,
    awsS3BucketRequireKmsEncryption,
    awsS3BucketreplicationconfigRequireReplicaKmsKey,
    awsSecretsmanagerSecretRequireKmsKey,
    awsSnsTopicRequireKmsEncryption,
    awsBackupVaultRequireKmsEncryption,
    awsSqsQueueRequireKmsEncryption,
    awsEcrRepositoryRequireKmsEncryption,
    awsEcrRepositorycreationtemplateRequireKmsEncryption,
    awsRdsInstanceRequireCurrentCaCertificate,
    awsKmsKeyRequireKeyPolicy,
    awsKmsKeyDisallowDisabled,
    // tagging
    awsResourceRequireTags,
    awsRdsInstanceRequireCopyTagsToSnapshot,
    // network-exposure
    awsDatastoreSubnetgroupRequirePrivateSubnets,
    awsEc2InstanceLaunchtemplateDisallowPublicIp,
    awsEc2LaunchtemplateRequireImdsv2,
    awsEc2LaunchtemplateRequireImdsHopLimit,
    awsEc2SecuritygroupDisallowPublicIngress,
    awsEksClusterRestrictPublicEndpoint,
    awsLbListenerRequireTls12,
    awsMqBrokerDisallowPublicAccess,
    awsRdsInstanceDisallowPublicAccess,
    awsS3BucketRequirePublicAccessBlock,
    kubernetesIngressRequireWaf,
    kubernetesServiceDisallowNodeExposure,
    awsRdsInstanceRequireIamAuthentication,
    awsEc2DefaultsecuritygroupRestrictAllTraffic,
    awsWafv2WebaclRequireKnownBadInputsRules,
    awsS3BucketRequireAclsDisabled,
    // access-control
    awsIamPolicyDisallowFullAdmin,
    awsResourcePolicyDisallowPublicPrincipal,
    // data-protection
    awsCloudtrailTrailRequireLogFileValidation,
    awsCloudtrailTrailRequireMultiRegion,
    awsCodebuildProjectRequireCloudwatchLogs,
    awsDocdbClusterRequireBackupRetention,
    awsDocdbClusterRequireDeletionProtection,
    awsDocdbClusterRequireLogExports,
    awsElasticacheReplicationgroupRequireMultiAz,
    awsRdsElasticacheRequireBackupRetention,
    awsRdsInstanceClusterRequireDeletionProtection,
    awsRdsInstanceClusterRequireFinalSnapshot,
    awsMqBrokerRequireClusterDeployment,
    awsRdsInstanceRequireMultiAz,
    awsS3BucketRequireVersioning,
    pulumiStatefulResourceRequireProtect,
    kubernetesConfigMapDisallowSecretKeys,
    kubernetesWorkloadDisallowLiteralSecretEnv,
    awsEksClusterRequireControlPlaneLogging,
    awsCloudwatchLoggroupRequireRetention,
    awsRdsInstanceRequireLogExports,
    awsWafv2WebaclRequireLogging,
    awsS3BucketRequireLifecycleConfiguration,
    // workload-hardening
    awsCodebuildProjectDisallowPrivilegedMode,
    awsEcrRepositoryRequireImmutableTags,
    awsEcrRepositoryRequireScanOnPush,
    awsEcrRepositorycreationtemplateRequireImmutableTags,
    kubernetesNamespaceRequireRestrictedPodSecurity,
    kubernetesWorkloadDisallowHostAccess,
    kubernetesWorkloadDisallowLatestImage,
    kubernetesWorkloadRequireDisruptionBudget,
    kubernetesWorkloadRequireNetworkPolicy,
    kubernetesWorkloadRequireProbes,
    kubernetesWorkloadRequireReplicas,
    kubernetesWorkloadRequireResourceLimits,
    kubernetesWorkloadRequireRestrictedSecurityContext,
    kubernetesIngressDisallowNginxSnippets,
    kubernetesPodDisruptionBudgetRequireAllowedDisruption,
    kubernetesRbacDisallowPrivilegedPermissions,
    kubernetesResourceDisallowDefaultNamespace,
    kubernetesWorkloadDisallowDefaultServiceAccount,
    kubernetesWorkloadDisallowHostProcess,
    kubernetesWorkloadDisallowServiceAccountTokenAutomount,
    kubernetesWorkloadRestrictAppArmorProfile,
    kubernetesWorkloadRestrictProcMount,
    kubernetesWorkloadRestrictSelinuxOptions,
    kubernetesWorkloadRestrictSysctls,
    kubernetesWorkloadRestrictVolumeTypes,
    // governance
    strataExceptionRequireUnexpired,
];

export type { StrataPolicy, StrataResourcePolicy, StrataStackPolicy } from "../lib/metadata";
