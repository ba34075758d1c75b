"""Incident notes: reading "when", the summary's values, and keeping answers out of the store."""
from datetime import datetime

import pytest
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SlotSet, UserUttered

from bot.rasa_plugins.notes_memory import HeldInProcess, NotesMemory
from bot.rasa_plugins.stored_events import NOTES_ANSWER, storable
from bot.rules import notes

# A Wednesday evening.
NOW = datetime(2026, 11, 25, 20, 15, tzinfo=notes.LONDON)


@pytest.mark.parametrize("said, understood", [
    ("yesterday about 6", "Tuesday 24 November 2026, about 6 o'clock"),
    ("yesterday at about 6pm", "Tuesday 24 November 2026, about 6pm"),
    ("last Tuesday", "Tuesday 24 November 2026"),  # the summary shows their words too
    ("tuesday", "Tuesday 24 November 2026"),
    ("last wednesday", "Wednesday 18 November 2026"),
    ("on saturday at 3", "Saturday 21 November 2026, 3 o'clock"),
    ("monday evening", "Monday 23 November 2026, in the evening"),
    ("Friday night", "Friday 20 November 2026, at night"),
    ("last night around 10pm", "Tuesday 24 November 2026, about 10pm"),
    ("this morning", "Wednesday 25 November 2026, in the morning"),
    ("earlier today about 4ish", "Wednesday 25 November 2026, about 4 o'clock"),
    ("today at 14:30", "Wednesday 25 November 2026, 14:30"),
    ("the day before yesterday", "Monday 23 November 2026"),
    ("3 days ago", "Sunday 22 November 2026"),
    ("a couple of days ago in the afternoon", "Monday 23 November 2026, in the afternoon"),
    ("a week ago", "Wednesday 18 November 2026"),
    ("2 weeks ago", "Wednesday 11 November 2026"),
    ("12/11/2026", "Thursday 12 November 2026"),
    ("12/11", "Thursday 12 November 2026"),
    ("1/2/25", "Saturday 1 February 2025"),
    ("12th of November", "Thursday 12 November 2026"),
    ("November 3rd", "Tuesday 3 November 2026"),
    ("21 oct 2025 at 9.15am", "Tuesday 21 October 2025, 9:15am"),
    ("about half 7 yesterday", "Tuesday 24 November 2026, about half past 7"),
    ("about 6 o'clock on sunday", "Sunday 22 November 2026, about 6 o'clock"),
    ("24 December", "Wednesday 24 December 2025"),  # not yet this year, so last year's
])
def test_when_is_understood_as_people_write_it(said, understood):
    assert notes.read_when(said, NOW) == understood


@pytest.mark.parametrize("said", ["i can't remember", "last week sometime", "ages ago", "31/02/2026",
                                  "he had 2 mates with him"])
def test_when_that_gives_no_day_or_time_is_left_in_their_words(said):
    assert notes.read_when(said, NOW) is None


def test_the_summary_shows_answers_skips_and_the_date_it_was_written():
    values = notes.summary_values({"notes_what": "a man shouted at me", "notes_when": "yesterday about 6",
                                   "notes_where": notes.SKIPPED}, NOW)
    assert values["notes_what"] == "a man shouted at me"
    assert values["notes_when"] == "yesterday about 6 (Tuesday 24 November 2026, about 6 o'clock)"
    assert values["notes_where"] == "Skipped"
    assert values["notes_people"] == notes.NOT_ANSWERED
    assert values["notes_written_at"] == "Wednesday 25 November 2026 at 8:15pm"


def conversation(*answers):
    """Events of a notes conversation: the start, then one answer per question."""
    events = [UserUttered("help me write it down", {"name": "start_notes"}), ActionExecuted("utter_start_notes"),
              ActionExecuted(notes.FORM), ActiveLoop(notes.FORM), SlotSet("requested_slot", "notes_what")]
    for slot, answer in zip(notes.SLOTS, answers):
        events += [ActionExecuted("action_listen"), UserUttered(answer, {"name": "tell_experience"}),
                   SlotSet(slot, answer), ActionExecuted(notes.FORM)]
    return events


def test_no_answer_reaches_the_store_only_placeholders():
    events = conversation("a lad called me a paki on the 21 bus", "yesterday about 6")
    events += [ActiveLoop(None), BotUttered("What happened: a lad called me a paki on the 21 bus"),
               SlotSet("notes_what", None)]
    stored = list(storable(events, 0, notes.answers({"notes_what": "a lad called me a paki on the 21 bus",
                                                     "notes_when": "yesterday about 6"})))
    text = " ".join(str(e.as_dict()) for e in stored)
    assert "paki" not in text and "yesterday" not in text
    assert (stored[0].text, stored[0].intent_name) == ("", "start_notes")  # understood; its text not kept
    assert [e.intent_name for e in stored if isinstance(e, UserUttered)][1:] == [None, None]  # nor answers' intents
    assert [e.text for e in stored if isinstance(e, UserUttered)][1:] == [NOTES_ANSWER, NOTES_ANSWER]
    assert all(e.value is None for e in stored if isinstance(e, SlotSet) and e.key in notes.SLOTS)
    assert any(isinstance(e, BotUttered) and e.text == f"What happened: {NOTES_ANSWER}" for e in stored)


def test_short_answers_are_blanked_as_words_not_inside_other_words():
    stored = list(storable([BotUttered("Happened before: no. Nothing is kept.")], 0, ("no",)))
    assert stored[0].text == f"Happened before: {NOTES_ANSWER}. Nothing is kept."


class FakeTracker:
    def __init__(self, sender_id, loop, values):
        self.sender_id, self.active_loop_name = sender_id, loop
        self.values = dict(values)

    def get_slot(self, slot):
        return self.values.get(slot)

    def update(self, event):
        self.values[event.key] = event.value


def test_answers_are_held_in_memory_while_the_form_runs_and_forgotten_when_it_ends():
    clock = [0.0]
    memory = NotesMemory(HeldInProcess(clock=lambda: clock[0]))
    memory.keep(FakeTracker("a", notes.FORM, {"notes_what": "shouted at"}))
    reloaded = FakeTracker("a", notes.FORM, {})
    assert memory.restore(reloaded) == [SlotSet("notes_what", "shouted at")]
    assert reloaded.get_slot("notes_what") == "shouted at"
    memory.keep(FakeTracker("a", None, {"notes_what": "shouted at"}))  # finished or stopped
    assert "a" not in memory
    memory.keep(FakeTracker("b", notes.FORM, {"notes_what": "x"}))
    clock[0] += 3601
    later = FakeTracker("b", notes.FORM, {})
    assert memory.restore(later) == []
    assert later.get_slot("notes_what") is None and "b" not in memory
