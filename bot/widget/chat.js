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
 * Languages: the interface text of every language comes from content/translations/*.yml, put in
 * frame.html as a JSON data block by the server; the person can change it in the chat's menu.
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

  // Every language's interface text, with English for any string a translation lacks, from
  // content/translations/*.yml: the server writes it into frame.html as a JSON data block (not a
  // script), with the contact directory's values filled in. English comes first.
  var LANGUAGES = readLanguages();
  if (!LANGUAGES) { return; } // no text to show: no launcher either (it waits for "ready")
  // The server's MAX_MESSAGE_CHARS, filled in when the server starts; counted in characters as
  // the server counts them (an emoji is one), not in UTF-16 units.
  var MAX_MESSAGE_LENGTH = Number("{{max_message_chars}}");

  function readLanguages() {
    try {
      var languages = JSON.parse(document.getElementById("chc-chat-languages").textContent);
      return Array.isArray(languages) && languages.length ? languages : null;
    } catch (e) { return null; }
  }

  function findLanguage(code) {
    return LANGUAGES.filter(function (language) { return language.code === code; })[0] || null;
  }

  // ---- Configuration: the query string loader.js wrote from the host's data attributes -----
  var query = new URLSearchParams(window.location.search);
  // The partner's data-lang; an unknown code gives English.
  var partnerLang = (findLanguage(query.get("lang")) || findLanguage("en") || LANGUAGES[0]).code;
  // The partner's data-title, written for its page's language: shown while the chat is in it.
  var partnerTitle = (query.get("title") || "").slice(0, 60);
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

  // ---- The interface's language: the person's choice in this tab, or the partner's ----------
  var language = findLanguage(state.lang) || findLanguage(partnerLang);
  var lang = language.code;
  var t = language.text;

  function title() {
    return partnerTitle && lang === partnerLang ? partnerTitle : t.title;
  }

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

  // Interface text: marked with its key, so a change of language relabels it where it is.
  function interfaceText(node, key) {
    node.setAttribute("data-text", key);
    node.textContent = t[key];
    return node;
  }

  // Interface text inside a reply (the "Assistant said:", the notes buttons) is in the
  // interface's language, whatever the reply's own language.
  function inInterfaceLanguage(node) {
    node.lang = lang;
    node.dir = language.dir;
    return node;
  }

  var LINK = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g;

  // Adds text to a node, turning http(s) links into safe links that open in a new tab.
  function appendLinkedText(parent, words) {
    var last = 0;
    words.replace(LINK, function (url, index) {
      parent.appendChild(document.createTextNode(words.slice(last, index)));
      var a = el("a", "chc-chat__link", url);
      a.href = url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      parent.appendChild(a);
      last = index + url.length;
      return url;
    });
    parent.appendChild(document.createTextNode(words.slice(last)));
  }

  // A reply's lines: "- " lines become a list, others paragraphs. What a person typed may be in
  // any script: each line then takes its direction from its own first letters.
  function renderText(container, words, ownDirection) {
    var list = null;
    String(words).split("\n").forEach(function (line) {
      var node;
      if (/^\s*-\s+/.test(line)) {
        if (!list) { list = el("ul", "chc-chat__list"); container.appendChild(list); }
        node = list.appendChild(el("li"));
        appendLinkedText(node, line.replace(/^\s*-\s+/, ""));
      } else if (line.trim()) {
        list = null;
        node = container.appendChild(el("p", "chc-chat__para"));
        appendLinkedText(node, line);
      }
      if (node && ownDirection) { node.dir = "auto"; }
    });
  }

  // ---- Build the chat ----------------------------------------------------------------------
  var root = el("div", "chc-chat");
  root.style.setProperty("--chc-colour", colour);

  var panel = el("section", "chc-chat__panel");
  panel.setAttribute("aria-labelledby", "chc-chat-title");

  var header = el("div", "chc-chat__header");
  var heading = el("h2", "chc-chat__title");
  heading.id = "chc-chat-title";
  var exitButton = interfaceText(el("button", "chc-chat__exit"), "exit");
  exitButton.type = "button";
  exitButton.setAttribute("aria-describedby", "chc-chat-exit-hint");
  var closeButton = el("button", "chc-chat__close", "\u00d7");
  closeButton.type = "button";
  closeButton.setAttribute("data-label", "close");
  header.appendChild(heading);
  header.appendChild(exitButton);
  header.appendChild(closeButton);

  var exitHint = interfaceText(el("p", "chc-chat__exit-hint"), "exitHint");
  exitHint.id = "chc-chat-exit-hint";
  var danger = interfaceText(el("p", "chc-chat__danger"), "danger");
  var automated = interfaceText(el("p", "chc-chat__notice"), "automated");

  // The language menu: each language by its own name, in its own language.
  var languageBar = el("div", "chc-chat__language");
  var languageLabel = interfaceText(el("label", "chc-chat__language-label"), "language");
  languageLabel.htmlFor = "chc-chat-language";
  var languageMenu = el("select", "chc-chat__language-menu");
  languageMenu.id = "chc-chat-language";
  LANGUAGES.forEach(function (each) {
    var option = el("option", null, each.name);
    option.value = each.code;
    option.lang = each.code;
    option.dir = each.dir;
    languageMenu.appendChild(option);
  });
  languageBar.appendChild(languageLabel);
  languageBar.appendChild(languageMenu);

  // The visible conversation. Announcements are made once, through the two regions below.
  var log = el("div", "chc-chat__log");
  log.setAttribute("role", "log");
  log.setAttribute("aria-live", "off");
  log.tabIndex = 0;

  var politeAnnouncer = el("div", "chc-chat__visually-hidden");
  politeAnnouncer.setAttribute("aria-live", "polite");
  var urgentAnnouncer = el("div", "chc-chat__visually-hidden");
  urgentAnnouncer.setAttribute("aria-live", "assertive");

  var typing = el("p", "chc-chat__typing");
  typing.hidden = true;
  typing.appendChild(interfaceText(el("span", "chc-chat__visually-hidden"), "typing"));
  [1, 2, 3].forEach(function () { typing.appendChild(el("span", "chc-chat__dot")).setAttribute("aria-hidden", "true"); });

  var status = el("div", "chc-chat__status");
  status.setAttribute("role", "alert");
  status.hidden = true;

  var form = el("form", "chc-chat__form");
  form.noValidate = true;
  var inputLabel = interfaceText(el("label", "chc-chat__label"), "inputLabel");
  inputLabel.htmlFor = "chc-chat-input";
  var input = el("textarea", "chc-chat__input");
  input.id = "chc-chat-input";
  input.rows = 2;
  input.maxLength = MAX_MESSAGE_LENGTH * 2;
  input.setAttribute("autocomplete", "off");
  input.setAttribute("aria-describedby", "chc-chat-notice");
  var sendButton = interfaceText(el("button", "chc-chat__send"), "send");
  sendButton.type = "submit";
  var notice = el("p", "chc-chat__notice");
  notice.id = "chc-chat-notice";
  notice.appendChild(interfaceText(el("span"), "notice"));
  notice.appendChild(document.createTextNode(" "));
  var privacyLink = interfaceText(el("a", "chc-chat__link"), "privacy");
  privacyLink.href = "/chat/privacy";
  privacyLink.target = "_blank";
  privacyLink.rel = "noopener noreferrer";
  notice.appendChild(privacyLink);
  form.appendChild(inputLabel);
  form.appendChild(input);
  form.appendChild(sendButton);
  form.appendChild(notice);

  [header, exitHint, danger, automated, languageBar, log, typing, status, form, politeAnnouncer, urgentAnnouncer]
    .forEach(function (node) { panel.appendChild(node); });

  root.appendChild(panel);

  // ---- Changing the language: the whole interface at once; the conversation stays -----------
  function setLanguage(code) {
    language = findLanguage(code) || findLanguage(partnerLang);
    lang = language.code;
    t = language.text;
    document.documentElement.lang = lang;
    document.documentElement.dir = language.dir;
    document.title = title();
    heading.textContent = title();
    log.setAttribute("aria-label", title());
    languageMenu.value = lang;
    Array.prototype.forEach.call(root.querySelectorAll("[data-text]"), function (node) {
      node.textContent = t[node.getAttribute("data-text")];
    });
    Array.prototype.forEach.call(root.querySelectorAll("[data-label]"), function (node) {
      node.setAttribute("aria-label", t[node.getAttribute("data-label")]);
    });
    Array.prototype.forEach.call(log.querySelectorAll("[data-text]"), inInterfaceLanguage);
  }

  // The person chose a language (the menu, or a reply's button like "English"): the interface
  // changes, the choice is kept for this tab, the launcher is relabelled, and the assistant is
  // asked to answer in it (the payload, shown as the language's own name).
  function chooseLanguage(code, payload, shownAs) {
    setLanguage(code);
    state.lang = lang;
    saveState();
    tellHost("labels", labels());
    send(payload || languagePayload(lang), shownAs || language.name, false, lang);
  }

  // With a pointer or a phone's picker, a choice counts at once. Arrow keys on the closed menu
  // change it one language at a time: that counts on Enter or when the focus leaves the menu,
  // so passing over a language does not switch to it (WCAG 3.2.2, on input).
  var keyMoved = false;
  languageMenu.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { event.preventDefault(); commitLanguage(); return; }
    if (event.key === "Escape") { languageMenu.value = lang; return; } // then the chat closes
    keyMoved = true;
    window.setTimeout(function () { keyMoved = false; }, 0);
  });
  languageMenu.addEventListener("change", function () {
    if (!keyMoved) { commitLanguage(); }
  });
  languageMenu.addEventListener("blur", commitLanguage);

  function commitLanguage() {
    if (languageMenu.value !== lang && findLanguage(languageMenu.value)) { chooseLanguage(languageMenu.value); }
  }

  setLanguage(lang);

  // ---- Showing messages --------------------------------------------------------------------
  function showMessage(message) {
    var item = el("div", "chc-chat__message chc-chat__message--" + message.from +
      (message.urgent ? " chc-chat__message--urgent" : ""));
    item.appendChild(inInterfaceLanguage(interfaceText(el("span", "chc-chat__visually-hidden"),
      message.from === "user" ? "you" : "bot")));
    if (message.from === "bot") {
      // English unless the server marked the reply as in another language.
      var written = bubbleLanguage(message);
      item.lang = written.lang;
      item.dir = written.dir;
    } else if (message.lang) {
      item.lang = message.lang; // a language chosen from the menu, shown by its own name
    }
    renderText(item, message.text || "", message.from === "user");
    if (message.buttons && message.buttons.length && !message.answered) {
      var group = el("div", "chc-chat__buttons");
      message.buttons.forEach(function (button) {
        var b = el("button", "chc-chat__reply-button", button.title);
        b.type = "button";
        b.addEventListener("click", function () {
          message.answered = true;
          group.remove();
          var chosen = findLanguage(payloadLanguage(button.payload));
          if (chosen) { chooseLanguage(chosen.code, button.payload, button.title); return; }
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
    var said = inInterfaceLanguage(el("p", "chc-chat__notes-status"));
    said.setAttribute("role", "status");
    [["copyNotes", copyNotes], ["downloadNotes", downloadNotes], ["printNotes", printNotes]].forEach(function (action) {
      var button = inInterfaceLanguage(interfaceText(el("button", "chc-chat__notes-button"), action[0]));
      button.type = "button";
      button.addEventListener("click", function () { action[1](text, said); });
      group.appendChild(button);
    });
    group.appendChild(said);
    return group;
  }

  function copyNotes(text, said) {
    var done = function () { interfaceText(said, "copied"); };
    var failed = function () { interfaceText(said, "copyFailed"); };
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
    interfaceText(said, "downloaded");
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

  // Each reply is read in its own language.
  function announce(messages) {
    var urgent = messages.some(function (m) { return m.urgent; });
    var target = urgent ? urgentAnnouncer : politeAnnouncer;
    target.textContent = "";
    window.setTimeout(function () {
      messages.forEach(function (m) {
        var part = target.appendChild(el("span", null, m.text + " "));
        var written = bubbleLanguage(m);
        part.lang = written.lang;
        part.dir = written.dir;
      });
    }, 50);
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
  var next = null; // a language chosen while a reply was awaited: sent after it

  function showStatus(key, retryText) {
    status.textContent = "";
    status.appendChild(interfaceText(el("p", "chc-chat__status-text"), key));
    if (retryText !== undefined) {
      var retry = interfaceText(el("button", "chc-chat__retry"), "retry");
      retry.type = "button";
      retry.addEventListener("click", function () { send(retryText, null, true); });
      status.appendChild(retry);
    }
    status.hidden = false;
  }

  // shownLang: the language of what is shown (a language's own name), when it is not the person's words.
  function send(words, shownAs, isRetry, shownLang) {
    if (busy) {
      if (shownLang) { next = [words, shownAs, isRetry, shownLang]; }
      return;
    }
    status.hidden = true;
    if (!isRetry) {
      var user = { from: "user", text: shownAs || words };
      if (shownLang) { user.lang = shownLang; }
      state.messages.push(user);
      saveState();
      showMessage(user);
    }
    busy = true;
    typing.hidden = false;
    sendButton.disabled = true;
    exchange(words).then(function (replies) {
      var messages = toMessages(replies);
      messages.forEach(function (m) { state.messages.push(m); showMessage(m); });
      saveState();
      announce(messages);
      // The server could not handle it (it says so, with 999): offer to send the same words again.
      if (replies.some(function (r) { return r.custom && r.custom.retry; })) {
        if (!shownAs && !input.value) { input.value = words; }
        showStatus("notAnswered", words);
      }
    }, function () {
      // Keep what they typed: back in the box (unless they have started a new message).
      if (!shownAs && !input.value) { input.value = words; }
      showStatus("failed", words);
    }).then(function () {
      busy = false;
      typing.hidden = true;
      sendButton.disabled = false;
      if (next) { var waitingToGo = next; next = null; send.apply(null, waitingToGo); }
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    // The answer to the last message is still coming: what they typed stays in the box (sending
    // now would lose it), to send when the answer is in.
    if (busy) { showStatus("wait"); return; }
    var words = input.value.trim();
    if (!words) { showStatus("empty"); input.focus(); return; }
    if (Array.from(words).length > MAX_MESSAGE_LENGTH) { showStatus("tooLong"); input.focus(); return; }
    input.value = "";
    send(words);
    input.focus();
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit", { cancelable: true }));
    }
  });

  // ---- Talking to the host page (loader.js): never any of the conversation ---------------
  // What the launcher shows, in the interface's language.
  function labels() {
    return { title: title(), label: t.open, frameTitle: t.frame, loading: t.loading, lang: lang, dir: language.dir };
  }

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
      var ready = labels();
      ready.open = state.open;
      ready.colour = colour;
      tellHost("ready", ready);
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
    next = null;
    setLanguage(partnerLang); // the choice of language goes with the rest
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
    setLanguage(state.lang);
    tellHost("labels", labels());
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
