"""The safety component after the known-words check, as Rasa runs them: danger in another language
is caught with that language's words and answered in that language."""
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.known_words import KnownWordsCheck, language_of
from bot.rasa_plugins.safety_check import SafetyCheck
from harness.language_report import vocabulary

KNOWN = vocabulary()


def parsed(text: str) -> Message:
    message = Message(data={"text": text, "intent": {"name": "tell_experience", "confidence": 0.9},
                            "intent_ranking": [{"name": "tell_experience", "confidence": 0.9}]})
    KnownWordsCheck(None, None, vocabulary=KNOWN).process([message])
    SafetyCheck().process([message])
    return message


def test_danger_in_polish_is_the_emergency_in_polish():
    message = parsed("Ratunku, sąsiad stoi pod drzwiami z nożem")
    assert message.get("intent")["name"] == "emergency"
    assert language_of(message) == "pl"


def test_a_cry_too_short_to_recognise_is_still_danger_and_sets_the_language():
    message = parsed("ratunku!!")
    assert message.get("intent")["name"] == "emergency"
    assert language_of(message) == "pl"


def test_a_clearly_english_message_is_not_read_with_other_languages_words():
    message = parsed("how do i report the man who called me a cygan on the bus")
    assert message.get("intent")["name"] == "tell_experience"
    assert language_of(message) == "en"


def test_an_english_message_with_a_danger_word_of_another_language_gets_the_999_answer_in_english():
    message = parsed("my neighbour is outside and has a nóż")
    assert message.get("intent")["name"] == "emergency"
    assert language_of(message) == "en"


def test_a_typed_slash_before_a_cry_for_help_is_still_read():
    assert parsed("/ ratunku pomocy").get("intent")["name"] == "emergency"
