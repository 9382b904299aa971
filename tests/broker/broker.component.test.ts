import * as pulumi from "@pulumi/pulumi";
import { Broker } from "../../components/broker";
import type { RenderResult } from "../../plan";
import { render } from "../../plan";
import { SECRET_PLACEHOLDER } from "../../plan/types";
import { loadConfig } from "../helpers";

const BROKER = "aws:mq/broker:Broker";
const NODES_SG = "sg-nodes";

async function renderBroker(environment: string, subnets = ["subnet-a", "subnet-b", "subnet-c"]) {
    const cfg = loadConfig({ "strata:environment": environment, "strata:broker": { enabled: true } });
    return render(
        ({ awsProvider }) =>
            new Broker(
                cfg.naming.name("broker"),
                {
                    naming: cfg.naming,
                    environment: cfg.environment,
                    protection: cfg.protection,
                    defaultTags: cfg.defaultTags,
                    ...cfg.broker,
                    vpcId: "vpc-1",
                    subnetIds: subnets,
                    clientSecurityGroupId: NODES_SG,
                    services: ["orders"],
                },
                { providers: { aws: awsProvider() } },
            ),
        { stack: environment },
    );
}

describe("Broker (component)", () => {
    let prod: RenderResult<Broker>;
    beforeAll(async () => {
        prod = await renderBroker("prod");
    });

    test("prod: a private three-AZ cluster in the given subnets, protected, users ignored after creation", () => {
        const b = prod.one(BROKER);
        expect(b.inputs).toMatchObject({
            engineType: "RabbitMQ",
            deploymentMode: "CLUSTER_MULTI_AZ",
            publiclyAccessible: false,
            autoMinorVersionUpgrade: true,
            encryptionOptions: { useAwsOwnedKey: true },
            logs: { general: true },
            subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
        });
        expect(b.options).toMatchObject({ protect: true, ignoreChanges: ["users"] });
        const users = b.inputs.users as Array<Record<string, unknown>>;
        expect(users).toHaveLength(1);
        expect(users[0].password).toBe(SECRET_PLACEHOLDER);
    });

    test("dev: one subnet for the single instance", async () => {
        const dev = await renderBroker("dev");
        expect(dev.one(BROKER).inputs).toMatchObject({ deploymentMode: "SINGLE_INSTANCE", subnetIds: ["subnet-a"] });
    });

    test("security group: 5671 and 443 from the nodes' group only", () => {
        const rules = prod.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        expect(rules.map((r) => [r.inputs.referencedSecurityGroupId, r.inputs.fromPort, r.inputs.toPort]).sort()).toEqual([
            [NODES_SG, 443, 443],
            [NODES_SG, 5671, 5671],
        ]);
        expect(rules.every((r) => r.inputs.cidrIpv4 === undefined)).toBe(true);
    });

    test("the service user's URL and the admin password are secret", async () => {
        const broker = prod.value;
        expect(await prod.resolve(broker.serviceUsers.orders.url)).toMatch(
            /^amqps:\/\/orders:[^@]+@b-[0-9a-f-]{36}\.mq\.us-east-1\.amazonaws\.com:5671\/orders$/,
        );
        expect(await pulumi.isSecret(broker.serviceUsers.orders.url)).toBe(true);
        expect(await pulumi.isSecret(broker.serviceUsers.orders.password)).toBe(true);
        expect(await pulumi.isSecret(broker.adminPassword)).toBe(true);
    });
});
