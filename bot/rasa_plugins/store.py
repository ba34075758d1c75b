"""Rasa's SQL tracker store, keeping no text a person typed, and nothing of the incident notes.

Rasa keeps what people type exactly as typed. Rasa does not need past messages' text to choose
what to do next (their intents, the slots and the form are enough), and no redaction can be
complete, so this store writes each user message as its intent and confidence only, with an
empty text. The understanding and the reply still use the original words, in memory, for the
message being answered. A setting (KEEP_UNCLEAR_MESSAGES) may keep the text of messages the
assistant did not understand, redacted, for staff to improve the examples; the daily purge blanks
that text after UNCLEAR_MESSAGES_RETENTION_DAYS (bot/operations/retention.py).

Incident notes (bot/rules/notes.py) are stricter still: nothing of them is written at all. While the
notes form runs, each message is stored as "[NOTES ANSWER]" with no intent, the notes slots are
stored empty, answers quoted in a reply are blanked and the summary is stored as "[NOTES
SUMMARY]". Because Rasa reloads a conversation from the store for every message, the answers are
held in this process's memory between messages (in Redis when several servers share the work),
and forgotten as soon as the form ends or is stopped, or after an hour.

Rasa's own SQL store also replays every event of the session for every message, so each turn of
a long conversation is slower than the last. This one loads the last RECENT_EVENTS events and,
from before them, only the state still in force (slot values, the form), and saves by counting
the events it loaded, not by counting rows again.

Enabled in endpoints.yml with ``tracker_store: type: bot.rasa_plugins.store.MinimisingSQLTrackerStore``.
"""
import copy
import json
import re
import time
import weakref
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterator, List, Optional, Sequence, Text, Tuple, Union

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import (
    ActionExecutionRejected,
    ActiveLoop,
    AllSlotsReset,
    BotUttered,
    ConversationPaused,
    ConversationResumed,
    Event,
    LoopInterrupted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.operations import settings, shared_redis
from bot.rules import notes
from bot.rules.redact import redact

if TYPE_CHECKING:
    import redis
    from sqlalchemy.orm import Session

NOTES_ANSWER = "[NOTES ANSWER]"
NOTES_SUMMARY = "[NOTES SUMMARY]"
NOT_UNDERSTOOD = "nlu_fallback"
NOTES_MEMORY_SECONDS = 3600
# Events of a session loaded for each message (about 15 turns). The dialogue comes from rules
# alone (data/rules.yml), none longer than one user turn and five steps, so more would only cost
# time. A longer rule or story in future needs this raised to cover it.
RECENT_EVENTS = 80


# Events whose effect outlasts the turn they happen in; the rest only matter while recent.
STATE_EVENTS = (SlotSet.type_name, AllSlotsReset.type_name, ActiveLoop.type_name, LoopInterrupted.type_name,
                ActionExecutionRejected.type_name, ConversationPaused.type_name, ConversationResumed.type_name)


def still_in_force(events: Sequence[Dict[Text, Any]]) -> List[Dict[Text, Any]]:
    """Of earlier state events (as stored), those whose effect lasts, in their order.

    That is each slot's last value (after any reset of all slots), the last form (active loop)
    with what happened to it since, and whether the conversation is paused.
    """
    slots: Dict[Text, int] = {}
    loop: List[int] = []
    pause: List[int] = []
    for index, event in enumerate(events):
        kind = event.get("event")
        if kind == SlotSet.type_name:
            slots[event.get("name")] = index
        elif kind == AllSlotsReset.type_name:
            slots.clear()
        elif kind == ActiveLoop.type_name:
            loop = [index]
        elif kind in (LoopInterrupted.type_name, ActionExecutionRejected.type_name):
            loop.append(index)
        elif kind in (ConversationPaused.type_name, ConversationResumed.type_name):
            pause = [index]
    return [events[index] for index in sorted([*slots.values(), *loop, *pause])]


def minimised(event: Event, keep_unclear_text: bool = False) -> Event:
    """A user message as it may be stored: its intent and confidence, the website it came from
    (only if it is written as a website's origin: a client could put anything there), and no text,
    unless it was not understood and ``keep_unclear_text`` is on (then redacted)."""
    if not isinstance(event, UserUttered):
        return event
    text = event.text or ""
    if text != NOTES_ANSWER:
        unclear = event.intent_name == NOT_UNDERSTOOD and keep_unclear_text
        text = redact(text) if unclear else ""
    intent = {k: event.intent[k] for k in ("name", "confidence") if k in (event.intent or {})}
    site = (event.metadata or {}).get("site")
    clean = copy.copy(event)
    clean.text, clean.intent, clean.entities = text, intent, []
    clean.parse_data = {"text": text, "intent": intent, "entities": []}
    clean.metadata = {"site": site} if isinstance(site, str) and settings.ORIGIN.match(site) else {}
    return clean


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
             keep_unclear_text: bool = False) -> Iterator[Event]:
    """The new events (from first_new on) as they may be written."""
    during_notes = notes_form_active_at(events, first_new)
    for event in events[first_new:]:
        if isinstance(event, ActiveLoop):
            during_notes = event.name == notes.FORM
        yield minimised(without_notes(event, during_notes, answers), keep_unclear_text)


class HeldInProcess:
    """Answers held in this process's memory: right for one Rasa server."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._held: Dict[Text, Tuple[float, Dict[Text, Any]]] = {}

    def put(self, sender_id: Text, values: Dict[Text, Any]) -> None:
        self._held[sender_id] = (self.clock(), values)

    def get(self, sender_id: Text) -> Optional[Dict[Text, Any]]:
        cutoff = self.clock() - NOTES_MEMORY_SECONDS
        for old in [s for s, (kept_at, _) in self._held.items() if kept_at < cutoff]:
            del self._held[old]
        held = self._held.get(sender_id)
        return held[1] if held else None

    def drop(self, sender_id: Text) -> None:
        self._held.pop(sender_id, None)


class HeldInRedis:
    """Answers held in Redis, so the next message may go to any Rasa server.

    Redis keeps them in memory only (the scale-out setup turns its disk saving off) and drops
    them after an hour by itself.
    """

    PREFIX = "notes:"

    def __init__(self, client: "redis.Redis") -> None:
        self.client = client

    def put(self, sender_id: Text, values: Dict[Text, Any]) -> None:
        self.client.set(self.PREFIX + sender_id, json.dumps(values), ex=NOTES_MEMORY_SECONDS)

    def get(self, sender_id: Text) -> Optional[Dict[Text, Any]]:
        raw = self.client.get(self.PREFIX + sender_id)
        return json.loads(raw) if raw else None

    def drop(self, sender_id: Text) -> None:
        self.client.delete(self.PREFIX + sender_id)


class NotesMemory:
    """Notes answers per conversation, never in the store, between one message and the next."""

    def __init__(self, held: Union[HeldInProcess, HeldInRedis, None] = None) -> None:
        self.held = held or HeldInProcess()

    def keep(self, tracker: DialogueStateTracker) -> None:
        """Hold the answers while the form runs; forget them once it has ended or stopped."""
        if tracker.active_loop_name == notes.FORM:
            values = {slot: tracker.get_slot(slot) for slot in notes.SLOTS if tracker.get_slot(slot) is not None}
            self.held.put(tracker.sender_id, values)
        else:
            self.held.drop(tracker.sender_id)

    def restore(self, tracker: DialogueStateTracker) -> List[Event]:
        """Put the held answers back into a conversation just loaded from the store.

        As events, because Rasa runs actions on copies of the tracker rebuilt from its events;
        the store leaves these events out when it saves.
        """
        if tracker.active_loop_name != notes.FORM:
            return []
        held = self.held.get(tracker.sender_id)
        if held is None:
            return []
        restored: List[Event] = [SlotSet(slot, value) for slot, value in held.items()]
        for event in restored:
            tracker.update(event)
        return restored

    def __contains__(self, sender_id: Text) -> bool:
        return self.held.get(sender_id) is not None


class MinimisingSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        config = settings.load()
        self.keep_unclear_text = config.keep_unclear_messages
        self.notes_memory = NotesMemory(HeldInRedis(shared_redis.connect(config.redis))
                                        if config.redis.enabled else None)
        # Per tracker object: how many of its events are stored already (or were restored from
        # the notes memory and must never be stored), so a save writes only what is new.
        self._stored: Dict[int, int] = {}

    async def _retrieve(self, sender_id: Text, fetch_events_from_all_sessions: bool) -> Optional[DialogueStateTracker]:
        if fetch_events_from_all_sessions:
            tracker = await super()._retrieve(sender_id, fetch_events_from_all_sessions)
        else:
            tracker = self._recent_tracker(sender_id)
        if tracker is not None:
            self.notes_memory.restore(tracker)
            self._mark_stored(tracker)
        return tracker

    def _recent_tracker(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        """The current session's last RECENT_EVENTS events, after the earlier ones still in force.

        Rasa's own store loads and replays every event of the session for every message, so a
        long conversation gets slower with each turn. The policies look back a few turns only.
        """
        with self.session_scope() as session:
            query = self._event_query(session, sender_id, fetch_events_from_all_sessions=False)
            recent = query.order_by(None).order_by(self.SQLEvent.id.desc()).limit(RECENT_EVENTS).all()[::-1]
            earlier = []
            if len(recent) == RECENT_EVENTS:
                earlier = query.filter(self.SQLEvent.id < recent[0].id,
                                       self.SQLEvent.type_name.in_(STATE_EVENTS)).all()
            events = still_in_force([json.loads(row.data) for row in earlier])
            events += [json.loads(row.data) for row in recent]
        if not self.domain or not recent:
            return None
        return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)

    def _mark_stored(self, tracker: DialogueStateTracker) -> None:
        key = id(tracker)
        if key not in self._stored:
            weakref.finalize(tracker, self._stored.pop, key, None)
        self._stored[key] = len(tracker.events)

    async def save(self, tracker: DialogueStateTracker) -> None:
        await super().save(tracker)
        self._mark_stored(tracker)

    def _additional_events(self, session: "Session", tracker: DialogueStateTracker) -> Iterator:
        events = list(tracker.events)
        first_new = self._stored.get(id(tracker))
        if first_new is None:  # a new conversation, made by Rasa rather than loaded here
            first_new = len(events) - len(list(super()._additional_events(session, tracker)))
        answers = notes.answers({slot: tracker.get_slot(slot) for slot in notes.SLOTS})
        self.notes_memory.keep(tracker)
        return storable(events, first_new, answers, self.keep_unclear_text)
