"""Many conversations at once against one server, then a look in the tracker store.

Passes when every request got a reply and every user message is stored once in its own
conversation, with no text (nothing lost, nothing duplicated, nothing in another person's
conversation, nothing a person typed kept).
`make test` runs a small one; `make bench` runs 200 conversations of 20 turns.
"""
import asyncio
import threading
import time
import uuid
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Dict, List, Optional

import aiohttp

from bot.operations import events_db
from bot.rules.answer_text import TRY_AGAIN_RESPONSE
from bot.safeguards.server_replies import load_replies
from harness import cases


@dataclass
class LoadResult:
    conversations: int
    turns: int
    seconds: float = 0.0
    errors: List[str] = field(default_factory=list)
    not_stored_once: List[str] = field(default_factory=list)
    answered: int = 0  # requests answered properly (not with an error or "please send it again")
    slowest: float = 0.0  # the longest wait for one reply, in seconds

    @property
    def messages(self) -> int:
        return self.conversations * self.turns

    @property
    def passed(self) -> bool:
        return not self.errors and not self.not_stored_once

    def summary(self) -> str:
        return (f"{self.conversations} conversations x {self.turns} turns: {self.messages} messages in "
                f"{self.seconds:.0f} s ({self.messages / self.seconds:.1f}/s), {len(self.errors)} errors, "
                f"{len(self.not_stored_once)} conversations not stored once each, without text, "
                f"slowest reply {self.slowest:.1f} s")


@lru_cache(maxsize=1)
def try_again_text() -> str:
    """The answer a server sends when it could not handle a message (bot/rasa_plugins/channels/always_answered.py)."""
    return load_replies()[TRY_AGAIN_RESPONSE]


def plan(conversations: int, turns: int) -> Dict[str, List[str]]:
    """Realistic messages (their text is not stored: only that each arrived once)."""
    texts = [message for message, _ in cases.load_cases()]
    return {uuid.uuid4().hex: [texts[(i + t) % len(texts)] for t in range(turns)]
            for i in range(conversations)}


async def _talk(session: aiohttp.ClientSession, url: str, sender: str, texts: List[str],
                result: LoadResult) -> None:
    for turn, text in enumerate(texts):
        sent_at = time.perf_counter()
        try:
            async with session.post(url, json={"sender": sender, "message": text}) as response:
                replies = await response.json() if response.status == 200 else []
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
            result.errors.append(f"{sender} turn {turn}: {error!r}")
            continue
        finally:
            result.slowest = max(result.slowest, time.perf_counter() - sent_at)
        if not replies:
            result.errors.append(f"{sender} turn {turn}: HTTP {response.status}, no reply")
        elif any(reply.get("text") == try_again_text() for reply in replies):
            result.errors.append(f"{sender} turn {turn}: asked to send it again")
        else:
            result.answered += 1


async def _run_all(url: str, sent: Dict[str, List[str]], result: LoadResult) -> None:
    connector = aiohttp.TCPConnector(limit=len(sent))
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=120)) as session:
        await asyncio.gather(*(_talk(session, url, sender, texts, result) for sender, texts in sent.items()))


def run(url: str, store: events_db.Store, conversations: int, turns: int,
        meanwhile: Optional[Callable[[LoadResult], None]] = None) -> LoadResult:
    """All conversations at once, each sending its next message as soon as it has its reply.

    ``meanwhile`` runs in a thread alongside (the scale-out tests stop a server from there); it
    sees the result filling up, so it can wait until part of the load has been answered.
    """
    sent = plan(conversations, turns)
    result = LoadResult(conversations, turns)
    helper = threading.Thread(target=meanwhile, args=(result,), daemon=True) if meanwhile else None
    started = time.perf_counter()
    if helper:
        helper.start()
    asyncio.run(_run_all(url, sent, result))
    result.seconds = time.perf_counter() - started
    if helper:
        helper.join()
    result.not_stored_once = [
        sender for sender, texts in sent.items() if events_db.user_messages(store, sender) != [""] * len(texts)
    ]
    return result
