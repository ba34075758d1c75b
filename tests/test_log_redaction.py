"""Log lines are redacted before any handler writes them."""
import io
import logging

from bot import log_redaction


def test_a_debug_line_with_a_message_is_written_without_its_personal_details():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    root = logging.getLogger()
    root.addHandler(handler)
    old_level = root.level
    root.setLevel(logging.DEBUG)
    try:
        log_redaction.install()
        logging.getLogger("rasa.core.processor").debug("Received user message '%s'", "email me at sam@example.org")
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    assert stream.getvalue() == "Received user message 'email me at [EMAIL]'\n"

