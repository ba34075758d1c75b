"""Conversation locks (bot/rasa_plugins/locks.py): a request never waits for ever behind a dead server's ticket."""
import asyncio

from rasa.core.lock_store import InMemoryLockStore as RasaInMemoryLockStore

from bot.rasa_plugins.locks import InMemoryLockStore

SHORT = 0.2  # seconds: the lifetime of every ticket here


async def acquire_behind_a_dead_ticket(store) -> bool:
    """A server takes ticket 1 and dies; another asks next. True if it gets the lock in time."""
    store.issue_ticket("c", SHORT)  # the dead server's: never finished, only expires
    mine = store.issue_ticket("c", SHORT)  # ours expires too while we wait behind it
    try:
        await asyncio.wait_for(store._acquire_lock("c", mine, wait_time_in_seconds=SHORT * 2), timeout=3)
        return True
    except asyncio.TimeoutError:
        return False


def test_rasas_own_lock_store_waits_for_ever_when_both_tickets_expire():
    """Why bot/rasa_plugins/locks.py exists: if this starts passing, Rasa has fixed it."""
    assert asyncio.run(acquire_behind_a_dead_ticket(RasaInMemoryLockStore())) is False


def test_ours_goes_ahead_once_the_dead_ticket_has_expired():
    assert asyncio.run(acquire_behind_a_dead_ticket(InMemoryLockStore())) is True


def test_ours_still_waits_for_a_live_ticket_ahead():
    async def scenario() -> bool:
        store = InMemoryLockStore()
        store.issue_ticket("c", 60)  # a server busy with this conversation's previous message
        mine = store.issue_ticket("c", 60)
        try:
            await asyncio.wait_for(store._acquire_lock("c", mine, 0.05), timeout=0.5)
            return True
        except asyncio.TimeoutError:
            return False

    assert asyncio.run(scenario()) is False
