"""The known-words check: a message with no word from the training data gets the clarifying answer."""
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.known_words import KnownWordsCheck, language_of, words


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


def parsed(text: str, vocabulary=("my", "neighbour", "shouted", "at", "me", "how", "do", "report")) -> Message:
    check = KnownWordsCheck(None, None, vocabulary=set(vocabulary))
    message = Message(data={"text": text, "intent": {"name": "tell_experience", "confidence": 0.9},
                            "intent_ranking": [{"name": "tell_experience", "confidence": 0.9}]})
    check.process([message])
    return message


def test_a_message_in_another_language_is_marked_with_its_language():
    polish = parsed("Sąsiad ciągle wyzywa mnie od Polaczków, gdzie to zgłosić?")
    assert polish.get("intent")["name"] == "nlu_fallback"
    assert language_of(polish) == "pl"
    assert polish.get("entities")[0]["entity"] == "language"
    assert language_of(parsed("ਮੈਂ ਨਫ਼ਰਤ ਅਪਰਾਧ ਦੀ ਰਿਪੋਰਟ ਕਿਵੇਂ ਕਰਾਂ")) == "pa"


def test_english_with_a_foreign_name_stays_english_and_keeps_the_model_s_intent():
    message = parsed("my neighbour Wojciech shouted at me")
    assert language_of(message) == "en"
    assert message.get("intent")["name"] == "tell_experience"


def test_a_word_or_two_leaves_the_conversation_s_language_as_it_was():
    assert language_of(parsed("ok")) is None
    assert language_of(parsed("/ask_support")) is None


def test_when_no_word_is_known_the_model_s_guesses_are_not_kept():
    assert parsed("sdkfj qwpoeiru").get("intent_ranking") == [{"name": "nlu_fallback", "confidence": 1.0}]
