"""National Hate Crime Awareness Week: from the second Saturday of October to the third.

The dates move every year, so they are computed rather than written into an answer.
"""
from datetime import date, timedelta
from typing import Tuple

SATURDAY = 5


def week_for_year(year: int) -> Tuple[date, date]:
    """The first and last day of the week in a given year."""
    first_of_october = date(year, 10, 1)
    first_saturday = first_of_october + timedelta(days=(SATURDAY - first_of_october.weekday()) % 7)
    second_saturday = first_saturday + timedelta(days=7)
    return second_saturday, second_saturday + timedelta(days=7)


def current_or_next(today: date) -> Tuple[date, date]:
    """This year's week if it has not ended yet, otherwise next year's."""
    start, end = week_for_year(today.year)
    return (start, end) if today <= end else week_for_year(today.year + 1)


def spoken(day: date) -> str:
    """A date as people say it, e.g. 'Saturday 11 October 2025'."""
    return f"{day:%A} {day.day} {day:%B %Y}"
