/**
 * Unit and component tests (`npm test` runs them after the typecheck and the lint). Whole-suite tests that plan every
 * stack and blueprint, build the package or load the policy pack are named `*.integration.test.ts` and run with
 * `npm run test:integration` (jest.integration.config.js). Tests are type-checked once by `npm run typecheck`; jest
 * only transpiles.
 */
module.exports = {
    testEnvironment: "node",
    roots: ["<rootDir>/tests"],
    testPathIgnorePatterns: ["/node_modules/", "/fixtures/", "\\.integration\\.test\\.ts$"],
    testMatch: ["**/*.test.ts"],
    transform: {
        "^.+\\.ts$": ["ts-jest", { isolatedModules: true, diagnostics: false }],
    },
    setupFiles: ["<rootDir>/tests/setup.ts"],
    testTimeout: 180000,
    maxWorkers: 2,
};
