import { STACKS, planOf, ofType, one, inputs } from "../helpers";

const expected = {
    dev: { azs: 2, nat: "Single", retention: 30, endpoints: 0 },
    staging: { azs: 2, nat: "Single", retention: 90, endpoints: 4 },
    prod: { azs: 3, nat: "OnePerAz", retention: 365, endpoints: 4 },
} as const;

describe.each(STACKS)("network in %s", (stack) => {
    test("one awsx VPC: Auto strategy, DNS hostnames on, NAT and AZs per environment, three tiers with EKS subnet tags", async () => {
        const plan = await planOf(stack);
        const vpc = one(plan, "awsx:ec2:Vpc");
        const i = inputs(vpc);
        expect(i.subnetStrategy).toBe("Auto");
        expect(i.enableDnsHostnames).toBe(true);
        expect(i.enableDnsSupport).toBe(true);
        expect(i.natGateways.strategy).toBe(expected[stack].nat);
        expect(i.numberOfAvailabilityZones).toBe(expected[stack].azs);
        const specs = Object.fromEntries(
            (i.subnetSpecs as Array<{ type: string; cidrMask: number; tags: Record<string, string> }>).map((s) => [s.type, s]),
        );
        expect(Object.keys(specs).sort()).toEqual(["Isolated", "Private", "Public"]);
        expect(specs.Public.tags["kubernetes.io/role/elb"]).toBe("1");
        expect(specs.Private.tags["kubernetes.io/role/internal-elb"]).toBe("1");
        expect(specs.Isolated.tags["kubernetes.io/role/elb"]).toBeUndefined();
        expect(specs.Private.cidrMask).toBeLessThanOrEqual(19); // room for VPC-CNI pod IPs
        // A remote component: its children reach the explicit provider only through `providers`.
        expect(vpc.provider).toMatch(/pulumi:providers:aws::/);
    });

    test("the awsx mock answers per AZ and tier like awsx: subnets, NAT gateways", async () => {
        const plan = await planOf(stack);
        expect((plan.outputs.privateSubnetIds as string[]).length).toBe(expected[stack].azs);
        expect((plan.outputs.isolatedSubnetIds as string[]).length).toBe(expected[stack].azs);
        expect((plan.outputs.publicSubnetIds as string[]).length).toBe(expected[stack].azs);
        const nat = plan.cost.items.find((c) => c.type === "awsx:ec2:Vpc")!;
        expect(nat.basis).toMatch(new RegExp(`^${expected[stack].nat === "Single" ? 1 : expected[stack].azs} NAT gateway`));
    });

    test("flow logs: ALL traffic into a KMS-encrypted log group with the environment's retention", async () => {
        const plan = await planOf(stack);
        const flow = one(plan, "aws:ec2/flowLog:FlowLog");
        expect(inputs(flow).trafficType).toBe("ALL");
        expect(inputs(flow).logDestinationType).toBe("cloud-watch-logs");
        const group = ofType(plan, "aws:cloudwatch/logGroup:LogGroup").find((g) => g.urn.endsWith("-flow-logs"))!;
        expect(flow.dependencies).toContain(group.urn);
        expect(inputs(group).retentionInDays).toBe(expected[stack].retention);
        const logsKey = ofType(plan, "aws:kms/key:Key").find((k) => k.name.endsWith("-kms-logs"))!;
        expect(inputs(group).kmsKeyId).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\//);
        expect(group.dependencies).toContain(logsKey.urn);
    });

    test("the default security group is stripped of all rules", async () => {
        const plan = await planOf(stack);
        const sg = one(plan, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
        expect(inputs(sg).ingress).toEqual([]);
        expect(inputs(sg).egress).toEqual([]);
    });

    test("S3 gateway endpoint everywhere; interface endpoints where the environment enables them, HTTPS from the VPC only", async () => {
        const plan = await planOf(stack);
        const endpoints = ofType(plan, "aws:ec2/vpcEndpoint:VpcEndpoint");
        const gateway = endpoints.filter((e) => inputs(e).vpcEndpointType === "Gateway");
        expect(gateway.map((e) => inputs(e).serviceName)).toEqual(["com.amazonaws.us-east-1.s3"]);
        expect((inputs(gateway[0]).routeTableIds as string[]).length).toBe(3 * expected[stack].azs);
        const iface = endpoints.filter((e) => inputs(e).vpcEndpointType === "Interface");
        expect(iface).toHaveLength(expected[stack].endpoints);
        for (const e of iface) {
            expect(inputs(e).privateDnsEnabled).toBe(true);
            expect(inputs(e).subnetIds).toEqual(plan.outputs.privateSubnetIds);
        }
        if (iface.length > 0) {
            const sg = ofType(plan, "aws:ec2/securityGroup:SecurityGroup").find((s) => s.name.endsWith("-endpoints"))!;
            expect(inputs(sg).ingress).toEqual([
                expect.objectContaining({ fromPort: 443, toPort: 443, protocol: "tcp", cidrBlocks: ["10.0.0.0/16"] }),
            ]);
        }
    });

    test("the nodes' security group is created by the network, so data stores need not wait for the cluster", async () => {
        const plan = await planOf(stack);
        const sg = ofType(plan, "aws:ec2/securityGroup:SecurityGroup").find((s) => s.name.endsWith("-nodes"))!;
        expect(sg.parent).toMatch(/strata:network:Network::/);
        expect(plan.outputs.nodeSecurityGroupId).toMatch(/^sg-[0-9a-f]{17}$/);
    });
});
