// ESLint for the chat widget's scripts (`make lint`). They run in browsers as plain scripts:
// no modules, no build step, so ES5-style code with the browser's globals.
import js from "@eslint/js";

const browser = {
  window: "readonly", document: "readonly", navigator: "readonly", URL: "readonly",
  URLSearchParams: "readonly", Blob: "readonly", Event: "readonly", Promise: "readonly",
  Uint8Array: "readonly", console: "readonly"
};

export default [
  js.configs.recommended,
  {
    files: ["bot/widget/**/*.js"],
    languageOptions: { ecmaVersion: 2018, sourceType: "script", globals: browser },
    rules: {
      "no-var": "off",
      // `catch (e) { /* why it is ignored */ }` is written out for older browsers.
      "no-unused-vars": ["error", { caughtErrors: "none" }],
      "eqeqeq": "error",
      "no-implicit-globals": "error",
      "strict": ["error", "function"],
      "max-len": ["error", { code: 120, ignoreStrings: true, ignoreComments: false }]
    }
  }
];
