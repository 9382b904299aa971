import fc from "fast-check";
import { clusterIpServiceSpec, HTTP_PORT_NAME } from "../../components/service/clusterIp";
import { podTemplate } from "../../components/service/podTemplate";
import { serviceLabels } from "../../components/service/names";
import { model, plain, settingsOf, WEB } from "./fixtures";

test("the Service listens on the container port and targets the container's named port", () => {
    const s = settingsOf({ ...WEB, port: 9000 });
    const spec = clusterIpServiceSpec("api", s);
    expect(spec.type).toBe("ClusterIP");
    expect(spec.selector).toEqual({ "app.kubernetes.io/name": "api" });
    expect(spec.ports).toEqual([{ name: "http", port: 9000, targetPort: "http", protocol: "TCP" }]);
    const Service = model("v1/Service");
    expect(() => new Service(plain({ apiVersion: "v1", kind: "Service", metadata: { name: "api" }, spec })).validate()).not.toThrow();
});

test("for every allowed port, the Service's port, the container's port and the name it targets agree", () => {
    fc.assert(
        fc.property(fc.integer({ min: 1024, max: 65535 }), (port) => {
            const s = settingsOf({ ...WEB, port });
            const container = podTemplate({
                service: "api",
                settings: s,
                labels: serviceLabels("api", "shop", "web"),
                serviceAccountName: "api",
                configMapName: "api-env",
            }).spec.containers[0];
            const [svcPort] = clusterIpServiceSpec("api", s).ports;
            const [containerPort] = container.ports!;
            return (
                svcPort.port === containerPort.containerPort &&
                svcPort.targetPort === containerPort.name &&
                containerPort.name === HTTP_PORT_NAME
            );
        }),
        { numRuns: 50 },
    );
});
