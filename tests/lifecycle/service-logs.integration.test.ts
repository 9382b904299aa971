/**
 * A log retention change (the WAF's log group in front of the services' ALBs) is an in-place update of the log group
 * naming `retentionInDays`, nothing else: CloudWatch Logs changes a group's retention without recreating it.
 */
import { actions, change, changedStackFile, scenario, section, type Scenario } from "./scenario";

describe("strata:waf.logRetentionDays 30 -> 90 (dev)", () => {
    let s: Scenario;
    beforeAll(async () => {
        const after = changedStackFile("Pulumi.dev.yaml", (config) => {
            section(config, "waf").logRetentionDays = 90;
        });
        s = await scenario("Pulumi.dev.yaml", after);
    });

    it("updates the log group in place, with changedInputs naming retentionInDays; nothing else changes", () => {
        const changed = Object.entries(actions(s.diffed));
        expect(changed).toHaveLength(1);
        const [[name, action]] = changed;
        const c = change(s.diffed, name);
        expect([c.type, action, c.changedInputs, c.replaceReasons]).toEqual([
            "aws:cloudwatch/logGroup:LogGroup",
            "update",
            ["retentionInDays"],
            [],
        ]);
        const retention = (doc: typeof s.before) => doc.resources.find((r) => r.urn === c.urn)!.inputs.retentionInDays;
        expect([retention(s.before), retention(s.after)]).toEqual([30, 90]);
    });
});
