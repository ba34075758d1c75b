"""`python -m bot validate`: each rule turns a broken file into a file:line message and exit 1."""
import re
from datetime import date

import pytest

from bot.paths import ROOT
from bot.staff import content_checks, validate, yaml_checks
from tests.staff_fixtures import line_of, replace_in


def run(project, capsys):
    status = validate.run(project, with_rasa=False)
    return status, capsys.readouterr().out


def test_the_real_project_passes(capsys):
    status, out = run(ROOT, capsys)
    assert status == 0, out
    assert "All good: 0 errors" in out


def test_broken_yaml_is_reported_with_its_line(project, capsys):
    path = project / "data" / "nlu" / "council.yml"
    replace_in(path, "    examples: |\n      - what is the hate crime forum",
               "    examples: |\n    - what is: [the forum")
    status, out = run(project, capsys)
    assert status == 1
    match = re.search(r"data/nlu/council\.yml:(\d+): the YAML is not valid", out)
    assert match and int(match.group(1)) >= line_of(path, "what is: [the forum"), out


def test_an_unknown_key_is_named(project, capsys):
    path = project / "data" / "nlu" / "council.yml"
    replace_in(path, "  - intent: ask_forum\n    examples: |", "  - intent: ask_forum\n    exampels: |")
    status, out = run(project, capsys)
    assert status == 1
    assert f"data/nlu/council.yml:{line_of(path, 'exampels')}: unknown key 'exampels'" in out


def test_a_repeated_example_is_reported_with_both_places(project, capsys):
    path = project / "data" / "nlu" / "council.yml"
    replace_in(path, "      - coventry hate crime forum\n",
               "      - coventry hate crime forum\n      - what is a hate crime\n")
    status, out = run(project, capsys)
    assert status == 1
    assert (f"data/nlu/council.yml:{line_of(path, '- what is a hate crime')}: "
            "the example 'what is a hate crime' is already in intent 'ask_what_is_hate_crime'") in out


def test_too_few_examples(project, capsys):
    path = project / "data" / "nlu" / "council.yml"
    text = path.read_text()
    if "ask_statistics" in text:
        start = text.index("  - intent: ask_statistics")
    else:
        start = text.index("  - intent: contact_hate_crime_lead")
    lines = text[start:].splitlines()
    path.write_text(text[:start] + "\n".join(lines[:5]) + "\n")
    status, out = run(project, capsys)
    assert status == 1
    assert "examples; it needs at least 15" in out


@pytest.mark.parametrize(
    "new_text, expected",
    [
        ("Call Victim Support on 0808 168 9111.", "types '0808 168 9111' by hand"),
        ("Go to https://example.org for help.", "types 'https://example.org' by hand"),
        ("Call {victim_suport.phone}.", "uses {victim_suport.phone}, which is not in the contact directory"),
        ("Don't worry, we'll pass your details to Victim Support.", "offers or claims a referral"),
        ("Notwithstanding jurisdictional considerations, unsubstantiated characterisations notwithstanding, "
         "discriminatory victimisation necessitates comprehensive institutional intervention.", "reading age"),
    ],
)
def test_response_rules(project, capsys, new_text, expected):
    path = project / "domain.yml"
    replace_in(path, '"You\'re welcome. Is there anything else I can help with?"', f'"{new_text}"')
    status, out = run(project, capsys)
    assert status == 1
    assert f"domain.yml:{line_of(path, 'utter_thank:')}: " in out and expected in out


def test_an_intent_without_a_rule_and_an_unused_response(project, capsys):
    replace_in(project / "data" / "rules.yml", "      - intent: ask_forum\n      - action: utter_ask_forum\n", "")
    status, out = run(project, capsys)
    assert status == 1
    assert "intent 'ask_forum' has no rule or story" in out
    assert "response 'utter_ask_forum' is not used by any rule or story" in out


def test_directory_entry_errors_and_warnings(project, capsys):
    path = project / "content" / "directory.yml"
    replace_in(path, "    confirmed: true\n    note: Free to call", "    confirmed: yes please\n    note: Free to call")
    status, out = run(project, capsys)
    assert status == 1
    assert (f"content/directory.yml:{line_of(path, 'police_non_emergency:')}: "
            "entry 'police_non_emergency': 'confirmed' must be true or false") in out


def test_old_and_unconfirmed_entries_are_warnings_not_errors():
    problems = content_checks.check(yaml_checks.Project(ROOT, today=date(2026, 11, 25)))
    stale = [p for p in problems if "over 180 days ago" in p.message]
    unconfirmed = [p for p in problems if "is not confirmed" in p.message]
    assert stale and unconfirmed
    assert not any(p.error for p in stale + unconfirmed)
    assert any("'tell_mama' is not confirmed" in p.message for p in unconfirmed)


def test_tabs_instead_of_spaces_are_caught(project, capsys):
    path = project / "data" / "nlu" / "council.yml"
    replace_in(path, "      - coventry hate crime forum\n", "\t- coventry hate crime forum\n")
    status, out = run(project, capsys)
    assert status == 1
    assert "data/nlu/council.yml:" in out and "spaces, not tabs" in out


def test_a_date_written_in_words_is_caught(project, capsys):
    path = project / "content" / "directory.yml"
    text = path.read_text()
    start = text.index("  samaritans:")
    path.write_text(text[:start] + text[start:].replace("checked: 2020-01-01", "checked: 1 May 2026", 1))
    status, out = run(project, capsys)
    assert status == 1
    assert (f"content/directory.yml:{line_of(path, 'samaritans:')}: "
            "entry 'samaritans': 'checked' must be a date written as YYYY-MM-DD") in out


def test_a_rule_longer_than_the_assistant_looks_back_is_refused(project, capsys):
    path = project / "data" / "rules.yml"
    steps = "".join("      - intent: greet\n      - action: utter_greet\n" for _ in range(11))
    replace_in(path, "rules:\n", f"rules:\n  - rule: A very long exchange\n    steps:\n{steps}")
    status, out = run(project, capsys)
    assert status == 1
    assert f"data/rules.yml:{line_of(path, '- rule: A very long exchange')}: 'A very long exchange' has 22 steps" in out


def test_the_longest_rule_allowed_fits_in_what_the_store_loads():
    from bot.rasa_plugins.store import RECENT_EVENTS

    assert yaml_checks.MAX_DIALOGUE_STEPS * yaml_checks.EVENTS_PER_STEP <= RECENT_EVENTS


def test_a_topic_title_for_no_topic_or_too_long_is_reported(project, capsys):
    path = project / "content" / "topic_titles.yml"
    replace_in(path, "  ask_forum: The Hate Crime Forum", "  ask_forums: The Hate Crime Forum")
    replace_in(path, "  ask_statistics: Hate crime figures", "  ask_statistics: " + "Figures " * 6)
    status, out = run(project, capsys)
    assert status == 1
    assert f"content/topic_titles.yml:{line_of(path, 'ask_forums')}: 'ask_forums' is not a topic" in out
    assert f"content/topic_titles.yml:{line_of(path, 'ask_statistics')}: the title of 'ask_statistics'" in out


def test_an_unconfirmed_entry_in_an_answer_the_server_sends_itself_is_an_error(project, capsys):
    """Those answers bypass the response generator, which adds the 'please check' line to others."""
    path = project / "domain.yml"
    replace_in(path, "Please wait a minute, then try again.", "Please wait a minute, or use {true_vision.web}.")
    status, out = run(project, capsys)
    assert status == 1
    assert "response 'utter_slow_down' shows {true_vision.web}, which is not confirmed" in out
    assert "response 'utter_support_lgbt' shows {galop.phone}" in out and "warning" in out
