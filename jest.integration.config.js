/**
 * The integration suite (`npm run test:integration`): only `*.integration.test.ts`, the tests that plan every stack
 * and blueprint, pack the package for a consumer, or load the policy pack under the Pulumi policy runtime.
 */
const unit = require("./jest.config.js");

module.exports = {
    ...unit,
    testPathIgnorePatterns: ["/node_modules/", "/fixtures/"],
    testMatch: ["**/*.integration.test.ts"],
    testTimeout: 600000,
};
