"""Whether a message is written in another language than English, and which.

The model was trained on English only: on a message in Polish or Urdu it still picks an intent,
sometimes with confidence, and the reply is nonsense to the reader. So a message is treated as
another language only when that is clear, and English with a foreign name or word in it ("my
neighbour Wojciech shouted at me") stays English:

- mostly letters of another script (Gurmukhi, Arabic, Bengali, Cyrillic...): that language;
- in Latin letters: at least three words, fewer than half of them words the assistant knows
  (from its training examples), and the language identifier at least 90% sure it is not English.

py3langid bundles its model (no download at run time) and classifies in well under a millisecond.
"""
import re
import unicodedata
from functools import lru_cache
from typing import Collection, Optional

ENGLISH = "en"
MIN_WORDS = 3
MAX_KNOWN_SHARE = 0.5
MIN_CONFIDENCE = 0.9
_WORD = re.compile(r"[^\W\d_]{2,}")


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


def _is_latin(character: str) -> bool:
    return character.isascii() or unicodedata.name(character, "").startswith("LATIN")


def identify(text: str) -> tuple:
    """(language code, confidence) from the identifier, for any text."""
    language, confidence = _identifier().classify(text)
    return language, float(confidence)


def other_language(text: str, known_words: Collection[str]) -> Optional[str]:
    """The language code of a message clearly not in English, or None (English, or not clear)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    if sum(not _is_latin(c) for c in letters) * 2 > len(letters):
        language, _ = identify(text)
        return language if language != ENGLISH else None
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS or sum(w in known_words for w in words) >= MAX_KNOWN_SHARE * len(words):
        return None
    language, confidence = identify(text)
    return language if language != ENGLISH and confidence >= MIN_CONFIDENCE else None
