"""Redaction of personal details before residents' words are stored or shown to staff."""
import pytest

from bot.rules.redact import redact
from harness import privacy_report


@pytest.mark.parametrize("text, expected", [
    ("email me at sam.jones@example.co.uk please", "email me at [EMAIL] please"),
    ("my number is 07700 900123", "my number is [PHONE]"),
    ("call +44 24 7683 3333", "call [PHONE]"),
    ("I live at 12 Foleshill Road, CV6 5AA", "I live at [ADDRESS], [POSTCODE]"),
    ("his van was AB12 CDE", "his van was [VEHICLE_REG]"),
    ("my NI is AB 12 34 56 C", "my NI is [NI_NUMBER]"),
    ("card 4111 1111 1111 1111", "card [CARD]"),
    ("I was born on 12/03/1990", "I was born on [DATE_OF_BIRTH]"),
    ("my polish number is +48 512 345 678", "my polish number is [PHONE]"),
    ("number is 0044 7700 900111", "number is [PHONE]"),
    ("the reg was AB123CD", "the reg was [VEHICLE_REG]"),
    ("I live at 4b Jordan Well", "I live at [ADDRESS]"),
    ("my name is Sam Jones and I was attacked", "my name is [NAME] and I was attacked"),
    ("i'm called priya", "i'm called [NAME]"),
])
def test_personal_details_are_replaced_by_their_type(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "what is a hate crime", "call 101 or 999", "I was attacked on 12 March",
    "they shouted at me on the number 21 bus", "my name is not important",
    "there were 3 lads on Hertford street", "i am called names every day", "call me back please",
    # Public numbers from the contact directory are not personal details.
    "is 116 123 the samaritans", "the victim support line is 0808 168 9111 right",
])
def test_ordinary_messages_are_left_alone(text):
    assert redact(text) == text


def test_redaction_meets_its_targets_on_the_labelled_messages():
    """At least 98% of details caught, under 2% of clean messages altered (issue #6)."""
    report = privacy_report.measure()
    assert sum(report.total.values()) >= 150 and report.clean_messages >= 100
    assert report.recall >= privacy_report.RECALL_TARGET, report.missed
    assert report.false_positive_rate < privacy_report.FALSE_POSITIVE_LIMIT, report.altered
    assert set(report.total) == {
        "EMAIL", "PHONE", "POSTCODE", "ADDRESS", "VEHICLE_REG", "NI_NUMBER", "DATE_OF_BIRTH", "CARD", "NAME",
    }


def test_redaction_holds_its_floor_on_messages_written_apart_from_it():
    """Names without "my name is", emails spelt out, NHS numbers, handles, flats: 60.6% at first."""
    report = privacy_report.measure(privacy_report.INDEPENDENT_FILE, privacy_report.INDEPENDENT_RECALL_FLOOR)
    assert sum(report.total.values()) >= 140 and report.clean_messages >= 90
    assert report.meets_targets, (report.recall, report.missed, report.altered)


@pytest.mark.parametrize("text, kept", [
    ("call me tomorrow, i cant talk now", "call me tomorrow"),
    ("the neighbours call me terrorist every day", "terrorist"),
    ("they call me p*ki and spit at me", "p*ki"),
    ("I'm Romanian and they call me a thief", "Romanian"),
    ("I'm Muslim and I'm scared", "Muslim"),
])
def test_insults_and_identities_are_not_taken_for_names(text, kept):
    """The slur is the evidence; "I'm Polish" says who was targeted, not who is talking."""
    assert kept in redact(text)


@pytest.mark.parametrize("text, detail", [
    ("I'm Sarah Khan and they follow me", "Sarah Khan"), ("this is gary wilson, he shouted", "gary wilson"),
    ("my neighbour Darren Smith spat at me", "Darren Smith"), ("jane dot doe at example dot com", "jane dot doe"),
    ("priya.patel(at)example.org", "priya.patel"), ("nhs number 943 476 5919", "943 476 5919"),
    ("his insta is gazza.smith_1", "gazza.smith_1"), ("@cov_lad99 posted it", "@cov_lad99"),
    ("flat 3 Meridian House, top floor", "Meridian House"), ("call me on 07700  900123", "900123"),
])
def test_details_written_in_the_ways_people_write_them_are_removed(text, detail):
    assert detail not in redact(text)


def test_the_privacy_report_shows_recall_by_kind_and_what_was_missed(tmp_path):
    import io

    cases = tmp_path / "cases.yml"
    cases.write_text(
        "with_details:\n"
        "  - text: my number is 07700 900123\n    details: {PHONE: ['07700 900123']}\n"
        "  - text: my name is sam\n    details: {NAME: [sam], EMAIL: [nowhere]}\n"
        "without_details:\n  - what is a hate crime\n  - my name is sam\n",
        encoding="utf-8",
    )
    report = privacy_report.measure(cases)
    out = io.StringIO()
    privacy_report.print_report(report, out)
    assert report.recall == 2 / 3 and report.false_positive_rate == 0.5
    assert not report.meets_targets
    assert "EMAIL" in out.getvalue() and "NOT MET" in out.getvalue()
    assert "missed   EMAIL" in out.getvalue() and "altered  'my name is sam'" in out.getvalue()


def test_every_uk_number_is_redacted_however_many_a_message_holds():
    """The phonenumbers library stops after a few numbers (bot/rules/redact.py); the UK pattern does not."""
    numbers = [f"07700 9001{n:02d}" for n in range(15)]
    redacted = redact(" and ".join(numbers))
    assert not any(n in redacted for n in numbers) and redacted.count("[PHONE]") == 15


def test_an_email_inside_a_long_run_of_letters_is_still_found():
    assert redact("x" * 500 + " write to sam.jones@example.com please") == "x" * 500 + " write to [EMAIL] please"
