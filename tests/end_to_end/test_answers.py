"""End to end: the real action server and Rasa server, started as `make run` starts them, over REST.

Each case is a realistic resident's message (not from the training data) and what the reply must
contain. Contacts are looked up in the directory, so the test checks the reply a resident sees.
"""
import uuid

import pytest

from bot.rules import directory
from harness.cases import load_cases
from tests.helpers import joined, running_assistant, say

pytestmark = pytest.mark.e2e

D = directory.placeholder_values(directory.load())
EMERGENCY = D["police_emergency.phone"]


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with running_assistant(tmp_path_factory.mktemp("assistant")) as running:
        yield running





CASES = load_cases()


@pytest.mark.parametrize("message, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_realistic_message_gets_the_right_answer(assistant, message, expected):
    text = joined(say(assistant, message))
    missing = [part for part in expected if part not in text]
    assert not missing, f"reply to {message!r} lacks {missing}:\n{text}"


@pytest.mark.parametrize(
    "message",
    ["man outside my flat with a knife, how do i report to true vision",
     "they're banging on my door now, can u refer me to victim support",
     "they're in the house, i'm hiding and can't talk"],
)
def test_danger_gets_999_first_even_when_something_else_is_asked(assistant, message):
    replies = say(assistant, message)
    assert EMERGENCY in replies[0]["text"]


def test_emergency_interrupts_a_conversation_and_it_carries_on(assistant):
    sender = uuid.uuid4().hex
    assert "report" in joined(say(assistant, "someone wrote racist graffiti on my car", sender))
    assert EMERGENCY in say(assistant, "they're back and smashing my window right now", sender)[0]["text"]
    assert D["true_vision.web"] in joined(say(assistant, "how do i use true vision", sender))


def test_yes_after_describing_what_happened_gives_the_ways_to_report(assistant):
    sender = uuid.uuid4().hex
    say(assistant, "a group of boys were shouting homophobic abuse at me", sender)
    assert D["true_vision.web"] in joined(say(assistant, "yes please", sender))


def test_nonsense_gets_a_clarifying_answer_with_topics(assistant):
    replies = say(assistant, "sdkfj qwpoeiru zzxmcnv")
    assert "not sure what you mean" in replies[0]["text"] and "English" not in replies[0]["text"]
    assert [b["title"] for b in replies[0]["buttons"]][:3] == ["What is hate crime?", "How to report", "Get support"]


def test_greeting_says_it_is_automated_and_what_it_does(assistant):
    text = joined(say(assistant, "hiya"))
    assert "automated" in text and "report" in text and EMERGENCY in text


def test_awareness_week_dates_are_computed(assistant):
    from datetime import date

    from bot.rules import awareness_week
    start, end = awareness_week.current_or_next(date.today())
    assert awareness_week.spoken(end) in joined(say(assistant, "when is hate crime awareness week"))


def test_every_reply_has_text_and_no_unfilled_placeholder(assistant):
    for message in ("hello", "how do i report", "where can i get support", "who is the hate crime lead"):
        for reply in say(assistant, message):
            assert reply.get("text") and "{" not in reply["text"], reply


def test_conversations_are_kept_in_the_configured_sqlite_store(assistant):
    import sqlite3
    sender = uuid.uuid4().hex
    say(assistant, "what is a hate incident", sender)
    with sqlite3.connect(assistant.settings.tracker_db) as db:
        rows = db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()
    assert rows[0] > 0


def test_a_realistic_conversation_leaves_no_typed_text_in_the_store_but_is_understood(assistant):
    """The store keeps what each message was understood as, never what was typed (bot/rasa_plugins/store.py):
    not names written without "my name is", not a house name, not an email spelt out."""
    import sqlite3
    sender = uuid.uuid4().hex
    conversation = [
        "I'm Sarah Khan and my neighbour Darren Smith keeps shouting at me",
        "flat 3 Meridian House, jane dot doe at gmail dot com, 07700  900123",
        "can you refer me to galop",
        "help me write it down",
        "he spat at me by the bins",
    ]
    replies = [joined(say(assistant, text, sender)) for text in conversation]
    assert "does not make referrals" in replies[2]  # understood from the original words
    with sqlite3.connect(assistant.settings.tracker_db) as db:
        stored = " ".join(row[0] for row in db.execute("SELECT data FROM events WHERE sender_id = ?", (sender,)))
        intents = [row[0] for row in db.execute(
            "SELECT intent_name FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id", (sender,))]
    for word in ("Sarah", "Khan", "Darren", "Meridian", "jane", "900123", "spat", "shouting", "galop"):
        assert word.lower() not in stored.lower(), word
    assert intents[2:4] == ["request_referral", "start_notes"] and intents[4] is None  # a notes answer


def test_the_servers_logged_no_errors_and_no_message_text(assistant):
    """Run last in this module: an action that failed behind a plausible reply shows up here."""
    log = assistant.log_path.read_text(encoding="utf-8")
    assert " ERROR " not in log, log[-3000:]
    logged = [message for message, _ in CASES if message in log]
    assert not logged, f"message text in the log: {logged}"


def test_a_long_conversation_still_answers_right_and_follows_context(assistant):
    """Far past the events the store loads for each message (bot/rasa_plugins/store.py RECENT_EVENTS)."""
    sender = uuid.uuid4().hex
    for message, expected in CASES[:30]:
        text = joined(say(assistant, message, sender))
        assert all(part in text for part in expected), f"reply to {message!r} late in a conversation:\n{text}"
    say(assistant, "a group of boys were shouting homophobic abuse at me", sender)
    assert D["true_vision.web"] in joined(say(assistant, "yes please", sender))
