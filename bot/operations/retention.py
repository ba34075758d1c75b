"""Delete conversations older than RETENTION_DAYS from the tracker store (SQLite or PostgreSQL),
and blank the kept text of messages not understood after UNCLEAR_MESSAGES_RETENTION_DAYS.

A conversation goes when its newest event is older than the limit, whole, so nothing is left
half-deleted. On SQLite, deleted rows are overwritten with zeros (secure_delete), so a deleted
conversation cannot be read back from the file; on PostgreSQL, its own vacuuming reuses the
space. `python -m bot purge` runs it by hand; `make run` and `make run-scaled` run it at
start and once a day. On PostgreSQL several servers (or a scheduled job) may start it at the
same moment: a PostgreSQL advisory lock lets exactly one of them do the work and the others skip.
"""
import json
import time
from dataclasses import dataclass
from typing import Optional

import sqlalchemy as sa

from bot.operations import events_db
from bot.operations.events_db import Store

DAY_SECONDS = 24 * 60 * 60
# Any fixed number, the same in every server: the name of the "purging now" advisory lock.
PURGE_LOCK_KEY = 7_240_501


def forget_unclear_text(store: Store, days: int, now: float) -> int:
    """Blank the kept text of messages not understood (KEEP_UNCLEAR_MESSAGES) older than `days`;
    return how many were blanked. Their intent and time stay, for the stats."""
    if not events_db.exists(store):
        return 0
    cutoff = now - days * DAY_SECONDS
    with events_db.engine(events_db.url_of(store)).begin() as db:
        rows = db.execute(sa.text(
            "SELECT id, data FROM events WHERE type_name = 'user' AND intent_name = 'nlu_fallback' "
            "AND timestamp < :cutoff"), {"cutoff": cutoff}).fetchall()
        blanked = []
        for row_id, data in rows:
            event = json.loads(data or "{}")
            if event.get("text"):
                event["text"] = ""
                event.setdefault("parse_data", {})["text"] = ""
                blanked.append({"id": row_id, "data": json.dumps(event)})
        if blanked:
            db.execute(sa.text("UPDATE events SET data = :data WHERE id = :id"), blanked)
    return len(blanked)


def purge(store: Store, days: int, now: float) -> Optional[int]:
    """Delete conversations with no event in the last `days` days; return how many went, or None
    if another server is purging this PostgreSQL database right now."""
    if not events_db.exists(store):
        return 0
    cutoff = now - days * DAY_SECONDS
    engine = events_db.engine(events_db.url_of(store))
    with engine.begin() as db:  # one transaction: the advisory lock is released when it ends
        if engine.dialect.name == "postgresql" and not db.execute(
                sa.text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": PURGE_LOCK_KEY}).scalar():
            return None
        old = [row[0] for row in db.execute(sa.text(
            "SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :cutoff"), {"cutoff": cutoff})]
        if old:
            db.execute(sa.text("DELETE FROM events WHERE sender_id = :sender"), [{"sender": s} for s in old])
    return len(old)


@dataclass
class DailyPurge:
    """Runs the purge when it is due: at the first tick, then every 24 hours."""

    store: Store
    days: int
    unclear_text_days: int
    next_run: float = 0.0

    def tick(self, now: float) -> None:
        if now < self.next_run:
            return
        removed = purge(self.store, self.days, time.time())
        if removed:
            print(f"Deleted {removed} conversation(s) older than {self.days} days.", flush=True)
        forget_unclear_text(self.store, self.unclear_text_days, time.time())
        self.next_run = now + DAY_SECONDS
