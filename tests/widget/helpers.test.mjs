// Unit tests of the widget's pure helpers (bot/widget/helpers.js), in Node, without a browser,
// a server or a trained model. Run by tests/widget/test_helpers.py (make test-unit).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import vm from "node:vm";

const source = readFileSync(new URL("../../bot/widget/helpers.js", import.meta.url), "utf8");
const h = vm.runInNewContext(source + "\n({ safeHttpUrl, parseHex, contrastWithWhite, accessibleColour, "
  + "toMessages, isTypingIn })", { URL });
// Objects made in the helpers' own context, compared as plain data.
const plain = (value) => JSON.parse(JSON.stringify(value));

test("a partner's colour that is too light is darkened until white text on it reaches 4.5:1", () => {
  for (const colour of ["#ffcc00", "#ffffff", "#8fd", "#1d70b8", "yellow", "", "#12345"]) {
    const result = h.accessibleColour(colour, "#1d70b8");
    assert.match(result, /^#[0-9a-f]{6}$/);
    assert.ok(h.contrastWithWhite(h.parseHex(result)) >= 4.5, `${colour} -> ${result}`);
  }
  assert.equal(h.accessibleColour("#1d70b8", "#000000"), "#1d70b8");  // already fine: unchanged
  assert.equal(h.accessibleColour("not a colour", "#1d70b8"), "#1d70b8");  // the fallback
});

test("only http and https addresses are used; relative ones are read against the page", () => {
  assert.equal(h.safeHttpUrl("javascript:alert(1)"), null);
  assert.equal(h.safeHttpUrl("data:text/html,hi"), null);
  assert.equal(h.safeHttpUrl("not a url"), null);
  assert.equal(h.safeHttpUrl(""), null);
  assert.equal(h.safeHttpUrl("https://www.bbc.co.uk/weather"), "https://www.bbc.co.uk/weather");
  assert.equal(h.safeHttpUrl("/away", "https://partner.org/page"), "https://partner.org/away");
});

test("replies become messages: emergency and notes markers attach to the reply before them", () => {
  const messages = h.toMessages([
    { text: "Call 999 now." }, { custom: { urgency: "emergency" } },
    { text: "Your notes", buttons: [{ title: "Copy", payload: 7 }] }, { custom: { notes: "summary" } },
    { recipient_id: "x" }, { text: "Pick one", quick_replies: [{ title: "A", payload: "/a" }] },
  ]);
  assert.equal(messages.length, 3);
  assert.equal(messages[0].urgent, true);
  assert.equal(messages[1].notes, true);
  assert.deepEqual(plain(messages[1].buttons), [{ title: "Copy", payload: "7" }]);
  assert.deepEqual(plain(messages[2].buttons), [{ title: "A", payload: "/a" }]);
  assert.deepEqual(plain(h.toMessages([{ custom: { urgency: "emergency" } }])), []);  // no reply before: nothing
});

test("Shift counts towards the exit except while typing in a text field, in a web component too", () => {
  const at = (target) => ({ composedPath: () => [target], target: { tagName: "DIV" } });
  assert.equal(h.isTypingIn(at({ tagName: "TEXTAREA" })), true);
  assert.equal(h.isTypingIn(at({ tagName: "INPUT", type: "text" })), true);
  assert.equal(h.isTypingIn(at({ tagName: "INPUT", type: "email" })), true);
  assert.equal(h.isTypingIn(at({ tagName: "DIV", isContentEditable: true })), true);
  assert.equal(h.isTypingIn(at({ tagName: "INPUT", type: "checkbox" })), false);
  assert.equal(h.isTypingIn(at({ tagName: "BUTTON" })), false);
  assert.equal(h.isTypingIn(at({ tagName: "SELECT" })), false);
  assert.equal(h.isTypingIn({ target: { tagName: "TEXTAREA" } }), true);  // no composedPath: older browsers
});
