import fc from "fast-check";
import { inClusterUrl, percentEncode, postgresUrl, redisUrl } from "../components/connectionStrings";

describe("percentEncode", () => {
    it.each([
        ["abc-._~XYZ09", "abc-._~XYZ09"],
        ["p@ss/w:rd", "p%40ss%2Fw%3Ard"],
        ["!'()*", "%21%27%28%29%2A"],
        ["#$%&+=", "%23%24%25%26%2B%3D"],
    ])("%s -> %s", (raw, encoded) => {
        expect(percentEncode(raw)).toBe(encoded);
    });

    it("leaves only RFC 3986 unreserved characters and %XX escapes, and decodes back to the input", () => {
        fc.assert(
            fc.property(fc.string({ unit: "binary-ascii" }), (raw) => {
                const encoded = percentEncode(raw);
                expect(encoded).toMatch(/^([A-Za-z0-9\-._~]|%[0-9A-F]{2})*$/);
                expect(decodeURIComponent(encoded)).toBe(raw);
            }),
        );
    });
});

describe("connection URLs", () => {
    it("postgresql URL requires TLS and encodes user, password and database", () => {
        expect(postgresUrl({ username: "app", password: "a@b:c/d", host: "db.example", port: 5432, database: "my db" })).toBe(
            "postgresql://app:a%40b%3Ac%2Fd@db.example:5432/my%20db?sslmode=require",
        );
    });

    it("redis URL is rediss:// (TLS) with an empty user and the encoded token", () => {
        expect(redisUrl({ token: "t#k=n", host: "cache.example", port: 6379 })).toBe("rediss://:t%23k%3Dn@cache.example:6379");
    });

    it("in-cluster URL names the Service in its namespace on the cluster domain", () => {
        expect(inClusterUrl({ name: "api", namespace: "shop", port: 8080 })).toBe("http://api.shop.svc.cluster.local:8080");
    });
});
