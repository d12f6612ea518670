"""Duplicate detection's reading of text: what a document says without fax headers and page
numbers, folded for comparison, and the keys it states (dates, money amounts)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator

_CLOCK = re.compile(r"(?<!\d)[0-2]?[\dO][:.][0-5O][\dO](?:[:.][0-5][\d])?\s?(?:am|pm)?(?![\d.])",
                    re.I)
_FAX_MARK = re.compile(r"\bfax\b|\bfrom\b|\bto\s?:|->|#\s?\d|\bp\.?\s?\d|\bpg\b|\bpage\s?\d",
                       re.I)
_PAGE_LINE = re.compile(r"^\W*(?:(?:page|pg|p)\.?\s*)?[\dlO]{1,3}(?:\s*(?:of|/)\s*[\dlO]{1,3})?\W*$",
                        re.I)
_PUNCT = re.compile(r"[^\w]+", re.UNICODE)
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
# The patterns below that begin with a digit say "(?<!\d)" after their first digit
# ("\d(?<!\d\d)"): the same matches, but re then skips to the next digit instead of trying
# every position of the text, which is most of the cost of reading keys.
_DATE_NUM = re.compile(r"(\d(?<!\d\d)\d?)\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4}|\d{2})(?!\d)")
_DATE_ISO = re.compile(r"(\d(?<!\d\d)\d{3})-(\d{2})-(\d{2})(?!\d)")
_DATE_WORDS = re.compile(
    r"(\d(?<!\d\d)\d?)(?:st|nd|rd|th)?[\s-]+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?,?[\s-]+(\d{4}|\d{2})(?!\d)", re.I)
_DATE_US_WORDS = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?"
    r"\s+(\d{4})(?!\d)", re.I)
_AMOUNT = re.compile(r"(?:\$|aud\s?)\s?(\d{1,3}(?:[, ]\d{3})+|\d+)(?:\.(\d{2}))?", re.I)
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1", "S": "5",
                             "B": "8"})
_DIGITISH_CHAR = r"[0-9OolI|SB/.,:\-$]"
# whole tokens of those characters with a digit and something to repair (the first character
# matched before "(?<!\S)" and the lookaheads, for the reason above)
_DIGITISH = re.compile(rf"{_DIGITISH_CHAR}(?<!\S{_DIGITISH_CHAR})(?:(?<=\d)|(?=\S*\d))"
                       rf"(?:(?<=[OolI|SB])|(?=\S*[OolI|SB])){_DIGITISH_CHAR}*(?!\S)")
_WORD = re.compile(r"[a-z]+")


def normalise(text: str) -> str:
    """Text as compared: fax headers and page numbers removed, case and punctuation folded.
    Pages may be separated by form feeds; each page's fax header goes."""
    folded = _PUNCT.sub(" ", content_text(text).casefold()).replace("_", " ")
    return " ".join(folded.split())


def content_text(text: str) -> str:
    """``text`` without fax header lines (on the first lines of each page) and page-number
    lines: what the document itself says."""
    kept = []
    for page in unicodedata.normalize("NFKC", text).split("\f"):
        for index, line in enumerate(x.strip() for x in page.splitlines() if x.strip()):
            if _PAGE_LINE.match(line) or (index < 3 and _is_fax_line(line)):
                continue
            kept.append(line)
    return "\n".join(kept)


def _is_fax_line(line: str) -> bool:
    return bool(_CLOCK.search(line) and _FAX_MARK.search(line) and re.search(r"\d{4,}|\d{2,}\s\d{3,}", line))


def key_values(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(dates as ISO strings, amounts in whole dollars) stated in ``text``; OCR-misread
    digits ("2O24", "l5") are repaired first."""
    found = _key_matches(text)
    return (frozenset(k for kind, k, _ in found if kind == "date"),
            frozenset(k for kind, k, _ in found if kind == "amount"))


def _key_matches(text: str) -> list[tuple[str, str, str]]:
    """(kind, key, the words around it) for every date and amount in ``text``."""
    fixed = _DIGITISH.sub(lambda m: m.group().translate(_OCR_DIGITS), text)
    found = []
    dates = ((_DATE_NUM.finditer(fixed), lambda m: _iso(m[1], m[2], m[3])),
             (_DATE_ISO.finditer(fixed), lambda m: _iso(m[3], m[2], m[1])),
             (_DATE_WORDS.finditer(fixed),
              lambda m: _iso(m[1], str(_MONTHS[m[2][:3].lower()]), m[3])),
             (_starting_with(_DATE_US_WORDS, fixed, tuple(_MONTHS)),
              lambda m: _iso(m[2], str(_MONTHS[m[1][:3].lower()]), m[3])))
    for matches, read in dates:
        for m in matches:
            key = read(m)
            if key:
                found.append(("date", key, _around(fixed, m)))
    for m in _starting_with(_AMOUNT, fixed, ("$", "aud")):
        key = str(int(re.sub(r"[, ]", "", m[1])))
        if key != "0":
            found.append(("amount", key, _around(fixed, m)))
    return found


def _starting_with(pattern: re.Pattern, text: str, words: tuple[str, ...]) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a pattern (case-insensitive) whose matches begin with one
    of ``words``: tried only where those occur, when the text is ASCII (elsewhere case folding
    may change lengths, or match other letters)."""
    if not text.isascii():
        yield from pattern.finditer(text)
        return
    low = text.lower()
    starts = []
    for word in words:
        at = low.find(word)
        while at >= 0:
            starts.append(at)
            at = low.find(word, at + 1)
    end = 0
    for at in sorted(starts):
        if at >= end and (m := pattern.match(text, at)):
            end = m.end()
            yield m


_NOT_LABEL = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                        "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "january",
                        "february", "march", "april", "june", "july", "august", "september",
                        "october", "november", "december", "jan", "feb", "mar", "apr", "may",
                        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "the", "on"})


def _around(text: str, match: re.Match, width: int = 48) -> str:
    """The label before a key: its last three words, without weekdays, months and numbers
    ("any employment from", "employment from to")."""
    before = text[max(0, match.start() - width):match.start()].casefold()
    words = [w for w in _WORD.findall(before) if w not in _NOT_LABEL]
    return " ".join(words[-3:]) if len(words) >= 2 else ""


def _iso(day: str, month: str, year: str) -> str | None:
    y = int(year) + (2000 if len(year) == 2 and int(year) < 70 else 1900 if len(year) == 2 else 0)
    try:
        return dt.date(y, int(month), int(day)).isoformat()
    except ValueError:
        return None


