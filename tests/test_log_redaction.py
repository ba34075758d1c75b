"""Log lines are redacted before any handler writes them."""
import io
import logging

from bot import log_redaction


def logged(level: int, logger: str, message: str, *args: str) -> str:
    """What a handler of the root logger writes for one log call, with the filter installed."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    root = logging.getLogger()
    root.addHandler(handler)
    old_level = root.level
    root.setLevel(logging.DEBUG)
    try:
        log_redaction.install()
        logging.getLogger(logger).log(level, message, *args)
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    return stream.getvalue()


def test_a_debug_line_with_a_message_is_written_without_its_personal_details():
    line = logged(logging.DEBUG, "rasa.core.processor", "Received user message '%s'", "email me at sam@example.org")
    assert line == "Received user message 'email me at [EMAIL]'\n"


def test_above_debug_a_message_logged_with_an_error_is_not_written_at_all():
    # What Rasa's REST channel logs when the client gives up waiting (seen in the failover test).
    event = '{"text": "they called me a \\"paki\\" outside 4 Jordan Well", "event": "rest.message.received.timeout"}'
    line = logged(logging.ERROR, "rasa.core.channels.rest", event)
    assert line == '{"text": "[message not logged]", "event": "rest.message.received.timeout"}\n'

