/** IPv4 CIDR arithmetic for subnet layout and validation: addresses as unsigned 32-bit numbers. */

/** A CIDR block's network address and mask; undefined when it is not an IPv4 network address (host bits set, bad octets). */
export function parseCidr(cidr: string): { base: number; mask: number } | undefined {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
    if (!m) return undefined;
    const octets = m.slice(1, 5).map(Number);
    const mask = Number(m[5]);
    if (octets.some((o) => o > 255) || mask > 32) return undefined;
    const base = ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
    const hostBits = 32 - mask;
    if (hostBits < 32 && base % 2 ** hostBits !== 0) return undefined; // host bits set: not a network address
    return { base, mask };
}

/** A 32-bit address in dotted-quad form. */
export function formatIp(n: number): string {
    return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join(".");
}

/** The first and last address of a block. */
function range(c: { base: number; mask: number }): [number, number] {
    return [c.base, c.base + 2 ** (32 - c.mask) - 1];
}

/** True when two blocks share an address. */
export function cidrsOverlap(a: { base: number; mask: number }, b: { base: number; mask: number }): boolean {
    const [a0, a1] = range(a);
    const [b0, b1] = range(b);
    return a0 <= b1 && b0 <= a1;
}

/** True when `inner` lies wholly inside `outer`. */
export function cidrWithin(inner: { base: number; mask: number }, outer: { base: number; mask: number }): boolean {
    const [i0, i1] = range(inner);
    const [o0, o1] = range(outer);
    return o0 <= i0 && i1 <= o1;
}

/**
 * Address space meant for private networks: RFC 1918 (10/8, 172.16/12, 192.168/16) and RFC 6598 shared address space
 * (100.64/10, which AWS documents for VPCs, e.g. as secondary CIDRs for pods). A VPC in public space makes every public
 * destination in its range unreachable from inside.
 */
export const PRIVATE_IPV4_SPACE = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"] as const;

/**
 * Blocks a VPC must not overlap: 172.17.0.0/16 is the Docker bridge network, and EKS advises against VPCs in that
 * range because containers using it cannot reach addresses there (Amazon EKS User Guide, "View Amazon EKS networking
 * requirements for VPC and subnets").
 */
export const RESERVED_IPV4_BLOCKS: Readonly<Record<string, string>> = {
    "172.17.0.0/16": "the Docker bridge network, which EKS advises VPCs not to overlap",
};
