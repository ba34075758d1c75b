/*
 * The widget's pure helpers, shared by loader.js (the host page) and chat.js (the frame). The
 * server puts this file into both, where they name it, when it starts (bot/widget/channel.py),
 * so partners still embed one file and nothing is built.
 * Unit tests without a browser or a model: tests/widget/helpers.test.mjs (node --test).
 */

// An http(s) address written by a partner, or null; relative addresses are read against base.
function safeHttpUrl(value, base) {
  if (!value) { return null; }
  try {
    var url = base ? new URL(value, base) : new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch (e) { return null; }
}

// A partner's colour is darkened until white text on it reaches 4.5:1 (WCAG AA).
function parseHex(hex) {
  var m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(hex).trim());
  if (!m) { return null; }
  var h = m[1].length === 3 ? m[1].replace(/(.)/g, "$1$1") : m[1];
  return [0, 2, 4].map(function (i) { return parseInt(h.substr(i, 2), 16); });
}

function luminance(rgb) {
  var c = rgb.map(function (v) {
    v = v / 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

function contrastWithWhite(rgb) { return 1.05 / (luminance(rgb) + 0.05); }

function accessibleColour(value, fallback) {
  var rgb = parseHex(value) || parseHex(fallback);
  while (contrastWithWhite(rgb) < 4.5) {
    rgb = rgb.map(function (v) { return Math.floor(v * 0.92); });
  }
  return "#" + rgb.map(function (v) { return ("0" + v.toString(16)).slice(-2); }).join("");
}

// The language of a reply, from the server's marker {"lang": "pl", "dir": "ltr"}: a code of two or
// three small letters and ltr or rtl, or null. A good code with a bad direction keeps the code
// and lets the browser work the direction out ("auto").
function languageMark(custom) {
  if (!custom || typeof custom.lang !== "string" || !/^[a-z]{2,3}$/.test(custom.lang)) { return null; }
  return { lang: custom.lang, dir: custom.dir === "ltr" || custom.dir === "rtl" ? custom.dir : "auto" };
}

// The lang and dir a reply's bubble gets: English, left to right, unless a valid marker said otherwise.
function bubbleLanguage(message) {
  return languageMark(message) || { lang: "en", dir: "ltr" };
}

// Turns what Rasa sent (REST or Socket.IO shape) into our messages. A custom message marks the
// reply before it: {"urgency": "emergency"} as urgent (styled, and announced assertively),
// {"notes": "summary"} as the notes summary, {"lang": "pl", "dir": "ltr"} as written in that
// language. Replies without a language marker are English.
function toMessages(replies) {
  var messages = [];
  replies.forEach(function (reply) {
    var custom = reply.custom || reply;
    var mark = reply.text ? null : languageMark(custom);
    if (custom && (custom.urgency === "emergency" || custom.notes === "summary" || mark)) {
      var before = messages[messages.length - 1];
      if (before && custom.urgency === "emergency") { before.urgent = true; }
      if (before && custom.notes === "summary") { before.notes = true; }
      if (before && mark) { before.lang = mark.lang; before.dir = mark.dir; }
      return;
    }
    if (!reply.text) { return; }
    var buttons = (reply.buttons || reply.quick_replies || []).map(function (b) {
      return { title: String(b.title), payload: String(b.payload) };
    });
    messages.push({ from: "bot", text: String(reply.text), buttons: buttons, lang: "en", dir: "ltr" });
  });
  return messages;
}

// The language a button's payload chooses (/greet{"language": "pl"}), or null.
function payloadLanguage(payload) {
  var m = /^\/greet(\{.*\})$/.exec(String(payload));
  if (!m) { return null; }
  try {
    var code = JSON.parse(m[1]).language;
    return typeof code === "string" && /^[a-z]{2,3}$/.test(code) ? code : null;
  } catch (e) { return null; }
}

// The payload that sets the conversation's language on the server.
function languagePayload(code) {
  return "/greet" + JSON.stringify({ language: code }).replace(":", ": ");
}

// A text field takes Shift for capitals, so Shift there never counts towards the exit. The
// real target, even inside a web component; a checkbox or a button is not a text field.
function isTypingIn(event) {
  var target = event.composedPath ? event.composedPath()[0] : event.target;
  if (!target || !target.tagName) { return false; }
  if (target.isContentEditable || target.tagName === "TEXTAREA") { return true; }
  return target.tagName === "INPUT" &&
    !/^(checkbox|radio|button|submit|reset|image|file|color|range|hidden)$/i.test(target.type);
}
