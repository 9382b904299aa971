import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { describeInput, inputOrDefault } from "../lib/apiDefaults";
import { onlyRedirectsToHttps, TLS12_SECURITY_POLICIES } from "../lib/elbSecurityPolicies";
import { resourcePolicy } from "../lib/metadata";

const LISTENER = "aws:lb/listener:Listener";

/**
 * Strata creates no `aws.lb.Listener` (its load balancers come from the AWS Load Balancer Controller, configured by
 * Ingress annotations); a consumer composing the components in front of the cluster would, hence the policy.
 * An HTTP listener may only redirect to HTTPS (checkov ALBListenerHTTPS, CKV_AWS_2; ALBRedirectsHTTPToHTTPS,
 * CKV2_AWS_20); an HTTPS or TLS listener needs a TLS 1.2+ security policy (AppLoadBalancerTLS12, CKV_AWS_103, which
 * also passes TLS13-1-0/1-1 by prefix: this table does not). Unset `sslPolicy` is the API default, ELBSecurityPolicy-2016-08.
 */
export const awsLbListenerRequireTls12 = resourcePolicy({
    name: "aws-lb-listener-require-tls12",
    description: "Load balancer listeners must serve TLS 1.2 or later; an HTTP listener may only redirect to HTTPS.",
    checks:
        "An HTTPS or TLS `aws.lb.Listener` has a `sslPolicy` from the TLS 1.2+ table (policy/lib/elbSecurityPolicies.ts; unset " +
        'is the API default ELBSecurityPolicy-2016-08, TLS 1.0); an HTTP listener\'s `defaultActions` are all `redirect` with `protocol: "HTTPS"`.',
    category: "network-exposure",
    severity: "high",
    controls: { fsbp: ["ELB.1", "ELB.17"], checkov: ["CKV_AWS_2", "CKV_AWS_103", "CKV2_AWS_20"] },
    validateResource: validateResourceOfType(aws.lb.Listener, (l, args, reportViolation) => {
        const protocol = l.protocol;
        if (protocol === undefined) args.notApplicable("protocol unset: the load balancer type decides it");
        if (protocol === "HTTPS" || protocol === "TLS") {
            const policy = String(inputOrDefault(LISTENER, l, "sslPolicy"));
            if (!TLS12_SECURITY_POLICIES.includes(policy)) {
                reportViolation(
                    `sslPolicy is ${describeInput(LISTENER, l, "sslPolicy")}; use a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-2021-06.`,
                );
            }
        } else if (protocol === "HTTP" && !onlyRedirectsToHttps(l.defaultActions)) {
            reportViolation(
                'an HTTP listener must only redirect to HTTPS (defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", ... } }]).',
            );
        }
    }),
});
