"""What certificates and liability notices state: the certified period and capacity, the
liability decision. Tick boxes decide first, then labelled values, titles, plain statements
(never the words of an unticked box, never a negated phrase)."""

from __future__ import annotations

import re

from claimdex.fields._dates import DateMention
from claimdex.fields._signs import Found, date_found
from claimdex.fields._text import DocText, Line

MAX_CERT_DAYS = 190

_CONNECTOR = re.compile(r"^\s*(?:,|\band\b)?\s*(?:(?:and\s+)?(?:is\s+)?(?:expected\s+to\s+"
                        r"(?:continue|last)\s+)?(?:to|until|till|through|thru|up to|inclusive to)|"
                        r"-{1,2}|–|—|->|→)\s*(?:and\s+including\s+)?$", re.IGNORECASE)
_NOT_A_PERIOD = re.compile(r"\b(?:records?|history|phase|covers?|authority|paid|payments?|invoice|"
                           r"leave|sessions?|approved|week ending|pay period|services?)\b", re.IGNORECASE)
_CERT_WORDS = re.compile(r"\b(?:capacity|fit|unfit|duties|certif\w*|period|incapacit\w*|work|"
                         r"employment|restrictions?)\b", re.IGNORECASE)
_FROM = re.compile(r"\b(?:from|as of|commencing)\s*:?\s*$", re.I)
_UNTIL = re.compile(r"\b(?:through|thru|until|till|to)\s*$", re.I)
_FROM_OR_EFFECTIVE = re.compile(r"\b(?:from|as of|commencing|effective)\s*:?\s*$", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|no longer|if|unless|without|whether|or)\s+(?:\w+\s+){0,2}$")


def certificate_fields(doc: DocText) -> list[Found]:
    ranges = _ranges(doc)
    out: list[Found] = []
    if ranges:
        best = max(ranges, key=lambda r: r[0])
        _, first, second, line = best
        out.append(date_found("cert_from", first, 0.85))
        if second is not None:
            out.append(date_found("cert_to", second, 0.85))
        capacity = _capacity(doc, line)
    else:
        capacity = _capacity(doc, None)
    if capacity:
        out.append(capacity)
    return out


def _ranges(doc: DocText) -> list[tuple[float, DateMention, DateMention | None, Line]]:
    """Candidate certified periods, scored: (score, from, to or None, line)."""
    found: list[tuple[float, DateMention, DateMention | None, Line]] = []
    dates = doc.dates
    for i, first in enumerate(dates):
        page = doc.page(first.page)
        line = page.line_at(first.start)
        label = doc.date_label(first)
        kind = label.kind if label else None
        second = None
        for other in dates[i + 1:i + 3]:
            if other.page != first.page:
                break
            gap = page.text[first.end:other.start]
            other_label = doc.date_label(other)
            if _CONNECTOR.match(gap) or (kind == "cert_from" and other_label is not None
                                         and other_label.kind == "cert_to" and gap.count("\n") <= 3):
                second = other
                break
        if second is None and _FROM.search(page.text[max(line.start, first.start - 20):first.start]):
            for other in dates[i + 1:i + 2]:
                gap = page.text[first.end:other.start] if other.page == first.page else ""
                if 0 < len(gap) <= 200 and _UNTIL.search(gap):
                    second = other
        if second is None and kind != "cert_from" and not _FROM_OR_EFFECTIVE.search(
                page.text[line.start:first.start]):
            continue
        if kind in ("dob", "injury_date", "notification_date", "other_date") and second is None:
            continue
        if second is not None and not (0 <= (second.value - first.value).days <= MAX_CERT_DAYS):
            continue
        found.append((_range_score(doc, line, first, second, kind), first, second, line))
    return found


def _range_score(doc: DocText, line: Line, first: DateMention, second: DateMention | None,
                 kind: str | None) -> float:
    text = line.text
    above = doc.page(line.page).previous_line(line)
    context = text + " " + (above.text if above else "")
    score = 3.0 if second is not None else 0.0
    boxes = [b for b in doc.boxes()[0] if b.line == line
             or (b.line.page == line.page and 0 < line.index - b.line.index <= 2
                 and line.stripped in b.text)]
    if any(b.ticked for b in boxes):
        score += 3
    elif boxes:
        score -= 5
    if doc.lexicon.capacity_re.search(_folded(context)):
        score += 2
    if _CERT_WORDS.search(context) or kind in ("cert_from", "cert_to"):
        score += 1
    if _NOT_A_PERIOD.search(text):
        score -= 4
    if first.style == "partial":
        score -= 2
    score -= 0.01 * (first.page - 1) + 0.0001 * line.index
    return score


def _folded(text: str) -> str:
    return text.lower().replace("’", "'").replace("rn", "m")


def _capacity(doc: DocText, period_line: Line | None) -> Found | None:
    """The certified capacity: a ticked box, a "Capacity:" value, the period's line, then the
    first plain statement (words of unticked boxes are ignored)."""
    boxes, plain = doc.boxes()
    text_of = {(x.page, x.index): t for x, t in zip(doc.lines, plain, strict=True)}
    tiers: list[list[tuple[Line, str]]] = [[], [], [], [], []]
    tiers[0] = [(b.line, b.text) for b in boxes if b.ticked]
    for label in doc.labels("capacity"):
        span = doc.value_after(label, next_line=False)
        if span is not None:
            tiers[1].append((label.line, span.text))
        elif label.alone:
            tiers[3].extend((x, text_of[(x.page, x.index)])
                            for x in doc.page(label.page).next_lines(label.line, 1))
    if period_line is not None:
        above = doc.page(period_line.page).previous_line(period_line)
        for line in (period_line, above):
            if line is not None:
                tiers[2].append((line, text_of[(line.page, line.index)]))
    tiers[4] = [(x, text_of[(x.page, x.index)]) for x in doc.nonempty_lines()]
    lookup = dict(doc.lexicon.capacity)
    for rank, items in enumerate(tiers):
        for line, raw in items:
            hit = _best_phrase(doc.lexicon.capacity_re, raw)
            if hit:
                return Found("capacity", lookup[hit], line.page, line.start, line.end,
                             (0.9, 0.85, 0.8, 0.7, 0.6)[rank])
    return None


def _best_phrase(pattern: re.Pattern[str], raw: str) -> str | None:
    """The longest phrase of ``pattern`` in ``raw`` that is not negated."""
    text = _folded(raw)
    hits = [m for m in pattern.finditer(text) if not _negated(text, m.start())]
    if not hits:
        return None
    return " ".join(max(hits, key=lambda m: len(m.group(0))).group(0).split())


def _negated(text: str, start: int) -> bool:
    return bool(_NEGATION.search(text[max(0, start - 25):start]))


# -- liability decisions -----------------------------------------------------------------------

# Later notices recount earlier steps ("provisional payments commenced on ..."): a statement
# of the later kinds of decision outweighs mentions of the earlier ones.
_DECISION_WEIGHT = {"work_capacity": 1.5, "disputed": 1.5, "reasonable_excuse": 1.5,
                    "accepted": 1.0, "provisional": 0.7}


def _heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.85 * len(letters)


def decision_fields(doc: DocText) -> list[Found]:
    pattern = doc.lexicon.decision_re
    lookup = dict(doc.lexicon.decision)
    boxes, plain = doc.boxes()
    text_of = {(x.page, x.index): t for x, t in zip(doc.lines, plain, strict=True)}
    lines = doc.nonempty_lines()
    labelled: list[tuple[Line, str]] = []
    for label in doc.labels("decision"):
        if not label.line_start:
            continue
        span = doc.value_after(label, next_line=False)
        if span is not None:
            labelled.append((label.line, span.text))
        elif label.alone:
            labelled.extend((x, text_of[(x.page, x.index)])
                            for x in doc.page(label.page).next_lines(label.line, 1))
    ticked = [(b.line, b.text) for b in boxes if b.ticked]
    titles = [(x, text_of[(x.page, x.index)]) for x in lines[:6]]
    titles += [(x, text_of[(x.page, x.index)]) for x in lines[6:30] if _heading(x.text)]
    for rank, tier in enumerate((titles, labelled, ticked)):
        for line, raw in tier:
            hit = _best_phrase(pattern, raw)
            if hit:
                return [Found("decision", lookup[hit], line.page, line.start, line.end,
                              (0.85, 0.9, 0.88)[rank])]
    scores: dict[str, float] = {}
    where: dict[str, Line] = {}
    for line in lines:
        text = _folded(text_of[(line.page, line.index)])
        for m in pattern.finditer(text):
            if _negated(text, m.start()):
                continue
            value = lookup[" ".join(m.group(0).split())]
            scores[value] = scores.get(value, 0.0) + len(m.group(0)) * _DECISION_WEIGHT[value]
            where.setdefault(value, line)
    if not scores:
        return []
    order = {d: i for i, d in enumerate(("work_capacity", "reasonable_excuse", "disputed",
                                         "accepted", "provisional"))}
    value = max(scores, key=lambda v: (scores[v], -order[v]))
    line = where[value]
    return [Found("decision", value, line.page, line.start, line.end, 0.6)]
