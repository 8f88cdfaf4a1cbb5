// ESLint 9 flat config: the rules of Remix's template (.eslintrc for React, JSX a11y,
// TypeScript) in today's format. See docs/decisions/006-linting.md.
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * Dependencies point one way (docs/decisions/011-folders-and-dependencies.md):
 *   routes → components, http → domain → utils → db
 * and server/ (the HTTP server and jobs) sits on top. Each layer names what it may not import.
 */
const forbiddenLayers = {
  utils: ["domain", "http", "server", "routes", "components"],
  domain: ["http", "server", "routes", "components"],
  http: ["server", "routes", "components"],
  components: ["http", "server", "routes"],
  routes: ["server"],
  server: ["routes", "components"],
};

const layerPattern = (layer) => ({
  group: [`~/${layer}`, `~/${layer}/*`, `../${layer}/*`, `../../${layer}/*`, `**/app/${layer}/*`],
  message: `This layer must not import app/${layer} (dependencies point one way; see docs/decisions/011).`,
});

// Code that reaches the browser (everything but *.server files) must not import server modules
// (the classic compiler would silently replace them with empty ones) nor drizzle or db/schema
// (the ORM would ship to the phone). Type-only imports are erased and fine.
const browserPatterns = [
  {
    group: ["*.server", "**/*.server", "*.server.*"],
    allowTypeImports: true,
    message: "Code that reaches the browser must not import a .server module (type-only imports are fine).",
  },
  {
    group: ["~db/*", "**/db/schema/*", "drizzle-orm", "drizzle-orm/*"],
    allowTypeImports: true,
    message: "Code that reaches the browser must not import drizzle or db/schema: vocabularies live in app/domain/*/vocabulary.ts.",
  },
];

const serverFiles = ["**/*.server.ts", "**/*.server.tsx"];
const testFiles = ["**/*.test.ts", "**/*.test.tsx"];

function layerRules() {
  return Object.entries(forbiddenLayers).flatMap(([layer, forbidden]) => {
    const layerPatterns = forbidden.map(layerPattern);
    const rule = (patterns) => ({
      "@typescript-eslint/no-restricted-imports": ["error", { patterns }],
    });
    // Route modules may import .server modules (the compiler strips loaders and actions from the
    // browser build) but never drizzle: routes don't build SQL.
    const browser = layer === "routes" ? browserPatterns.slice(1) : browserPatterns;
    return [
      // browser-reachable files of the layer (server/ holds only server code)
      ...(layer === "server"
        ? []
        : [{ files: [`app/${layer}/**`], ignores: [...serverFiles, ...testFiles], rules: rule([...layerPatterns, ...browser]) }]),
      { files: layer === "server" ? [`app/${layer}/**`] : serverFiles.map((f) => `app/${layer}/${f}`), ignores: testFiles, rules: rule(layerPatterns) },
    ];
  }).concat([
    { files: ["app/entry.client.tsx"], rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: browserPatterns }] } },
    { files: ["app/root.tsx"], rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: browserPatterns.slice(1) }] } },
    {
      // The schema may import the domain's vocabularies and nothing else of the app.
      files: ["db/schema/**"],
      rules: {
        "@typescript-eslint/no-restricted-imports": [
          "error",
          { patterns: [{ regex: "^(~/|(\\.\\./)+app/(?!domain/[a-z-]+/vocabulary$))", message: "db/schema may import only app/domain/*/vocabulary.ts." }] },
        ],
      },
    },
  ]);
}

export default tseslint.config(
  {
    ignores: ["build/", "public/build/", "node_modules/", "test-results/", "playwright-report/", "data/"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{js,jsx,ts,tsx,mjs}"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: { ...globals.browser, ...globals.node },
    },
    settings: { react: { version: "18.3" } },
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.strict.rules,
      "react/prop-types": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
    },
  },
  ...layerRules(),
  {
    files: ["tests/**", "**/*.test.ts", "**/*.test.tsx"],
    rules: { "react-hooks/rules-of-hooks": "off", "no-empty-pattern": "off" },
  },
);
