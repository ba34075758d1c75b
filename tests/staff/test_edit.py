"""Editing commands: files keep their comments, quoting and order; a change is only its own lines;
a bad edit is refused and writes nothing; a crash never leaves a half-written file."""
import difflib
import os
from datetime import date

import pytest

from bot.rules import directory
from bot.staff import edit, yaml_editing
from bot.staff.training_data import nlu_examples

ODD_TOPIC_FILE = """\
# Staff notes: keep these about the forum.
version: '3.1'
nlu:
# first block
- intent: ask_forum
  examples: |
    - what is the hate crime forum\x20\x20\x20
    - "quoted" forum question
  # trailing comment in a block
- intent: ask_council_strategy
  examples: |
    - what is the council doing about hate crime
"""


def changed_lines(before: str, after: str):
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_adding_an_example_to_an_oddly_formatted_file_changes_one_line(project):
    path = project / "data" / "nlu" / "council.yml"
    original = path.read_text()
    # keep the project's other intents after the oddly formatted blocks, in the same odd style
    rest = original.split("nlu:\n", 1)[1]
    rest = rest[rest.index("  - intent: ask_awareness_week"):]
    odd = ODD_TOPIC_FILE + "".join(line[2:] + "\n" if line.startswith("  ") else line + "\n"
                                   for line in rest.splitlines())
    path.write_text(odd)
    data, yaml = yaml_editing.load(path)
    assert yaml_editing.dump(data, yaml) == odd  # loading and saving alone changes nothing

    with pytest.raises(edit.EditRefused):  # ask_forum now has 2 examples: too few, refused
        edit.add_example(project, "ask_forum", "how do groups join the forum")
    edit.add_example(project, "ask_awareness_week", "when is the next hate crime week")
    assert changed_lines(odd, path.read_text()) == ["+    - when is the next hate crime week"]


def test_add_example_on_the_real_files_is_one_added_line(project):
    path = project / "data" / "nlu" / "council.yml"
    before = path.read_text()
    changed = edit.add_example(project, "ask_forum", "  how do i get invited to  forum meetings ")
    assert changed == [path]
    assert changed_lines(before, path.read_text()) == ["+      - how do i get invited to forum meetings"]
    assert any(e.text == "how do i get invited to forum meetings" for e in nlu_examples(project / "data" / "nlu"))


def test_a_repeated_example_is_refused_and_nothing_is_written(project):
    path = project / "data" / "nlu" / "council.yml"
    before = path.read_text()
    with pytest.raises(edit.EditRefused, match="already in intent 'ask_what_is_hate_crime'"):
        edit.add_example(project, "ask_forum", "what is a hate crime")
    assert path.read_text() == before


def test_an_unknown_intent_is_refused_with_advice(project):
    with pytest.raises(edit.EditRefused, match="add-intent"):
        edit.add_example(project, "ask_fourm", "hello")


def test_add_intent_adds_examples_answer_and_rule_and_passes_validation(project):
    examples = [f"where is the hate crime reporting centre number {i}" for i in range(15)]
    edit.add_intent(project, "ask_centre_list", project / "data" / "nlu" / "reporting.yml", examples,
                    "You can find reporting centres at {reporting_centres.web}")
    domain = yaml_editing.load(project / "domain.yml")[0]
    assert "ask_centre_list" in domain["intents"]
    assert "{reporting_centres.web}" in domain["responses"]["utter_ask_centre_list"][0]["text"]
    rules = (project / "data" / "rules.yml").read_text()
    assert "      - intent: ask_centre_list\n      - action: utter_ask_centre_list\n" in rules


def test_add_intent_with_too_few_examples_is_refused(project):
    with pytest.raises(edit.EditRefused, match="needs at least 15"):
        edit.add_intent(project, "ask_new", project / "data" / "nlu" / "council.yml", ["one example"], "An answer.")
    assert "ask_new" not in (project / "domain.yml").read_text()


def test_set_response_changes_only_that_answer(project):
    path = project / "domain.yml"
    before = path.read_text()
    edit.set_response(project, "utter_thank", "You're welcome. Ask me anything else.")
    assert changed_lines(before, path.read_text()) == [
        '-    - text: "You\'re welcome. Is there anything else I can help with?"',
        '+    - text: "You\'re welcome. Ask me anything else."',
    ]


def test_set_response_refuses_a_referral_and_a_typed_number(project):
    with pytest.raises(edit.EditRefused, match="referral"):
        edit.set_response(project, "utter_thank", "I will refer you to Victim Support.")
    with pytest.raises(edit.EditRefused, match="by hand"):
        edit.set_response(project, "utter_thank", "Ring 0808 168 9111.")


def test_set_contact_changes_the_number_and_stamps_the_date(project):
    path = project / "content" / "directory.yml"
    before = path.read_text()
    edit.set_contact(project, "samaritans", "phone", "116 124", date(2026, 11, 25))
    assert changed_lines(before, path.read_text()) == [
        '-    phone: "116 123"', '+    phone: "116 124"',
        '-    checked: 2020-01-01', '+    checked: 2026-11-25',
    ]
    assert directory.load(path)["samaritans"].get("phone") == "116 124"


@pytest.mark.parametrize("contact_id, field, value, reason", [
    ("samaritan", "phone", "1", "no entry 'samaritan'"),
    ("samaritans", "fone", "1", "not a field"),
    ("samaritans", "confirmed", "maybe", "true or false"),
])
def test_set_contact_refuses_mistakes(project, contact_id, field, value, reason):
    with pytest.raises(edit.EditRefused, match=reason):
        edit.set_contact(project, contact_id, field, value, date(2026, 11, 25))


def test_a_crash_while_writing_leaves_the_old_file_and_no_temporary_file(project, monkeypatch):
    path = project / "content" / "directory.yml"
    before = path.read_text()

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError):
        edit.set_contact(project, "samaritans", "phone", "116 124", date(2026, 11, 25))
    assert path.read_text() == before
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []
