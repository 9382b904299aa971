// @ts-check
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");

/**
 * House rules. Spec modules (every file in a component folder except its index.ts and resources.ts wiring) are pure:
 * they return plain data and may import @pulumi/* types but no runtime values, so their tests need no mock runtime.
 */
module.exports = tseslint.config(
    { ignores: ["node_modules/**", "dist/**", "coverage/**", "**/*.generated.ts", "tests/fixtures/consumer/node_modules/**"] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        files: ["**/*.ts"],
        languageOptions: { parserOptions: { projectService: false } },
        rules: {
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
            "no-constant-condition": ["error", { checkLoops: false }],
        },
    },
    {
        files: ["components/*/**/*.ts"],
        ignores: ["components/*/index.ts", "components/*/resources.ts", "components/config/**"],
        rules: {
            "@typescript-eslint/no-restricted-imports": [
                "error",
                {
                    patterns: [
                        {
                            group: ["@pulumi/*"],
                            allowTypeImports: true,
                            message: "spec modules are pure: import Pulumi types only (`import type`), create resources in index.ts or resources.ts",
                        },
                    ],
                },
            ],
        },
    },
    {
        files: ["**/*.js"],
        languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly" } },
        rules: { "@typescript-eslint/no-require-imports": "off" },
    },
);
