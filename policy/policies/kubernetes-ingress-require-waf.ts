import { resourcePolicy } from "../lib/metadata";
import { field, objectAt } from "../lib/values";

const INGRESS = "kubernetes:networking.k8s.io/v1:Ingress";
const ALB = "alb.ingress.kubernetes.io";

/**
 * The AWS Load Balancer Controller associates a WAFv2 web ACL with an Ingress's ALB from the
 * `alb.ingress.kubernetes.io/wafv2-acl-arn` annotation (controller docs, "Ingress annotations", Addons). An
 * internal ALB is reachable only from the VPC and is not judged.
 */
export const kubernetesIngressRequireWaf = resourcePolicy({
    name: "kubernetes-ingress-require-waf",
    description: "Internet-facing Ingresses must be behind a WAF web ACL.",
    checks: `An \`Ingress\` whose \`${ALB}/scheme\` annotation is \`internet-facing\` carries a non-empty \`${ALB}/wafv2-acl-arn\` annotation; internal Ingresses and Ingresses of other classes are not judged.`,
    category: "network-exposure",
    severity: "high",
    controls: { fsbp: ["ELB.16"], checkov: ["CKV2_AWS_28"], other: ["AWS Well-Architected SEC05-BP02 (control traffic at all layers)"] },
    validateResource: (args, reportViolation) => {
        if (args.type !== INGRESS) args.notApplicable(`'${args.type}' is not an Ingress`);
        const annotations = objectAt(field(args.props, "metadata", "annotations"));
        if (annotations[`${ALB}/scheme`] !== "internet-facing") args.notApplicable("not an internet-facing ALB Ingress");
        const acl = annotations[`${ALB}/wafv2-acl-arn`];
        if (typeof acl !== "string" || acl.length === 0)
            reportViolation(
                `an internet-facing Ingress needs the ${ALB}/wafv2-acl-arn annotation (strata:waf.enabled puts it on every public Ingress).`,
            );
    },
});
