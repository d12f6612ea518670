"""One document read for field extraction: its lines, the labels found on them (spaCy), the
dates (regex + dateutil), and readers for the value that follows a label."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from claimdex.fields._dates import DateMention, find_dates, fix_ocr_digits, resolve, resolve_partial
from claimdex.fields._lexicon import DATE_KINDS, Lexicon, label_matcher
from claimdex.models import Page

# What may sit between a label and its value: colons, dot leaders, dashes, bars, brackets.
_SEPARATORS = " \t:.-–—|#*_>=~\u2026"
_VALUE_END = re.compile(r"\s{3,}|\t|\s\|\s?|\s+[•·]\s+")
TICKED = re.compile(r"\[\s*[xX✓✔/]\s*[\]J]|[☒☑✓✔✗]|\(\s*[xX✓]\s*[\)J]|\{\s*[xX]\s*[\]\}J]|\[[xX]\b"
                    r"|^\s*(?:X|Xx|XX|Kl|KX|K\]|El)\s+(?=[A-Z])")
UNTICKED = re.compile(r"\[\s*_*\s*\]|☐|\(\s*\)|\[\s*\.\s*\]|^\s*(?:O|0|LI|C\]|\[\])\s+(?=[A-Z])")
_ANY_BOX = re.compile(f"(?:{TICKED.pattern})|(?:{UNTICKED.pattern})", re.MULTILINE)
_YES_NO = re.compile(r"\s*(yes|no|y|n)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Box:
    """A tick box and the words it governs (the rest of its item, continuation lines too)."""

    line: Line
    ticked: bool
    text: str
_BULLET = re.compile(r"^\s*(?:(?:[-–•*>·|]|\(?\d{1,2}(?:\.\d{1,2})?[.)]|\(?[a-zA-Z][.)])\s*)*")
def line_start_hint(before: str) -> bool:
    # what _BULLET.sub("", before) == "" says: the anchored pattern covers all of ``before``
    bullets = _BULLET.match(before)
    return bullets is not None and bullets.end() == len(before)


_DATE_START = re.compile(r"[\s:.\-]*(?:\d|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|"
                         r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d)",
                         re.IGNORECASE)
DATE_LABELS = frozenset(DATE_KINDS)
_SEPARATED = re.compile(r"\s*[:#|=>\u2026]|\s*\.{2,}|\s{2,}|\t|\s*\(")
_DASHED = re.compile(r"\s*-{1,2}\s")
_PREV_SEP = re.compile(r"(\s{2,}|\t|[|;,(]\s*|:\s+)$")
_CELL = re.compile(r"(\s{2,}|\t|[|;]\s*)$")
_BRACKETED = re.compile(r"\([^)]*\)")
_TWO_LETTERS = re.compile(r"[A-Za-z]{2}")
_WORD = re.compile(r"[A-Za-z]{2,}")
_ABOVE_SEP = re.compile(r"(?:\||:|\s{2,}|\t)\s*$")
_PART_OR_ITEM = re.compile(r"\s*(?:part|section)\s+[ivx\d]+\s*[:.\-]|\s*\d+\.\s", re.IGNORECASE)
_WRAPS = re.compile(r"(?:[,(&/\-]|\b(?:and|or|the|of|in|to|for|with|as|a|is|are|"
                    r"which|from|has|will|be))\s*$")


@dataclass(frozen=True, slots=True)
class Line:
    page: int  # 1-based page number (Page.number)
    index: int  # line number on its page, 0-based
    start: int  # character offsets into the page text
    end: int
    text: str
    stripped: str = field(compare=False, repr=False)  # text.strip(), kept: read very often


@dataclass(frozen=True, slots=True)
class Label:
    kind: str
    page: int
    start: int
    end: int
    line: Line
    line_start: bool  # nothing but bullets or numbering before it on its line
    alone: bool  # nothing but separators after it on its line
    separated: bool  # a colon, dot leader, bar or wide gap follows it
    cell: bool = False  # a bar, semicolon or wide gap precedes it ("... | Report 19.10.24")


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of page text: where a value was read."""

    page: int
    start: int
    end: int
    text: str


class PageText:
    def __init__(self, page: Page, lexicon: Lexicon) -> None:
        self.number = number = page.number
        self.raw = page.text.replace("\r", " ").replace("\u00a0", " ").replace("\f", "\n")
        self.text = fix_ocr_digits(self.raw)
        self.lines: list[Line] = []
        offset = 0
        for i, part in enumerate(self.text.split("\n")):
            self.lines.append(Line(number, i, offset, offset + len(part), part, part.strip()))
            offset += len(part) + 1
        self._starts = [line.start for line in self.lines]
        self.labels: list[Label] = []
        self._by_line: dict[int, list[Label]] = {}  # line index -> its labels, in order
        for kind, s, e in label_matcher().find(self.text):
            lab = self._label(kind, s, e)
            if lab is not None:
                self.labels.append(lab)
                self._by_line.setdefault(lab.line.index, []).append(lab)
        self.dates: list[DateMention] = find_dates(self.text, number)

    def line_at(self, offset: int) -> Line:
        return self.lines[bisect.bisect_right(self._starts, offset) - 1]

    def _label(self, kind: str, start: int, end: int) -> Label | None:
        line = self.line_at(start)
        text = self.text
        before = text[line.start:start]
        after = text[end:line.end]
        if after[:1].isalnum() or (before[-1:].isalnum()):
            return None  # part of a longer word
        line_start = line_start_hint(before)
        separated = _SEPARATED.match(after) is not None or (
            line_start and _DASHED.match(after) is not None)
        if not (line_start or separated or before == "" or _PREV_SEP.search(before)
                or (kind in DATE_LABELS and _DATE_START.match(after))
                or _shouted(text, start, end, line, kind)):
            return None
        alone = after.strip(_SEPARATORS) == ""
        cell = _CELL.search(before) is not None
        return Label(kind, self.number, start, end, line, line_start, alone, separated, cell)

    def labels_on(self, line: Line) -> list[Label]:
        """The labels on ``line`` (of this page), in order; the list is shared: do not change it."""
        return self._by_line.get(line.index) or []

    def next_lines(self, line: Line, count: int = 2) -> Iterator[Line]:
        seen = 0
        lines = self.lines
        for k in range(line.index + 1, len(lines)):
            other = lines[k]
            if other.stripped:
                yield other
                seen += 1
                if seen >= count:
                    return

    def previous_line(self, line: Line) -> Line | None:
        lines = self.lines
        for k in range(min(line.index, len(lines)) - 1, -1, -1):
            other = lines[k]
            if other.stripped:
                return other
        return None


class DocText:
    """All pages of one document, with dates read in the document's own order."""

    def __init__(self, pages: Sequence[Page], lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.pages = [PageText(p, lexicon) for p in pages if p.text and p.text.strip()]
        self.by_number = {p.number: p for p in self.pages}
        self._nonempty = [line for p in self.pages for line in p.lines if line.stripped]
        self._labels = [lab for p in self.pages for lab in p.labels]
        self._date_labels: dict[tuple[int, int], Label | None] = {}  # (page, start) -> label
        self.dates = [d for p in self.pages for d in p.dates]
        self.month_first = resolve(self.dates)
        births = [d for d in self.dates if d.value is not None and self._born(d)]
        full = [d.value for d in self.dates if d.value is not None and d not in births]
        resolve_partial(self.dates, {p.number: p.text for p in self.pages},
                        max(full) if full else None, self.month_first)
        self.dates = [d for d in self.dates if d.value is not None]
        self._boxes: tuple[list[Box], list[str]] | None = None

    @property
    def lines(self) -> Iterator[Line]:
        for page in self.pages:
            yield from page.lines

    def nonempty_lines(self) -> list[Line]:
        """Every line with text, in order; the list is shared: do not change it."""
        return self._nonempty

    def lines_with(self, hint: re.Pattern[str]) -> list[Line]:
        """The lines holding a match of ``hint``, in order: a quick way to the only lines a
        per-line pattern can match. ``hint`` matches one character that is not a space, with
        lookarounds that see no further than the line would (a line break reads as no
        character), and every match of the pattern starts a line match of ``hint``."""
        out: list[Line] = []
        for page in self.pages:
            last = -1
            for m in hint.finditer(page.text):
                line = page.line_at(m.start())
                if line.index != last:
                    out.append(line)
                    last = line.index
        return out

    def labels(self, *kinds: str) -> Iterator[Label]:
        return (lab for lab in self._labels if lab.kind in kinds)

    def page(self, number: int) -> PageText:
        return self.by_number[number]

    def span(self, page: int, start: int, end: int) -> Span:
        return Span(page, start, end, self.by_number[page].text[start:end])

    # -- values after labels --------------------------------------------------------------
    def value_after(self, label: Label, *, next_line: bool = True) -> Span | None:
        """The text a label introduces: the rest of its line up to the next label or a wide
        gap, or (for a label alone on its line) the next non-empty line."""
        page = self.by_number[label.page]
        line = label.line
        start = label.end
        text = page.text
        while start < line.end and text[start] in _SEPARATORS:
            start += 1
        if start < line.end:
            end = self._value_end(page, line, start)
            if end > start:
                return Span(page.number, start, end, text[start:end])
        if not (next_line and label.alone):
            return None
        for following in page.next_lines(line, 1):
            first = [lab for lab in page.labels_on(following) if lab.line_start]
            if first and first[0].start <= following.start + len(following.text) - len(
                    following.text.lstrip()) + 1 and first[0].kind != label.kind:
                return None
            begin = following.start + len(following.text) - len(following.text.lstrip())
            end = self._value_end(page, following, begin)
            if end > begin:
                return Span(page.number, begin, end, text[begin:end])
        return None

    def _value_end(self, page: PageText, line: Line, start: int) -> int:
        end = line.end
        gap = _VALUE_END.search(page.text, start, line.end)
        if gap:
            end = gap.start()
        for lab in page.labels_on(line):
            if start < lab.start < end and (lab.separated or lab.alone or (
                    page.text[lab.start:lab.end].isupper() and lab.end - lab.start > 1)):
                end = lab.start
                break
        while end > start and page.text[end - 1] in " \t,;:-–|":
            end -= 1
        return end

    # -- dates ----------------------------------------------------------------------------
    def date_label(self, mention: DateMention) -> Label | None:
        """The label that introduces a date: just before it on its line (only separators or a
        few words between), or alone on the line above when the date starts its line."""
        key = (mention.page, mention.start)  # all it depends on: asked many times per date
        try:
            return self._date_labels[key]
        except KeyError:
            found = self._date_labels[key] = self._find_date_label(mention)
            return found

    def _find_date_label(self, mention: DateMention) -> Label | None:
        page = self.by_number[mention.page]
        line = page.line_at(mention.start)
        before = [lab for lab in page.labels_on(line) if lab.end <= mention.start]
        if before:
            lab = before[-1]
            gap = page.text[lab.end:mention.start]
            generic = page.text[lab.start:lab.end].lower() in ("date", "dated")
            if generic and _TWO_LETTERS.search(_BRACKETED.sub("", gap)):
                return None  # "Date injury happened: ...": some other date
            if _close(gap) and not any(lab.end <= d.start < mention.start for d in page.dates):
                return lab
            return None
        prefix = page.text[line.start:mention.start]
        if prefix.strip(_SEPARATORS + "[]()") == "":
            above = page.previous_line(line)
            if above is not None:
                labels = page.labels_on(above)
                if labels and labels[-1].alone and labels[-1].kind in DATE_LABELS and (
                        labels[-1].line_start or _ABOVE_SEP.search(page.text[above.start:labels[-1].start])):
                    return labels[-1]
        return None

    def boxes(self) -> tuple[list[Box], list[str]]:
        """Tick boxes of the document, and every line's text with the words of unticked boxes
        blanked out (so "[ ] no capacity" is not read as a statement)."""
        if self._boxes is None:
            self._boxes = self._read_boxes()
        return self._boxes

    def _read_boxes(self) -> tuple[list[Box], list[str]]:
        boxes: list[Box] = []
        plain: list[str] = []
        skip_until = -1
        lines = [x for x in self.lines]
        for i, line in enumerate(lines):
            marks = list(_ANY_BOX.finditer(line.text))
            if not marks:
                plain.append("" if i <= skip_until else line.text)
                continue
            kept = list(line.text)
            for k, mark in enumerate(marks):
                ticked = TICKED.match(line.text, mark.start()) is not None
                end = marks[k + 1].start() if k + 1 < len(marks) else len(line.text)
                text = line.text[mark.end():end]
                answer = _YES_NO.match(text)
                if answer and len(text.strip()) <= 4:
                    if answer.group(1).lower() in ("yes", "y"):
                        text = line.text[:marks[0].start()]  # the question is the statement
                    else:
                        ticked = not ticked  # "[x] No" denies the question; "[ ] No" affirms
                        text = line.text[:marks[0].start()]
                        if not ticked:
                            continue
                elif k + 1 == len(marks):
                    for j, extra in enumerate(lines[i + 1:i + 4], start=i + 1):
                        if not extra.stripped or _ANY_BOX.search(extra.text) or _PART_OR_ITEM.match(
                                extra.text):
                            break
                        if not (extra.stripped[0].islower() or _WRAPS.search(text)):
                            break
                        text += " " + extra.stripped
                        if not ticked:
                            skip_until = max(skip_until, j)
                boxes.append(Box(line, ticked, text))
                if not ticked:
                    for j in range(mark.start(), end):
                        kept[j] = " "
            plain.append("".join(kept))
        return boxes, plain

    def _born(self, mention: DateMention) -> bool:
        label = self.date_label(mention)
        return label is not None and label.kind == "dob"

    def dates_on(self, line: Line) -> list[DateMention]:
        return [d for d in self.by_number[line.page].dates
                if line.start <= d.start < line.end and d.value is not None]


def _shouted(text: str, start: int, end: int, line: Line, kind: str) -> bool:
    """A capitalised label on a capitalised form line: "WORKER KIRRA UGLE OCC TRUCK DRIVER"."""
    word = text[start:end]
    if not (word.isupper() and end - start > 1 and (kind == "other" or " " in word.strip())):
        return False
    letters = [c for c in line.text if c.isalpha()]
    return len(letters) > 8 and sum(c.isupper() for c in letters) > 0.9 * len(letters)


def _close(gap: str) -> bool:
    """Only separators, a bracketed hint or up to three short words between label and date."""
    if len(gap) > 32:
        return False
    words = _WORD.findall(_BRACKETED.sub("", gap))
    return len(words) <= 3
