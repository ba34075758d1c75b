"""What of each event may be written to the tracker store (bot/rasa_plugins/store.py).

A user message is kept as its intent and confidence only, with an empty text, unless it was not
understood and KEEP_UNCLEAR_MESSAGES is on (then redacted; never a message in another language,
which the redactor cannot read). During the incident notes, nothing
of the answers is kept: each message is "[NOTES ANSWER]" with no intent, the notes slots are
empty, answers quoted in a reply are blanked and the summary is "[NOTES SUMMARY]".
"""
import copy
import re
from typing import Collection, Iterator, Optional, Sequence, Text

from rasa.shared.core.events import ActiveLoop, BotUttered, Event, SlotSet, UserUttered

from bot.rules import language, notes
from bot.rules.redact import redact

NOTES_ANSWER = "[NOTES ANSWER]"
NOTES_SUMMARY = "[NOTES SUMMARY]"
NOT_UNDERSTOOD = "nlu_fallback"
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}|other")


def minimised(event: Event, keep_unclear_text: bool = False, known_sites: Collection[str] = ()) -> Event:
    """A user message as it may be stored: its intent and confidence, the website it came from
    (only one of ``known_sites``, the partner sites in ALLOWED_ORIGINS: a client can put any text
    there), and no text, unless it was not understood and ``keep_unclear_text`` is on (then
    redacted). The conversation's language is kept only if it is a language code: a typed
    '/greet{"language": "..."}' could put any text there."""
    if isinstance(event, SlotSet) and event.key == language.ENTITY and event.value is not None:
        return event if isinstance(event.value, str) and LANGUAGE_CODE.fullmatch(event.value) else \
            SlotSet(event.key, None, event.timestamp)
    if not isinstance(event, UserUttered):
        return event
    text = event.text or ""
    if text != NOTES_ANSWER:
        # The redactor reads English: a message in another language is never kept, even unclear.
        unclear = event.intent_name == NOT_UNDERSTOOD and keep_unclear_text and not in_another_language(event)
        text = redact(text) if unclear else ""
    intent = {k: event.intent[k] for k in ("name", "confidence") if k in (event.intent or {})}
    site = (event.metadata or {}).get("site")
    clean = copy.copy(event)
    clean.text, clean.intent, clean.entities = text, intent, []
    clean.metadata = {"site": site} if isinstance(site, str) and site in known_sites else {}
    # As Rasa rebuilds it when reading the event back, so a conversation kept in memory
    # (bot/rasa_plugins/recent_conversations.py) is exactly what reading the store would give.
    clean.parse_data = {"intent": intent, "entities": [], "text": text, "message_id": clean.message_id,
                        "metadata": clean.metadata}
    return clean


def in_another_language(event: UserUttered) -> bool:
    """The message was recognised as written in a language other than English."""
    written_in = language.from_entities((event.parse_data or {}).get("entities") or event.entities)
    return written_in not in (None, language.ENGLISH)


def without_notes(event: Event, during_notes: bool, answers: Sequence[str]) -> Event:
    """The event with nothing of the notes in it: answers, notes slot values, quoted answers."""
    if isinstance(event, UserUttered) and during_notes:
        # Not even the intent: what the model made of an answer would say what the answer was.
        clean = copy.copy(event)
        clean.text, clean.intent, clean.entities = NOTES_ANSWER, {}, []
        clean.parse_data = {"text": NOTES_ANSWER, "intent": {}, "entities": []}
        return clean
    if isinstance(event, SlotSet) and event.key in notes.SLOTS and event.value is not None:
        return SlotSet(event.key, None, event.timestamp)
    if isinstance(event, BotUttered) and ((event.data or {}).get("custom") or {}).get("notes") == "summary":
        # The summary also holds what the answers were read as ("Tuesday 24 November, about 6").
        clean = copy.deepcopy(event)
        clean.text = NOTES_SUMMARY
        return clean
    if isinstance(event, BotUttered) and event.text and any(a in event.text for a in answers):
        clean = copy.deepcopy(event)
        for answer in sorted(answers, key=len, reverse=True):
            clean.text = re.sub(rf"(?<!\w){re.escape(answer)}(?!\w)", NOTES_ANSWER, clean.text)
        return clean
    return event


def notes_form_active_at(events: Sequence[Event], index: int) -> bool:
    """Whether the notes form was running just before events[index]."""
    active: Optional[Text] = None
    for event in events[:index]:
        if isinstance(event, ActiveLoop):
            active = event.name
    return active == notes.FORM


def storable(events: Sequence[Event], first_new: int, answers: Sequence[str],
             keep_unclear_text: bool = False, known_sites: Collection[str] = ()) -> Iterator[Event]:
    """The new events (from first_new on) as they may be written."""
    during_notes = notes_form_active_at(events, first_new)
    for event in events[first_new:]:
        if isinstance(event, ActiveLoop):
            during_notes = event.name == notes.FORM
        yield minimised(without_notes(event, during_notes, answers), keep_unclear_text, known_sites)
