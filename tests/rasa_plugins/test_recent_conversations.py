"""Recent conversations kept in memory give exactly what reading the store gives, and the store is
read again whenever another server (or the purge) changed the conversation in between."""
import asyncio
import uuid

from rasa.shared.core.events import ActiveLoop, SlotSet

from bot.rasa_plugins import recent_conversations
from bot.rasa_plugins.store import window_positions
from bot.rules import notes
from tests.rasa_plugins.test_store import one_message, store_at, turn


def as_stored(tracker):
    return [event.as_dict() for event in tracker.events]


def test_what_is_kept_in_memory_is_what_a_fresh_read_of_the_store_gives(tmp_path, monkeypatch):
    db = tmp_path / "tracker.db"
    server, fresh_reader = store_at(db), store_at(db)
    sender = uuid.uuid4().hex
    reads = []
    original = server._stored_window
    monkeypatch.setattr(server, "_stored_window", lambda *a: reads.append(1) or original(*a))

    async def talk():
        await one_message(server, sender, [SlotSet("week_start", "10 October"), *turn(0)])
        await one_message(server, sender, [ActiveLoop(notes.FORM), SlotSet("language", "pl"), *turn(1)])
        for number in range(2, 40):
            await one_message(server, sender, turn(number))
            kept, read = await server.retrieve(sender), await fresh_reader.retrieve(sender)
            assert as_stored(kept) == as_stored(read)
            assert kept.get_slot("week_start") == "10 October" and kept.active_loop_name == notes.FORM
            assert kept.get_slot("language") == "pl"

    asyncio.run(talk())
    assert len(reads) <= 3  # the first messages only; then every message came from memory


def test_a_message_answered_by_another_server_in_between_is_read_from_the_store(tmp_path):
    db = tmp_path / "tracker.db"
    first, second = store_at(db), store_at(db)
    sender = uuid.uuid4().hex

    async def talk():
        for number in range(3):
            await one_message(first, sender, turn(number))
        await one_message(second, sender, [SlotSet("week_start", "set by the other server"), *turn(3)])
        return await first.retrieve(sender)

    assert asyncio.run(talk()).get_slot("week_start") == "set by the other server"


def test_only_so_many_conversations_are_kept_and_not_for_long(monkeypatch):
    now = [0.0]
    kept = recent_conversations.RecentConversations(window_positions, 80, clock=lambda: now[0])
    monkeypatch.setattr(recent_conversations, "MAX_CONVERSATIONS", 2)
    for sender in ("a", "b", "c"):
        kept.keep(sender, 1, [SlotSet("week_start", sender)])
    assert kept.events("a", 1) is None and kept.events("c", 1) is not None
    assert kept.events("c", 2) is None  # the store has a newer event
    kept.keep("d", 1, [SlotSet("week_start", "d")])
    now[0] += recent_conversations.KEEP_SECONDS + 1
    assert kept.events("d", 1) is None
