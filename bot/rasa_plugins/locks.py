"""Rasa's conversation locks, without a wait that never ends.

Rasa serves a conversation's messages one at a time with numbered tickets, each with a
lifetime (LOCK_LIFETIME_SECONDS) so that a server which dies holding one cannot block the
conversation for ever. But Rasa 3.6 waits until the first ticket in the queue is its own: if its
own ticket expires while it waits (likely when the ticket ahead belonged to a server that died,
since both expire about the same time), the queue is empty, the first ticket is never its own,
and the request waits until the client gives up. The failover test found exactly that. These
lock stores wait only while an unexpired ticket ahead of their own remains.

Chosen in endpoints.yml through LOCK_STORE (bot/operations/settings.py): Redis when several servers share
the work, memory for one server.
"""
import asyncio
from typing import Optional, Text

from rasa.core import lock_store
from rasa.core.lock import TicketLock
from rasa.utils.endpoints import EndpointConfig


def someone_ahead(lock: TicketLock, ticket: int) -> bool:
    """Whether a ticket issued before ours is still being served or waiting, and still alive."""
    return any(t.number < ticket and not t.has_expired() for t in lock.tickets)


class WaitsOnlyForTicketsAhead:
    """Replaces Rasa's wait loop (mixed into both lock stores below)."""

    async def _acquire_lock(self, conversation_id: Text, ticket: int, wait_time_in_seconds: float) -> TicketLock:
        while True:
            lock = self.get_lock(conversation_id)
            if lock is None or not someone_ahead(lock, ticket):
                # No lock at all means the store lost it (Redis restarted): no one is ahead either.
                return lock or TicketLock(conversation_id)
            await asyncio.sleep(wait_time_in_seconds)
            self.update_lock(conversation_id)


class RedisLockStore(WaitsOnlyForTicketsAhead, lock_store.RedisLockStore):
    def __init__(self, endpoint_config: EndpointConfig) -> None:
        super().__init__(host=endpoint_config.url, **endpoint_config.kwargs)


class InMemoryLockStore(WaitsOnlyForTicketsAhead, lock_store.InMemoryLockStore):
    def __init__(self, endpoint_config: Optional[EndpointConfig] = None) -> None:
        super().__init__()
