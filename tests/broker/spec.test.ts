import {
    BROKER_IGNORE_CHANGES,
    BROKER_PASSWORD_SPECIALS,
    brokerLogResourcePolicy,
    brokerSettings,
    brokerSubnetIds,
    brokerUrl,
    endpointHost,
    managementCalls,
    userJobScript,
} from "../../components/broker";
import { userJobName, userJobNetworkPolicySpec, userJobSpec } from "../../components/broker/userJob";
import { brokerCombinationProblem, RABBITMQ_VERSIONS } from "../../components/catalogue/mq";
import { configProblems, loadConfig } from "../helpers";

describe("broker catalogue", () => {
    test("3.12 is gone; 4.2 runs on mq.m7g only; 3.13 also on mq.t3 and mq.m5", () => {
        expect(Object.keys(RABBITMQ_VERSIONS).sort()).toEqual(["3.13", "4.2"]);
        expect(brokerCombinationProblem("4.2", "mq.m5.large", "SINGLE_INSTANCE")).toMatch(/does not run on mq.m5.large/);
        expect(brokerCombinationProblem("3.13", "mq.m5.large", "CLUSTER_MULTI_AZ")).toBeUndefined();
        expect(brokerCombinationProblem("3.13", "mq.t3.micro", "CLUSTER_MULTI_AZ")).toMatch(/single-instance brokers only/);
        expect(brokerCombinationProblem("4.2", "mq.m7g.large", "CLUSTER_MULTI_AZ")).toBeUndefined();
    });
});

describe("strata:broker config", () => {
    test("off by default; single instance in dev, cluster in staging and prod", () => {
        expect(loadConfig({}).broker.enabled).toBe(false);
        expect(loadConfig({ "strata:broker": { enabled: true } }).broker).toMatchObject({
            deploymentMode: "SINGLE_INSTANCE",
            engineVersion: "4.2",
        });
        for (const env of ["staging", "prod"])
            expect(loadConfig({ "strata:environment": env, "strata:broker": { enabled: true } }).broker.deploymentMode).toBe(
                "CLUSTER_MULTI_AZ",
            );
    });

    test("an unsupported version, type or combination is refused by key", () => {
        expect(configProblems({ "strata:broker": { enabled: true, engineVersion: "3.12" } }).join("\n")).toMatch(
            /strata:broker\.engineVersion.*3\.12.*allowed: 3\.13, 4\.2/,
        );
        expect(configProblems({ "strata:broker": { enabled: true, instanceType: "mq.m5.large" } }).join("\n")).toMatch(
            /strata:broker\.instanceType.*RabbitMQ 4\.2 does not run on mq\.m5\.large/,
        );
        expect(
            configProblems({ "strata:environment": "prod", "strata:broker": { enabled: true, instanceType: "mq.m7g.medium" } }).join("\n"),
        ).toMatch(/strata:broker\.instanceType.*single-instance brokers only/);
    });

    test("a service may declare broker: true only with the broker enabled", () => {
        const svc = { web: { image: "nginx:1.27.0", broker: true } };
        expect(configProblems({ "strata:services": svc }).join("\n")).toMatch(/strata:services\.web\.broker.*strata:broker is not enabled/);
        expect(configProblems({ "strata:services": svc, "strata:broker": { enabled: true } })).toEqual([]);
    });
});

describe("broker spec", () => {
    test("RabbitMQ, private, AWS-owned key, general logs, minor upgrades, UTC window", () => {
        const cfg = loadConfig({
            "strata:broker": { enabled: true, maintenanceWindow: { dayOfWeek: "MONDAY", timeOfDay: "03:30" } },
        }).broker;
        expect(brokerSettings(cfg)).toEqual({
            engineType: "RabbitMQ",
            engineVersion: "4.2",
            hostInstanceType: "mq.m7g.medium",
            deploymentMode: "SINGLE_INSTANCE",
            publiclyAccessible: false,
            autoMinorVersionUpgrade: true,
            authenticationStrategy: "simple",
            encryptionOptions: { useAwsOwnedKey: true },
            logs: { general: true },
            maintenanceWindowStartTime: { dayOfWeek: "MONDAY", timeOfDay: "03:30", timeZone: "UTC" },
            applyImmediately: false,
        });
        expect(BROKER_IGNORE_CHANGES).toEqual(["users"]);
    });

    test("one subnet for a single instance, all for a cluster", () => {
        expect(brokerSubnetIds("SINGLE_INSTANCE", ["a", "b", "c"])).toEqual(["a"]);
        expect(brokerSubnetIds("CLUSTER_MULTI_AZ", ["a", "b", "c"])).toEqual(["a", "b", "c"]);
    });

    test("passwords never contain what Amazon MQ refuses (commas, colons, equals) or needs escaping", () => {
        expect(BROKER_PASSWORD_SPECIALS).not.toMatch(/[,:="'\\]/);
    });

    test("BROKER_URL: amqps on 5671, user, password and vhost percent-encoded", () => {
        expect(brokerUrl({ username: "orders", password: "a@b#c/d%", host: "b-1.mq.us-east-1.amazonaws.com", vhost: "orders" })).toBe(
            "amqps://orders:a%40b%23c%2Fd%25@b-1.mq.us-east-1.amazonaws.com:5671/orders",
        );
        expect(endpointHost("amqps://b-1.mq.us-east-1.amazonaws.com:5671")).toBe("b-1.mq.us-east-1.amazonaws.com");
    });

    test("the Job's calls: vhost, user, then permissions on its own vhost only", () => {
        const calls = managementCalls({ username: "orders", vhost: "orders" });
        expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
            "PUT /api/vhosts/orders",
            "PUT /api/users/orders",
            "PUT /api/permissions/orders/orders",
        ]);
        expect(calls[1].body).toEqual({ password: "$USER_PASSWORD", tags: "" });
        const script = userJobScript(calls);
        expect(script).toContain('-u "$ADMIN_USERNAME:$ADMIN_PASSWORD"');
        expect(script).toContain('"$BROKER_CONSOLE/api/permissions/orders/orders"');
        expect(
            script
                .split("\n")
                .filter((l) => l.startsWith("curl"))
                .every((l) => l.includes("--fail-with-body")),
        ).toBe(true);
    });

    test("the Job: named by content, restricted, environment from the Secret, HTTPS to the broker subnets only", () => {
        expect(userJobName("orders", "s1")).toMatch(/^orders-mq-users-[0-9a-f]{8}$/);
        expect(userJobName("orders", "s1")).not.toBe(userJobName("orders", "s2"));
        const spec = userJobSpec("orders", "s1");
        const c = spec.template.spec.containers[0];
        expect(c.image).toMatch(/^curlimages\/curl:\d+\.\d+\.\d+$/);
        expect(c.envFrom).toEqual([{ secretRef: { name: "s1" } }]);
        expect(c.securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } });
        const np = userJobNetworkPolicySpec("orders", ["10.0.33.0/24"]);
        expect(np.ingress).toEqual([]);
        expect(np.egress[1]).toEqual({ to: [{ ipBlock: { cidr: "10.0.33.0/24" } }], ports: [{ protocol: "TCP", port: 443 }] });
    });

    test("CloudWatch Logs lets mq.amazonaws.com write under /aws/amazonmq/ of this account only", () => {
        const p = brokerLogResourcePolicy("aws", "us-east-1", "123456789012");
        expect(p.Statement[0]).toMatchObject({
            Principal: { Service: "mq.amazonaws.com" },
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: "arn:aws:logs:us-east-1:123456789012:log-group:/aws/amazonmq/*",
        });
    });
});
