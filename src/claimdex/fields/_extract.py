"""Every field of one document, as candidates with a confidence; the best per field wins."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimdex.fields._dates import DateMention
from claimdex.fields._lexicon import DATE_KINDS, _phrase_re, fold
from claimdex.fields._people import (
    authors,
    case_managers,
    examiners,
    handovers,
    treating_doctors,
    workers,
)
from claimdex.fields._signs import Found, date_found, email_headers, signatories
from claimdex.fields._statements import certificate_fields, decision_fields
from claimdex.fields._text import DocText, Line
from claimdex.fields._values import read_body_part, read_claim_id, read_org

_ANY = (None, "unknown")
CERTIFICATE = ("certificate_of_capacity", *_ANY)
LIABILITY = ("liability_notice", *_ANY)
HANDOVER = ("handover_note", "file_note", "correspondence", *_ANY)
IME = ("ime_report", *_ANY)
REQUEST = ("correspondence", *_ANY)


def candidates(doc: DocText, doc_type: str | None) -> list[Found]:
    headers = email_headers(doc)
    sigs = signatories(doc)
    out: list[Found] = []
    out += _doc_dates(doc, headers)
    out += _claim_numbers(doc)
    out += workers(doc, headers)
    out += _employers(doc)
    out += authors(doc, doc_type, sigs, headers)
    out += case_managers(doc, doc_type, sigs, headers)
    out += _event_dates(doc)
    out += _injury(doc)
    out += treating_doctors(doc)
    if doc_type in CERTIFICATE:
        out += certificate_fields(doc)
    if doc_type in LIABILITY:
        out += decision_fields(doc)
    if doc_type in HANDOVER:
        out += handovers(doc, doc_type, sigs, headers)
    if doc_type in IME:
        out += examiners(doc, sigs)
        out += _exam_dates(doc)
    if doc_type in REQUEST:
        out += _information_request(doc, headers)
    return out


# -- the document's own date -------------------------------------------------------------------
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:am|pm|hrs)?\b|\b\d{3,4}\s*hrs\b|[+-]\d{4}\b",
                   re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:review|reviewed|due|until|till|before|by|from|to|expires?|next|"
                     r"appointment|appt|follow|target|expected|booked|scheduled|commenc\w*|"
                     r"effective|received|rec'd|since|between|covering|period|ending|within)\b"
                     r"[^.\n]{0,18}$", re.IGNORECASE)
_SIGNED_ON = re.compile(r"^[\W\d]*(?:prepared|signed|completed|written|dated|printed|generated|"
                        r"created)\b[^.\n]{0,40}?\bon\s*$", re.IGNORECASE)
_TITLE_TAIL = re.compile(r"\b(?:on|of|since|at|in|about)\s*$", re.I)
_WORD_SPACE = re.compile(r"[A-Za-z]{3,}\s$")
_NAMED_DOC = re.compile(r"\b(?:report|letter|notice|issue|plan|print|signature|today's|this)\s$", re.I)
_WORD = re.compile(r"[A-Za-z]{2,}")
_DIGIT = re.compile(r"\d")
_SPECIFIC_DOC_LABEL = 100.0
_GENERIC_DOC_LABEL = 92.0


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where lines sit in the document: the first lines, the title lines, the signature end."""

    top: frozenset[tuple[int, int]]
    head: frozenset[tuple[int, int]]
    tail: frozenset[tuple[int, int]]
    headers: frozenset[tuple[int, int]]  # email "Sent:" / "Date:" lines


def _doc_dates(doc: DocText, headers: dict) -> list[Found]:
    """Every date scored as the document's own date: a date label scores highest, then email
    headers, "prepared on", a date alone near the top, a title line, the signature end."""
    lines = doc.nonempty_lines()
    if not lines or not doc.dates:
        return []
    last_page = doc.pages[-1].number
    layout = _Layout(frozenset((x.page, x.index) for x in lines[:10]),
                     frozenset((x.page, x.index) for x in lines[:3]),
                     frozenset((x.page, x.index) for x in lines[-7:] if x.page == last_page),
                     frozenset((line.page, line.index) for key, (line, _) in headers.items()
                               if key in ("sent", "date")))
    out: list[Found] = []
    latest = max(m.value for m in doc.dates)
    for m in doc.dates:
        if (latest - m.value).days > 3 * 365:
            continue  # years before the facts it states: a date of birth or old history
        score = _doc_date_score(doc, m, layout)
        if score is None:
            continue
        if m.style == "partial":
            score -= 30
        out.append(date_found("doc_date", m, score / 100))
    return _prefer_position(out, lines)


def _doc_date_score(doc: DocText, m: DateMention, layout: _Layout) -> float | None:
    page = doc.page(m.page)
    line = page.line_at(m.start)
    key = (line.page, line.index)
    label = doc.date_label(m)
    if label is not None and label.kind in DATE_KINDS:
        if label.kind == "exam_date":
            return 55.0
        if label.kind != "doc_date":
            return None
        return _labelled_score(page.text, label, key, layout)
    if key in layout.headers:
        return 97.0
    if _SIGNED_ON.search(page.text[line.start:m.start]):
        return 95.0
    before = page.text[max(line.start, m.start - 40):m.start]
    above = page.previous_line(line)
    if not before.strip() and above is not None and len(above.stripped.split()) <= 3:
        before = above.stripped + " "  # a table cell: "by" / "01.06.22"
    if _FUTURE.search(before) or (label is not None and label.kind != "other"):
        return None
    opener = next((lab for lab in page.labels_on(line) if lab.line_start), None)
    if opener is not None and opener.kind not in ("doc_date", "other") and opener.end <= m.start:
        return 10.0  # inside another label's value: "Injury: strain (3/04/2024)"
    alone = _date_only(page.text[line.start:m.start] + page.text[m.end:line.end])
    if alone and key in layout.top:
        return 88.0
    if key in layout.head and not _TITLE_TAIL.search(before):
        return 86.0 if m.start - line.start <= 1 else 76.0  # a title line: "IMP - 2 May 2023"
    if key in layout.tail and len(line.stripped) <= 70 and len(doc.dates_on(line)) == 1:
        return 72.0 if alone else 68.0  # a date by the signature (not a period: two dates)
    return 40.0 if alone else 15.0


def _labelled_score(text: str, label, key: tuple[int, int], layout: _Layout) -> float:
    word = text[label.start:label.end].lower()
    if key in layout.headers or word == "sent":
        return 97.0
    if word in ("printed", "generated", "printed on", "generated on", "created"):
        return 90.0
    if word in ("date", "dated") and _qualified(text, label):
        return 45.0  # "Closure date:", "Discharge date:" - some other date
    if not (label.line_start or label.separated or label.alone or label.cell):
        return 70.0 if key in layout.tail else 60.0  # "CoC dated 26 Dec", "issued 3 May"
    if word in ("date", "dated"):
        return _GENERIC_DOC_LABEL if (key in layout.top or key in layout.tail) else 80.0
    return _SPECIFIC_DOC_LABEL


def _qualified(text: str, label) -> bool:
    """ "Referral date": a lower-case "date" right after a word names some other date."""
    word = text[label.start:label.end]
    before = text[label.line.start:label.start]
    return word.islower() and bool(_WORD_SPACE.search(before)) and not _NAMED_DOC.search(before)


def _prefer_position(found: list[Found], lines: list[Line]) -> list[Found]:
    """Equal scores: the earliest mention wins, except signature-block dates (the latest)."""
    ranked = []
    for i, f in enumerate(found):
        late = 0.68 <= f.confidence <= 0.72
        ranked.append(Found(f.name, f.value, f.page, f.start, f.end,
                            f.confidence + (i if late else -i) * 1e-5))
    return ranked


def _date_only(rest: str) -> bool:
    rest = _TIME.sub(" ", rest)
    words = _WORD.findall(rest)
    return not _DIGIT.search(rest) and len(words) <= 2 and all(w[0].isupper() for w in words)


# -- identifiers and organisations ------------------------------------------------------------

_CLAIM_WORD = re.compile(r"\bclaim(?:\s+(?:no\.?|number|#))?\s*[:#]?\s*", re.IGNORECASE)
# Where _CLAIM_WORD can match (see DocText.lines_with): "c" then "laim" case-blind, no word
# character before (that is \b). Only i, s and k have case-blind matches outside ASCII.
_CLAIM_HINT = re.compile(r"[Cc](?<!\w.)(?=(?i:laim))")


def _claim_numbers(doc: DocText) -> list[Found]:
    out: list[Found] = []
    for label in doc.labels("claim_number"):
        page = doc.page(label.page)
        word = page.text[label.start:label.end].lower()
        specific = "claim" in word and word != "claim"
        weight = 0.9 if specific else 0.7 if word == "claim" else 0.6
        tail_end = label.line.end
        read = read_claim_id(page.text[label.end:tail_end])
        if read is None and label.alone:
            for nxt in page.next_lines(label.line, 1):
                read = read_claim_id(nxt.text)
                if read:
                    out.append(Found("claim_number", read.value, page.number, nxt.start + read.start,
                                     nxt.start + read.end, weight - 0.05))
            continue
        if read:
            out.append(Found("claim_number", read.value, page.number, label.end + read.start,
                             label.end + read.end, weight))
    for line in doc.lines_with(_CLAIM_HINT):
        for m in _CLAIM_WORD.finditer(line.text):
            read = read_claim_id(line.text[m.end():])
            if read and read.start == 0:
                out.append(Found("claim_number", read.value, line.page, line.start + m.end(),
                                 line.start + m.end() + read.end, 0.5))
    return out


_EMPLOYED_BY = re.compile(r"\b(?:employed|working|works)\s+(?:by|with|for|at)\s+")
_EMPLOYED_HINT = re.compile(r"[ew](?<!\w.)(?=mployed|ork)")
_ORGISH = re.compile(r"\b(?:pty|ltd|limited|inc|group|services|council|department|co|"
                     r"corporation|company|club|hospital|centre|store|stores|solutions|"
                     r"logistics|industries|trust|office|agency|authority)\b\.?", re.IGNORECASE)


def _employers(doc: DocText) -> list[Found]:
    out: list[Found] = []
    for label in doc.labels("employer"):
        word = fold(doc.page(label.page).text[label.start:label.end])
        weight = 0.9 if "employ" in word else 0.55
        span = doc.value_after(label)
        if span is None:
            continue
        read = read_org(span.text)
        if read:
            out.append(Found("employer", read.value, span.page, span.start + read.start,
                             span.start + read.end, weight))
    for line in doc.lines_with(_EMPLOYED_HINT):
        for m in _EMPLOYED_BY.finditer(line.text):
            read = read_org(line.text[m.end():], capitals=True)
            if read and _orgish(read.value):
                out.append(Found("employer", read.value, line.page, line.start + m.end() + read.start,
                                 line.start + m.end() + read.end, 0.6))
    return out


def _orgish(value: str) -> bool:
    return bool(_ORGISH.search(value)) or len(value.split()) >= 2


# -- injury and notification dates -------------------------------------------------------------
_INJURY_PROSE = re.compile(r"(?:injur\w*|incident|accident|hurt|index event)\b[^.\n;]{0,45}?\b"
                           r"(?:on|of|dated|sustained)\s*\(?$|\b(?:inj|doi|injury)\.?\s*[:(]?\s*$",
                           re.IGNORECASE)
_NOTIFIED_PROSE = re.compile(r"(?:notif\w*|reported)\b[^.\n;]{0,45}?\b(?:on|of)\s*$|"
                             r"\b(?:reported|notified)\s*$", re.IGNORECASE)
# Words without which those two cannot match (a quick test first), looked for in lower case:
# right unless the text has one of the letters outside ASCII that case-blind matching takes
# for i, s or k and lower() does not turn into them (İ ı ſ).
_NOTIFIED_WORDS = ("notif", "reported")
_INJURY_WORDS = ("inj", "incident", "accident", "hurt", "index event", "doi")
_CASE_BLIND = re.compile("[\u0130\u0131\u017f]")
_TO_INSURER = re.compile(r"\b(?:insurer|us|we)\b", re.I)
_NOTIFIED_WORD = re.compile(r"\bnotif|\breport", re.I)
_EXAM_PROSE = re.compile(r"(?:examined|seen|assessed|assessment|interviewed|examination|attended|"
                         r"reviewed|appointment)\b[^.\n;]{0,40}?\bon\s*$|\bseen\s*$", re.IGNORECASE)


def _event_dates(doc: DocText) -> list[Found]:
    out: list[Found] = []
    for m in doc.dates:
        label = doc.date_label(m)
        kind = label.kind if label is not None else None
        partial = 0.2 if m.style == "partial" else 0.0
        if kind == "injury_date":
            out.append(date_found("injury_date", m, 0.9 - partial))
        elif kind == "notification_date":
            out.append(date_found("notification_date", m, 0.9 - partial))
        elif kind == "injury_nature":
            out.append(date_found("injury_date", m, 0.45 - partial))
        elif kind in (None, "other", "claim_number", "worker"):
            before = doc.page(m.page).text[max(0, m.start - 70):m.start].replace("\n", " ")
            low = before.lower()
            odd = _CASE_BLIND.search(before) is not None
            if (odd or _any_in(low, _NOTIFIED_WORDS)) and _NOTIFIED_PROSE.search(before) and \
                    _TO_INSURER.search(before):
                out.append(date_found("notification_date", m, 0.7 - partial))
            elif (odd or _any_in(low, _INJURY_WORDS)) and _INJURY_PROSE.search(before) and \
                    not _NOTIFIED_WORD.search(before[-30:]):
                out.append(date_found("injury_date", m, 0.7 - partial))
    return out


def _any_in(text: str, words: tuple[str, ...]) -> bool:
    return any(w in text for w in words)


def _exam_dates(doc: DocText) -> list[Found]:
    out: list[Found] = []
    for m in doc.dates:
        label = doc.date_label(m)
        page = doc.page(m.page)
        before = page.text[max(0, m.start - 60):m.start].replace("\n", " ")
        if label is not None and label.kind == "exam_date":
            out.append(date_found("exam_date", m, 0.9))
        elif (label is None or label.kind == "other") and _EXAM_PROSE.search(before):
            out.append(date_found("exam_date", m, 0.65))
    return out


# -- the injury --------------------------------------------------------------------------------

_THREE_LETTERS = re.compile(r"[A-Za-z]{3}")
_INJURY_TO = re.compile(r"\binjur(?:y|ed|ies)\s+(?:to\s+)?(?:his|her|their|the|your|my)?\s*", re.IGNORECASE)
_INJURY_HINT = re.compile("[iI\u0130\u0131](?<!\\w.)(?=(?i:njur))")  # İ and ı are "i" case-blind


def _injury(doc: DocText) -> list[Found]:
    out: list[Found] = []
    for kind, weight in (("body_part", 0.9), ("injury_nature", 0.8), ("injury_description", 0.8)):
        for label in doc.labels(kind):
            span = doc.value_after(label)
            if span is None or not _THREE_LETTERS.search(span.text):
                continue
            text = span.text.strip()
            if kind == "body_part":
                part = read_body_part(text, doc.lexicon)
                value = part.value if part else text[:60].lower()
                out.append(Found("body_part", value, span.page, span.start, span.end, weight))
                continue
            value = " ".join(text.split())[:160]
            out.append(Found(kind, value, span.page, span.start, span.end, weight))
            part = read_body_part(text, doc.lexicon)
            if part:
                out.append(Found("body_part", part.value, span.page, span.start + part.start,
                                 span.start + part.end, 0.6))
    for line in doc.lines_with(_INJURY_HINT):
        m = _INJURY_TO.search(line.text)
        if m:
            part = read_body_part(line.text[m.end():m.end() + 40], doc.lexicon)
            if part and part.start == 0:
                out.append(Found("body_part", part.value, line.page, line.start + m.end(),
                                 line.start + m.end() + part.end, 0.5))
    out += _injury_kind(doc, out)
    return out


def _injury_kind(doc: DocText, found: list[Found]) -> list[Found]:
    facts = [f for f in found if f.name in ("injury_nature", "injury_description", "body_part")]
    psych = _phrase_re(doc.lexicon.psychological)
    for f in sorted(facts, key=lambda f: -f.confidence):
        if psych.search(f.value.lower()):
            return [Found("injury_kind", "psychological", f.page, f.start, f.end, f.confidence)]
    if facts:
        best = max(facts, key=lambda f: f.confidence)
        return [Found("injury_kind", "physical", best.page, best.start, best.end, best.confidence * 0.8)]
    return []


# -- requests to treating practitioners --------------------------------------------------------
_TO_DOCTOR = re.compile(r"^\s*(?:to|dear|attn|attention)\s*:?\s*(?:dr|doctor)\b\.?", re.IGNORECASE | re.M)
_REQUEST = re.compile(r"\b(?:please (?:provide|forward|send|complete|answer|advise|respond)|"
                      r"could you (?:please )?(?:provide|forward|send|complete|advise)|"
                      r"we (?:request|would be grateful)|request(?:ing)? (?:for )?(?:copies|a report|"
                      r"your|the following|clinical|medical)|questions? (?:below|for)|clinical notes|"
                      r"medical records|your (?:report|opinion|comments))", re.IGNORECASE)
_NOT_TREATING = re.compile(r"independent medical|\bime\b|medico-?legal|letter of instruction",
                           re.IGNORECASE)


_AUTHORITY_HELD = re.compile(r"(?:authority|consent)\b[^.\n]{0,60}\b(?:enclosed|attached|on file|held|"
                            r"signed)\b|\b(?:enclosed|attached) is (?:a|the) (?:copy of )?(?:the )?"
                            r"(?:worker's )?(?:signed )?(?:authority|consent)", re.IGNORECASE)


def _information_request(doc: DocText, headers: dict) -> list[Found]:
    text = "\n".join(p.text for p in doc.pages)
    to_doctor = _TO_DOCTOR.search(text)
    if "to" in headers:
        line, offset = headers["to"]
        if re.match(r"\s*(?:dr|doctor)\b", line.text[offset:], re.IGNORECASE) or re.search(
                r"dear\s+dr\b", text[:600], re.IGNORECASE):
            to_doctor = to_doctor or re.search(r".", text)
    request = _REQUEST.search(text)
    if not (to_doctor and request) or _NOT_TREATING.search(text):
        return []
    page = doc.pages[0]
    if request.end() > len(page.text):
        return []
    # sent with the worker's signed authority: consent was held when the request went out
    value = "treating_practitioner_authorised" if _AUTHORITY_HELD.search(text) else "treating_practitioner"
    return [Found("information_request", value, page.number, request.start(), request.end(), 0.7)]

