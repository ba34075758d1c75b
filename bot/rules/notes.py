"""Private incident notes: the questions' slots, reading "when", and the summary's values.

The notes form (domain.yml, data/rules.yml) asks up to eight neutral questions. The answers
live only in the Rasa server's memory while the form runs (bot/rasa_plugins/store.py keeps them out of the
tracker store) and in the summary the person gets at the end. This module turns the answers into
what the summary shows: the date and time it was written, and "when" as the person wrote it with
the date it was understood as ("yesterday about 6" -> "Tuesday 24 November 2026, about 6 o'clock").
"""
import re
from datetime import date, datetime, timedelta
from typing import Any, Dict, Optional, Tuple

from zoneinfo import ZoneInfo

FORM = "incident_notes_form"
SLOTS = ("notes_what", "notes_when", "notes_where", "notes_hostility", "notes_characteristic",
         "notes_people", "notes_evidence", "notes_before")
# Values the response generator adds for the summary, besides the slots themselves.
COMPUTED_VALUES = ("notes_written_at",)
SKIPPED = "Skipped"
NOT_ANSWERED = "Not answered"
LONDON = ZoneInfo("Europe/London")

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
_WEEKDAY = r"(mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)[a-z]*"
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "couple of": 2, "few": 3}
_PARTS_OF_DAY = {"morning": "in the morning", "afternoon": "in the afternoon", "evening": "in the evening",
                 "night": "at night", "lunchtime": "at lunchtime", "dinnertime": "at teatime", "teatime": "at teatime"}


def _weekday_index(word: str) -> int:
    return next(i for i, name in enumerate(WEEKDAYS) if name.startswith(word[:3]))


def _month_index(word: str) -> int:
    return next(i for i, name in enumerate(MONTHS) if name.startswith(word[:3])) + 1


def _day(text: str, today: date) -> Optional[date]:
    """The calendar day a phrase points to, looking back from today (incidents are in the past)."""
    if re.search(r"\bday before yesterday\b", text):
        return today - timedelta(days=2)
    if re.search(r"\b(yesterday|yday|last night)\b", text):
        return today - timedelta(days=1)
    if re.search(r"\b(today|this (morning|afternoon|evening)|tonight|earlier|just now)\b", text):
        return today
    ago = re.search(r"\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|couple of|few)"
                    r"\s+(day|week)s?\s+ago\b", text)
    if ago:
        count = int(ago.group(1)) if ago.group(1).isdigit() else _NUMBER_WORDS[ago.group(1)]
        return today - timedelta(days=count * (7 if ago.group(2) == "week" else 1))
    numeric = re.search(r"\b(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?\b", text)
    if numeric:
        return _dated(int(numeric.group(1)), int(numeric.group(2)), numeric.group(3), today)
    day_month = re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}\b(?:\s+(\d{{4}}))?", text)
    if day_month:
        return _dated(int(day_month.group(1)), _month_index(day_month.group(2)), day_month.group(3), today)
    month_day = re.search(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", text)
    if month_day:
        return _dated(int(month_day.group(2)), _month_index(month_day.group(1)), month_day.group(3), today)
    weekday = re.search(rf"\b(?:(last|on|this|past)\s+)?{_WEEKDAY}\b", text)
    if weekday:
        back = (today.weekday() - _weekday_index(weekday.group(2))) % 7
        if back == 0 and weekday.group(1) == "last":
            back = 7  # "last Wednesday" said on a Wednesday means a week ago
        return today - timedelta(days=back)
    if re.search(r"\blast week\b", text):
        return None  # a week, not a day: the person's words say it best
    return None


def _dated(day: int, month: int, year: Optional[str], today: date) -> Optional[date]:
    """A day and month (UK order), in the given year or the latest one not in the future."""
    try:
        if year:
            return date(int(year) + (2000 if len(year) == 2 else 0), month, day)
        this_year = date(today.year, month, day)
        return this_year if this_year <= today else date(today.year - 1, month, day)
    except ValueError:
        return None


_CLOCK = re.compile(r"(?:\b(at|about|around|after|before|roughly|approx\w*)\s+)?\b(\d{1,2})(?:[:.](\d{2}))?\s*"
                    r"(am|pm|a\.m\.|p\.m\.|o'?clock)?(ish)?\b")
_HALF = re.compile(r"\bhalf (?:past )?(\d{1,2})\b")


def _time(text: str) -> Optional[str]:
    """The time of day a phrase gives, as a person would say it back."""
    part = next((said for word, said in _PARTS_OF_DAY.items()
                 if re.search(r"\b(night|tonight)\b" if word == "night" else rf"\b{word}\b", text)), None)
    about = "about " if re.search(r"\b(about|around|roughly|approx\w*)\b|\dish\b", text) else ""
    half = _HALF.search(text)
    clock = next((m for m in _CLOCK.finditer(_without_dates(text))
                  if m.group(1) or m.group(3) or m.group(4) or m.group(5)), None)
    if half:
        said = f"half past {half.group(1)}"
    elif clock:
        hour, minutes, suffix = int(clock.group(2)), clock.group(3), (clock.group(4) or "").replace(".", "")
        if hour > 23 or (minutes and int(minutes) > 59):
            return part
        if suffix in ("am", "pm"):
            return f"{about}{hour}{':' + minutes if minutes else ''}{suffix}"
        said = f"{hour}:{minutes or '00'}" if hour > 12 or minutes else f"{hour} o'clock"
    else:
        return part
    return f"{about}{said}" + (f" {part}" if part else "")


def _without_dates(text: str) -> str:
    """Dates removed, so '12/11' or '3 days ago' is not read as a time."""
    text = re.sub(r"\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b", " ", text)
    text = re.sub(rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}\b(?:\s+\d{{4}})?", " ", text)
    text = re.sub(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?", " ", text)
    return re.sub(r"\b\d+\s+(day|week|month|year)s?\b", " ", text)


def read_when(text: str, now: datetime) -> Optional[str]:
    """What a "when" answer was understood as, e.g. "Tuesday 24 November 2026, about 6 o'clock";
    None when it gives neither a day nor a time we can read."""
    lowered = text.lower().strip()
    day, time_of_day = _day(lowered, now.date()), _time(lowered)
    if day and day > now.date():
        day = None
    parts = [f"{WEEKDAYS[day.weekday()].title()} {day.day} {MONTHS[day.month - 1].title()} {day.year}"] if day else []
    if time_of_day:
        parts.append(time_of_day)
    return ", ".join(parts) or None


def written_at(now: datetime) -> str:
    """'Wednesday 25 November 2026 at 11:40pm' for the top of the summary."""
    hour = now.hour % 12 or 12
    return (f"{WEEKDAYS[now.weekday()].title()} {now.day} {MONTHS[now.month - 1].title()} {now.year} "
            f"at {hour}:{now.minute:02d}{'am' if now.hour < 12 else 'pm'}")


def summary_values(slots: Dict[str, Any], now: Optional[datetime] = None) -> Dict[str, str]:
    """What the summary response shows for each answer, plus the time it was written."""
    now = now or datetime.now(LONDON)
    values = {slot: str(slots.get(slot) or NOT_ANSWERED).strip() for slot in SLOTS}
    understood = read_when(values["notes_when"], now) if values["notes_when"] not in (SKIPPED, NOT_ANSWERED) else None
    if understood:
        values["notes_when"] = f"{values['notes_when']} ({understood})"
    values[COMPUTED_VALUES[0]] = written_at(now)
    return values


def answers(slots: Dict[str, Any]) -> Tuple[str, ...]:
    """The person's own answers (not 'Skipped'), for keeping them out of the store."""
    return tuple(str(v) for k, v in slots.items() if k in SLOTS and v and str(v) != SKIPPED)
