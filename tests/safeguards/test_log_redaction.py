"""No log line holds what a person typed, at any level, in any quoting, in a traceback too."""
import io
import json
import logging

from bot.safeguards import log_redaction

TYPED = "they called me a p*ki outside 4 Jordan Well"


def logged(level: int, logger: str, message: str, *args: str, exc_info: bool = False) -> str:
    """What a handler of the root logger writes for one log call, with the filter installed."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    root = logging.getLogger()
    root.addHandler(handler)
    old_level = root.level
    root.setLevel(logging.DEBUG)
    try:
        log_redaction.install()
        logging.getLogger(logger).log(level, message, *args, exc_info=exc_info)
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    return stream.getvalue()


def test_a_message_noted_on_arrival_is_in_no_log_line_at_any_level_or_quoting():
    log_redaction.TYPED.note(TYPED)
    for level in (logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR):
        assert logged(level, "rasa.core.processor", "Received user message '%s'", TYPED) == \
            "Received user message '[message not logged]'\n"
    structured = logged(logging.DEBUG, "rasa.core.processor", "parse_data_text=%s intent=x", TYPED)
    assert "Jordan" not in structured
    quoted = 'he said "go home, p*ki"\nthen walked off towards Jordan Well'
    log_redaction.TYPED.note(quoted)
    assert "Jordan" not in logged(logging.WARNING, "rasa", json.dumps({"message": quoted}))
    assert "Jordan" not in logged(logging.WARNING, "rasa", "tracker: %r", {"text": quoted})


def test_a_traceback_holding_the_message_is_written_without_it():
    log_redaction.TYPED.note(TYPED)
    try:
        raise ValueError(f"could not parse {TYPED!r}")
    except ValueError:
        line = logged(logging.ERROR, "rasa.core.channels", "Exception when handling a message", exc_info=True)
    assert "ValueError" in line and "Jordan" not in line


def test_above_debug_a_text_field_is_not_written_and_details_are_redacted_anyway():
    event = '{"text": "anything at all", "event": "rest.message.received.timeout"}'
    assert logged(logging.ERROR, "rasa.core.channels.rest", event) == \
        '{"text": "[message not logged]", "event": "rest.message.received.timeout"}\n'
    assert logged(logging.DEBUG, "x", "email me at %s", "sam@example.org") == "email me at [EMAIL]\n"
