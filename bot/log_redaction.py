"""Redact personal details from every log line the Rasa server writes.

At the default level (WARNING) Rasa logs no message text. At DEBUG it logs every message as
typed; this filter, on each of the root logger's handlers, rewrites the line through
bot/redact.py first, so even a debugging session writes no email, phone number or name to disk.
"""
import logging

from bot.redact import redact


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = ()
        return True


def install() -> None:
    """Add the filter to every handler of the root logger (where all of Rasa's logs end up)."""
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())
