import fc from "fast-check";
import {
    ALB_SSL_POLICY,
    albTags,
    hasIngress,
    healthcheckPath,
    ingressAnnotations,
    ingressGroupName,
    ingressGroupOrder,
    ingressSpec,
    publicUrl,
} from "../../components/service/ingress";
import { CERT, model, plain, settingsOf, WEB, WORKER } from "./fixtures";

const WAF = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/shop/abc";
const withIngress = (paths = ["/"], extra: Record<string, unknown> = {}) =>
    settingsOf({ ...WEB, ingress: { host: "shop.example.com", certificateArn: CERT, paths }, ...extra });
const annotations = (over: Partial<Parameters<typeof ingressAnnotations>[0]> = {}) =>
    ingressAnnotations({
        settings: withIngress(),
        group: "shop-prod-shop",
        deletionProtection: true,
        defaultTags: { env: "prod" },
        wafAclArn: WAF,
        ...over,
    });
const A = (key: string) => `alb.ingress.kubernetes.io/${key}`;

test.each([
    ["web with host and certificate", { kind: "web", ingress: { host: "a.example.com", certificateArn: CERT, paths: ["/"] } }, true],
    ["web with a host only", { kind: "web", ingress: { host: "a.example.com", paths: ["/"] } }, false],
    ["web without ingress", { kind: "web" }, false],
    ["a worker, whatever it declares", { kind: "worker", ingress: { host: "a.example.com", certificateArn: CERT, paths: ["/"] } }, false],
] as const)("hasIngress: %s -> %s", (_name, s, expected) => {
    expect(hasIngress(s as Parameters<typeof hasIngress>[0])).toBe(expected);
});

describe("annotations", () => {
    test("internet-facing ALB, ip targets, the namespace's group, HTTPS only with the TLS 1.3 policy", () => {
        const a = annotations();
        expect([a[A("scheme")], a[A("target-type")], a[A("group.name")], a[A("group.order")]]).toEqual([
            "internet-facing",
            "ip",
            "shop-prod-shop",
            "0",
        ]);
        expect(JSON.parse(a[A("listen-ports")] as string)).toEqual([{ HTTP: 80 }, { HTTPS: 443 }]);
        expect([a[A("ssl-redirect")], a[A("certificate-arn")], a[A("ssl-policy")], a[A("backend-protocol")]]).toEqual([
            "443",
            CERT,
            "ELBSecurityPolicy-TLS13-1-2-2021-06",
            "HTTP",
        ]);
        expect(ALB_SSL_POLICY).toBe("ELBSecurityPolicy-TLS13-1-2-2021-06");
        expect([a[A("healthcheck-path")], a[A("healthcheck-port")]]).toEqual(["/ready", "traffic-port"]);
        expect(a[A("wafv2-acl-arn")]).toBe(WAF);
        expect(a[A("tags")]).toBe("env=prod");
    });

    test.each([
        [true, "routing.http.drop_invalid_header_fields.enabled=true,deletion_protection.enabled=true"],
        [false, "routing.http.drop_invalid_header_fields.enabled=true,deletion_protection.enabled=false"],
    ])("deletion protection %s (from args.protection)", (deletionProtection, attributes) => {
        expect(annotations({ deletionProtection })[A("load-balancer-attributes")]).toBe(attributes);
    });

    test("with an access-log bucket: ALB access logs there under alb/<group>/", () => {
        const attributes = annotations({ accessLogBucket: "shop-prod-access-logs-1234567" })[A("load-balancer-attributes")];
        expect(String(attributes).split(",").slice(2)).toEqual([
            "access_logs.s3.enabled=true",
            "access_logs.s3.bucket=shop-prod-access-logs-1234567",
            "access_logs.s3.prefix=alb/shop-prod-shop",
        ]);
    });

    test("no WAF, no tags: no such annotations", () => {
        const a = annotations({ wafAclArn: undefined, defaultTags: { "bad,key": "x", ok: "a=b" } });
        expect([A("wafv2-acl-arn") in a, A("tags") in a]).toEqual([false, false]);
    });

    test("health check: the readiness path, else /", () => {
        expect(healthcheckPath(withIngress(["/"], { probes: { readiness: { path: "/healthz" } } }))).toBe("/healthz");
        expect(healthcheckPath(settingsOf(WORKER))).toBe("/");
        expect(annotations({ settings: withIngress(["/"], { probes: { readiness: { path: "/healthz" } } }) })[A("healthcheck-path")]).toBe(
            "/healthz",
        );
    });

    test("tags: only those the annotation syntax can carry, in order", () => {
        expect(albTags({ a: "1", "b=c": "2", d: "x,y", e: "5" })).toBe("a=1,e=5");
        expect(albTags({})).toBe("");
    });
});

describe("group order: more specific paths first across the Ingresses of one ALB", () => {
    test.each([
        [["/"], 0],
        [["/api/v1", "/api/"], -4],
        [["/api"], -4],
        [["/" + "a".repeat(2000)], -999],
    ])("%j -> %d", (paths, order) => {
        expect(ingressGroupOrder(paths)).toBe(order === 0 ? -0 : order);
        expect(Number(annotations({ settings: withIngress(paths) })[A("group.order")])).toBe(order);
    });

    const path = fc.array(fc.constantFrom("a", "b", "v1"), { maxLength: 6 }).map((segments) => "/" + segments.join("/"));
    test("property: an Ingress whose most general path is longer sorts first; orders stay within the controller's range", () => {
        fc.assert(
            fc.property(fc.array(path, { minLength: 1, maxLength: 4 }), fc.array(path, { minLength: 1, maxLength: 4 }), (a, b) => {
                const shortest = (ps: string[]) => Math.min(...ps.map((p) => p.replace(/\/+$/, "").length));
                const [oa, ob] = [ingressGroupOrder(a), ingressGroupOrder(b)];
                if (shortest(a) > shortest(b)) expect(oa).toBeLessThan(ob);
                expect(oa).toBeGreaterThanOrEqual(-999);
                expect(oa).toBeLessThanOrEqual(0);
            }),
        );
    });
});

test("group name: <prefix>-<namespace>, at most 63 characters, never ending in a hyphen", () => {
    expect(ingressGroupName("shop-prod", "shop")).toBe("shop-prod-shop");
    fc.assert(
        fc.property(fc.stringMatching(/^[a-z][a-z0-9-]{0,60}$/), fc.stringMatching(/^[a-z][a-z0-9-]{0,62}$/), (prefix, ns) => {
            const name = ingressGroupName(prefix, ns);
            return name.length <= 63 && !name.endsWith("-") && `${prefix}-${ns}`.startsWith(name);
        }),
    );
});

test("spec: class alb, the host, each path a Prefix to the Service port (the container port); validates against the Kubernetes API schema", () => {
    const s = withIngress(["/api/v1", "/api/"], { port: 9090 });
    const spec = ingressSpec("api", s);
    expect(spec.ingressClassName).toBe("alb");
    expect(
        spec.rules.map((r) => [
            r.host,
            r.http.paths.map((p) => [p.path, p.pathType, p.backend.service.name, p.backend.service.port.number]),
        ]),
    ).toEqual([
        [
            "shop.example.com",
            [
                ["/api/v1", "Prefix", "api", 9090],
                ["/api/", "Prefix", "api", 9090],
            ],
        ],
    ]);
    const Ingress = model("networking.k8s.io/v1/Ingress");
    const obj = plain({
        apiVersion: "networking.k8s.io/v1",
        kind: "Ingress",
        metadata: { name: "api", namespace: "shop", annotations: annotations({ settings: s }) },
        spec,
    });
    expect(() => new Ingress(obj).validate()).not.toThrow();
});

test.each([
    [{ host: "shop.example.com", paths: ["/"] }, "https://shop.example.com"],
    [{ host: "shop.example.com", paths: ["/api", "/"] }, "https://shop.example.com/api"],
])("public URL %j -> %s", (ing, url) => {
    expect(publicUrl(ing)).toBe(url);
});
