"""The clarifying answer: likeliest topics as buttons; "only English" only for another language."""
import asyncio

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.paths import DOMAIN_FILE
from bot.rasa_plugins.nlg import DirectoryNLG
from bot.rules import clarify

TITLES = {"ask_how_to_report": "How to report", "report_anonymously": "Report without my name",
          "support_lgbt": "LGBT+ or trans"}


def ranking(*pairs):
    return [{"name": "nlu_fallback", "confidence": 0.35}] + [{"name": n, "confidence": c} for n, c in pairs]


def test_the_likeliest_topics_with_a_title_are_offered_best_first():
    response, buttons = clarify.choose({"intent_ranking": ranking(
        ("report_anonymously", 0.3), ("greet", 0.25), ("ask_how_to_report", 0.2), ("support_lgbt", 0.1))}, TITLES)
    assert response == clarify.DID_YOU_MEAN
    assert buttons == [{"title": "Report without my name", "payload": "/report_anonymously"},
                       {"title": "How to report", "payload": "/ask_how_to_report"},
                       {"title": "LGBT+ or trans", "payload": "/support_lgbt"}]


def test_unlikely_topics_are_not_offered_and_one_guess_is_not_a_choice():
    parse_data = {"intent_ranking": ranking(("support_lgbt", 0.6), ("ask_how_to_report", 0.01))}
    response, buttons = clarify.choose(parse_data, TITLES)
    assert (response, buttons) == (clarify.CLARIFY, None)


def test_another_language_gets_the_english_only_answer_whatever_the_ranking():
    response, buttons = clarify.choose({"entities": [{"entity": "language", "value": "pl"}],
                                        "intent_ranking": ranking(("support_lgbt", 0.5))}, TITLES)
    assert (response, buttons) == (clarify.NOT_ENGLISH, None)


def test_english_recognised_as_english_gets_the_topics_as_usual():
    english = {"entities": [{"entity": "language", "value": "en"}],
               "intent_ranking": ranking(("support_lgbt", 0.3), ("ask_how_to_report", 0.25))}
    response, _ = clarify.choose(english, TITLES)
    assert response == clarify.DID_YOU_MEAN



def answer_to(parse_data, response=clarify.CLARIFY):
    """What the Rasa server's response generator sends for a response after this message, with the
    conversation's language set from the message as Rasa sets it (the slot ``language``)."""
    domain = Domain.load(str(DOMAIN_FILE))
    events = [UserUttered(parse_data["text"], parse_data=parse_data)]
    events += [SlotSet("language", e["value"]) for e in parse_data.get("entities") or [] if e["entity"] == "language"]
    tracker = DialogueStateTracker.from_events("someone", events, slots=domain.slots)
    return asyncio.run(DirectoryNLG(None, domain).generate(response, tracker, "rest"))


def test_the_server_offers_the_likeliest_topics_then_the_danger_button():
    reply = answer_to({"text": "gay abused night out who talk", "intent": {"name": "nlu_fallback"},
                       "intent_ranking": ranking(("support_lgbt", 0.3), ("ask_support", 0.25))})
    assert "Did you mean" in reply["text"] and "999" in reply["text"] and "English" not in reply["text"]
    assert [b["payload"] for b in reply["buttons"]] == ["/support_lgbt", "/ask_support", "/emergency"]


def test_the_server_says_english_only_to_a_language_it_has_no_translation_for():
    reply = answer_to({"text": "¿Dónde lo denuncio?", "intent": {"name": "nlu_fallback"},
                       "entities": [{"entity": "language", "value": "es"}], "intent_ranking": ranking()})
    assert "only read English" in reply["text"] and "999" in reply["text"] and "interpreter" in reply["text"]
