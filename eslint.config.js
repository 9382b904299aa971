// @ts-check
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");

/** Components take settings as plain data: from config they import types only (shared AWS facts live in the catalogue). */
const configTypesOnly = {
    group: ["**/config", "**/config/*"],
    allowTypeImports: true,
    message: "components import only types from config; shared facts belong in components/catalogue",
};

/**
 * Spec modules (every file in a component folder except its index.ts and resources.ts wiring) are pure: they return plain
 * data and may import @pulumi/* types but no runtime values, so their tests need no mock runtime.
 */
const pulumiTypesOnly = {
    group: ["@pulumi/*"],
    allowTypeImports: true,
    message: "spec modules are pure: import Pulumi types only (`import type`), create resources in index.ts or resources.ts",
};

module.exports = tseslint.config(
    {
        ignores: [
            "node_modules/**",
            "dist/**",
            "coverage/**",
            "**/*.generated.ts",
            "tests/fixtures/consumer/node_modules/**",
            "tests/fixtures/ts-consumer/**",
        ],
    },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        files: ["**/*.ts"],
        languageOptions: { parserOptions: { projectService: false } },
        rules: {
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
            "no-constant-condition": ["error", { checkLoops: false }],
            "@typescript-eslint/consistent-type-imports": ["error", { prefer: "type-imports", fixStyle: "separate-type-imports" }],
        },
    },
    {
        files: ["components/**/*.ts"],
        ignores: ["components/config/**", "components/index.ts"],
        rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [configTypesOnly] }] },
    },
    {
        files: ["components/*/**/*.ts"],
        ignores: ["components/*/index.ts", "components/*/resources.ts", "components/config/**"],
        rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [configTypesOnly, pulumiTypesOnly] }] },
    },
    {
        files: ["**/*.js"],
        languageOptions: {
            sourceType: "commonjs",
            globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly" },
        },
        rules: { "@typescript-eslint/no-require-imports": "off" },
    },
);
