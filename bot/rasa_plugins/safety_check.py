"""The safety check as the last step of Rasa's NLU pipeline, so it runs on every message.

It overrides the model's intent with ``emergency`` or ``crisis_self_harm`` when ``bot.rules.safety``
fires, and keeps the model's own ranking after it: the emergency answer comes first, and the
follow-up action can still answer the other thing the person asked.

The model can also say ``emergency`` or ``crisis_self_harm`` when the rules did not fire: on the
realistic set it caught a few messages the rules missed. But alone it raises the alarm only when
it judges danger or crisis more likely than not (a confidence of at least MODEL_ALARM_CONFIDENCE):
below that, sad stories and council questions set it off far more often than real danger did
(docs/quality.md). And it cannot read "I'm not in danger" or "it was last month, I'm home now", so
when the message says the danger is over or absent, its danger guess gives way too. Giving way
means taking the model's next guess.

A message in another language is checked with that language's words (bot/rules/safety_words.py),
or every language's when its language is not clear or is English; when words of a language fire
in a message of no clear language, its language is set to that one, so the 999 answer comes in it.
"""
from typing import Any, Dict, List, Optional

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.known_words import language_of, set_language
from bot.rules import safety, safety_words

MODEL_ALARM_CONFIDENCE = 0.5


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class SafetyCheck(GraphComponent):
    """Deterministic override of the intent for danger now and for self-harm."""

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "SafetyCheck":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            signal = safety.classify(text) or self._in_other_language(message, text)
            ranking = message.get(INTENT_RANKING_KEY) or []
            if signal:
                override = {"name": signal, "confidence": 1.0}
                message.set(INTENT, override, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [override] + [r for r in ranking if r.get("name") != signal],
                            add_to_output=True)
            elif self._model_alarm_gives_way(message.get(INTENT) or {}, text):
                rest = [r for r in ranking if r.get("name") not in (safety.DANGER, safety.SELF_HARM)]
                if rest:
                    message.set(INTENT, rest[0], add_to_output=True)
                    message.set(INTENT_RANKING_KEY, rest, add_to_output=True)
        return messages

    @staticmethod
    def _in_other_language(message: Message, text: str) -> Optional[str]:
        """Danger or crisis in the words of the message's language, or of every language when its
        language is not clear or is English ("my neighbour has a nóż": on 3,953 English messages
        no other language's word fired where the English check did not)."""
        written_in = language_of(message)
        found = safety_words.classify(text, written_in)  # English has no list of its own: all are read
        if found is None:
            return None
        signal, words_of = found
        if written_in is None:
            set_language(message, words_of)
        return signal

    @staticmethod
    def _model_alarm_gives_way(intent: Dict[str, Any], text: str) -> bool:
        """The model alone said danger or crisis, but not surely, or the message says it is over."""
        name, confidence = intent.get("name"), intent.get("confidence") or 0
        if name not in (safety.DANGER, safety.SELF_HARM):
            return False
        return confidence < MODEL_ALARM_CONFIDENCE or (name == safety.DANGER and safety.says_no_danger_now(text))
