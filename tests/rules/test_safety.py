"""The deterministic safety check, held to every case in tests/safety_cases.yml.

Danger now and crisis must be caught; ordinary messages (a broken street light "outside my house",
an attack told weeks later) must not set off an alarm. `make safety-report` shows the same cases
with the trained model too.
"""
import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.safety_check import SafetyCheck
from bot.rules import safety
from harness import safety_report

CASES = safety_report.load_cases()


@pytest.mark.parametrize("kind, message", [(k, m) for k in ("danger", "silent") for m in CASES[k]])
def test_danger_now_is_caught(kind, message):
    assert safety.classify(message) == safety.DANGER


@pytest.mark.parametrize("message", CASES["crisis"])
def test_crisis_is_caught_before_danger(message):
    assert safety.classify(message) == safety.SELF_HARM


@pytest.mark.parametrize("message", CASES["ordinary"])
def test_ordinary_questions_and_past_events_set_off_no_alarm(message):
    assert safety.classify(message) is None


def test_the_report_counts_every_case_and_each_miss():
    column = safety_report.measure("rules", lambda text: None, {"danger": ["help"], "silent": [], "crisis": [],
                                                                "ordinary": ["hi"]})
    assert (column.right, column.false_alarms, column.all_caught) == (
        {"danger": 0, "silent": 0, "crisis": 0, "ordinary": 1}, 0, False)
    assert column.wrong == ["danger: 'help' -> nothing"]


def test_training_examples_for_danger_are_all_caught_by_the_rules_too(examples):
    """Both the model and the rules must miss before a danger message goes unanswered."""
    missed = [e.text for e in examples if e.intent == "emergency" and safety.classify(e.text) is None]
    # A few emergency examples are emotional rather than explicit ("i am scared for my life");
    # those rely on the model. Most must be caught by the rules on their own.
    assert len(missed) <= 4, missed



def processed(text: str, ranking):
    ranked = [{"name": n, "confidence": c} for n, c in ranking]
    message = Message(data={"text": text, "intent": ranked[0], "intent_ranking": ranked})
    SafetyCheck().process([message])
    return message.get("intent")["name"], [r["name"] for r in message.get("intent_ranking")]


def test_the_rules_put_danger_first_and_keep_the_model_s_ranking_after_it():
    assert processed("man with a knife outside, how do i use true vision",
                     [("report_true_vision", 0.8), ("emergency", 0.1)]) == (
        "emergency", ["emergency", "report_true_vision"])


def test_the_model_s_danger_guess_gives_way_when_the_message_says_it_is_over():
    assert processed("a lad pulled a knife on me last year, can i still report it",
                     [("emergency", 0.6), ("ask_how_to_report", 0.3)])[0] == "ask_how_to_report"
    assert processed("I'm not in danger, he sent me a nasty message",
                     [("emergency", 0.6), ("report_online_hate", 0.3)])[0] == "report_online_hate"


def test_the_model_s_danger_guess_stands_when_nothing_says_it_is_over():
    assert processed("they keep coming to my window at night",
                     [("emergency", 0.7), ("tell_experience", 0.2)])[0] == "emergency"


def test_the_model_alone_raises_no_alarm_unless_it_judges_it_more_likely_than_not():
    assert processed("my council flat has black mould and nobody comes",
                     [("emergency", 0.3), ("out_of_scope", 0.25)]) == ("out_of_scope", ["out_of_scope"])
    assert processed("nobody will sit with my daughter at school",
                     [("crisis_self_harm", 0.38), ("tell_experience", 0.3), ("emergency", 0.1)])[0] == "tell_experience"
    assert processed("everything feels pointless lately",
                     [("crisis_self_harm", 0.6), ("feeling_upset", 0.3)])[0] == "crisis_self_harm"
