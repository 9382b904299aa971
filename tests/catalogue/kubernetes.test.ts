import { CLUSTER_AUTOSCALER_IMAGE_TAGS, DEFAULT_KUBERNETES_VERSION, KUBERNETES_VERSIONS } from "../../components/catalogue/kubernetes";

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
