""""What's their number?": the contact details of the service the last answer was about.

People ask for a service's details after the answer that named it ("is there an LGBT charity?"
... "what's their number?"). The answer to that depends on the conversation, so the response
generator (bot/rasa_plugins/nlg.py) works it out from the answers already given: the most recent one that
named a service in the contact directory (the 999 line, in almost every answer, does not count).
Pure functions, tested without a model.
"""
from typing import Dict, Iterable, List, Optional

from bot.rules.answer_text import placeholders

RESPONSE = "utter_contact_again"
# Shown when no earlier answer named a service: the list of support services.
NO_SERVICE_YET = "utter_ask_support"
NOT_A_SERVICE = ("police_emergency",)
# The values the response generator fills in for RESPONSE.
COMPUTED_VALUES = ("contact_name", "contact_details")


def service_of(response_texts: List[str]) -> Optional[str]:
    """The first directory entry a response names, other than the 999 line."""
    for text in response_texts:
        for name in placeholders(text):
            entry = name.split(".", 1)[0]
            if "." in name and entry not in NOT_A_SERVICE:
                return entry
    return None


def last_service(answers_newest_first: Iterable[str], responses: Dict[str, List[str]]) -> Optional[str]:
    """The service of the most recent answer (response name) that named one."""
    for answer in answers_newest_first:
        if answer != RESPONSE and answer in responses:
            service = service_of(responses[answer])
            if service:
                return service
    return None
