"""Where a document speaks for someone: labelled names, email and fax headers, signature
blocks and the roles under them. Shared by the readers of people, dates and statements."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimdex.fields._dates import DateMention
from claimdex.fields._lexicon import _phrase_re, fold
from claimdex.fields._text import DocText, Label, Line
from claimdex.fields._values import Read, read_person


@dataclass(frozen=True, slots=True)
class Found:
    name: str
    value: str
    page: int
    start: int
    end: int
    confidence: float


@dataclass(frozen=True, slots=True)
class Signatory:
    person: Found
    role: str  # the words after the name: same line, then the next lines (lower case)


def person_after(doc: DocText, label: Label, name: str, confidence: float, *,
                 need_two: bool = True) -> Found | None:
    span = doc.value_after(label)
    if span is None:
        return None
    read = read_person(span.text, doc.lexicon, need_two=need_two)
    if read is None:
        return None
    return Found(name, read.value, span.page, span.start + read.start, span.start + read.end,
                 confidence)


def at_line(doc: DocText, line: Line, read: Read, name: str, confidence: float, offset: int = 0
        ) -> Found:
    base = line.start + offset
    return Found(name, read.value, line.page, base + read.start, base + read.end, confidence)


# -- email and fax headers ---------------------------------------------------------------------
_HEADER = re.compile(r"\s*(From|Sent|Date|To|Cc|Subject)\s*:\s*(.*)", re.IGNORECASE)


def email_headers(doc: DocText) -> dict[str, tuple[Line, int]]:
    """Header name -> (line, offset of the value in the line) for a From/To/Subject block
    at the top of the first page."""
    if not doc.pages:
        return {}
    found: dict[str, tuple[Line, int]] = {}
    for line in [x for x in doc.pages[0].lines if x.stripped][:14]:
        m = _HEADER.match(line.text)
        if m:
            found.setdefault(m.group(1).lower(), (line, m.start(2)))
    return found if len(found) >= 2 and ("from" in found or "to" in found) else {}


def header_person(doc: DocText, headers: dict[str, tuple[Line, int]], key: str, name: str,
                  confidence: float) -> Found | None:
    if key not in headers:
        return None
    line, offset = headers[key]
    read = read_person(line.text[offset:], doc.lexicon)
    return at_line(doc, line, read, name, confidence, offset) if read else None


# -- signature blocks --------------------------------------------------------------------------

def signatories(doc: DocText) -> list[Signatory]:
    """People who sign: the name after a sign-off ("Yours sincerely"), and names in the last
    lines followed by a role ("Case Manager", "Claims Advisor")."""
    lines = doc.nonempty_lines()
    signoff = _phrase_re(doc.lexicon.signoffs)
    out: list[Signatory] = []
    for i, line in enumerate(lines):
        low = line.stripped.lower()
        if len(low) > 40 or not signoff.match(low):
            continue
        for j in range(i + 1, min(i + 4, len(lines))):
            sig = _signature_line(doc, lines, j, 0.85)
            if sig:
                out.append(sig)
                break
    tail_start = max(0, len(lines) - 12)
    for j in range(tail_start, len(lines)):
        sig = _signature_line(doc, lines, j, 0.7, need_role=True)
        if sig and all(s.person.start != sig.person.start for s in out):
            out.append(sig)
    return out


def _signature_line(doc: DocText, lines: list[Line], j: int, confidence: float, *,
                    need_role: bool = False) -> Signatory | None:
    line = lines[j]
    text = line.text
    lead = len(text) - len(text.lstrip(" \t-–.'_*"))
    read = read_person(text[lead:], doc.lexicon)
    if read is None:
        return None
    rest = text[lead + read.end:].strip(" \t,-–|(")
    if len(rest) > 60 and not _is_role(doc, rest):
        return None
    role = " ".join([rest, *(x.stripped for x in lines[j + 1:j + 3])]).lower()
    if need_role and not (_is_role(doc, rest) or (not rest and j + 1 < len(lines)
                                                   and _is_role(doc, lines[j + 1].stripped))):
        return None
    return Signatory(at_line(doc, line, read, "author", confidence, lead), role)


_OTHER_ROLES = re.compile(
    r"^(?:team leader|tl\b|senior team leader|portfolio manager|claims team leader|manager\b|"
    r"general practitioner|gp\b|physio|rehabilitation consultant|solicitor|senior associate|"
    r"principal|investigator|licensed investigator|hr\b|human resources|rtw coordinator|"
    r"return to work coordinator|supervisor|director|payroll|business manager|psycholog|"
    r"clinical psycholog|occupational therapist|exercise physiologist)")


def _is_role(doc: DocText, text: str) -> bool:
    low = " ".join(fold(w) for w in text.lower().split())
    return bool(cm_role(doc, text) or _OTHER_ROLES.match(low))


def cm_role(doc: DocText, text: str) -> bool:
    """True when ``text`` (the words after a name) starts with a case-manager role."""
    low = text.lower().strip(" ,-–|()")
    roles = _phrase_re(doc.lexicon.case_manager_roles)
    m = roles.search(low[:60])
    if not m:
        return False
    before = low[:m.start()]
    return len(before) <= 12 and "team leader" not in low[:40]


# -- the fields --------------------------------------------------------------------------------


def date_found(name: str, mention: DateMention, confidence: float) -> Found:
    """A date field read from one mention."""
    assert mention.value is not None
    return Found(name, mention.value.isoformat(), mention.page, mention.start, mention.end, confidence)
