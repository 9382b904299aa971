/** The names of a queue and its dead-letter queue: one function for creation and the config name-length check. */

/** A dead-letter queue is named `<key>-dlq`. */
export const DLQ_SUFFIX = "dlq";
/** SQS requires FIFO queue names to end in `.fifo` (Amazon SQS Developer Guide, "Amazon SQS FIFO queues"). */
export const FIFO_SUFFIX = ".fifo";

/** The physical SQS name of a queue or its dead-letter queue (explicit names, so operators and apps can find them). */
export function queueNames(prefixName: (...parts: string[]) => string, key: string, fifo: boolean): { queue: string; dlq: string } {
    const suffix = fifo ? FIFO_SUFFIX : "";
    return { queue: `${prefixName(key)}${suffix}`, dlq: `${prefixName(key, DLQ_SUFFIX)}${suffix}` };
}
