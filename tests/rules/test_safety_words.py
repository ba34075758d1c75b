"""Danger and crisis words in the other languages (content/safety_keywords.yml)."""
import pytest
from ruamel.yaml import YAML

from bot.paths import TESTS_DIR
from bot.rules import safety_words
from bot.rules.folding import fold
from bot.rules.safety import DANGER, SELF_HARM


@pytest.mark.parametrize("text, code", [
    ("Ratunku! On ma nóż", "pl"),
    ("ratunku on ma noz", "pl"),                 # typed without accents
    ("Socorro, ele tem uma faca", "pt"),
    ("ajutor, are un cutit", "ro"),
    ("Допоможіть, у нього ніж", "uk"),
    ("مدد کریں، اس کے پاس چاقو ہے", "ur"),
    ("النجدة، معه سكين", "ar"),
])
def test_a_cry_for_help_or_a_weapon_is_danger_in_that_language(text, code):
    assert safety_words.classify(text) == (DANGER, code)


def test_thoughts_of_suicide_come_first_as_in_the_english_check():
    assert safety_words.classify("chcę się zabić", "pl")[0] == SELF_HARM


def test_with_a_language_only_its_words_are_read():
    assert safety_words.classify("ratunku", "pt") is None
    assert safety_words.classify("ratunku", "pl") == (DANGER, "pl")


def test_a_word_matches_only_where_a_word_starts():
    # "noz" inside another word is not "nóż" (knife).
    assert safety_words.classify("mam pytanie o formularz zgłoszenia", "pl") is None


def test_ordinary_english_messages_never_set_off_the_other_languages_words():
    ordinary = YAML(typ="safe").load((TESTS_DIR / "safety_cases.yml").read_text(encoding="utf-8"))["ordinary"]
    assert len(ordinary) > 50
    assert not [text for text in ordinary if safety_words.classify(text)]


def test_the_arabic_script_letters_a_keyboard_types_in_several_ways_match_alike():
    assert fold("كيف") == fold("کیف")
    assert fold("مدرسة") == fold("مدرسہ")


@pytest.mark.parametrize("text", ["ratu\u200bnku", "\u202eratunku", "😭pomocy", "*ratunku*", "…ratunku", "~ratunku"])
def test_invisible_characters_emoji_and_punctuation_do_not_hide_a_cry_for_help(text):
    assert safety_words.classify(text) == (DANGER, "pl")


def test_a_stretched_arabic_word_and_a_joiner_in_urdu_are_the_same_words():
    assert safety_words.classify("معه سـكين") == (DANGER, "ar")  # tatweel inside "knife"
    assert safety_words.classify("خود\u200cکشی کرنا چاہتا ہوں")[0] == SELF_HARM  # a zero-width non-joiner


def test_the_english_check_sees_through_invisible_and_full_width_characters():
    from bot.rules import safety

    assert safety.classify("he has a kn\u200bife") == DANGER
    assert safety.classify("i want to k\u200bill myself") == SELF_HARM
    assert safety.classify("ｈｅｌｐ ｈｅ ｈａｓ ａ ｋｎｉｆｅ") == DANGER
