"""Field extraction: the facts a claim document states, each with the page and characters it
came from. ``extract_fields`` is the pipeline stage (see ``pipeline.FieldExtractor``).

How it reads: spaCy's blank English tokenizer and a PhraseMatcher find the labels that the
patterns file lists ("Date of injury", "DOI", "Claim no.", "Case manager"), with OCR
confusions folded; regular expressions and python-dateutil read the dates (Australian
day-first unless the document shows it is month-first); small readers take the name,
organisation or number that follows a label; signature blocks, email headers and a few
phrases ("your case manager is ...") fill in the people. Several candidates may be found for
one field; the most confident is kept.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from claimdex.fields._extract import candidates
from claimdex.fields._lexicon import load_lexicon
from claimdex.fields._text import DocText
from claimdex.models import Field, Page

log = logging.getLogger(__name__)

__all__ = ["extract_fields", "load_lexicon"]


def extract_fields(pages: Sequence[Page], doc_type: str | None, *,
                   patterns: Path | None = None) -> tuple[Field, ...]:
    """The fields one document states, the most confident value of each (document order).

    ``doc_type`` gates the type-specific fields: certificate periods and capacity for
    certificates of capacity, the decision for liability notices, handover parties for
    handover notes (and reallocation notes), examination details for IME reports; with no
    type (``None`` or ``"unknown"``) every field is tried. Never raises on odd text: a
    document that cannot be read yields no fields.
    """
    if not any(p.text and p.text.strip() for p in pages):
        return ()
    try:
        doc = DocText(pages, load_lexicon(patterns))
        found = candidates(doc, doc_type)
    except Exception as exc:  # one odd document must not stop an ingest
        log.warning("field extraction failed on a document (%s)", exc.__class__.__name__)
        return ()
    best: dict[str, object] = {}
    for item in found:
        current = best.get(item.name)
        if current is None or item.confidence > current.confidence:  # type: ignore[attr-defined]
            best[item.name] = item
    fields = [Field(f.name, f.value, f.page, f.start, f.end, round(max(0.0, min(1.0, f.confidence)), 3))
              for f in best.values()]  # type: ignore[attr-defined]
    return tuple(sorted(fields, key=lambda f: (f.page, f.start, f.name)))
