import * as fs from "fs";
import * as path from "path";
import YAML from "yaml";
import { readProjectFile, readStackConfig } from "../../plan/stackConfig";
import { ROOT, stackFile, TEST_ACCESS_ROUTE, TEST_DEPLOYER_ARN } from "../helpers";

describe("stackFile()", () => {
    test("writes Pulumi.<environment>.yaml with strata: added to unprefixed keys, aws:region defaulted and the shipped deployer as admin", () => {
        const file = stackFile({
            environment: "staging",
            "aws:region": "eu-west-1",
            queues: { queues: { jobs: { fifo: true } } },
            "pulumi:tags": { a: "b" },
        });
        expect(path.basename(file)).toBe("Pulumi.staging.yaml");
        expect(YAML.parse(fs.readFileSync(file, "utf8"))).toEqual({
            config: {
                "aws:region": "eu-west-1",
                "strata:environment": "staging",
                "strata:queues": { queues: { jobs: { fifo: true } } },
                "pulumi:tags": { a: "b" },
                "strata:cluster": { deployerPrincipalArn: TEST_DEPLOYER_ARN, access: TEST_ACCESS_ROUTE },
            },
        });
        const admins = { adminPrincipalArns: ["arn:aws:iam::123456789012:role/admin"] };
        expect(YAML.parse(fs.readFileSync(stackFile({ environment: "dev", cluster: admins }), "utf8")).config["strata:cluster"]).toEqual({
            ...admins,
            access: TEST_ACCESS_ROUTE,
        });
        expect(YAML.parse(fs.readFileSync(stackFile({ environment: "dev" }), "utf8")).config["aws:region"]).toBe("us-east-1");
    });

    test("the stack is named after the environment unless given; the program reads the values as the CLI hands them", () => {
        const file = stackFile({ environment: "prod", network: { natGateways: "two" } }, { stack: "bad" });
        const cfg = readStackConfig(readProjectFile(ROOT), file);
        expect(cfg.stack).toBe("bad");
        expect(cfg.config["strata:environment"]).toBe("prod");
        expect(JSON.parse(cfg.config["strata:network"])).toEqual({ natGateways: "two" });
    });

    test("the same content gets the same path (so the plan cache serves it again); other content another", () => {
        expect(stackFile({ environment: "dev", name: "x" })).toBe(stackFile({ environment: "dev", name: "x" }));
        expect(stackFile({ environment: "dev", name: "x" })).not.toBe(stackFile({ environment: "dev", name: "y" }));
    });
});
