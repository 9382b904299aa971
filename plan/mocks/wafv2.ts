import type { MockModule } from "./types";

/** WAF (wafv2) regional web ACLs and their logging configuration. */
export const wafv2: MockModule = {
    resources: {
        "aws:wafv2/webAcl:WebAcl": (args, ctx) => {
            const name = String(args.inputs.name ?? `${args.name}-${ctx.hex(args.name, 7)}`);
            const id = `${ctx.hex(`${name}1`, 8)}-${ctx.hex(`${name}2`, 4)}-${ctx.hex(`${name}3`, 4)}-${ctx.hex(`${name}4`, 4)}-${ctx.hex(`${name}5`, 12)}`;
            const scope = String(args.inputs.scope ?? "REGIONAL").toLowerCase();
            return {
                id,
                state: {
                    name,
                    arn: ctx.arn("wafv2", `${scope === "cloudfront" ? "global" : "regional"}/webacl/${name}/${id}`),
                    capacity: 1100,
                    lockToken: ctx.hex(`${name}lock`, 32),
                },
            };
        },
        "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration": (args) => ({ id: String(args.inputs.resourceArn ?? args.name) }),
    },
};
