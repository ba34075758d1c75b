"""Answers in other languages: the danger line first, numbers from the directory, buttons in the
language, and what the Rasa server's response generator sends in a conversation in that language."""
import asyncio

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.paths import DOMAIN_FILE
from bot.rasa_plugins.nlg import DirectoryNLG
from bot.rules import answer_text, translations

ALL = translations.load_all()
OFFERED = sorted(set(ALL) - {translations.SOURCE})


def reply(code, response, kwargs=None):
    domain = Domain.load(str(DOMAIN_FILE))
    events = [UserUttered("...", parse_data={"intent": {"name": "nlu_fallback"}, "entities": []})]
    if code:
        events.append(SlotSet("language", code))
    tracker = DialogueStateTracker.from_events("someone", events, slots=domain.slots)
    return asyncio.run(DirectoryNLG(None, domain).generate(response, tracker, "rest", **(kwargs or {})))


def test_ten_languages_are_offered_besides_english():
    assert OFFERED == ["ar", "bn", "gu", "pa", "pl", "pt", "ro", "ti", "uk", "ur"]


@pytest.mark.parametrize("code", OFFERED)
def test_the_essentials_come_in_the_language_with_999_first_and_numbers_from_the_directory(code, directory_values):
    sent = reply(code, "utter_clarify")
    text = sent["text"]
    translated = translations.fill(ALL[code].answers["essentials"], {
        **directory_values, "language_name": ALL[code].name_native, "language_english": ALL[code].name_english})
    assert text.startswith(translated)
    first_number = answer_text.contact_details(text)[0]
    assert first_number == directory_values["police_emergency.phone"]
    assert directory_values["police_non_emergency.phone"] in text and directory_values["victim_support.phone"] in text
    assert ALL[code].name_english in text  # the word to say to the 999 operator for an interpreter
    assert "{" not in text
    assert sent["custom"]["lang"] == code and sent["custom"]["dir"] == ALL[code].direction


@pytest.mark.parametrize("code", OFFERED)
def test_buttons_are_in_the_language_and_one_goes_back_to_english(code):
    buttons = reply(code, "utter_clarify")["buttons"]
    names = ("emergency", "report", "support", "english")
    assert [b["title"] for b in buttons] == [ALL[code].buttons[k] for k in names]
    assert buttons[-1]["payload"] == '/greet{"language": "en"}'
    assert [b["payload"] for b in buttons[:3]] == ["/emergency", "/ask_how_to_report", "/ask_support"]


@pytest.mark.parametrize("code", OFFERED)
def test_the_danger_answer_keeps_its_urgency_and_has_no_buttons(code, directory_values):
    sent = reply(code, "utter_emergency")
    assert sent["custom"]["urgency"] == "emergency"
    assert sent["text"].count(directory_values["police_emergency.phone"]) >= 2  # call it; the Silent Solution
    assert "55" in sent["text"] and not sent["buttons"]


def test_unconfirmed_details_get_the_check_line_in_the_language():
    # True Vision is not yet confirmed in the directory: the report answer shows it.
    text = reply("pl", "utter_ask_how_to_report")["text"]
    assert text.endswith(ALL["pl"].answers["check_details"])


def test_an_answer_without_a_translation_stays_english():
    sent = reply("pl", "utter_ask_what_is_hate_crime")
    assert "A hate crime is a crime" in sent["text"] and "lang" not in (sent.get("custom") or {})


def test_english_and_unknown_languages_get_the_english_answers():
    for code in ("en", "es", None, "<b>x</b>"):
        sent = reply(code, "utter_ask_support")
        assert sent["text"].startswith("You do not have to deal with this alone")


def test_no_translation_types_a_number_or_link_by_hand():
    for code in OFFERED:
        for key, text in ALL[code].answers.items():
            assert not answer_text.contact_details(answer_text.PLACEHOLDER_RE.sub("", text)), (code, key)


def test_a_typed_payload_that_puts_something_odd_in_the_language_gets_english_not_a_crash():
    for odd in ({"a": 1}, ["pl", "ur"], 7):
        assert reply(odd, "utter_ask_support")["text"].startswith("You do not have to deal with this alone")


def test_an_empty_translated_answer_falls_back_to_the_english_one(tmp_path):
    import shutil

    for path in translations.TRANSLATIONS_DIR.glob("*.yml"):
        shutil.copy(path, tmp_path / path.name)
    polish = tmp_path / "pl.yml"
    text = polish.read_text(encoding="utf-8")
    start = text.index("  emergency: |-")
    polish.write_text(text[:start] + "  emergency:\n" + text[text.index("  crisis: |-"):], encoding="utf-8")
    loaded = translations.load_all(tmp_path)["pl"]
    assert translations.answer(loaded, "utter_emergency", {}) is None  # so the English 999 answer is sent
