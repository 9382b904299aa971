import * as os from "os";
import * as path from "path";

// Plans are shared between test files through a cache keyed by the hash of every source file (plan/run.ts).
process.env.STRATA_PLAN_CACHE = process.env.STRATA_PLAN_CACHE ?? path.join(os.tmpdir(), "strata-plan-cache");
