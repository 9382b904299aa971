import * as os from "os";
import * as path from "path";

// Plans are shared between test files through a cache keyed by the hash of every source file (plan/run.ts).
process.env.STRATA_PLAN_CACHE = process.env.STRATA_PLAN_CACHE ?? path.join(os.tmpdir(), "strata-plan-cache");

// Tests judge EKS version support as of a fixed day, so the suite does not start failing when a pinned version reaches
// its end of support (the program itself uses the real date; STRATA_TODAY is its documented override).
process.env.STRATA_TODAY = process.env.STRATA_TODAY ?? "2026-12-01";
