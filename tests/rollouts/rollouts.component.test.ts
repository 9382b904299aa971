import { Rollouts } from "../../components/rollouts";
import { render } from "../../plan";
import { platformWorkloads } from "../../plan/platformWorkloads";
import { fakeIdentity } from "../fakeIdentity";
import { configProblems, loadConfig } from "../helpers";

type Values = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function renderRollouts(environment: string, rollouts: Record<string, unknown> = {}) {
    const cfg = loadConfig({ "strata:environment": environment, "strata:rollouts": rollouts });
    return render(
        ({ awsProvider, kubernetesProvider }) =>
            new Rollouts(
                cfg.naming.name("rollouts"),
                {
                    naming: cfg.naming,
                    environment: cfg.environment,
                    protection: cfg.protection,
                    defaultTags: cfg.defaultTags,
                    ...cfg.rollouts,
                    region: "eu-west-1",
                    identity: fakeIdentity,
                    clusterReady: [],
                },
                { providers: { aws: awsProvider(), kubernetes: kubernetesProvider() } },
            ),
        { stack: environment },
    );
}

test("prod: the pinned argo-rollouts chart in a restricted namespace, two controllers, target groups verified through a read-only role", async () => {
    const r = await renderRollouts("prod");
    const ns = r.one("kubernetes:core/v1:Namespace");
    expect(ns.inputs.metadata).toMatchObject({ name: "argo-rollouts", labels: { "pod-security.kubernetes.io/enforce": "restricted" } });
    const release = r.one("kubernetes:helm.sh/v3:Release");
    expect(release.inputs).toMatchObject({
        name: "argo-rollouts",
        chart: "argo-rollouts",
        version: "2.41.0",
        repositoryOpts: { repo: "https://argoproj.github.io/argo-helm" },
        namespace: "argo-rollouts",
        createNamespace: false,
        atomic: true,
    });
    expect(release.dependencies).toContain(ns.urn);
    const v = release.inputs.values as Values;
    expect(v.installCRDs).toBe(true);
    expect(v.keepCRDs).toBe(true);
    expect(v.controller).toMatchObject({
        replicas: 2,
        awsVerifyTargetGroup: true,
        extraEnv: [{ name: "AWS_REGION", value: "eu-west-1" }],
        pdb: { enabled: true },
    });
    const role = r.one("aws:iam/role:Role");
    expect(v.serviceAccount).toEqual({
        create: true,
        name: "argo-rollouts",
        annotations: { "eks.amazonaws.com/role-arn": expect.stringMatching(/^arn:aws:iam::\d{12}:role\//) },
    });
    expect(JSON.parse(String(role.inputs.assumeRolePolicy))).toEqual({ sa: "argo-rollouts/argo-rollouts" });
    const statements = JSON.parse(String((role.inputs.inlinePolicies as Array<{ policy: string }>)[0].policy)).Statement;
    expect(statements).toEqual([
        {
            Sid: "VerifyTargetGroups",
            Effect: "Allow",
            Action: [
                "elasticloadbalancing:DescribeTargetGroups",
                "elasticloadbalancing:DescribeLoadBalancers",
                "elasticloadbalancing:DescribeListeners",
                "elasticloadbalancing:DescribeRules",
                "elasticloadbalancing:DescribeTags",
                "elasticloadbalancing:DescribeTargetHealth",
            ],
            Resource: "*",
        },
    ]);
    // RBAC for the ALB provider only; no dashboard.
    expect(Object.entries(v.providerRBAC.providers).filter(([, on]) => on)).toEqual([["awsLoadBalancerController", true]]);
    expect(v.dashboard).toEqual({ enabled: false });
    expect(platformWorkloads([release])).toEqual([{ name: "argo-rollouts", kind: "Deployment", replicas: 2, cpu: "50m", memory: "128Mi" }]);
});

test("dev: one controller, no PDB; without verification no role and no region check", async () => {
    const r = await renderRollouts("dev", { verifyTargetGroups: false });
    expect(r.ofType("aws:iam/role:Role")).toEqual([]);
    const v = r.one("kubernetes:helm.sh/v3:Release").inputs.values as Values;
    expect(v.controller).toMatchObject({ replicas: 1, awsVerifyTargetGroup: false, pdb: { enabled: false } });
    expect(v.serviceAccount.annotations).toEqual({});
});

test("strata:rollouts validation", () => {
    expect(configProblems({ "strata:rollouts": { controllerReplicas: 0 } })[0]).toMatch(
        /^strata:rollouts\.controllerReplicas: 0 is too small/,
    );
    expect(configProblems({ "strata:rollouts": { chartVersion: "latest" } })).toEqual([
        'strata:rollouts.chartVersion: "latest" is not a chart version like 2.41.0',
    ]);
});
