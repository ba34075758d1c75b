"""Replace personal details in text with typed placeholders such as [EMAIL] or [PHONE].

Used wherever residents' words leave the conversation itself (for example the staff stats), so
that a message like "my name is Sam, call me on 07700 900123" is counted without the details.
"""
import re
from typing import List, Tuple

_FLAGS = re.IGNORECASE
_STREET = (r"road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|court|ct|crescent|grove|"
           r"place|terrace|gardens|walk|row|hill|park|square|mews")
# Words that follow "call me" or "my name is" without being a name ("call me back", "on 0770...").
_STOP_AFTER_NAME = r"(?!(?:and|i|im|i'm|from|but|so|not|on|at|back|later|now|please|if|when|by)\b)"

# Order matters: longer, more specific patterns first (a card number is not a phone number).
PATTERNS: List[Tuple[str, "re.Pattern[str]"]] = [
    ("EMAIL", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b", _FLAGS)),
    ("CARD", re.compile(r"\b(?:\d[ -]?){12,18}\d\b")),
    ("NI_NUMBER", re.compile(r"\b[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b", _FLAGS)),
    ("PHONE", re.compile(r"(?<!\w)(?:\+44\s?\(?0?\)?\s?|\(?0)(?:\d[\s-]?\)?){8,10}\d\b")),
    ("POSTCODE", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b", _FLAGS)),
    ("DATE_OF_BIRTH", re.compile(
        r"\b(?:born on|born|dob|date of birth)\W*(?:\d{1,2}(?:st|nd|rd|th)?[\s/.-]\w+[\s/.-]\d{2,4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})", _FLAGS)),
    ("ADDRESS", re.compile(rf"\b\d{{1,4}}[a-z]?,?\s+(?:[a-z']+\s+){{1,3}}(?:{_STREET})\b", _FLAGS)),
    ("VEHICLE_REG", re.compile(r"\b[A-Z]{2}\d{2} ?[A-Z]{3}\b", _FLAGS)),
]

_NAME_INTRO = re.compile(
    rf"\b(my name is|my name's|i'm called|i am called|im called|call me|name's)\s+{_STOP_AFTER_NAME}([a-z][a-z'-]+)(\s+{_STOP_AFTER_NAME}[a-z][a-z'-]+)?",
    _FLAGS,
)


def _redact_names(text: str) -> str:
    return _NAME_INTRO.sub(lambda m: f"{m.group(1)} [NAME]", text)


def redact(text: str) -> str:
    """The text with each personal detail replaced by its type, e.g. [EMAIL]."""
    for label, pattern in PATTERNS:
        text = pattern.sub(f"[{label}]", text)
    return _redact_names(text)
