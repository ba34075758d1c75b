"""Many conversations at once against one server, then a look in the tracker store.

Passes when every request got a reply and every user message is stored once, in order, in its
own conversation (nothing lost, nothing duplicated, nothing in another person's conversation).
`make test` runs a small one; `make bench` runs 200 conversations of 20 turns.
"""
import asyncio
import json
import sqlite3
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List

import aiohttp

from bot import cases
from bot.redact import redact


@dataclass
class LoadResult:
    conversations: int
    turns: int
    seconds: float = 0.0
    errors: List[str] = field(default_factory=list)
    not_stored_in_order: List[str] = field(default_factory=list)

    @property
    def messages(self) -> int:
        return self.conversations * self.turns

    @property
    def passed(self) -> bool:
        return not self.errors and not self.not_stored_in_order

    def summary(self) -> str:
        return (f"{self.conversations} conversations x {self.turns} turns: {self.messages} messages in "
                f"{self.seconds:.0f} s ({self.messages / self.seconds:.1f}/s), {len(self.errors)} errors, "
                f"{len(self.not_stored_in_order)} conversations not stored exactly as sent")


def stored_user_messages(tracker_db: Path, sender: str) -> List[str]:
    with sqlite3.connect(tracker_db) as db:
        rows = db.execute("SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id",
                          (sender,)).fetchall()
    return [json.loads(data)["text"] for (data,) in rows]


def plan(conversations: int, turns: int) -> Dict[str, List[str]]:
    """Realistic messages with nothing to redact, so what is stored must equal what was sent."""
    texts = [message for message, _ in cases.load_cases() if redact(message) == message]
    return {uuid.uuid4().hex: [texts[(i + t) % len(texts)] for t in range(turns)]
            for i in range(conversations)}


async def _talk(session: aiohttp.ClientSession, url: str, sender: str, texts: List[str],
                result: LoadResult) -> None:
    for turn, text in enumerate(texts):
        try:
            async with session.post(url, json={"sender": sender, "message": text}) as response:
                if response.status != 200 or not await response.json():
                    result.errors.append(f"{sender} turn {turn}: HTTP {response.status}")
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            result.errors.append(f"{sender} turn {turn}: {error!r}")


async def _run_all(url: str, sent: Dict[str, List[str]], result: LoadResult) -> None:
    connector = aiohttp.TCPConnector(limit=len(sent))
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=120)) as session:
        await asyncio.gather(*(_talk(session, url, sender, texts, result) for sender, texts in sent.items()))


def run(url: str, tracker_db: Path, conversations: int, turns: int) -> LoadResult:
    """All conversations at once, each sending its next message as soon as it has its reply."""
    sent = plan(conversations, turns)
    result = LoadResult(conversations, turns)
    started = time.perf_counter()
    asyncio.run(_run_all(url, sent, result))
    result.seconds = time.perf_counter() - started
    result.not_stored_in_order = [
        sender for sender, texts in sent.items() if stored_user_messages(tracker_db, sender) != texts
    ]
    return result
