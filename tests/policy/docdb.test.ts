import { DOCDB_PARAMETER_VARIANTS } from "./casesDocdb";
import { check, urnOf } from "./fake";

const POLICY = "aws-docdb-cluster-require-tls-and-audit-parameters";

describe("DocumentDB TLS and audit parameters: the cluster joined to its parameter group", () => {
    test.each(DOCDB_PARAMETER_VARIANTS)("$name is a violation on the cluster", ({ resources, message }) => {
        const v = check(POLICY, resources);
        expect(v).toHaveLength(1);
        expect(v[0].urn).toBe(urnOf("aws:docdb/cluster:Cluster", "docdb"));
        expect(v[0].message).toMatch(message);
    });
});
