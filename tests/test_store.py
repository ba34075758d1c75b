"""The tracker store loads a conversation's recent events, keeps what is still in force, and
writes every event exactly once, however long the conversation gets."""
import asyncio
import uuid
from pathlib import Path
from typing import List

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import events_db, notes
from bot.paths import DOMAIN_FILE
from bot.store import NOTES_ANSWER, RECENT_EVENTS, RedactingSQLTrackerStore, still_in_force


def store_at(path: Path) -> RedactingSQLTrackerStore:
    return RedactingSQLTrackerStore(Domain.load(DOMAIN_FILE), dialect="sqlite", db=str(path))


def turn(number: int) -> List[Event]:
    return [UserUttered(f"message {number}", {"name": "greet", "confidence": 1.0}),
            ActionExecuted("utter_greet"), BotUttered(f"reply {number}"), ActionExecuted("action_listen")]


async def one_message(store: RedactingSQLTrackerStore, sender: str, events: List[Event]) -> DialogueStateTracker:
    """What Rasa does for each message: load, add the message's events, save."""
    tracker = await store.get_or_create_tracker(sender, append_action_listen=False)
    for event in events:
        tracker.update(event)
    await store.save(tracker)
    return tracker


def check_a_long_conversation(store: RedactingSQLTrackerStore, where: events_db.Store) -> None:
    """A slot set and the notes form begun at the start are still in force 60 messages later,
    though only the recent events are loaded: so no answer of the form is ever stored."""
    sender = uuid.uuid4().hex

    async def talk() -> DialogueStateTracker:
        await one_message(store, sender, [SlotSet("week_start", "10 October"), *turn(0)])
        await one_message(store, sender, [ActiveLoop(notes.FORM), *turn(1)])
        for number in range(2, 60):
            await one_message(store, sender, turn(number))
        return await store.retrieve(sender)

    tracker = asyncio.run(talk())
    assert len(tracker.events) <= RECENT_EVENTS + 2
    assert tracker.get_slot("week_start") == "10 October"
    assert tracker.active_loop_name == notes.FORM
    assert tracker.latest_message.text == NOTES_ANSWER
    assert events_db.user_messages(where, sender) == ["message 0"] + [NOTES_ANSWER] * 59
    full = asyncio.run(store.retrieve_full_tracker(sender))
    assert [e.text for e in full.events if isinstance(e, UserUttered)] == ["message 0"] + [NOTES_ANSWER] * 59


def test_a_long_conversation_loads_recent_events_and_keeps_slots_and_the_form(tmp_path):
    path = tmp_path / "conversations.db"
    check_a_long_conversation(store_at(path), path)


def test_a_tracker_saved_twice_writes_each_event_once(tmp_path):
    path = tmp_path / "conversations.db"
    store = store_at(path)

    async def save_twice() -> None:
        tracker = await one_message(store, "twice", turn(0))
        for event in turn(1):
            tracker.update(event)
        await store.save(tracker)
        await store.save(tracker)

    asyncio.run(save_twice())
    assert events_db.user_messages(path, "twice") == ["message 0", "message 1"]


def test_only_the_last_value_of_each_slot_and_the_last_form_stay_in_force():
    earlier = [
        {"event": "slot", "name": "week_start", "value": "1 October"},
        {"event": "active_loop", "name": notes.FORM},
        {"event": "slot", "name": "week_start", "value": "10 October"},
        {"event": "reset_slots"},
        {"event": "slot", "name": "week_end", "value": "17 October"},
        {"event": "active_loop", "name": None},
    ]
    assert still_in_force(earlier) == [earlier[4], earlier[5]]
