import * as childProcess from "child_process";
import * as path from "path";

const POLICY_DIR = path.resolve(__dirname, "../../policy");

/**
 * Loads the pack the way `pulumi preview --policy-pack policy` does: the Node.js language host runs
 * @pulumi/pulumi's run-policy-pack in the pack's directory, which registers ts-node (type-checking, with
 * policy/tsconfig.json) and requires package.json's main; `new PolicyPack` then starts the analyzer server and prints
 * its port. Dependencies resolve from the root node_modules (npm workspaces), so the root `npm ci` is enough.
 */
describe("the policy pack under the Pulumi Node.js policy runtime", () => {
    it("compiles, constructs the PolicyPack and serves it", async () => {
        const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [POLICY_DIR] });
        const child = childProcess.spawn(process.execPath, [runner, "127.0.0.1:0", "."], {
            cwd: POLICY_DIR,
            stdio: ["ignore", "pipe", "pipe"],
        });
        let out = "";
        let err = "";
        try {
            const port = await new Promise<string>((resolve, reject) => {
                child.stdout.on("data", (d) => {
                    out += d;
                    const m = /^(\d+)\s*$/m.exec(out);
                    if (m) resolve(m[1]);
                });
                child.stderr.on("data", (d) => (err += d));
                child.on("exit", (code) => reject(new Error(`policy pack exited with ${code}:\n${out}\n${err}`)));
            });
            expect(Number(port)).toBeGreaterThan(0);
        } finally {
            child.kill();
        }
    });
});
