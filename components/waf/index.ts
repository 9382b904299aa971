import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs } from "../base";
import type { KmsKeyArns } from "../kms";
import type { WafSettings } from "../config/waf";
import { encryptedLogGroup } from "../logGroup";
import { visibilityConfig, WAF_REDACTED_FIELDS, wafLogGroupName, wafRules } from "./rules";

export * from "./rules";

export interface WafArgs extends BaseArgs, Omit<WafSettings, "enabled"> {
    /** The logs key: WAF logs go to a log group encrypted with it. */
    kmsKeyArns: Pick<KmsKeyArns, "logs">;
}

/**
 * A regional WAF (wafv2) web ACL for the environment's ALBs: AWS managed rule groups (common rule set, known bad
 * inputs, SQL injection), a rate-based rule per client IP, default action allow, CloudWatch metrics and sampled
 * requests on every rule, and full logging to a KMS-encrypted log group named `aws-waf-logs-<prefix>` (WAF only
 * delivers to log groups whose name starts with `aws-waf-logs-`), with the Authorization and Cookie headers redacted.
 * Ingresses attach it with the `alb.ingress.kubernetes.io/wafv2-acl-arn` annotation.
 */
export class Waf extends pulumi.ComponentResource {
    public readonly webAcl: aws.wafv2.WebAcl;
    public readonly webAclArn: pulumi.Output<string>;
    public readonly logGroupName: pulumi.Output<string>;

    constructor(name: string, args: WafArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:waf:Waf", name, {}, opts);
        const n = args.naming;
        this.webAcl = new aws.wafv2.WebAcl(
            n.name("waf"),
            {
                name: n.physical("wafWebAcl", "waf"),
                description: `${n.prefix}: managed rules + ${args.rateLimit} requests per IP per ${args.evaluationWindowSec} s`,
                scope: "REGIONAL",
                defaultAction: { allow: {} },
                rules: wafRules(n.prefix, args),
                visibilityConfig: visibilityConfig(n.prefix, "web-acl"),
            },
            { parent: this },
        );
        this.webAclArn = this.webAcl.arn;

        const logGroup = encryptedLogGroup(
            n.name("waf-logs"),
            { logGroupName: wafLogGroupName(n.prefix), retentionInDays: args.logRetentionDays, kmsKeyArn: args.kmsKeyArns.logs },
            { parent: this },
        );
        this.logGroupName = logGroup.name;

        new aws.wafv2.WebAclLoggingConfiguration(
            n.name("waf-logging"),
            {
                resourceArn: this.webAcl.arn,
                logDestinationConfigs: [logGroup.arn],
                redactedFields: WAF_REDACTED_FIELDS,
            },
            { parent: this },
        );

        this.registerOutputs({ webAclArn: this.webAclArn, logGroupName: this.logGroupName });
    }
}
