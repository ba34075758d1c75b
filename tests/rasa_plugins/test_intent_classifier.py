"""The intent classifier, trained and reloaded as Rasa does, on a few examples."""
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.rasa_plugins.intent_classifier import LinearIntentClassifier

EXAMPLES = {
    "report_anonymously": ["can i report without my name", "i dont want them to know it was me",
                           "report anonymously", "stay anonymous when reporting"],
    "support_lgbt": ["im gay who can help", "support for trans people", "lgbt charity", "help for bi people"],
    "greet": ["hello", "hi there", "good morning", "hiya"],
}


def trained(tmp_path):
    storage = LocalModelStorage(tmp_path)
    resource = Resource("intent_classifier")
    context = ExecutionContext(graph_schema=None, node_name="intent_classifier")
    classifier = LinearIntentClassifier.create({}, storage, resource, context)
    classifier.train(TrainingData([Message(data={"text": t, "intent": i}) for i, ts in EXAMPLES.items() for t in ts]))
    return LinearIntentClassifier.load({}, storage, resource, context)


def classified(classifier, text):
    message = Message(data={"text": text})
    classifier.process([message])
    return message


def test_a_reloaded_classifier_understands_misspellings_and_new_wordings(tmp_path):
    classifier = trained(tmp_path)
    assert classified(classifier, "can i reprot it annonymously").get("intent")["name"] == "report_anonymously"
    assert classified(classifier, "is there a charity for gay people").get("intent")["name"] == "support_lgbt"


def test_the_ranking_is_a_probability_best_first(tmp_path):
    ranking = classified(trained(tmp_path), "hello, who helps trans people").get("intent_ranking")
    confidences = [r["confidence"] for r in ranking]
    assert confidences == sorted(confidences, reverse=True)
    assert abs(sum(confidences) - 1) < 1e-6 and {r["name"] for r in ranking} == set(EXAMPLES)


def test_the_saved_model_gives_the_fitted_model_s_margins_and_holds_no_pickle(tmp_path):
    import numpy as np
    from sklearn.svm import LinearSVC

    from bot.rasa_plugins.intent_classifier import features
    from bot.rasa_plugins.linear_model_files import NUMBERS_FILE, LinearModel

    texts = [t for ts in EXAMPLES.values() for t in ts]
    vectoriser = features()
    labels = [intent for intent, ts in EXAMPLES.items() for _ in ts]
    svm = LinearSVC(C=3.0, random_state=0).fit(vectoriser.fit_transform(texts), labels)
    LinearModel.from_fitted(vectoriser, svm).save(tmp_path)
    reloaded = LinearModel.load(tmp_path)
    probe = texts + ["reprot annonymously", "", "zgłoś 😀"]
    assert np.allclose(reloaded.margins(probe), svm.decision_function(vectoriser.transform(probe)), atol=1e-12)
    with np.load(tmp_path / NUMBERS_FILE, allow_pickle=False) as numbers:  # would raise on a pickled object
        assert {"weights", "intercept"} <= set(numbers.files)
