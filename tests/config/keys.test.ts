import { foreignKeyProblems, PROVIDER_KEYS } from "../../components/config/keys";
import { loadPlatformConfig } from "../../components/config/load";
import { configProblems, problemsOf } from "../helpers";

describe("foreignKeyProblems: keys outside strata:", () => {
    test("the AWS provider's keys come from the installed package", () => {
        expect(PROVIDER_KEYS.aws).toEqual(expect.arrayContaining(["region", "profile", "allowedAccountIds", "defaultTags", "assumeRoles"]));
    });

    test.each([
        ["aws:regoin", 'aws:regoin: not a key of the aws provider (did you mean "aws:region"?)'],
        ["aws:profil", 'aws:profil: not a key of the aws provider (did you mean "aws:profile"?)'],
        ["strat:environment", 'strat:environment: unknown namespace "strat" (did you mean "strata:environment"?)'],
        ["sttrata:cluster", 'sttrata:cluster: unknown namespace "sttrata" (did you mean "strata:cluster"?)'],
        ["aw:region", 'aw:region: unknown namespace "aw" (did you mean "aws:region"?)'],
    ])("%s", (key, problem) => {
        expect(foreignKeyProblems([key], ["environment", "cluster"])).toEqual([problem]);
    });

    test("keys the program leaves to others pass: Pulumi's own, other providers', and valid AWS keys", () => {
        expect(
            foreignKeyProblems(["aws:region", "pulumi:disable-default-providers", "random:x", "datadog:apiKey", "noNamespace"], []),
        ).toEqual([]);
    });
});

describe("a misspelt required key is named, not reported as missing only", () => {
    test("strata:enviroment and aws:regoin", () => {
        const problems = problemsOf(() =>
            loadPlatformConfig({ "aws:regoin": "us-east-1", "strata:enviroment": "dev" }, { project: "strata", stack: "dev" }),
        );
        expect(problems).toEqual(
            expect.arrayContaining([
                'aws:regoin: not a key of the aws provider (did you mean "aws:region"?)',
                expect.stringMatching(/^strata:enviroment: unknown key \(did you mean "strata:environment"\?\)/),
                expect.stringMatching(/^strata:environment: is required/),
            ]),
        );
    });
});

describe("tag keys and values follow AWS's tag character rules", () => {
    test.each([
        [{ "strata:owner": "team 🚀" }, /^strata:owner: "team 🚀" contains characters AWS does not accept in tags/],
        [{ "strata:costCenter": "cc#1" }, /^strata:costCenter: "cc#1" contains characters AWS does not accept in tags/],
        [{ "strata:tags": { "team!": "x" } }, /^strata:tags\.team!: .*characters AWS does not accept/],
        [{ "strata:tags": { team: "a;b" } }, /^strata:tags\.team: "a;b" contains characters AWS does not accept/],
    ])("%j is refused", (values, expected) => {
        expect(configProblems(values)).toEqual([expect.stringMatching(expected)]);
    });

    test("letters of any script, digits, spaces and _ . : / = + - @ are accepted", () => {
        expect(configProblems({ "strata:owner": "Équipe données", "strata:tags": { "team/name": "a:b=c+d-e@f_g.h" } })).toEqual([]);
    });
});

describe("the secretEnv path works end to end", () => {
    const services = (configKey: string) => ({
        "strata:services": { api: { image: "api:1.0", port: 8080, secretEnv: { LLM_API_KEY: configKey } } },
    });

    test("the message names the command, and the key it sets is then accepted, in the project's namespace too", () => {
        expect(configProblems(services("strata:llmApiKey"))).toEqual([
            `strata:services.api.secretEnv.LLM_API_KEY: the config key "strata:llmApiKey" is not set; set it with 'pulumi config set --secret strata:llmApiKey <value>'`,
        ]);
        expect(configProblems({ ...services("strata:llmApiKey"), "strata:llmApiKey": "s3cr3t" })).toEqual([]);
        expect(configProblems({ ...services("app:llmApiKey"), "app:llmApiKey": "s3cr3t" })).toEqual([]);
    });

    test("a short namespace of the user's own is not taken for a typo of aws", () => {
        expect(foreignKeyProblems(["app:token", "api:key"], [])).toEqual([]);
    });
});
