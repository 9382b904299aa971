import type { MockModule } from "./types";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Secrets Manager: secret ARNs end in "-" and six random characters, as AWS makes them. */
export const secretsmanager: MockModule = {
    resources: {
        "aws:secretsmanager/secret:Secret": (args, ctx) => {
            const name = String(args.inputs.name ?? `${args.name}-${ctx.hex(args.name, 7)}`);
            const suffix = Array.from(ctx.hex(`${name}/suffix`, 12).match(/../g)!, (h) => ALNUM[parseInt(h, 16) % ALNUM.length])
                .join("")
                .slice(0, 6);
            const arn = ctx.arn("secretsmanager", `secret:${name}-${suffix}`);
            return { id: arn, state: { name, arn } };
        },
        "aws:secretsmanager/secretVersion:SecretVersion": (args, ctx) => {
            const h = ctx.hex(`${args.name}/version`, 32);
            const versionId = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
            const secretId = String(args.inputs.secretId ?? "");
            return { id: `${secretId}|${versionId}`, state: { arn: secretId, versionId, versionStages: ["AWSCURRENT"] } };
        },
    },
};
