"""Recognising the language of a message: scripts, letters only one language uses, marker words
for short messages, the library for longer ones; English with a foreign name stays English."""
import pytest

from bot.rules import language
from harness.language_report import vocabulary

KNOWN = vocabulary()


@pytest.mark.parametrize("text, code", [
    ("ਮੈਨੂੰ ਮਦਦ ਚਾਹੀਦੀ ਹੈ", "pa"),            # Gurmukhi
    ("আমাকে সাহায্য করুন", "bn"),             # Bengali script
    ("મને મદદ જોઈએ છે", "gu"),                # Gujarati script
    ("ሓገዝ የድልየኒ ኣሎ", "ti"),                  # Ethiopic
    ("مجھے مدد چاہیے", "ur"),                 # Urdu's ے
    ("أحتاج إلى مساعدة من الشرطة", "ar"),     # Arabic's ة
    ("Мені потрібна допомога", "uk"),          # Ukrainian's і
])
def test_the_script_and_its_letters_settle_it(text, code):
    assert language.recognise(text, KNOWN) == code


def test_english_words_in_another_script_do_not_make_it_english():
    assert language.recognise("میں hate crime report کرنا چاہتا ہوں", KNOWN) == "ur"


@pytest.mark.parametrize("text", ["my neighbour Wojciech shouted at me",
                                  "a man called me a cygan and spat at me",
                                  "how do i report a hate crime"])
def test_english_with_a_foreign_name_or_word_stays_english(text):
    assert language.recognise(text, KNOWN) == language.ENGLISH
    assert language.other_language(text, KNOWN) is None


@pytest.mark.parametrize("text", ["ok", "???", "👍", "Dariusz", ""])
def test_a_word_a_name_or_no_letters_is_not_clear(text):
    assert language.recognise(text, KNOWN) is None


def test_a_short_message_with_a_word_only_one_language_uses_is_that_language():
    assert language.recognise("dzień dobry", KNOWN) == "pl"
    assert language.recognise("dziekuje", KNOWN) == "pl"


def test_a_longer_message_is_judged_by_the_library():
    assert language.recognise("Bună ziua, vecinii mei mă insultă în fiecare zi pentru că sunt român", KNOWN) == "ro"


def test_punjabi_in_perso_arabic_script_is_answered_in_urdu():
    assert language.recognise("ساڈے گوانڈی سانوں گالاں کڈھدے نیں", KNOWN) == "ur"


@pytest.mark.parametrize("text", ["my cat", "Cat here", "si", "sie", "policia", "porque"])
def test_an_english_or_spanish_word_that_is_a_marker_only_with_its_accent_is_not_that_language(text):
    assert language.recognise(text, KNOWN) not in ("ro", "pl", "pt")


@pytest.mark.parametrize("text", ["hw do i rprt it", "hw 2 rprt h8 crime", "asdfgh qwerty zxcvb"])
def test_text_speak_and_nonsense_are_not_taken_for_a_language_the_assistant_does_not_answer_in(text):
    assert language.other_language(text, KNOWN) is None


@pytest.mark.parametrize("text", ["English", "english please", "in English"])
def test_asking_for_english_goes_back_to_english(text):
    assert language.recognise(text, KNOWN) == language.ENGLISH
