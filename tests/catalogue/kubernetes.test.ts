import fc from "fast-check";
import {
    ADDON_VERSIONS,
    ALL_CLUSTER_ADDONS,
    CLUSTER_AUTOSCALER_IMAGE_TAGS,
    DEFAULT_KUBERNETES_VERSION,
    KUBERNETES_LIFECYCLE,
    KUBERNETES_VERSIONS,
    standardSupportVersions,
    supportPhase,
    unsupportedVersionReason,
} from "../../components/catalogue/kubernetes";

describe("Kubernetes versions", () => {
    it.each(KUBERNETES_VERSIONS)("%s pins a cluster-autoscaler release of its own minor", (v) => {
        expect(CLUSTER_AUTOSCALER_IMAGE_TAGS[v]).toMatch(new RegExp(`^v${v.replace(".", "\\.")}\\.\\d+$`));
    });

    it("the default version is one of them, and they are in ascending order", () => {
        expect(KUBERNETES_VERSIONS).toContain(DEFAULT_KUBERNETES_VERSION);
        const minors = KUBERNETES_VERSIONS.map((v) => Number(v.split(".")[1]));
        expect(minors).toEqual([...minors].sort((a, b) => a - b));
    });
});

describe("EKS support windows", () => {
    const day = fc
        .date({ min: new Date("2025-01-01T00:00:00Z"), max: new Date("2029-12-31T00:00:00Z"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));

    it.each(KUBERNETES_VERSIONS)("%s: extended support ends 12 months after standard support, on the same day of the month", (v) => {
        const l = KUBERNETES_LIFECYCLE[v];
        const [y, m, d] = l.endOfStandardSupport.split("-").map(Number);
        expect(l.endOfExtendedSupport).toBe(`${y + 1}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    });

    it("newer minors leave standard support later (the calendar's order)", () => {
        const ends = KUBERNETES_VERSIONS.map((v) => KUBERNETES_LIFECYCLE[v].endOfStandardSupport);
        expect(ends).toEqual([...ends].sort());
    });

    it("the end dates themselves already count as past (EKS bills extended support from the start of that day)", () => {
        expect(supportPhase("1.34", "2026-12-01")).toBe("standard");
        expect(supportPhase("1.34", "2026-12-02")).toBe("extended");
        expect(supportPhase("1.34", "2027-12-02")).toBe("ended");
        expect(standardSupportVersions("2026-12-02")).toEqual(["1.35", "1.36"]);
    });

    it("STANDARD refuses every version EXTENDED refuses, and more; nothing is refused in standard support", () => {
        fc.assert(
            fc.property(fc.constantFrom(...KUBERNETES_VERSIONS), day, (v, today) => {
                const standard = unsupportedVersionReason(v, "STANDARD", today);
                const extended = unsupportedVersionReason(v, "EXTENDED", today);
                if (extended !== undefined) expect(standard).toBeDefined();
                expect(standard === undefined).toBe(supportPhase(v, today) === "standard");
                expect(extended === undefined).toBe(supportPhase(v, today) !== "ended");
            }),
        );
    });
});

describe("ADDON_VERSIONS", () => {
    it.each(KUBERNETES_VERSIONS)("%s has a version for every add-on, and kube-proxy of its own minor", (v) => {
        expect(Object.keys(ADDON_VERSIONS[v]).sort()).toEqual([...ALL_CLUSTER_ADDONS].sort());
        for (const version of Object.values(ADDON_VERSIONS[v])) expect(version).toMatch(/^v\d+\.\d+\.\d+-eksbuild\.\d+$/);
        expect(ADDON_VERSIONS[v]["kube-proxy"].startsWith(`v${v}.`)).toBe(true);
    });
});
