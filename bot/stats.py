"""`python -m bot stats`: what residents asked about, as totals, from the tracker store.

Nothing here identifies a person: no conversation ids, no times finer than a day, and the
not-understood messages are redacted before they are counted or shown.
"""
import csv
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Dict, List, Optional, Set, TextIO, Tuple

import sqlalchemy as sa

from bot import events_db
from bot.redact import redact

FALLBACK = "nlu_fallback"
PLACEHOLDER = re.compile(r"\[[a-z_]+\]")
TOP_NOT_UNDERSTOOD = 10


@dataclass
class Stats:
    conversations_per_day: Counter = field(default_factory=Counter)
    topics: Counter = field(default_factory=Counter)
    sites: Counter = field(default_factory=Counter)
    not_understood: Counter = field(default_factory=Counter)
    messages: int = 0

    @property
    def not_understood_share(self) -> float:
        return sum(self.not_understood.values()) / self.messages if self.messages else 0.0


def normalised(text: str) -> str:
    """Redacted (again: older stores may hold unredacted text) and lower case, so variants group;
    the [PLACEHOLDER] labels stay upper case."""
    return PLACEHOLDER.sub(lambda m: m.group(0).upper(), redact(text.strip()).lower())


def collect(store: events_db.Store) -> Stats:
    """Read user messages from Rasa's SQL tracker store (the `events` table, SQLite or PostgreSQL)."""
    stats = Stats()
    if not events_db.exists(store):
        return stats
    with events_db.engine(events_db.url_of(store)).connect() as db:
        rows = db.execute(sa.text(
            "SELECT sender_id, timestamp, intent_name, data FROM events WHERE type_name = 'user' ORDER BY id"
        )).fetchall()
    seen_days: Set[Tuple[str, str]] = set()
    site_of: Dict[str, str] = {}
    for sender, timestamp, intent, data in rows:
        day = datetime.fromtimestamp(timestamp, timezone.utc).date().isoformat()
        event = json.loads(data or "{}")
        text = event.get("text") or ""
        if text.startswith("/"):
            intent = text[1:].split("{")[0]  # a button press: the payload names the topic
        stats.messages += 1
        stats.topics[intent or "unknown"] += 1
        if (sender, day) not in seen_days:
            seen_days.add((sender, day))
            stats.conversations_per_day[day] += 1
        if sender not in site_of:
            site_of[sender] = (event.get("metadata") or {}).get("site") or "direct (no site given)"
            stats.sites[site_of[sender]] += 1
        if intent == FALLBACK:
            stats.not_understood[normalised(text)] += 1
    return stats


def rows(stats: Stats) -> List[List[str]]:
    """The report as (section, item, count) rows: one shape for the terminal and for CSV."""
    table = [["conversations per day", day, str(n)] for day, n in sorted(stats.conversations_per_day.items())]
    table += [["topic", topic, str(n)] for topic, n in stats.topics.most_common()]
    table += [["site", site, str(n)] for site, n in stats.sites.most_common()]
    table += [["not understood", "share of messages", f"{stats.not_understood_share:.1%}"]]
    table += [["not understood", text, str(n)] for text, n in stats.not_understood.most_common(TOP_NOT_UNDERSTOOD)]
    return table


def print_table(stats: Stats, out: TextIO) -> None:
    if not stats.messages:
        print("No conversations yet.", file=out)
        return
    table = [["section", "item", "count"]] + rows(stats)
    widths = [max(len(r[i]) for r in table) for i in range(3)]
    for index, row in enumerate(table):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip(), file=out)
        if index == 0:
            print("  ".join("-" * width for width in widths), file=out)


def write_csv(stats: Stats, path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["section", "item", "count"])
        writer.writerows(rows(stats))


def run(store: events_db.Store, csv_path: Optional[Path], out: TextIO) -> int:
    stats = collect(store)
    print_table(stats, out)
    if csv_path:
        write_csv(stats, csv_path)
        print(f"\nWritten to {csv_path}", file=out)
    return 0
