"""Delete conversations older than RETENTION_DAYS from the SQLite tracker store.

A conversation goes when its newest event is older than the limit, whole, so nothing is left
half-deleted. `python -m bot purge` runs it by hand; `make run` runs it at start and once a day.
"""
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

DAY_SECONDS = 24 * 60 * 60


def purge(tracker_db: Path, days: int, now: float) -> int:
    """Delete conversations with no event in the last `days` days; return how many went."""
    if not tracker_db.exists():
        return 0
    cutoff = now - days * DAY_SECONDS
    with sqlite3.connect(tracker_db) as db:
        if not db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='events'").fetchone():
            return 0
        old = [row[0] for row in db.execute(
            "SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < ?", (cutoff,))]
        db.executemany("DELETE FROM events WHERE sender_id = ?", [(sender,) for sender in old])
    return len(old)


@dataclass
class DailyPurge:
    """Runs the purge when it is due: at the first tick, then every 24 hours."""

    tracker_db: Path
    days: int
    next_run: float = 0.0

    def tick(self, now: float) -> None:
        if now < self.next_run:
            return
        removed = purge(self.tracker_db, self.days, time.time())
        if removed:
            print(f"Deleted {removed} conversation(s) older than {self.days} days.", flush=True)
        self.next_run = now + DAY_SECONDS
