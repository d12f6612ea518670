"""Build ClaimViews directly from fields, for rule, timeline and summary tests."""

from __future__ import annotations

import itertools

from claimdex.models import ClaimView, DocumentView, Field

_ids = itertools.count(1)


def doc(doc_type: str | None, date: str | None = None, *, name: str | None = None,
        primary: bool = True, confidence: float = 0.9, **fields: str) -> DocumentView:
    """A document of ``doc_type`` dated ``date`` (ISO) stating ``fields``."""
    n = next(_ids)
    values = ([Field("doc_date", date, 1, 0, 10, confidence)] if date else [])
    values += [Field(k, v, 1, 20 + 10 * i, 28 + 10 * i, confidence)
               for i, (k, v) in enumerate(fields.items())]
    return DocumentView(f"id{n:04d}", f"claim/{name or f'{doc_type}-{n}.pdf'}", "", "C1", doc_type,
                        0.95, 1, 1, "pdf", tuple(values), None if primary else "dup", primary)


def view(*docs: DocumentView, claim: str = "C1") -> ClaimView:
    return ClaimView(claim, tuple(docs))


def cert(start: str, end: str | None, capacity: str, issued: str | None = None,
         **fields: str) -> DocumentView:
    values = {"cert_from": start, "capacity": capacity, **fields}
    if end:
        values["cert_to"] = end
    return doc("certificate_of_capacity", issued or start, **values)
