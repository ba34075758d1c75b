"""Danger and crisis words in the other languages the assistant answers in.

The English safety check (bot/rules/safety.py) reads English. A Polish "ratunku, ma nóż!" or an
Urdu "میرے گھر کے باہر ہیں، مدد کریں" needs the 999 answer just as surely, in that language, so
each language has lists of words (content/safety_keywords.yml): danger words, pairs of words
that are danger only together ("outside my house" + "now"), and words of suicide or self-harm.

Matching is deliberately simple, so staff and reviewers can predict it: a word matches where a
word of the message starts with it ("zabi" matches "zabije"), after both are lower-cased and, in
Latin, Cyrillic and Arabic script, stripped of accents and vowel marks, with the letters that
Arabic-script keyboards type in several ways folded to one. It leans towards firing, as the
English check does; unlike it, it has no "that was last month" rule (docs/languages.md).
"""
import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Pattern, Tuple

from ruamel.yaml import YAML

from bot.paths import ROOT
from bot.rules.folding import fold
from bot.rules.safety import DANGER, SELF_HARM

KEYWORDS_FILE = ROOT / "content" / "safety_keywords.yml"
# A word starts at the start of the message or after a space (bot/rules/folding.py makes every
# sign that is not a letter, mark or digit a space).
_WORD_START = r"(?<!\S)"


def _any_of(words: List[str]) -> Optional[Pattern[str]]:
    folded = sorted({fold(w) for w in words if w and w.strip()}, key=len, reverse=True)
    return re.compile(_WORD_START + "(?:" + "|".join(map(re.escape, folded)) + ")") if folded else None


@lru_cache(maxsize=1)
def load(path: Path = KEYWORDS_FILE) -> Dict[str, Dict[str, object]]:
    """Language code -> {"danger": pattern, "pairs": [(pattern, pattern)], "crisis": pattern}."""
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))["languages"]
    return {
        code: {
            "danger": _any_of(lists.get("danger") or []),
            "pairs": [(_any_of([first]), _any_of([second])) for first, second in lists.get("danger_pairs") or []],
            "crisis": _any_of(lists.get("crisis") or []),
        }
        for code, lists in data.items()
    }


def classify(text: str, language: Optional[str] = None) -> Optional[Tuple[str, str]]:
    """(SELF_HARM or DANGER, the language whose words fired), or None.

    With a language that has words here, only its words are read; otherwise (none, English, or one
    with no list) every language's: a message too short for its language to be recognised,
    "ratunku!", English with a Polish word in it, or Roman Urdu taken for another language, still
    gets the 999 answer. Thoughts of suicide
    or self-harm are looked for first, in every language, as in the English check.
    """
    folded = fold(text or "")
    lists = load()
    codes = [language] if language in lists else list(lists)
    for code in codes:
        if lists[code]["crisis"] and lists[code]["crisis"].search(folded):
            return SELF_HARM, code
    for code in codes:
        patterns = lists[code]
        if patterns["danger"] and patterns["danger"].search(folded):
            return DANGER, code
        if any(first.search(folded) and second.search(folded) for first, second in patterns["pairs"]):
            return DANGER, code
    return None
