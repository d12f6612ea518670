"""Who a document names: the worker, the signatory, the case manager, handover parties, the
examiner and the nominated treating doctor. Signature blocks, email headers, labelled values
and a few phrases ("your case manager is ...", "reallocated from A to B")."""

from __future__ import annotations

import re

from claimdex.fields._lexicon import _phrase_re
from claimdex.fields._signs import (
    Found,
    Signatory,
    at_line,
    cm_role,
    header_person,
    person_after,
)
from claimdex.fields._text import DocText, Label, Line
from claimdex.fields._values import read_person

# Documents the insurer writes: their signatory with a case-manager role is the case manager.
_LEADER_OR_TRIAGE = re.compile(r"team leader|\btl\b|triage")
_LEADER = re.compile(r"team leader|\btl\b")
_INTRO_GAP = re.compile(r"[\s:,-]*(?:is\s+|will be\s+|now\s+)?")
_NAME_START = re.compile(r"(?:^|[:;]\s*|\s{2,}|\bcontact\s+)(?=(?:(?:Mr|Ms|Mrs|Miss|Dr)\.?\s+)?[A-Z])")
INSURER_DOCS = ("liability_notice", "correspondence", "file_note", "injury_management_plan",
                "handover_note", "wage_information", "treatment_request", None, "unknown")


def case_managers(doc: DocText, doc_type: str | None, sigs: list[Signatory],
                  headers: dict[str, tuple[Line, int]]) -> list[Found]:
    """The claim's case manager as this document names them: an introduction ("your case
    manager is ..."), a "Case manager:" label, a name followed by a case-manager role, an
    insurer document's signatory with that role; for file notes, their author."""
    out = _introduced(doc, headers) + _labelled_case_managers(doc, doc_type)
    if doc_type not in ("injury_notification", "claim_form"):
        out.extend(_named_with_role(doc))
    for sig in sigs if doc_type in INSURER_DOCS else ():
        if cm_role(doc, sig.role):
            p = sig.person
            out.append(Found("case_manager", p.value, p.page, p.start, p.end, 0.9))
    if doc_type == "file_note" and not out:
        for label in doc.labels("author"):
            text = doc.page(label.page).text[label.start:label.end].lower()
            if text in ("by", "entered by", "author", "written by"):
                found = person_after(doc, label, "case_manager", 0.5)
                if found and not _LEADER_OR_TRIAGE.search(label.line.text.lower()):
                    out.append(found)
    return out


def _introduced(doc: DocText, headers: dict[str, tuple[Line, int]]) -> list[Found]:
    out: list[Found] = []
    intro = _phrase_re(doc.lexicon.case_manager_intro)
    for line in doc.nonempty_lines():
        for m in intro.finditer(line.text.lower()):
            if "i am" in m.group(0) or "i have" in m.group(0):
                who = header_person(doc, headers, "from", "case_manager", 0.85)
                if who:
                    out.append(who)
                continue
            skip = _INTRO_GAP.match(line.text[m.end():])
            offset = m.end() + (skip.end() if skip else 0)
            read = read_person(line.text[offset:], doc.lexicon)
            if read:
                out.append(at_line(doc, line, read, "case_manager", 0.9, offset))
    return out


def _labelled_case_managers(doc: DocText, doc_type: str | None) -> list[Found]:
    out: list[Found] = []
    for label in doc.labels("case_manager"):
        if label.alone and label.line_start:  # a role under a name, never the line below
            found = _role_above(doc, label) if doc_type in INSURER_DOCS else None
        else:
            found = person_after(doc, label, "case_manager", 0.85)
        if found and not _LEADER.search(doc.page(found.page).text[
                found.end:found.end + 20].lower()):
            out.append(found)
    return out


_ROLE_AFTER = re.compile(r"\s*(?:,|-|–|\(|\||/)\s*")


def _named_with_role(doc: DocText) -> list[Found]:
    """ "Contact: Jane Smith, Claims Advisor", "Sam Aitken (case manager)": a name followed on
    its line by a case-manager role."""
    out: list[Found] = []
    roles = _phrase_re(doc.lexicon.case_manager_roles)
    for line in doc.nonempty_lines():
        if not roles.search(line.text.lower()):
            continue
        for m in _NAME_START.finditer(line.text):
            read = read_person(line.text[m.end():], doc.lexicon)
            if read is None:
                continue
            rest = line.text[m.end() + read.end:]
            sep = _ROLE_AFTER.match(rest)
            if sep and cm_role(doc, rest[sep.end():sep.end() + 60]) and len(rest[:sep.end()].strip()) <= 2:
                out.append(at_line(doc, line, read, "case_manager", 0.85, m.end()))
    return out


def _role_above(doc: DocText, label: Label) -> Found | None:
    """ "Mr Jack Huynh / Case Manager": a role alone on its line names the person above it."""
    page = doc.page(label.page)
    above = page.previous_line(label.line)
    if above is None or above.index < label.line.index - 2:
        return None
    text = above.text
    lead = len(text) - len(text.lstrip(" \t-–.'_*,"))
    read = read_person(text[lead:], doc.lexicon)
    if read is None or read.end < len(text.strip()) - 2:
        return None
    return at_line(doc, above, read, "case_manager", 0.88, lead)


_FROM_TO = re.compile(
    r"(?:from|between)\s*:?\s*(?P<a>.+?)\s*(?:->|→|=>|\bto\b|\band\b)\s*:?\s*(?:to\s*:?\s*)?(?P<b>.+)",
    re.IGNORECASE)
_MOVE = re.compile(r"\b(?:reallocated|transferred|handed over|moved|handing)\b[^.\n]{0,40}?\bfrom\s+",
                   re.IGNORECASE)


_OUT_IN = re.compile(r"\((outgoing|incoming)\)", re.IGNORECASE)
_FROM_WORD = re.compile(r"\bfrom\b\s*:?", re.IGNORECASE)
_A_TO_B = re.compile(r"(?P<a>.+?)\s*(?:->|→|=>|\bto\b)\s*:?\s*(?P<b>.+)")
_ARROW = re.compile(r"(?:->|-->|→|=>)")
_TRAILING_BRACKET = re.compile(r"\s*\([^)]*\)?\s*$")
_TO_CM = re.compile(r"^(?:to|cm)\s*:?\s*", flags=re.I)
_NAMES_TO_NAMES = re.compile(r"(?:^|[-–:]\s)(?P<a>[A-Z][\w'’\-]+ [A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)?) to "
                             r"(?P<b>[A-Z][\w'’\-]+ [A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)?)\s*(?:,|$|\()")


def handovers(doc: DocText, doc_type: str | None, sigs: list[Signatory],
              headers: dict[str, tuple[Line, int]]) -> list[Found]:
    out: list[Found] = []
    for kind in ("handover_from", "handover_to"):
        for label in doc.labels(kind):
            found = person_after(doc, label, kind, 0.9)
            if found:
                out.append(found)
    for line in doc.nonempty_lines():
        out.extend(_pair_on(doc, line, doc_type))
        for m in _OUT_IN.finditer(line.text):
            start = max(line.text.rfind(",", 0, m.start()) + 1, line.text.rfind(":", 0, m.start()) + 1)
            read = read_person(line.text[start:m.start()], doc.lexicon)
            if read:
                kind = "handover_from" if m.group(1).lower() == "outgoing" else "handover_to"
                out.append(at_line(doc, line, read, kind, 0.85, start))
    if doc_type == "handover_note" and headers:
        for key, kind in (("from", "handover_from"), ("to", "handover_to")):
            found = header_person(doc, headers, key, kind, 0.6)
            if found:
                out.append(found)
    return out


def _pair_on(doc: DocText, line: Line, doc_type: str | None) -> list[Found]:
    """ "reallocated from A to B", "From: A -> To: B", "A to B, 09.12.24" (handover notes)."""
    text = line.text
    starts = [m.end() for m in _MOVE.finditer(text)]
    if doc_type == "handover_note":
        starts += [m.start() for m in _FROM_WORD.finditer(text)]
    out: list[Found] = []
    for begin in starts:
        m = _FROM_TO.match(text, begin) if text[begin:begin + 4].lower() in ("from", "betw") \
            else _A_TO_B.match(text[begin:])
        if not m:
            continue
        offset = begin if m.re is not _FROM_TO else 0
        a = read_person(m.group("a"), doc.lexicon)
        b = read_person(m.group("b"), doc.lexicon)
        if a and b and a.value != b.value:
            out.append(at_line(doc, line, a, "handover_from", 0.85, offset + m.start("a")))
            out.append(at_line(doc, line, b, "handover_to", 0.85, offset + m.start("b")))
    if not out and doc_type == "handover_note":
        for m in _ARROW.finditer(text):
            left = _TRAILING_BRACKET.sub("", text[:m.start()])
            cut = max(left.rfind(":"), left.rfind(" - "), left.rfind("|"))
            a = read_person(left[cut + 1:].strip(" -"), doc.lexicon)
            b_at = m.end() + len(text[m.end():]) - len(text[m.end():].lstrip(" :"))
            b = read_person(_TO_CM.sub("", text[b_at:]), doc.lexicon)
            if a and b and a.value != b.value:
                a_at = text.find(left[cut + 1:].strip(" -"))
                out.append(at_line(doc, line, a, "handover_from", 0.8, max(0, a_at)))
                out.append(at_line(doc, line, b, "handover_to", 0.8, b_at))
    if not out and doc_type == "handover_note":
        m = _NAMES_TO_NAMES.search(text)
        if m:
            a = read_person(m.group("a"), doc.lexicon)
            b = read_person(m.group("b"), doc.lexicon)
            if a and b:
                out.append(at_line(doc, line, a, "handover_from", 0.7, m.start("a")))
                out.append(at_line(doc, line, b, "handover_to", 0.7, m.start("b")))
    return out


_DOCTOR = re.compile(r"\b(?:Dr|A/Prof|Assoc Prof|Prof|Professor)\.?\s+(?=[A-Z])")


def authors(doc: DocText, doc_type: str | None, sigs: list[Signatory],
            headers: dict[str, tuple[Line, int]]) -> list[Found]:
    out: list[Found] = []
    for label in doc.labels("author"):
        found = person_after(doc, label, "author", 0.8)
        if found:
            out.append(found)
    out.extend(Found("author", s.person.value, s.person.page, s.person.start, s.person.end,
                     s.person.confidence) for s in sigs)
    sender = header_person(doc, headers, "from", "author", 0.75)
    if sender:
        out.append(sender)
    if doc_type in ("certificate_of_capacity", "medical_report", "ime_report", None, "unknown"):
        out.extend(_doctor_in_tail(doc, "author", 0.6))
    if doc_type in ("consent_form", "claim_form") and not out:
        for label in doc.labels("name", "worker"):
            found = person_after(doc, label, "author", 0.5)
            if found:
                out.append(found)
                break
    return out


def _doctor_in_tail(doc: DocText, name: str, confidence: float) -> list[Found]:
    lines = doc.nonempty_lines()
    for line in reversed(lines[-10:]):
        for m in _DOCTOR.finditer(line.text):
            read = read_person(line.text[m.start():], doc.lexicon)
            if read:
                return [at_line(doc, line, read, name, confidence, m.start())]
    return []


_NOT_EXAMINER = re.compile(r"\s*(?:to|attn|attention|referred by|requested by|cc|re)\b", re.I)


def examiners(doc: DocText, sigs: list[Signatory]) -> list[Found]:
    out: list[Found] = []
    for label in doc.labels("examiner"):
        found = person_after(doc, label, "examiner", 0.9)
        if found:
            out.append(found)
    for s in sigs:
        out.append(Found("examiner", s.person.value, s.person.page, s.person.start, s.person.end, 0.6))
    out.extend(_doctor_in_tail(doc, "examiner", 0.55))
    for line in doc.nonempty_lines()[:14]:
        if _NOT_EXAMINER.match(line.text):
            continue
        m = _DOCTOR.search(line.text)
        if m:
            read = read_person(line.text[m.start():], doc.lexicon)
            if read:
                out.append(at_line(doc, line, read, "examiner", 0.5, m.start()))
                break
    return out


_PERSONAL_MAIL = re.compile(r"@(?:gmail|outlook|hotmail|live|bigpond|icloud|yahoo|iinet|optusnet|"
                            r"tpg|internode|westnet|me|protonmail|aol|mail)\.", re.IGNORECASE)
_SEGMENT = re.compile(r"\s[|\-–]\s|\s*\|\s*")
_REPLY = re.compile(r"^(?:re|fw|fwd)\s*:\s*", flags=re.IGNORECASE)
_SALUTED = re.compile(r"\s*(?:dear\s+)?(?=(?:mr|ms|mrs|miss|mx)\.?\s+[A-Z])", re.IGNORECASE)
_ADDRESS = re.compile(r"(?:\d|unit\b|flat\b|apt\b|po box\b|lot\b)", re.IGNORECASE)
_WORKER_TITLED = re.compile(r"\b(?:examined|employee|worker|patient|client|claimant|re:?)\s*,?\s+"
                            r"(?=(?:Mr|Ms|Mrs|Miss|Mx)\.?\s)", re.IGNORECASE)
_YOUR_DOCTOR = re.compile(r"\byour (?:nominated treating )?doctor\s*\(\s*", re.IGNORECASE)
# Where those can match (see DocText.lines_with): the title after a space; "your".
_TITLE_HINT = re.compile(r"[Mm](?<=\s.)(?=(?i:rs?|s|iss|x)\.?\s)")
_YOUR_HINT = re.compile(r"[Yy](?<!\w.)(?=(?i:our ))")


def _segments(doc: DocText, headers: dict[str, tuple[Line, int]]) -> list[Found]:
    """A name that fills a segment of a title or subject line: "Claim X | Con Christodoulou"."""
    lines = [(x, 0) for x in doc.nonempty_lines()[:3]]
    if "subject" in headers:
        lines.append(headers["subject"])
    out: list[Found] = []
    for line, offset in lines:
        pos = offset
        for part in _SEGMENT.split(line.text[offset:]):
            at = line.text.find(part, pos)
            pos = max(pos, at + len(part))
            text = _REPLY.sub("", part.strip())
            read = read_person(text, doc.lexicon)
            if read and read.end >= len(text.rstrip(" .,:;")) - 1 and len(read.value.split()) <= 3:
                out.append(at_line(doc, line, read, "worker", 0.5, at + part.find(text)))
    return out


def _addressee(doc: DocText, headers: dict[str, tuple[Line, int]]) -> list[Found]:
    """The worker a letter or email is addressed to: a Mr/Ms name above a street address,
    "Dear Ms Jane Citizen", or an email to a personal address."""
    out: list[Found] = []
    lines = doc.nonempty_lines()
    for i, line in enumerate(lines[:16]):
        m = _SALUTED.match(line.text)
        if not m:
            continue
        read = read_person(line.text[m.end():], doc.lexicon)
        if read is None:
            continue
        dear = line.text.lower().lstrip().startswith("dear")
        below = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
        if dear or _ADDRESS.match(below):
            out.append(at_line(doc, line, read, "worker", 0.55, m.end()))
    if "to" in headers:
        line, offset = headers["to"]
        if _PERSONAL_MAIL.search(line.text):
            found = header_person(doc, headers, "to", "worker", 0.5)
            if found:
                out.append(found)
    return out


def workers(doc: DocText, headers: dict[str, tuple[Line, int]]) -> list[Found]:
    out: list[Found] = _segments(doc, headers) + _addressee(doc, headers)
    weights = {"worker": 0.9, "name": 0.45}
    for label in doc.labels("worker", "name"):
        text = doc.page(label.page).text[label.start:label.end].lower()
        weight = weights[label.kind]
        if text in ("re", "regarding", "client", "our client"):
            weight = 0.7
        found = person_after(doc, label, "worker", weight)
        if found:
            out.append(found)
    out.extend(_split_name(doc))
    for line in doc.lines_with(_TITLE_HINT):
        for m in _WORKER_TITLED.finditer(line.text):
            read = read_person(line.text[m.end():], doc.lexicon)
            if read:
                out.append(at_line(doc, line, read, "worker", 0.6, m.end()))
    return out


def _split_name(doc: DocText) -> list[Found]:
    firsts = list(doc.labels("worker_first"))
    lasts = list(doc.labels("worker_last"))
    for first in firsts:
        for last in lasts:
            if last.page != first.page or abs(last.line.index - first.line.index) > 1:
                continue
            a, b = doc.value_after(first), doc.value_after(last)
            if not (a and b):
                continue
            given = read_person(a.text, doc.lexicon, need_two=False)
            family = read_person(b.text, doc.lexicon, need_two=False)
            if given and family:
                return [Found("worker", f"{given.value} {family.value}", a.page, a.start + given.start,
                              max(a.start + given.end, b.start + family.end), 0.85)]
    return []


def treating_doctors(doc: DocText) -> list[Found]:
    out: list[Found] = []
    for label in doc.labels("ntd"):
        text = doc.page(label.page).text[label.start:label.end].lower()
        weight = 0.9 if ("nominated" in text or text == "ntd") else 0.7
        found = person_after(doc, label, "nominated_treating_doctor", weight)
        if found:
            out.append(found)
    for line in doc.lines_with(_YOUR_HINT):
        m = _YOUR_DOCTOR.search(line.text)
        if m:
            read = read_person(line.text[m.end():], doc.lexicon)
            if read:
                out.append(at_line(doc, line, read, "nominated_treating_doctor", 0.7, m.end()))
    return out
