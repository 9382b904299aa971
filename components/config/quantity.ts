// Kubernetes quantities live in the catalogue; re-exported for the code that imports them from config.
export * from "../catalogue/quantity";
