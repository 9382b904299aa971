import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

// The pack's default levels are dev's; policy/config/<env>.json sets each environment's levels and settings:
//   pulumi preview --policy-pack policy --policy-pack-config policy/config/<env>.json
new PolicyPack("strata", {
    description: "Strata: encryption, tagging, network exposure, data protection and workload hardening for AWS + EKS.",
    enforcementLevel: "mandatory",
    policies,
});
