/** Tests are type-checked once by `npm run typecheck` (part of `npm test`); jest only transpiles. */
module.exports = {
    testEnvironment: "node",
    roots: ["<rootDir>/tests"],
    testPathIgnorePatterns: ["/node_modules/", "/fixtures/"],
    testMatch: ["**/*.test.ts"],
    transform: {
        "^.+\\.ts$": ["ts-jest", { isolatedModules: true, diagnostics: false }],
    },
    setupFiles: ["<rootDir>/tests/setup.ts"],
    testTimeout: 180000,
    maxWorkers: 2,
};
