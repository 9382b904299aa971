import { TEST_ACCESS_ROUTE } from "../helpers";
import fc from "fast-check";
import { formatZodError } from "../../components/config/errors";
import { servicePortProblem, services, servicesSchema } from "../../components/config/services";
import { platformSchema } from "../../components/config/schema";
import { contextOf, runCheck, settingsOf } from "./checkHarness";

const web = (extra: Record<string, unknown> = {}) => ({ image: "app:1.0", ...extra });

describe("strata:services checks", () => {
    const [dependencies, capacity, podFits] = services.checks;

    describe("dependencies on other sections", () => {
        test.each([
            [
                "a known bucket and queue",
                { api: web({ buckets: { "user-data": "read" }, queues: { "workflow-tasks": "consume" } }) },
                {},
                [],
            ],
            [
                "an unknown bucket",
                { api: web({ buckets: { nope: "read" } }) },
                {},
                [
                    "services.api.buckets.nope: is not a bucket in strata:objectStore.buckets; known: user-data, audit-logs, workflow-results",
                ],
            ],
            [
                "an unknown queue when there are none",
                { api: web({ queues: { jobs: "produce" } }) },
                { queues: { queues: {} } },
                ["services.api.queues.jobs: is not a queue in strata:queues; known: (none)"],
            ],
            [
                "the database turned off",
                { api: web({ database: true }) },
                { database: { enabled: false } },
                ["services.api.database: is true, but strata:database is not enabled"],
            ],
            [
                "the cache turned off",
                { api: web({ cache: true }) },
                { cache: { enabled: false } },
                ["services.api.cache: is true, but strata:cache is not enabled"],
            ],
            [
                "a secret config key the stack does not set",
                { api: web({ secretEnv: { LLM_API_KEY: "app:llmApiKey" } }) },
                {},
                [
                    "services.api.secretEnv.LLM_API_KEY: the config key \"app:llmApiKey\" is not set; set it with 'pulumi config set --secret app:llmApiKey <value>'",
                ],
            ],
        ])("%s", (_what, svc, other, expected) => {
            expect(runCheck(dependencies, settingsOf("dev", { services: svc, ...other }))).toEqual(expected);
        });

        test("a secret config key the stack sets passes", () => {
            const settings = settingsOf("dev", { services: { api: web({ secretEnv: { LLM_API_KEY: "app:llmApiKey" } }) } });
            expect(runCheck(dependencies, settings, contextOf({ configKeys: ["app:llmApiKey"] }))).toEqual([]);
        });

        test("a service with buckets gets its IRSA role's name checked", () => {
            const settings = settingsOf("dev", { services: { api: web({ buckets: { "user-data": "read" } }) } });
            expect(runCheck(dependencies, settings, contextOf({ stack: "r".repeat(40) }))).toEqual([
                expect.stringMatching(/^services\.api: gives the iamRole name "strata-r{40}-svc-api-role-xxxxxxx"/),
            ]);
        });
    });

    describe("capacity", () => {
        test.each([
            ["no services", {}, {}, 0],
            ["one small service", { api: web() }, {}, 0],
            [
                "200 replicas of 1 vCPU on the dev pool (4 x t3.medium)",
                { api: web({ replicas: 200, resources: { requests: { cpu: "1" }, limits: { cpu: "1" } } }) },
                {},
                1,
            ],
            [
                "a pool of a family not modelled is not checked",
                { api: web({ replicas: 200 }) },
                { cluster: { nodeGroups: [{ name: "gpu", instanceTypes: ["g5.xlarge"], minSize: 1, maxSize: 2 }] } },
                0,
            ],
        ])("%s: %i problem(s)", (_what, svc, other, count) => {
            const problems = runCheck(capacity, settingsOf("dev", { services: svc, ...other }));
            expect(problems).toHaveLength(count);
            for (const p of problems)
                expect(p).toMatch(
                    /^services: at their minimum replicas the services \(plus cluster add-ons\) request .* raise a node group's maxSize/,
                );
        });
    });

    describe("one pod fits one node", () => {
        const big = { requests: { cpu: "3", memory: "1Gi" }, limits: { cpu: "4", memory: "2Gi" } };

        test.each([
            ["small requests", "dev", web(), 0],
            ["3 vCPU on t3.medium (1.75 allocatable)", "dev", web({ resources: big }), 1],
            ["3 vCPU on m6i.xlarge (3.75 allocatable)", "prod", web({ resources: big }), 0],
        ] as const)("%s: %i problem(s)", (_what, env, svc, count) => {
            const problems = runCheck(podFits, settingsOf(env, { services: { api: svc } }));
            expect(problems).toHaveLength(count);
            for (const p of problems)
                expect(p).toMatch(
                    /^services\.api\.resources\.requests: cpu 3 and memory 1Gi do not fit one node .*\(largest: t3a?\.medium, 1\.75 vCPU/,
                );
        });

        test("a spot service may use the tainted spot pool, others may not", () => {
            const huge = { requests: { cpu: "3500m", memory: "1Gi" }, limits: { cpu: "4", memory: "2Gi" } };
            const cluster = {
                nodeGroups: [
                    { name: "system", instanceTypes: ["t3.medium"], minSize: 1, maxSize: 3 },
                    {
                        name: "spot",
                        instanceTypes: ["m6i.xlarge"],
                        capacityType: "SPOT",
                        minSize: 0,
                        maxSize: 3,
                        taints: [{ key: "strata.io/spot", value: "true", effect: "NO_SCHEDULE" }],
                    },
                ],
            };
            expect(runCheck(podFits, settingsOf("dev", { cluster, services: { api: web({ resources: huge, spot: true }) } }))).toEqual([]);
            expect(runCheck(podFits, settingsOf("dev", { cluster, services: { api: web({ resources: huge }) } }))).toHaveLength(1);
        });
    });
});

describe("servicePort equals port (the EKS network policy agent matches ClusterIP calls against the container port)", () => {
    /** The problems the schema reports for one service `api`, as loadPlatformConfig writes them. */
    const problemsOf = (svc: Record<string, unknown>) => {
        const raw = { environment: "dev", cluster: { access: TEST_ACCESS_ROUTE }, services: { api: svc } };
        const parsed = platformSchema("dev").safeParse(raw);
        return parsed.success ? [] : formatZodError(parsed.error, raw);
    };

    test.each([
        ["unset", {}, []],
        ["equal to the default port", { servicePort: 8080 }, []],
        ["equal to a chosen port", { port: 9000, servicePort: 9000 }, []],
        [
            "80 in front of the default 8080",
            { servicePort: 80 },
            [
                "strata:services.api.servicePort: is 80, but a Service's port must equal the container port (port: 8080): the EKS network policy agent matches calls to the ClusterIP against the container port, so calls to port 80 would be dropped; allowed: unset (the Service listens on port) or 8080. Remove servicePort and call http://<name>.<namespace>:8080",
            ],
        ],
    ])("%s", (_what, extra, expected) => {
        const problems = problemsOf({ ...web(), ...extra });
        expect(problems).toEqual(expected);
    });

    test("the key is not kept in the settings: components read port only", () => {
        const parsed = servicesSchema("dev").parse({ api: web({ port: 9000, servicePort: 9000 }) });
        expect(Object.keys(parsed.api)).not.toContain("servicePort");
        expect(parsed.api.port).toBe(9000);
    });

    test("servicePortProblem: undefined exactly when unset or equal; otherwise names both numbers", () => {
        fc.assert(
            fc.property(
                fc.integer({ min: 1024, max: 65535 }),
                fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
                (port, sp) => {
                    const problem = servicePortProblem({ port, servicePort: sp });
                    if (sp === undefined || sp === port) return problem === undefined;
                    return problem !== undefined && problem.startsWith(`is ${sp}, `) && problem.includes(`(port: ${port})`);
                },
            ),
        );
    });
});
