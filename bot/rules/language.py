"""Which language a message is written in: English, another language, or not clear.

The intent model was trained on English only: on a message in Polish or Urdu it still picks an
intent, and the reply is nonsense to the reader. So a message is treated as another language only
when that is clear, and English with a foreign name or word in it ("my neighbour Wojciech shouted
at me") stays English. In order:

1. Letters of one script settle most cases: Gurmukhi is Punjabi, Bengali script Bengali, Gujarati
   script Gujarati, Ethiopic Tigrinya (docs/languages.md). Arabic and Cyrillic script are told
   apart by letters only one language uses (Urdu's ے ں ٹ ڈ ڑ ہ, Arabic's ة, Ukrainian's і ї є ґ),
   then by distinctive words (Punjabi in Shahmukhi script), and only then by the language library.
2. Latin letters: a short message is another language only if it has a word only that language
   uses (content/language_markers.yml) and no more English words than those. A longer one needs
   fewer than half of its words to be words the assistant knows, and the language library at least
   MIN_CONFIDENCE sure it is not English.

The library is lingua (lingua-language-detector): it bundles its models (no download at run time)
and works offline. Its "low accuracy mode" needs about 50 MB and a tenth of a millisecond per
message; its full models need over 600 MB, which a chat server cannot spare, and did no better
here on messages long enough for the library to decide (docs/languages.md).
"""
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any, Collection, Dict, Iterable, Mapping, Optional, Set

from ruamel.yaml import YAML

from bot.paths import ROOT
from bot.rules.folding import as_written, visible

ENGLISH = "en"
# The entity that carries a message's language, and the slot it fills (domain.yml).
ENTITY = "language"
MARKERS_FILE = ROOT / "content" / "language_markers.yml"
# Latin-script messages: shorter than this, the library is not asked (it guesses on a word or two).
MIN_WORDS_FOR_LIBRARY = 3
MAX_KNOWN_SHARE = 0.5
MIN_CONFIDENCE = 0.5
# So sure of another language that a shared word ("porque" is Spanish and Portuguese) cannot outvote it.
SURE = 0.95
# A language the assistant has no answers in, written in Latin letters, needs this many words too.
MIN_WORDS_UNOFFERED = 5
ENGLISH_NAME, MAX_WORDS_ASKING_FOR_ENGLISH = "english", 3
LANGUAGES_FILE = ROOT / "content" / "languages.yml"
# A message at least this share of whose letters are of another script is in that script's language.
MIN_SHARE_OF_OWN_SCRIPT = 0.3
# A script not named here (Tamil, Devanagari, Chinese...) gives the language of that script.
SCRIPT_LANGUAGES = {"GURMUKHI": "pa", "BENGALI": "bn", "GUJARATI": "gu", "ETHIOPIC": "ti",
                    "TAMIL": "ta", "DEVANAGARI": "hi", "SINHALA": "si", "THAI": "th", "HANGUL": "ko",
                    "HIRAGANA": "ja", "KATAKANA": "ja", "CJK": "zh", "GREEK": "el", "HEBREW": "he"}
# Letters only one of the languages of the script uses.
ONLY_URDU = set("ےںٹڈڑہھ")
ONLY_ARABIC = set("ةىيك")
NOT_URDU = set("ه")  # Arabic and Persian write this heh; Urdu writes ہ and ھ
ONLY_PERSIAN = set("ژ")
ONLY_UKRAINIAN = set("іїєґ")
ONLY_RUSSIAN = set("ыэёъ")
# The languages the library chooses among, by script. Latin: the languages of Coventry's
# residents written in Latin letters, and English, so that English can win.
LATIN = ("ENGLISH", "POLISH", "ROMANIAN", "PORTUGUESE", "SPANISH", "ITALIAN", "FRENCH", "GERMAN",
         "SOMALI", "TURKISH", "DUTCH", "SLOVAK", "CZECH", "LITHUANIAN", "TAGALOG", "INDONESIAN",
         "SWAHILI", "YORUBA")
ARABIC_SCRIPT = ("ARABIC", "URDU", "PERSIAN")
ARABIC_OR_PERSIAN = ("ARABIC", "PERSIAN")
CYRILLIC = ("UKRAINIAN", "RUSSIAN", "BULGARIAN", "BELARUSIAN")
_WORD = re.compile(r"[^\W\d_]+")


def script(character: str) -> str:
    """The first word of a letter's Unicode name: LATIN, ARABIC, GURMUKHI, CJK..."""
    name = unicodedata.name(character, "")
    return name.split(" ", 1)[0] if name else ""


@lru_cache(maxsize=1)
def markers(path: Path = MARKERS_FILE) -> Dict[str, Set[str]]:
    """Language code -> its marker words, as written (accents kept: the file lists the forms
    typed without them where those are not words of another language)."""
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))["languages"]
    return {code.split("_", 1)[0]: {as_written(w) for w in words or []} for code, words in data.items()}


@lru_cache(maxsize=1)
def offered(path: Path = LANGUAGES_FILE) -> frozenset:
    """The languages the assistant answers in besides English (content/languages.yml)."""
    return frozenset(YAML(typ="safe").load(path.read_text(encoding="utf-8"))["languages"])


@lru_cache(maxsize=None)
def _detector(names: tuple):  # type: ignore[no-untyped-def]
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in names]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def library_guess(text: str, names: tuple) -> tuple:
    """(language code, confidence) from the library, choosing among the named languages."""
    best = _detector(names).compute_language_confidence_values(text)[0]
    return best.language.iso_code_639_1.name.lower(), float(best.value)


def marked_language(words: Collection[str]) -> Optional[str]:
    """The one language whose marker words appear in the message (None if none, or several)."""
    found = {code for code, marks in markers().items() for w in words if as_written(w) in marks}
    return found.pop() if len(found) == 1 else None


def _arabic_script(text: str, words: Collection[str]) -> str:
    letters = set(text)
    marked = marked_language(words)
    if marked == "pa":  # Punjabi in Shahmukhi script: its readers read Urdu (content/languages.yml)
        return "ur"
    if letters & ONLY_URDU:
        return "ur"
    if letters & ONLY_ARABIC:
        return "ar"
    if letters & ONLY_PERSIAN:
        return "fa"
    if marked in ("ar", "ur"):
        return marked
    return library_guess(text, ARABIC_OR_PERSIAN if letters & NOT_URDU else ARABIC_SCRIPT)[0]


def _cyrillic(text: str, words: Collection[str]) -> str:
    letters = set(text.lower())
    if letters & ONLY_UKRAINIAN or marked_language(words) == "uk":
        return "uk"
    if letters & ONLY_RUSSIAN:
        return "ru"
    return library_guess(text, CYRILLIC)[0]


def _latin(text: str, words: list, known_words: Collection[str]) -> Optional[str]:
    lowered = [w.lower() for w in words]
    if ENGLISH_NAME in lowered and len(words) <= MAX_WORDS_ASKING_FOR_ENGLISH:
        return ENGLISH  # "English", "english please": back to English
    guess, confidence = library_guess(text, LATIN) if len(words) >= MIN_WORDS_FOR_LIBRARY else (None, 0.0)
    marked = marked_language(words)
    if marked and not (guess not in (marked, ENGLISH) and confidence >= SURE):
        marks = sum(as_written(w) in markers()[marked] for w in words)
        english = sum(w in known_words and as_written(w) not in markers()[marked] for w in lowered)
        if marks >= english:
            return marked
    if guess is None:
        return None
    # Single letters ("i", "u") are never known words, so they would count against English.
    counted = [w for w in lowered if len(w) > 1]
    if sum(w in known_words for w in counted) >= MAX_KNOWN_SHARE * len(counted):
        return ENGLISH
    if guess == ENGLISH or confidence < MIN_CONFIDENCE:
        return None
    if guess not in offered() and (len(words) < MIN_WORDS_UNOFFERED or confidence < SURE):
        # Text-speak and nonsense look like Swahili or Yoruba to the library; "I can only read
        # English" would be wrong there, and the clarifying answer serves both.
        return None
    return guess


def recognise(text: str, known_words: Collection[str]) -> Optional[str]:
    """The language of a message: a code such as "pl" or "ur"; "en" when it is clearly English
    (so an answer can go back to English); None when it is not clear (a word or two, a name, an
    emoji), so the conversation keeps the language it had."""
    text = visible(text)
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    words = _WORD.findall(text)
    # Only letters beyond ASCII need their script looked up (most messages have none).
    scripts = Counter(script(c) for c in letters if not c.isascii())
    scripts.pop("LATIN", None)
    main, count = scripts.most_common(1)[0] if scripts else ("LATIN", 0)
    # English loanwords in Latin letters ("hate crime", "police") do not make a message English.
    if count >= MIN_SHARE_OF_OWN_SCRIPT * len(letters):
        if main == "ARABIC":
            return _arabic_script(text, words)
        if main == "CYRILLIC":
            return _cyrillic(text, words)
        return SCRIPT_LANGUAGES.get(main, "other")
    return _latin(text, words, known_words)


def from_entities(entities: Optional[Iterable[Mapping[str, Any]]]) -> Optional[str]:
    """The language a message was recognised in, from its entities (set by the known-words check)."""
    return next((e.get("value") for e in entities or [] if e.get("entity") == ENTITY), None)


def other_language(text: str, known_words: Collection[str]) -> Optional[str]:
    """The language code of a message clearly not in English, or None (English, or not clear)."""
    language = recognise(text, known_words)
    return None if language == ENGLISH else language
