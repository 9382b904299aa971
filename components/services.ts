/** Moved to components/service/; kept so `import { Services } from "./services"` (components/platform.ts) still resolves. */
export { Services } from "./service";
