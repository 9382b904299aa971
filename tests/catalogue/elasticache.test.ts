import {
    CACHE_ENGINES,
    CACHE_ENGINE_VERSIONS,
    cacheParameterFamily,
    DEFAULT_CACHE_ENGINE_VERSION,
    supportsTransitEncryptionMode,
} from "../../components/catalogue/elasticache";

describe("cacheParameterFamily", () => {
    it.each([
        ["valkey", "7.2", "valkey7"],
        ["valkey", "8.1", "valkey8"],
        ["redis", "6.2", "redis6.x"],
        ["redis", "7.1", "redis7"],
    ] as const)("%s %s is in family %s", (engine, version, family) => {
        expect(cacheParameterFamily(engine, version)).toBe(family);
    });

    it("refuses a version it does not know", () => {
        expect(() => cacheParameterFamily("redis", "5.0")).toThrow("no parameter group family for redis 5.0");
    });

    it.each(CACHE_ENGINES)("the default %s version is a supported one", (engine) => {
        expect(Object.keys(CACHE_ENGINE_VERSIONS[engine])).toContain(DEFAULT_CACHE_ENGINE_VERSION[engine]);
    });
});

describe("supportsTransitEncryptionMode", () => {
    it.each([
        ["valkey", "7.2", true],
        ["redis", "7.0", true],
        ["redis", "6.2", false],
    ] as const)("%s %s: %s", (engine, version, expected) => {
        expect(supportsTransitEncryptionMode(engine, version)).toBe(expected);
    });
});
