/**
 * A change that replaces the RDS instance (a new strata:database.databaseName: dbName forces a new instance) while
 * its identifier is explicit: the program sets deleteBeforeReplace, so the diff says the old instance goes first,
 * and the guard refuses it. In prod the instance is protected (Pulumi protect, deletion protection): refused with or
 * without --allow-replace. In dev: refused without, planned with --allow-replace naming the database.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../plan/cli";
import { FIXED_NAME_REPLACE_POLICY, STATEFUL_REPLACE_POLICY } from "../../plan/guard";
import { runPlan } from "../../plan/run";
import type { PlanDocument } from "../../plan/types";
import { changedStackFile, ROOT, scenario, section } from "./scenario";

const withDatabaseName = (stack: string) =>
    changedStackFile(`Pulumi.${stack}.yaml`, (config) => {
        section(config, "database").databaseName = "orders";
    });

/**
 * `npm run plan -- --config-file <after> --against <before plan> [--allow-replace ...]`: its exit code, output kept
 * quiet. Each call plans its own copy of the stack file: main() adds the guard's findings to the plan document it gets,
 * and runPlan hands the same document to every caller with the same options within a process.
 */
async function exitCode(stack: string, afterFile: string, allowReplace: string[]): Promise<number> {
    const before = await runPlan({ root: ROOT, configFile: path.resolve(ROOT, `Pulumi.${stack}.yaml`) });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strata-cli-"));
    const file = path.join(dir, "before.json");
    fs.writeFileSync(file, JSON.stringify(before));
    const after = path.join(dir, path.basename(afterFile));
    fs.copyFileSync(afterFile, after);
    const write = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    const cwd = jest.spyOn(process, "cwd").mockReturnValue(ROOT);
    try {
        return await main(["--config-file", after, "--against", file, ...allowReplace.flatMap((n) => ["--allow-replace", n])]);
    } finally {
        write.mockRestore();
        cwd.mockRestore();
    }
}

describe.each([
    ["prod", "strata-prod-postgres"],
    ["dev", "strata-dev-postgres"],
])("%s: strata:database.databaseName changes", (stack, instance) => {
    let afterFile: string;
    let diffed: PlanDocument;
    beforeAll(async () => {
        afterFile = withDatabaseName(stack);
        ({ diffed } = await scenario(`Pulumi.${stack}.yaml`, afterFile));
    });

    it("replaces the instance (dbName), delete-before-replace as the program says", () => {
        const c = diffed.diff!.changes.find((x) => x.name === instance && x.type === "aws:rds/instance:Instance")!;
        expect([c.action, c.replaceReasons, c.deleteBeforeReplace]).toEqual(["replace", ["dbName"], true]);
        expect(diffed.resources.find((r) => r.urn === c.urn)!.options.deleteBeforeReplace).toBe(true);
        const violation = diffed.violations.find((v) => v.policy === STATEFUL_REPLACE_POLICY && v.urn === c.urn)!;
        expect(violation.enforcementLevel).toBe("mandatory");
    });

    if (stack === "prod") {
        it("names the protection, which --allow-replace cannot lift", () => {
            const v = diffed.violations.find((x) => x.policy === STATEFUL_REPLACE_POLICY)!;
            expect(v.message).toMatch(/protected by Pulumi `protect`.* and deletionProtection/);
        });

        it.each([[[]], [[instance]]])("exits 1 with --allow-replace %j", async (allow) => {
            expect(await exitCode(stack, afterFile, allow)).toBe(1);
        });
    } else {
        it("reports the fixed name: the old instance is deleted before the new one exists", () => {
            const v = diffed.violations.find((x) => x.policy === FIXED_NAME_REPLACE_POLICY)!;
            expect(v.message).toContain("deleteBeforeReplace is set");
        });

        it("exits 1 without --allow-replace and 0 with --allow-replace naming the database", async () => {
            expect(await exitCode(stack, afterFile, [])).toBe(1);
            expect(await exitCode(stack, afterFile, [instance])).toBe(0);
        });
    }
});
