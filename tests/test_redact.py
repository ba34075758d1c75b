"""Redaction of personal details before residents' words are shown to staff."""
import pytest

from bot.redact import redact


@pytest.mark.parametrize("text, expected", [
    ("email me at sam.jones@example.co.uk please", "email me at [EMAIL] please"),
    ("my number is 07700 900123", "my number is [PHONE]"),
    ("call +44 24 7683 3333", "call [PHONE]"),
    ("I live at 12 Foleshill Road, CV6 5AA", "I live at [ADDRESS], [POSTCODE]"),
    ("his van was AB12 CDE", "his van was [VEHICLE_REG]"),
    ("my NI is AB 12 34 56 C", "my NI is [NI_NUMBER]"),
    ("card 4111 1111 1111 1111", "card [CARD]"),
    ("I was born on 12/03/1990", "I was [DATE_OF_BIRTH]"),
    ("my name is Sam Jones and I was attacked", "my name is [NAME] and I was attacked"),
    ("i'm called priya", "i'm called [NAME]"),
])
def test_personal_details_are_replaced_by_their_type(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "what is a hate crime", "call 101 or 999", "I was attacked on 12 March",
    "they shouted at me on the number 21 bus", "my name is not important",
])
def test_ordinary_messages_are_left_alone(text):
    assert redact(text) == text


def test_the_store_gets_a_redacted_copy_and_the_conversation_keeps_the_original():
    from rasa.shared.core.events import ActionExecuted, UserUttered

    from bot.store import redacted

    original = UserUttered("email me at sam@example.org", {"name": "greet", "confidence": 0.9})
    stored = redacted(original)
    assert stored.text == "email me at [EMAIL]"
    assert stored.as_dict()["parse_data"]["text"] == "email me at [EMAIL]"
    assert stored.intent_name == "greet"
    assert original.text == "email me at sam@example.org"  # understanding and reply use this
    action = ActionExecuted("utter_greet")
    assert redacted(action) is action
