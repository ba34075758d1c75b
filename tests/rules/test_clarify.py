"""The clarifying answer: likeliest topics as buttons; "only English" only for another language."""
import asyncio

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
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
    response, buttons = clarify.choose({"language": "pl", "intent_ranking": ranking(("support_lgbt", 0.5))}, TITLES)
    assert (response, buttons) == (clarify.NOT_ENGLISH, None)



def answer_to(parse_data):
    """What the Rasa server's response generator sends for utter_clarify after this message."""
    domain = Domain.load(str(DOMAIN_FILE))
    tracker = DialogueStateTracker.from_events("someone", [UserUttered(parse_data["text"], parse_data=parse_data)])
    return asyncio.run(DirectoryNLG(None, domain).generate(clarify.CLARIFY, tracker, "rest"))


def test_the_server_offers_the_likeliest_topics_then_the_danger_button():
    reply = answer_to({"text": "gay abused night out who talk", "intent": {"name": "nlu_fallback"},
                       "intent_ranking": ranking(("support_lgbt", 0.3), ("ask_support", 0.25))})
    assert "Did you mean" in reply["text"] and "999" in reply["text"] and "English" not in reply["text"]
    assert [b["payload"] for b in reply["buttons"]] == ["/support_lgbt", "/ask_support", "/emergency"]


def test_the_server_says_english_only_to_another_language():
    reply = answer_to({"text": "Gdzie to zgłosić?", "intent": {"name": "nlu_fallback"}, "language": "pl",
                       "intent_ranking": ranking()})
    assert "only read English" in reply["text"] and "999" in reply["text"]
