// ESLint for the chat widget's scripts (`make lint`). They run in browsers as plain scripts:
// no modules, no build step, so ES5-style code with the browser's globals.
import js from "@eslint/js";

const browser = {
  window: "readonly", document: "readonly", navigator: "readonly", URL: "readonly",
  URLSearchParams: "readonly", Blob: "readonly", Event: "readonly", Promise: "readonly",
  Uint8Array: "readonly", console: "readonly"
};
// helpers.js is put into loader.js and chat.js by the server where they name it (bot/widget/channel.py).
const helpers = {
  safeHttpUrl: "readonly", parseHex: "readonly", luminance: "readonly", contrastWithWhite: "readonly",
  accessibleColour: "readonly", toMessages: "readonly", isTypingIn: "readonly", languageMark: "readonly",
  bubbleLanguage: "readonly", payloadLanguage: "readonly", languagePayload: "readonly"
};
const rules = {
  "no-var": "off",
  // `catch (e) { /* why it is ignored */ }` is written out for older browsers.
  "no-unused-vars": ["error", { caughtErrors: "none" }],
  "eqeqeq": "error",
  "max-len": ["error", { code: 120, ignoreStrings: true, ignoreComments: false }]
};

export default [
  js.configs.recommended,
  {
    files: ["bot/widget/loader.js", "bot/widget/chat.js"],
    languageOptions: { ecmaVersion: 2018, sourceType: "script", globals: { ...browser, ...helpers } },
    rules: { ...rules, "no-implicit-globals": "error", "strict": ["error", "function"] }
  },
  {
    files: ["bot/widget/helpers.js"],
    languageOptions: { ecmaVersion: 2018, sourceType: "script", globals: browser },
    // Its functions are used where the file is put in, so unused top-level names are expected.
    rules: { ...rules, "no-unused-vars": ["error", { vars: "local", caughtErrors: "none" }] }
  },
  {
    files: ["tests/widget/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { console: "readonly", URL: "readonly" } },
    rules
  }
];
