"""One way of writing each message, so that word lists match however people type.

People type without accents on a phone ("zglosic" for "zgłosić"), and an Arabic-script keyboard
types the same letter in several ways (ي or ی, ك or ک, ه or ہ). The language markers
(bot/rules/language.py) and the danger words in other languages (bot/rules/safety_words.py) are
matched after both the message and the list are folded the same way.
"""
import re
import unicodedata

# Arabic's tatweel (ـ) only stretches a word; format characters (zero-width spaces and joiners,
# soft hyphens, direction marks) are invisible: a word typed with them is the same word.
_TATWEEL = "\u0640"
# Letters an Arabic-script keyboard types in several ways, for the marker words (which keep accents).
ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ہ": "ه", "ۃ": "ه", "ھ": "ه",
                                "ى": "ی", "ي": "ی", "ې": "ی", "ك": "ک"})
# Scripts whose accents and vowel marks people often leave out when typing.
_MARKS_DROPPED_AFTER = ("LATIN", "CYRILLIC", "ARABIC")
# Letters an Arabic-script keyboard types in several ways (Arabic, Urdu, Persian), folded to one.
# For the word lists, also ł (which has no accent to drop) and the apostrophes.
_FOLD = {**ARABIC_LETTERS, **str.maketrans({"ł": "l", "’": "'", "ʼ": "'", "‘": "'"})}


def visible(text: str) -> str:
    """The text as it looks: compatibility forms made plain (full-width ｋｎｉｆｅ is knife), and no
    invisible characters or tatweel inside words ("ratu\u200bnku" is ratunku)."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if c != _TATWEEL and unicodedata.category(c) != "Cf")


def as_written(word: str) -> str:
    """Lower case, as typed, with Arabic-script letter variants folded: marker words keep their
    accents ("cât" is Romanian, "cat" is English)."""
    return unicodedata.normalize("NFC", visible(word).lower()).translate(ARABIC_LETTERS)


def fold(text: str) -> str:
    """Lower case, one way of writing each letter, no accents or vowel marks in the scripts where
    people often leave them out, and every sign that is not a letter, mark or digit (punctuation,
    emoji) made a space, so "😭pomocy" and "*ratunku*" start a word. Used on the message and the
    keywords alike."""
    # Folded after decomposing, so that a letter carrying a hamza (ئ) folds as its base letter does.
    decomposed = unicodedata.normalize("NFD", visible(text).lower()).translate(_FOLD)
    kept, base_script = [], ""
    for character in decomposed:
        if unicodedata.combining(character):
            if base_script in _MARKS_DROPPED_AFTER:
                continue
        elif unicodedata.category(character)[0] in "PSZ":
            character, base_script = " ", ""
        else:
            name = unicodedata.name(character, "")
            base_script = name.split(" ", 1)[0] if name else ""
        kept.append(character)
    return re.sub(r"\s+", " ", "".join(kept)).strip()
