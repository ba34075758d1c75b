""""What's their number?": the details of the service the last answer named."""
import asyncio

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.paths import DOMAIN_FILE
from bot.rasa_plugins.nlg import DirectoryNLG
from bot.rules import contact_again

RESPONSES = {
    "utter_support_lgbt": ["Galop: call {galop.phone}. In danger now? Call {police_emergency.phone}."],
    "utter_thank": ["You're welcome."],
    "utter_emergency": ["Call {police_emergency.phone}."],
    "utter_ask_support": ["Victim Support: {victim_support.phone}"],
}


def test_the_service_of_an_answer_is_the_first_it_names_but_999():
    assert contact_again.service_of(RESPONSES["utter_support_lgbt"]) == "galop"
    assert contact_again.service_of(RESPONSES["utter_emergency"]) is None


def test_the_most_recent_answer_that_named_a_service_wins():
    newest_first = ["utter_thank", "utter_emergency", "utter_support_lgbt", "utter_ask_support"]
    assert contact_again.last_service(newest_first, RESPONSES) == "galop"
    assert contact_again.last_service(["utter_thank"], RESPONSES) is None


def reply_after(*answers):
    tracker = DialogueStateTracker.from_events("someone", [
        event for answer in answers for event in (UserUttered("..."), ActionExecuted(answer))])
    nlg = DirectoryNLG(None, Domain.load(str(DOMAIN_FILE)))
    return asyncio.run(nlg.generate(contact_again.RESPONSE, tracker, "rest"))["text"]


def test_the_server_gives_the_details_of_the_service_just_named(directory_values):
    text = reply_after("utter_support_antisemitism", "utter_thank")
    assert directory_values["cst.name"] in text and directory_values["cst.phone"] in text


def test_with_no_service_named_yet_the_server_lists_the_support_services(directory_values):
    assert directory_values["victim_support.phone"] in reply_after("utter_greet")
