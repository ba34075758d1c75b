"""The known-words check: a message with no word from the training data gets the clarifying answer."""
from rasa.shared.nlu.training_data.message import Message

from bot.known_words import KnownWordsCheck, words


def classified(text: str) -> str:
    check = KnownWordsCheck(None, None, vocabulary={"report", "hate", "crime", "hello"})
    message = Message(data={"text": text, "intent": {"name": "greet", "confidence": 0.9}})
    check.process([message])
    return message.get("intent")["name"]


def test_gibberish_and_other_languages_fall_back():
    assert classified("sdkfj qwpoeiru") == "nlu_fallback"
    assert classified("Gdzie mogę zgłosić przestępstwo") == "nlu_fallback"
    assert classified("") == "nlu_fallback"


def test_one_known_word_is_enough_to_trust_the_model():
    assert classified("helo how do i reprot hate") == "greet"


def test_button_payloads_are_left_alone():
    assert classified("/ask_support") == "greet"


def test_words_ignores_case_digits_and_single_letters():
    assert words("I Report 2 HATE crimes, x") == {"report", "hate", "crimes"}
