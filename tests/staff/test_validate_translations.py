"""`python -m bot validate` on the translations: a lost or typed number is an error; a translation
not yet checked by a fluent speaker is a warning; every language offered has texts and danger words."""
from tests.staff.test_validate import run
from tests.staff_fixtures import line_of, replace_in


def test_every_unreviewed_translation_is_a_warning_not_an_error(capsys):
    from bot.paths import ROOT

    status, out = run(ROOT, capsys)
    assert status == 0
    assert out.count("not yet checked by a fluent speaker") == 10


def test_a_lost_placeholder_is_an_error_with_its_line(project, capsys):
    path = project / "content" / "translations" / "pl.yml"
    replace_in(path, "Zadzwoń pod numer {police_emergency.phone}. Powiedz", "Zadzwoń pod numer 999. Powiedz")
    status, out = run(project, capsys)
    assert status == 1
    line = line_of(path, "  essentials: |-")
    assert f"content/translations/pl.yml:{line}: answers 'essentials' must keep the placeholders" in out
    assert "types '999' by hand" in out


def test_a_missing_text_and_a_wrong_direction_are_errors(project, capsys):
    path = project / "content" / "translations" / "ur.yml"
    replace_in(path, "direction: rtl", "direction: right")
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("  support: |-")] + text[text.index("  check_details:"):], encoding="utf-8")
    status, out = run(project, capsys)
    assert status == 1
    assert "answers 'support' is missing" in out and "direction must be ltr" in out


def test_a_language_offered_without_danger_words_is_an_error(project, capsys):
    replace_in(project / "content" / "safety_keywords.yml", "\n  ti:\n", "\n  ti_not_this:\n")
    status, out = run(project, capsys)
    assert status == 1
    assert "'ti' has no danger words" in out
