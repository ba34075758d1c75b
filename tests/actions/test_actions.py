"""Custom actions, run against tracker fixtures as the action server would run them."""
from datetime import date

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import actions
from bot.rules import awareness_week


def tracker_with(text: str, ranking: list) -> Tracker:
    latest = {"text": text, "intent": ranking[0], "intent_ranking": ranking, "entities": []}
    return Tracker("test-user", {}, latest, [], False, None, {}, "action_listen")


EMERGENCY = {"name": "emergency", "confidence": 1.0}


def run(action, tracker, domain):
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker, domain)
    return dispatcher.messages, events


def test_after_the_999_guidance_the_other_question_is_answered(domain_data):
    tracker = tracker_with(
        "man with a knife outside, how do i use true vision",
        [EMERGENCY, {"name": "report_true_vision", "confidence": 0.82}],
    )
    messages, _ = run(actions.ActionAnswerOtherQuestion(), tracker, domain_data)
    assert [m["response"] for m in messages] == ["utter_report_true_vision"]


@pytest.mark.parametrize(
    "ranking",
    [
        [EMERGENCY, {"name": "report_true_vision", "confidence": 0.2},  # the model is unsure which
         {"name": "ask_support", "confidence": 0.18}],
        [EMERGENCY, {"name": "greet", "confidence": 0.9}],  # small talk needs no second answer
        [EMERGENCY, {"name": "nlu_fallback", "confidence": 0.45}],
        [EMERGENCY],
        [{"name": "emergency", "confidence": 0.97}, {"name": "emergency", "confidence": 0.97}],
    ],
)
def test_nothing_else_is_said_when_there_is_no_clear_second_question(domain_data, ranking):
    messages, _ = run(actions.ActionAnswerOtherQuestion(), tracker_with("help", ranking), domain_data)
    assert messages == []


def test_the_other_question_is_judged_among_the_topics_that_are_not_danger(domain_data):
    """The model often rates a danger message as danger itself; what it gave the rest decides."""
    ranking = [EMERGENCY, {"name": "report_police", "confidence": 0.03}, {"name": "ask_support", "confidence": 0.005}]
    messages, _ = run(actions.ActionAnswerOtherQuestion(), tracker_with("x", ranking), domain_data)
    assert [m["response"] for m in messages] == ["utter_report_police"]


def test_only_the_models_top_choice_is_followed_up(domain_data):
    ranking = [EMERGENCY, {"name": "ask_support", "confidence": 0.4},
               {"name": "report_police", "confidence": 0.35}]
    messages, _ = run(actions.ActionAnswerOtherQuestion(), tracker_with("x", ranking), domain_data)
    assert messages == []


def test_awareness_week_action_sets_the_dates_for_the_answer(domain_data):
    _, events = run(actions.ActionAwarenessWeek(), tracker_with("when is it", [EMERGENCY]), domain_data)
    slots = {e["name"]: e["value"] for e in events}
    start, end = awareness_week.current_or_next(date.today())
    assert slots == {
        "awareness_week_is_on": start <= date.today(),
        "week_start": awareness_week.spoken(start),
        "week_end": awareness_week.spoken(end),
    }


@pytest.mark.parametrize(
    "year, start, end",
    # facts.md gives the rule (second to third Saturday) and "2025: 11-19 October"; the 19th was a
    # Sunday, so the rule gives the 18th. The rule is what the answer states, so the rule is tested.
    [(2025, date(2025, 10, 11), date(2025, 10, 18)),
     (2026, date(2026, 10, 10), date(2026, 10, 17)),
     (2027, date(2027, 10, 9), date(2027, 10, 16)),
     (2022, date(2022, 10, 8), date(2022, 10, 15))],
)
def test_awareness_week_is_second_to_third_saturday_of_october(year, start, end):
    assert awareness_week.week_for_year(year) == (start, end)


def test_after_this_years_week_the_next_years_dates_are_given():
    assert awareness_week.current_or_next(date(2026, 11, 25))[0] == date(2027, 10, 9)
    assert awareness_week.current_or_next(date(2026, 10, 12)) == (date(2026, 10, 10), date(2026, 10, 17))
    assert awareness_week.spoken(date(2027, 10, 9)) == "Saturday 9 October 2027"
