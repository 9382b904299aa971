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
