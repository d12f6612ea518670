"""Export for the claims system: one row per document with the metadata a records team loads
back into a document management system (type and the claims system's codes, new name, date,
author, fields, page range, duplicate group, flags)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TextIO

from claimdex.metadata import ClaimCenterType
from claimdex.models import ClaimView, DocumentView
from claimdex.naming import Taxonomy, short_person

FORMATS = ("csv", "json", "jsonl")
EXPORT_COLUMNS = ("claim", "document_id", "path", "member", "new_name", "doc_type", "type_code",
                  "confidence", "claimcenter_type", "claimcenter_section", "doc_date", "author",
                  "page_start", "page_end", "media_type", "duplicate_group", "is_primary", "flags",
                  "fields")


@dataclass(frozen=True, slots=True)
class ExportRow:
    claim: str
    document_id: str
    path: str
    member: str  # "" for the file itself; attachments and archive members are listed, not renamed
    new_name: str  # the conventional name of the file holding the document ("" if it has none)
    doc_type: str
    type_code: str
    confidence: float | None
    claimcenter_type: str
    claimcenter_section: str
    doc_date: str
    author: str
    page_start: int
    page_end: int
    media_type: str
    duplicate_group: str
    is_primary: bool
    flags: tuple[str, ...]
    fields: tuple[tuple[str, str], ...]  # (name, value), the most confident value per name

    def as_dict(self) -> dict[str, object]:
        record = {name: getattr(self, name) for name in EXPORT_COLUMNS}
        record["flags"] = list(self.flags)
        record["fields"] = dict(self.fields)
        return record

    def as_csv(self) -> dict[str, object]:
        record = self.as_dict()
        record["confidence"] = "" if self.confidence is None else f"{self.confidence:.3f}"
        record["is_primary"] = "true" if self.is_primary else "false"
        record["flags"] = ";".join(self.flags)
        record["fields"] = json.dumps(dict(self.fields), ensure_ascii=False, sort_keys=True)
        return record


def export_documents(views: Iterable[ClaimView], *, taxonomy: Taxonomy,
                     claimcenter: Mapping[str, ClaimCenterType], names: Mapping[str, str] | None = None,
                     threshold: float = 0.6, mismatched: Iterable[str] = ()) -> tuple[ExportRow, ...]:
    """One row per document. ``names``: file path -> new name (from the rename plan);
    ``mismatched``: ids of documents with a METADATA_MISMATCH finding."""
    names = names or {}
    flagged = set(mismatched)
    rows = []
    for view in views:
        for doc in view.documents:
            doc_type = doc.doc_type or "unknown"
            mapped = claimcenter.get(doc_type) or claimcenter["unknown"]
            author = doc.value("author") or ""
            rows.append(ExportRow(
                claim=view.claim, document_id=doc.id, path=doc.path, member=doc.member,
                new_name=names.get(doc.path, ""), doc_type=doc_type,
                type_code=taxonomy.code(doc.doc_type), confidence=doc.confidence,
                claimcenter_type=mapped.type_code, claimcenter_section=mapped.section,
                doc_date=doc.value("doc_date") or "", author=short_person(author) if author else "",
                page_start=doc.page_start, page_end=doc.page_end, media_type=doc.media_type,
                duplicate_group=doc.duplicate_group or "", is_primary=doc.is_primary,
                flags=_flags(doc, threshold, doc.id in flagged),
                fields=_fields(doc)))
    return tuple(rows)


def _flags(doc: DocumentView, threshold: float, mismatch: bool) -> tuple[str, ...]:
    flags = []
    if not doc.doc_type:
        flags.append("unclassified")
    elif doc.doc_type == "unknown":
        flags.append("unknown_type")
    elif doc.confidence is not None and doc.confidence < threshold:
        flags.append("unsure")
    if not doc.value("doc_date"):
        flags.append("undated")
    if doc.member:
        flags.append("attachment")
    if doc.duplicate_group and not doc.is_primary:
        flags.append("duplicate")
    if mismatch:
        flags.append("metadata_mismatch")
    return tuple(flags)


def _fields(doc: DocumentView) -> tuple[tuple[str, str], ...]:
    names = sorted({f.name for f in doc.fields})
    return tuple((name, doc.value(name) or "") for name in names)


def write_export(rows: Iterable[ExportRow], fmt: str, stream: TextIO) -> int:
    """Write ``rows`` as csv, json (one array) or jsonl; returns the number written."""
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(stream, fieldnames=list(EXPORT_COLUMNS), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(row.as_csv())
            count += 1
    elif fmt == "jsonl":
        for row in rows:
            stream.write(json.dumps(row.as_dict(), ensure_ascii=False) + "\n")
            count += 1
    elif fmt == "json":
        items = [row.as_dict() for row in rows]
        json.dump(items, stream, ensure_ascii=False, indent=1)
        stream.write("\n")
        count = len(items)
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    return count
