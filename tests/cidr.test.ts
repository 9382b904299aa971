import fc from "fast-check";
import { cidrsOverlap, cidrWithin, formatIp, parseCidr } from "../components/cidr";

const block = (s: string) => parseCidr(s)!;

describe("cidrsOverlap and cidrWithin", () => {
    test.each([
        ["10.0.0.0/16", "10.0.255.0/24", true, false],
        ["10.0.0.0/16", "10.1.0.0/16", false, false],
        ["172.16.0.0/12", "172.17.0.0/16", true, false],
        ["172.17.0.0/16", "172.16.0.0/12", true, true],
        ["0.0.0.0/0", "8.8.8.0/24", true, false],
    ])("%s vs %s: overlap %s, first within second %s", (a, b, overlap, within) => {
        expect(cidrsOverlap(block(a), block(b))).toBe(overlap);
        expect(cidrsOverlap(block(b), block(a))).toBe(overlap);
        expect(cidrWithin(block(a), block(b))).toBe(within);
    });

    test("property: a block lies within its own supernet and overlaps it", () => {
        fc.assert(
            fc.property(
                fc.integer({ min: 0, max: 2 ** 32 - 1 }),
                fc.integer({ min: 0, max: 32 }),
                fc.integer({ min: 0, max: 32 }),
                (ip, m1, m2) => {
                    const [inner, outer] = [Math.max(m1, m2), Math.min(m1, m2)];
                    const net = (mask: number) => ({ base: mask === 0 ? 0 : (ip - (ip % 2 ** (32 - mask))) >>> 0, mask });
                    expect(cidrWithin(net(inner), net(outer))).toBe(true);
                    expect(cidrsOverlap(net(inner), net(outer))).toBe(true);
                    expect(parseCidr(`${formatIp(net(inner).base)}/${inner}`)).toEqual(net(inner));
                },
            ),
        );
    });
});
