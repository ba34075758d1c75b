"""The chat window's languages and fonts as the server prepares them (bot/widget/languages.py,
bot/widget/fonts.py, bot/widget/channel.py), without a browser or a model. The browser tests
(test_widget_languages.py) check what a person sees."""
import json
import re
from dataclasses import replace
from html.parser import HTMLParser
from typing import Dict, List

import pytest

from bot.rules import translations
from bot.widget import channel, fonts, languages

WIDGET = channel.HERE
FOUND = translations.load_all()
ENGLISH = FOUND["en"].widget


@pytest.fixture(scope="module")
def served() -> Dict[str, str]:
    """What the server sends for each widget file, as text."""
    return {name: body.decode("utf-8") for name, (body, content_type) in channel.load_files().items()
            if not content_type.startswith("text/javascript") or name == "chat.js"}


class DataBlock(HTMLParser):
    """The text of the frame's <script type="application/json"> block, as a browser splits it."""

    def __init__(self) -> None:
        super().__init__()
        self.inside, self.blocks = False, []  # type: bool, List[str]

    def handle_starttag(self, tag, attrs):
        self.inside = tag == "script" and ("id", "chc-chat-languages") in attrs
        if self.inside:
            self.blocks.append("")

    def handle_endtag(self, tag):
        self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.blocks[-1] += data


def data_block(frame_html: str) -> list:
    parser = DataBlock()
    parser.feed(frame_html)
    assert len(parser.blocks) == 1
    return json.loads(parser.blocks[0])


def test_the_frame_carries_every_language_with_every_string_english_where_a_translation_lacks_one(served):
    shown = {language["code"]: language for language in data_block(served["frame"])}
    assert set(shown) == set(FOUND) and len(FOUND) >= 11
    assert next(iter(shown)) == "en"  # English first in the menu
    values = channel.page_values()
    for code, translation in FOUND.items():
        language = shown[code]
        assert (language["name"], language["dir"]) == (translation.name_native, translation.direction)
        assert set(language["text"]) == set(ENGLISH), code
        for key, source in ENGLISH.items():
            own = translation.widget.get(key) or source
            assert language["text"][key] == languages.fill(own, values), (code, key)
            assert "{{" not in language["text"][key], (code, key)
        assert values["emergency_phone"] in language["text"]["danger"], code
        assert values["text_relay_phone"] in language["text"]["danger"], code
        assert values["max_message_chars_words"] in language["text"]["tooLong"], code
    # No translation has the download's file name: it stays English, a safe file name.
    assert shown["pl"]["text"]["notesFile"] == ENGLISH["notesFile"]
    assert shown["pl"]["text"]["exit"] == FOUND["pl"].widget["exit"] != ENGLISH["exit"]
    assert {code for code, language in shown.items() if language["dir"] == "rtl"} == {"ar", "ur"}


def test_a_missing_or_empty_string_falls_back_to_english_for_that_string_only():
    partial = replace(FOUND["pl"], widget={"exit": "Wyjdź", "send": ""})
    shown = {lang["code"]: lang for lang in languages.interface_languages({"en": FOUND["en"], "pl": partial}, {})}
    assert shown["pl"]["text"]["exit"] == "Wyjdź"
    assert shown["pl"]["text"]["send"] == ENGLISH["send"]
    assert shown["pl"]["text"]["language"] == ENGLISH["language"]


def test_text_that_looks_like_markup_cannot_leave_the_data_block():
    hostile = "</script><script>alert(1)</script><!-- & \u2028 </SCRIPT "
    tricky = replace(FOUND["pl"], widget={"exit": hostile}, name_native="<b>Polski</b>")
    data = languages.script_data(languages.interface_languages({"en": FOUND["en"], "pl": tricky}, {}))
    assert not re.search("[<>&\u2028\u2029]", data)
    frame = (WIDGET / "frame.html").read_text(encoding="utf-8").replace("{{widget_languages}}", data)
    shown = {lang["code"]: lang for lang in data_block(frame)}
    assert shown["pl"]["text"]["exit"] == hostile and shown["pl"]["name"] == "<b>Polski</b>"


@pytest.mark.parametrize("change", [{"code": "PL"}, {"code": "pl-x"}, {"direction": "rtl; x"}, {"direction": "RTL"}])
def test_a_malformed_translation_file_stops_the_server_with_its_name(change):
    bad = replace(FOUND["pl"], **change)
    with pytest.raises(ValueError, match="content/translations/"):
        languages.interface_languages({"en": FOUND["en"], bad.code: bad}, {})


def test_no_interface_text_is_written_into_the_scripts():
    """The interface's English lives in content/translations/en.yml only."""
    for script in ("chat.js", "loader.js", "helpers.js"):
        source = (WIDGET / script).read_text(encoding="utf-8")
        source = re.sub(r"/\*.*?\*/|(?<![:\\])//.*", "", source, flags=re.S)  # the code, not its comments
        for key, english in ENGLISH.items():
            if len(english) > 12:  # longer than a word that could be a name in the code
                assert english not in source, f"{script} has the {key} text: take it from en.yml"


def test_the_partner_page_lists_every_code_and_says_which_await_review(served):
    page = served["partners"]
    for code, translation in FOUND.items():
        item = re.search(rf"<li><code>{code}</code>: (.*?)</li>", page)
        assert item, code
        assert translation.name_native in item.group(1)
        assert ("awaiting review by a fluent speaker" in item.group(1)) is (not translation.reviewed), code
    assert '<span lang="ur" dir="rtl">' in page
    assert "awaiting review by fluent" in page


def font_faces(css: str) -> List[Dict[str, str]]:
    rules = []
    for block in fonts.FONT_FACE.findall(css):
        rules.append(dict(re.findall(r"([\w-]+):\s*([^;]+);", block)))
    return rules


def package_range(script: str, weight: int) -> str:
    """The unicode-range the package itself gives its script subset."""
    css = (fonts.package(script) / f"{weight}.css").read_text(encoding="utf-8")
    block = css[css.index(f"noto-sans-{script}-{script}-{weight}-normal */"):]
    return re.search(r"unicode-range:\s*([^;]+);", block).group(1)


def test_chat_css_declares_each_served_font_with_its_scripts_unicode_range():
    rules = font_faces((WIDGET / "chat.css").read_text(encoding="utf-8"))
    served = fonts.font_files()
    assert len(rules) == len(served) == len(fonts.SCRIPTS) * len(fonts.WEIGHTS)
    for rule in rules:
        url = re.fullmatch(r'url\("/chat/fonts/([^"]+)"\) format\("woff2"\)', rule["src"])
        assert url and url.group(1) in served, rule["src"]
        script, weight = re.fullmatch(r"noto-sans-(\w+)-[\d.]+-(\d+)\.woff2", url.group(1)).groups()
        assert rule["font-family"] == f'"Noto Sans {script.title()}"'
        assert rule["font-weight"] == weight
        normalise = lambda ranges: [part.strip() for part in ranges.split(",")]  # noqa: E731
        assert normalise(rule["unicode-range"]) == normalise(package_range(script, int(weight))), url.group(1)
        assert "U+0000" not in rule["unicode-range"] and "U+0041" not in rule["unicode-range"]  # no Latin
    for path in served.values():
        assert path.read_bytes()[:4] == b"wOF2", path  # woff2, the script's subset file


def test_the_pages_stylesheet_gets_the_same_font_faces(served):
    assert "{{" not in served["pages.css"]
    assert font_faces(served["pages.css"]) == font_faces(served["chat.css"])
