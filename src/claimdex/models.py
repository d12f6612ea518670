"""The data contract passed between stages.

Page numbers are 1-based everywhere. A *file* is what lies on disk; a *document* is one
logical document inside it (the file itself, an email attachment, an archive member, later a
segment of a bundle). Documents inside a file are named by their ``member`` path, ``""`` for
the file itself and ``"a.eml::scan.pdf"`` for an attachment of an attachment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

MEMBER_SEP = "::"

# How the text of a page was obtained.
METHODS = ("text", "ocr", "email", "docx", "plain", "rtf")


@dataclass(frozen=True, slots=True)
class Page:
    number: int  # 1-based
    text: str
    method: str  # one of METHODS
    ocr_confidence: float | None = None  # mean word confidence 0-100, OCR pages only


@dataclass(frozen=True, slots=True)
class ExtractedDocument:
    member: str  # "" for the file itself
    media_type: str  # "pdf", "image", "tiff", "eml", "msg", "docx", "txt", "rtf"
    pages: tuple[Page, ...]
    parent: str | None = None  # member of the parent document, None for top-level
    meta: tuple[tuple[str, str], ...] = ()  # e.g. email headers (never logged)
    warnings: tuple[str, ...] = ()


def doc_key(doc: ExtractedDocument) -> str:
    """Identifies a document within its file: member plus first page (segments share members)."""
    first = doc.pages[0].number if doc.pages else 0
    return f"{doc.member}#{first}"


@dataclass(frozen=True, slots=True)
class Problem:
    """A per-file failure, recorded as data; the batch goes on."""

    path: str
    member: str
    stage: str  # "extract", "index", "classify", ...
    category: str  # "encrypted", "corrupt", "unsupported", "timeout", "crashed", ...
    message: str  # written for users; never contains document text


@dataclass(frozen=True, slots=True)
class FileTask:
    path: Path
    claim: str
    sha256: str
    size: int
    mtime: float


@dataclass(frozen=True, slots=True)
class FileResult:
    task: FileTask
    documents: tuple[ExtractedDocument, ...]
    problems: tuple[Problem, ...]
    seconds: float

    @property
    def failed(self) -> bool:
        return not self.documents and bool(self.problems)


@dataclass(frozen=True, slots=True)
class IngestReport:
    files: int
    documents: int
    pages: int
    ocr_pages: int
    skipped: int
    pruned: int
    seconds: float
    problems: tuple[Problem, ...] = field(default_factory=tuple)

    @property
    def failures(self) -> int:
        return len(self.problems)

    def as_dict(self) -> dict[str, object]:
        return {
            "files": self.files,
            "documents": self.documents,
            "pages": self.pages,
            "ocr_pages": self.ocr_pages,
            "failures": self.failures,
            "skipped": self.skipped,
            "pruned": self.pruned,
            "seconds": round(self.seconds, 3),
            "failed": [
                {"path": _display(p.path, p.member), "reason": p.message, "category": p.category}
                for p in self.problems
            ],
        }


@dataclass(frozen=True, slots=True)
class SearchHit:
    path: str
    member: str
    page: int
    claim: str
    doc_type: str | None
    snippet: str
    score: float
    document_id: str

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "member": self.member,
            "page": self.page,
            "claim": self.claim,
            "doc_type": self.doc_type,
            "snippet": self.snippet,
            "score": round(self.score, 4),
            "document_id": self.document_id,
        }


def _display(path: str, member: str) -> str:
    return f"{path}{MEMBER_SEP}{member}" if member else path


def display_name(path: str, member: str) -> str:
    """How a document is named to users: ``path`` or ``path::member``."""
    return _display(path, member)


# -- Claim intelligence: fields and the read model handed to rules, summaries, naming -------

FIELD_NAMES = (
    "doc_date", "claim_number", "worker", "employer", "author", "case_manager",
    "injury_date", "notification_date", "injury_description", "body_part", "injury_nature",
    "injury_kind",  # physical | psychological
    "cert_from", "cert_to", "capacity",  # certificates: capacity none|suitable_duties|pre_injury_duties
    "decision",  # liability notices: provisional|accepted|reasonable_excuse|disputed|work_capacity
    "handover_from", "handover_to",  # handover notes
    "exam_date", "examiner",  # IME reports
    "nominated_treating_doctor",
    "information_request",  # insurer asks a treating practitioner: treating_practitioner[_authorised]
)


@dataclass(frozen=True, slots=True)
class Field:
    """One extracted fact with its evidence: the page and character span it came from.

    ``value`` is normalised: ISO ``YYYY-MM-DD`` for dates, the enum id for capacity,
    decision and injury_kind, the name as written (whitespace folded) for people and orgs.
    """

    name: str  # one of FIELD_NAMES
    value: str
    page: int  # 1-based page number within the document
    start: int  # character offsets into that page's text
    end: int
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class DocumentView:
    """A document as the index knows it, for rules, summaries, naming and export."""

    id: str
    path: str
    member: str
    claim: str
    doc_type: str | None
    confidence: float | None
    page_start: int
    page_end: int
    media_type: str
    fields: tuple[Field, ...] = ()
    duplicate_group: str | None = None  # documents in one group are the same document
    is_primary: bool = True  # False for the extra copies of a duplicate group

    @property
    def name(self) -> str:
        return display_name(self.path, self.member)

    def field(self, name: str) -> Field | None:
        """The first (most confident) value of ``name``, or None."""
        best = [f for f in self.fields if f.name == name]
        return max(best, key=lambda f: f.confidence) if best else None

    def value(self, name: str) -> str | None:
        found = self.field(name)
        return found.value if found else None

    def date(self, name: str = "doc_date"):
        import datetime as _dt

        raw = self.value(name)
        try:
            return _dt.date.fromisoformat(raw) if raw else None
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class ClaimView:
    claim: str
    documents: tuple[DocumentView, ...]

    def of_type(self, doc_type: str, *, primary_only: bool = True) -> tuple[DocumentView, ...]:
        return tuple(d for d in self.documents
                     if d.doc_type == doc_type and (d.is_primary or not primary_only))


# -- Findings of the missing-record rules (rules -> summary, CLI) -------------------------------

@dataclass(frozen=True, slots=True)
class Evidence:
    """A document a finding rests on, with the pages that matter (1-based)."""

    document_id: str
    name: str  # path or path::member, as shown to users
    doc_type: str | None
    pages: tuple[int, ...]
    date: str | None = None  # ISO date the rule read from the document, if any
    note: str = ""  # what this document shows, e.g. "certificate 3/04/2024 to 17/04/2024"

    def as_dict(self) -> dict[str, object]:
        return {"document_id": self.document_id, "name": self.name, "doc_type": self.doc_type,
                "pages": list(self.pages), "date": self.date, "note": self.note}


@dataclass(frozen=True, slots=True)
class Finding:
    """A missing or late record: which rule, how serious, why, on what evidence, by what standard."""

    claim: str
    rule: str  # CONSENT_MISSING, CONSENT_LATE, HANDOVER_MISSING, COC_GAP, IMP_MISSING, ...
    severity: str  # high | medium | low
    message: str
    evidence: tuple[Evidence, ...]
    standard: str  # the criterion the rule comes from

    def as_dict(self) -> dict[str, object]:
        return {"claim": self.claim, "rule": self.rule, "severity": self.severity,
                "message": self.message, "evidence": [e.as_dict() for e in self.evidence],
                "standard": self.standard}
