import {
    DOCKER_HUB_AUTH_KEY,
    dockerConfigJson,
    pullSecretName,
    pullSecretsOf,
    registryAuthKey,
} from "../../components/service/pullSecrets";
import { settingsOf } from "../config/checkHarness";

describe("image pull secrets", () => {
    test.each([
        ["nginx:1.27", DOCKER_HUB_AUTH_KEY],
        ["acme/app:1.0", DOCKER_HUB_AUTH_KEY],
        ["docker.io/acme/app:1.0", DOCKER_HUB_AUTH_KEY],
        ["ghcr.io/acme/app:1.0", "ghcr.io"],
        ["registry.example.com:5000/team/app:1.0", "registry.example.com:5000"],
    ])("%s authenticates under %s", (image, key) => {
        expect(registryAuthKey(image)).toBe(key);
    });

    test("dockerconfigjson: auths.<registry> with username, password and auth = base64(user:token)", () => {
        expect(JSON.parse(dockerConfigJson("ghcr.io", "bot:ghp_abc:def"))).toEqual({
            auths: { "ghcr.io": { username: "bot", password: "ghp_abc:def", auth: Buffer.from("bot:ghp_abc:def").toString("base64") } },
        });
    });

    test("one Secret per namespace and (registry, key); services share it; ecr and public images get none", () => {
        const services = settingsOf("dev", {
            services: {
                a: { image: "ghcr.io/acme/a:1", imagePullSecret: "app:ghcr" },
                b: { image: "ghcr.io/acme/b:1", imagePullSecret: "app:ghcr" },
                c: { image: "ghcr.io/acme/c:1", imagePullSecret: "app:ghcr", namespace: "other" },
                d: { image: "acme/d:1", imagePullSecret: "app:hub" },
                e: { image: "nginx:1.27" },
            },
        }).services;
        const { secrets, byService } = pullSecretsOf(services, "strata");
        expect(secrets.map((s) => [s.namespace, s.registry, s.configKey])).toEqual([
            ["strata", "ghcr.io", "app:ghcr"],
            ["other", "ghcr.io", "app:ghcr"],
            ["strata", DOCKER_HUB_AUTH_KEY, "app:hub"],
        ]);
        expect(byService.a).toBe(byService.b);
        expect(byService.a.name).toBe(pullSecretName("ghcr.io", "app:ghcr"));
        expect(byService.d.name).toMatch(/^pull-docker-hub-[0-9a-f]{6}$/);
        expect(byService.e).toBeUndefined();
    });

    test("names are DNS labels and differ per key", () => {
        const n = pullSecretName("registry.example.com:5000", "app:one");
        expect(n).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
        expect(n.length).toBeLessThanOrEqual(63);
        expect(pullSecretName("ghcr.io", "app:one")).not.toBe(pullSecretName("ghcr.io", "app:two"));
    });
});
