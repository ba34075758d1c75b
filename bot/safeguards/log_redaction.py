"""Keep what people type out of every log line, at every log level, tracebacks included.

Rasa logs messages as typed in many places and shapes: at DEBUG every message, above it the whole
message with some errors (a request the client gave up on), as a structured "text" field. So the
message checks (bot/safeguards/limits.py) note each message as it arrives, for a minute, and this filter,
on each of the root logger's handlers, replaces any of those messages found in a line, or in a
traceback, with "[message not logged]", however it is quoted. As a second net, "text" fields are
replaced too and the rest of the line goes through the redactor (bot/rules/redact.py).
"""
import json
import logging
import re
import threading
import time
import warnings
from collections import OrderedDict
from typing import Iterable

from bot.rules.redact import redact

TEXT_FIELD = re.compile(r'("text":\s*)"(?:[^"\\]|\\.)*"')
NOT_LOGGED = "[message not logged]"
REMEMBER_SECONDS = 60.0
MAX_REMEMBERED = 2000
MIN_LENGTH = 3  # shorter messages ("hi", "ok") are words any log line may hold; nothing to hide


class TypedMessages:
    """The messages received in the last minute, to find in log lines. Bounded in size and time."""

    def __init__(self) -> None:
        self._seen: "OrderedDict[str, float]" = OrderedDict()
        self._lock = threading.Lock()

    def note(self, text: str) -> None:
        if len(text.strip()) < MIN_LENGTH:
            return
        with self._lock:
            self._seen.pop(text, None)
            self._seen[text] = time.monotonic() + REMEMBER_SECONDS
            while len(self._seen) > MAX_REMEMBERED:
                self._seen.popitem(last=False)

    def current(self) -> Iterable[str]:
        now = time.monotonic()
        with self._lock:
            while self._seen and next(iter(self._seen.values())) < now:
                self._seen.popitem(last=False)
            return list(self._seen)


TYPED = TypedMessages()


def scrub(line: str, typed: Iterable[str]) -> str:
    """The line without any of the typed messages (as written, JSON-escaped or repr-quoted), without
    "text" fields, and redacted."""
    for text in sorted(typed, key=len, reverse=True):
        for form in {text, json.dumps(text)[1:-1], repr(text)[1:-1]}:
            line = line.replace(form, NOT_LOGGED)
    return redact(TEXT_FIELD.sub(r'\1"' + NOT_LOGGED + '"', line))


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        typed = TYPED.current()
        record.msg = scrub(record.getMessage(), typed)
        record.args = ()
        if record.exc_info:
            record.exc_text = scrub(logging.Formatter().formatException(record.exc_info), typed)
            record.exc_info = None
        return True


def installed() -> bool:
    """Whether every handler of the root logger has the filter, and Python's warnings go through
    them (the start-up check asks)."""
    handlers = logging.getLogger().handlers
    warnings_logged = getattr(warnings.showwarning, "__module__", "") == logging.__name__
    return warnings_logged and bool(handlers) and all(
        any(isinstance(f, RedactingFilter) for f in h.filters) for h in handlers)


def install() -> None:
    """Add the filter to every handler of the root logger (where all of Rasa's logs end up), and
    send Python's warnings there too: Rasa warns about a typed button payload ("/greet{...}")
    quoting it whole, and warnings are otherwise written straight to the terminal."""
    logging.captureWarnings(True)
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())
