import { mq } from "../../plan/mocks/mq";
import { mockContext } from "../../plan/mocks";

const mock = mq.resources!["aws:mq/broker:Broker"];
const ctx = mockContext("us-east-1", "strata", "prod");
const args = (inputs: Record<string, unknown>) =>
    ({ type: "aws:mq/broker:Broker", name: "b", inputs: { engineType: "RabbitMQ", brokerName: "x-broker", ...inputs } }) as never;

describe("aws:mq/broker mock", () => {
    test("id b-<uuid>, the amqps endpoint and console on the broker's host, three instances for a cluster", () => {
        const out = mock(
            args({ deploymentMode: "CLUSTER_MULTI_AZ", hostInstanceType: "mq.m7g.large", subnetIds: ["a", "b", "c"] }),
            ctx,
        ) as {
            id: string;
            state: { arn: string; instances: Array<{ consoleUrl: string; endpoints: string[] }> };
        };
        expect(out.id).toMatch(/^b-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        expect(out.state.arn).toBe(`arn:aws:mq:us-east-1:123456789012:broker:x-broker:${out.id}`);
        expect(out.state.instances).toHaveLength(3);
        expect(out.state.instances[0]).toEqual({
            consoleUrl: `https://${out.id}.mq.us-east-1.amazonaws.com`,
            endpoints: [`amqps://${out.id}.mq.us-east-1.amazonaws.com:5671`],
            ipAddress: "",
        });
    });

    test("refuses what CreateBroker refuses", () => {
        expect(() => mock(args({ deploymentMode: "SINGLE_INSTANCE", subnetIds: ["a", "b"] }), ctx)).toThrow(/exactly one subnet/);
        expect(() =>
            mock(args({ deploymentMode: "CLUSTER_MULTI_AZ", hostInstanceType: "mq.t3.micro", subnetIds: ["a", "b", "c"] }), ctx),
        ).toThrow(/CLUSTER_MULTI_AZ/);
        expect(() => mock(args({ subnetIds: ["a"], encryptionOptions: { useAwsOwnedKey: false, kmsKeyId: "k" } }), ctx)).toThrow(
            /AWS owned keys/,
        );
    });
});
