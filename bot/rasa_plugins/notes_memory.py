"""The incident notes' answers, held between one message and the next, never in the store.

Because Rasa reloads a conversation from the store for every message, the answers are held in
this process's memory (in Redis when several servers share the work), and forgotten as soon as
the form ends or is stopped, or after NOTES_MEMORY_SECONDS.
"""
import json
import time
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional, Text, Tuple, Union

from rasa.shared.core.events import Event, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rules import notes

if TYPE_CHECKING:
    import redis

NOTES_MEMORY_SECONDS = 3600


class HeldInProcess:
    """Answers held in this process's memory: right for one Rasa server."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._held: Dict[Text, Tuple[float, Dict[Text, Any]]] = {}

    def put(self, sender_id: Text, values: Dict[Text, Any]) -> None:
        self._forget_old()
        self._held[sender_id] = (self.clock(), values)

    def get(self, sender_id: Text) -> Optional[Dict[Text, Any]]:
        self._forget_old()
        held = self._held.get(sender_id)
        return held[1] if held else None

    def drop(self, sender_id: Text) -> None:
        self._forget_old()
        self._held.pop(sender_id, None)

    def _forget_old(self) -> None:
        """Answers of notes left unfinished go after NOTES_MEMORY_SECONDS, whichever conversation
        the server handles next (every message of any conversation comes through put or drop)."""
        cutoff = self.clock() - NOTES_MEMORY_SECONDS
        for old in [s for s, (kept_at, _) in self._held.items() if kept_at < cutoff]:
            del self._held[old]


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
