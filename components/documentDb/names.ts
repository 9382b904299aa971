/** Names the DocumentDB component creates (shared by the component and the config name check). */
export const documentDbNames = {
    cluster: "docdb",
    /** The i-th instance (0-based): docdb-1, docdb-2, ... */
    instance: (i: number): [string, string] => ["docdb", String(i + 1)],
};
