"""The assistant's essential answers in other languages, from content/translations/<code>.yml.

A resident who writes in Polish or Urdu gets the danger line, how to report and free support in
that language, with buttons in that language, rather than "I can only read English". The texts
are content, like domain.yml: staff and translators edit the YAML, and every contact detail is a
placeholder filled from the one contact directory, so a changed number changes every language.
``en.yml`` is the English source the translations are made from (and the chat window's English).

Pure functions of the files and the directory's values, so they are tested without Rasa;
bot/rasa_plugins/nlg.py uses them inside the Rasa server.
"""
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional

from ruamel.yaml import YAML

from bot.paths import ROOT
from bot.rules.answer_text import PLACEHOLDER_RE

TRANSLATIONS_DIR = ROOT / "content" / "translations"
SOURCE = "en"
# Filled from the translation itself: what to call the language in it, and in English (what to
# say to the 999 operator to get an interpreter).
LANGUAGE_VALUES = ("language_name", "language_english")
# English response -> the translated answer sent in its place.
ANSWER_FOR = {
    "utter_clarify": "essentials",
    "utter_did_you_mean": "essentials",
    "utter_not_english": "essentials",
    "utter_greet": "essentials",
    "utter_emergency": "emergency",
    "utter_crisis_self_harm": "crisis",
    "utter_ask_how_to_report": "report",
    "utter_ask_support": "support",
}
CHECK_DETAILS = "check_details"
# The buttons under a translated answer, in this order; the last one goes back to English.
BUTTONS = (("emergency", "/emergency"), ("report", "/ask_how_to_report"), ("support", "/ask_support"),
           ("english", '/greet{"language": "en"}'))
NO_BUTTONS = ("emergency", "crisis")


@dataclass(frozen=True)
class Translation:
    code: str
    name_english: str
    name_native: str
    direction: str
    reviewed: bool
    answers: Mapping[str, str]
    buttons: Mapping[str, str]
    widget: Mapping[str, str]

    @classmethod
    def from_document(cls, document: Mapping[str, Any]) -> "Translation":
        return cls(
            code=str(document["code"]), name_english=str(document["name_english"]),
            name_native=str(document["name_native"]), direction=str(document.get("direction") or "ltr"),
            reviewed=document.get("reviewed") is True, answers=_texts(document.get("answers")),
            buttons=_texts(document.get("buttons")), widget=_texts(document.get("widget")),
        )


def _texts(section: Any) -> Dict[str, str]:
    """The section's non-empty texts: an empty or broken one is left out, so the English is used
    there rather than nothing (`make validate` reports it)."""
    if not isinstance(section, dict):
        return {}
    return {str(key): value for key, value in section.items() if isinstance(value, str) and value.strip()}


def read(path: Path) -> Translation:
    return Translation.from_document(YAML(typ="safe").load(path.read_text(encoding="utf-8")))


def load_all(folder: Path = TRANSLATIONS_DIR) -> Dict[str, Translation]:
    """Language code -> its translation, English included."""
    return {translation.code: translation for translation in map(read, sorted(folder.glob("*.yml")))}


def fill(text: str, values: Mapping[str, str]) -> str:
    """Placeholders replaced by their values; an unknown one is left as written (validate reports it)."""
    return PLACEHOLDER_RE.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def answer(translation: Translation, response: str, values: Mapping[str, str],
           check_details: bool = False) -> Optional[Dict[str, Any]]:
    """The translated text and buttons to send in place of an English response, or None when the
    response has no translation (the English answer is sent).

    ``check_details`` adds the translated "please check these details" line, for answers showing
    contact details not yet confirmed in the directory.
    """
    key = ANSWER_FOR.get(response)
    if translation.code == SOURCE or key not in translation.answers:
        return None
    own = {"language_name": translation.name_native, "language_english": translation.name_english}
    text = fill(translation.answers[key], {**values, **own})
    if check_details and translation.answers.get(CHECK_DETAILS):
        text = f"{text}\n{translation.answers[CHECK_DETAILS]}"
    buttons: List[Dict[str, str]] = [] if key in NO_BUTTONS else [
        {"title": translation.buttons[name], "payload": payload}
        for name, payload in BUTTONS if translation.buttons.get(name)]
    return {"text": text, "buttons": buttons}


def answer_template(translation: Translation, response: str) -> str:
    """The translated text of a response before its placeholders are filled ('' if none)."""
    return translation.answers.get(ANSWER_FOR.get(response, ""), "") if translation.code != SOURCE else ""
