"""`python -m bot stats`: what residents asked about, as totals, from the tracker store.

Nothing here identifies a person: no conversation ids, no times finer than a day. The store keeps
no text a person typed (bot/rasa_plugins/store.py); if KEEP_UNCLEAR_MESSAGES is on, the redacted text of
messages not understood is listed (redacted again, for older stores), and how long it is kept.
Every stored field is checked for its type before use (anything may have been sent), and cells
that a spreadsheet would run as a formula, or that hold control characters, are made harmless.
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

from bot.operations import events_db
from bot.rules.redact import redact

FALLBACK = "nlu_fallback"
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLACEHOLDER = re.compile(r"\[[a-z_]+\]")
TOP_NOT_UNDERSTOOD = 10


@dataclass
class Stats:
    conversations_per_day: Counter = field(default_factory=Counter)
    topics: Counter = field(default_factory=Counter)
    sites: Counter = field(default_factory=Counter)
    not_understood: Counter = field(default_factory=Counter)
    not_understood_count: int = 0
    messages: int = 0

    @property
    def not_understood_share(self) -> float:
        return self.not_understood_count / self.messages if self.messages else 0.0


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
        event = _object(_json(data))
        text = _text(event.get("text"))
        if text.startswith("/"):
            intent = text[1:].split("{")[0]  # a button press (in older stores): the payload names the topic
        stats.messages += 1
        stats.topics[_text(intent) or "unknown"] += 1
        if (sender, day) not in seen_days:
            seen_days.add((sender, day))
            stats.conversations_per_day[day] += 1
        if sender not in site_of:
            site_of[sender] = _text(_object(event.get("metadata")).get("site")) or "direct (no site given)"
            stats.sites[site_of[sender]] += 1
        if intent == FALLBACK:
            stats.not_understood_count += 1
            if text:
                stats.not_understood[normalised(text)] += 1
    return stats


def _json(data: object) -> object:
    try:
        return json.loads(data) if isinstance(data, str) else {}
    except ValueError:
        return {}


def _object(value: object) -> Dict[str, object]:
    return value if isinstance(value, dict) else {}


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def safe_cell(value: str) -> str:
    """No control characters, and nothing a spreadsheet would run as a formula."""
    value = CONTROL.sub(" ", value)
    return "'" + value if value[:1] in FORMULA_STARTS else value


def rows(stats: Stats) -> List[List[str]]:
    """The report as (section, item, count) rows: one shape for the terminal and for CSV."""
    table = [["conversations per day", day, str(n)] for day, n in sorted(stats.conversations_per_day.items())]
    table += [["topic", topic, str(n)] for topic, n in stats.topics.most_common()]
    table += [["site", site, str(n)] for site, n in stats.sites.most_common()]
    table += [["not understood", "share of messages", f"{stats.not_understood_share:.1%}"]]
    table += [["not understood", text, str(n)] for text, n in stats.not_understood.most_common(TOP_NOT_UNDERSTOOD)]
    return [[safe_cell(cell) for cell in row] for row in table]


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


def run(store: events_db.Store, csv_path: Optional[Path], out: TextIO, keep_unclear_days: Optional[int] = None) -> int:
    """``keep_unclear_days``: how long KEEP_UNCLEAR_MESSAGES keeps such text, or None when it is off."""
    stats = collect(store)
    print_table(stats, out)
    print("\nThe text of messages not understood is " + (
        f"kept, redacted, for {keep_unclear_days} days (KEEP_UNCLEAR_MESSAGES)." if keep_unclear_days else
        "not kept (KEEP_UNCLEAR_MESSAGES is off): only how many there were."), file=out)
    if csv_path:
        write_csv(stats, csv_path)
        print(f"\nWritten to {csv_path}", file=out)
    return 0
