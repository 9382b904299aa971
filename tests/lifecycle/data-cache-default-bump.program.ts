/**
 * The Strata program as a release that moves the default Valkey version from 8.0 to 8.1 would run it: the
 * catalogue's default changed before the program loads, nothing else. Used by data-cache.integration.test.ts.
 */
import { DEFAULT_CACHE_ENGINE_VERSION } from "../../components/catalogue/elasticache";

DEFAULT_CACHE_ENGINE_VERSION.valkey = "8.1";
// eslint-disable-next-line @typescript-eslint/no-require-imports
module.exports = require("../../index");
