"""The chat widget in a real browser (Debian's Chromium, driven by Playwright) against the real
assistant: accessibility (axe-core), keyboard use, safety (exit), privacy (storage, and what a
partner page's own scripts can see), bad replies, a server that is down, and partner embedding
from allowed and refused origins.

The host page holds only the launcher; the conversation is in the frame at /chat/frame, which
the tests reach with a frame locator, as a person's screen reader reaches it.
Screenshots are written to test-output/screenshots/ for a reviewer to look at.
"""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Frame, FrameLocator, Page, expect

from bot.paths import ROOT
from bot.rules import directory
from bot.safeguards.server_replies import load_replies
from tests.helpers import free_port, running_assistant

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-output" / "screenshots"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
EMERGENCY = directory.placeholder_values(directory.load())["police_emergency.phone"]
EXIT_URL = "https://www.bbc.co.uk/weather"
TRY_AGAIN = load_replies()["utter_try_again"]

LAUNCHER = ".chc-chat-host__launcher"
FRAME = "#chc-chat-frame"
INPUT = "#chc-chat-input"
LOG = ".chc-chat__log"
BOT_MESSAGES = ".chc-chat__message--bot"
# What a partner's own scripts (analytics, ads, an injected script) try to see of the chat.
SPY = (
    "<script>window.seen = []; addEventListener('message', e => seen.push(JSON.stringify(e.data)));"
    "window.peek = () => { const f = document.querySelector('#chc-chat-frame'); const found = [];"
    " try { found.push(f.contentDocument ? f.contentDocument.body.innerText : ''); } catch (e) {}"
    " try { found.push(JSON.stringify(f.contentWindow.sessionStorage)); } catch (e) {}"
    " try { found.push(f.contentWindow.document.body.innerText); } catch (e) {}"
    " return found.concat(seen, [document.documentElement.outerHTML, JSON.stringify(sessionStorage),"
    " JSON.stringify(localStorage), document.cookie]).join(' '); };</script>"
)


class PartnerSite:
    """A partner's web page on its own origin, embedding the widget with one script tag."""

    def __init__(self, widget_src: str, attributes: str = "", port: int = 0) -> None:
        page = (
            "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Partner</title></head>"
            "<body><main><h1>Partner organisation</h1>"
            "<iframe title='framed partner page' src='/framed' width='400' height='300'></iframe></main>"
            f"{SPY}<script src='{widget_src}' defer {attributes}></script></body></html>"
        )
        framed = (
            "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Framed</title></head>"
            f"<body><p>Framed page</p><script src='{widget_src}' defer {attributes}></script></body></html>"
        )
        # A page with a form that asks "leave this page?" before going (many content systems do).
        form = (
            "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Form</title></head>"
            "<body><main><h1>Contact us</h1><label>Your name <input id='name'></label></main>"
            "<script>addEventListener('beforeunload', e => { e.preventDefault(); e.returnValue = ''; });</script>"
            f"<script src='{widget_src}' defer {attributes}></script></body></html>"
        )

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                body = {"/framed": framed, "/form": form}.get(self.path, page).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port or free_port()), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The assistant, an allowed partner and a refused one (the partner ports are fixed first)."""
    allowed_port, refused_port = free_port(), free_port()
    allowed_origin = f"http://127.0.0.1:{allowed_port}"
    with running_assistant(tmp_path_factory.mktemp("widget"), allowed_origins=(allowed_origin,)) as assistant:
        src = f"{assistant.url}/chat/widget.js"
        attributes = "data-title='Partner help' data-colour='#ffcc00' data-position='left'"
        partners = {
            "allowed": PartnerSite(src, attributes, allowed_port),
            "refused": PartnerSite(src, attributes, refused_port),
        }
        down = PartnerSite(src, f"data-server='http://127.0.0.1:{free_port()}'")
        yield {"assistant": assistant, "down": down, **partners}
        for site in (down, *partners.values()):
            site.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=False)
    # The exit goes to BBC Weather; this machine has no internet, so answer for it here.
    context.route(EXIT_URL + "**",
                  lambda route: route.fulfill(body="<title>Weather</title>Weather", content_type="text/html"))
    page = context.new_page()
    yield page
    context.close()


def demo(sites) -> str:
    return sites["assistant"].url + "/chat/"


def chat(page: Page) -> FrameLocator:
    """The conversation, inside the frame the loader added to the host page."""
    return page.frame_locator(FRAME)


def chat_frame(page: Page) -> Frame:
    """The same frame as an object that can run script, for what only script can check."""
    expect(page.locator(LAUNCHER)).to_be_attached()
    return next(f for f in page.frames if "/chat/frame" in f.url and f.parent_frame == page.main_frame)


def open_widget(page: Page) -> None:
    page.click(LAUNCHER)
    expect(chat(page).locator(INPUT)).to_be_focused()


def say(page: Page, text: str) -> None:
    messages = chat(page).locator(BOT_MESSAGES)
    before = messages.count()
    chat(page).locator(INPUT).fill(text)
    chat(page).locator(INPUT).press("Enter")
    expect(messages).not_to_have_count(before, timeout=20000)
    expect(chat(page).locator(".chc-chat__typing")).to_be_hidden(timeout=5000)


def axe_violations(frame: Frame) -> list:
    frame.add_script_tag(path=str(AXE))
    result = frame.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, iframes: false})", WCAG_TAGS
    )
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]


def test_axe_finds_no_wcag_violations_closed_open_and_after_a_conversation(browser, sites):
    context = browser.new_context(bypass_csp=True)  # lets the test inject axe-core
    page = context.new_page()
    page.goto(demo(sites))
    expect(page.locator(LAUNCHER)).to_be_visible()
    assert axe_violations(page.main_frame) == []
    open_widget(page)
    assert axe_violations(page.main_frame) == []
    assert axe_violations(chat_frame(page)) == []
    say(page, "how do I report a hate crime")
    expect(chat(page).locator(".chc-chat__reply-button").first).to_be_visible()
    expect(chat(page).locator(f"{LOG} a.chc-chat__link").first).to_be_visible()
    assert axe_violations(chat_frame(page)) == []
    context.close()


def test_pages_load_with_no_content_security_policy_errors(page, sites):
    errors = []
    page.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    for path in ("", "privacy", "partners"):
        page.goto(demo(sites) + path)
    page.goto(demo(sites))
    open_widget(page)
    say(page, "hello")
    partner = page.context.new_page()  # a new tab: the chat there starts closed
    partner.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    partner.goto(sites["allowed"].origin)
    open_widget(partner)
    say(partner, "hello")
    assert errors == []


def test_it_talks_over_socket_io_by_default(page, sites):
    sockets, rest_posts = [], []
    page.on("websocket", lambda ws: sockets.append(ws.url))
    page.on("request", lambda r: rest_posts.append(r.url) if "/webhooks/rest/" in r.url else None)
    page.goto(demo(sites))
    open_widget(page)
    say(page, "what is a hate incident")
    expect(chat(page).locator(BOT_MESSAGES).last).to_contain_text("hate incident")
    assert any("/socket.io/" in url for url in sockets)
    assert rest_posts == []  # the reply came over the websocket, not the REST fallback


def test_it_falls_back_to_rest_when_websockets_are_blocked(page, sites):
    page.route_web_socket("**/socket.io/**", lambda ws: ws.close())
    page.goto(demo(sites))
    open_widget(page)
    with page.expect_response("**/webhooks/rest/webhook"):
        say(page, "what is a hate crime")
    expect(chat(page).locator(BOT_MESSAGES).last).to_contain_text("disability")


def test_keyboard_only_open_type_send_pick_a_button_and_close(page, sites):
    page.goto(demo(sites))
    expect(page.locator(LAUNCHER)).to_be_visible()
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('chc-chat-host__launcher')"):
            break
    expect(page.locator(LAUNCHER)).to_be_focused()
    page.keyboard.press("Enter")
    expect(chat(page).locator(INPUT)).to_be_focused()
    page.keyboard.type("hello")
    page.keyboard.press("Enter")
    button = chat(page).locator(".chc-chat__reply-button", has_text="How to report")
    expect(button).to_be_visible(timeout=20000)
    frame = chat_frame(page)
    for _ in range(20):
        page.keyboard.press("Tab")
        if frame.evaluate("document.activeElement.textContent") == "How to report":
            break
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    expect(chat(page).locator(BOT_MESSAGES).last).to_contain_text("True Vision", timeout=20000)
    chat(page).locator(INPUT).focus()
    page.keyboard.press("Escape")
    expect(page.locator(FRAME)).to_be_hidden()
    expect(page.locator(LAUNCHER)).to_be_focused()


def test_every_control_is_at_least_44px_and_focus_is_visible(page, sites):
    page.goto(demo(sites))
    launcher = page.locator(LAUNCHER).evaluate(
        "e => [e.getBoundingClientRect().width, e.getBoundingClientRect().height]")
    assert launcher[0] >= 44 and launcher[1] >= 44, launcher
    open_widget(page)
    say(page, "hello")
    for box in chat(page).locator(".chc-chat button:visible").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect()).map(r => [r.width, r.height])"
    ):
        assert box[0] >= 44 and box[1] >= 44, box
    page.keyboard.press("Shift+Tab")
    focused_background = chat_frame(page).evaluate("getComputedStyle(document.activeElement).backgroundColor")
    assert focused_background == "rgb(255, 221, 0)"


def test_markup_in_a_reply_or_a_message_is_shown_as_text_not_run(page, sites):
    page.route("**/chat/socket.io.min.js", lambda route: route.fulfill(status=404))
    page.route("**/webhooks/rest/webhook", lambda route: route.fulfill(
        content_type="application/json",
        body='[{"text": "<img src=x onerror=\\"window.pwned=1\\"><script>window.pwned=2</script>'
             ' see javascript:alert(1)",'
             ' "buttons": [{"title": "<b>bold</b>", "payload": "/greet"}]}]',
    ))
    page.goto(demo(sites))
    open_widget(page)
    say(page, '<img src=x onerror="window.pwned=3">')
    log = chat(page).locator(LOG)
    assert log.locator("img, script, b").count() == 0
    expect(chat(page).locator(BOT_MESSAGES).last).to_contain_text("<img src=x")
    expect(chat(page).locator(".chc-chat__reply-button").last).to_have_text("<b>bold</b>")
    assert log.locator("a").count() == 0  # javascript: is never made a link
    assert chat_frame(page).evaluate("window.pwned") is None
    assert page.evaluate("window.pwned") is None


def test_links_in_replies_are_safe_and_open_in_a_new_tab(page, sites):
    page.goto(demo(sites))
    open_widget(page)
    say(page, "is there an online form to report")
    link = chat(page).locator(f"{LOG} a.chc-chat__link").first
    expect(link).to_have_attribute("href", "https://www.report-it.org.uk")
    expect(link).to_have_attribute("rel", "noopener noreferrer")
    expect(link).to_have_attribute("target", "_blank")


def test_replies_are_announced_once_and_emergencies_assertively(page, sites):
    page.goto(demo(sites))
    open_widget(page)
    expect(chat(page).locator(LOG)).to_have_attribute("aria-live", "off")
    say(page, "what is a hate crime")
    expect(chat(page).locator(".chc-chat__visually-hidden[aria-live='polite']")).to_contain_text("hostility")
    say(page, "there's a man outside my house with a knife")
    expect(chat(page).locator(".chc-chat__visually-hidden[aria-live='assertive']")).to_contain_text(EMERGENCY)
    expect(chat(page).locator(".chc-chat__message--urgent").first).to_contain_text(EMERGENCY)


def test_history_stays_in_the_tab_only_and_survives_a_reload(page, sites):
    page.goto(demo(sites))
    open_widget(page)
    say(page, "what is a hate incident")
    frame = chat_frame(page)
    assert frame.evaluate("localStorage.length") == 0
    assert "hate incident" in frame.evaluate("JSON.stringify(sessionStorage)")
    page.reload()
    expect(chat(page).locator(BOT_MESSAGES).last).to_contain_text("hate incident")
    expect(chat(page).locator(INPUT)).to_be_visible()  # it was open, so it opens again
    session_id = chat_frame(page).evaluate("JSON.parse(sessionStorage.getItem('coventry-hate-crime-chat')).sessionId")
    assert len(session_id) == 32 and int(session_id, 16) >= 0


def test_a_partner_page_script_cannot_read_the_conversation_and_only_session_storage_is_used(page, sites):
    page.goto(sites["allowed"].origin)
    open_widget(page)
    say(page, "my neighbour Darren keeps calling me names")
    say(page, "help me write down what happened")
    say(page, "Darren shouted at me by the bins")
    frame = chat_frame(page)
    assert "Darren" in frame.evaluate("JSON.stringify(sessionStorage)")
    # Everything the partner's script could reach: the frame's document and storage (refused by
    # the browser), every message the frame sent, its own page, storage and cookies.
    seen_by_partner = page.evaluate("peek()")
    assert "Darren" not in seen_by_partner and "neighbour" not in seen_by_partner
    assert "bins" not in seen_by_partner
    assert page.evaluate("seen.length") > 0  # it did listen: the frame's messages carry no words
    # The partner cannot hide the exit button: it is not in the partner's page.
    assert page.locator(".chc-chat__exit").count() == 0
    expect(chat(page).locator(".chc-chat__exit")).to_be_visible()
    # The frame keeps the conversation in sessionStorage and nowhere else.
    assert frame.evaluate("localStorage.length") == 0
    assert frame.evaluate("document.cookie") == ""
    assert frame.evaluate("indexedDB.databases().then(d => d.length)") == 0
    assert frame.evaluate("caches.keys().then(k => k.length)") == 0
    assert page.evaluate("sessionStorage.length + localStorage.length") == 0
    assert page.context.cookies() == []


def test_exit_clears_the_conversation_and_sends_the_whole_tab_away(page, sites):
    page.goto(sites["allowed"].origin)  # a partner page whose iframe also has the widget
    framed = page.frame_locator("iframe[title='framed partner page']")
    framed.locator(LAUNCHER).click()
    inner_chat = framed.frame_locator(FRAME)
    inner_chat.locator(INPUT).fill("what is a hate crime")
    inner_chat.locator(INPUT).press("Enter")
    expect(inner_chat.locator(BOT_MESSAGES).first).to_be_visible(timeout=20000)
    inner_chat.locator(".chc-chat__exit").click()
    page.wait_for_url(EXIT_URL + "**")  # the top window left, not just the frame
    page.go_back()  # the exit replaced the history entry: Back does not return to the chat
    assert page.url != sites["allowed"].origin + "/"
    page.goto(sites["allowed"].origin)
    framed.locator(LAUNCHER).click()
    expect(inner_chat.locator(INPUT)).to_be_visible()
    expect(inner_chat.locator(BOT_MESSAGES)).to_have_count(0)


def screen_reader_text(page: Page) -> str:
    """Everything a screen reader could read on the page, frames included, from Chromium's own
    accessibility tree (Playwright loses track of frames restored from the back-forward cache)."""
    cdp = page.context.new_cdp_session(page)
    tree = cdp.send("Page.getFrameTree")["frameTree"]
    frames = [tree["frame"]["id"]] + [child["frame"]["id"] for child in tree.get("childFrames", [])]
    names = [node.get("name", {}).get("value", "") for frame in frames
             for node in cdp.send("Accessibility.getFullAXTree", {"frameId": frame})["nodes"]]
    return " ".join(name for name in names if name)


def test_back_after_an_exit_does_not_bring_the_conversation_back_from_the_browsers_cache(page, sites):
    page.goto(sites["allowed"].origin + "/")
    open_widget(page)
    say(page, "my neighbour keeps shouting at me")
    assert "my neighbour keeps shouting" in screen_reader_text(page)
    page.goto(sites["allowed"].origin + "/next")  # another page of the partner's site, kept in the cache
    expect(chat(page).locator(BOT_MESSAGES)).not_to_have_count(0)  # the conversation carries on
    chat(page).locator(".chc-chat__exit").click()
    page.wait_for_url(EXIT_URL + "**")
    # To the first page, restored from the back-forward cache as it was drawn (no load event).
    page.go_back(wait_until="commit")
    assert page.url == sites["allowed"].origin + "/"
    page.wait_for_function("document.readyState === 'complete'")
    assert page.evaluate("performance.getEntriesByType('navigation')[0].type") == "navigate"  # not reloaded
    page.wait_for_timeout(500)  # the frame's pageshow
    text = screen_reader_text(page)
    assert "Exit this page" in text and "neighbour" not in text


@pytest.mark.parametrize("choice", ["leave", "stay"])
def test_on_a_page_that_asks_before_leaving_exit_leaves_or_gives_the_page_back(page, sites, choice):
    """An unsaved form on the partner's page makes the browser ask "leave this page?", and no
    script can stop that. Leave goes to the exit site; Stay gives the page back, chat cleared."""
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type),
                                      dialog.accept() if choice == "leave" else dialog.dismiss()))
    page.goto(sites["allowed"].origin + "/form")
    page.click("#name")
    page.keyboard.type("a half-filled form")
    open_widget(page)
    say(page, "my neighbour keeps shouting at me")
    chat(page).locator(".chc-chat__exit").click()
    if choice == "leave":
        page.wait_for_url(EXIT_URL + "**")
    else:
        expect(page.locator(LAUNCHER)).to_be_visible(timeout=10000)  # not a blank cover
        expect(page.locator(".chc-chat-host__cover")).to_be_hidden()
        open_widget(page)
        expect(chat(page).locator(BOT_MESSAGES)).to_have_count(0)
    assert asked == ["beforeunload"]


def test_exit_stays_on_screen_in_a_short_window(browser, sites):
    context = browser.new_context(viewport={"width": 320, "height": 256})  # 1280 x 1024 at 400%
    page = context.new_page()
    page.goto(demo(sites))
    open_widget(page)
    say(page, "how do I report a hate crime")
    chat(page).locator(INPUT).focus()
    expect(chat(page).locator(".chc-chat__exit")).to_be_in_viewport()
    context.close()


@pytest.mark.parametrize("focus_in", ["frame", "page"])
def test_shift_three_times_exits_but_not_while_typing(page, sites, focus_in):
    page.goto(sites["allowed"].origin)
    open_widget(page)
    say(page, "what is a hate crime")
    chat(page).locator(INPUT).focus()
    for _ in range(4):
        page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url == sites["allowed"].origin + "/"
    if focus_in == "frame":
        chat(page).locator(".chc-chat__title").click()  # out of the text box, still in the chat
    else:
        page.locator("h1").click()  # on the partner's own page
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT_URL + "**")
    page.goto(sites["allowed"].origin)
    open_widget(page)
    expect(chat(page).locator(BOT_MESSAGES)).to_have_count(0)
    assert "hostility" not in chat_frame(page).evaluate("JSON.stringify(sessionStorage)")


def test_a_server_that_is_down_shows_no_launcher_that_cannot_work(page, sites):
    page.goto(sites["down"].origin)
    page.wait_for_load_state("load")
    page.wait_for_timeout(1000)
    expect(page.locator(LAUNCHER)).to_be_hidden()


def test_a_server_that_stops_answering_shows_the_error_and_keeps_the_message(page, sites):
    page.route_web_socket("**/socket.io/**", lambda ws: ws.close())
    page.route("**/webhooks/rest/webhook", lambda route: route.abort())
    page.goto(demo(sites))
    open_widget(page)
    chat(page).locator(INPUT).fill("how do i report it")
    chat(page).locator(INPUT).press("Enter")
    expect(chat(page).locator(".chc-chat__status")).to_contain_text("not answering", timeout=20000)
    expect(chat(page).locator(".chc-chat__retry")).to_be_visible()
    expect(chat(page).locator(INPUT)).to_have_value("how do i report it")


def test_a_message_the_server_could_not_handle_can_be_sent_again(page, sites):
    """What the assistant answers when Redis or PostgreSQL is away (bot/rasa_plugins/channels/always_answered.py)."""
    failing = [True]

    def answer(route):
        if failing[0]:
            failing[0] = False
            route.fulfill(content_type="application/json", body=json.dumps(
                [{"text": TRY_AGAIN}, {"custom": {"retry": True}}]))
        else:
            route.continue_()

    page.route("**/chat/socket.io.min.js", lambda route: route.fulfill(status=404))  # REST, to answer it here
    page.route("**/webhooks/rest/webhook", answer)
    page.goto(demo(sites))
    open_widget(page)
    say(page, "how do i report it")
    expect(chat(page).locator(BOT_MESSAGES).last).to_contain_text("something went wrong on our side")
    expect(chat(page).locator(".chc-chat__status")).to_contain_text("not answered")
    expect(chat(page).locator(INPUT)).to_have_value("how do i report it")
    chat(page).locator(".chc-chat__retry").click()
    expect(chat(page).locator(BOT_MESSAGES).last).to_contain_text("report", timeout=20000)
    expect(chat(page).locator(".chc-chat__status")).to_be_hidden()


def test_an_allowed_partner_site_can_use_the_assistant(page, sites):
    page.goto(sites["allowed"].origin)
    expect(page.locator(LAUNCHER)).to_have_text("Partner help")
    page.click(LAUNCHER)
    expect(page.locator(LAUNCHER)).to_be_hidden()
    say(page, "where can i get support")
    expect(chat(page).locator(BOT_MESSAGES).last).to_contain_text("Victim Support")
    expect(chat(page).locator(".chc-chat__title")).to_have_text("Partner help")


def test_a_partner_colour_that_fails_contrast_is_darkened(page, sites):
    page.goto(sites["allowed"].origin)
    expect(page.locator(LAUNCHER)).to_be_visible()
    rgb = page.locator(LAUNCHER).evaluate("e => getComputedStyle(e).backgroundColor")
    channels = [int(v) / 255 for v in rgb[rgb.index("(") + 1:-1].split(",")]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    assert 1.05 / (luminance + 0.05) >= 4.5, rgb


def test_another_site_gets_no_chat(page, sites):
    refusals = []
    page.on("console", lambda m: refusals.append(m.text) if "frame-ancestors" in m.text else None)
    page.goto(sites["refused"].origin)
    page.wait_for_load_state("load")
    page.wait_for_timeout(1000)
    expect(page.locator(LAUNCHER)).to_be_hidden()
    assert refusals, "the browser should have refused the chat frame on a site not allowed"


def test_it_reflows_at_320px_and_screenshots_are_written(browser, sites):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(demo(sites))
    expect(page.locator(LAUNCHER)).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "demo-closed.png"))
    open_widget(page)
    say(page, "how do I report a hate crime")
    page.screenshot(path=str(SCREENSHOTS / "demo-open.png"))
    page.set_viewport_size({"width": 320, "height": 640})  # also what 1280px at 400% zoom gives
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    frame_box = page.locator(FRAME).bounding_box()
    assert frame_box["x"] >= 0 and frame_box["x"] + frame_box["width"] <= 320
    frame = chat_frame(page)
    assert frame.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(SCREENSHOTS / "demo-mobile-320.png"))
    context.close()
    assert all((SCREENSHOTS / name).stat().st_size > 0 for name in
               ("demo-closed.png", "demo-open.png", "demo-mobile-320.png"))


def test_incident_notes_can_be_copied_downloaded_and_printed_and_stay_in_the_browser(page, sites):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(demo(sites))
    open_widget(page)
    say(page, "help me write down what happened")
    say(page, "a man spat at me outside the shop")
    messages = chat(page).locator(BOT_MESSAGES)
    for _ in range(7):  # the Skip button on each remaining question, by keyboard
        before = messages.count()
        skip = chat(page).locator(f"{BOT_MESSAGES} .chc-chat__reply-button", has_text="Skip").last
        skip.focus()
        page.keyboard.press("Enter")
        expect(messages).not_to_have_count(before, timeout=20000)
    summary = chat(page).locator(BOT_MESSAGES, has=chat(page).locator(".chc-chat__notes-actions")).last
    expect(summary).to_contain_text("a man spat at me outside the shop")
    page.screenshot(path=str(SCREENSHOTS / "notes-summary.png"), full_page=True)

    with page.expect_download() as download:
        summary.get_by_role("button", name="Download notes").click()
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    assert "a man spat at me outside the shop" in saved and "Your notes, written on" in saved
    assert download.value.suggested_filename.startswith("hate-incident-notes-")

    summary.get_by_role("button", name="Copy notes").click()
    expect(summary.locator(".chc-chat__notes-status")).to_contain_text("copied")
    frame = chat_frame(page)
    assert frame.evaluate("navigator.clipboard.readText()") == saved.rstrip("\n")

    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    summary.get_by_role("button", name="Print notes").click()
    expect(chat(page).frame_locator(".chc-chat__print-frame").locator("pre")).to_contain_text("a man spat at me")
    assert errors == []
    assert frame.evaluate("localStorage.length") == 0
    assert "a man spat at me" in frame.evaluate("JSON.stringify(sessionStorage)")


def test_a_message_sent_while_an_answer_is_coming_stays_in_the_box(page, sites):
    """Enter before the last answer is in must not lose what was typed."""
    held = []
    page.route("**/chat/socket.io.min.js", lambda route: route.fulfill(status=404))  # REST, to hold the answer
    page.route("**/webhooks/rest/webhook", lambda route: held.append(route))
    page.goto(demo(sites))
    open_widget(page)
    chat(page).locator(INPUT).fill("how do i report it")
    chat(page).locator(INPUT).press("Enter")
    expect(chat(page).locator(".chc-chat__typing")).to_be_visible()
    chat(page).locator(INPUT).fill("and who can help me")
    chat(page).locator(INPUT).press("Enter")
    expect(chat(page).locator(INPUT)).to_have_value("and who can help me")
    expect(chat(page).locator(".chc-chat__status")).to_contain_text("Please wait for the answer")
    held[0].continue_()
    expect(chat(page).locator(BOT_MESSAGES).last).to_contain_text("report", timeout=20000)
    chat(page).locator(INPUT).press("Enter")
    expect(chat(page).locator(INPUT)).to_have_value("")
