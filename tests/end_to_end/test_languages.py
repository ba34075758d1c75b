"""End to end over REST: a resident who writes in another language gets the essentials in it, the
danger answer in it when in danger, buttons that keep to it, and English back when they ask."""
import uuid

import pytest
from ruamel.yaml import YAML

from bot.rules import directory, safety_words, translations
from bot.rules.folding import fold
from tests.helpers import joined, running_assistant, say

pytestmark = pytest.mark.e2e

ALL = translations.load_all()
OFFERED = sorted(set(ALL) - {translations.SOURCE})
D = directory.placeholder_values(directory.load())
EMERGENCY = D["police_emergency.phone"]
KEYWORDS = YAML(typ="safe").load(safety_words.KEYWORDS_FILE.read_text(encoding="utf-8"))["languages"]


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with running_assistant(tmp_path_factory.mktemp("assistant")) as running:
        yield running


def in_the_language(code: str) -> str:
    """A sentence that is certainly in the language and about support, not danger: the first line of
    its translated support answer (a resident's message would do as well; these are at hand)."""
    return ALL[code].answers["support"].splitlines()[0]


def first_line(code: str, key: str) -> str:
    return translations.fill(ALL[code].answers[key].splitlines()[0], D)


@pytest.mark.parametrize("code", OFFERED)
def test_a_message_in_the_language_gets_the_essentials_in_it(assistant, code):
    replies = say(assistant, in_the_language(code))
    assert replies[0]["text"].startswith(translations.fill(ALL[code].answers["essentials"].splitlines()[0], {
        "language_name": ALL[code].name_native}))
    assert EMERGENCY in replies[0]["text"] and ALL[code].name_english in replies[0]["text"]
    assert [b["title"] for b in replies[0]["buttons"]][-1] == ALL[code].buttons["english"]


@pytest.mark.parametrize("code", OFFERED)
def test_danger_in_the_language_gets_the_999_answer_in_it_first_and_urgent(assistant, code):
    cry = KEYWORDS[code]["danger"][0]
    assert safety_words.classify(f"{cry}!!", code), fold(cry)
    replies = say(assistant, f"{cry}!! {in_the_language(code)}")
    assert replies[0]["text"].startswith(first_line(code, "emergency"))
    assert {"custom": {"urgency": "emergency", "lang": code, "dir": ALL[code].direction}}.items() <= \
        {"custom": replies[1].get("custom")}.items()


def test_the_buttons_keep_to_the_language_and_english_comes_back_when_asked(assistant):
    sender = uuid.uuid4().hex
    first = say(assistant, "Dzień dobry, sąsiad ciągle mnie wyzywa. Gdzie mogę to zgłosić?", sender)
    report_button = next(b for b in first[0]["buttons"] if b["title"] == ALL["pl"].buttons["report"])
    assert joined(say(assistant, report_button["payload"], sender)).startswith(first_line("pl", "report"))
    english = say(assistant, first[0]["buttons"][-1]["payload"], sender)
    assert english[0]["text"].startswith("Hello. I am an automated assistant")
    assert D["true_vision.web"] in joined(say(assistant, "how do i report a hate crime online", sender))


def test_an_english_message_after_another_language_gets_english(assistant):
    sender = uuid.uuid4().hex
    say(assistant, "Bună ziua, vecinii mă insultă în fiecare zi pentru că sunt român", sender)
    assert joined(say(assistant, "how can i get support after a hate crime", sender)).startswith(
        "You do not have to deal with this alone")


def test_thoughts_of_suicide_in_polish_get_the_crisis_answer_in_polish(assistant):
    replies = say(assistant, "nie chcę już żyć, chcę się zabić")
    assert replies[0]["text"].startswith(first_line("pl", "crisis")) and D["samaritans.phone"] in replies[0]["text"]


def test_a_language_without_a_translation_gets_the_english_interpreter_line(assistant):
    spanish = "Hola, mis vecinos me insultan todos los días porque soy extranjera. ¿Qué puedo hacer?"
    text = joined(say(assistant, spanish))
    assert "only read English" in text and EMERGENCY in text and "interpreter" in text
