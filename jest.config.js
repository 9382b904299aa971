/** Tests are type-checked once by `npm run typecheck` (part of `npm test`); jest only transpiles. */
module.exports = {
    testEnvironment: "node",
    roots: ["<rootDir>/tests"],
    testMatch: ["**/*.test.ts"],
    transform: {
        "^.+\\.ts$": ["ts-jest", { isolatedModules: true, diagnostics: false }],
    },
    testTimeout: 180000,
    maxWorkers: 2,
};
