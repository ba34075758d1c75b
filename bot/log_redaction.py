"""Redact personal details from every log line the Rasa server writes.

At DEBUG Rasa logs every message as typed; this filter, on each of the root logger's handlers,
rewrites the line through bot/redact.py first, so even a debugging session writes no email,
phone number or name to disk. Above DEBUG no message text is written at all: Rasa's channels
log the whole message with some errors (a request the client gave up on, for one), as a
structured "text" field, which is replaced.
"""
import logging
import re

from bot.redact import redact

TEXT_FIELD = re.compile(r'("text":\s*)"(?:[^"\\]|\\.)*"')
NOT_LOGGED = r'\1"[message not logged]"'


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        line = redact(record.getMessage())
        if record.levelno > logging.DEBUG:
            line = TEXT_FIELD.sub(NOT_LOGGED, line)
        record.msg = line
        record.args = ()
        return True


def install() -> None:
    """Add the filter to every handler of the root logger (where all of Rasa's logs end up)."""
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())
