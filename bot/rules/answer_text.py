"""Checks on answer text that protect residents: no made-up contacts, no referral promises.

Used by the content tests and by `python -m bot validate`, so staff get the same verdict as CI.
"""
import re
from typing import Iterable, List, Mapping, Set

# UK numbers as people write them: 999, 101, 18000, 116 123, 0800 555 111, 08 08 16 89 111, +44 ...
PHONE_RE = re.compile(r"(?<![\w/.])(?:\+44\s?|0)(?:\d[\s-]?){8,11}\d(?![\w/])"
                      r"|(?<![\w/.])(?:999|101|18000|18001 101|116 123)(?![\w/])")
LINK_RE = re.compile(r"\b(?:https?://|www\.)[^\s)>\]]+", re.IGNORECASE)
EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
PLACEHOLDER_RE = re.compile(r"{([^\n{}]+?)}")
# An answer that shows a directory entry not yet confirmed must tell people to check it themselves.
CHECK_ON_WEBSITE_RE = re.compile(r"\bcheck\b[^\n]*\bwebsite", re.IGNORECASE)
# Fields that describe a service rather than tell people how to reach it.
DESCRIPTIVE_FIELDS = ("name", "purpose", "area")
# Answers the server sends itself, without the model (bot/safeguards/limits.py,
# bot/rasa_plugins/channels/always_answered.py): no rule uses them.
TOO_LONG_RESPONSE, SLOW_DOWN_RESPONSE = "utter_message_too_long", "utter_slow_down"
TRY_AGAIN_RESPONSE = "utter_try_again"
SERVER_SENT_RESPONSES = (TOO_LONG_RESPONSE, SLOW_DOWN_RESPONSE, TRY_AGAIN_RESPONSE)
# Added by the response generator (bot/rasa_plugins/nlg.py) to answers that show details not yet confirmed.
CHECK_DETAILS_RESPONSE = "utter_check_details"
# How many days chats are kept (RETENTION_DAYS), filled in by bot/rasa_plugins/nlg.py for the privacy answer.
RETENTION_DAYS_VALUE = "retention_days"

# Wording that offers, promises or claims a referral or the passing on of someone's details.
# "I cannot refer you" is fine: the negative forms are removed before these are looked for.
_NEGATIONS = re.compile(
    r"\b(?:can ?not|can'?t|won'?t|will not|do not|don'?t|does not|doesn'?t|never|not)\s+"
    r"(?:\w+\s+){0,2}?(?:refer|make referrals?|pass|share|send|forward|contact)\b[^.\n]*",
    re.IGNORECASE,
)
_REFERRAL = re.compile(
    r"\b(?:i|we|the council|someone|they)(?:'ll| will| can| could| shall| have| 've| am going to| are going to)?\s+"
    r"(?:refer(?:red)?|pass(?:ed)?\s+(?:on\s+)?your|share(?:d)?\s+your|send\s+your|forward(?:ed)?\s+your|"
    r"arrange\s+for|get\s+(?:someone|them)\s+to\s+(?:call|contact|ring)|put\s+you\s+in\s+touch)"
    r"|\byou(?:'ve| have)? been referred\b|\byour referral\b|\bmake a referral for you\b"
    r"|\b(?:will|'ll)\s+(?:call|contact|ring)\s+you\b",
    re.IGNORECASE,
)


def referral_phrases(text: str) -> List[str]:
    """Referral offers or claims in a text, ignoring clear refusals such as 'I cannot refer you'."""
    return [match.group(0) for match in _REFERRAL.finditer(_NEGATIONS.sub(" ", text))]


def contact_details(text: str) -> List[str]:
    """Every phone number, link and email address in a text, as written."""
    found = [m.group(0) for m in PHONE_RE.finditer(text)]
    found += [m.group(0).rstrip(".,;:") for m in LINK_RE.finditer(text)]
    found += [m.group(0) for m in EMAIL_RE.finditer(text)]
    return found


def unconfirmed_shown(text: str, unconfirmed: Set[str]) -> List[str]:
    """The {entry.field} contact details in a response whose entry is not confirmed, unless the
    response tells people to check the details on the organisation's own website."""
    if CHECK_ON_WEBSITE_RE.search(text):
        return []
    return [name for name in placeholders(text)
            if "." in name and name.split(".", 1)[0] in unconfirmed and name.split(".", 1)[1] not in DESCRIPTIVE_FIELDS]


def unfilled_contacts(templates: Iterable[str], values: Mapping[str, str]) -> Set[str]:
    """The {entry.field} placeholders of the templates that the directory's values do not fill."""
    return {name for text in templates for name in placeholders(text) if "." in name and name not in values}


def placeholders(text: str) -> List[str]:
    """The {placeholder} names in a response text."""
    return PLACEHOLDER_RE.findall(text)
