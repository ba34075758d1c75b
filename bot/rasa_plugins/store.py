"""Rasa's SQL tracker store, keeping no text a person typed, and nothing of the incident notes.

Rasa keeps what people type exactly as typed. Rasa does not need past messages' text to choose
what to do next (their intents, the slots and the form are enough), and no redaction can be
complete, so this store writes each user message as its intent and confidence only, with an
empty text. The understanding and the reply still use the original words, in memory, for the
message being answered. A setting (KEEP_UNCLEAR_MESSAGES) may keep the text of messages the
assistant did not understand, redacted, for staff to improve the examples; the daily purge blanks
that text after UNCLEAR_MESSAGES_RETENTION_DAYS (bot/operations/retention.py).

Incident notes (bot/rules/notes.py) are stricter still: nothing of them is written at all
(bot/rasa_plugins/stored_events.py); the answers are held between messages by
bot/rasa_plugins/notes_memory.py.

Rasa's own SQL store also replays every event of the session for every message, so each turn of
a long conversation is slower than the last. This one loads the last RECENT_EVENTS events and,
from before them, only the state still in force (slot values, the form), and saves by counting
the events it loaded, not by counting rows again.

Enabled in endpoints.yml with ``tracker_store: type: bot.rasa_plugins.store.MinimisingSQLTrackerStore``.
"""
import json
import weakref
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Sequence, Text, Tuple

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import (
    ActionExecutionRejected,
    ActiveLoop,
    AllSlotsReset,
    ConversationPaused,
    ConversationResumed,
    Event,
    LoopInterrupted,
    SlotSet,
    deserialise_events,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.operations import settings, shared_redis
from bot.rasa_plugins.notes_memory import HeldInRedis, NotesMemory
from bot.rasa_plugins.recent_conversations import RecentConversations
from bot.rasa_plugins.stored_events import storable
from bot.rules import notes

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# Events of a session loaded for each message (about 15 turns). The dialogue comes from rules
# alone (data/rules.yml), none longer than one user turn and five steps, so more would only cost
# time. A longer rule or story in future needs this raised to cover it.
RECENT_EVENTS = 80


# Events whose effect outlasts the turn they happen in; the rest only matter while recent.
STATE_EVENTS = (SlotSet.type_name, AllSlotsReset.type_name, ActiveLoop.type_name, LoopInterrupted.type_name,
                ActionExecutionRejected.type_name, ConversationPaused.type_name, ConversationResumed.type_name)


def still_in_force(events: Sequence[Dict[Text, Any]]) -> List[Dict[Text, Any]]:
    """Of earlier state events (as stored), those whose effect lasts, in their order."""
    return [events[i] for i in in_force_positions([(e.get("event"), e.get("name")) for e in events])]


def in_force_positions(kinds: Sequence[Tuple[Text, Optional[Text]]]) -> List[int]:
    """Positions, among (event type, slot name) pairs, of the state events whose effect lasts.

    That is each slot's last value (after any reset of all slots), the last form (active loop)
    with what happened to it since, and whether the conversation is paused.
    """
    slots: Dict[Optional[Text], int] = {}
    loop: List[int] = []
    pause: List[int] = []
    for index, (kind, name) in enumerate(kinds):
        if kind == SlotSet.type_name:
            slots[name] = index
        elif kind == AllSlotsReset.type_name:
            slots.clear()
        elif kind == ActiveLoop.type_name:
            loop = [index]
        elif kind in (LoopInterrupted.type_name, ActionExecutionRejected.type_name):
            loop.append(index)
        elif kind in (ConversationPaused.type_name, ConversationResumed.type_name):
            pause = [index]
    return sorted([*slots.values(), *loop, *pause])


def window_positions(kinds: Sequence[Tuple[Text, Optional[Text]]], limit: int = RECENT_EVENTS) -> List[int]:
    """Positions of the events a load gives: the last ``limit``, after the earlier state events
    still in force (the same rule as _recent_tracker's queries, for events held in memory)."""
    cut = max(0, len(kinds) - limit)
    earlier = [i for i in range(cut) if kinds[i][0] in STATE_EVENTS]
    return [earlier[j] for j in in_force_positions([kinds[i] for i in earlier])] + list(range(cut, len(kinds)))


class MinimisingSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        config = settings.load()
        self.keep_unclear_text = config.keep_unclear_messages
        self.known_sites = frozenset(config.allowed_origins)
        self.notes_memory = NotesMemory(HeldInRedis(shared_redis.connect(config.redis))
                                        if config.redis.enabled else None)
        # Per tracker object: how many of its events are stored already (or were restored from
        # the notes memory and must never be stored), so a save writes only what is new; how many
        # events the store held for it when it was loaded; what its last save wrote.
        self._stored: Dict[int, int] = {}
        self._loaded_count: Dict[int, Optional[int]] = {}
        self._written: Dict[int, List[Event]] = {}
        self.recent = RecentConversations(window_positions, RECENT_EVENTS)

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
        Kept in memory after this server's last answer, they are read from the store again only
        if it holds a newer event (bot/rasa_plugins/recent_conversations.py).
        """
        with self.session_scope() as session:
            count = self._count(session, sender_id)
            events = self.recent.events(sender_id, count)
            if events is None:
                events = deserialise_events(self._stored_window(session, sender_id))
                if count and events:
                    self.recent.keep(sender_id, count, events)
        if not self.domain or not events:
            return None
        tracker = DialogueStateTracker.from_events(sender_id, events, self.domain.slots)
        self._loaded_count[id(tracker)] = count
        return tracker

    def _count(self, session: "Session", sender_id: Text) -> int:
        """How many events the store holds for the conversation: events are only ever added
        (by whichever server answers), or the whole conversation deleted by the purge."""
        return session.query(sa.func.count(self.SQLEvent.id)).filter(self.SQLEvent.sender_id == sender_id).scalar()

    def _stored_window(self, session: "Session", sender_id: Text) -> List[Dict[Text, Any]]:
        query = self._event_query(session, sender_id, fetch_events_from_all_sessions=False)
        recent = query.order_by(None).order_by(self.SQLEvent.id.desc()).limit(RECENT_EVENTS).all()[::-1]
        earlier = []
        if len(recent) == RECENT_EVENTS:
            earlier = query.filter(self.SQLEvent.id < recent[0].id, self.SQLEvent.type_name.in_(STATE_EVENTS)).all()
        return still_in_force([json.loads(row.data) for row in earlier]) + [json.loads(row.data) for row in recent]

    def _mark_stored(self, tracker: DialogueStateTracker) -> None:
        key = id(tracker)
        if key not in self._stored:
            for table in (self._stored, self._loaded_count, self._written):
                weakref.finalize(tracker, table.pop, key, None)
        self._stored[key] = len(tracker.events)

    async def save(self, tracker: DialogueStateTracker) -> None:
        await super().save(tracker)
        self._mark_stored(tracker)
        key = id(tracker)
        written = self._written.pop(key, [])
        loaded = self._loaded_count.get(key)
        self.recent.add(tracker.sender_id, loaded, None if loaded is None else loaded + len(written), written)
        self._loaded_count[key] = None if loaded is None else loaded + len(written)

    def _additional_events(self, session: "Session", tracker: DialogueStateTracker) -> Iterator:
        events = list(tracker.events)
        first_new = self._stored.get(id(tracker))
        if first_new is None:  # a new conversation, made by Rasa rather than loaded here
            first_new = len(events) - len(list(super()._additional_events(session, tracker)))
        answers = notes.answers({slot: tracker.get_slot(slot) for slot in notes.SLOTS})
        self.notes_memory.keep(tracker)
        written = list(storable(events, first_new, answers, self.keep_unclear_text, self.known_sites))
        self._written[id(tracker)] = written
        return iter(written)
