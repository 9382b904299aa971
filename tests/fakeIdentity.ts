import * as aws from "@pulumi/aws";
import type { MonitoringIdentityFactory } from "../components/monitoring";

/**
 * A stand-in for the cluster's IRSA factory (`cluster.identity`) in component tests: one role per service account, its
 * trust naming `<namespace>/<service account>` and its statements inline, so tests can read both.
 */
export const fakeIdentity: MonitoringIdentityFactory = (name, args, opts) => {
    const role = new aws.iam.Role(
        name,
        {
            assumeRolePolicy: JSON.stringify({ sa: `${args.namespace}/${args.serviceAccount}` }),
            inlinePolicies: [{ name: "p", policy: JSON.stringify({ Statement: args.statements }) }],
        },
        opts,
    );
    return { role, ready: [] };
};
