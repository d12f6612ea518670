"""One document read for field extraction: its lines, the labels found on them (spaCy), the
dates (regex + dateutil), and readers for the value that follows a label."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

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
    return _BULLET.sub("", before) == ""


_DATE_START = re.compile(r"[\s:.\-]*(?:\d|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|"
                         r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d)",
                         re.IGNORECASE)
DATE_LABELS = frozenset(DATE_KINDS)


@dataclass(frozen=True, slots=True)
class Line:
    page: int  # 1-based page number (Page.number)
    index: int  # line number on its page, 0-based
    start: int  # character offsets into the page text
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


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
        self.number = page.number
        self.raw = page.text.replace("\r", " ").replace("\u00a0", " ").replace("\f", "\n")
        self.text = fix_ocr_digits(self.raw)
        self.lines: list[Line] = []
        offset = 0
        for i, part in enumerate(self.text.split("\n")):
            self.lines.append(Line(page.number, i, offset, offset + len(part), part))
            offset += len(part) + 1
        self._starts = [line.start for line in self.lines]
        self.labels = [self._label(kind, s, e) for kind, s, e in label_matcher().find(self.text)]
        self.labels = [lab for lab in self.labels if lab is not None]
        self.dates: list[DateMention] = find_dates(self.text, page.number)

    def line_at(self, offset: int) -> Line:
        return self.lines[bisect.bisect_right(self._starts, offset) - 1]

    def _label(self, kind: str, start: int, end: int) -> Label | None:
        line = self.line_at(start)
        before = self.text[line.start:start]
        after = self.text[end:line.end]
        line_start = _BULLET.sub("", before) == ""
        alone = after.strip(_SEPARATORS) == ""
        separated = bool(re.match(r"\s*[:#|=>\u2026]|\s*\.{2,}|\s{2,}|\t|\s*\(", after)) or (
            line_start_hint(before) and bool(re.match(r"\s*-{1,2}\s", after)))
        prev_sep = before == "" or bool(re.search(r"(\s{2,}|\t|[|;,(]\s*|:\s+)$", before))
        dated = kind in DATE_LABELS and bool(_DATE_START.match(after))
        if not (line_start or separated or prev_sep or dated or _shouted(self.text, start, end, line, kind)):
            return None
        if after[:1].isalnum() or (before[-1:].isalnum()):
            return None  # part of a longer word
        cell = bool(re.search(r"(\s{2,}|\t|[|;]\s*)$", before))
        return Label(kind, self.number, start, end, line, line_start, alone, separated, cell)

    def labels_on(self, line: Line) -> list[Label]:
        return [lab for lab in self.labels if lab.line.index == line.index]

    def next_lines(self, line: Line, count: int = 2) -> Iterator[Line]:
        seen = 0
        for other in self.lines[line.index + 1:]:
            if other.stripped:
                yield other
                seen += 1
                if seen >= count:
                    return

    def previous_line(self, line: Line) -> Line | None:
        for other in reversed(self.lines[:line.index]):
            if other.stripped:
                return other
        return None


class DocText:
    """All pages of one document, with dates read in the document's own order."""

    def __init__(self, pages: Sequence[Page], lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.pages = [PageText(p, lexicon) for p in pages if p.text and p.text.strip()]
        self.by_number = {p.number: p for p in self.pages}
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
        return [line for line in self.lines if line.stripped]

    def labels(self, *kinds: str) -> Iterator[Label]:
        for page in self.pages:
            for lab in page.labels:
                if lab.kind in kinds:
                    yield lab

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
            shouted = page.text[lab.start:lab.end].isupper() and lab.end - lab.start > 1
            if start < lab.start < end and (lab.separated or lab.alone or shouted):
                end = lab.start
                break
        while end > start and page.text[end - 1] in " \t,;:-–|":
            end -= 1
        return end

    # -- dates ----------------------------------------------------------------------------
    def date_label(self, mention: DateMention) -> Label | None:
        """The label that introduces a date: just before it on its line (only separators or a
        few words between), or alone on the line above when the date starts its line."""
        page = self.by_number[mention.page]
        line = page.line_at(mention.start)
        before = [lab for lab in page.labels_on(line) if lab.end <= mention.start]
        if before:
            lab = before[-1]
            gap = page.text[lab.end:mention.start]
            generic = page.text[lab.start:lab.end].lower() in ("date", "dated")
            if generic and re.search(r"[A-Za-z]{2}", re.sub(r"\([^)]*\)", "", gap)):
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
                        labels[-1].line_start or re.search(r"(?:\||:|\s{2,}|\t)\s*$",
                                                           page.text[above.start:labels[-1].start])):
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
                        if not extra.stripped or _ANY_BOX.search(extra.text) or re.match(
                                r"\s*(?:part|section)\s+[ivx\d]+\s*[:.\-]|\s*\d+\.\s", extra.text,
                                re.IGNORECASE):
                            break
                        wraps = re.search(r"(?:[,(&/\-]|\b(?:and|or|the|of|in|to|for|with|as|a|is|are|"
                                          r"which|from|has|will|be))\s*$", text)
                        if not (extra.stripped[0].islower() or wraps):
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
    words = re.findall(r"[A-Za-z]{2,}", re.sub(r"\([^)]*\)", "", gap))
    return len(words) <= 3
