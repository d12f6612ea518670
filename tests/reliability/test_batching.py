"""Classification batched across files (the ingest speed-up) gives every file the labels it
would get alone, and slow files are not held back waiting for a full batch."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from claimdex.models import ExtractedDocument, FileResult, FileTask, Page, doc_key
from claimdex.pipeline import _batches, _classify_many, _understand_many

TEXTS = {
    "cert.pdf": "Certificate of capacity. The worker has capacity for suitable duties.",
    "invoice.pdf": "Tax invoice. Physiotherapy consultation, amount due $95.00.",
    "notes.txt": "File note: called the worker, no answer. Will try again tomorrow.",
}


def _result(name: str, *docs: tuple[str, int, str]) -> FileResult:
    task = FileTask(Path("/claims/c") / name, "c", "0" * 64, 1, 0.0)
    return FileResult(task, tuple(ExtractedDocument(member, "pdf", (Page(page, text, "text"),))
                                  for member, page, text in docs), (), 0.0)


class _EchoClassifier:
    """Labels each document with its own text, so any mix-up between files shows."""

    def __init__(self) -> None:
        self.calls = 0

    def classify_result(self, result):
        self.calls += 1
        return {doc_key(d): {"doc_type": d.pages[0].text} for d in result.documents}


def test_each_file_gets_its_own_labels_in_one_call():
    results = [_result("a.pdf", ("", 1, "A1"), ("", 2, "A2")),  # a bundle cut in two
               _result("b.pdf", ("", 1, "B1")),                  # same key as a.pdf's first
               _result("c.eml", ("", 1, "C"), ("att.pdf", 1, "C-att")),
               _result("empty.pdf")]
    echo = _EchoClassifier()
    labels = _classify_many(results, echo)
    assert echo.calls == 1
    assert labels == [{"#1": {"doc_type": "A1"}, "#2": {"doc_type": "A2"}},
                      {"#1": {"doc_type": "B1"}},
                      {"#1": {"doc_type": "C"}, "att.pdf#1": {"doc_type": "C-att"}},
                      {}]
    fields = _understand_many(results, echo, lambda pages, doc_type: (f"{doc_type}:{pages[0].text}",))
    assert fields[1]["#1"]["fields"] == ("B1:B1",)


def test_batched_labels_equal_one_file_at_a_time():
    from claimdex.resources import load_classifier

    classifier = load_classifier()
    results = [_result(name, ("", 1, text)) for name, text in TEXTS.items()]
    together = _classify_many(results, classifier)
    for result, batched in zip(results, together, strict=True):
        alone = classifier.classify_result(result)
        assert batched.keys() == alone.keys()
        for key, value in alone.items():
            assert batched[key]["doc_type"] == value["doc_type"]
            assert batched[key]["confidence"] == pytest.approx(value["confidence"], abs=1e-5)


def test_batches_fill_up_or_flush_after_the_time_limit():
    quick = [_result(f"{i}.txt") for i in range(70)]
    assert [len(b) for b in _batches(iter(quick), files=32)] == [32, 32, 6]
    assert [len(b) for b in _batches(iter(quick), files=32, first=8)] == [8, 32, 30]

    def slow():
        for i in range(3):
            time.sleep(0.15)
            yield _result(f"slow{i}.pdf")

    assert [len(b) for b in _batches(slow(), files=32, seconds=0.1)] == [2, 1]


class _CountingPages:
    """Page types from the first word of each page; counts classifier calls."""

    def __init__(self) -> None:
        self.calls = 0

    def classify_pages(self, texts):
        from claimdex.split import PageType

        self.calls += 1
        return [PageType(t.split()[0].lower() if t.split() else "unknown", 0.9) for t in texts]


def _pages(name: str, *texts: str) -> FileResult:
    task = FileTask(Path("/claims/c") / name, "c", "0" * 64, 1, 0.0)
    pages = tuple(Page(i, text, "text") for i, text in enumerate(texts, 1))
    return FileResult(task, (ExtractedDocument("", "pdf", pages),), (), 0.0)


def test_page_types_of_a_batch_come_from_one_call_and_split_as_file_by_file():
    from claimdex.pipeline import split_bundles, split_many

    cert = ("Certificate of capacity\nName of worker: Ann Lee\nClaim number 4471-22\n"
            "Fit for suitable duties from 1 March 2024 to 28 March 2024.\nDr P Nguyen")
    invoice = ("Tax invoice\nPhysio Plus Pty Ltd\nInvoice no 5531, claim 4471-22\n"
               "Consultation 2 April 2024 $95.00\nTotal due $95.00")
    report = ("Report continues: the worker describes pain at work when lifting and the "
              "examination today shows a reduced range of movement in the lumbar spine.")
    results = [_pages("bundle.pdf", cert, invoice, "Page 2 of 2\n" + invoice),
               _pages("long.pdf", report, report + " More.", report + " Still more."),
               _pages("one.pdf", cert)]
    alone = [split_bundles(r, _CountingPages()) for r in results]
    counting = _CountingPages()
    together = split_many(results, counting)
    assert together == alone
    assert counting.calls == 1
