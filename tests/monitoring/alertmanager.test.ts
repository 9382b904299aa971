import YAML from "yaml";
import { alertmanagerConfig, alertmanagerConfigYaml } from "../../components/monitoring/alertmanager";

const routing = {
    groupWaitSeconds: 30,
    groupIntervalMinutes: 5,
    repeatIntervalHours: 4,
    snsSeverities: ["critical", "warning"] as const,
    receivers: {
        oncall: { type: "pagerduty" as const, secretKey: "strata:pagerdutyKey" },
        chat: { type: "slack" as const, secretKey: "strata:slackUrl", channel: "#alerts" },
    },
};
const TOPIC = "arn:aws:sns:us-east-1:123456789012:strata-prod-alerts";
const secrets = { "strata:pagerdutyKey": "pd-key", "strata:slackUrl": "https://hooks.slack.com/services/T/B/X" };

describe("alertmanagerConfig: routes by severity", () => {
    const c = alertmanagerConfig(routing, { region: "us-east-1", alertTopicArn: TOPIC, secrets });

    test("critical pages and goes to SNS; warning goes to chat and SNS", () => {
        const byName = Object.fromEntries(c.receivers.map((r) => [r.name, r]));
        expect(byName.critical.pagerduty_configs).toEqual([{ routing_key: "pd-key", severity: "critical", send_resolved: true }]);
        expect(byName.critical.sns_configs?.[0]).toMatchObject({ topic_arn: TOPIC, sigv4: { region: "us-east-1" } });
        expect(byName.critical.slack_configs).toBeUndefined();
        expect(byName.warning.slack_configs).toEqual([{ api_url: secrets["strata:slackUrl"], channel: "#alerts", send_resolved: true }]);
        expect(byName.warning.pagerduty_configs).toBeUndefined();
    });

    test("grouping, intervals, and the routes in order: silenced alerts first, then one route per severity", () => {
        expect(c.route).toMatchObject({
            receiver: "null",
            group_by: ["alertname", "namespace", "service"],
            group_wait: "30s",
            group_interval: "5m",
            repeat_interval: "4h",
        });
        expect(c.route.routes!.map((r) => [r.receiver, r.matchers])).toEqual([
            ["null", ['alertname="Watchdog"']],
            ["null", ['alertname="InfoInhibitor"']],
            ["critical", ['severity="critical"']],
            ["warning", ['severity="warning"']],
        ]);
    });

    test("a critical alert inhibits the warning of the same alert", () => {
        expect(c.inhibit_rules).toEqual([
            {
                source_matchers: ['severity="critical"'],
                target_matchers: ['severity="warning"'],
                equal: ["alertname", "namespace", "service"],
            },
        ]);
    });

    test("without a topic nothing goes to SNS, and a severity nobody takes routes to null", () => {
        const none = alertmanagerConfig({ ...routing, receivers: {} }, { region: "us-east-1", secrets: {} });
        expect(none.receivers).toEqual([{ name: "null" }]);
        expect(none.route.routes!.slice(-2).map((r) => r.receiver)).toEqual(["null", "null"]);
    });

    test("a receiver whose secret is missing fails loudly (config validation refuses it first)", () => {
        expect(() => alertmanagerConfig(routing, { region: "us-east-1", secrets: {} })).toThrow(/strata:(pagerdutyKey|slackUrl)/);
    });

    test("the YAML document parses back to the same configuration", () => {
        expect(YAML.parse(alertmanagerConfigYaml(c))).toEqual(JSON.parse(JSON.stringify(c)));
    });
});
