"""Send messages the model cannot read to the clarifying answer, and say which language each is in.

A classifier always picks some intent, even for "sdkfj qwpoeiru" or a question in Polish, and
sometimes with confidence. If not one word of a message appears in the training data, or the
message is clearly in another language (bot/rules/language.py), the model is guessing, so the intent
becomes ``nlu_fallback``. The message's language, when it is clear, is given as the entity
``language`` ("pl", "ur", or "en"), which sets the slot of that name: the answers then come in that
language where a translation exists (bot/rasa_plugins/nlg.py). The vocabulary is learnt at training
time and saved with the model.
"""
import json
import re
from typing import Any, Dict, List, Optional, Set

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.rules import language

FALLBACK_INTENT = "nlu_fallback"
# A button's payload ("/ask_support"); "/ ratunku" typed by a person is a message.
PAYLOAD = re.compile(r"/\w")
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
            if PAYLOAD.match(text):
                continue
            recognised = language.recognise(text, self.vocabulary)
            if recognised:
                set_language(message, recognised)
            if recognised == language.ENGLISH or (recognised is None and words(text) & self.vocabulary):
                continue
            # The model's ranking is a guess here too: dropped, so no topic is suggested from it.
            fallback = {"name": FALLBACK_INTENT, "confidence": 1.0}
            message.set(INTENT, fallback, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [fallback], add_to_output=True)
        return messages


def set_language(message: Message, code: str) -> None:
    """Give the message's language as the entity ``language`` (it fills the slot of that name)."""
    others = [e for e in message.get(ENTITIES) or [] if e.get("entity") != language.ENTITY]
    text = message.get(TEXT) or ""
    entity = {"entity": language.ENTITY, "value": code, "start": 0, "end": len(text),
              "extractor": KnownWordsCheck.__name__}
    message.set(ENTITIES, others + [entity], add_to_output=True)


def language_of(message: Message) -> Optional[str]:
    """The language set on a message by this component, if any."""
    return language.from_entities(message.get(ENTITIES))

