"""A deterministic check, on every message, for danger now and for thoughts of suicide or self-harm.

The intent model can be wrong; this check cannot be talked out of its rules. When it fires, the
assistant gives the 999 (or crisis) guidance first, whatever else the message asks. The rules
lean towards firing: a needless "if you are in danger now, call 999" costs a line of text, a
missed one could cost far more. But a false alarm is not free either (a broken street light
"outside my house" answered with 999 frightens, and teaches people to skip the warning), so:

- a danger sign fires unless the message is clearly told afterwards: it names a time that is
  over ("last month", "two weeks ago", "back in October") or says it is over ("I'm home now",
  "they ran off"), and says nothing of now ("right now", "still here", "tonight", "is following");
- "outside my house" is danger only with someone there ("a gang outside my house"), not a lamp;
- thoughts of suicide or self-harm always fire, told afterwards or not.

Cases, and the measure of this check: tests/safety_cases.yml and `make safety-report`.
"""
import re
from typing import List, Optional

from bot.rules import safety_patterns as patterns
from bot.rules.folding import visible

DANGER = "emergency"
SELF_HARM = "crisis_self_harm"

_SELF_HARM_RE = re.compile("|".join(patterns.SELF_HARM_PATTERNS))
_DANGER_RE = [re.compile(p) for p in patterns.DANGER_PATTERNS]
_NEGATED_RE = re.compile("|".join(patterns.NEGATED))
_OVER_RE = re.compile("|".join(patterns.OVER))
_NOW_RE = re.compile("|".join(patterns.NOW))


def normalise(text: str) -> str:
    """Lower case, without invisible characters ("kn\u200bife" is knife), straight apostrophes,
    letters repeated 3+ times cut to two ('helppp' -> 'helpp'), common text-speak spelt out
    ('rn' -> 'right now')."""
    text = visible(text).lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"(\w)\1{2,}", r"\1\1", text)
    for short, long in patterns.TEXT_SPEAK:
        text = re.sub(short, long, text)
    return re.sub(r"\s+", " ", text)


def danger_signs(text: str) -> List[str]:
    """The words of a (normalised, negations removed) message that are signs of danger."""
    return [match.group(0) for pattern in _DANGER_RE for match in [pattern.search(text)] if match]


def told_afterwards(text: str) -> bool:
    """The message says when, and it is over, and nothing in it says now."""
    return bool(_OVER_RE.search(text)) and not _NOW_RE.search(_OVER_RE.sub(" ", text))


def says_no_danger_now(text: str) -> bool:
    """The message says the danger is over or absent ("I'm not in danger", "it was last month,
    I'm home now"). The model cannot read that; the safety component uses this to overrule a
    danger guess of the model's on such a message."""
    clean = normalise(text or "")
    return bool(_NEGATED_RE.search(clean)) or told_afterwards(_NEGATED_RE.sub(" ", clean))


def classify(text: str) -> Optional[str]:
    """Return SELF_HARM, DANGER or None for one message.

    Self-harm is checked first: "I want to kill myself" needs the crisis answer, and the danger
    patterns would otherwise read it as a threat from someone else.
    """
    clean = normalise(text or "")
    if _SELF_HARM_RE.search(clean):
        return SELF_HARM
    without_negations = _NEGATED_RE.sub(" ", clean)
    if danger_signs(without_negations) and not told_afterwards(without_negations):
        return DANGER
    return None
