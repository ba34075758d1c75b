"""Send messages the model cannot read to the clarifying answer: no known word, or another language.

A classifier always picks some intent, even for "sdkfj qwpoeiru" or a question in Polish, and
sometimes with confidence. If not one word of a message appears in the training data, or the
message is clearly in another language (bot/rules/language.py), the model is guessing, so the intent
becomes ``nlu_fallback``. A message in another language also gets its language code under
``language`` in the parse data, so the reply can say that this assistant reads English
(bot/rasa_plugins/nlg.py) instead of asking an English question again. The vocabulary is learnt at training
time and saved with the model.
"""
import json
import re
from typing import Any, Dict, List, Optional, Set

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.rules import language

FALLBACK_INTENT = "nlu_fallback"
LANGUAGE_KEY = "language"
VOCABULARY_FILE = "vocabulary.json"
_WORD = re.compile(r"[a-z]{2,}")


def words(text: str) -> Set[str]:
    """Lower-case words of two letters or more (single letters say too little)."""
    return set(_WORD.findall(text.lower()))


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True
)
class KnownWordsCheck(GraphComponent):
    """Override the intent with nlu_fallback when a message shares no word with the training data."""

    def __init__(
        self, model_storage: ModelStorage, resource: Resource, vocabulary: Optional[Set[str]] = None
    ) -> None:
        self._model_storage = model_storage
        self._resource = resource
        self.vocabulary = vocabulary or set()

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "KnownWordsCheck":
        return cls(model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        for example in training_data.intent_examples:
            self.vocabulary |= words(example.get(TEXT) or "")
        with self._model_storage.write_to(self._resource) as folder:
            (folder / VOCABULARY_FILE).write_text(json.dumps(sorted(self.vocabulary)), encoding="utf-8")
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "KnownWordsCheck":
        with model_storage.read_from(resource) as folder:
            vocabulary = set(json.loads((folder / VOCABULARY_FILE).read_text(encoding="utf-8")))
        return cls(model_storage, resource, vocabulary)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):
                continue
            other = language.other_language(text, self.vocabulary)
            if other:
                message.set(LANGUAGE_KEY, other, add_to_output=True)
            elif words(text) & self.vocabulary:
                continue
            # The model's ranking is a guess here too: dropped, so no topic is suggested from it.
            fallback = {"name": FALLBACK_INTENT, "confidence": 1.0}
            message.set(INTENT, fallback, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [fallback], add_to_output=True)
        return messages
