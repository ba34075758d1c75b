"""Rasa's SQL tracker store, with personal details redacted before anything is written.

Rasa keeps what people type exactly as typed. This store writes a redacted copy of each user
message ("my number is [PHONE]") and leaves the conversation in memory untouched, so the
understanding and the reply still use the original words; only what is stored is redacted.
Enabled in endpoints.yml with ``tracker_store: type: bot.store.RedactingSQLTrackerStore``.
"""
import copy
from typing import TYPE_CHECKING, Iterator

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.redact import redact

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def redacted(event: object) -> object:
    """A copy of a user message event with its text redacted; other events as they are."""
    if not isinstance(event, UserUttered) or not event.text:
        return event
    clean = copy.deepcopy(event)
    clean.text = redact(event.text)
    clean.parse_data["text"] = clean.text
    return clean


class RedactingSQLTrackerStore(SQLTrackerStore):
    def _additional_events(self, session: "Session", tracker: DialogueStateTracker) -> Iterator:
        return (redacted(event) for event in super()._additional_events(session, tracker))
