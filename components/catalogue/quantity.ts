/**
 * Kubernetes resource quantities (CPU and memory), parsed so config validation can compare requests with limits
 * and namespaces can sum them into ResourceQuotas.
 */

const CPU = /^(\d+(\.\d+)?|\.\d+)(m)?$/;
const MEMORY = /^(\d+(\.\d+)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E|m)?$/;

const MEMORY_FACTORS: Record<string, number> = {
    "": 1,
    m: 1e-3,
    k: 1e3,
    K: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    P: 1e15,
    E: 1e18,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    Pi: 2 ** 50,
    Ei: 2 ** 60,
};

/** CPU quantity ("250m", "1", "0.5") in millicores, or undefined if it is not one. */
export function parseCpu(q: string): number | undefined {
    const m = CPU.exec(q.trim());
    if (!m) return undefined;
    const n = Number(m[1]);
    return m[3] === "m" ? n : n * 1000;
}

/** Memory quantity ("512Mi", "1Gi", "1.5Gi", "1G", "1048576") in bytes, or undefined if it is not one. */
export function parseMemory(q: string): number | undefined {
    const m = MEMORY.exec(q.trim());
    if (!m) return undefined;
    return Number(m[1]) * MEMORY_FACTORS[m[3] ?? ""];
}

/** Millicores as a quantity ("1500m"). */
export function formatCpu(millicores: number): string {
    return `${Math.ceil(millicores)}m`;
}

/** Bytes as a quantity in Mi, rounded up ("1536Mi"). */
export function formatMemory(bytes: number): string {
    return `${Math.ceil(bytes / 2 ** 20)}Mi`;
}
