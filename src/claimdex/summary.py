"""A claim summary for an incoming case manager: ``summarize_claim`` gathers who, what injury,
where the claim stands, what happened when and what is outstanding, each fact with the
documents (and pages) it came from; ``render_markdown``, ``render_html`` and ``render_json``
write it out. HTML is self-contained (inline style, no scripts, nothing fetched) and every
piece of text in it is escaped.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections import Counter
from dataclasses import dataclass

from claimdex.models import MEMBER_SEP, ClaimView, Finding
from claimdex.timeline import (
    CAPACITY_TEXT,
    DECISION_TEXT,
    Event,
    Fact,
    Source,
    Stint,
    build_timeline,
    claim_fact,
    dated,
    name_key,
    source_of,
)

KEY_TYPES = ("claim_form", "injury_notification", "consent_form", "certificate_of_capacity",
             "liability_notice", "injury_management_plan", "ime_report", "investigation_report",
             "handover_note", "medical_report", "rehab_report", "legal_document")
TYPE_NAMES = {
    "certificate_of_capacity": "Certificates of capacity", "ime_report": "IME reports",
    "consent_form": "Consent forms", "handover_note": "Handover notes",
    "claim_form": "Claim form", "injury_notification": "Injury notification",
    "injury_management_plan": "Injury management plans", "liability_notice": "Liability notices",
    "wage_information": "Wage information", "medical_report": "Medical reports",
    "treatment_request": "Treatment requests", "rehab_report": "Rehabilitation reports",
    "investigation_report": "Investigation reports", "file_note": "File notes",
    "correspondence": "Correspondence", "invoice": "Invoices", "legal_document": "Legal documents",
}


@dataclass(frozen=True, slots=True)
class Injury:
    body_part: Fact | None
    nature: Fact | None
    kind: Fact | None  # physical | psychological
    description: Fact | None

    def as_dict(self) -> dict[str, object]:
        sources = {s.document_id: s for f in (self.body_part, self.nature, self.kind, self.description)
                   if f for s in f.sources[:1]}
        return {"body_part": _v(self.body_part), "nature": _v(self.nature), "kind": _v(self.kind),
                "description": _v(self.description), "sources": [s.as_dict() for s in sources.values()]}


@dataclass(frozen=True, slots=True)
class Status:
    """A dated state of the claim (liability, capacity) and the document that states it."""

    value: str
    text: str
    date: dt.date | None
    start: dt.date | None
    end: dt.date | None
    source: Source

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"value": self.value, "text": self.text,
                                  "date": _iso(self.date), "sources": [self.source.as_dict()]}
        if self.start is not None:
            out.update({"from": _iso(self.start), "to": _iso(self.end)})
        return out


@dataclass(frozen=True, slots=True)
class KeyDocument:
    doc_type: str
    date: dt.date | None
    source: Source


@dataclass(frozen=True, slots=True)
class ClaimSummary:
    claim: str
    documents: int
    claim_number: Fact | None
    worker: Fact | None
    employer: Fact | None
    injury_date: Fact | None
    notification_date: Fact | None
    injury: Injury
    nominated_treating_doctor: Fact | None
    case_managers: tuple[Stint, ...]
    liability_status: Status | None
    latest_capacity: Status | None
    flags: tuple[Finding, ...]
    timeline: tuple[Event, ...]
    key_documents: tuple[KeyDocument, ...]
    counts: tuple[tuple[str, int], ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "claim": self.claim, "documents": self.documents,
            "claim_number": _fact(self.claim_number), "worker": _fact(self.worker),
            "employer": _fact(self.employer), "injury_date": _fact(self.injury_date),
            "notification_date": _fact(self.notification_date), "injury": self.injury.as_dict(),
            "nominated_treating_doctor": _fact(self.nominated_treating_doctor),
            "case_managers": [{"name": s.name, "first_seen": _iso(s.first), "last_seen": _iso(s.last),
                               "sources": [x.as_dict() for x in s.sources[:2]]}
                              for s in self.case_managers],
            "liability_status": self.liability_status.as_dict() if self.liability_status else None,
            "latest_capacity": self.latest_capacity.as_dict() if self.latest_capacity else None,
            "flags": [f.as_dict() for f in self.flags],
            "timeline": [e.as_dict() for e in self.timeline],
            "key_documents": [{"doc_type": d.doc_type, "date": _iso(d.date), **d.source.as_dict()}
                              for d in self.key_documents],
            "document_counts": dict(self.counts),
        }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _v(fact: Fact | None) -> str | None:
    return fact.value if fact else None


def _fact(fact: Fact | None) -> dict[str, object] | None:
    return fact.as_dict() if fact else None


def summarize_claim(view: ClaimView, findings: tuple[Finding, ...] | list[Finding] = (), *,
                    timeline=None) -> ClaimSummary:
    """Everything an incoming case manager needs about one claim, with its sources."""
    timeline = timeline or build_timeline(view)
    primary = [d for d in view.documents if d.is_primary]
    return ClaimSummary(
        claim=view.claim, documents=len(primary),
        claim_number=claim_fact(view, "claim_number"), worker=claim_fact(view, "worker"),
        employer=claim_fact(view, "employer"), injury_date=claim_fact(view, "injury_date"),
        notification_date=timeline.notification,
        injury=Injury(claim_fact(view, "body_part"), claim_fact(view, "injury_nature"),
                      claim_fact(view, "injury_kind"), claim_fact(view, "injury_description")),
        nominated_treating_doctor=_treating_doctor(view),
        case_managers=timeline.case_managers,
        liability_status=_liability(view), latest_capacity=_capacity(timeline),
        flags=tuple(findings), timeline=timeline.events,
        key_documents=tuple(sorted(
            (KeyDocument(d.doc_type, dated(d), source_of(d)) for d in primary if d.doc_type in KEY_TYPES),
            key=lambda k: (KEY_TYPES.index(k.doc_type), k.date or dt.date.max, k.source.name))),
        counts=tuple(sorted(Counter(d.doc_type or "unknown" for d in primary).items())),
    )


def _treating_doctor(view: ClaimView) -> Fact | None:
    """Named as the nominated treating doctor in two documents or more, else the doctor who
    signs most certificates of capacity, else whoever one document names."""
    stated = claim_fact(view, "nominated_treating_doctor")
    if stated is not None and stated.votes >= 2:
        return stated
    authors = [d for d in view.of_type("certificate_of_capacity") if d.value("author")]
    if authors:
        keys = Counter(name_key(d.value("author") or "") for d in authors)
        key, votes = keys.most_common(1)[0]
        if votes >= 2 or stated is None:
            docs = [d for d in authors if name_key(d.value("author") or "") == key]
            name = Counter(d.value("author") for d in docs).most_common(1)[0][0]
            return Fact(str(name), tuple(source_of(d, "author") for d in docs), votes)
    return stated


def _liability(view: ClaimView) -> Status | None:
    notices = [(dated(d), d) for d in view.of_type("liability_notice") if d.value("decision")]
    if not notices:
        return None
    day, doc = max(notices, key=lambda x: (x[0] or dt.date.min))
    value = doc.value("decision") or ""
    return Status(value, DECISION_TEXT.get(value, value), day, None, None, source_of(doc, "decision"))


def _capacity(timeline) -> Status | None:
    certs = [c for c in timeline.certificates if c.capacity]
    if not certs:
        return None
    cert = max(certs, key=lambda c: (c.start, c.issued or c.start))
    value = cert.capacity or ""
    return Status(value, CAPACITY_TEXT.get(value, value), cert.issued, cert.start, cert.end,
                  cert.source)


# -- rendering ---------------------------------------------------------------------------------

def render_json(summary: ClaimSummary) -> str:
    return json.dumps(summary.as_dict(), ensure_ascii=False, indent=2) + "\n"


def _fmt(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else "-"


def _fact_line(fact: Fact | None, *, date: bool = False) -> tuple[str, Source | None]:
    if fact is None:
        return ("not found in the documents", None)
    value = fact.value
    if date:
        try:
            value = _fmt(dt.date.fromisoformat(value))
        except ValueError:
            pass
    return (value, fact.sources[0] if fact.sources else None)


def _sections(s: ClaimSummary) -> list[tuple[str, list[list[tuple[str, Source | None]]]]]:
    """The summary as sections of rows; each row is cells of (text, source or None)."""
    who: list[list[tuple[str, Source | None]]] = [
        [("Worker", None), _fact_line(s.worker)],
        [("Employer", None), _fact_line(s.employer)],
        [("Claim number", None), _fact_line(s.claim_number)],
        [("Nominated treating doctor", None), _fact_line(s.nominated_treating_doctor)],
    ]
    for i, cm in enumerate(s.case_managers):
        role = "Case manager (current)" if i == len(s.case_managers) - 1 else "Case manager (earlier)"
        who.append([(role, None), (f"{cm.name}, seen {_fmt(cm.first)} to {_fmt(cm.last)}",
                                   cm.sources[0] if cm.sources else None)])
    inj = s.injury
    injury = [
        [("Date of injury", None), _fact_line(s.injury_date, date=True)],
        [("Insurer notified", None), _fact_line(s.notification_date, date=True)],
        [("Body part", None), _fact_line(inj.body_part)],
        [("Nature / diagnosis", None), _fact_line(inj.nature)],
        [("Physical or psychological", None), _fact_line(inj.kind)],
    ]
    stands: list[list[tuple[str, Source | None]]] = []
    if s.liability_status:
        st = s.liability_status
        stands.append([("Liability", None), (f"{st.text} (notice dated {_fmt(st.date)})", st.source)])
    else:
        stands.append([("Liability", None), ("no liability notice with a readable decision", None)])
    if s.latest_capacity:
        st = s.latest_capacity
        period = f"{_fmt(st.start)} to {_fmt(st.end)}" if st.end else f"from {_fmt(st.start)}"
        stands.append([("Latest certified capacity", None), (f"{st.text}, {period}", st.source)])
    else:
        stands.append([("Latest certified capacity", None), ("no certificate with a readable period", None)])
    outstanding = [[(f"{f.rule} ({f.severity})", None), (f.message.rstrip("."), None)]
                   + [(e.note or "evidence", Source(e.document_id, e.name, e.doc_type,
                                                    e.pages[0] if e.pages else 1)) for e in f.evidence]
                   + [("Standard: " + f.standard, None)] for f in s.flags]
    if not outstanding:
        outstanding = [[("No missing or late records found by the rules.", None)]]
    events = [[(_fmt(e.date), None), (e.text, e.source)] for e in s.timeline]
    documents = [[(TYPE_NAMES.get(d.doc_type, d.doc_type), None), (_fmt(d.date), None),
                  (d.source.name, d.source)] for d in s.key_documents]
    return [("Who", who), ("The injury", injury), ("Where the claim stands", stands),
            ("What is outstanding", outstanding), ("What happened when", events),
            ("Key documents", documents)]


class _Citations:
    def __init__(self) -> None:
        self.order: list[Source] = []

    def number(self, source: Source) -> int:
        key = (source.document_id, source.page)
        for i, known in enumerate(self.order, start=1):
            if (known.document_id, known.page) == key:
                return i
        self.order.append(source)
        return len(self.order)


def _title(s: ClaimSummary) -> str:
    number = s.claim_number.value if s.claim_number else s.claim
    worker = f" - {s.worker.value}" if s.worker else ""
    return f"Claim {number}{worker}"


_INTRO = ("Handover summary for an incoming case manager, built from {n} documents on file. "
          "Every fact cites the document and page it came from (see Sources); check the "
          "document before relying on it.")


def render_markdown(summary: ClaimSummary) -> str:
    cites = _Citations()
    out = [f"# {_md(_title(summary))}", "", _INTRO.format(n=summary.documents), ""]
    for title, rows in _sections(summary):
        out += [f"## {title}", ""]
        for row in rows:
            cells = []
            for text, source in row:
                cell = _code(text) if source is not None and text == source.name else _md(text)
                if source is not None:
                    cell += f" [{cites.number(source)}]"
                cells.append(cell)
            out.append("- " + (f"**{cells[0]}**: " + "; ".join(cells[1:]) if len(cells) > 1 else cells[0]))
        out.append("")
    out += ["## Sources", ""]
    for i, source in enumerate(cites.order, start=1):
        out.append(f"{i}. {_code(source.name)}, page {source.page}"
                   + (f" ({TYPE_NAMES.get(source.doc_type or '', source.doc_type)})" if source.doc_type else ""))
    return "\n".join(out).rstrip() + "\n"


def _code(text: str) -> str:
    """A file name as a Markdown code span (no escaping needed inside)."""
    text = " ".join(text.split())
    fence = "``" if "`" in text else "`"
    return f"{fence}{text}{fence}" if fence == "`" else f"{fence} {text} {fence}"


def _md(text: str) -> str:
    for ch in "\\`*_[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return " ".join(text.split())


def _link(name: str) -> str:
    """A document's name, linked to the file on this machine when its path is absolute (a
    plain link: nothing is fetched when the page opens)."""
    from pathlib import PurePosixPath, PureWindowsPath

    path = name.split(MEMBER_SEP, 1)[0]
    shown = html.escape(name)
    for kind in (PurePosixPath, PureWindowsPath):
        candidate = kind(path)
        if candidate.is_absolute():
            return f'<a href="{html.escape(candidate.as_uri(), quote=True)}">{shown}</a>'
    return shown


_CSS = ("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
        "color:#222;line-height:1.45}h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.6rem;"
        "border-bottom:1px solid #ccc}table{border-collapse:collapse;width:100%}td{vertical-align:"
        "top;padding:.25rem .5rem;border-bottom:1px solid #eee}td:first-child{font-weight:600;"
        "width:14rem}sup a{text-decoration:none}.intro{color:#555}ol li{margin:.15rem 0}")


def render_html(summary: ClaimSummary) -> str:
    cites = _Citations()
    esc = html.escape
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>{esc(_title(summary))}</title>", f"<style>{_CSS}</style></head><body>",
             f"<h1>{esc(_title(summary))}</h1>",
             f'<p class="intro">{esc(_INTRO.format(n=summary.documents))}</p>']
    for title, rows in _sections(summary):
        parts.append(f"<h2>{esc(title)}</h2><table>")
        for row in rows:
            cells = []
            for text, source in row:
                cell = esc(text)
                if source is not None:
                    n = cites.number(source)
                    cell += f' <sup><a href="#src{n}">[{n}]</a></sup>'
                cells.append(f"<td>{cell}</td>")
            parts.append("<tr>" + "".join(cells) + "</tr>")
        parts.append("</table>")
    parts.append("<h2>Sources</h2><ol>")
    for i, source in enumerate(cites.order, start=1):
        kind = TYPE_NAMES.get(source.doc_type or "", source.doc_type or "")
        parts.append(f'<li id="src{i}">{_link(source.name)}, page {source.page}'
                     + (f" ({esc(kind)})" if kind else "") + "</li>")
    parts.append("</ol></body></html>")
    return "\n".join(parts) + "\n"
