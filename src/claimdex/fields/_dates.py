"""Dates as written in claim documents: find every mention, then read them day-first unless
the document shows it writes month-first (a US form: "11/16/24", "April 3, 2024").

Numeric dates are read from the regex groups (the order is ours to decide); dates with a
month name go through python-dateutil, which knows every spelling of months and weekdays.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from dateutil import parser as _dateutil

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?,?"
# The patterns that start with a digit test what precedes it just after that first digit
# ("\d(?<![\w/]\d)" is "(?<![\w/])\d"): a pattern that opens with a character class lets the
# regex engine skip ahead to the next digit instead of trying every position of the page.
_NUMERIC = re.compile(
    r"(\d(?<![\w/\-]\d)(?<!\d\.\d)\d?)\s?([/.\-])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})(?![\w/]|\.\d|-\d)")
_ISO = re.compile(r"(\d(?<![\w/.\-]\d)\d{3})-(\d{1,2})-(\d{1,2})(?![\w/]|-\d)")
_DAY_MONTH = re.compile(
    rf"(?<![\w/])(?<!\d\.)(?:{_WEEKDAY}\s+)?(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?[\s\-]+({_MONTH})\.?"
    rf"(?:[\s\-,]+(\d{{4}}|'?\d{{2}}))?(?![\w])", re.IGNORECASE)
_MONTH_DAY = re.compile(
    rf"(?<![\w/.])(?:{_WEEKDAY}\s+)?({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?(?![\w])",
    re.IGNORECASE)
_PARTIAL = re.compile(r"(\d(?<![\w/.\-$]\d)\d?)/(\d{1,2})(?![\w/]|\.\d)")
# OCR: letters read inside numbers ("2O24", "O3/O4/2024"); fixed in place, same length.
# That is "(?<![A-Za-z])[\dOoIl|]{1,4}(?:\s?[/.\-]\s?[\dOoIl|]{1,4}){1,2}(?![A-Za-z])" or else
# "(?<![A-Za-z\d])[12][\dOo]{3}(?![A-Za-z\d])", written to open with a character class (above).
_OCR_NUMBER = re.compile(r"[\dOoIl|](?:(?<![A-Za-z].)[\dOoIl|]{0,3}(?:\s?[/.\-]\s?[\dOoIl|]{1,4}){1,2}"
                         r"(?![A-Za-z])|(?<=[12])(?<![A-Za-z\d].)[\dOo]{3}(?![A-Za-z\d]))", re.DOTALL)
# _DAY_MONTH where it starts with the day, not a weekday (and so with a digit, see above).
_DAY_MONTH_DIGIT = re.compile(
    rf"(\d(?<![\w/]\d)(?<!\d\.\d)\d?)(?:st|nd|rd|th)?(?:\s+of)?[\s\-]+({_MONTH})\.?"
    rf"(?:[\s\-,]+(\d{{4}}|'?\d{{2}}))?(?![\w])", re.IGNORECASE)
# Where a weekday or a month name can start, in lower-cased text: its first three letters, not
# inside a word. Every _MONTH_DAY match starts at one; every _DAY_MONTH match has a month
# name after a space or hyphen, and starts at a weekday or at its day.
_NAME_START = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
                         r"mon|tue|wed|thu|fri|sat|sun)(?<![\w/]...)")
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# The only letters outside ASCII that case-blind matching takes for ASCII ones (İ ı: i, ſ: s,
# K: k); text.lower() turns İ into two characters and K into "k".
_CASE_BLIND = re.compile("[\u0130\u0131\u017f\u212a]")
_DIGITS = re.compile(r"\d+")
_MONTH_RE = re.compile(_MONTH, re.IGNORECASE)
_OCR_FIX = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})


def fix_ocr_digits(text: str) -> str:
    """``text`` with letters inside number-like tokens read as digits (length unchanged)."""
    def repair(match: re.Match[str]) -> str:
        token = match.group(0)
        if sum(c.isdigit() for c in token) < 2:
            return token
        return token.translate(_OCR_FIX)

    return _OCR_NUMBER.sub(repair, text)


@dataclass(slots=True)
class DateMention:
    """One date written on a page; ``value`` is set once the document's order is known."""

    page: int
    start: int
    end: int
    style: str  # numeric | iso | day_month | month_day | partial
    day_first: dt.date | None
    month_first: dt.date | None
    evidence: int  # +1 the writing shows day-first, -1 month-first, 0 neither
    value: dt.date | None = None
    year_given: bool = True


def _year(text: str | None) -> int | None:
    if not text:
        return None
    digits = text.lstrip("'")
    year = int(digits)
    if len(digits) == 2:
        year += 2000 if year <= (dt.date.today().year % 100) + 10 else 1900
    return year if 1900 <= year <= 2100 else None


def _date(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, page: int) -> list[DateMention]:
    """Every date mention on one page (``text`` already OCR-fixed), in reading order."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(mention: DateMention) -> None:
        if (mention.day_first or mention.month_first or not mention.year_given) and free(
                mention.start, mention.end):
            found.append(mention)
            taken.append((mention.start, mention.end))

    for m in _ISO.finditer(text):
        day = _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        add(DateMention(page, m.start(), m.end(), "iso", day, day, 0))
    low = text.lower()
    if len(low) == len(text) and not _CASE_BLIND.search(text):
        # every character lower-cased in place: case-blind ASCII words are plain ones in ``low``
        starts = [m.start() for m in _NAME_START.finditer(low)]
        day_month = _day_months(text, low, starts)
        month_day = _month_days(text, starts)
    else:
        day_month, month_day = _DAY_MONTH.finditer(text), _MONTH_DAY.finditer(text)
    for m in day_month:
        add(_named(m, page, m.group(1), m.group(2), m.group(3), day_first=True))
    for m in month_day:
        add(_named(m, page, m.group(2), m.group(1), m.group(3), day_first=False))
    for m in _NUMERIC.finditer(text):
        a, b, year = int(m.group(1)), int(m.group(3)), _year(m.group(4))
        df, mf = _date(year, b, a), _date(year, a, b)
        evidence = 1 if (df and not mf) else -1 if (mf and not df) else 0
        add(DateMention(page, m.start(), m.end(), "numeric", df, mf, evidence))
    for m in _PARTIAL.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if 1 <= b <= 12 and 1 <= a <= 31:
            add(DateMention(page, m.start(), m.end(), "partial", None, None, 0,
                            year_given=False))
    found.sort(key=lambda d: d.start)
    return found


def _day_months(text: str, low: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``_DAY_MONTH.finditer(text)``, quicker: look for the day (a digit), then for a weekday
    before it; ``starts`` are the weekday and month name starts in ``low`` (see _NAME_START)."""
    if not starts:
        return  # no month name
    weekdays = [p for p in starts if low.startswith(_WEEKDAYS, p)]
    pos = 0
    while (m := _DAY_MONTH_DIGIT.search(text, pos)) is not None:
        # A match from a weekday before this day would have this day as its own: the weekday
        # and the spaces after it hold no digit.
        for p in weekdays:
            if pos <= p < m.start():
                with_weekday = _DAY_MONTH.match(text, p)
                if with_weekday is not None:
                    m = with_weekday
                    break
        yield m
        pos = m.end()


def _month_days(text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``_MONTH_DAY.finditer(text)``, tried only where a weekday or month name starts."""
    pos = 0
    for p in starts:
        if p >= pos and (m := _MONTH_DAY.match(text, p)) is not None:
            yield m
            pos = m.end()


def _named(m: re.Match[str], page: int, day: str, month: str, year: str | None, *,
           day_first: bool) -> DateMention:
    evidence = 1 if day_first else -1
    if not year:
        return DateMention(page, m.start(), m.end(), "partial", None, None, 0, year_given=False)
    value = _parse_named(int(day), month.lower().rstrip("."), _year(year))
    style = "day_month" if day_first else "month_day"
    return DateMention(page, m.start(), m.end(), style, value, value, evidence)


@lru_cache(maxsize=4096)
def _parse_named(day: int, month: str, year: int | None) -> dt.date | None:
    if year is None:
        return None
    try:
        return _dateutil.parse(f"{day} {month} {year}", dayfirst=True).date()
    except (ValueError, OverflowError, TypeError):
        return None


def resolve(mentions: list[DateMention]) -> bool:
    """Read every full date in the document's order; True when the document is month-first.

    Month-first only on evidence: a numeric date that cannot be day-first ("11/16/24"), or
    more month-name-first dates ("April 3, 2024") than day-first ones.
    """
    score = sum(3 * m.evidence for m in mentions if m.style == "numeric")
    score += sum(m.evidence for m in mentions if m.style in ("day_month", "month_day"))
    month_first = score < 0
    for m in mentions:
        if m.year_given:
            m.value = (m.month_first or m.day_first) if month_first else (m.day_first or m.month_first)
    return month_first


def resolve_partial(mentions: list[DateMention], texts: dict[int, str], anchor: dt.date | None,
                    month_first: bool) -> None:
    """Dates written without a year ("21/5", "21 May") take the year that puts them nearest
    ``anchor`` (the document's latest full date other than a date of birth)."""
    for m in mentions:
        if not m.year_given and anchor is not None:
            m.value = _partial(texts[m.page][m.start:m.end], anchor, month_first)


def _partial(text: str, anchor: dt.date, month_first: bool) -> dt.date | None:
    numbers = _DIGITS.findall(text)
    if len(numbers) == 2:
        a, b = int(numbers[0]), int(numbers[1])
        day, month = (b, a) if month_first else (a, b)
    elif len(numbers) == 1:
        match = _MONTH_RE.search(text)
        if not match:
            return None
        try:
            month = _dateutil.parse(f"1 {match.group(0)} 2000").month
        except (ValueError, OverflowError):
            return None
        day = int(numbers[0])
    else:
        return None
    options = [_date(anchor.year + k, month, day) for k in (-1, 0, 1)]
    options = [o for o in options if o is not None]
    if not options:
        return None
    best = min(options, key=lambda o: abs((o - anchor).days))
    return best if abs((best - anchor).days) <= 200 else None
