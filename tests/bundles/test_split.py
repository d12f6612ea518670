"""Bundle splitting: page signals, boundary decisions, segments, and real bundles built from
generated and hand-written documents (tests/bundles/builders.py)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from functools import lru_cache

import pytest

from claimdex.models import ExtractedDocument, Page
from claimdex.split import (
    PageType,
    SplitSettings,
    find_boundaries,
    page_classifier,
    page_signals,
    split_document,
)
from tests.bundles import builders


class FakePages:
    """Page types from a keyword table: the first keyword found in the page wins."""

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table

    def classify_pages(self, texts: Sequence[str]) -> list[PageType]:
        out = []
        for text in texts:
            found = next((t for k, t in self.table.items() if k in text.lower()), "unknown")
            out.append(PageType(found, 0.95 if found != "unknown" else 0.2))
        return out


@lru_cache(maxsize=1)
def real_pages():
    from claimdex.resources import load_classifier

    return page_classifier(load_classifier())


LETTER = """Harbour Physiotherapy
12 Smith St, Parramatta NSW 2150
Ph 02 9687 1100  ABN 12 345 678 901
14 March 2024
Dear Ms Nguyen
RE: Jane Citizen, claim WC-1234
Thank you for referring Jane. She attended six sessions of treatment for her lower back and
reports steady progress with walking and sitting tolerance over the last fortnight.
Yours sincerely
Tom Lee, Physiotherapist"""

INVOICE = """City Imaging
ABN 98 765 432 109  Ph 02 9000 1111
Tax Invoice
Invoice date: 20/03/2024
Patient: Jane Citizen  Claim no: WC-1234
MRI lumbar spine  $450.00
Total $450.00"""

REPORT_P1 = """INDEPENDENT MEDICAL EXAMINATION REPORT
Worker: Jane Citizen   Claim no: WC-1234
Date of assessment: 2 April 2024
History. Ms Citizen injured her lower back lifting boxes at work on 3 January 2024 and has
had physiotherapy, medication and a graded return to work since then. She describes pain
that is worse with prolonged sitting, and she has been unable to resume her usual duties
because the lifting component of her role aggravates the symptoms considerably, and"""

REPORT_P2 = """she reports that the pain settles with rest and stretching over about an hour.
MENTAL STATE
Alert and cooperative. No evidence of a mood disorder.
Opinion
The diagnosis is a lumbar strain. Her capacity is for suitable duties with lifting under
10 kg for four weeks, then a review of her progress with her treating doctor."""


def _doc(texts: Sequence[str], media: str = "pdf") -> ExtractedDocument:
    return ExtractedDocument("", media, tuple(Page(i + 1, t, "text") for i, t in enumerate(texts)))


# -- page signals ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Some text here\nPage 1 of 3", (1, 3)),
    ("Some text here\nPage 2 of 3", (2, 3)),
    ("Page l of 2\nscanned text", (1, 2)),  # OCR reads 1 as l
    ("Some text here\nPg 3/4", (3, 4)),
    ("the figures on page 2 of the report show nothing\nmore text\nand more\nand more\nend",
     None),  # a reference in running text is not a page number
])
def test_page_of(text, expected):
    assert page_signals(1, text).page_of == expected


@pytest.mark.parametrize("text, blank", [
    ("", True),
    ("   \n  \n", True),
    ("12/03/2024 10:33  FAX 02 9687 1100  PARK ST MEDICAL  P.002/003\n", True),  # header only
    ("This page is intentionally left blank", True),
    ("Certificate of capacity for Jane Citizen", False),
])
def test_blank(text, blank):
    assert page_signals(1, text).blank is blank


def test_fax_header_is_read_and_removed():
    signals = page_signals(1, "12/03/2024 10:33  FAX 02 9687 1100  PARK ST MEDICAL  P.001/003\n"
                              "Certificate of Capacity\nWorker: Jane Citizen")
    assert "park st medical" in signals.fax_sender
    assert signals.fax_page == 1
    assert signals.top[0] == "certificate of capacity"


# -- boundaries --------------------------------------------------------------------------------

def test_letter_then_invoice_is_split():
    found = find_boundaries([LETTER, INVOICE], classifier=FakePages(
        {"invoice": "invoice", "dear": "correspondence"}))
    assert [b.page for b in found] == [2]
    assert "letterhead" in found[0].reasons


def test_report_running_on_is_not_split():
    pages = FakePages({"independent medical": "ime_report", "mental state": "medical_report"})
    assert find_boundaries([REPORT_P1, REPORT_P2], classifier=pages) == ()


@pytest.mark.parametrize("first, second, boundary", [
    (LETTER + "\nPage 1 of 2", INVOICE + "\nPage 2 of 2", False),  # a count that continues
    (LETTER + "\nPage 1 of 1", INVOICE + "\nPage 1 of 1", True),  # a count that restarts
    (REPORT_P1 + "\nPage 1 of 1", REPORT_P2 + "\nPage 1 of 2", True),
    (REPORT_P1, REPORT_P2 + "\n2", False),  # a bare page number 2
])
def test_page_numbering_decides(first, second, boundary):
    assert bool(find_boundaries([first, second])) is boundary


def test_claim_number_change_splits_alike_pages():
    a = INVOICE
    b = INVOICE.replace("WC-1234", "WC-9876").replace("20/03/2024", "27/03/2024")
    assert [x.page for x in find_boundaries([a, b])] == [2]


def test_blank_separator_stays_with_the_document_before():
    doc = _doc([LETTER, "", INVOICE])
    segments = split_document(doc, classifier=None)
    assert [[p.number for p in s.pages] for s in segments] == [[1, 2], [3]]
    assert all(s.member == doc.member and s.media_type == "pdf" for s in segments)
    reasons = dict(segments[1].meta)["split_reasons"]
    assert "after_blank" in reasons
    assert dict(segments[0].meta)["bundle_pages"] == "1-3"


@pytest.mark.parametrize("doc", [
    _doc([LETTER]),  # one page
    _doc([LETTER, INVOICE], media="eml"),  # not a paged format
])
def test_not_a_bundle_comes_back_unchanged(doc):
    assert split_document(doc, classifier=None) == (doc,)


def test_disabled_setting_leaves_bundles_whole():
    doc = _doc([LETTER, INVOICE])
    assert split_document(doc, classifier=None, settings=SplitSettings(enabled=False)) == (doc,)


def test_segments_keep_bundle_page_numbers():
    doc = ExtractedDocument("scan.pdf", "pdf", (Page(4, LETTER, "ocr"), Page(5, INVOICE, "ocr")),
                            parent="")
    segments = split_document(doc, classifier=None)
    assert [(s.pages[0].number, s.pages[-1].number) for s in segments] == [(4, 4), (5, 5)]
    assert all(s.parent == "" and s.member == "scan.pdf" for s in segments)


# -- real bundles ------------------------------------------------------------------------------

def _score(bundles, classifier) -> tuple[float, float, int]:
    tp = fp = fn = 0
    for bundle in bundles:
        doc = builders.bundle_pages(bundle.pdf)
        found = {b.page for b in find_boundaries([p.text for p in doc.pages],
                                                 classifier=classifier)}
        truth = set(bundle.starts[1:])
        tp, fp, fn = tp + len(found & truth), fp + len(found - truth), fn + len(truth - found)
    return tp / max(1, tp + fp), tp / max(1, tp + fn), tp + fn


def test_generated_bundles_are_split_at_their_boundaries():
    precision, recall, n = _score(list(builders.generated_bundles(10, seed=5)), real_pages())
    assert n >= 20
    assert precision >= 0.9 and recall >= 0.9, (precision, recall)


def test_handwritten_bundles_are_split_at_their_boundaries():
    bundles = list(builders.handwritten_bundles(12, seed=5))
    precision, recall, n = _score(bundles, real_pages())
    assert n >= 30
    assert precision >= 0.9 and recall >= 0.9, (precision, recall)


def test_long_single_documents_are_never_split():
    texts = sorted((text for _, _, text in builders.handwritten_texts()), key=len)
    cases = [builders.text_pdf(text, lines_per_page=20) for text in texts[-3:]]
    rng = random.Random(3)
    _, docs = builders.claim_documents(11, force=("ime_report", "rehab_report"))
    for doc in docs:
        if doc.doc_type in ("ime_report", "rehab_report", "wage_information"):
            cases.append(builders.paged_pdf(doc, rng, size=20, footer="none"))
    pages = 0
    for pdf in cases:
        doc = builders.bundle_pages(pdf)
        pages += len(doc.pages)
        found = find_boundaries([p.text for p in doc.pages], classifier=real_pages())
        assert found == (), [(b.page, b.reasons) for b in found]
    assert len(cases) >= 3 and pages >= 25
