"""End to end: the real action server and Rasa server, started as `make run` starts them, over REST.

Each case is a realistic resident's message (not from the training data) and what the reply must
contain. Contacts are looked up in the directory, so the test checks the reply a resident sees.
"""
import uuid
from typing import List

import pytest
import requests

from bot import directory
from tests.helpers import running_assistant

pytestmark = pytest.mark.e2e

D = directory.placeholder_values(directory.load())
EMERGENCY = D["police_emergency.phone"]


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with running_assistant(tmp_path_factory.mktemp("assistant")) as running:
        yield running


def say(assistant, text: str, sender: str = "") -> List[dict]:
    response = requests.post(
        assistant.rest_webhook,
        json={"sender": sender or uuid.uuid4().hex, "message": text},
        timeout=30,
    )
    response.raise_for_status()
    return response.json()


def joined(replies: List[dict]) -> str:
    return "\n".join(r.get("text", "") for r in replies)


CASES = [
    # Danger now: 999 first, whatever else is asked.
    ("theres 3 lads outside my house shouting they'll burn it down", [EMERGENCY]),
    ("someone is following me home and shouting at me", [EMERGENCY]),
    ("HELP they're kicking my door in", [EMERGENCY]),
    ("a man has a knife and is shouting racist stuff at me", [EMERGENCY]),
    ("im being attacked by a group on the street", [EMERGENCY]),
    ("they set my car on fire", [EMERGENCY]),
    # Self-harm.
    ("honestly i just want to kill myself after all this", [D["samaritans.phone"], EMERGENCY]),
    ("i dont want to be alive anymore", [D["samaritans.phone"]]),
    # What hate crime is.
    ("wat counts as a hate crime", ["race", "disability", "transgender"]),
    ("whats the diffrence between hate incident and hate crime", ["not every hate incident is a crime"]),
    ("does it count if they just thought i was gay", ["thought you"]),
    ("is spray painting a slur on someones wall a hate crime", ["report"]),
    # Describing what happened.
    ("some guy on the bus called me a p*ki and told me to go back home", ["not your fault", "report"]),
    ("my neighbours keep shouting abuse at us cos we're muslim", ["not your fault"]),
    # Reporting.
    ("how do i report a racist attack", [D["police_non_emergency.phone"], D["true_vision.web"], D["crimestoppers.phone"]]),
    ("wanna report some homophobic abuse where do i go", [D["true_vision.web"]]),
    ("is it 999 or 101 if it happened last night", [D["police_non_emergency.phone"], EMERGENCY]),
    ("can i do it on the police website instead of phoning", [D["wmp_online.web"]]),
    ("is there an online form i can fill in", [D["true_vision.web"]]),
    ("can i go somewhere in coventry to report in person", ["libraries", "Family Hubs"]),
    ("i want to report it but i dont want them knowing my name", [D["crimestoppers.phone"]]),
    ("i saw a lady getting racially abused at the bus stop can i report that", ["saw it"]),
    ("someone keeps posting hateful comments about me on tiktok", ["screenshots", D["true_vision.web"]]),
    ("what evidence should i keep", ["screenshots"]),
    ("what happens after i make a report", [D["victim_support.phone"]]),
    ("im deaf, can i text the police", [D["emergency_text_relay.phone"], D["police_non_emergency.textphone"]]),
    ("i'm scared the police wont take me seriously", [D["victim_support.phone"]]),
    # Support by kind of hate.
    ("who can help me, i've been getting hate since it happened", [D["victim_support.phone"]]),
    ("im a muslim and got abused, who can support me", ["Tell MAMA", D["tell_mama.web"]]),
    ("antisemitic graffiti on our synagogue, who can help", ["CST", D["cst.phone"]]),
    ("i'm trans and got harassed, is there support", ["Galop", D["galop.phone"]]),
    ("my son has autism and kids target him, who can help us", [D["victim_support.phone"]]),
    ("where can i get support for racist abuse", [D["victim_support.phone"]]),
    ("my manager treats me badly because i'm black", [D["eass.web"]]),
    # Referral requests: the policy, then the contact.
    ("can you refer me to victim support please", ["does not make referrals", D["victim_support.phone"]]),
    ("please pass my details to someone who can help", ["does not make referrals"]),
    # Out of scope, privacy, bot challenge, council.
    ("my bins haven't been collected", [D["council.web"]]),
    # Other languages and nonsense: ask again, never a confident wrong answer.
    ("¿Dónde puedo denunciar un delito de odio?", ["did not understand", "English"]),
    ("Gdzie mogę zgłosić przestępstwo z nienawiści?", ["did not understand"]),
    ("asdfgh qwerty zxcvb", ["did not understand"]),
    ("how do i pay my council tax", [D["council.web"]]),
    ("is what i type here kept private", ["do not pass it"]),
    ("are you a real person", ["automated"]),
    ("when is national hate crime awareness week", ["October"]),
    ("what is the council doing about hate crime", ["Challenging Hate Crime Strategy"]),
    ("tell me about the coventry hate crime forum", ["Coventry Hate Crime Forum"]),
]


@pytest.mark.parametrize("message, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_realistic_message_gets_the_right_answer(assistant, message, expected):
    text = joined(say(assistant, message))
    missing = [part for part in expected if part not in text]
    assert not missing, f"reply to {message!r} lacks {missing}:\n{text}"


@pytest.mark.parametrize(
    "message",
    ["man outside my flat with a knife, how do i report to true vision",
     "they're banging on my door now, can u refer me to victim support"],
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
    assert "did not understand" in replies[0]["text"]
    assert [b["title"] for b in replies[0]["buttons"]][:3] == ["What is hate crime?", "How to report", "Get support"]


def test_greeting_says_it_is_automated_and_what_it_does(assistant):
    text = joined(say(assistant, "hiya"))
    assert "automated" in text and "report" in text and EMERGENCY in text


def test_awareness_week_dates_are_computed(assistant):
    from datetime import date
    from bot import awareness_week
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


def test_the_servers_logged_no_errors(assistant):
    """Run last in this module: an action that failed behind a plausible reply shows up here."""
    log = assistant.log_path.read_text(encoding="utf-8")
    assert " ERROR " not in log, log[-3000:]
