import { PRIVILEGED_NAMESPACE_EXEMPTIONS } from "../../policy/policies/kubernetes-namespace-require-restricted-pod-security";
import { MONITORING_POD_SECURITY, monitoringNamespaceLabels } from "../../components/monitoring";
import { check, res } from "./fake";

const POLICY = "kubernetes-namespace-require-restricted-pod-security";
const ns = (name: string, labels: Record<string, string>) => res("kubernetes:core/v1:Namespace", name, { metadata: { name, labels } });

describe("the privileged-namespace exemption is exactly the monitoring namespace", () => {
    test("the pack's exemption and the component's namespace say the same", () => {
        expect(PRIVILEGED_NAMESPACE_EXEMPTIONS[MONITORING_POD_SECURITY.namespace]).toEqual({
            enforce: MONITORING_POD_SECURITY.enforce,
            reason: MONITORING_POD_SECURITY.reason,
        });
    });

    test("the monitoring namespace as the component labels it passes, in prod too", () => {
        expect(check(POLICY, [ns("monitoring", monitoringNamespaceLabels("strata-prod"))], "prod")).toEqual([]);
    });

    test("without warn and audit at restricted, it does not", () => {
        const [v] = check(POLICY, [ns("monitoring", { "pod-security.kubernetes.io/enforce": "privileged" })], "prod");
        expect(v.message).toMatch(/may enforce 'privileged' .* only if it warns and audits at 'restricted'/);
    });

    test("another namespace enforcing privileged is refused", () => {
        const [v] = check(POLICY, [ns("apps", monitoringNamespaceLabels("strata-prod"))], "prod");
        expect(v.message).toMatch(/must be 'restricted'/);
    });
});
