"""The claims system's own metadata: CSVs found beside exported files, its type codes, and
the METADATA_MISMATCH check (recorded type or date disagrees with the document's content).

A claims-system export often carries a CSV of document id, name, type and date beside the
files. Column names vary between systems and versions, so they are detected leniently
(``Document Type``, ``doc_type``, ``Category`` ...). A CSV counts as metadata when it has a
name column, a type column, a document id or date column, and at least one of its names is
a file in its folder; such a CSV is read as metadata and never ingested as a document.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from claimdex.errors import ConfigError
from claimdex.models import ClaimView, DocumentView, Finding, Problem, display_name
from claimdex.models import Evidence as RuleEvidence
from claimdex.naming import LABELS_DIR, Taxonomy, load_taxonomy

CLAIMCENTER_FILE = LABELS_DIR / "claimcenter_types.csv"
RULE_ID = "METADATA_MISMATCH"
_HEAD_BYTES = 64 * 1024
_NAME_PROBE = 50  # names checked against the folder before a CSV counts as metadata
_MAX_WALK = 200_000

# Normalised header (lower case, letters and digits only) -> column role, best first.
_COLUMNS: dict[str, tuple[str, ...]] = {
    "doc_ref": ("documentid", "docid", "documentpublicid", "publicid", "documentnumber", "docno",
                "docnumber", "documentno", "docref", "documentref", "dmsid", "objectid", "id"),
    "name": ("filename", "documentfilename", "originalfilename", "documentname", "docname", "name",
             "file", "filepath", "relativepath", "path", "documenttitle", "title"),
    "member": ("member", "attachment", "attachmentname"),
    "doc_type": ("documenttype", "doctype", "type", "documentcategory", "category", "documentclass",
                 "class", "documentsubtype", "subtype"),
    "section": ("section", "documentsection", "sectioncode"),
    "document_date": ("documentdate", "docdate", "dateofdocument", "letterdate", "dated", "date"),
    "received_date": ("datereceived", "receiveddate", "received", "datecreated", "createddate",
                      "createdate", "created", "dateuploaded", "uploaddate", "uploaded", "dateadded",
                      "addeddate"),
    "claim": ("claim", "claimnumber", "claimno", "claimid"),
}


@dataclass(frozen=True, slots=True)
class Columns:
    """Which column index holds each role (-1: absent)."""

    name: int
    doc_type: int
    doc_ref: int = -1
    member: int = -1
    section: int = -1
    date: int = -1
    date_kind: str = ""  # "document" or "received"
    claim: int = -1


@dataclass(frozen=True, slots=True)
class MetadataRow:
    source: str  # the CSV file
    line: int  # its line number in the CSV (the header is line 1)
    folder: str  # the folder the CSV describes (where it lies)
    name: str
    doc_type: str
    doc_ref: str = ""
    member: str = ""
    section: str = ""
    doc_date: str = ""  # as written in the CSV
    date_kind: str = ""  # "document" | "received" | ""
    claim: str = ""

    def as_record(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_record(cls, record: Mapping[str, object]) -> MetadataRow:
        return cls(**{k: ("" if record.get(k) is None else record[k])  # type: ignore[arg-type]
                      for k in cls.__dataclass_fields__})


@dataclass(frozen=True, slots=True)
class MetadataScan:
    rows: tuple[MetadataRow, ...]
    sources: tuple[str, ...]
    problems: tuple[Problem, ...]


# -- finding and reading the CSVs ------------------------------------------------------------

def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def detect_columns(header: Sequence[str]) -> Columns | None:
    """The roles of a metadata CSV's columns, or None when it does not look like one."""
    normal = [_norm(h) for h in header]

    def find(role: str) -> int:
        for key in _COLUMNS[role]:
            if key in normal:
                return normal.index(key)
        return -1

    name, doc_type, doc_ref = find("name"), find("doc_type"), find("doc_ref")
    document_date, received = find("document_date"), find("received_date")
    date, kind = (document_date, "document") if document_date >= 0 else (received, "received")
    if name < 0 or doc_type < 0 or name == doc_type or (doc_ref < 0 and date < 0):
        return None
    return Columns(name=name, doc_type=doc_type, doc_ref=doc_ref, member=find("member"),
                   section=find("section"), date=date, date_kind=kind if date >= 0 else "",
                   claim=find("claim"))


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _dialect(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t", "|")}
    return max(counts, key=lambda d: counts[d])


def _read_head(path: Path) -> tuple[list[str], list[list[str]], Columns] | None:
    if path.suffix.lower() != ".csv":
        return None
    try:
        with open(path, "rb") as fh:
            text = _decode(fh.read(_HEAD_BYTES))
    except OSError:
        return None
    lines = text.splitlines()
    if not lines:
        return None
    reader = csv.reader(io.StringIO(text), delimiter=_dialect(lines[0]))
    try:
        header = next(reader)
        probe = [row for _, row in zip(range(_NAME_PROBE), reader, strict=False)]
    except (csv.Error, StopIteration):
        return None
    columns = detect_columns(header)
    return (header, probe, columns) if columns else None


@lru_cache(maxsize=64)
def _names_under(folder: str, _stamp: int) -> frozenset[str]:
    """Case-folded names and stems of the files under ``folder`` (hidden folders skipped)."""
    names: set[str] = set()
    seen = 0
    for _dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            names.add(name.casefold())
            names.add(Path(name).stem.casefold())
            seen += 1
        if seen > _MAX_WALK:
            break
    return frozenset(names)


def _file_names(folder: Path) -> frozenset[str]:
    try:
        stamp = folder.stat().st_mtime_ns
    except OSError:
        return frozenset()
    return _names_under(str(folder), stamp)


def is_metadata_csv(path: Path) -> bool:
    """Whether ``path`` is a claims-system metadata CSV describing files beside it."""
    head = _read_head(path)
    if head is None:
        return False
    _, probe, columns = head
    present = _file_names(path.parent)
    for row in probe:
        if columns.name < len(row):
            value = row[columns.name].strip().replace("\\", "/").rsplit("/", 1)[-1].casefold()
            if value and (value in present or Path(value).stem in present):
                return True
    return False


def read_metadata_csv(path: Path) -> tuple[tuple[MetadataRow, ...], tuple[Problem, ...]]:
    """Every row of one metadata CSV. Rows without a name are reported, not fatal."""
    head = _read_head(path)
    if head is None:
        return (), (Problem(str(path), "", "metadata", "unsupported",
                            f"{path} is not a claims-system metadata CSV"),)
    _, _, cols = head
    try:
        text = _decode(path.read_bytes())
    except OSError as exc:
        return (), (Problem(str(path), "", "metadata", "io",
                            f"{path} could not be read: {exc.strerror or exc}"),)
    reader = csv.reader(io.StringIO(text), delimiter=_dialect(text.splitlines()[0]))
    rows: list[MetadataRow] = []
    problems: list[Problem] = []
    try:
        next(reader)
        for record in reader:
            if not any(cell.strip() for cell in record):
                continue

            def cell(index: int, record: list[str] = record) -> str:
                return record[index].strip() if 0 <= index < len(record) else ""

            if not cell(cols.name):
                problems.append(Problem(str(path), "", "metadata", "incomplete",
                                        f"{path} line {reader.line_num} has no file name; row ignored"))
                continue
            rows.append(MetadataRow(
                source=str(path), line=reader.line_num, folder=str(path.parent),
                name=cell(cols.name), doc_type=cell(cols.doc_type), doc_ref=cell(cols.doc_ref),
                member=cell(cols.member), section=cell(cols.section), doc_date=cell(cols.date),
                date_kind=cols.date_kind if cell(cols.date) else "", claim=cell(cols.claim)))
    except csv.Error as exc:
        problems.append(Problem(str(path), "", "metadata", "corrupt",
                                f"{path} line {reader.line_num} is not valid CSV ({exc}); "
                                "the rows before it were read"))
    return tuple(rows), tuple(problems)


def read_metadata(folder: Path) -> MetadataScan:
    """Find and read every claims-system metadata CSV under ``folder``."""
    rows: list[MetadataRow] = []
    sources: list[str] = []
    problems: list[Problem] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if name.lower().endswith(".csv") and not name.startswith(".") and is_metadata_csv(path):
                found, trouble = read_metadata_csv(path)
                rows.extend(found)
                problems.extend(trouble)
                sources.append(str(path))
    return MetadataScan(tuple(rows), tuple(sources), tuple(problems))


def load_metadata_rows(store, view: ClaimView) -> tuple[MetadataRow, ...]:
    """The stored metadata rows that may describe ``view``'s files (``store``: IndexStore)."""
    folders = {str(parent) for d in view.documents for parent in Path(d.path).parents}
    return tuple(MetadataRow.from_record(r) for r in store.metadata_records(sorted(folders)))


# -- the claims system's type codes ---------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ClaimCenterType:
    doc_type: str  # our taxonomy id, or "unknown"
    type_code: str  # the claims system's document type code
    section: str  # the claims system's section (folder) code
    description: str = ""


def load_claimcenter_types(taxonomy: Taxonomy, path: Path | None = None) -> dict[str, ClaimCenterType]:
    """Our types -> the claims system's codes, from ``labels/claimcenter_types.csv``.

    Every taxonomy type and ``unknown`` must appear exactly once; an unknown type id is an
    error naming the file and line."""
    path = path or CLAIMCENTER_FILE
    try:
        text = _decode(path.read_bytes())
    except OSError as exc:
        raise ConfigError(f"{path} could not be read: {exc.strerror or exc}") from exc
    reader = csv.DictReader(io.StringIO(text))
    needed = ("doc_type", "claimcenter_type", "claimcenter_section")
    missing = [c for c in needed if c not in (reader.fieldnames or ())]
    if missing:
        raise ConfigError(f"{path}: missing column(s) {', '.join(missing)}; expected "
                          f"{', '.join(needed)}, description")
    known = (*taxonomy.ids, "unknown")
    mapping: dict[str, ClaimCenterType] = {}
    for record in reader:
        line = reader.line_num
        doc_type = (record.get("doc_type") or "").strip()
        if doc_type not in known:
            raise ConfigError(f"{path} line {line}: unknown type id '{doc_type}'; use one of "
                              f"{', '.join(known)}")
        if doc_type in mapping:
            raise ConfigError(f"{path} line {line}: '{doc_type}' is mapped twice")
        code = (record.get("claimcenter_type") or "").strip()
        section = (record.get("claimcenter_section") or "").strip()
        if not code or not section:
            raise ConfigError(f"{path} line {line}: '{doc_type}' needs a claimcenter_type and "
                              "a claimcenter_section")
        mapping[doc_type] = ClaimCenterType(doc_type, code, section,
                                            (record.get("description") or "").strip())
    absent = [t for t in known if t not in mapping]
    if absent:
        raise ConfigError(f"{path}: no mapping for {', '.join(absent)}; add a line for each")
    return mapping


def type_aliases(taxonomy: Taxonomy, claimcenter: Mapping[str, ClaimCenterType] | None = None
                 ) -> dict[str, frozenset[str]]:
    """Normalised words a claims system may record -> the taxonomy types they can mean."""
    aliases: dict[str, set[str]] = {}

    def add(word: str, doc_type: str) -> None:
        if _norm(word):
            aliases.setdefault(_norm(word), set()).add(doc_type)

    for info in taxonomy.types:
        for word in (info.id, info.code, info.name, *info.also_called):
            add(word, info.id)
    for entry in (claimcenter or {}).values():
        if entry.doc_type != "unknown":
            add(entry.type_code, entry.doc_type)
            add(entry.description, entry.doc_type)
    return {k: frozenset(v) for k, v in aliases.items()}


# -- METADATA_MISMATCH -----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Evidence:
    document_id: str
    path: str
    member: str
    page: int | None  # the page the document's date was read from, when it is about a date
    source: str  # the metadata CSV
    line: int

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class MetadataFinding:
    claim: str
    rule: str
    severity: str
    message: str
    evidence: tuple[Evidence, ...]

    def as_dict(self) -> dict[str, object]:
        return {"claim": self.claim, "rule": self.rule, "severity": self.severity,
                "message": self.message, "evidence": [e.as_dict() for e in self.evidence]}

    def as_finding(self, view: ClaimView) -> Finding:
        """The same finding in the shape every rule of `claimdex check` reports."""
        types = {d.id: d.doc_type for d in view.documents}
        evidence = tuple(
            RuleEvidence(e.document_id, display_name(e.path, e.member), types.get(e.document_id),
                         (e.page,) if e.page else (), None, f"{Path(e.source).name} line {e.line}")
            for e in self.evidence)
        return Finding(self.claim, self.rule, self.severity, self.message, evidence, METADATA_STANDARD)


METADATA_STANDARD = ("Records quality: the document type and date recorded in the claims system "
                     "match the document itself (the review found documents hard to locate given "
                     "limited naming conventions).")


def check_metadata(store, view: ClaimView, *, threshold: float = 0.6) -> tuple[Finding, ...]:
    """METADATA_MISMATCH findings for one claim (``store``: IndexStore), for `claimdex check`."""
    rows = load_metadata_rows(store, view)
    if not rows:
        return ()
    taxonomy = load_taxonomy()
    found = metadata_mismatches(view, rows, taxonomy=taxonomy,
                                claimcenter=load_claimcenter_types(taxonomy), threshold=threshold)
    return tuple(f.as_finding(view) for f in found)


def metadata_mismatches(view: ClaimView, rows: Iterable[MetadataRow], *, taxonomy: Taxonomy | None = None,
                        claimcenter: Mapping[str, ClaimCenterType] | None = None,
                        threshold: float = 0.6, date_tolerance_days: int = 1
                        ) -> tuple[MetadataFinding, ...]:
    """Documents whose type or date recorded by the claims system disagrees with their content.

    A type is compared only when the recorded word is recognised (a taxonomy id, code, name
    or alias, or a claims-system code from the mapping) and the document was classified with
    at least ``threshold`` confidence. A recorded *document* date must equal the document's
    date (within ``date_tolerance_days``); a *received/created* date may not be earlier than it.
    """
    from claimdex.naming import load_taxonomy

    taxonomy = taxonomy or load_taxonomy()
    aliases = type_aliases(taxonomy, claimcenter)
    findings: list[MetadataFinding] = []
    for row, doc in match_rows(view, rows):
        findings.extend(_type_finding(view.claim, row, doc, aliases, threshold))
        findings.extend(_date_finding(view.claim, row, doc, date_tolerance_days))
    return tuple(findings)


def match_rows(view: ClaimView, rows: Iterable[MetadataRow]) -> list[tuple[MetadataRow, DocumentView]]:
    """Each metadata row with the one document it describes; ambiguous rows are left out."""
    by_name: dict[str, list[DocumentView]] = {}
    for doc in sorted(view.documents, key=lambda d: (d.path, d.member, d.page_start)):
        by_name.setdefault(Path(doc.path).name.casefold(), []).append(doc)
        by_name.setdefault(Path(doc.path).stem.casefold(), []).append(doc)
    claim_ids = {view.claim.casefold()} | {v.casefold() for d in view.documents
                                          if (v := d.value("claim_number"))}
    matched = []
    for row in rows:
        if row.claim and row.claim.casefold() not in claim_ids:
            continue
        rel = row.name.replace("\\", "/").strip("/")
        candidates = [d for d in by_name.get(rel.rsplit("/", 1)[-1].casefold(), ())
                      if _under(d.path, row.folder, rel, bool(row.claim)) and d.member == row.member]
        if len({d.path for d in candidates}) == 1:
            matched.append((row, candidates[0]))  # the first segment of the file
    return matched


def _under(path: str, folder: str, rel: str, has_claim: bool) -> bool:
    """Whether the row's name can mean ``path``: a file beside the CSV, or deeper when the row
    gives a relative path or its claim (one CSV for many claim folders)."""
    if not Path(path).is_relative_to(folder):
        return False
    if "/" in rel:
        return Path(path).as_posix().casefold().endswith("/" + rel.casefold())
    return Path(path).parent == Path(folder) or has_claim


def _shown(doc: DocumentView) -> str:
    return Path(doc.path).name + (f"::{doc.member}" if doc.member else "")


def _type_finding(claim: str, row: MetadataRow, doc: DocumentView,
                  aliases: Mapping[str, frozenset[str]], threshold: float) -> list[MetadataFinding]:
    recorded = aliases.get(_norm(row.doc_type))
    confidence = doc.confidence if doc.confidence is not None else 1.0
    if not recorded or not doc.doc_type or doc.doc_type == "unknown" or confidence < threshold \
            or doc.doc_type in recorded:
        return []
    where = f"{Path(row.source).name} line {row.line}"
    message = (f"{_shown(doc)}: the claims system records type '{row.doc_type}' ({where}) but the "
               f"content reads as {doc.doc_type} (confidence {confidence:.2f})")
    return [MetadataFinding(claim, RULE_ID, "warning", message,
                            (Evidence(doc.id, doc.path, doc.member, None, row.source, row.line),))]


def _date_finding(claim: str, row: MetadataRow, doc: DocumentView, tolerance: int) -> list[MetadataFinding]:
    recorded = parse_date(row.doc_date)
    stated = doc.date("doc_date")
    if recorded is None or stated is None:
        return []
    gap = (recorded - stated).days
    if row.date_kind == "received":
        if gap >= -tolerance:
            return []
        problem = f"records it as received on {recorded.isoformat()}, before its own date"
    elif abs(gap) <= tolerance:
        return []
    else:
        problem = f"records its date as {recorded.isoformat()}"
    field = doc.field("doc_date")
    where = f"{Path(row.source).name} line {row.line}"
    message = (f"{_shown(doc)}: the claims system {problem} ({where}) but the document is dated "
               f"{stated.isoformat()}")
    return [MetadataFinding(claim, RULE_ID, "warning", message,
                            (Evidence(doc.id, doc.path, doc.member, field.page if field else None,
                                      row.source, row.line),))]


_TIME = re.compile(r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp][Mm])?\s*(?:Z|[+-]\d{2}:?\d{2})?$")
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%d.%m.%y", "%Y/%m/%d",
                 "%d %B %Y", "%d %b %Y", "%d-%b-%Y", "%d-%b-%y", "%d %b %y", "%B %d, %Y", "%b %d, %Y",
                 "%Y%m%d")


def parse_date(text: str) -> dt.date | None:
    """A date as claims systems export it: ISO, Australian day-first, with or without a time."""
    text = _TIME.sub("", text.strip()).strip().rstrip(",")
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None
