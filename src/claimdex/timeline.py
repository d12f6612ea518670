"""The story of one claim as its documents tell it: ``build_timeline`` turns a ClaimView into
dated events, certificate periods, case-manager stints and changes, and claim-level facts
chosen by vote across documents. Rules and summaries read this; neither reads text.

Only primary documents count (a duplicated document is counted once). Every event and fact
keeps the documents (and pages) it came from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from claimdex.models import ClaimView, DocumentView, Evidence, Field

MAX_CERT_DAYS = 190
SURE = 0.5  # below this confidence a date only places a document, it does not make it late
# Where a fact is best read, most trusted first (a vote among these wins over other types).
FACT_SOURCES: dict[str, tuple[str, ...]] = {
    "claim_number": ("liability_notice", "correspondence", "injury_management_plan", "file_note"),
    "worker": ("claim_form", "injury_notification", "certificate_of_capacity", "liability_notice",
               "correspondence"),
    "employer": ("injury_notification", "claim_form", "certificate_of_capacity", "liability_notice"),
    "injury_date": ("injury_notification", "claim_form", "certificate_of_capacity",
                    "liability_notice"),
    "body_part": ("injury_notification", "claim_form", "certificate_of_capacity",
                  "injury_management_plan"),
    "injury_nature": ("certificate_of_capacity", "injury_notification", "claim_form",
                      "medical_report"),
    "injury_kind": ("certificate_of_capacity", "injury_notification", "claim_form",
                    "medical_report", "injury_management_plan"),
    "injury_description": ("claim_form", "injury_notification"),
    "nominated_treating_doctor": ("injury_management_plan", "claim_form", "file_note",
                                  "handover_note", "correspondence"),
}
INSURER_TYPES = ("liability_notice", "correspondence", "file_note", "injury_management_plan",
                 "handover_note", "wage_information", "treatment_request")


@dataclass(frozen=True, slots=True)
class Source:
    """A document (and the page) a statement rests on."""

    document_id: str
    name: str
    doc_type: str | None
    page: int

    def evidence(self, date: dt.date | None = None, note: str = "") -> Evidence:
        return Evidence(self.document_id, self.name, self.doc_type, (self.page,),
                        date.isoformat() if date else None, note)

    def as_dict(self) -> dict[str, object]:
        return {"document": self.name, "page": self.page, "doc_type": self.doc_type,
                "document_id": self.document_id}


@dataclass(frozen=True, slots=True)
class Fact:
    value: str
    sources: tuple[Source, ...]  # the documents that state this value, best first
    votes: int = 1  # how many documents state it

    def as_dict(self) -> dict[str, object]:
        return {"value": self.value, "sources": [s.as_dict() for s in self.sources[:3]]}


@dataclass(frozen=True, slots=True)
class Event:
    date: dt.date
    kind: str  # injury, notification, claim_form, consent, certificate, liability, ime, ...
    text: str  # what happened, for people
    source: Source | None

    def as_dict(self) -> dict[str, object]:
        return {"date": self.date.isoformat(), "kind": self.kind, "text": self.text,
                "source": self.source.as_dict() if self.source else None}


@dataclass(frozen=True, slots=True)
class Certificate:
    start: dt.date
    end: dt.date | None  # None: open-ended (fit for pre-injury duties from ...)
    capacity: str | None
    author: str | None
    source: Source
    issued: dt.date | None


@dataclass(frozen=True, slots=True)
class Stint:
    """A case manager as the documents show them: first and last seen."""

    name: str
    first: dt.date
    last: dt.date
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class Change:
    """A change of case manager somewhere between ``after`` and ``by`` (both inclusive)."""

    old: str
    new: str
    after: dt.date  # the last day the old case manager is seen (or the stated effective date)
    by: dt.date  # the first day the new case manager is seen (or the stated effective date)
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class Timeline:
    claim: str
    events: tuple[Event, ...]
    certificates: tuple[Certificate, ...]
    case_managers: tuple[Stint, ...]
    changes: tuple[Change, ...]
    notification: Fact | None  # ISO date the insurer was notified
    unread_certificates: tuple[tuple[dt.date | None, Source], ...] = ()  # period not readable

    def documents_of(self, view: ClaimView, doc_type: str) -> tuple[DocumentView, ...]:
        return view.of_type(doc_type)


def source_of(doc: DocumentView, field: str | None = "doc_date") -> Source:
    found = doc.field(field) if field else None
    page = found.page if found is not None else doc.page_start
    return Source(doc.id, doc.name, doc.doc_type, page)


def dated(doc: DocumentView, field: str = "doc_date", *, sure: bool = False) -> dt.date | None:
    """The date ``field`` of a document; with ``sure``, only a date read with confidence
    (a labelled or letter-head date, not a date guessed from running text)."""
    if sure:
        found = doc.field(field)
        if found is None or found.confidence < SURE:
            return None
    return doc.date(field)


# -- claim-level facts -------------------------------------------------------------------------

def name_key(name: str) -> str:
    """Two spellings of one person share a key: first initial + surname, lower case."""
    words = re.sub(r"[^a-z' \-]", " ", name.lower()).split()
    words = [w for w in words if w not in ("dr", "mr", "mrs", "ms", "miss", "prof")]
    if not words:
        return ""
    return f"{words[0][0]} {words[-1]}" if len(words) > 1 else words[0]


def _value_key(name: str, value: str) -> str:
    if name in ("worker", "nominated_treating_doctor", "case_manager", "author", "examiner"):
        return name_key(value)
    if name == "claim_number":
        return re.sub(r"[^A-Z0-9]", "", value.upper())
    if name == "employer":
        text = re.sub(r"\b(pty|ltd|limited|inc|the)\b", " ", value.lower())
        return re.sub(r"[^a-z0-9]", "", text)
    return " ".join(value.lower().split())


def claim_fact(view: ClaimView, name: str, *, prefer: Iterable[str] = ()) -> Fact | None:
    """The value most documents state for ``name``; documents of the preferred types vote
    first (a value they agree on wins), weighted by extraction confidence."""
    prefer = tuple(prefer) or FACT_SOURCES.get(name, ())
    votes: dict[str, float] = defaultdict(float)
    shown: dict[str, Counter[str]] = defaultdict(Counter)
    sources: dict[str, list[tuple[float, Source]]] = defaultdict(list)
    count: Counter[str] = Counter()
    for doc in view.documents:
        if not doc.is_primary:
            continue
        found = doc.field(name)
        if found is None or not found.value:
            continue
        key = _value_key(name, found.value)
        if not key:
            continue
        weight = found.confidence * (2.0 if doc.doc_type in prefer else 1.0)
        votes[key] += weight
        count[key] += 1
        shown[key][found.value] += 1
        sources[key].append((weight, Source(doc.id, doc.name, doc.doc_type, found.page)))
    if not votes:
        return None
    best = max(votes, key=lambda k: (votes[k], count[k]))
    value = max(shown[best].items(), key=lambda kv: (kv[1], len(kv[0])))[0]
    ranked = tuple(s for _, s in sorted(sources[best], key=lambda ws: -ws[0]))
    return Fact(value, ranked, count[best])


# -- the timeline ------------------------------------------------------------------------------

def build_timeline(view: ClaimView) -> Timeline:
    docs = [d for d in view.documents if d.is_primary]
    certificates, unread = _certificates(docs)
    stints, changes = _case_managers(docs)
    notification = _notification(view, docs)
    events: list[Event] = []
    injury = claim_fact(view, "injury_date")
    if injury is not None:
        day = _iso(injury.value)
        if day:
            events.append(Event(day, "injury", "Injury", injury.sources[0]))
    if notification is not None:
        day = _iso(notification.value)
        if day:
            events.append(Event(day, "notification", "Insurer notified of the injury",
                                notification.sources[0] if notification.sources else None))
    for doc in docs:
        events.extend(_document_events(doc))
    for cert in certificates:
        events.append(Event(cert.start, "certificate", _certificate_text(cert), cert.source))
    for change in changes:
        events.append(Event(change.by, "case_manager_change",
                            f"Case manager changed from {change.old} to {change.new}",
                            change.sources[0] if change.sources else None))
    events.sort(key=lambda e: (e.date, _KIND_ORDER.get(e.kind, 99), e.text))
    return Timeline(view.claim, tuple(events), tuple(certificates), tuple(stints), tuple(changes),
                    notification, tuple(unread))


_KIND_ORDER = {k: i for i, k in enumerate((
    "injury", "notification", "claim_form", "consent", "certificate", "liability", "plan",
    "request", "ime", "investigation", "handover", "case_manager_change"))}
_DOCUMENT_EVENTS = {
    "claim_form": ("claim_form", "Worker's claim form"),
    "consent_form": ("consent", "Consent / authority signed"),
    "injury_management_plan": ("plan", "Injury management plan"),
    "investigation_report": ("investigation", "Investigation report"),
    "handover_note": ("handover", "Handover note"),
    "legal_document": ("legal", "Legal document"),
    "rehab_report": ("rehab", "Rehabilitation report"),
}
DECISION_TEXT = {"provisional": "provisional liability (weekly payments started)",
                 "accepted": "liability accepted", "reasonable_excuse": "reasonable excuse "
                 "(payments not started)", "disputed": "liability disputed",
                 "work_capacity": "work capacity decision"}
CAPACITY_TEXT = {"none": "no capacity for work", "suitable_duties": "capacity for suitable duties",
                 "pre_injury_duties": "fit for pre-injury duties"}


def _document_events(doc: DocumentView) -> list[Event]:
    day = dated(doc)
    out: list[Event] = []
    if doc.doc_type == "liability_notice" and day:
        decision = doc.value("decision")
        text = f"Liability notice: {DECISION_TEXT.get(decision or '', 'decision')}"
        out.append(Event(day, "liability", text, source_of(doc)))
    elif doc.doc_type == "ime_report":
        exam = dated(doc, "exam_date")
        who = doc.value("examiner")
        if exam:
            out.append(Event(exam, "ime", f"Independent medical examination{_by(who)}",
                             source_of(doc, "exam_date")))
        if day:
            out.append(Event(day, "ime", f"IME report{_by(who)}", source_of(doc)))
    elif doc.doc_type == "handover_note" and day:
        old, new = doc.value("handover_from"), doc.value("handover_to")
        text = "Handover note" + (f" from {old}" if old else "") + (f" to {new}" if new else "")
        out.append(Event(day, "handover", text, source_of(doc)))
    elif doc.doc_type in _DOCUMENT_EVENTS and day:
        kind, text = _DOCUMENT_EVENTS[doc.doc_type]
        out.append(Event(day, kind, text, source_of(doc)))
    if (doc.value("information_request") or "").startswith("treating_practitioner") and day:
        out.append(Event(day, "request", "Insurer asked a treating practitioner for information",
                         source_of(doc)))
    return out


def _by(who: str | None) -> str:
    return f" (Dr {who})" if who else ""


def _certificate_text(cert: Certificate) -> str:
    what = CAPACITY_TEXT.get(cert.capacity or "", "capacity not read")
    period = f"{cert.start:%d/%m/%Y}" + (f" to {cert.end:%d/%m/%Y}" if cert.end else " onwards")
    by = f" (Dr {cert.author})" if cert.author else ""
    return f"Certificate of capacity: {what}, {period}{by}"


def _iso(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _certificates(docs: list[DocumentView]
                  ) -> tuple[list[Certificate], list[tuple[dt.date | None, Source]]]:
    """Certificates with a readable period, and those without one (with their date if any)."""
    out: list[Certificate] = []
    unread: list[tuple[dt.date | None, Source]] = []
    for doc in docs:
        if doc.doc_type != "certificate_of_capacity":
            continue
        start, end = dated(doc, "cert_from"), dated(doc, "cert_to")
        capacity = doc.value("capacity")
        if start is None or (end is not None and not (0 <= (end - start).days <= MAX_CERT_DAYS)):
            unread.append((dated(doc), source_of(doc)))  # a misread period is safer not used
            continue
        out.append(Certificate(start, end, capacity, doc.value("author"),
                               source_of(doc, "cert_from"), dated(doc)))
    out.sort(key=lambda c: (c.start, c.end or c.start))
    return out, unread


def _notification(view: ClaimView, docs: list[DocumentView]) -> Fact | None:
    """The insurer's notification date: the employer's notification document if on file,
    else the date documents state, else the earliest claim form."""
    notices = []
    for doc in docs:
        if doc.doc_type == "injury_notification":
            field = "notification_date" if dated(doc, "notification_date") else "doc_date"
            if dated(doc, field):
                notices.append((dated(doc, field), doc, field))
    if notices:
        day, doc, field = min(notices, key=lambda x: x[0])
        return Fact(day.isoformat(), (source_of(doc, field),))
    stated = claim_fact(view, "notification_date", prefer=("liability_notice", "file_note"))
    if stated is not None:
        return stated
    forms = [(dated(d), d) for d in docs if d.doc_type == "claim_form" and dated(d)]
    if forms:
        day, doc = min(forms, key=lambda x: x[0])
        return Fact(day.isoformat(), (source_of(doc),))
    return None


# -- case managers -----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Seen:
    day: dt.date
    key: str
    name: str
    source: Source
    strong: bool


def _case_managers(docs: list[DocumentView]) -> tuple[list[Stint], list[Change]]:
    seen: list[_Seen] = []
    for doc in docs:
        day = dated(doc)
        if day is None:
            continue
        for f in doc.fields:
            if f.name in ("case_manager", "handover_to") or (
                    f.name == "handover_from" and doc.doc_type in ("handover_note", "file_note",
                                                                    "correspondence")):
                when = day
                if f.name == "handover_from":
                    when = day - dt.timedelta(days=1)  # the outgoing manager held it until then
                key = name_key(f.value)
                if key:
                    seen.append(_Seen(when, key, f.value, Source(doc.id, doc.name, doc.doc_type, f.page),
                                      _strong(f, doc)))
    groups: dict[str, list[_Seen]] = defaultdict(list)
    for item in seen:
        groups[item.key].append(item)
    kept = {k: sorted(v, key=lambda s: s.day) for k, v in groups.items()
            if len(v) >= 2 or any(s.strong for s in v)}
    # in order of their middle observation: one early or late mention does not reorder them
    keys = sorted(kept, key=lambda k: (kept[k][len(kept[k]) // 2].day, kept[k][0].day))
    ordered: list[str] = []
    for key in keys:
        if ordered and _cover(kept[key], kept[ordered[-1]]):
            continue  # seen only inside another's time (leave cover, a team leader)
        ordered.append(key)
    stints = [Stint(Counter(s.name for s in kept[k]).most_common(1)[0][0], kept[k][0].day,
                    kept[k][-1].day, tuple(s.source for s in kept[k])) for k in ordered]
    changes: list[Change] = []
    pairs = list(zip(ordered, stints, strict=True))
    for (old_key, old), (new_key, new) in zip(pairs, pairs[1:], strict=False):
        after, by = _split([s.day for s in kept[old_key]], [s.day for s in kept[new_key]])
        changes.append(Change(old.name, new.name, after, by, (new.sources[0], old.sources[-1])))
    return stints, changes


def _cover(inner: list[_Seen], outer: list[_Seen]) -> bool:
    """Seen once or twice, with the other case manager seen (firmly) before and after."""
    return len(inner) <= 2 and outer[0].day < inner[0].day and any(
        s.day > inner[-1].day and s.strong for s in outer)


def _split(old: list[dt.date], new: list[dt.date]) -> tuple[dt.date, dt.date]:
    """Where the change most likely happened: the cut that leaves the most old sightings
    before it and new sightings after it. Returns (last old day before, first new day after)."""
    days = sorted(set(old) | set(new))
    best, cut = -1, days[0]
    for day in days:
        score = sum(1 for d in old if d <= day) + sum(1 for d in new if d > day)
        if score > best:
            best, cut = score, day
    before = [d for d in old if d <= cut]
    after = [d for d in new if d > cut]
    last_old = before[-1] if before else min(old)
    first_new = after[0] if after else max(new)
    return min(last_old, first_new), max(last_old, first_new)


def _strong(f: Field, doc: DocumentView) -> bool:
    return f.confidence >= 0.85 or f.name in ("handover_from", "handover_to")
