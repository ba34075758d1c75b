/*
 * Coventry City Council hate crime help chat: the one script a website adds.
 *
 * Embed with one tag (no build step, no CDN, no inline script, no eval):
 *   <script src="https://ASSISTANT/chat/widget.js" defer
 *           data-title="Hate crime help" data-colour="#1d70b8" data-position="right"
 *           data-lang="en" data-exit-url="https://www.bbc.co.uk/weather"></script>
 *
 * This script adds only a launcher button and an iframe. The conversation runs in the frame, a
 * page of the assistant's own origin (chat.js), so this page's scripts cannot read it, and its
 * storage is the assistant's. The frame tells this script only when to show the launcher (with
 * its label and colour, and the label again when the person changes the chat's language), to
 * close, that Shift was pressed outside a text field, and to leave.
 * The launcher appears only once the frame has said it is ready, so a site the assistant does
 * not allow (the frame is refused by its frame-ancestors policy) or a server that is down shows
 * no button that cannot work.
 */
(function () {
  "use strict";

  // {{helpers.js}}

  var script = document.currentScript;
  if (!script || window.__coventryHateCrimeChat) { return; }
  window.__coventryHateCrimeChat = true;

  var PROTOCOL = "chc-chat-1"; // marks our messages between this page and the frame
  var SHIFT_PRESSES = 3;
  var SHIFT_WINDOW_MS = 5000;
  // After a Shift exit, how long the frame has to clear the conversation before the tab leaves.
  var EXIT_WAIT_MS = 1000;
  var STILL_HERE_MS = 5000;
  var DEFAULT_EXIT_URL = "https://www.bbc.co.uk/weather";

  var data = script.dataset;
  var server = safeHttpOrigin(data.server) || new URL(script.src).origin;
  var position = data.position === "left" ? "left" : "right";
  var exitUrl = safeHttpUrl(data.exitUrl, window.location.href) || DEFAULT_EXIT_URL;

  function safeHttpOrigin(value) {
    var url = safeHttpUrl(value, window.location.href);
    return url ? new URL(url).origin : null;
  }

  function el(tag, className) {
    var node = document.createElement(tag);
    node.className = className;
    return node;
  }

  // ---- The launcher, the frame and the exit cover --------------------------------------------
  var stylesheet = document.createElement("link");
  stylesheet.rel = "stylesheet";
  stylesheet.href = server + "/chat/widget.css";
  document.head.appendChild(stylesheet);

  var root = el("div", "chc-chat-host chc-chat-host--" + position);
  root.hidden = true; // until the frame is ready

  var launcher = el("button", "chc-chat-host__launcher");
  launcher.type = "button";
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "chc-chat-frame");

  var box = el("div", "chc-chat-host__box");
  box.hidden = true;
  var frame = el("iframe", "chc-chat-host__frame");
  frame.id = "chc-chat-frame";
  frame.setAttribute("allow", "clipboard-write");
  frame.src = server + "/chat/frame?" + new URLSearchParams({
    title: data.title || "", colour: data.colour || "", lang: data.lang || "", exit: exitUrl
  }).toString();
  box.appendChild(frame);

  var cover = el("div", "chc-chat-host__cover");
  cover.hidden = true;

  root.appendChild(launcher);
  root.appendChild(box);

  // ---- Messages with the frame: only from our frame, only to our server's origin -------------
  function tellFrame(type, details) {
    var message = { protocol: PROTOCOL, type: type };
    Object.keys(details || {}).forEach(function (key) { message[key] = details[key]; });
    frame.contentWindow.postMessage(message, server);
  }

  frame.addEventListener("load", function () { tellFrame("hello"); });

  window.addEventListener("message", function (event) {
    var message = event.data;
    if (event.source !== frame.contentWindow || event.origin !== server || !message || message.protocol !== PROTOCOL) {
      return;
    }
    if (message.type === "ready") { ready(message); }
    if (message.type === "labels") { relabel(message); }
    if (message.type === "close") { show(false, true); }
    if (message.type === "shift") { countShift(); }
    if (message.type === "other-key") { shiftTimes = []; }
    if (message.type === "exit") { leave(message.leaving === true); }
  });

  // The launcher's text, in the chat's language (again whenever the person changes it there).
  function relabel(message) {
    launcher.textContent = String(message.title);
    launcher.setAttribute("aria-label", String(message.label));
    frame.title = String(message.frameTitle);
    cover.textContent = String(message.loading);
    var lang = /^[a-z]{2,3}$/.test(message.lang) ? message.lang : "en";
    var dir = message.dir === "rtl" ? "rtl" : "ltr";
    [root, cover].forEach(function (node) { node.lang = lang; node.dir = dir; });
  }

  function ready(message) {
    relabel(message);
    if (/^#[0-9a-f]{6}$/.test(message.colour)) { root.style.setProperty("--chc-colour", message.colour); }
    root.hidden = false;
    if (message.open) { show(true, false); }
  }

  function show(open, moveFocus) {
    box.hidden = !open;
    launcher.hidden = open;
    launcher.setAttribute("aria-expanded", String(open));
    if (open) {
      if (moveFocus) { frame.focus(); }
      tellFrame("open", { focus: moveFocus });
    } else if (moveFocus) {
      launcher.focus();
    }
  }

  launcher.addEventListener("click", function () { show(true, true); });

  // ---- Exit this page ------------------------------------------------------------------------
  var leaving = false;

  // The frame has cleared the conversation; the tab goes (the frame sends it itself after a click
  // on Exit, whatever this page's scripts do; otherwise this page sends it). If this page asks
  // "leave this page?" (an unsaved form), the browser asks the person, and no script can stop it.
  function leave(frameSendsIt) {
    cover.hidden = false;
    box.hidden = true;
    launcher.hidden = true;
    // If the tab is still here after a while (the person chose to stay), give the page back
    // rather than a blank cover; the conversation is already gone.
    window.setTimeout(function () { cover.hidden = true; launcher.hidden = false; leaving = false; },
      STILL_HERE_MS);
    if (leaving || frameSendsIt) { return; }
    leaving = true;
    try {
      window.top.location.replace(exitUrl);
    } catch (e) {
      window.location.replace(exitUrl);
    }
  }

  // Shift three times within five seconds exits, but never while typing in a text field
  // (phone keyboards send Shift for capitals). The frame reports its own Shift presses here.
  var shiftTimes = [];

  function countShift() {
    var now = Date.now();
    shiftTimes = shiftTimes.filter(function (time) { return now - time < SHIFT_WINDOW_MS; });
    shiftTimes.push(now);
    if (shiftTimes.length < SHIFT_PRESSES) { return; }
    // The frame clears the conversation and answers "exit"; leave anyway if it does not.
    cover.hidden = false;
    box.hidden = true;
    tellFrame("exit");
    window.setTimeout(function () { leave(false); }, EXIT_WAIT_MS);
  }

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { return; }
    if (isTypingIn(event)) { shiftTimes = []; return; }
    countShift();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") { shiftTimes = []; }
  });

  // ---- Start ---------------------------------------------------------------------------------
  function start() {
    document.body.appendChild(root);
    document.body.appendChild(cover);
  }

  if (document.body) { start(); } else { document.addEventListener("DOMContentLoaded", start); }
})();
