"""The safety check as the last step of Rasa's NLU pipeline, so it runs on every message.

It overrides the model's intent with ``emergency`` or ``crisis_self_harm`` when ``bot.safety``
fires, and keeps the model's own ranking after it: the emergency answer comes first, and the
follow-up action can still answer the other thing the person asked.
"""
from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot import safety


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
            signal = safety.classify(message.get(TEXT) or "")
            if signal:
                override = {"name": signal, "confidence": 1.0}
                ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != signal]
                message.set(INTENT, override, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [override] + ranking, add_to_output=True)
        return messages
