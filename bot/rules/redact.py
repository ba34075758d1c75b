"""Replace personal details in text with typed placeholders such as [EMAIL] or [PHONE].

Used wherever residents' words are written down (the tracker store, the staff stats, log lines),
so that "my name is Sam, call me on 07700 900123" is kept as "my name is [NAME], call me on
[PHONE]". Phone numbers are found by Google's phonenumbers library (any country's valid numbers)
and by a pattern for anything shaped like a UK number (it also catches numbers the library
calls invalid, such as Ofcom's drama ranges or a mistyped digit). Numbers and emails that are in
the contact directory are public, so a resident asking "is 116 123 the Samaritans?" keeps them.
How well this works is measured on tests/redaction_cases.yml by `make privacy-report`.
"""
import itertools
import re
from functools import lru_cache
from typing import FrozenSet, Iterator, List, NamedTuple, Tuple

import phonenumbers

from bot.rules import directory

_I = re.IGNORECASE
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    rf"\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|{_DAY}(?:\s+of)?\s+{_MONTH},?\s+\d{{2,4}}|{_MONTH}\s+{_DAY},?\s+\d{{2,4}}"
)
_STREET = (r"road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|court|ct|crescent|grove|"
           r"place|terrace|gardens|walk|row|hill|park|square|mews|end|green|view|rise|parade|gate|croft|"
           r"highway|boulevard|approach|mead|wharf|yard|circus|hollow|chase|meadow|meadows|vale")
# Words between a number and "road" that show the number counts people or times, not a house
# ("3 lads on Hertford Street", "4 of them on my street").
_NOT_A_STREET_NAME = (r"(?!(?:on|in|at|to|of|from|down|up|near|by|along|outside|across|off|into|onto|"
                      r"past|round|around|over|my|our|your|his|her|their|them|us|me|a|an|and|or|but|"
                      r"times|lads|men|boys|girls|people|kids|guys|women|youths|teenagers|days|weeks|"
                      r"months|years|minutes|mins|hours|cars|houses|doors)\b)")
# Words that can follow "call me" or "my name is" without being a name ("call me back", "my name
# is not important", "I am called names").
_NOT_A_NAME = (r"(?!(?:and|or|i|im|i'm|from|but|so|not|on|at|back|later|now|please|if|when|by|was|"
               r"is|in|a|an|the|names|called|being|it|this|that|there|here|to|too|also|btw|because|"
               r"cos|coz|as|with|of|for|my|your|every|all|out|up|off|down|again|anything|something|"
               r"someone|what|you|u|me|him|her|them|us|they|we|he|she|horrible|nasty|things|scared|afraid|"
               r"worried|very|really|just|only|sorry|fine|ok|okay|still|going|getting|trying|writing|asking|"
               r"calling|living|muslim|jewish|sikh|hindu|christian|polish|black|white|asian|british|gay|"
               r"lesbian|bi|trans|disabled|deaf|blind|autistic|new|old|coventry|terrorist|scum|idiot|"
               r"tomorrow|today|tonight|soon|anytime|whenever|asap|after|before|monday|tuesday|wednesday|"
               r"thursday|friday|saturday|sunday|morning|afternoon|evening|weekend|first|then|maybe|instead|"
               r"any|some|no|never|ever|once|twice|directly|privately|instead)\b)")
# A person's name: capitalised words (Sarah Khan, Gurpreet Kaur Sandhu), read with case.
_CAPITALISED_NAME = r"(?-i:[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){0,2})(?![\w*])"
# Said of a relation: "my neighbour Darren Smith", "my son Yusuf Ahmed".
_RELATION = (r"neighbou?r|son|daughter|brother|sister|husband|wife|partner|friend|mate|mum|mom|dad|"
             r"nephew|niece|cousin|colleague|boss|manager|landlord|uncle|aunt|auntie|nan|grandad|"
             r"grandma|grandson|granddaughter|boyfriend|girlfriend|flatmate|teacher")
# People who call someone something: then the word after "call me" is an insult, not a name
# ("they call me terrorist" keeps the slur, which is the evidence).
_NOT_NAMING = "".join(f"(?<!{who} )" for who in ("they", "he", "she", "people", "neighbours", "kids", "lads",
                                                 "boys", "girls", "everyone", "others", "them", "always"))

# Each kind: a pattern whose last group (or whole match) is the detail. Earlier kinds win where
# two overlap (a card number is not a phone number; a postcode inside an address stays a postcode).
PATTERNS: List[Tuple[str, "re.Pattern[str]"]] = [
    # Starts only where a word starts, so a long run of letters is read once, not once per letter.
    ("EMAIL", re.compile(r"(?<![\w.+'-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", _I)),
    # Written out to dodge spam filters: "jane dot doe at example dot com", "k.mensah [at] example [dot] com".
    ("EMAIL", re.compile(
        r"\b[\w.+-]+(?:\s+dot\s+[\w+-]+)*\s*(?:\(at\)|\[at\]|\{at\}|\s+at\s+)\s*[\w-]+"
        r"(?:\s*(?:\(dot\)|\[dot\]|\{dot\}|\s+dot\s+|\.)\s*[\w-]+)*"
        r"\s*(?:\(dot\)|\[dot\]|\{dot\}|\s+dot\s+|\.)\s*(?:com|org|net|co|uk|ac|gov|nhs|io|me|info|ie|eu|edu)\b", _I)),
    ("CARD", re.compile(r"\b[1-9](?:[ -]?\d){12,18}\b")),  # no card starts with 0; phones do
    # NHS numbers: ten digits, often 3-3-4, whose last digit is the check digit (bot/rules/redact.py is_nhs_number).
    ("NHS_NUMBER", re.compile(r"\b\d{3}[\s-]?\d{3}[\s-]?\d{4}\b")),
    # Social media handles: "@darren_s99", and after the app's name without an @ ("insta is gazza.smith").
    ("HANDLE", re.compile(
        r"(?<![\w.@])@[a-z0-9_](?:[a-z0-9_.]{0,28}[a-z0-9_])?"
        r"|\b(?:insta(?:gram)?|ig|twitter|x|tiktok|snap(?:chat)?|facebook|fb|threads)(?:\s+(?:is|name|handle|account|"
        r"username))?\s*[:=-]?\s+((?=[a-z0-9_.]*[\d_.])[a-z][a-z0-9_.]{2,29}[a-z0-9_])", _I)),
    ("NI_NUMBER", re.compile(r"\b[A-Z]{2}[\s-]?\d{2}[\s-]?\d{2}[\s-]?\d{2}[\s-]?[A-D]\b", _I)),
    ("DATE_OF_BIRTH", re.compile(
        r"\b(?:born(?:\s+on)?|dob|d\.o\.b\.?|date\s+of\s+birth|birth\s*date|birthday|b-?day)"
        rf"(?:\s*(?:is|was|:|-|on|the)\s*)*\s*({_DATE})\b", _I)),
    ("PHONE", re.compile(
        r"(?<![\w+])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(?0[\s.-]{0,2})(?:\d\)?[\s.-]{0,2}){8,9}\d\b"
        r"|(?<![\w+])7\d{3}[\s.-]?\d{3}[\s.-]?\d{3}\b")),
    # Letters and digits straight after "reg" or "plate" ("the plate was r456 xyz", "reg AB123CD"),
    # before postcodes: a half-remembered plate can look like one.
    ("VEHICLE_REG", re.compile(
        r"\b(?:reg(?:istration)?|plate)\b(?:[\s:,]+(?:number|no|was|is|it)\b)*[\s:,]*"
        r"((?=[a-z\s]*\d)(?=[\d\s]*[a-z])[a-z0-9]{2,4}\s?[a-z0-9]{3})\b", _I)),
    ("POSTCODE", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b", _I)),
    # A house number and one or two words after "I live at", "my flat is"... for streets with no
    # "road" or "street" in their name ("4b Jordan Well").
    ("ADDRESS", re.compile(
        r"\b(?:(?:live|lives|living|staying)\s+at|address(?:\s+is|:)|my\s+(?:house|flat|home)\s+is(?:\s+at)?)"
        rf"\s+(\d{{1,4}}[a-z]?,?\s+{_NOT_A_STREET_NAME}[a-z']+(?:\s+{_NOT_A_STREET_NAME}[a-z']+)?)", _I)),
    ("ADDRESS", re.compile(
        rf"\bnumber\s+\d{{1,4}}[a-z]?\s+(?:on|in|at)\s+(?:[a-z']+\s+){{1,3}}(?:{_STREET})\b", _I)),
    ("ADDRESS", re.compile(
        rf"\b(?:flat|apartment|apt|unit)\s+\d{{1,4}}[a-z]?,?\s+(?:\d{{1,4}}[a-z]?\s+)?(?:[a-z']+\s+){{0,3}}"
        rf"(?:house|court|lodge|tower|building|point|heights|mansions|{_STREET})\b", _I)),
    # House names: "Rose Cottage, Brinklow Road", "The Willows on Ansty Road".
    ("ADDRESS", re.compile(
        rf"(?-i:\b(?:The\s+)?(?:[A-Z][a-z]+\s+){{0,2}}(?:Cottage|Farm|Lodge|Barn|Villa|Manor|Grange|Bungalow)"
        rf"|\bThe\s+[A-Z][a-z]+)(?:,?\s+(?:on\s+)?(?:[a-z']+\s+){{1,2}}(?:{_STREET}))\b"
        rf"|(?-i:\b(?:[A-Z][a-z]+\s+){{0,2}}(?:Cottage|Farm|Barn|Villa|Manor|Grange))\b", _I)),
    ("ADDRESS", re.compile(
        rf"\b\d{{1,4}}[a-z]?,?\s+(?:{_NOT_A_STREET_NAME}[a-z']+\s+){{0,3}}(?:{_STREET})\b", _I)),
    ("VEHICLE_REG", re.compile(
        r"\b[A-Z]{2}\d{2}\s?[A-Z]{3}\b"  # current style, any case: AB12 CDE
        r"|\b(?-i:[A-Z]\d{1,3}\s?[A-Z]{3})\b",  # older style, capitals only: P123 ABC
        _I)),
    ("NAME", re.compile(
        r"\b(?:my\s+(?:full\s+|first\s+)?name(?:\s+is|'s|s|:)|name(?:\s+is|'s)|i'?m\s+called|i\s+am\s+called|"
        rf"{_NOT_NAMING}call\s+me)"
        rf"\s+({_NOT_A_NAME}[a-z][a-z'-]*(?![\w*])(?:\s+{_NOT_A_NAME}[a-z][a-z'-]*(?![\w*])){{0,2}})", _I)),
    # Introductions and relations followed by a capitalised name: "I'm Sarah Khan", "name Ewa
    # Kowalczyk", "my neighbour Darren Smith", "Mr Patel" (not "I'm Polish": that is no name).
    ("NAME", re.compile(
        rf"\b(?:this\s+is|name|my\s+(?:{_RELATION})|(?:mr|mrs|ms|miss|dr)\.?)\s+({_NOT_A_NAME}{_CAPITALISED_NAME})"
        # After "I'm", two or three: "I'm Sarah Khan", but "I'm Romanian" or "I'm Muslim" is no name.
        rf"|\b(?:i'?m|i\s+am|it'?s)\s+({_NOT_A_NAME}(?-i:[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){{1,2}})(?![\w*]))", _I)),
    # Lower case, where the words can only be a name: "this is gary wilson, ...", "ionela popescu
    # here", "mrs kaur".
    ("NAME", re.compile(
        rf"\bthis\s+is\s+({_NOT_A_NAME}[a-z'-]+\s+{_NOT_A_NAME}[a-z'-]+)(?=\s*[,.]|\s+here\b)"
        rf"|^\W*({_NOT_A_NAME}[a-z'-]+\s+{_NOT_A_NAME}[a-z'-]+)\s+here\b"
        rf"|\b(?:mr|mrs|ms|miss|dr)\.?\s+({_NOT_A_NAME}[a-z][a-z'-]+)(?![\w*])", _I)),
]


class Finding(NamedTuple):
    start: int
    end: int
    kind: str


@lru_cache(maxsize=1)
def public_details() -> FrozenSet[str]:
    """The directory's own numbers (digits only) and emails: public, so never redacted."""
    values = set()
    for contact in directory.load().values():
        for field in ("phone", "textphone", "text", "whatsapp"):
            if contact.get(field):
                values.add(re.sub(r"\D", "", contact.get(field) or ""))
        if contact.get("email"):
            values.add((contact.get("email") or "").lower())
    return frozenset(values)


def _is_public(kind: str, detail: str) -> bool:
    if kind == "PHONE":
        return re.sub(r"\D", "", detail) in public_details()
    return kind == "EMAIL" and detail.lower() in public_details()


# The phonenumbers library finds numbers of any country, but each costs it about a tenth of a
# millisecond: it stops after MAX_PHONE_TRIES number-like strings that are not numbers and after
# MAX_PHONES numbers, so no message can make it slow. The UK pattern above still catches every
# UK-shaped number, however many there are.
MAX_PHONE_TRIES = 8
MAX_PHONES = 10


def _phone_numbers(text: str) -> Iterator[Finding]:
    matcher = phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.VALID,
                                              max_tries=MAX_PHONE_TRIES)
    for match in itertools.islice(matcher, MAX_PHONES):
        yield Finding(match.start, match.end, "PHONE")


def is_nhs_number(candidate: str) -> bool:
    """Ten digits whose last is the NHS check digit (weights 10 to 2, modulus 11), so that other
    ten-digit numbers are not mistaken for one."""
    digits = [int(d) for d in re.sub(r"\D", "", candidate)]
    if len(digits) != 10:
        return False
    check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1))) % 11
    return (0 if check == 11 else check) == digits[9] and check != 10


def _candidates(text: str) -> Iterator[Finding]:
    """Every possible detail, in order of priority."""
    for kind, pattern in PATTERNS:
        if kind == "PHONE":
            yield from _phone_numbers(text)
        for match in pattern.finditer(text):
            group = match.lastindex or 0
            if kind == "NHS_NUMBER" and not is_nhs_number(match.group(0)):
                continue
            yield Finding(match.start(group), match.end(group), kind)


def find(text: str) -> List[Finding]:
    """The personal details in the text, without overlaps, left to right.

    Each candidate is checked against the characters already taken, so the cost grows with the
    text, not with the square of the number of details found."""
    taken = bytearray(len(text))
    kept: List[Finding] = []
    for found in _candidates(text):
        if found.end <= found.start or any(taken[found.start:found.end]):
            continue
        if not _is_public(found.kind, text[found.start:found.end]):
            kept.append(found)
            taken[found.start:found.end] = b"\x01" * (found.end - found.start)
    return sorted(kept)


def redact(text: str) -> str:
    """The text with each personal detail replaced by its kind, e.g. [EMAIL]."""
    for found in reversed(find(text)):
        text = f"{text[:found.start]}[{found.kind}]{text[found.end:]}"
    return text
