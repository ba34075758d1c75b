"""The chat widget in the resident's language, in Debian's Chromium against the real assistant:
every language of content/translations/ from the partner's data-lang, the language menu, right
to left for Arabic and Urdu, and the self-hosted fonts that draw every script.

The expected text is read from the translation files here, not from the server's code, so a
string the server failed to send, or sent in the wrong language, fails.
"""
import json
import re
from typing import Dict, List

import pytest
import requests
from playwright.sync_api import Page, expect

from bot.rules import directory, translations
from bot.widget import channel, fonts
from tests.helpers import running_assistant
from tests.widget.test_widget import (
    BOT_MESSAGES,
    FRAME,
    INPUT,
    LAUNCHER,
    SCREENSHOTS,
    axe_violations,
    chat,
    chat_frame,
    open_widget,
    say,
)

pytestmark = pytest.mark.browser

FOUND = translations.load_all()
ENGLISH = FOUND["en"].widget
VALUES = channel.page_values()
RIGHT_TO_LEFT = ("ar", "ur")
MENU = "#chc-chat-language"
USER_MESSAGES = ".chc-chat__message--user"
# The script of each language Arial lacks, and our font for it.
SCRIPTS = {
    "pa": ("Noto Sans Gurmukhi", "\u0a00-\u0a7f"), "bn": ("Noto Sans Bengali", "\u0980-\u09ff"),
    "gu": ("Noto Sans Gujarati", "\u0a80-\u0aff"), "ti": ("Noto Sans Ethiopic", "\u1200-\u139f"),
    "ar": ("Noto Sans Arabic", "\u0600-\u06ff"), "ur": ("Noto Sans Arabic", "\u0600-\u06ff"),
}


def expected(code: str, key: str) -> str:
    """The interface string as the translation file has it (English where it lacks one), filled."""
    text = FOUND[code].widget.get(key) or ENGLISH[key]
    for name, value in VALUES.items():
        text = text.replace("{{" + name + "}}", value)
    return text


def translated_greeting(code: str) -> str:
    """The first line of the essentials the assistant sends in that language."""
    answer = translations.answer(FOUND[code], "utter_greet", directory.placeholder_values(directory.load()))
    return answer["text"].splitlines()[0]


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with running_assistant(tmp_path_factory.mktemp("widget-languages")) as running:
        yield running


@pytest.fixture
def page(browser, assistant):
    """A page of the assistant's own site; /partner/<code> embeds the widget with data-lang=<code>."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)  # for axe-core

    def partner_page(route):
        code = route.request.url.rsplit("/", 1)[1]
        route.fulfill(content_type="text/html", body=(
            "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Partner</title></head>"
            f"<body><main><h1>Partner</h1></main><script src='/chat/widget.js' defer data-lang='{code}'>"
            "</script></body></html>"))

    context.route(f"{assistant.url}/partner/*", partner_page)
    yield context.new_page()
    context.close()


def open_in(page: Page, assistant, code: str) -> None:
    page.goto(f"{assistant.url}/partner/{code}")
    open_widget(page)


def interface(page: Page) -> Dict[str, str]:
    """What a person sees and hears of the chat's own text."""
    return chat_frame(page).evaluate("""() => {
        const q = (s) => document.querySelector(s);
        return {
            lang: document.documentElement.lang, dir: document.documentElement.dir,
            title: q('.chc-chat__title').textContent, exit: q('.chc-chat__exit').textContent,
            exitHint: q('.chc-chat__exit-hint').textContent, danger: q('.chc-chat__danger').textContent,
            inputLabel: q('label[for=chc-chat-input]').textContent, send: q('.chc-chat__send').textContent,
            close: q('.chc-chat__close').getAttribute('aria-label'),
            language: q('label[for=chc-chat-language]').textContent,
            privacy: q('.chc-chat__notice a').textContent, menu: q('#chc-chat-language').value,
        };
    }""")


def expected_interface(code: str) -> Dict[str, str]:
    keys = ("title", "exit", "exitHint", "danger", "inputLabel", "send", "close", "language", "privacy")
    return {"lang": code, "dir": "rtl" if code in RIGHT_TO_LEFT else "ltr", "menu": code,
            **{key: expected(code, key) for key in keys}}


def test_the_translations_offered_include_the_two_right_to_left_languages():
    assert len(FOUND) >= 11
    assert sorted(code for code, t in FOUND.items() if t.direction == "rtl") == sorted(RIGHT_TO_LEFT)


@pytest.mark.parametrize("code", sorted(FOUND))
def test_with_data_lang_the_whole_interface_is_in_that_language_with_no_accessibility_failures(page, assistant, code):
    page.goto(f"{assistant.url}/partner/{code}")
    launcher = page.locator(LAUNCHER)
    expect(launcher).to_have_text(expected(code, "title"))
    expect(launcher).to_have_attribute("aria-label", expected(code, "open"))
    expect(page.locator(FRAME)).to_have_attribute("title", expected(code, "frame"))
    open_widget(page)
    assert interface(page) == expected_interface(code)
    assert VALUES["emergency_phone"] in interface(page)["danger"]
    say(page, "what is a hate crime")
    reply = chat(page).locator(BOT_MESSAGES).last
    expect(reply).to_contain_text("hostility")
    # The assistant answered in English: its bubble says so, left to right, whatever the interface.
    expect(reply).to_have_attribute("lang", "en")
    expect(reply).to_have_attribute("dir", "ltr")
    assert reply.evaluate("e => getComputedStyle(e).direction") == "ltr"
    said = chat(page).locator(f"{BOT_MESSAGES} .chc-chat__visually-hidden").last
    expect(said).to_have_text(expected(code, "bot"))
    expect(said).to_have_attribute("lang", code)  # read in the interface's language
    assert axe_violations(chat_frame(page)) == []
    if code in RIGHT_TO_LEFT:
        page.screenshot(path=str(SCREENSHOTS / f"widget-{code}.png"))


@pytest.mark.parametrize("attribute", ["zz", "PL", "pl-PL", "polish", ""])
def test_an_unknown_data_lang_gives_english(page, assistant, attribute):
    open_in(page, assistant, attribute)
    assert interface(page) == expected_interface("en")


@pytest.mark.parametrize("code", sorted(set(FOUND) - {"en"}))
def test_choosing_a_language_relabels_everything_keeps_the_conversation_and_the_answer_comes_in_it(
        page, assistant, code):
    page.goto(assistant.url + "/chat/")
    open_widget(page)
    say(page, "what is a hate crime")
    replies = chat(page).locator(BOT_MESSAGES)
    before = replies.count()
    chat(page).locator(MENU).select_option(code)
    # The interface changes at once, and the launcher with it.
    assert interface(page) == expected_interface(code)
    expect(page.locator(LAUNCHER)).to_have_attribute("aria-label", expected(code, "open"))
    expect(page.locator(LAUNCHER)).to_have_text(expected(code, "title"))
    # The choice is shown as the language's own name, and the assistant answers in it.
    choice = chat(page).locator(USER_MESSAGES).last
    expect(choice).to_contain_text(FOUND[code].name_native)
    expect(choice).to_have_attribute("lang", code)
    expect(replies).to_have_count(before + 1, timeout=20000)
    answer = replies.last
    expect(answer).to_contain_text(translated_greeting(code))
    expect(answer).to_have_attribute("lang", code)
    expect(answer).to_have_attribute("dir", FOUND[code].direction)
    # The earlier messages are still there, still English.
    expect(chat(page).locator(USER_MESSAGES).first).to_contain_text("what is a hate crime")
    expect(replies.first).to_contain_text("hostility")
    expect(replies.first).to_have_attribute("lang", "en")
    assert axe_violations(chat_frame(page)) == []
    # Remembered for this tab only: after a reload, the same language and the same conversation.
    frame = chat_frame(page)
    assert json.loads(frame.evaluate("sessionStorage.getItem('coventry-hate-crime-chat')"))["lang"] == code
    assert frame.evaluate("localStorage.length") == 0
    page.reload()
    expect(chat(page).locator(BOT_MESSAGES).last).to_have_attribute("lang", code)
    assert interface(page) == expected_interface(code)
    expect(page.locator(LAUNCHER)).to_have_attribute("aria-label", expected(code, "open"))


def test_arrow_keys_in_the_menu_switch_only_on_enter_and_the_english_button_switches_back(page, assistant):
    page.goto(assistant.url + "/chat/")
    open_widget(page)
    menu = chat(page).locator(MENU)
    menu.focus()
    page.keyboard.press("ArrowDown")  # passing over the next language does not switch to it
    page.wait_for_timeout(300)
    assert interface(page)["exit"] == expected("en", "exit")
    expect(chat(page).locator(USER_MESSAGES)).to_have_count(0)
    chosen = menu.evaluate("m => m.value")
    page.keyboard.press("Enter")
    assert interface(page) == expected_interface(chosen)
    expect(chat(page).locator(BOT_MESSAGES).last).to_have_attribute("lang", chosen, timeout=20000)
    # Passing over another language and leaving with Escape keeps this one (and closes the chat).
    menu.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")
    expect(page.locator(FRAME)).to_be_hidden()
    assert interface(page) == expected_interface(chosen)
    open_widget(page)
    # The translated answer's button back to English changes the interface back too.
    chat(page).locator(f"{BOT_MESSAGES} .chc-chat__reply-button", has_text="English").last.click()
    expect(chat(page).locator(".chc-chat__exit")).to_have_text(expected("en", "exit"))
    assert interface(page) == expected_interface("en")
    expect(chat(page).locator(BOT_MESSAGES).last).to_have_attribute("lang", "en", timeout=20000)


@pytest.mark.parametrize("code", RIGHT_TO_LEFT)
def test_right_to_left_the_layout_is_mirrored_and_english_inside_stays_left_to_right(page, assistant, code):
    page.goto(assistant.url + "/chat/")
    open_widget(page)
    chat(page).locator(MENU).select_option(code)
    expect(chat(page).locator(BOT_MESSAGES).last).to_have_attribute("lang", code, timeout=20000)
    say(page, "what is a hate crime")
    frame = chat_frame(page)
    box = lambda selector: frame.locator(selector).last.bounding_box()  # noqa: E731
    user, bot = box(USER_MESSAGES), box(BOT_MESSAGES)
    # The person's messages on the left (inline end), the assistant's on the right (inline start).
    assert user["x"] < bot["x"] and user["x"] + user["width"] < bot["x"] + bot["width"], (user, bot)
    # The send button left of the box, the title right of the exit button.
    assert box(".chc-chat__send")["x"] < box(INPUT)["x"]
    assert box(".chc-chat__exit")["x"] < box(".chc-chat__title")["x"]
    # The translated answer's list: bullets and indent on the right.
    style = frame.locator(f"{BOT_MESSAGES}[lang={code}] .chc-chat__list").first.evaluate(
        "e => [getComputedStyle(e).direction, getComputedStyle(e).paddingRight, getComputedStyle(e).paddingLeft]")
    assert style[0] == "rtl" and style[1] != "0px" and style[2] == "0px"
    danger = frame.locator(".chc-chat__danger").evaluate("e => getComputedStyle(e).borderRightWidth")
    assert danger == "5px"
    # The English reply inside reads left to right, and what the person typed in English too.
    english = frame.locator(BOT_MESSAGES).last
    expect(english).to_have_attribute("dir", "ltr")
    assert english.evaluate("e => getComputedStyle(e.querySelector('p')).direction") == "ltr"
    typed = frame.locator(f"{USER_MESSAGES} p").last
    assert typed.evaluate("e => getComputedStyle(e).direction") == "ltr"
    page.screenshot(path=str(SCREENSHOTS / f"widget-{code}-conversation.png"))


def wait_for_fonts(page: Page) -> None:
    chat_frame(page).evaluate("document.fonts.ready.then(() => true)")


def platform_fonts(page: Page, selector: str) -> List[dict]:
    """The fonts Chromium drew a node's text with (the DevTools protocol), in the chat frame."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]

    def find(node):
        if node.get("nodeName") == "IFRAME" and "chc-chat-frame" in node.get("attributes", []):
            return node["contentDocument"]
        for child in node.get("children", []):
            found = find(child)
            if found:
                return found
        return None

    document = find(root)
    node = cdp.send("DOM.querySelector", {"nodeId": document["nodeId"], "selector": selector})["nodeId"]
    return cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]


@pytest.mark.parametrize("code", sorted(SCRIPTS))
def test_each_script_is_drawn_with_our_noto_font_downloaded_only_for_it(page, assistant, code):
    """This machine has no system font for these scripts (DejaVu Sans has Arabic: ours must win)."""
    family, letters = SCRIPTS[code]
    font_requests = []
    page.on("request", lambda r: font_requests.append(r.url) if "/fonts/" in r.url else None)
    open_in(page, assistant, code)
    wait_for_fonts(page)
    for selector in (".chc-chat__exit", ".chc-chat__exit-hint"):  # bold and regular
        text = chat(page).locator(selector).text_content()
        in_script = len(re.findall(f"[{letters}]", text))
        assert in_script > 3, text
        used = platform_fonts(page, selector)
        ours = [f for f in used if f["familyName"] == family]
        assert ours and ours[0]["isCustomFont"], used
        others = sum(f["glyphCount"] for f in used if f["familyName"] != family)
        assert others <= len(text) - in_script, used  # no letter of the script drawn by another font
    served = {url.rsplit("/", 1)[1] for url in font_requests}
    script = family.split()[-1].lower()
    assert served == {fonts.served_name(script, 400), fonts.served_name(script, 700)}
    assert all(url.startswith(assistant.url + "/chat/fonts/") for url in font_requests)


def test_no_font_is_downloaded_for_an_english_or_polish_interface(page, assistant):
    font_requests = []
    page.context.on("request", lambda r: font_requests.append(r.url) if "/fonts/" in r.url else None)
    for tab in (page, page.context.new_page()):  # a new tab each: the chat starts closed
        open_in(tab, assistant, "en" if tab is page else "pl")
        say(tab, "what is a hate crime")
        wait_for_fonts(tab)
    assert font_requests == []


def test_fonts_are_served_with_their_type_and_cached_and_nothing_else_is(assistant):
    for name in fonts.font_files():
        response = requests.get(f"{assistant.url}/chat/fonts/{name}", timeout=10)
        assert response.status_code == 200
        assert response.headers["Content-Type"] == "font/woff2"
        assert "max-age=31536000" in response.headers["Cache-Control"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.content[:4] == b"wOF2"
    for name in ("nothing.woff2", "..%2Fchat.js", "noto-sans-arabic-0.0.1-400.woff2"):
        assert requests.get(f"{assistant.url}/chat/fonts/{name}", timeout=10).status_code == 404


def test_with_the_pages_policy_enforced_the_fonts_and_interface_text_load_and_nothing_is_refused(browser, assistant):
    context = browser.new_context()  # the Content Security Policy applies
    page = context.new_page()
    problems = []
    page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("request", lambda r: problems.append(r.url) if not r.url.startswith(assistant.url) else None)
    page.goto(assistant.url + "/chat/")
    open_widget(page)
    for code in ("pa", "ar"):
        chat(page).locator(MENU).select_option(code)
        expect(chat(page).locator(".chc-chat__exit")).to_have_text(expected(code, "exit"))
        expect(chat(page).locator(BOT_MESSAGES).last).to_have_attribute("lang", code, timeout=20000)
        family = SCRIPTS[code][0]
        assert chat_frame(page).evaluate(f"document.fonts.ready.then(() => document.fonts.check('16px \"{family}\"', "
                                         f"document.querySelector('.chc-chat__exit').textContent))")
    page.goto(assistant.url + "/chat/partners")
    expect(page.locator("li", has_text="ਪੰਜਾਬੀ")).to_be_visible()
    assert problems == []
    context.close()


def test_the_notes_buttons_are_in_the_interfaces_language_under_the_english_summary(page, assistant):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_in(page, assistant, "pl")
    say(page, "help me write down what happened")
    say(page, "a man spat at me outside the shop")
    messages = chat(page).locator(BOT_MESSAGES)
    for _ in range(7):
        before = messages.count()
        chat(page).locator(f"{BOT_MESSAGES} .chc-chat__reply-button", has_text="Skip").last.click()
        expect(messages).not_to_have_count(before, timeout=20000)
    summary = chat(page).locator(BOT_MESSAGES, has=chat(page).locator(".chc-chat__notes-actions")).last
    expect(summary).to_have_attribute("lang", "en")
    copy = summary.get_by_role("button", name=expected("pl", "copyNotes"))
    expect(copy).to_have_attribute("lang", "pl")
    copy.click()
    expect(summary.locator(".chc-chat__notes-status")).to_have_text(expected("pl", "copied"))
    with page.expect_download() as download:
        summary.get_by_role("button", name=expected("pl", "downloadNotes")).click()
    assert download.value.suggested_filename.startswith(expected("pl", "notesFile") + "-")
    # Changing the language relabels the buttons and what they said, not the notes.
    chat(page).locator(MENU).select_option("en")
    expect(summary.get_by_role("button", name=expected("en", "copyNotes"))).to_have_attribute("lang", "en")
    expect(summary.locator(".chc-chat__notes-status")).to_have_text(expected("en", "downloaded"))
    expect(summary).to_contain_text("a man spat at me outside the shop")
