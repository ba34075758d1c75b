/*
 * Coventry City Council hate crime help chat: the conversation, inside the frame.
 *
 * This runs in /chat/frame, a page of the assistant's own origin that loader.js puts in an
 * iframe on the host page. So the conversation, its DOM and its sessionStorage belong to the
 * assistant, and no script on a partner's page (analytics, ads, an injected script) can read
 * them or change the exit button. Messages to the host page carry no conversation: only "ready"
 * (with the labels and colour for the launcher), "close", "shift" and "exit" (see README.md).
 *
 * Privacy: the conversation lives in this tab's sessionStorage only (gone when the tab closes,
 * never in storage that outlives the tab). "Exit this page" and Shift pressed three times clear
 * it and replace the whole tab with a neutral site.
 * Safety: the "in danger now" line and the exit button cannot be turned off by configuration.
 * Values in double braces are filled by the server from the contact directory.
 */
(function () {
  "use strict";

  // {{helpers.js}}

  var STORAGE_KEY = "coventry-hate-crime-chat";
  var REPLY_TIMEOUT_MS = 15000;
  var BATCH_QUIET_MS = 400;
  var DEFAULT_COLOUR = "#1d70b8";
  var DEFAULT_EXIT_URL = "https://www.bbc.co.uk/weather";
  var PROTOCOL = "chc-chat-1"; // marks our messages between the frame and loader.js

  // Interface text. Add a language by adding a block; replies from the assistant are in English.
  var TEXT = {
    en: {
      title: "Hate crime help",
      open: "Open the hate crime help chat",
      frame: "Hate crime help chat",
      close: "Close the chat",
      exit: "Exit this page",
      exitHint: "Leaves this page straight away. Or press Shift 3 times.",
      danger: "In danger now? Call {{emergency_phone}}. Deaf or cannot speak? Text relay {{text_relay_phone}}.",
      notice: "Please do not type names, addresses or phone numbers.",
      privacy: "How we use your information",
      automated: "This is an automated assistant. It gives information only.",
      inputLabel: "Your message",
      send: "Send",
      you: "You said:",
      bot: "Assistant said:",
      typing: "The assistant is typing",
      failed: "Sorry, the assistant is not answering right now. Your message is still in the box.",
      notAnswered: "Your message was not answered. It is still in the box.",
      retry: "Try again",
      tooLong: "Your message is too long. Please keep it under {{max_message_chars_words}} characters.",
      empty: "Please type a message first.",
      loading: "Loading.",
      copyNotes: "Copy notes",
      copied: "Your notes are copied. You can paste them into a report form.",
      copyFailed: "Copying did not work. Select the notes and copy them, or use Download.",
      downloadNotes: "Download notes",
      downloaded: "Your notes are saved as a text file in your downloads.",
      printNotes: "Print notes",
      notesFile: "hate-incident-notes"
    }
  };
  // The server's MAX_MESSAGE_CHARS, filled in when the server starts; counted in characters as
  // the server counts them (an emoji is one), not in UTF-16 units.
  var MAX_MESSAGE_LENGTH = Number("{{max_message_chars}}");

  // ---- Configuration: the query string loader.js wrote from the host's data attributes -----
  var query = new URLSearchParams(window.location.search);
  var lang = TEXT[query.get("lang")] ? query.get("lang") : "en";
  var t = TEXT[lang];
  var title = (query.get("title") || t.title).slice(0, 60);
  var exitUrl = safeHttpUrl(query.get("exit")) || DEFAULT_EXIT_URL;
  var colour = accessibleColour(query.get("colour"), DEFAULT_COLOUR);
  // Opened as a page of its own (a link, not a frame): go to the page that embeds it properly.
  if (window.parent === window) { window.location.replace("/chat/"); return; }
  // The host page's origin, from the browser's own record of who sent "hello" (never from the
  // query string). The server's frame-ancestors policy lets only allowed sites embed this page.
  var hostOrigin = null;
  // Which website the chat is on (an origin, never a page address): counted in the staff stats.
  function site() { return hostOrigin || window.location.origin; }

  // ---- Session: a random, unguessable id; history in this tab only ------------------------
  function randomId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function loadState() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) || "null");
      if (saved && /^[0-9a-f]{32}$/.test(saved.sessionId) && Array.isArray(saved.messages)) { return saved; }
    } catch (e) { /* unreadable: start again */ }
    return { sessionId: randomId(), messages: [], open: false };
  }

  var state = loadState();

  function saveState() {
    try { window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state)); } catch (e) { /* full or blocked */ }
  }

  // ---- DOM helpers: text only, never HTML from a message ----------------------------------
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  var LINK = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g;

  // Adds text to a node, turning http(s) links into safe links that open in a new tab.
  function appendLinkedText(parent, text) {
    var last = 0;
    text.replace(LINK, function (url, index) {
      parent.appendChild(document.createTextNode(text.slice(last, index)));
      var a = el("a", "chc-chat__link", url);
      a.href = url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      parent.appendChild(a);
      last = index + url.length;
      return url;
    });
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  // A reply's lines: "- " lines become a list, others paragraphs.
  function renderText(container, text) {
    var list = null;
    String(text).split("\n").forEach(function (line) {
      if (/^\s*-\s+/.test(line)) {
        if (!list) { list = el("ul", "chc-chat__list"); container.appendChild(list); }
        var item = el("li");
        appendLinkedText(item, line.replace(/^\s*-\s+/, ""));
        list.appendChild(item);
      } else if (line.trim()) {
        list = null;
        var p = el("p", "chc-chat__para");
        appendLinkedText(p, line);
        container.appendChild(p);
      }
    });
  }

  // ---- Build the chat ----------------------------------------------------------------------
  document.documentElement.lang = lang;
  document.title = title;

  var root = el("div", "chc-chat");
  root.style.setProperty("--chc-colour", colour);

  var panel = el("section", "chc-chat__panel");
  panel.setAttribute("aria-labelledby", "chc-chat-title");

  var header = el("div", "chc-chat__header");
  var heading = el("h2", "chc-chat__title", title);
  heading.id = "chc-chat-title";
  var exitButton = el("button", "chc-chat__exit", t.exit);
  exitButton.type = "button";
  exitButton.setAttribute("aria-describedby", "chc-chat-exit-hint");
  var closeButton = el("button", "chc-chat__close", "\u00d7");
  closeButton.type = "button";
  closeButton.setAttribute("aria-label", t.close);
  header.appendChild(heading);
  header.appendChild(exitButton);
  header.appendChild(closeButton);

  var exitHint = el("p", "chc-chat__exit-hint", t.exitHint);
  exitHint.id = "chc-chat-exit-hint";
  var danger = el("p", "chc-chat__danger", t.danger);
  var automated = el("p", "chc-chat__notice", t.automated);

  // The visible conversation. Announcements are made once, through the two regions below.
  var log = el("div", "chc-chat__log");
  log.setAttribute("role", "log");
  log.setAttribute("aria-live", "off");
  log.setAttribute("aria-label", title);
  log.tabIndex = 0;

  var politeAnnouncer = el("div", "chc-chat__visually-hidden");
  politeAnnouncer.setAttribute("aria-live", "polite");
  var urgentAnnouncer = el("div", "chc-chat__visually-hidden");
  urgentAnnouncer.setAttribute("aria-live", "assertive");

  var typing = el("p", "chc-chat__typing");
  typing.hidden = true;
  typing.appendChild(el("span", "chc-chat__visually-hidden", t.typing));
  [1, 2, 3].forEach(function () { typing.appendChild(el("span", "chc-chat__dot")).setAttribute("aria-hidden", "true"); });

  var status = el("div", "chc-chat__status");
  status.setAttribute("role", "alert");
  status.hidden = true;

  var form = el("form", "chc-chat__form");
  form.noValidate = true;
  var inputLabel = el("label", "chc-chat__label", t.inputLabel);
  inputLabel.htmlFor = "chc-chat-input";
  var input = el("textarea", "chc-chat__input");
  input.id = "chc-chat-input";
  input.rows = 2;
  input.maxLength = MAX_MESSAGE_LENGTH * 2;
  input.setAttribute("autocomplete", "off");
  input.setAttribute("aria-describedby", "chc-chat-notice");
  var sendButton = el("button", "chc-chat__send", t.send);
  sendButton.type = "submit";
  var notice = el("p", "chc-chat__notice");
  notice.id = "chc-chat-notice";
  notice.appendChild(document.createTextNode(t.notice + " "));
  var privacyLink = el("a", "chc-chat__link", t.privacy);
  privacyLink.href = "/chat/privacy";
  privacyLink.target = "_blank";
  privacyLink.rel = "noopener noreferrer";
  notice.appendChild(privacyLink);
  form.appendChild(inputLabel);
  form.appendChild(input);
  form.appendChild(sendButton);
  form.appendChild(notice);

  [header, exitHint, danger, automated, log, typing, status, form, politeAnnouncer, urgentAnnouncer]
    .forEach(function (node) { panel.appendChild(node); });

  root.appendChild(panel);

  // ---- Showing messages --------------------------------------------------------------------
  function showMessage(message) {
    var item = el("div", "chc-chat__message chc-chat__message--" + message.from +
      (message.urgent ? " chc-chat__message--urgent" : ""));
    item.appendChild(el("span", "chc-chat__visually-hidden", message.from === "user" ? t.you : t.bot));
    renderText(item, message.text || "");
    if (message.buttons && message.buttons.length && !message.answered) {
      var group = el("div", "chc-chat__buttons");
      message.buttons.forEach(function (button) {
        var b = el("button", "chc-chat__reply-button", button.title);
        b.type = "button";
        b.addEventListener("click", function () {
          message.answered = true;
          group.remove();
          send(button.payload, button.title);
        });
        group.appendChild(b);
      });
      item.appendChild(group);
    }
    if (message.notes) { item.appendChild(notesActions(message.text)); }
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
  }

  // ---- Incident notes: they exist only here, in the person's browser -----------------------
  function notesActions(text) {
    var group = el("div", "chc-chat__notes-actions");
    var said = el("p", "chc-chat__notes-status");
    said.setAttribute("role", "status");
    [[t.copyNotes, copyNotes], [t.downloadNotes, downloadNotes], [t.printNotes, printNotes]].forEach(function (action) {
      var button = el("button", "chc-chat__notes-button", action[0]);
      button.type = "button";
      button.addEventListener("click", function () { action[1](text, said); });
      group.appendChild(button);
    });
    group.appendChild(said);
    return group;
  }

  function copyNotes(text, said) {
    var done = function () { said.textContent = t.copied; };
    var failed = function () { said.textContent = t.copyFailed; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, failed);
      return;
    }
    var area = el("textarea", "chc-chat__visually-hidden");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    try { (document.execCommand("copy") ? done : failed)(); } catch (e) { failed(); }
    area.remove();
    input.focus();
  }

  function downloadNotes(text, said) {
    var link = el("a");
    link.href = URL.createObjectURL(new Blob([text + "\n"], { type: "text/plain;charset=utf-8" }));
    link.download = t.notesFile + "-" + new Date().toISOString().slice(0, 10) + ".txt";
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    said.textContent = t.downloaded;
  }

  // Prints only the notes, from a hidden frame, so the rest of the page is not printed.
  function printNotes(text) {
    var frame = el("iframe", "chc-chat__print-frame");
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    document.body.appendChild(frame);
    var doc = frame.contentDocument;
    var pre = doc.createElement("pre");
    pre.textContent = text;
    pre.style.whiteSpace = "pre-wrap";
    pre.style.font = "12pt sans-serif";
    doc.body.appendChild(pre);
    frame.contentWindow.focus();
    frame.contentWindow.print();
    window.setTimeout(function () { frame.remove(); }, 1000);
  }

  function announce(messages) {
    var urgent = messages.some(function (m) { return m.urgent; });
    var text = messages.map(function (m) { return m.text; }).join(" ");
    var target = urgent ? urgentAnnouncer : politeAnnouncer;
    target.textContent = "";
    window.setTimeout(function () { target.textContent = text; }, 50);
  }

  // ---- Talking to the assistant: Socket.IO (websocket), or REST if that is blocked ----------
  var socket = null;
  // frame.html loads our copy of the Socket.IO client before this script; if it did not load
  // (blocked or failed), every message goes over REST.
  var useRest = typeof window.io !== "function";

  var waiting = null; // { resolve, reject, replies, timer, quietTimer }

  function connectSocket() {
    if (useRest || socket) { return; }
    socket = window.io(window.location.origin, { path: "/socket.io", transports: ["websocket"], reconnectionAttempts: 3, timeout: 5000 });
    socket.on("connect", function () { socket.emit("session_request", { session_id: state.sessionId }); });
    socket.on("connect_error", function () {
      if (!socket.connected) { socket.close(); socket = null; useRest = true; }
      if (waiting && waiting.viaSocket) { sendViaRest(waiting.text).then(waiting.resolve, waiting.reject); }
    });
    socket.on("bot_uttered", function (reply) {
      if (!waiting) { return; }
      waiting.replies.push(reply);
      window.clearTimeout(waiting.quietTimer);
      waiting.quietTimer = window.setTimeout(function () { waiting.resolve(waiting.replies); }, BATCH_QUIET_MS);
    });
  }

  function sendViaRest(text) {
    return window.fetch("/webhooks/rest/webhook", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: state.sessionId, message: text, metadata: { site: site() } })
    }).then(function (response) {
      // Too long or too fast: the server answers in the assistant's own words (with 999).
      if (response.status === 413 || response.status === 429) {
        return response.json().then(function (body) {
          if (Array.isArray(body)) { return body; }
          throw new Error("failed");
        });
      }
      if (!response.ok) { throw new Error("failed"); }
      return response.json();
    });
  }

  function exchange(text) {
    return new Promise(function (resolve, reject) {
      var current = { text: text, replies: [], viaSocket: !useRest && socket && socket.connected };
      current.resolve = function (replies) { finish(); resolve(replies); };
      current.reject = function (error) { finish(); reject(error); };
      current.timer = window.setTimeout(function () { current.reject(new Error("failed")); }, REPLY_TIMEOUT_MS);
      function finish() {
        window.clearTimeout(current.timer);
        window.clearTimeout(current.quietTimer);
        if (waiting === current) { waiting = null; }
      }
      waiting = current;
      if (current.viaSocket) {
        socket.emit("user_uttered", { message: text, session_id: state.sessionId, metadata: { site: site() } });
      } else {
        sendViaRest(text).then(current.resolve, current.reject);
      }
    });
  }

  // ---- Sending -----------------------------------------------------------------------------
  var busy = false;

  function showStatus(message, retryText) {
    status.textContent = "";
    status.appendChild(el("p", "chc-chat__status-text", message));
    if (retryText !== undefined) {
      var retry = el("button", "chc-chat__retry", t.retry);
      retry.type = "button";
      retry.addEventListener("click", function () { send(retryText, null, true); });
      status.appendChild(retry);
    }
    status.hidden = false;
  }

  function send(text, shownAs, isRetry) {
    if (busy) { return; }
    status.hidden = true;
    if (!isRetry) {
      var user = { from: "user", text: shownAs || text };
      state.messages.push(user);
      saveState();
      showMessage(user);
    }
    busy = true;
    typing.hidden = false;
    sendButton.disabled = true;
    exchange(text).then(function (replies) {
      var messages = toMessages(replies);
      messages.forEach(function (m) { state.messages.push(m); showMessage(m); });
      saveState();
      announce(messages);
      // The server could not handle it (it says so, with 999): offer to send the same words again.
      if (replies.some(function (r) { return r.custom && r.custom.retry; })) {
        if (!shownAs && !input.value) { input.value = text; }
        showStatus(t.notAnswered, text);
      }
    }, function () {
      // Keep what they typed: back in the box (unless they have started a new message).
      if (!shownAs && !input.value) { input.value = text; }
      showStatus(t.failed, text);
    }).then(function () {
      busy = false;
      typing.hidden = true;
      sendButton.disabled = false;
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { showStatus(t.empty); input.focus(); return; }
    if (Array.from(text).length > MAX_MESSAGE_LENGTH) { showStatus(t.tooLong); input.focus(); return; }
    input.value = "";
    send(text);
    input.focus();
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit", { cancelable: true }));
    }
  });

  // ---- Talking to the host page (loader.js): never any of the conversation ---------------
  function tellHost(type, details) {
    if (!hostOrigin) { return; }
    var message = { protocol: PROTOCOL, type: type };
    Object.keys(details || {}).forEach(function (key) { message[key] = details[key]; });
    window.parent.postMessage(message, hostOrigin);
  }

  window.addEventListener("message", function (event) {
    var message = event.data;
    if (event.source !== window.parent || !message || message.protocol !== PROTOCOL) { return; }
    if (message.type === "hello") {
      if (hostOrigin) { return; } // once per load: the host cannot ask again whether a chat was open
      hostOrigin = event.origin;
      tellHost("ready", { open: state.open, colour: colour, title: title, label: t.open, frameTitle: t.frame, loading: t.loading, lang: lang });
      return;
    }
    if (event.origin !== hostOrigin) { return; }
    if (message.type === "open") { setOpen(true, message.focus === true); }
    if (message.type === "exit") { exitPage(true); }
  });

  // ---- Opening and closing: the host shows or hides the frame; the frame remembers ---------
  function setOpen(open, moveFocus) {
    state.open = open;
    saveState();
    if (open) {
      root.hidden = false; // shown again if the person stayed on the page after an exit
      connectSocket();
      if (moveFocus) { input.focus(); }
    } else {
      tellHost("close");
    }
  }

  closeButton.addEventListener("click", function () { setOpen(false); });
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { event.stopPropagation(); setOpen(false); }
  });

  // ---- Exit this page ----------------------------------------------------------------------
  // Everything is cleared here first. A click on Exit lets the frame replace the whole tab itself
  // (user-activated top navigation), so it works whatever the host page does; when the host
  // asked (Shift three times) or the browser refused, the host replaces it.
  function exitPage(hostAsked) {
    state = { sessionId: randomId(), messages: [], open: false };
    try { window.sessionStorage.removeItem(STORAGE_KEY); } catch (e) { /* blocked */ }
    log.textContent = "";
    politeAnnouncer.textContent = "";
    urgentAnnouncer.textContent = "";
    input.value = "";
    if (socket) { socket.close(); socket = null; }
    root.hidden = true;
    if (hostAsked) { tellHost("exit", { leaving: false }); return; }
    // The click lets the frame move the whole tab, whatever the host page's scripts do.
    tellHost("exit", { leaving: true });
    try { window.top.location.replace(exitUrl); } catch (e) { tellHost("exit", { leaving: false }); }
  }

  exitButton.addEventListener("click", function () { exitPage(false); });

  // Shift three times exits, counted by the host page with its own presses, so it works wherever
  // the focus is. The frame tells it of a Shift released outside a text field, and once, of any
  // other key after that (which starts the count again): no more, so no typing rhythm leaks.
  var shiftTold = false;
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { return; }
    if (isTypingIn(event)) { if (shiftTold) { tellHost("other-key"); shiftTold = false; } return; }
    shiftTold = true;
    tellHost("shift");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift" || !shiftTold) { return; }
    shiftTold = false;
    tellHost("other-key");
  });

  // Back after an exit can bring this page back from the browser's back-forward cache, with the
  // old conversation still drawn: show what the tab's storage holds now (after an exit, nothing).
  function showStoredConversation() {
    state = loadState();
    log.textContent = "";
    politeAnnouncer.textContent = "";
    urgentAnnouncer.textContent = "";
    status.hidden = true;
    if (!state.messages.length) { input.value = ""; }
    state.messages.forEach(showMessage);
    root.hidden = false;
  }

  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { showStoredConversation(); }
  });

  // ---- Start -------------------------------------------------------------------------------
  function start() {
    document.body.appendChild(root);
    state.messages.forEach(showMessage);
  }

  if (document.body) { start(); } else { document.addEventListener("DOMContentLoaded", start); }
})();
