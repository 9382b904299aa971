import fc from "fast-check";
import { allocatable, amiTypeOf, instanceCapacity, isArmInstanceType, isKnownInstanceType } from "../../components/catalogue/ec2";

describe("isKnownInstanceType", () => {
    it.each([
        "t3.medium",
        "t3a.medium",
        "m7i-flex.large",
        "m7g.xlarge",
        "c6gn.16xlarge",
        "r8g.metal-24xl",
        "g5.xlarge",
        "inf2.xlarge",
        "trn1.32xlarge",
    ])("accepts %s", (t) => {
        expect(isKnownInstanceType(t)).toBe(true);
    });
    it.each(["t2.micro", "m3.large", "c3.xlarge", "r3.large", "a1.large", "q9.large", "m7i", "m7i.huge", "M7I.LARGE"])(
        "refuses %s",
        (t) => {
            expect(isKnownInstanceType(t)).toBe(false);
        },
    );
});

describe("amiTypeOf and isArmInstanceType", () => {
    it.each([
        ["m7i.large", false, "AL2023_x86_64_STANDARD"],
        ["t4g.medium", true, "AL2023_ARM_64_STANDARD"],
        ["c6gn.large", true, "AL2023_ARM_64_STANDARD"],
        ["g5.xlarge", false, "AL2023_x86_64_NVIDIA"],
        ["g5g.xlarge", true, "AL2023_ARM_64_NVIDIA"],
        ["p4d.24xlarge", false, "AL2023_x86_64_NVIDIA"],
        ["inf2.xlarge", false, "AL2023_x86_64_NEURON"],
        ["trn1.2xlarge", false, "AL2023_x86_64_NEURON"],
    ])("%s: arm %s, AMI %s", (t, arm, ami) => {
        expect(isArmInstanceType(t)).toBe(arm);
        expect(amiTypeOf(t)).toBe(ami);
    });

    it("an arm64 type always gets an ARM AMI and an x86_64 type an x86_64 one", () => {
        const type = fc.tuple(
            fc.constantFrom("m", "c", "r", "t", "g"),
            fc.integer({ min: 4, max: 8 }),
            fc.constantFrom("", "g", "gn", "i", "a"),
            fc.constantFrom("large", "xlarge", "4xlarge"),
        );
        fc.assert(
            fc.property(type, ([family, gen, suffix, size]) => {
                const t = `${family}${gen}${suffix}.${size}`;
                expect(amiTypeOf(t).includes("ARM_64")).toBe(isArmInstanceType(t));
            }),
        );
    });
});

describe("allocatable", () => {
    it.each([
        ["t3.medium", 1750, 2.75],
        ["m6i.xlarge", 3750, 14.75],
        ["c6i.large", 1750, 2.75],
    ])("%s leaves %i millicores and %f GiB to pods", (t, milliCpu, gib) => {
        expect(allocatable(t)).toEqual({ milliCpu, memoryBytes: gib * 2 ** 30 });
    });

    it("is always what the node has less the flat reservation", () => {
        fc.assert(
            fc.property(fc.constantFrom("t", "m", "c", "r"), fc.constantFrom("large", "xlarge", "2xlarge", "8xlarge"), (family, size) => {
                const t = `${family}6i.${size}`;
                const c = instanceCapacity(t)!;
                expect(allocatable(t)).toEqual({ milliCpu: c.vcpu * 1000 - 250, memoryBytes: (c.memoryGiB - 1.25) * 2 ** 30 });
            }),
        );
    });
});
