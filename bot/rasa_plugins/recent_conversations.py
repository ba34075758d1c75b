"""Recent conversations kept in the Rasa process, so that most messages skip reading the store.

For every message Rasa loads the conversation from the tracker store and rebuilds each event from
its stored JSON, walking its whole tree of event classes for each one: about a quarter of the
server's time per message (docs/benchmarks.md). A conversation's next message usually reaches
the same server within minutes, so this keeps each recent conversation's events as they were
stored (no text a person typed, nothing of the notes), for at most MAX_CONVERSATIONS
conversations and KEEP_SECONDS each.

They are used only while the store still holds as many events for the conversation as when they
were kept (events are only ever added, or a whole conversation deleted): when another server has
answered in between (several servers share one store), or the purge has deleted the
conversation, the store is read as before (bot/rasa_plugins/store.py).
"""
import copy
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable, List, Optional, Sequence, Text, Tuple

from rasa.shared.core.events import Event, SessionStarted, SlotSet

MAX_CONVERSATIONS = 500
KEEP_SECONDS = 300


@dataclass
class Kept:
    count: int
    events: List[Event]
    at: float


def kinds(events: Sequence[Event]) -> List[Tuple[Text, Optional[Text]]]:
    """(event type, slot name) of each event, as the store's window rule reads them."""
    return [(event.type_name, event.key if isinstance(event, SlotSet) else None) for event in events]


class RecentConversations:
    """Per conversation: how many events the store holds, and the events a load would give."""

    def __init__(self, window: Callable[[List[Tuple[Text, Optional[Text]]], int], List[int]], limit: int,
                 clock: Callable[[], float] = time.monotonic) -> None:
        # window(kinds, limit): positions of the events a load keeps (bot/rasa_plugins/store.py).
        self._window, self._limit, self._clock = window, limit, clock
        self._kept: "OrderedDict[Text, Kept]" = OrderedDict()

    def events(self, sender_id: Text, count: Optional[int]) -> Optional[List[Event]]:
        """Copies of the kept events, if the store holds no event they do not."""
        kept = self._kept.get(sender_id)
        if kept is None or count is None or kept.count != count or self._clock() - kept.at > KEEP_SECONDS:
            self._kept.pop(sender_id, None)
            return None
        self._kept.move_to_end(sender_id)
        return [copy.copy(event) for event in kept.events]

    def keep(self, sender_id: Text, count: int, events: List[Event]) -> None:
        self._kept[sender_id] = Kept(count, list(events), self._clock())
        self._kept.move_to_end(sender_id)
        while len(self._kept) > MAX_CONVERSATIONS:
            self._kept.popitem(last=False)

    def add(self, sender_id: Text, loaded_count: Optional[int], new_count: Optional[int],
            written: List[Event]) -> None:
        """After a save: the kept events and those just written, if the kept ones were current
        when the conversation was loaded; otherwise (or at a new session) nothing is kept, and
        the next message reads the store."""
        kept = self._kept.get(sender_id)
        if (kept is None or kept.count != loaded_count or new_count is None
                or any(isinstance(e, SessionStarted) for e in written)):
            self._kept.pop(sender_id, None)
            return
        events = kept.events + list(written)
        self.keep(sender_id, new_count, [events[i] for i in self._window(kinds(events), self._limit)])

    def drop(self, sender_id: Text) -> None:
        self._kept.pop(sender_id, None)
