"""The chat window's interface text in every language, from content/translations/<code>.yml.

The server writes every language's text into the chat frame as a JSON data block (frame.html,
``{{widget_languages}}``): a data block is not a script, so the frame's policy (script-src 'self')
still allows no inline script, and the person can change language without another request.
A translation that lacks a string gets the English one for that string. The partner page's list
of codes is made from the same files, so it cannot go out of date.
"""
import html
import json
import re
from typing import Dict, List, Mapping

from bot.rules import translations
from bot.rules.translations import Translation

CODE = re.compile(r"\A[a-z]{2,3}\Z")
DIRECTIONS = ("ltr", "rtl")
PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
# Characters that could end the data block or start markup in it, as JSON escapes.
SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def fill(text: str, values: Mapping[str, str]) -> str:
    """{{name}} placeholders filled from the contact directory's values; unknown ones are left."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def in_menu_order(found: Mapping[str, Translation]) -> List[Translation]:
    """English first, then by the language's English name; a malformed file stops the server."""
    if translations.SOURCE not in found:
        raise ValueError(f"content/translations/{translations.SOURCE}.yml (the English source) is missing")
    for translation in found.values():
        if not CODE.match(translation.code) or translation.direction not in DIRECTIONS:
            raise ValueError(f"content/translations/{translation.code}.yml: the code must be 2 or 3 small "
                             f"letters and the direction ltr or rtl (it says {translation.direction!r})")
    return sorted(found.values(), key=lambda t: (t.code != translations.SOURCE, t.name_english))


def interface_languages(found: Mapping[str, Translation], values: Mapping[str, str]) -> List[Dict]:
    """Each language's code, native name, direction and every interface string (English where the
    translation lacks one), with the directory's values filled in."""
    english = found[translations.SOURCE].widget
    return [{
        "code": translation.code,
        "name": translation.name_native,
        "dir": translation.direction,
        "text": {key: fill(str(translation.widget.get(key) or source), values) for key, source in english.items()},
    } for translation in in_menu_order(found)]


def script_data(languages: List[Dict]) -> str:
    """JSON for a <script type="application/json"> block: nothing in it can close the block."""
    data = json.dumps(languages, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: SCRIPT_ESCAPES[m.group(0)], data)


def partner_list(found: Mapping[str, Translation]) -> str:
    """The partner page's list of data-lang codes, as HTML list items."""
    items = []
    for translation in in_menu_order(found):
        code, native = html.escape(translation.code), html.escape(translation.name_native)
        name = (f'<span lang="{code}" dir="{translation.direction}">{native}</span>'
                f" ({html.escape(translation.name_english)})")
        if translation.code == translations.SOURCE:
            name = native
        review = "" if translation.reviewed else ": awaiting review by a fluent speaker"
        items.append(f"<li><code>{code}</code>: {name}{review}</li>")
    return "\n        ".join(items)


def page_values(values: Mapping[str, str]) -> Dict[str, str]:
    """What the frame and the partner page are filled with, from the translations."""
    found = translations.load_all()
    return {
        "widget_languages": script_data(interface_languages(found, values)),
        "language_list": partner_list(found),
    }
