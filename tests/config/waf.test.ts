import { waf } from "../../components/config/waf";
import { contextOf, runCheck, settingsOf } from "./checkHarness";

describe("strata:waf checks", () => {
    const [aclName] = waf.checks;
    const long = "x".repeat(120);

    test.each([
        ["a short stack", true, "dev", 0],
        ["a stack name past WAF's 128 characters", true, long, 1],
        ["the same stack with WAF turned off", false, long, 0],
    ])("%s: %i problem(s) about the web ACL's name", (_what, enabled, stack, count) => {
        const problems = runCheck(aclName, settingsOf("dev", { waf: { enabled } }), contextOf({ stack }));
        expect(problems).toHaveLength(count);
        for (const p of problems) expect(p).toMatch(/^waf: gives the wafWebAcl name "strata-x+-waf" \(\d+ characters, AWS allows 128\)/);
    });
});
