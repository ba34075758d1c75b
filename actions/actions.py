"""Custom actions. Kept thin: the logic lives in ``bot`` modules that are tested on their own.

Every text these actions send is a response from domain.yml, so wording and contact details stay
in the files staff edit.
"""
from datetime import date
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.rules import awareness_week

SAFETY_INTENTS = {"emergency", "crisis_self_harm", "nlu_fallback"}
# Greetings and small talk are not worth an extra message after the 999 guidance.
NOT_FOLLOWED_UP = {"greet", "goodbye", "thank", "affirm", "deny", "out_of_scope", "ask_capabilities"}
# The model's top other topic must hold this share of what the model gave to topics other than
# danger and crisis: the model itself often rates a danger message as danger, so what is left for
# the rest can be small, and how it is shared out is what says what else was asked.
FOLLOW_UP_MIN_SHARE = 0.6


class ActionAnswerOtherQuestion(Action):
    """After the emergency answer, also answer what else the message asked, if the model is sure of it.

    The safety check puts ``emergency`` at the top of the intent ranking and keeps the model's own
    ranking below it, so "there's a man with a knife outside, how do I use True Vision" gets the
    999 guidance first and then the True Vision answer.
    """

    def name(self) -> Text:
        return "action_answer_other_question"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        responses = domain.get("responses", {})
        others = [c for c in tracker.latest_message.get("intent_ranking") or [] if c.get("name") not in SAFETY_INTENTS]
        if not others:
            return []
        top, confidence = others[0].get("name"), others[0].get("confidence") or 0
        share = confidence / (sum(c.get("confidence") or 0 for c in others) or 1)
        if share >= FOLLOW_UP_MIN_SHARE and top not in NOT_FOLLOWED_UP and f"utter_{top}" in responses:
            dispatcher.utter_message(response=f"utter_{top}")
        return []


class ActionAwarenessWeek(Action):
    """Work out this year's (or next year's) awareness week dates for utter_ask_awareness_week."""

    def name(self) -> Text:
        return "action_awareness_week"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        today = date.today()
        start, end = awareness_week.current_or_next(today)
        return [
            SlotSet("awareness_week_is_on", start <= today),
            SlotSet("week_start", awareness_week.spoken(start)),
            SlotSet("week_end", awareness_week.spoken(end)),
        ]
