"""The intent classifier: TF-IDF of words and of pieces of words, and a linear support vector machine.

Why not Rasa's DIET: on the realistic evaluation set (docs/quality.md) this simpler model
understood more residents' messages (long stories, misspellings, text-speak), trains in about a
second instead of minutes, and costs a fraction of a millisecond per message. Pieces of words
(character n-grams within words) make "reprot", "annonymous" and "harrasment" land near the words
they mean; sublinear term frequency and normalisation stop a long story drowning its question.

Confidences are a softmax of the margins, sharpened by TEMPERATURE, so the fallback threshold and
the safety component's rule for the model's own alarms read them as probabilities. Saved as plain
numbers and words (bot/rasa_plugins/linear_model_files.py): nothing is unpickled when a model is
loaded, and saving takes a fraction of a second where skops took several.
"""
from typing import Any, Dict, List, Optional

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion, make_union
from sklearn.svm import LinearSVC

from bot.rasa_plugins.linear_model_files import LinearModel

TEMPERATURE = 0.1
RANKING_LENGTH = 10


def features() -> FeatureUnion:
    """Words and word pairs, and 2-5 letter pieces of words, each weighted by TF-IDF."""
    return make_union(
        TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2),
    )


def softmax(margins: np.ndarray) -> np.ndarray:
    scaled = margins / TEMPERATURE
    exp = np.exp(scaled - scaled.max(axis=1, keepdims=True))
    return exp / exp.sum(axis=1, keepdims=True)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class LinearIntentClassifier(GraphComponent):
    """Set each message's intent and a ranking of the likeliest ten, from its text alone."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        # C: how closely to fit the examples. 3 was chosen on tests/nlu_heldout.yml and the open
        # part of the realistic set (docs/quality.md).
        return {"C": 3.0}

    def __init__(self, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
                 model: Optional[LinearModel] = None) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.model = model

    @classmethod
    def create(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "LinearIntentClassifier":
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        vectoriser = features()
        matrix = vectoriser.fit_transform([e.get(TEXT) for e in examples])
        svm = LinearSVC(C=self.config["C"], class_weight="balanced", random_state=0)
        svm.fit(matrix, [e.get(INTENT) for e in examples])
        self.model = LinearModel.from_fitted(vectoriser, svm)
        with self._model_storage.write_to(self._resource) as folder:
            self.model.save(folder)
        return self._resource

    @classmethod
    def load(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "LinearIntentClassifier":
        with model_storage.read_from(resource) as folder:
            model = LinearModel.load(folder)
        return cls(config, model_storage, resource, model)

    def ranking(self, texts: List[str]) -> List[List[Dict[str, Any]]]:
        """For each text, the likeliest intents with their confidences, best first."""
        confidences = softmax(self.model.margins(texts))
        best = np.argsort(-confidences, axis=1)[:, :RANKING_LENGTH]
        return [[{"name": self.model.classes[i], "confidence": float(row[i])} for i in order]
                for row, order in zip(confidences, best)]

    def process(self, messages: List[Message]) -> List[Message]:
        if self.model is None:
            return messages
        for message, ranked in zip(messages, self.ranking([m.get(TEXT) or "" for m in messages])):
            message.set(INTENT, ranked[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranked, add_to_output=True)
        return messages
