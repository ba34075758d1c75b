"""The tracker store loads a conversation's recent events, keeps what is still in force, and
writes every event exactly once, however long the conversation gets."""
import asyncio
import json
import sqlite3
import uuid
from pathlib import Path
from typing import List

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.operations import events_db
from bot.paths import DOMAIN_FILE
from bot.rasa_plugins.store import RECENT_EVENTS, MinimisingSQLTrackerStore, still_in_force
from bot.rasa_plugins.stored_events import NOTES_ANSWER, NOTES_SUMMARY, minimised
from bot.rules import notes


def store_at(path: Path) -> MinimisingSQLTrackerStore:
    return MinimisingSQLTrackerStore(Domain.load(DOMAIN_FILE), dialect="sqlite", db=str(path))


def turn(number: int) -> List[Event]:
    return [UserUttered(f"message {number}", {"name": "greet", "confidence": 1.0}),
            ActionExecuted("utter_greet"), BotUttered(f"reply {number}"), ActionExecuted("action_listen")]


async def one_message(store: MinimisingSQLTrackerStore, sender: str, events: List[Event]) -> DialogueStateTracker:
    """What Rasa does for each message: load, add the message's events, save."""
    tracker = await store.get_or_create_tracker(sender, append_action_listen=False)
    for event in events:
        tracker.update(event)
    await store.save(tracker)
    return tracker


def check_a_long_conversation(store: MinimisingSQLTrackerStore, where: events_db.Store) -> None:
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
    assert events_db.user_messages(where, sender) == [""] + [NOTES_ANSWER] * 59
    full = asyncio.run(store.retrieve_full_tracker(sender))
    assert [e.text for e in full.events if isinstance(e, UserUttered)] == [""] + [NOTES_ANSWER] * 59


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
    assert events_db.user_messages(path, "twice") == ["", ""]


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


def test_no_text_a_person_typed_is_stored_only_what_it_was_understood_as():
    typed = UserUttered("i'm Sarah Khan, my neighbour Darren shouts at me",
                        {"name": "neighbour_harassment", "confidence": 0.8},
                        parse_data={"intent_ranking": [{"name": "neighbour_harassment", "confidence": 0.8}],
                                    "language": "en"},
                        metadata={"site": "https://partner.example.org", "anything": "else"})
    stored = minimised(typed, known_sites={"https://partner.example.org"}).as_dict()
    assert stored["text"] == "" and stored["parse_data"] == {
        "text": "", "intent": {"name": "neighbour_harassment", "confidence": 0.8}, "entities": [],
        "message_id": typed.message_id, "metadata": {"site": "https://partner.example.org"}}
    assert stored["metadata"] == {"site": "https://partner.example.org"}
    assert "Sarah" not in json.dumps(stored) and typed.text.startswith("i'm Sarah")  # the reply still has it


@pytest.mark.parametrize("site", ["Sarah Khan 07700 900123", "https://partner.example.org/page?name=Sarah", ["x"], 7,
                                  "http://john-smith.42.acacia-avenue.cv1-2ab.phone-07700900123.example"])
def test_a_site_that_is_not_an_allowed_partner_is_not_stored(site):
    """Any client can write any text as its site, shaped like an origin or not."""
    typed = UserUttered("hello", {"name": "greet", "confidence": 0.9}, metadata={"site": site})
    assert minimised(typed, known_sites={"https://partner.example.org"}).as_dict()["metadata"] == {}


@pytest.mark.parametrize("value, kept", [("pl", "pl"), ("en", "en"), ("my name is Sarah Khan", None),
                                         ("<script>", None), (["pl"], None)])
def test_only_a_language_code_is_stored_as_the_conversation_s_language(value, kept):
    """A typed '/greet{"language": "..."}' can put any text in the slot; only a code is kept."""
    assert minimised(SlotSet("language", value)).value == kept


def test_a_message_not_understood_is_kept_redacted_only_when_the_setting_asks():
    unclear = UserUttered("qzx plm call 07700 900123", {"name": "nlu_fallback", "confidence": 0.2})
    assert minimised(unclear).text == ""
    assert minimised(unclear, keep_unclear_text=True).text == "qzx plm call [PHONE]"
    understood = UserUttered("how do i report, call 07700 900123", {"name": "ask_how_to_report", "confidence": 0.9})
    assert minimised(understood, keep_unclear_text=True).text == ""


def test_notes_answers_keep_no_intent_and_the_summary_is_not_stored(tmp_path):
    path = tmp_path / "conversations.db"
    store = store_at(path)
    sender = uuid.uuid4().hex
    answer = UserUttered("he called me a p*ki outside the co-op", {"name": "support_race_religion", "confidence": 0.7})
    summary = BotUttered("Your notes ...\nWhen: yesterday (Tuesday 24 November 2026)", {"custom": {"notes": "summary"}})
    asyncio.run(one_message(store, sender, [ActiveLoop(notes.FORM), answer, ActionExecuted("utter_ask_notes_when"),
                                            ActiveLoop(None), summary]))
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT type_name, intent_name, data FROM events WHERE sender_id = ?", (sender,)).fetchall()
    user = [json.loads(d) for kind, _, d in rows if kind == "user"]
    assert [u["text"] for u in user] == [NOTES_ANSWER] and user[0]["parse_data"]["intent"] == {}
    assert [i for kind, i, _ in rows if kind == "user"] == [None]
    assert [json.loads(d)["text"] for kind, _, d in rows if kind == "bot"] == [NOTES_SUMMARY]


def test_a_message_in_another_language_is_never_kept_even_unclear():
    """The redactor reads English: a Polish name and address would be kept as typed."""
    polish = UserUttered("Nazywam się Anna Kowalska, mieszkam przy Foleshill Road 12",
                         {"name": "nlu_fallback", "confidence": 1.0},
                         entities=[{"entity": "language", "value": "pl", "start": 0, "end": 10}])
    assert minimised(polish, keep_unclear_text=True).text == ""


def test_notes_answers_left_unfinished_are_forgotten_after_their_time_whoever_writes_next():
    from bot.rasa_plugins import notes_memory

    now = [0.0]
    held = notes_memory.HeldInProcess(clock=lambda: now[0])
    held.put("abandoned", {"notes_what": "a man shouted at me"})
    now[0] += notes_memory.NOTES_MEMORY_SECONDS + 1
    held.drop("someone-else")  # any other conversation's message
    assert "abandoned" not in held._held
