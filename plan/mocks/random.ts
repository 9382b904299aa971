import type { MockContext, MockModule } from "./types";

const LOWER = "abcdefghijklmnopqrstuvwxyz";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const NUMERIC = "0123456789";
/** @pulumi/random's default special characters. */
const DEFAULT_SPECIAL = "!@#$%&*()-_=+[]{}<>:?";

/**
 * A password as @pulumi/random makes one: `length` characters from the enabled classes, honouring the minimum
 * counts and `overrideSpecial`; deterministic per resource name so plans are reproducible.
 */
export function mockPassword(name: string, inputs: Record<string, unknown>, ctx: MockContext): string {
    const length = Number(inputs.length ?? 16);
    const use = (key: string) => inputs[key] !== false;
    const classes: Array<{ chars: string; min: number }> = [];
    if (use("lower")) classes.push({ chars: LOWER, min: Number(inputs.minLower ?? 0) });
    if (use("upper")) classes.push({ chars: UPPER, min: Number(inputs.minUpper ?? 0) });
    if (use("numeric") && use("number")) classes.push({ chars: NUMERIC, min: Number(inputs.minNumeric ?? 0) });
    if (use("special")) classes.push({ chars: String(inputs.overrideSpecial ?? DEFAULT_SPECIAL), min: Number(inputs.minSpecial ?? 0) });
    const all = classes.map((c) => c.chars).join("");
    const bytes = (ctx.hex(`${name}/password`, length * 8).match(/../g) ?? []).map((h) => parseInt(h, 16));
    let b = 0;
    const next = () => bytes[b++ % bytes.length];
    const out: string[] = [];
    for (const c of classes) for (let i = 0; i < c.min; i++) out.push(c.chars[next() % c.chars.length]);
    while (out.length < length) out.push(all[next() % all.length]);
    for (let i = out.length - 1; i > 0; i--) {
        const j = next() % (i + 1);
        [out[i], out[j]] = [out[j], out[i]];
    }
    return out.slice(0, length).join("");
}

/** @pulumi/random: passwords, strings and ids. */
export const random: MockModule = {
    resources: {
        "random:index/randomPassword:RandomPassword": (args, ctx) => {
            const result = mockPassword(args.name, args.inputs, ctx);
            return { id: "none", state: { result, bcryptHash: `$2a$10$${ctx.hex(`${args.name}/bcrypt`, 53)}` } };
        },
        "random:index/randomString:RandomString": (args, ctx) => ({
            id: mockPassword(args.name, args.inputs, ctx),
            state: { result: mockPassword(args.name, args.inputs, ctx) },
        }),
        "random:index/randomId:RandomId": (args, ctx) => {
            const n = Number(args.inputs.byteLength ?? 8);
            const hex = `${args.inputs.prefix ?? ""}${ctx.hex(`${args.name}/id`, n * 2)}`;
            const buf = Buffer.from(hex.slice(String(args.inputs.prefix ?? "").length), "hex");
            const b64Url = buf.toString("base64url");
            return {
                id: b64Url,
                state: { hex, b64Url, b64Std: buf.toString("base64"), dec: BigInt(`0x${buf.toString("hex")}`).toString() },
            };
        },
    },
};
