/**
 * Replacement-forcing inputs for every resource type the program creates: the data the offline diff (`--against` an
 * earlier plan) uses to say whether `pulumi up` would update a resource in place or replace it.
 *
 * Paths are Pulumi input names (camelCase). A nested field is dotted ("vpcConfig.subnetIds"); a MaxItems=1 block is
 * flattened to an object by the bridge, so it has no `[]`; an element of a list or set of objects is written with `[]`
 * ("logDeliveryConfigurations[].destination"). A change anywhere under a listed path replaces the resource.
 *
 * Delete-before-replace (the `namedBy` field), as pulumi-terraform-bridge decides it:
 *   pulumi/pulumi-terraform-bridge v3.130.0 (unchanged in v3.136.0), pkg/tfbridge/provider.go Diff:
 *     deleteBeforeReplace := len(replaces) > 0 && (res.Schema.DeleteBeforeReplace || nameRequiresDeleteBeforeReplace(...))
 *   and pkg/tfbridge/schema.go nameRequiresDeleteBeforeReplace: true when some input whose SchemaInfo has
 *   Default.AutoNamed (the provider's auto-name, e.g. `name`, `identifier`, `bucket`) is present in the new inputs but
 *   NOT listed in the `__defaults` key, i.e. the program set it explicitly instead of letting the bridge generate it.
 *   (Resources with UniqueNameFields use a different check; none of the types below do.) So: a replacement of an
 *   explicitly-named SDKv2 resource deletes the old one first (the new one cannot coexist under the same name); an
 *   auto-named one is created first under a fresh random suffix. ResourceInfo.DeleteBeforeReplace=true in pulumi-aws
 *   forces delete-first regardless (recorded in notes where it applies, e.g. aws_iam_role_policy_attachment).
 *   Framework-based (plugin-framework) resources go through pkg/pf/tfbridge/provider_diff.go, which only honours
 *   ResourceInfo.DeleteBeforeReplace (TODO pulumi-terraform-bridge#823): no implicit delete-before-replace for them.
 *   pulumi-aws auto-names every top-level string input called `name` (provider/autonaming.go setAutonaming) plus the
 *   explicit AutoName fields in provider/resource_overrides.go (aws_db_instance identifier, aws_s3_bucket bucket,
 *   aws_elasticache_replication_group replication_group_id, aws_eks_node_group node_group_name, aws_iam_role name,
 *   aws_sqs_queue name, aws_sns_topic name, aws_cloudwatch_metric_alarm alarm_name->name, aws_mq_broker broker_name).
 *   Note `namedBy` does not imply the input is replace-forcing: aws_db_instance `identifier` and aws_db_proxy `name`
 *   are renamed in place.
 * Kubernetes (pulumi/pulumi-kubernetes provider/pkg/provider/provider.go Diff) deletes before replacing when the
 *   object is replaced, is named (no generateName), is not auto-named and keeps the same metadata.name; Helm releases
 *   never delete first (helm_release.go Diff: DeleteBeforeReplace false).
 *
 * Provider-wide: since terraform-provider-aws v6 most resources also take a per-resource `region` input (the program
 * never sets it; it is not recorded here).
 */

import type { ReplacementRule } from "../diff";

export type { ReplacementRule };

/**
 * The terraform-provider-aws release @pulumi/aws 7.48.0 is built on. pulumi-aws is too large to mirror here, so its
 * `upstream` submodule pointer at tag v7.48.0 could not be read directly. The version comes from the catalogue of
 * pulumi-proserv/pulumi-tool-import, importids/aws/v7/source.json (commit 76d6f590102a509b7c0fac91ba29060437022c88):
 * pulumiVersion v7.48.0, upstreamVersion v6.66.0, upstreamRevision 351a07f09bffcde77bddcc35060e3da3e9a591ee. It is
 * consistent with pulumi-aws's own upgrade PRs (v7.x tracks terraform-provider-aws v6.x; #6392 moved to v6.46.0 in
 * May 2026, and pulumi-aws v7.39 to v7.55 were published July to November 2026).
 * The stored terraform-provider-aws files below were NOT at that revision (the file index keeps one version per
 * file, from various commits); each entry names the commit it was read from. ForceNew flags rarely change between
 * releases, but an entry read from a much older commit says so in its notes.
 */
export const TERRAFORM_PROVIDER_AWS_VERSION = "v6.66.0";

const TF_AWS = "hashicorp/terraform-provider-aws";
const tf = (path: string, commit: string, extra = ""): string => `${TF_AWS} ${path} @ ${commit}${extra}`;
const OLD = (era: string) => `stored file is from an older release (${era}); the v6.66.0 revision was not readable`;

const K8S_DIFF = "pulumi/pulumi-kubernetes provider/pkg/provider/diff.go (forceNew table) @ 94977969d64112b04e19945818a7d5d5f38f631d";
const K8S_META = ["metadata.name", "metadata.namespace"];
const K8S_NOTE_VERSION =
    "read at pulumi-kubernetes commit 94977969 (v4.32.0+27); the installed @pulumi/kubernetes is 4.34.2, whose tag was not in the mirror";
const LABEL_SELECTOR = (p: string) => [p, `${p}.matchExpressions`, `${p}.matchLabels`];

export const REPLACEMENTS: Record<string, ReplacementRule> = {
    // ---- Auto Scaling ----
    "aws:autoscaling/tag:Tag": {
        forceNew: ["autoscalingGroupName", "tag.key"],
        notes: ["tag.value and tag.propagateAtLaunch update in place"],
        source: tf("internal/service/autoscaling/group_tag.go", "050ac11163cab8cdae5936a7f40b0e528ff780df"),
    },

    // ---- AWS Backup ----
    "aws:backup/vault:Vault": {
        forceNew: ["name", "kmsKeyArn"],
        notes: [
            "tags only update in place; a new key or name replaces the vault, and DeleteBackupVault fails while it holds recovery points (forceDestroy is off): the guard treats the vault as stateful",
        ],
        namedBy: "name",
        source: tf(
            "internal/service/backup/vault.go",
            "050ac11163cab8cdae5936a7f40b0e528ff780df",
            " (an older SDKv1 revision; the schema's ForceNew flags are unchanged in the SDKv2 rewrite)",
        ),
    },
    "aws:backup/plan:Plan": {
        forceNew: ["name"],
        notes: ["rules and advancedBackupSettings update in place (UpdateBackupPlan creates a new plan version)"],
        namedBy: "name",
        source: tf("internal/service/backup/plan.go", "01f431114674c27cf790fafb67ac274bf8f765e1"),
    },
    "aws:backup/selection:Selection": {
        forceNew: ["name", "iamRoleArn", "planId", "resources", "notResources", "conditions", "selectionTags"],
        notes: [
            "the resource has no Update: every change replaces the selection (deleted first: it is named); backups of the old selection stay in the vault",
        ],
        namedBy: "name",
        source: tf("internal/service/backup/selection.go", "00a35305dc1b297a6fcdecdfbba33f1e63c3da39"),
    },
    "aws:backup/vaultLockConfiguration:VaultLockConfiguration": {
        forceNew: ["backupVaultName"],
        notes: [
            "min/max retention and changeableForDays update in place (PutBackupVaultLockConfiguration) until a compliance-mode lock is immutable",
        ],
        source: "unverified: internal/service/backup/vault_lock_configuration.go not read in the time available",
    },

    // ---- CloudWatch Logs ----
    "aws:cloudwatch/logGroup:LogGroup": {
        forceNew: ["name", "namePrefix", "logGroupClass"],
        notes: ["kmsKeyId and retentionInDays update in place (AssociateKmsKey / PutRetentionPolicy)"],
        namedBy: "name",
        source: tf("internal/service/logs/group.go", "0073593e7d6993ba482409f4dc35438daaa79bb3"),
    },

    "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": {
        forceNew: ["policyName", "resourceArn"],
        notes: ["policyDocument updates in place (PutResourcePolicy)"],
        source: tf("internal/service/logs/resource_policy.go", "00a35305dc1b297a6fcdecdfbba33f1e63c3da39"),
    },

    // ---- Amazon MQ ----
    "aws:mq/broker:Broker": {
        forceNew: [
            "brokerName",
            "dataReplicationPrimaryBrokerArn",
            "deploymentMode",
            "encryptionOptions",
            "engineType",
            "ldapServerMetadata",
            "publiclyAccessible",
            "subnetIds",
        ],
        notes: [
            "engineVersion, hostInstanceType, logs and configuration update in place and take effect on a reboot (at once with applyImmediately, else in the maintenance window)",
            "securityGroups, autoMinorVersionUpgrade, maintenanceWindowStartTime and dataReplicationMode update in place (UpdateBroker)",
            "users: for RabbitMQ every change after creation is suppressed (DiffSuppressFunc: Amazon MQ does not update RabbitMQ users); the program also ignores it",
            "storageType is Optional+Computed, not ForceNew, in this revision",
        ],
        namedBy: "brokerName",
        source: tf("internal/service/mq/broker.go", "00a35305dc1b297a6fcdecdfbba33f1e63c3da39"),
    },

    // ---- EC2 / VPC ----
    "aws:ec2/flowLog:FlowLog": {
        forceNew: [
            "deliverCrossAccountRole",
            "destinationOptions",
            "eniId",
            "iamRoleArn",
            "logDestination",
            "logDestinationType",
            "logFormat",
            "maxAggregationInterval",
            "regionalNatGatewayId",
            "subnetId",
            "trafficType",
            "transitGatewayAttachmentId",
            "transitGatewayId",
            "vpcId",
        ],
        notes: ["every input but tags is ForceNew (the resource's Update handles tags only)"],
        source: tf("internal/service/ec2/vpc_flow_log.go", "00a35305dc1b297a6fcdecdfbba33f1e63c3da39"),
    },
    "aws:ec2/securityGroup:SecurityGroup": {
        forceNew: ["description", "name", "namePrefix", "vpcId"],
        notes: [
            "ingress/egress rule sets update in place",
            'pulumi-aws defaults description to "Managed by Pulumi": adding or changing an explicit description replaces',
        ],
        namedBy: "name",
        source: tf("internal/service/ec2/vpc_security_group.go", "01606926a0c0ab9174aec440f976a48b0baee722"),
    },
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": {
        forceNew: ["vpcId"],
        notes: [
            "schema kept in sync with aws_security_group per the comment in vpc_security_group.go; the resource adopts the VPC's default group (never created or deleted), vpcId ForceNew",
        ],
        source: "unverified: internal/service/ec2/vpc_default_security_group.go not read; vpcId ForceNew from the aws_security_group sibling schema",
    },
    "aws:ec2/launchTemplate:LaunchTemplate": {
        forceNew: ["name", "namePrefix"],
        notes: ["every other input creates a new template version in place (updateDefaultVersion selects it)"],
        namedBy: "name",
        source: "unverified: internal/service/ec2/ec2_launch_template.go not read in the time available",
    },
    "aws:ec2/vpcEndpoint:VpcEndpoint": {
        forceNew: ["serviceName", "vpcEndpointType", "vpcId", "serviceRegion", "resourceConfigurationArn", "serviceNetworkArn"],
        notes: ["routeTableIds, subnetIds, securityGroupIds, privateDnsEnabled and policy update in place"],
        source: "unverified: internal/service/ec2/vpc_endpoint.go not read in the time available",
    },
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": {
        forceNew: ["securityGroupId"],
        notes: [
            "framework resource: ModifyPlan also replaces when the source kind changes (cidrIpv4 / cidrIpv6 / prefixListId / referencedSecurityGroupId)",
            "other fields update in place via ModifySecurityGroupRules; no implicit delete-before-replace (plugin-framework)",
            OLD("v4.x, plugin-framework GetSchema API"),
        ],
        source: tf("internal/service/ec2/vpc_security_group_ingress_rule.go", "00a322094b4b9ade8a81b244345dbcf4b52ee8d6"),
    },
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": {
        forceNew: ["securityGroupId"],
        notes: [
            "same shared implementation as the ingress rule: the source kind change (cidrIpv4 / cidrIpv6 / prefixListId / referencedSecurityGroupId) also replaces",
        ],
        source: "unverified: egress file not read; assumed identical to vpc_security_group_ingress_rule.go (@ 00a32209), which it mirrors",
    },

    // ---- EKS ----
    "aws:eks/cluster:Cluster": {
        forceNew: [
            "name",
            "roleArn",
            "bootstrapSelfManagedAddons",
            "accessConfig.bootstrapClusterCreatorAdminPermissions",
            "kubernetesNetworkConfig.ipFamily",
            "kubernetesNetworkConfig.serviceIpv4Cidr",
            "outpostConfig.controlPlaneInstanceType",
            "outpostConfig.controlPlanePlacement.groupName",
            "remoteNetworkConfig",
        ],
        notes: [
            "version is not ForceNew: it upgrades in place",
            "vpcConfig (subnetIds, securityGroupIds, endpoint access) updates in place",
            "encryptionConfig: removing it once set replaces (CustomizeDiff ForceNewIfChange); adding it updates in place",
            "computeConfig.nodeRoleArn: changing an existing role replaces, adding one does not (CustomizeDiff)",
            "enabledClusterLogTypes, accessConfig.authenticationMode and upgradePolicy update in place",
            "accessConfig.bootstrapClusterCreatorAdminPermissions is ForceNew with Default true: dropping the program's explicit false would replace the cluster",
        ],
        namedBy: "name",
        source: tf("internal/service/eks/cluster.go", "00555dc5b38f92abbfa230badea0ed0754cea81e"),
    },
    "aws:eks/nodeGroup:NodeGroup": {
        forceNew: [
            "amiType",
            "capacityType",
            "clusterName",
            "diskSize",
            "instanceTypes",
            "launchTemplate.id",
            "launchTemplate.name",
            "nodeGroupName",
            "nodeGroupNamePrefix",
            "nodeRoleArn",
            "remoteAccess",
            "subnetIds",
        ],
        notes: [
            "version, releaseVersion and launchTemplate.version update in place (UpdateNodegroupVersion)",
            "scalingConfig, labels, taints, updateConfig and nodeRepairConfig update in place",
            "amiType, capacityType, diskSize and instanceTypes are Optional+Computed: a value the program stops sending keeps the current one in Terraform (no replacement); this table, comparing inputs, counts the unset as a change",
        ],
        namedBy: "nodeGroupName",
        source: tf("internal/service/eks/node_group.go", "012e0a32f0686212f447447fd3d81c3d0ce256ad"),
    },
    "aws:eks/addon:Addon": {
        forceNew: ["addonName", "clusterName"],
        notes: ["addonVersion, configurationValues, serviceAccountRoleArn and podIdentityAssociations update in place"],
        source: tf("internal/service/eks/addon.go", "00a35305dc1b297a6fcdecdfbba33f1e63c3da39"),
    },
    "aws:eks/accessEntry:AccessEntry": {
        forceNew: ["clusterName", "principalArn", "type"],
        notes: ["kubernetesGroups and userName update in place"],
        source: tf("internal/service/eks/access_entry.go", "01f431114674c27cf790fafb67ac274bf8f765e1"),
    },
    "aws:eks/accessPolicyAssociation:AccessPolicyAssociation": {
        forceNew: ["accessScope", "clusterName", "policyArn", "principalArn"],
        notes: ["the resource has no Update: every input replaces"],
        source: tf("internal/service/eks/access_policy_association.go", "01f431114674c27cf790fafb67ac274bf8f765e1"),
    },

    // ---- ElastiCache ----
    "aws:elasticache/parameterGroup:ParameterGroup": {
        forceNew: ["description", "family", "name"],
        notes: [
            "parameters update in place",
            'pulumi-aws defaults description to "Managed by Pulumi": setting another description replaces',
        ],
        namedBy: "name",
        source: tf("internal/service/elasticache/parameter_group.go", "0593466d96e383de3f75587805537f6e590ebf4e"),
    },
    "aws:elasticache/subnetGroup:SubnetGroup": {
        forceNew: ["name"],
        notes: ["description and subnetIds update in place (ModifyCacheSubnetGroup)", OLD("v4.x")],
        namedBy: "name",
        source: tf("internal/service/elasticache/subnet_group.go", "01c08000ddb14181b5bd19201d8fca311dc570e4"),
    },
    "aws:elasticache/replicationGroup:ReplicationGroup": {
        forceNew: [
            "atRestEncryptionEnabled",
            "dataTieringEnabled",
            "globalReplicationGroupId",
            "kmsKeyId",
            "networkType",
            "port",
            "replicationGroupId",
            "securityGroupNames",
            "snapshotArns",
            "snapshotName",
            "subnetGroupName",
        ],
        notes: [
            "engineVersion: only a downgrade replaces (CustomizeDiff customizeDiffEngineVersionForceNewOnDowngrade)",
            "engine: only a downgrade (valkey back to redis) replaces (CustomizeDiff customizeDiffEngineForceNewOnDowngrade)",
            "transitEncryptionEnabled: replaces only while the actual engine version is below 7.0.5 (CustomizeDiff ForceNewIf)",
            "nodeGroupConfigurations: replaces when explicitly configured and changed significantly (CustomizeDiff ForceNewIf)",
            "numNodeGroups, replicasPerNodeGroup and numCacheClusters update in place (shard / replica modifications)",
            "nodeType, parameterGroupName, authToken, securityGroupIds, maintenance/snapshot windows and logDeliveryConfigurations update in place",
        ],
        namedBy: "replicationGroupId",
        source: tf("internal/service/elasticache/replication_group.go", "001b6364c1a3b3045e152f655440a6d47eb44a70"),
    },

    // ---- IAM ----
    "aws:iam/role:Role": {
        forceNew: ["name", "namePrefix", "path"],
        notes: [
            "assumeRolePolicy, description, maxSessionDuration, permissionsBoundary and inline/managed policies update in place",
            OLD("v4.x"),
        ],
        namedBy: "name",
        source: tf("internal/service/iam/role.go", "0040ea6911af00bea2cca6dbb14e86829826ad8e"),
    },
    "aws:iam/rolePolicy:RolePolicy": {
        forceNew: ["name", "namePrefix", "role"],
        notes: ["policy updates in place (PutRolePolicy)"],
        namedBy: "name",
        source: "unverified: internal/service/iam/role_policy.go not read in the time available",
    },
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": {
        forceNew: ["policyArn", "role"],
        notes: [
            "the resource has no Update: both inputs replace",
            "pulumi-aws sets DeleteBeforeReplace: true for it (provider/resource_overrides.go), so a replacement always detaches first",
        ],
        source: "unverified: internal/service/iam/role_policy_attachment.go not read; DeleteBeforeReplace read from pulumi/pulumi-aws provider/resource_overrides.go @ 015d343812852f40a045a28e7f6e04bca69548f3",
    },
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider": {
        forceNew: ["url"],
        notes: [
            "clientIdLists (Add/RemoveClientIDToOpenIDConnectProvider) and thumbprintLists (UpdateOpenIDConnectProviderThumbprint) update in place; thumbprintLists is optional and computed: IAM accepts none at creation but at least one on update",
            "an account holds one provider per URL: a replacement creates the new one first and fails with EntityAlreadyExists while the old one exists",
        ],
        source: tf("internal/service/iam/openid_connect_provider.go", "01606926a0c0ab9174aec440f976a48b0baee722"),
    },

    // ---- KMS ----
    "aws:kms/key:Key": {
        forceNew: ["customKeyStoreId", "customerMasterKeySpec", "keyUsage", "multiRegion", "xksKeyId"],
        notes: ["description, policy, enableKeyRotation, rotationPeriodInDays, isEnabled and deletionWindowInDays update in place"],
        source: tf("internal/service/kms/key.go", "00a35305dc1b297a6fcdecdfbba33f1e63c3da39"),
    },
    "aws:kms/alias:Alias": {
        forceNew: ["name", "namePrefix"],
        notes: ["targetKeyId updates in place (UpdateAlias)"],
        namedBy: "name",
        source: "unverified: internal/service/kms/alias.go not read; auto-name (alias/ prefix) read from pulumi/pulumi-aws provider/resource_overrides.go @ 015d3438",
    },

    // ---- RDS ----
    "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication": {
        forceNew: ["sourceDbInstanceArn", "kmsKeyId", "retentionPeriod", "preSignedUrl"],
        notes: [
            "the resource has no Update: a new retention stops and restarts the replication (the replicated backups restart from the next snapshot)",
        ],
        source: "unverified: internal/service/rds/instance_automated_backups_replication.go not read in the time available",
    },
    // ---- DocumentDB ----
    "aws:docdb/cluster:Cluster": {
        forceNew: [
            "availabilityZones",
            "clusterIdentifier",
            "clusterIdentifierPrefix",
            "dbSubnetGroupName",
            "engine",
            "kmsKeyId",
            "masterUsername",
            "port",
            "restoreToPointInTime",
            "snapshotIdentifier",
            "storageEncrypted",
        ],
        notes: [
            "availabilityZones is Optional+Computed+ForceNew and read back from DescribeDBClusters (always three AZs): a list of fewer than three replaces on every later up",
            "engineVersion, backupRetentionPeriod, windows, deletionProtection, enabledCloudwatchLogsExports, the parameter group, vpcSecurityGroupIds and masterPassword update in place (ModifyDBCluster)",
            "serverlessV2ScalingConfiguration forces a new cluster only when removed (CustomizeDiff)",
        ],
        namedBy: "clusterIdentifier",
        source: tf("internal/service/docdb/cluster.go", "010e0435dc8db1659cf12498559d8897d6fddab0"),
    },
    "aws:docdb/clusterInstance:ClusterInstance": {
        forceNew: ["availabilityZone", "clusterIdentifier", "engine", "identifier", "identifierPrefix"],
        notes: [
            "instanceClass, promotionTier, preferredMaintenanceWindow and caCertIdentifier update in place (ModifyDBInstance)",
            OLD("v4.x"),
        ],
        namedBy: "identifier",
        source: tf("internal/service/docdb/cluster_instance.go", "03b4c0151077e7985f960b41372796da8232e082"),
    },
    "aws:docdb/clusterParameterGroup:ClusterParameterGroup": {
        forceNew: ["description", "family", "name", "namePrefix"],
        notes: ["parameters update in place (ModifyDBClusterParameterGroup, 20 at a time)", OLD("v4.x")],
        namedBy: "name",
        source: tf("internal/service/docdb/cluster_parameter_group.go", "0015017ad4056c21b70ab87f24a39c720202878f"),
    },
    "aws:docdb/subnetGroup:SubnetGroup": {
        forceNew: ["name", "namePrefix"],
        notes: ["description and subnetIds update in place (ModifyDBSubnetGroup)", OLD("v4.x")],
        namedBy: "name",
        source: tf("internal/service/docdb/subnet_group.go", "040f52afb867d04fcdfb701997428286c1d8dd0b"),
    },

    "aws:rds/instance:Instance": {
        forceNew: [
            "availabilityZone",
            "backupTarget",
            "characterSetName",
            "customIamInstanceProfile",
            "dbName",
            "engine",
            "kmsKeyId",
            "ncharCharacterSetName",
            "restoreToPointInTime",
            "s3Import",
            "snapshotIdentifier",
            "storageEncrypted",
            "timezone",
            "username",
        ],
        notes: [
            "identifier and identifierPrefix are NOT ForceNew since terraform-provider-aws v5: a new identifier renames the instance in place",
            "engineVersion updates in place (major upgrades need allowMajorVersionUpgrade); whether a downgrade replaces was not verified",
            "dbSubnetGroupName, instanceClass, allocatedStorage, storageType, multiAz, port, parameterGroupName and vpcSecurityGroupIds update in place",
            "read from a v5.x-era stored file (SDK v1 client, ResourceInstance exported); the v6.66.0 schema may add conditional replacements",
        ],
        namedBy: "identifier",
        source: `${TF_AWS} internal/service/rds/instance.go, stored version id 1659451291 (v5.x era, commit not reported by the index; the other stored version @ 00e4b23838859616dd0ebc9d1fd9364c0f6bff22 is v4.x)`,
    },
    "aws:rds/parameterGroup:ParameterGroup": {
        forceNew: ["description", "family", "name", "namePrefix"],
        notes: [
            "parameters update in place",
            'pulumi-aws defaults description to "Managed by Pulumi": setting another description replaces',
        ],
        namedBy: "name",
        source: tf("internal/service/rds/parameter_group.go", "01606926a0c0ab9174aec440f976a48b0baee722"),
    },
    "aws:rds/subnetGroup:SubnetGroup": {
        forceNew: ["name", "namePrefix"],
        notes: ["description and subnetIds update in place (ModifyDBSubnetGroup)", OLD("v4.x")],
        namedBy: "name",
        source: tf("internal/service/rds/subnet_group.go", "01c08000ddb14181b5bd19201d8fca311dc570e4"),
    },
    "aws:rds/proxy:Proxy": {
        forceNew: ["endpointNetworkType", "engineFamily", "targetConnectionNetworkType", "vpcSubnetIds"],
        notes: [
            "name is NOT ForceNew: ModifyDBProxy renames the proxy in place (NewDBProxyName)",
            "auths, debugLogging, idleClientTimeout, requireTls, roleArn and vpcSecurityGroupIds update in place",
        ],
        namedBy: "name",
        source: tf("internal/service/rds/proxy.go", "013f1736b90439e5a19567a87d3e5cd11858c420"),
    },
    "aws:rds/proxyDefaultTargetGroup:ProxyDefaultTargetGroup": {
        forceNew: ["dbProxyName"],
        notes: ["connectionPoolConfig updates in place; the resource adopts the proxy's default target group"],
        source: "unverified: internal/service/rds/proxy_default_target_group.go not read in the time available",
    },
    "aws:rds/proxyTarget:ProxyTarget": {
        forceNew: ["dbClusterIdentifier", "dbInstanceIdentifier", "dbProxyName", "targetGroupName"],
        notes: ["the resource has no Update: every input replaces"],
        source: tf("internal/service/rds/proxy_target.go", "04a2e6e5bc625ec85ea8c678219b483fc674877e"),
    },

    // ---- S3 ----
    "aws:s3/bucket:Bucket": {
        forceNew: ["bucket", "bucketPrefix", "objectLockEnabled"],
        notes: [
            "forceDestroy and tags update in place",
            "objectLockEnabled is Optional+Computed+ForceNew: dropping it from the inputs keeps the bucket; setting another value replaces it (object lock on an existing bucket goes through aws_s3_bucket_object_lock_configuration)",
        ],
        namedBy: "bucket",
        computed: ["objectLockEnabled"],
        source: `${TF_AWS} internal/service/s3/bucket.go (v6 line, AWS SDK v2 client; the commit is not reported by the index): object_lock_enabled Optional, Computed, ForceNew, ConflictsWith object_lock_configuration; bucket and bucket_prefix ForceNew. Bucket auto-name read from pulumi/pulumi-aws provider/resource_overrides.go @ 015d3438`,
    },
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": {
        forceNew: ["bucket", "expectedBucketOwner"],
        notes: ["rules update in place; plugin-framework resource in v6 (no implicit delete-before-replace)"],
        source: "unverified: internal/service/s3/bucket_lifecycle_configuration.go not read in the time available",
    },
    "aws:s3/bucketLogging:BucketLogging": {
        forceNew: ["bucket", "expectedBucketOwner"],
        notes: ["targetBucket, targetPrefix, targetObjectKeyFormat and targetGrants update in place"],
        source: "unverified: internal/service/s3/bucket_logging.go not read in the time available",
    },
    "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration": {
        forceNew: ["bucket", "expectedBucketOwner", "objectLockEnabled"],
        notes: [
            'rule updates in place; objectLockEnabled accepts only "Enabled" (default) and forces a new resource',
            "enables object lock on new and existing buckets (provider docs for @pulumi/aws 7.x, s3.BucketObjectLockConfiguration); S3 needs versioning enabled first",
        ],
        source: tf(
            "internal/service/s3/bucket_object_lock_configuration.go",
            "01c08000ddb14181b5bd19201d8fca311dc570e4",
            " (bucket, expected_bucket_owner, object_lock_enabled ForceNew; rule Optional)",
        ),
    },
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": {
        forceNew: ["bucket"],
        notes: ["rule updates in place"],
        source: "unverified: internal/service/s3/bucket_ownership_controls.go not read in the time available",
    },
    "aws:s3/bucketPolicy:BucketPolicy": {
        forceNew: ["bucket"],
        notes: ["policy updates in place"],
        source: "unverified: internal/service/s3/bucket_policy.go not read in the time available",
    },
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": {
        forceNew: ["bucket"],
        notes: ["the four block/ignore/restrict flags update in place"],
        source: "unverified: internal/service/s3/bucket_public_access_block.go not read in the time available",
    },
    "aws:s3/bucketReplicationConfig:BucketReplicationConfig": {
        forceNew: ["bucket"],
        notes: ["role, rules and token update in place"],
        source: "unverified: internal/service/s3/bucket_replication_configuration.go not read in the time available",
    },
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": {
        forceNew: ["bucket", "expectedBucketOwner"],
        notes: ["rules update in place"],
        source: "unverified: internal/service/s3/bucket_server_side_encryption_configuration.go not read in the time available",
    },
    "aws:s3/bucketVersioning:BucketVersioning": {
        forceNew: ["bucket", "expectedBucketOwner"],
        notes: ["versioningConfiguration and mfa update in place"],
        source: "unverified: internal/service/s3/bucket_versioning.go not read in the time available",
    },

    // ---- Secrets Manager ----
    "aws:secretsmanager/secret:Secret": {
        forceNew: ["name", "namePrefix"],
        notes: ["description, kmsKeyId, policy, recoveryWindowInDays and replicas update in place"],
        namedBy: "name",
        source: "unverified: internal/service/secretsmanager/secret.go not read in the time available",
    },
    "aws:secretsmanager/secretVersion:SecretVersion": {
        forceNew: ["secretId", "secretString", "secretBinary"],
        notes: ["versionStages update in place; the secret value replaces the version (a new version is created)"],
        source: "unverified: internal/service/secretsmanager/secret_version.go not read in the time available",
    },

    // ---- SQS ----
    "aws:sqs/queue:Queue": {
        forceNew: ["fifoQueue", "name", "namePrefix"],
        notes: ["every other attribute updates in place (SetQueueAttributes)"],
        namedBy: "name",
        source: tf("internal/service/sqs/queue.go", "00a35305dc1b297a6fcdecdfbba33f1e63c3da39"),
    },
    "aws:sqs/queuePolicy:QueuePolicy": {
        forceNew: ["queueUrl"],
        notes: ["policy updates in place"],
        source: "unverified: internal/service/sqs/queue_policy.go not read in the time available",
    },
    "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy": {
        forceNew: ["queueUrl"],
        notes: ["redriveAllowPolicy updates in place"],
        source: "unverified: internal/service/sqs/queue_redrive_allow_policy.go not read in the time available",
    },

    // ---- WAFv2 ----
    "aws:wafv2/webAcl:WebAcl": {
        forceNew: ["name", "namePrefix", "scope"],
        notes: ["defaultAction, description, rules, visibilityConfig and tags update in place"],
        namedBy: "name",
        source: "unverified: internal/service/wafv2/web_acl.go not read in the time available",
    },
    "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration": {
        forceNew: ["resourceArn"],
        notes: ["logDestinationConfigs, redactedFields and loggingFilter update in place"],
        source: "unverified: internal/service/wafv2/web_acl_logging_configuration.go not read in the time available",
    },

    // ---- awsx (remote component) and the children it creates ----
    "awsx:ec2:Vpc": {
        forceNew: [],
        notes: [
            "a component: it is never replaced itself, but its inputs decide its children (pulumi/pulumi-awsx awsx/ec2/vpc.ts @ e60adf3cf01f3ac03cc6bc846cdd0df320afed23)",
            "cidrBlock: feeds aws:ec2/vpc:Vpc cidrBlock (ForceNew) and every subnet's cidrBlock: the VPC and all subnets (and so their route tables, NAT gateways and EIPs, parented to subnets) are replaced",
            "availabilityZoneNames / numberOfAvailabilityZones: subnets are laid out per AZ (availabilityZone and cidrBlock ForceNew on aws:ec2/subnet:Subnet); subnets, route tables, associations, NAT gateways and EIPs are added, removed or replaced",
            "subnetSpecs / subnetStrategy: change the subnet CIDR layout, replacing the affected subnets and everything under them",
            "natGateways.strategy: None / Single / OnePerAz adds or removes NAT gateways, EIPs and private default routes; natGateways.elasticIpAllocationIds changes NatGateway allocationId (ForceNew)",
            "enableDnsHostnames, enableDnsSupport and tags update the VPC (and children's tags) in place",
        ],
        source: "pulumi/pulumi-awsx awsx/ec2/vpc.ts @ e60adf3cf01f3ac03cc6bc846cdd0df320afed23 (v3.8.0+16; installed @pulumi/awsx is 3.9.0); child ForceNew fields unverified",
    },
    "aws:ec2/vpc:Vpc": {
        forceNew: ["cidrBlock", "instanceTenancy", "ipv4IpamPoolId", "ipv4NetmaskLength"],
        notes: ["enableDnsHostnames, enableDnsSupport and tags update in place"],
        source: "unverified: internal/service/ec2/vpc_.go not read in the time available (child of awsx:ec2:Vpc)",
    },
    "aws:ec2/subnet:Subnet": {
        forceNew: ["availabilityZone", "availabilityZoneId", "cidrBlock", "vpcId", "outpostArn"],
        notes: ["mapPublicIpOnLaunch, assignIpv6AddressOnCreation and tags update in place"],
        source: "unverified: internal/service/ec2/vpc_subnet.go not read in the time available (child of awsx:ec2:Vpc)",
    },
    "aws:ec2/natGateway:NatGateway": {
        forceNew: ["allocationId", "connectivityType", "subnetId", "privateIp"],
        notes: ["secondary allocation ids / private addresses update in place"],
        source: "unverified: internal/service/ec2/vpc_nat_gateway.go not read in the time available (child of awsx:ec2:Vpc)",
    },
    "aws:ec2/eip:Eip": {
        forceNew: ["domain", "publicIpv4Pool", "networkBorderGroup", "address", "customerOwnedIpv4Pool", "ipamPoolId"],
        notes: ["instance / networkInterface associations update in place"],
        source: "unverified: internal/service/ec2/ec2_eip.go not read in the time available (child of awsx:ec2:Vpc)",
    },

    // ---- random ----
    "random:index/randomId:RandomId": {
        forceNew: ["byteLength", "prefix", "keepers"],
        notes: [
            "keepers: RequiresReplaceIfValuesNotNull (a change of a non-null keeper value replaces)",
            "the resource has no real Update",
        ],
        source: "hashicorp/terraform-provider-random internal/provider/resource_id.go @ ad788e233bb42be5ecad3ba8f43de0d9d9dc7185 (v3.9.0+4; the exact release behind @pulumi/random 4.21.2 not pinned)",
    },
    "random:index/randomPassword:RandomPassword": {
        forceNew: [
            "keepers",
            "length",
            "lower",
            "minLower",
            "minNumeric",
            "minSpecial",
            "minUpper",
            "number",
            "numeric",
            "overrideSpecial",
            "special",
            "upper",
        ],
        notes: [
            "keepers: RequiresReplaceIfValuesNotNull",
            "overrideSpecial: RequiresReplaceIf unless it goes from an empty string to null",
            "the resource has no real Update: every input replaces",
        ],
        source: "hashicorp/terraform-provider-random internal/provider/resource_password.go @ ad788e233bb42be5ecad3ba8f43de0d9d9dc7185 (v3.9.0+4; the exact release behind @pulumi/random 4.21.2 not pinned)",
    },

    // ---- Kubernetes ----
    "kubernetes:apps/v1:Deployment": {
        forceNew: [...K8S_META, ...LABEL_SELECTOR("spec.selector")],
        notes: ["spec.template and replicas roll out in place", K8S_NOTE_VERSION],
        namedBy: "metadata.name",
        source: K8S_DIFF,
    },
    "kubernetes:core/v1:Service": {
        forceNew: [...K8S_META, "spec.clusterIP"],
        notes: [
            "spec.clusterIPs is not in pulumi-kubernetes's table (the API server treats it as immutable too; a change would fail rather than replace)",
            K8S_NOTE_VERSION,
        ],
        namedBy: "metadata.name",
        source: K8S_DIFF,
    },
    "kubernetes:policy/v1:PodDisruptionBudget": {
        forceNew: [...K8S_META],
        notes: [
            "only policy/v1beta1 PodDisruptionBudget has .spec in the table; policy/v1 spec (selector included) updates in place, as the API allows since Kubernetes 1.15",
            K8S_NOTE_VERSION,
        ],
        namedBy: "metadata.name",
        source: K8S_DIFF,
    },
    "kubernetes:storage.k8s.io/v1:StorageClass": {
        forceNew: [...K8S_META, "parameters", "provisioner"],
        notes: [
            "reclaimPolicy and volumeBindingMode are immutable in the Kubernetes API but not in pulumi-kubernetes's table: a change shows as an update that the API server rejects",
            "allowVolumeExpansion updates in place",
            K8S_NOTE_VERSION,
        ],
        namedBy: "metadata.name",
        source: K8S_DIFF,
    },
    "kubernetes:core/v1:Secret": {
        forceNew: [...K8S_META, "type", "stringData", "data"],
        notes: [
            "stringData and data replace unless the provider sets enableSecretMutable (the program's provider does not) and the Secret is not immutable: true",
            K8S_NOTE_VERSION,
        ],
        namedBy: "metadata.name",
        source: K8S_DIFF,
    },
    "kubernetes:monitoring.coreos.com/v1:ServiceMonitor": {
        forceNew: [...K8S_META],
        notes: [
            "a custom resource: the provider replaces it only when its name or namespace changes; spec changes are patched in place",
            K8S_NOTE_VERSION,
        ],
        namedBy: "metadata.name",
        source: K8S_DIFF,
    },
    "kubernetes:monitoring.coreos.com/v1:PrometheusRule": {
        forceNew: [...K8S_META],
        notes: [
            "a custom resource: the provider replaces it only when its name or namespace changes; spec changes are patched in place",
            K8S_NOTE_VERSION,
        ],
        namedBy: "metadata.name",
        source: K8S_DIFF,
    },
    "kubernetes:core/v1:ConfigMap": {
        forceNew: [...K8S_META, "data", "binaryData"],
        notes: [
            "data and binaryData replace unless the provider sets enableConfigMapMutable (the program's provider does not) and the ConfigMap is not immutable: true",
            K8S_NOTE_VERSION,
        ],
        namedBy: "metadata.name",
        source: K8S_DIFF,
    },
    "kubernetes:core/v1:Namespace": {
        forceNew: [...K8S_META],
        notes: [K8S_NOTE_VERSION],
        namedBy: "metadata.name",
        source: K8S_DIFF,
    },
    "kubernetes:core/v1:ServiceAccount": {
        forceNew: [...K8S_META],
        notes: [K8S_NOTE_VERSION],
        namedBy: "metadata.name",
        source: K8S_DIFF,
    },
    "kubernetes:core/v1:LimitRange": {
        forceNew: [...K8S_META],
        notes: [K8S_NOTE_VERSION],
        namedBy: "metadata.name",
        source: K8S_DIFF,
    },
    "kubernetes:core/v1:ResourceQuota": {
        forceNew: [...K8S_META, "spec.scopes"],
        notes: ["spec.hard updates in place", K8S_NOTE_VERSION],
        namedBy: "metadata.name",
        source: K8S_DIFF,
    },
    "kubernetes:autoscaling/v2:HorizontalPodAutoscaler": {
        forceNew: [...K8S_META],
        notes: [K8S_NOTE_VERSION],
        namedBy: "metadata.name",
        source: K8S_DIFF,
    },
    "kubernetes:networking.k8s.io/v1:NetworkPolicy": {
        forceNew: [...K8S_META],
        notes: [K8S_NOTE_VERSION],
        namedBy: "metadata.name",
        source: K8S_DIFF,
    },
    "kubernetes:batch/v1:Job": {
        forceNew: [...K8S_META, "spec.completions", "spec.parallelism", "spec.template", ...LABEL_SELECTOR("spec.selector")],
        notes: [
            "a Strata job's metadata.name carries the hash of its content, so a release is a replacement under a new name: the new Job is created and awaited, then the old one deleted",
            K8S_NOTE_VERSION,
        ],
        namedBy: "metadata.name",
        source: K8S_DIFF,
    },
    "kubernetes:batch/v1:CronJob": {
        forceNew: [...K8S_META],
        notes: [
            "the schedule and spec.jobTemplate update in place and apply from the next run; running Jobs keep their template",
            K8S_NOTE_VERSION,
        ],
        namedBy: "metadata.name",
        source: K8S_DIFF,
    },
    "kubernetes:networking.k8s.io/v1:Ingress": {
        forceNew: [...K8S_META],
        notes: [
            "rules, annotations and ingressClassName update in place; the load balancer controller reconciles the ALB (a new group.name moves the Ingress to another ALB)",
            K8S_NOTE_VERSION,
        ],
        namedBy: "metadata.name",
        source: K8S_DIFF,
    },
    "kubernetes:argoproj.io/v1alpha1:Rollout": {
        forceNew: [...K8S_META],
        notes: [
            "a custom resource: only metadata.name and metadata.namespace replace; a new pod template starts the rollout's strategy in the cluster (canary steps or a blue-green switch), which pulumi up does not wait for",
            K8S_NOTE_VERSION,
        ],
        namedBy: "metadata.name",
        source: K8S_DIFF,
    },
    "kubernetes:argoproj.io/v1alpha1:AnalysisTemplate": {
        forceNew: [...K8S_META],
        notes: ["a custom resource: updates in place; analysis runs already started keep the template they began with", K8S_NOTE_VERSION],
        namedBy: "metadata.name",
        source: K8S_DIFF,
    },
    "kubernetes:core/v1:PersistentVolumeClaim": {
        forceNew: [...K8S_META, "spec.accessModes", "spec.storageClassName", "spec.volumeName", ...LABEL_SELECTOR("spec.selector")],
        notes: ["spec.resources.requests.storage (expansion) updates in place", K8S_NOTE_VERSION],
        namedBy: "metadata.name",
        source: K8S_DIFF,
    },
    "kubernetes:helm.sh/v3:Release": {
        forceNew: ["name", "namespace"],
        notes: [
            "chart, version, values, repositoryOpts, timeout and atomic upgrade the release in place",
            "never delete-before-replace (Diff returns DeleteBeforeReplace: false)",
            K8S_NOTE_VERSION,
        ],
        source: "pulumi/pulumi-kubernetes provider/pkg/provider/helm_release.go (Diff forceNewFields) @ 94977969d64112b04e19945818a7d5d5f38f631d",
    },

    // ---- CloudTrail, GuardDuty, Security Hub, AWS Config, EventBridge (strata:audit) ----
    "aws:cloudtrail/trail:Trail": {
        forceNew: ["name"],
        notes: [
            "everything else updates in place (UpdateTrail; event selectors through PutEventSelectors, logging through Start/StopLogging); the resource id is the trail ARN",
        ],
        namedBy: "name",
        source: tf("internal/service/cloudtrail/trail.go", "97661a6f69ef3376ee8e3e98831cdbda8e3d28ac"),
    },
    "aws:guardduty/detector:Detector": {
        forceNew: [],
        notes: ["enable and findingPublishingFrequency update in place (UpdateDetector); one detector per account and region"],
        source: "unverified: internal/service/guardduty/detector.go not read in the time available",
    },
    "aws:guardduty/detectorFeature:DetectorFeature": {
        forceNew: ["detectorId", "name"],
        notes: ["status and additionalConfigurations update in place (UpdateDetector Features)"],
        source: "unverified: internal/service/guardduty/detector_feature.go not read in the time available",
    },
    "aws:securityhub/account:Account": {
        forceNew: ["enableDefaultStandards"],
        notes: ["controlFindingGenerator and autoEnableControls update in place (UpdateSecurityHubConfiguration)"],
        source: "unverified: internal/service/securityhub/account.go not read in the time available",
    },
    "aws:securityhub/standardsSubscription:StandardsSubscription": {
        forceNew: ["standardsArn"],
        notes: ["a standard is subscribed or not: another standard is another subscription"],
        source: "unverified: internal/service/securityhub/standards_subscription.go not read in the time available",
    },
    "aws:cfg/recorder:Recorder": {
        forceNew: ["name"],
        notes: ["roleArn and recordingGroup update in place (PutConfigurationRecorder); one recorder per account and region"],
        source: "unverified: internal/service/configservice/configuration_recorder.go not read in the time available",
    },
    "aws:cfg/deliveryChannel:DeliveryChannel": {
        forceNew: ["name"],
        notes: ["bucket, key and snapshot frequency update in place (PutDeliveryChannel)"],
        source: "unverified: internal/service/configservice/delivery_channel.go not read in the time available",
    },
    "aws:cfg/recorderStatus:RecorderStatus": {
        forceNew: ["name"],
        notes: ["isEnabled updates in place (Start/StopConfigurationRecorder)"],
        source: "unverified: internal/service/configservice/configuration_recorder_status.go not read in the time available",
    },
    "aws:cloudwatch/eventRule:EventRule": {
        forceNew: ["name", "namePrefix", "eventBusName"],
        notes: ["eventPattern and description update in place (PutRule)"],
        namedBy: "name",
        source: "unverified: internal/service/events/rule.go not read in the time available",
    },
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": {
        forceNew: ["name", "destination", "kinesisSourceConfiguration", "mskSourceConfiguration"],
        notes: [
            "the S3 destination's settings and server-side encryption update in place (UpdateDestination, Start/StopDeliveryStreamEncryption); a new name replaces the stream (delete first: it is named)",
        ],
        namedBy: "name",
        source: "unverified: internal/service/firehose/delivery_stream.go not read in the time available",
    },
    "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter": {
        forceNew: ["name", "logGroup"],
        notes: ["destination, role and pattern update in place (PutSubscriptionFilter keyed by the filter name)"],
        source: "unverified: internal/service/logs/subscription_filter.go not read in the time available",
    },
    "aws:cloudwatch/eventTarget:EventTarget": {
        forceNew: ["rule", "targetId", "eventBusName"],
        notes: ["arn and input settings update in place (PutTargets)"],
        source: "unverified: internal/service/events/target.go not read in the time available",
    },

    // ---- the deploy runner (CodeBuild) ----
    "aws:codebuild/project:Project": {
        forceNew: ["name"],
        notes: [
            "source, environment, vpcConfig, logsConfig, serviceRole and timeouts update in place (UpdateProject)",
            "the name is the runner's label in every workflow's runs-on: a new name is a new runner",
        ],
        namedBy: "name",
        source: "unverified: internal/service/codebuild/project.go not read in the time available (name ForceNew as documented for aws_codebuild_project)",
    },
    "aws:codebuild/webhook:Webhook": {
        forceNew: ["projectName", "buildType"],
        notes: ["filterGroups update in place (UpdateWebhook)"],
        source: "unverified: internal/service/codebuild/webhook.go not read in the time available",
    },

    // ---- ECR (the Registry) ----
    "aws:ecr/repository:Repository": {
        forceNew: ["name", "encryptionConfigurations"],
        notes: [
            "encryption_configuration (and its encryption_type and kms_key) is ForceNew: a new key or type replaces the repository, and a replaced repository loses its images; the guard treats the repository as stateful",
            "imageTagMutability (PutImageTagMutability), imageScanningConfiguration (PutImageScanningConfiguration), forceDelete and tags update in place",
            "name is set explicitly (<prefix>/<service>), so a replacement deletes first, and DeleteRepository fails while the repository holds images (forceDelete is false)",
            "stored file is the SDKv1 era (v4.x/v5.x); the v6 schema adds imageTagMutabilityExclusionFilters, not used here",
        ],
        namedBy: "name",
        source: tf("internal/service/ecr/repository.go", "0072eea2d6046230a1fb7717741c17fd2122175e"),
    },
    "aws:ecr/pullThroughCacheRule:PullThroughCacheRule": {
        forceNew: ["ecrRepositoryPrefix", "upstreamRegistryUrl", "upstreamRepositoryPrefix"],
        notes: [
            "credentialArn and customRoleArn update in place (UpdatePullThroughCacheRule), unlike CloudFormation, which replaces on every property",
            "its id is the prefix: a replacement with an unchanged prefix cannot happen (every ForceNew input but the URL is the prefix; the URL is fixed per upstream)",
            "the repositories it created stay when the rule is deleted",
        ],
        source: tf("internal/service/ecr/pull_through_cache_rule.go", "0509e60e8e895c393eb27fcebb30cceceff51528"),
    },
    "aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate": {
        forceNew: ["prefix"],
        notes: [
            "appliedFors, customRoleArn, description, encryptionConfigurations, imageTagMutability, lifecyclePolicy, repositoryPolicy and resourceTags update in place (UpdateRepositoryCreationTemplate)",
            "a template applies when ECR creates a repository: a change does not reach the repositories already created",
        ],
        source: tf("internal/service/ecr/repository_creation_template.go", "083b5c7aff2ae2c12dcba1e8e1cc1beb7754b60a"),
    },
    "aws:ecr/lifecyclePolicy:LifecyclePolicy": {
        forceNew: ["policy", "repository"],
        notes: [
            "the resource has no Update: a new policy replaces it (PutLifecyclePolicy with the new text; the images stay), an equivalent JSON (rule order, tag lists) is no change",
            "its id is the repository name, so a create-before-delete replacement would end with DeleteLifecyclePolicy removing the new policy: the Registry sets deleteBeforeReplace",
        ],
        source: tf("internal/service/ecr/lifecycle_policy.go", "00a35305dc1b297a6fcdecdfbba33f1e63c3da39"),
    },
    // ---- types the upcoming issues add (lower priority) ----
    "aws:sns/topic:Topic": {
        forceNew: ["name", "namePrefix", "fifoTopic"],
        notes: ["other attributes update in place (SetTopicAttributes)"],
        namedBy: "name",
        source: "unverified: internal/service/sns/topic.go not read; name auto-name (with .fifo suffix) read from pulumi/pulumi-aws provider/resource_overrides.go @ 015d3438",
    },
    "aws:sns/topicPolicy:TopicPolicy": {
        forceNew: ["arn"],
        notes: ["policy updates in place (SetTopicAttributes Policy)"],
        source: "unverified: internal/service/sns/topic_policy.go not read in the time available",
    },
    "aws:sns/topicSubscription:TopicSubscription": {
        forceNew: ["topic", "protocol", "endpoint"],
        notes: ["filter and delivery policies update in place; a new endpoint is a new subscription (e-mail ones must be confirmed again)"],
        source: "unverified: internal/service/sns/topic_subscription.go not read in the time available",
    },
    "aws:cloudwatch/metricAlarm:MetricAlarm": {
        forceNew: [],
        notes: ["alarm_name (Pulumi `name`) is believed ForceNew upstream (PutMetricAlarm keys on it); not verified, so not listed"],
        namedBy: "name",
        source: "unverified: internal/service/cloudwatch/metric_alarm.go not read; alarm_name -> name auto-name read from pulumi/pulumi-aws provider/resource_overrides.go @ 015d3438",
    },
    "aws:cognito/userPool:UserPool": {
        forceNew: ["aliasAttributes", "usernameAttributes", "schemas"],
        notes: ["schema attributes can only be added; name updates in place; list not verified"],
        namedBy: "name",
        source: "unverified: internal/service/cognitoidp/user_pool.go not read in the time available",
    },
};

/** Types that need no entry: components of this package and the engine's own (stack, providers). */
export function needsReplacementRule(type: string): boolean {
    return !type.startsWith("strata:") && !type.startsWith("pulumi:");
}
