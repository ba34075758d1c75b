"""The intent classifier's fitted model as plain files: words and numbers, never pickled objects.

A model archive is loaded by every Rasa server, so nothing in it may run code when read. The
fitted TF-IDF vectorisers come down to a vocabulary (word or piece of word -> column), an IDF
weight per column and their settings; the linear SVM to a weight matrix, an intercept and the
intent names. Saved as JSON and a NumPy archive read with ``allow_pickle=False``; rebuilt at load
with public scikit-learn parts (a counting vectoriser on the saved vocabulary, then the same
weighting and normalisation TfidfVectorizer applies), and checked against the fitted model in
tests/rasa_plugins/test_intent_classifier.py.
"""
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.pipeline import FeatureUnion
from sklearn.preprocessing import normalize
from sklearn.svm import LinearSVC

SETTINGS_FILE = "intent_classifier.json"
NUMBERS_FILE = "intent_classifier.npz"
# The vectoriser settings that decide how a text is cut into columns.
CUTTING = ("analyzer", "ngram_range", "lowercase")


@dataclass
class Vocabulary:
    """One TF-IDF vectoriser, refitted: counts on the saved vocabulary, then its weighting."""

    counter: CountVectorizer
    idf: np.ndarray
    sublinear_tf: bool

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        counts = self.counter.transform(texts).astype(np.float64)
        if self.sublinear_tf:
            np.log(counts.data, counts.data)
            counts.data += 1
        return normalize(counts.multiply(self.idf).tocsr())


@dataclass
class LinearModel:
    vocabularies: List[Vocabulary]
    weights: np.ndarray
    intercept: np.ndarray
    classes: List[str]

    @classmethod
    def from_fitted(cls, union: FeatureUnion, svm: LinearSVC) -> "LinearModel":
        vectorisers: List[TfidfVectorizer] = [v for _, v in union.transformer_list]
        return cls([_vocabulary(v.get_params(), v.vocabulary_, v.idf_) for v in vectorisers],
                   svm.coef_, svm.intercept_, [str(c) for c in svm.classes_])

    def margins(self, texts: Sequence[str]) -> np.ndarray:
        features = sp.hstack([v.transform(texts) for v in self.vocabularies]).tocsr()
        return np.asarray(features @ self.weights.T) + self.intercept

    def save(self, folder: Path) -> None:
        settings = [{"params": {k: v.counter.get_params()[k] for k in CUTTING}, "sublinear_tf": v.sublinear_tf,
                     "vocabulary": {word: int(column) for word, column in v.counter.vocabulary_.items()}}
                    for v in self.vocabularies]
        (folder / SETTINGS_FILE).write_text(json.dumps({"vectorisers": settings, "classes": self.classes}),
                                            encoding="utf-8")
        idf = {f"idf{i}": v.idf for i, v in enumerate(self.vocabularies)}
        np.savez(folder / NUMBERS_FILE, weights=self.weights, intercept=self.intercept, **idf)

    @classmethod
    def load(cls, folder: Path) -> "LinearModel":
        settings = json.loads((folder / SETTINGS_FILE).read_text(encoding="utf-8"))
        with np.load(folder / NUMBERS_FILE, allow_pickle=False) as numbers:
            vocabularies = [_vocabulary({**s["params"], "sublinear_tf": s["sublinear_tf"]}, s["vocabulary"],
                                        numbers[f"idf{i}"]) for i, s in enumerate(settings["vectorisers"])]
            return cls(vocabularies, numbers["weights"], numbers["intercept"], list(settings["classes"]))


def _vocabulary(params: Dict[str, Any], vocabulary: Dict[str, int], idf: np.ndarray) -> Vocabulary:
    cutting = {k: tuple(params[k]) if k == "ngram_range" else params[k] for k in CUTTING}
    counter = CountVectorizer(vocabulary=dict(vocabulary), **cutting)
    counter.fit([])  # with a fixed vocabulary, fitting only checks it
    return Vocabulary(counter, np.asarray(idf, dtype=np.float64), bool(params["sublinear_tf"]))
