"""The contact directory: every entry is usable, and a change there changes every answer."""
import asyncio
from datetime import date
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.paths import DOMAIN_FILE
from bot.rasa_plugins.nlg import DirectoryNLG
from bot.rules import directory


def test_every_entry_has_a_source_a_check_date_and_a_status(contacts):
    for contact in contacts.values():
        assert contact.get("source", ).startswith("http"), contact.id
        assert isinstance(contact.checked, date)
        assert isinstance(contact.fields["confirmed"], bool)


def test_unconfirmed_facts_are_marked_unconfirmed(contacts):
    """facts.md's November 2026 check found no current source for these; staff must see that."""
    for contact_id in ("wm_victim_service", "stop_hate_uk", "tell_mama", "true_vision", "galop", "cst",
                       "refugee_centre", "reporting_centres", "domestic_abuse_helpline"):
        assert contacts[contact_id].confirmed is False, contact_id


def test_details_the_check_found_doubtful_are_not_shown_at_all(contacts):
    """Tell MAMA's phone (2015 leaflet) and Galop's hours (2023) stay in the notes, not the answers."""
    assert contacts["tell_mama"].get("phone") is None and contacts["galop"].get("hours") is None
    assert contacts["citizens_advice"].get("phone") is None and contacts["wmp_online"].get("hours") is None


def test_how_to_contact_lists_every_channel_in_plain_words(contacts):
    assert contacts["samaritans"].how_to_contact() == "call 116 123 or go to https://www.samaritans.org"
    assert contacts["cst"].how_to_contact() == (
        "call 0800 032 3263, email incidents@cst.org.uk or go to https://cst.org.uk"
    )


@pytest.mark.parametrize(
    "entry, problem",
    [
        ({"name": "X", "purpose": "Y", "source": "https://a", "checked": date(2025, 1, 1), "confirmed": True},
         "at least one way"),
        ({"name": "X", "purpose": "Y", "phone": "1", "source": "https://a", "checked": "last week", "confirmed": True},
         "YYYY-MM-DD"),
        ({"name": "X", "purpose": "Y", "phone": "1", "source": "https://a", "checked": date(2025, 1, 1),
          "confirmed": "yes"},
         "true or false"),
        ({"name": "X", "purpose": "Y", "fone": "1", "phone": "1", "source": "https://a", "checked": date(2025, 1, 1),
          "confirmed": True},
         "unknown field 'fone'"),
        ({"purpose": "Y", "phone": "1", "source": "https://a", "checked": date(2025, 1, 1), "confirmed": True},
         "'name' is missing"),
    ],
)
def test_a_broken_entry_is_explained(entry, problem):
    assert any(problem in p for p in directory.entry_problems("x", entry))


def test_changing_a_number_in_the_directory_changes_the_answers(tmp_path: Path):
    """One edit in the directory file reaches every answer that shows the number."""
    original = directory.DIRECTORY_FILE.read_text(encoding="utf-8")
    edited = tmp_path / "directory.yml"
    edited.write_text(original.replace('"08 08 16 89 111"', '"0800 000 0000"'), encoding="utf-8")
    nlg = DirectoryNLG(EndpointConfig(directory=str(edited)), Domain.load(str(DOMAIN_FILE)))
    shown = [
        name for name in ("utter_ask_support", "utter_bot_challenge", "utter_feeling_upset")
        if "0800 000 0000" in nlg.generate_from_slots(name, {}, "rest")["text"]
    ]
    assert shown == ["utter_ask_support", "utter_bot_challenge", "utter_feeling_upset"]


def test_the_generator_fills_every_response_without_leftover_placeholders():
    nlg = DirectoryNLG(None, Domain.load(str(DOMAIN_FILE)))
    slots = {"week_start": "Saturday 10 October 2026", "week_end": "Saturday 17 October 2026",
             "awareness_week_is_on": False, "contact_name": "Galop", "contact_details": "call 0800 999 5428"}
    for name in nlg.responses:
        text = nlg.generate_from_slots(name, slots, "rest")["text"]
        assert "{" not in text and "}" not in text, name


def test_an_answer_showing_an_unconfirmed_entry_asks_people_to_check_it(tmp_path: Path):
    """Galop is unconfirmed in the directory: its answer says so; once confirmed, the line goes."""
    domain = Domain.load(str(DOMAIN_FILE))
    tracker = DialogueStateTracker.from_events("someone", [])
    check = "not confirmed yet"

    def text(nlg, response):
        return asyncio.run(nlg.generate(response, tracker, "rest"))["text"]

    nlg = DirectoryNLG(None, domain)
    assert not directory.load()["galop"].confirmed
    assert check in text(nlg, "utter_support_lgbt")
    assert check not in text(nlg, "utter_report_anonymously")  # Crimestoppers is confirmed
    confirmed = tmp_path / "directory.yml"
    original = directory.DIRECTORY_FILE.read_text(encoding="utf-8")
    galop = original.index("  galop:")
    confirmed.write_text(original[:galop] + original[galop:].replace("confirmed: false", "confirmed: true", 1),
                         encoding="utf-8")
    assert check not in text(DirectoryNLG(EndpointConfig(directory=str(confirmed)), domain), "utter_support_lgbt")
