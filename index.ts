// The Strata program: read and validate this stack's config, build the platform, export what operators need.
import { loadStackConfig, Platform } from "./components";

const config = loadStackConfig();
const platform = new Platform(config.naming.name("platform"), { config });

export const environment = config.environment;
export const region = config.context.region;
export const vpcId = platform.network.vpcId;
export const publicSubnetIds = platform.network.publicSubnetIds;
export const privateSubnetIds = platform.network.privateSubnetIds;
export const isolatedSubnetIds = platform.network.isolatedSubnetIds;
export const nodeSecurityGroupId = platform.network.nodeSecurityGroupId;
export const kmsKeyArns = platform.kms.arns;
