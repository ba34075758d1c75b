"""Private incident notes, end to end over REST, and what the tracker store holds afterwards."""
import sqlite3
import uuid

import pytest

from bot.operations import events_db
from bot.rules import directory
from tests.helpers import joined, running_assistant, say

pytestmark = pytest.mark.e2e

D = directory.placeholder_values(directory.load())
QUESTIONS = ["what happened", "When did it happen", "Where did it happen", "said or done",
             "What do you think it was about", "anyone else", "shows what happened", "happened to you before"]
ANSWERS = [
    "a lad on the bus kept calling me a paki and pushed me",
    "last tuesday around 7pm",
    "the number 21 bus near pool meadow",
    "he said go back to your own country",
    "Race or where I am from",
    "an old lady at the front saw it all, the driver too",
    "i took a video on my phone",
    "No",
]


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with running_assistant(tmp_path_factory.mktemp("notes")) as running:
        yield running


def stored(assistant, sender: str) -> str:
    with sqlite3.connect(assistant.settings.tracker_db) as db:
        return " ".join(row[0] for row in db.execute("SELECT data FROM events WHERE sender_id = ?", (sender,)))


def start(assistant, sender: str) -> str:
    offer = joined(say(assistant, "someone shouted at me on the bus yesterday", sender))
    assert "write down what happened" in offer
    first = joined(say(assistant, "help me write it down", sender))
    assert "Nothing is sent to anyone" in first and QUESTIONS[0] in first
    return first


def test_a_resident_goes_from_what_happened_to_a_dated_summary_with_nothing_kept(assistant):
    sender = uuid.uuid4().hex
    start(assistant, sender)
    for number, answer in enumerate(ANSWERS[:-1]):
        assert QUESTIONS[number + 1] in joined(say(assistant, answer, sender)), (number, answer)
    replies = say(assistant, ANSWERS[-1], sender)
    summary = joined(replies)
    for answer in ANSWERS:
        assert answer in summary
    assert "last tuesday around 7pm (Tuesday" in summary and "about 7pm)" in summary
    assert "Your notes, written on" in summary and "None" not in summary
    assert any(r.get("custom") == {"notes": "summary"} for r in replies)
    assert D["true_vision.web"] in summary and D["police_emergency.phone"] in summary
    kept = stored(assistant, sender)
    typed = [answer for answer in ANSWERS if answer not in ("Race or where I am from", "No")]  # buttons
    assert not [answer for answer in typed if answer in kept]
    said = events_db.user_messages(assistant.settings.tracker_db, sender)
    assert said == ["", ""] + ["[NOTES ANSWER]"] * len(ANSWERS)  # the story, "help me write it down"
    assert events_db.user_intents(assistant.settings.tracker_db, sender)[2:] == [None] * len(ANSWERS)
    # The notes are over: a new message is an ordinary one, and the answers are gone.
    assert "Skipped" not in joined(say(assistant, "what is a hate incident", sender))


def test_every_question_can_be_skipped(assistant):
    sender = uuid.uuid4().hex
    start(assistant, sender)
    for number in range(7):
        skip = "skip" if number % 2 else "/skip_question"  # typed, or the Skip button
        assert QUESTIONS[number + 1] in joined(say(assistant, skip, sender)), number
    summary = joined(say(assistant, "/skip_question", sender))
    assert summary.count("Skipped") == 8 and "Your notes, written on" in summary


def test_stop_midway_forgets_the_answers(assistant):
    sender = uuid.uuid4().hex
    start(assistant, sender)
    say(assistant, ANSWERS[0], sender)
    say(assistant, ANSWERS[1], sender)
    stopped = joined(say(assistant, "stop", sender))
    assert "stopped" in stopped and "nothing was kept" in stopped
    kept = stored(assistant, sender)
    assert ANSWERS[0] not in kept and ANSWERS[1] not in kept
    # Starting again begins from the first question, with nothing remembered.
    assert QUESTIONS[0] in joined(say(assistant, "/start_notes", sender))
    assert QUESTIONS[1] in joined(say(assistant, "/skip_question", sender))


def test_danger_midway_gets_the_999_guidance_first_and_the_notes_carry_on(assistant):
    sender = uuid.uuid4().hex
    start(assistant, sender)
    say(assistant, ANSWERS[0], sender)
    replies = say(assistant, "hes outside my house right now with a knife", sender)
    assert D["police_emergency.phone"] in replies[0]["text"]
    assert replies[0]["text"].index(D["police_emergency.phone"]) < replies[0]["text"].index(QUESTIONS[2])
    assert any(r.get("custom") == {"urgency": "emergency"} for r in replies)
    # What they typed is not lost: it is their answer to "when", in the summary.
    for _ in range(5):
        say(assistant, "/skip_question", sender)
    assert "outside my house right now with a knife" in joined(say(assistant, "/skip_question", sender))


def test_what_is_this_for_and_other_questions_are_answered_then_the_notes_resume(assistant):
    sender = uuid.uuid4().hex
    start(assistant, sender)
    say(assistant, ANSWERS[0], sender)
    purpose = joined(say(assistant, "what is this for?", sender))
    assert "Nothing is sent to anyone" in purpose and QUESTIONS[1] in purpose
    report = joined(say(assistant, "how do i report it", sender))
    assert D["true_vision.web"] in report and QUESTIONS[1] in report
    assert QUESTIONS[2] in joined(say(assistant, ANSWERS[1], sender))
