import type { ConfigError } from "../../components/config";
import { loadPlatformConfig } from "../../components/config";
import { isPinnedImage } from "../../components/config/services";
import { parseCpu, parseMemory } from "../../components/config/quantity";
import { READINESS_GATE_LABEL } from "../../components/service/namespace";
import { PRIVATE_RANGES } from "../../components/service/networkPolicy";
import { configProblems, inputs, ofType, one, planOf, planOfFile, tempStackFile, TEST_ACCESS_ROUTE, TEST_DEPLOYER_ARN } from "../helpers";
import type { PlanDocument } from "../../plan";

const WEB = { image: "hashicorp/http-echo:1.0.0", args: ["-listen=:8080"] };

function problems(services: unknown, extra: Record<string, string> = {}, env = "dev"): string[] {
    return configProblems({ "strata:environment": env, "strata:services": services, ...extra });
}

describe("strata:services validation", () => {
    test("a valid service passes, with per-environment defaults", () => {
        expect(problems({ api: WEB })).toEqual([]);
        const cfg = loadPlatformConfig(
            {
                "aws:region": "us-east-1",
                "strata:environment": "prod",
                "strata:cluster": JSON.stringify({ deployerPrincipalArn: TEST_DEPLOYER_ARN, access: TEST_ACCESS_ROUTE }),
                "strata:services": JSON.stringify({ api: WEB }),
            },
            { project: "strata", stack: "prod" },
        );
        expect(cfg.services.api.replicas).toBe(3);
        expect(cfg.services.api.resources.limits).toEqual({ cpu: "1000m", memory: "1Gi" });
    });

    test("images must be pinned: the error names the key, the value and what is allowed", () => {
        expect(problems({ gateway: { image: "nginx:latest" } })).toEqual([
            'strata:services.gateway.image: "nginx:latest" is not pinned: it uses the tag "latest"; use a tag other than latest or a digest',
        ]);
        expect(problems({ gateway: { image: "nginx" } })[0]).toMatch(/^strata:services\.gateway\.image: "nginx" is not pinned/);
        expect(problems({ gateway: { image: "registry:5000/team/app" } })[0]).toMatch(/is not pinned/);
        expect(isPinnedImage("registry:5000/team/app:1.2.3")).toBe(true);
        expect(isPinnedImage(`app@sha256:${"a".repeat(64)}`)).toBe(true);
    });

    test("min <= max replicas, requests <= limits (parsed quantities), valid ports", () => {
        expect(problems({ api: { ...WEB, autoscaling: { minReplicas: 5, maxReplicas: 2 } } })).toEqual([
            "strata:services.api.autoscaling.minReplicas: is 5, more than maxReplicas (2); minReplicas must be <= maxReplicas",
        ]);
        expect(
            problems({ api: { ...WEB, resources: { requests: { cpu: "2", memory: "1Gi" }, limits: { cpu: "1500m", memory: "1024Mi" } } } }),
        ).toEqual(['strata:services.api.resources.requests.cpu: "2" is more than the limit "1500m"; requests must be <= limits']);
        expect(problems({ api: { ...WEB, resources: { requests: { memory: "1.5Gi" }, limits: { memory: "1Gi" } } } })[0]).toMatch(
            /requests\.memory: "1\.5Gi" is more than the limit "1Gi"/,
        );
        expect(problems({ api: { ...WEB, resources: { requests: { cpu: "lots" } } } })[0]).toMatch(
            /^strata:services\.api\.resources\.requests\.cpu: "lots" is not a CPU quantity/,
        );
        expect(problems({ api: { ...WEB, port: 80 } })[0]).toMatch(/^strata:services\.api\.port: 80 is a privileged port/);
        expect(problems({ api: { ...WEB, port: 70000 } })[0]).toMatch(/^strata:services\.api\.port: 70000 is too large/);
    });

    test("names: DNS labels; dependencies must exist", () => {
        expect(problems({ Bad_Name: WEB })[0]).toMatch(/^strata:services\.Bad_Name: "Bad_Name" is not a service name/);
        expect(problems({ api: { ...WEB, calls: ["nope"] } })).toEqual([
            'strata:services.api.calls: "nope" is not a service in strata:services; known: api',
        ]);
        expect(problems({ api: { ...WEB, buckets: { nope: "read" } } })[0]).toMatch(
            /^strata:services\.api\.buckets\.nope: is not a bucket in strata:objectStore\.buckets; known: user-data, audit-logs, workflow-results/,
        );
        expect(problems({ api: { ...WEB, queues: { nope: "consume" } } })[0]).toMatch(
            /^strata:services\.api\.queues\.nope: is not a queue in strata:queues; known: workflow-tasks/,
        );
        expect(problems({ api: { ...WEB, database: true } }, { "strata:database": JSON.stringify({ enabled: false }) })).toEqual([
            "strata:services.api.database: is true, but strata:database is not enabled",
        ]);
        expect(problems({ api: { ...WEB, cache: true } }, { "strata:cache": JSON.stringify({ enabled: false }) })).toEqual([
            "strata:services.api.cache: is true, but strata:cache is not enabled",
        ]);
        expect(
            problems({
                w: { kind: "worker", image: "busybox:1.36.1", probes: { liveness: { exec: ["true"] }, readiness: { exec: ["true"] } } },
                api: { ...WEB, calls: ["w"] },
            })[0],
        ).toMatch(/calls: "w" is a worker: it has no Service to call/);
    });

    test("workers need exec probes and cannot have an ingress; ingress needs host and certificate together", () => {
        expect(problems({ w: { kind: "worker", image: "busybox:1.36.1" } })).toEqual([
            'strata:services.w.probes.liveness: workers need an exec liveness probe (for example ["celery", "-A", "app", "inspect", "ping"])',
            'strata:services.w.probes.readiness: workers need an exec readiness probe (for example ["celery", "-A", "app", "inspect", "ping"])',
        ]);
        expect(problems({ api: { ...WEB, ingress: { host: "app.example.com" } } })[0]).toMatch(
            /^strata:services\.api\.ingress: needs both host and certificateArn/,
        );
    });

    test("one pod must fit one node of a pool it can run on (else it stays Pending whatever the autoscaler does)", () => {
        // dev: t3.medium / t3a.medium, 1.75 vCPU and 2.75 GiB allocatable each.
        expect(
            problems({ api: { ...WEB, resources: { requests: { cpu: "2", memory: "1Gi" }, limits: { cpu: "2", memory: "1Gi" } } } }),
        ).toEqual([
            "strata:services.api.resources.requests: cpu 2 and memory 1Gi do not fit one node of the node groups this service can run on (largest: t3.medium, 1.75 vCPU and 2.8 GiB allocatable); its pods would stay Pending: lower the requests or add a larger instance type",
        ]);
        expect(
            problems({ api: { ...WEB, resources: { requests: { cpu: "1", memory: "2Gi" }, limits: { cpu: "1", memory: "2Gi" } } } }),
        ).toEqual([]);
        // A pool tainted for spot counts only for spot services.
        const pools = {
            "strata:cluster": JSON.stringify({
                nodeGroups: [
                    { name: "system", instanceTypes: ["t3.medium"], minSize: 1, maxSize: 4 },
                    {
                        name: "workers",
                        instanceTypes: ["m6i.xlarge"],
                        capacityType: "SPOT",
                        minSize: 0,
                        maxSize: 4,
                        taints: [{ key: "strata.io/spot", value: "true", effect: "NO_SCHEDULE" }],
                    },
                ],
            }),
        };
        const big = { resources: { requests: { cpu: "3", memory: "4Gi" }, limits: { cpu: "3", memory: "4Gi" } } };
        expect(problems({ api: { ...WEB, ...big } }, pools)[0]).toMatch(
            /^strata:services\.api\.resources\.requests: cpu 3 and memory 4Gi do not fit one node/,
        );
        expect(problems({ api: { ...WEB, ...big, spot: true } }, pools)).toEqual([]);
    });

    test("credentials never go into plain env", () => {
        expect(problems({ api: { ...WEB, env: { DB_PASSWORD: "hunter2" } } })[0]).toMatch(
            /^strata:services\.api\.env\.DB_PASSWORD: looks like a credential/,
        );
        expect(problems({ api: { ...WEB, env: { DATABASE_URL: "x" } } })[0]).toMatch(
            /^strata:services\.api\.env\.DATABASE_URL: is set by Strata/,
        );
    });

    test("strata:waf: evaluation window is one WAF accepts", () => {
        const p = (() => {
            try {
                loadPlatformConfig(
                    {
                        "aws:region": "us-east-1",
                        "strata:environment": "dev",
                        "strata:cluster": JSON.stringify({ deployerPrincipalArn: TEST_DEPLOYER_ARN, access: TEST_ACCESS_ROUTE }),
                        "strata:waf": JSON.stringify({ evaluationWindowSec: 90 }),
                    },
                    { project: "strata", stack: "dev" },
                );
                return [];
            } catch (err) {
                return (err as ConfigError).problems;
            }
        })();
        expect(p).toEqual([
            "strata:waf.evaluationWindowSec: 90 is not a WAF rate-based evaluation window; allowed: 60, 120, 300, 600 (seconds)",
        ]);
    });
});

test("quantities", () => {
    expect(parseCpu("250m")).toBe(250);
    expect(parseCpu("1.5")).toBe(1500);
    expect(parseMemory("1.5Gi")).toBe(1.5 * 2 ** 30);
    expect(parseMemory("1G")).toBe(1e9);
});

// The decisions (security context, probes, NetworkPolicy rules, Ingress annotations, HPA behaviour, budgets) are
// tested on their specs in tests/service/*.test.ts; these tests check the wiring: what reaches the plan, from config.
describe("Service objects in the prod plan (root prod stack)", () => {
    let plan: PlanDocument;
    beforeAll(async () => {
        plan = await planOf("prod");
    });
    const byName = (type: string, name: string) => ofType(plan, type).find((r) => inputs(r).metadata?.name === name)!;

    test("worker: no Service, no Ingress, exec probes, ingress denied, spot toleration", () => {
        expect(byName("kubernetes:core/v1:Service", "workflow-worker")).toBeUndefined();
        const pod = inputs(byName("kubernetes:apps/v1:Deployment", "workflow-worker")).spec.template.spec;
        expect(pod.containers[0].livenessProbe.exec.command).toEqual(["sh", "-c", "test -d /proc/1"]);
        expect(pod.tolerations).toEqual([{ key: "strata.io/spot", operator: "Equal", value: "true", effect: "NoSchedule" }]);
        const np = inputs(byName("kubernetes:networking.k8s.io/v1:NetworkPolicy", "workflow-worker"));
        expect(np.spec.ingress).toEqual([]);
    });

    test("NetworkPolicy egress: DNS, callees, data stores on their ports in the isolated subnets, AWS APIs over 443", () => {
        const np = inputs(byName("kubernetes:networking.k8s.io/v1:NetworkPolicy", "workflow-worker"));
        type Peer = { ipBlock: { cidr: string }; podSelector: { matchLabels: Record<string, string> } };
        const rules = np.spec.egress as Array<{ to: Peer[]; ports: Array<{ port: number }> }>;
        const isolated = ["10.0.33.0/24", "10.0.97.0/24", "10.0.161.0/24"]; // awsx Auto layout of 10.0.0.0/16, 3 AZs
        const db = rules.find((r) => r.ports[0].port === 5432)!;
        expect(db.to.map((t) => t.ipBlock.cidr)).toEqual(isolated);
        const redis = rules.find((r) => r.ports[0].port === 6379)!;
        expect(redis.to.map((t) => t.ipBlock.cidr)).toEqual(isolated);
        const https = rules.find((r) => r.ports[0].port === 443)!;
        expect(https.to).toEqual([{ ipBlock: { cidr: "10.0.0.0/16" } }, { ipBlock: { cidr: "0.0.0.0/0", except: PRIVATE_RANGES } }]);
        // Peers by service name label: the callees (the tracing routers are selected by the chart's labels).
        const peers = rules.filter((r) => r.to[0].podSelector).map((r) => r.to[0].podSelector.matchLabels);
        const callees = peers.filter((l) => l["app.kubernetes.io/instance"] === undefined).map((l) => l["app.kubernetes.io/name"]);
        expect(callees.sort()).toEqual(["agent", "validation"]);
        expect(peers.filter((l) => l["app.kubernetes.io/instance"] === "otel-router")).toHaveLength(1);
        // A service without AWS or external hosts gets no 443 at all.
        const val = inputs(byName("kubernetes:networking.k8s.io/v1:NetworkPolicy", "validation"));
        expect(val.spec.egress.some((r: { ports: Array<{ port: number }> }) => r.ports[0].port === 443)).toBe(false);
        // ... and admits only its declared callers.
        const from = val.spec.ingress
            .flatMap((r: { from: Peer[] }) => r.from)
            .map((f: Peer) => f.podSelector.matchLabels["app.kubernetes.io/name"]);
        expect(from.sort()).toEqual(["gateway", "workflow-worker"]);
    });

    test("connection details only where declared: DATABASE_URL / REDIS_URL in the Secret, bucket and queue names in the ConfigMap", () => {
        const cmOf = (svc: string) => ofType(plan, "kubernetes:core/v1:ConfigMap").find((r) => r.name.endsWith(`-svc-${svc}-env`))!;
        const worker = inputs(cmOf("workflow-worker")).data;
        expect(worker.BUCKET_WORKFLOW_RESULTS).toMatch(/workflow-results/);
        expect(worker.QUEUE_WORKFLOW_TASKS_URL).toMatch(/^https:\/\/sqs\./);
        expect(worker.AWS_REGION).toBe("us-east-1");
        expect(worker.AGENT_URL).toBe("http://agent.strata.svc.cluster.local:8080"); // Service port = container port
        expect(inputs(cmOf("agent")).data.BUCKET_USER_DATA).toBeUndefined();
        expect(ofType(plan, "kubernetes:core/v1:Secret").find((r) => r.name.endsWith("-svc-web-secret"))).toBeUndefined();
        const dbSecret = ofType(plan, "kubernetes:core/v1:Secret").find((r) => r.name.endsWith("-svc-validation-secret"))!;
        expect(inputs(dbSecret).stringData).toBe("[secret]");
    });

    test("ServiceAccount: IRSA role annotation only with AWS access; role policy has exactly the declared buckets", () => {
        expect(inputs(byName("kubernetes:core/v1:ServiceAccount", "validation")).metadata.annotations).toEqual({});
        expect(inputs(byName("kubernetes:core/v1:ServiceAccount", "export")).metadata.annotations["eks.amazonaws.com/role-arn"]).toMatch(
            /^arn:aws:iam::123456789012:role\//,
        );
        const policy = JSON.parse(
            inputs(plan.resources.find((r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.name === "strata-prod-svc-export-role")!)
                .policy,
        );
        const buckets = plan.outputs.buckets as Record<string, { arn: string }>;
        const sids = Object.fromEntries(policy.Statement.map((s: { Sid: string; Resource: unknown }) => [s.Sid, s.Resource]));
        expect(Object.keys(sids).sort()).toEqual(["DataKeyThroughS3AndSqs", "ListDeclaredBuckets", "ReadDeclaredBuckets"]);
        expect([...sids.ListDeclaredBuckets].sort()).toEqual([buckets["user-data"].arn, buckets["workflow-results"].arn].sort());
        const worker = JSON.parse(
            inputs(
                plan.resources.find(
                    (r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.name === "strata-prod-svc-workflow-worker-role",
                )!,
            ).policy,
        );
        const consume = worker.Statement.find((s: { Sid: string }) => s.Sid === "ConsumeDeclaredQueues");
        expect(consume.Resource).toEqual([(plan.outputs.queues as Record<string, { arn: string }>)["workflow-tasks"].arn]);
        expect(worker.Statement.find((s: { Sid: string }) => s.Sid === "ProduceToDeclaredQueues")).toBeUndefined();
    });

    test("HPA autoscaling/v2 with CPU and memory targets and behaviour; PDB where replicas allow; Deployment waits for its role", () => {
        const hpa = inputs(byName("kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "gateway"));
        expect([hpa.spec.minReplicas, hpa.spec.maxReplicas]).toEqual([3, 20]);
        expect(hpa.spec.scaleTargetRef.name).toBe("gateway");
        expect(
            byName("kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "gateway").dependencies.some(
                (u) => u.includes("apps/v1:Deployment") && u.endsWith("::strata-prod-svc-gateway-deployment"),
            ),
        ).toBe(true);
        expect(inputs(byName("kubernetes:policy/v1:PodDisruptionBudget", "gateway")).spec.maxUnavailable).toBe(1);
        const dep = byName("kubernetes:apps/v1:Deployment", "export");
        expect(dep.options.ignoreChanges).toEqual(["spec.replicas"]);
        expect(dep.dependencies.some((u) => u.endsWith("::strata-prod-svc-export-role") && u.includes("RolePolicy"))).toBe(true);
    });

    test("scheduling and shutdown: zone spread is a preference (multi-AZ node groups), web pods drain before SIGTERM", () => {
        for (const d of ofType(plan, "kubernetes:apps/v1:Deployment")) {
            const pod = inputs(d).spec.template.spec;
            const zone = pod.topologySpreadConstraints.find(
                (c: { topologyKey: string }) => c.topologyKey === "topology.kubernetes.io/zone",
            );
            // DoNotSchedule would leave pods Pending when their zone is full: the cluster autoscaler cannot pick the AZ
            // of a node group that spans all of them.
            expect({ deployment: d.name, whenUnsatisfiable: zone.whenUnsatisfiable }).toEqual({
                deployment: d.name,
                whenUnsatisfiable: "ScheduleAnyway",
            });
            const c = pod.containers[0];
            if (c.ports) {
                // The ALB and kube-proxy stop sending only after the pod is terminating: keep serving a while first.
                expect(c.lifecycle.preStop).toEqual({ sleep: { seconds: 10 } });
                expect(c.lifecycle.preStop.sleep.seconds).toBeLessThan(pod.terminationGracePeriodSeconds);
            } else {
                expect(c.lifecycle).toBeUndefined();
            }
        }
    });

    test("no Ingress, no readiness gate: pods do not depend on the controller's webhook", () => {
        for (const ns of ofType(plan, "kubernetes:core/v1:Namespace"))
            expect(inputs(ns).metadata.labels[READINESS_GATE_LABEL]).toBeUndefined();
        const dep = byName("kubernetes:apps/v1:Deployment", "gateway");
        expect(dep.dependencies.some((u) => u.includes("lb-controller"))).toBe(false);
    });

    test("Services wait for the load balancer controller; no Ingress without host and certificate", () => {
        const svc = ofType(plan, "kubernetes:core/v1:Service").find((r) => inputs(r).metadata.name === "gateway")!;
        expect(svc.dependencies.some((u) => u.includes("kubernetes:helm.sh/v3:Release") && u.includes("lb-controller"))).toBe(true);
        expect(ofType(plan, "kubernetes:networking.k8s.io/v1:Ingress")).toEqual([]);
    });

    test("WAF: regional web ACL, managed rules, rate rule from config, logging to aws-waf-logs-*", () => {
        const acl = inputs(one(plan, "aws:wafv2/webAcl:WebAcl"));
        expect(acl.scope).toBe("REGIONAL");
        expect(acl.defaultAction).toEqual({ allow: {} });
        const names = acl.rules.map((r: { name: string }) => r.name);
        expect(names).toEqual([
            "RatePerClientIp",
            "AWSManagedRulesCommonRuleSet",
            "AWSManagedRulesKnownBadInputsRuleSet",
            "AWSManagedRulesSQLiRuleSet",
        ]);
        expect(acl.rules[0].statement.rateBasedStatement).toEqual({ limit: 100, evaluationWindowSec: 60, aggregateKeyType: "IP" });
        for (const r of acl.rules) expect(r.visibilityConfig.cloudwatchMetricsEnabled).toBe(true);
        const group = ofType(plan, "aws:cloudwatch/logGroup:LogGroup").find((g) => String(inputs(g).name).startsWith("aws-waf-logs-"))!;
        expect(inputs(group).name).toBe("aws-waf-logs-strata-prod");
        expect(inputs(group).kmsKeyId).toMatch(/^arn:aws:kms:/);
        const logging = inputs(one(plan, "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration"));
        expect(logging.logDestinationConfigs).toEqual([expect.stringContaining("log-group:aws-waf-logs-strata-prod")]);
    });
});

test("Ingress: created with host + certificate, HTTPS only, TLS 1.3 policy, WAF attached, shared ALB group; admits the public subnets", async () => {
    const file = tempStackFile(
        "prod",
        `config:
  aws:region: us-east-1
  strata:environment: prod
  strata:name: shop
  strata:services:
    web:
      image: nginxinc/nginx-unprivileged:1.27-alpine
      runAsUser: 101
      probes: { liveness: { path: / }, readiness: { path: /healthz } }
      ingress: { host: shop.example.com, certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666", paths: [/] }
`,
    );
    const plan = await planOfFile(file);
    const ing = one(plan, "kubernetes:networking.k8s.io/v1:Ingress");
    const a = inputs(ing).metadata.annotations;
    expect(inputs(ing).spec.ingressClassName).toBe("alb");
    expect(a["alb.ingress.kubernetes.io/group.name"]).toBe("shop-prod-shop");
    expect(a["alb.ingress.kubernetes.io/healthcheck-path"]).toBe("/healthz");
    // prod's protection preset keeps the ALB from being deleted.
    expect(a["alb.ingress.kubernetes.io/load-balancer-attributes"]).toContain("deletion_protection.enabled=true");
    // Access logs to the stack's access-log bucket, under alb/<group>/, once its policy admits ELB.
    expect(a["alb.ingress.kubernetes.io/load-balancer-attributes"]).toMatch(
        /access_logs\.s3\.bucket=shop-prod-access-logs-[0-9a-f]{7},access_logs\.s3\.prefix=alb\/shop-prod-shop$/,
    );
    expect(ing.dependencies.some((u) => u.endsWith("aws:s3/bucketPolicy:BucketPolicy::shop-prod-access-logs"))).toBe(true);
    expect(a["alb.ingress.kubernetes.io/wafv2-acl-arn"]).toMatch(/^arn:aws:wafv2:us-east-1:123456789012:regional\/webacl\//);
    expect(inputs(ing).spec.rules[0].host).toBe("shop.example.com");
    expect(ing.dependencies.some((u) => u.includes("lb-controller"))).toBe(true);
    const np = inputs(ofType(plan, "kubernetes:networking.k8s.io/v1:NetworkPolicy").find((r) => inputs(r).metadata.name === "web")!);
    expect(np.spec.ingress[0].from.map((f: { ipBlock: { cidr: string } }) => f.ipBlock.cidr)).toEqual([
        "10.0.32.0/24",
        "10.0.96.0/24",
        "10.0.160.0/24",
    ]);
    expect(np.spec.ingress[0].ports).toEqual([{ protocol: "TCP", port: 8080 }]);
    // target type ip: the controller's readiness gate keeps old pods until the new ones are healthy ALB targets, and
    // the pods of that namespace are created through its webhook, so the Deployment waits for the controller.
    const namespaces = ofType(plan, "kubernetes:core/v1:Namespace").filter(
        (r) => !["monitoring", "tracing"].includes(String((r.inputs.metadata as { name?: string })?.name)),
    );
    expect(namespaces).toHaveLength(1);
    const ns = namespaces[0];
    expect(inputs(ns).metadata.labels[READINESS_GATE_LABEL]).toBe("enabled");
    const dep = ofType(plan, "kubernetes:apps/v1:Deployment").find((r) => inputs(r).metadata.name === "web")!;
    expect(dep.dependencies.some((u) => u.includes("kubernetes:helm.sh/v3:Release") && u.includes("lb-controller"))).toBe(true);
});

test("Ingresses sharing an ALB: the more specific paths are evaluated first, whatever the services' names", async () => {
    const cert = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666";
    const file = tempStackFile(
        "dev",
        `config:
  aws:region: us-east-1
  strata:environment: dev
  strata:name: shop
  strata:services:
    app:
      image: nginxinc/nginx-unprivileged:1.27-alpine
      runAsUser: 101
      probes: { liveness: { path: / }, readiness: { path: / } }
      ingress: { host: shop.example.com, certificateArn: "${cert}", paths: [/] }
    zapi:
      image: hashicorp/http-echo:1.0.0
      args: ["-listen=:8080", "-text=api"]
      ingress: { host: shop.example.com, certificateArn: "${cert}", paths: [/api/v1, /api/] }
`,
    );
    const plan = await planOfFile(file);
    const order = (svc: string) =>
        Number(
            inputs(ofType(plan, "kubernetes:networking.k8s.io/v1:Ingress").find((r) => inputs(r).metadata.name === svc)!).metadata
                .annotations["alb.ingress.kubernetes.io/group.order"],
        );
    // Same group, lower order first: without it the controller would order them by name and "/" (app) would take /api.
    expect(order("zapi")).toBeLessThan(order("app"));
    expect(order("app")).toBe(0);
    for (const svc of ["app", "zapi"]) expect(Math.abs(order(svc))).toBeLessThanOrEqual(1000);
});

describe("secretEnv: values from secret stack config, secret end to end", () => {
    const service = {
        agent: {
            ...WEB,
            port: 8080,
            secretEnv: { LLM_API_KEY: "visa:llmApiKey" },
            resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
        },
    };

    test("a secretEnv key the stack does not set fails validation, before anything is registered", () => {
        expect(problems(service)).toEqual([
            `strata:services.agent.secretEnv.LLM_API_KEY: the config key "visa:llmApiKey" is not set; set it with 'pulumi config set --secret visa:llmApiKey <value>'`,
        ]);
    });

    test("a secure stack value reaches the service's Secret as a secret", async () => {
        const yaml = [
            "config:",
            "  aws:region: us-east-1",
            "  strata:environment: dev",
            "  visa:llmApiKey:",
            "    secure: v1:AAAABBBBCCCCdddd",
            `  strata:services: ${JSON.stringify(service)}`,
        ].join("\n");
        const plan = await planOfFile(tempStackFile("dev", yaml));
        const secret = ofType(plan, "kubernetes:core/v1:Secret").find((r) => r.name.endsWith("-svc-agent-secret"))!;
        expect(inputs(secret).stringData).toBe("[secret]");
        expect(JSON.stringify(plan)).not.toContain("plan-placeholder-secret-value");
    });
});
