// Unit tests of the widget's pure helpers (bot/widget/helpers.js), in Node, without a browser,
// a server or a trained model. Run by tests/widget/test_helpers.py (make test-unit).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import vm from "node:vm";

const source = readFileSync(new URL("../../bot/widget/helpers.js", import.meta.url), "utf8");
const h = vm.runInNewContext(source + "\n({ safeHttpUrl, parseHex, contrastWithWhite, accessibleColour, "
  + "toMessages, isTypingIn, bubbleLanguage, payloadLanguage, languagePayload })", { URL });
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

test("a language marker gives the reply before it its lang and dir; replies without one are English", () => {
  const messages = h.toMessages([
    { text: "Mogę podać Ci najważniejsze informacje." }, { custom: { lang: "pl", dir: "ltr" } },
    { text: "If you are in danger now, call 999." },
    { text: "اگر آپ ابھی خطرے میں ہیں تو 999 پر کال کریں۔" }, { custom: { urgency: "emergency", lang: "ur", dir: "rtl" } },
    { text: "ماذا حدث؟" }, { lang: "ar", dir: "rtl" },  // Socket.IO without the REST wrapper
  ]);
  assert.deepEqual(plain(messages.map((m) => [m.lang, m.dir])), [["pl", "ltr"], ["en", "ltr"], ["ur", "rtl"], ["ar", "rtl"]]);
  assert.equal(messages[2].urgent, true);  // both markers at once
  assert.equal(messages[1].urgent, undefined);
  assert.deepEqual(plain(h.bubbleLanguage(messages[0])), { lang: "pl", dir: "ltr" });
  assert.deepEqual(plain(h.bubbleLanguage({ from: "bot", text: "stored before languages" })), { lang: "en", dir: "ltr" });
});

test("a language marker that is not a plain code or direction is not used", () => {
  const marked = (custom) => plain(h.toMessages([{ text: "Hello" }, { custom }]))[0];
  for (const lang of ["PL", "polish", "p", "pl-PL", "pl\" onmouseover=\"x", "", 7, null, ["pl"]]) {
    assert.deepEqual([marked({ lang, dir: "ltr" }).lang, marked({ lang, dir: "ltr" }).dir], ["en", "ltr"], String(lang));
  }
  // A good code with a bad direction: the code is kept, the browser works out the direction.
  for (const dir of ["RTL", "sideways", "", undefined, "rtl; color: red"]) {
    assert.deepEqual([marked({ lang: "ar", dir }).lang, marked({ lang: "ar", dir }).dir], ["ar", "auto"], String(dir));
  }
  assert.deepEqual(plain(h.toMessages([{ custom: { lang: "pl", dir: "ltr" } }])), []);  // no reply before: nothing
  // A marker never changes a reply after it, nor the text of the reply it marks.
  const two = plain(h.toMessages([{ text: "One" }, { custom: { lang: "pl", dir: "ltr" } }, { text: "Two" }]));
  assert.deepEqual(two.map((m) => [m.text, m.lang]), [["One", "pl"], ["Two", "en"]]);
});

test("a button that chooses a language is recognised, and the widget's own payload is the server's", () => {
  assert.equal(h.languagePayload("pl"), '/greet{"language": "pl"}');
  assert.equal(h.payloadLanguage('/greet{"language": "en"}'), "en");
  assert.equal(h.payloadLanguage('/greet{"language":"ur"}'), "ur");
  assert.equal(h.payloadLanguage(h.languagePayload("ti")), "ti");
  for (const payload of ["/greet", "/ask_support", '/greet{"language": "EN"}', '/greet{"language": "x"}',
    '/greet{"language": 5}', '/greet{not json}', 'hello /greet{"language": "pl"}', '/emergency{"language": "pl"}']) {
    assert.equal(h.payloadLanguage(payload), null, payload);
  }
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
