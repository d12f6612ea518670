"""Bundles through the pipeline: ingest stores one document per segment, `classify` prints one
line per segment, `split` writes one PDF per segment (named by the convention with --db)."""

from __future__ import annotations

import json
import random

import pymupdf
import pytest
from typer.testing import CliRunner

from claimdex.config import IngestSettings
from tests.bundles import builders


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    """A claim folder holding one PDF of three generated documents (pages numbered "k of N")."""
    root = tmp_path_factory.mktemp("bundle")
    folder = root / "claims" / "C7"
    folder.mkdir(parents=True)
    _, docs = builders.claim_documents(7, force=("ime_report",))
    rng = random.Random(7)
    chosen = [d for d in docs if d.doc_type == "ime_report"][:1] + \
        [d for d in docs if d.doc_type in ("invoice", "certificate_of_capacity")][:2]
    parts = [builders.paged_pdf(d, rng, size=16, footer="page_of") for d in chosen]
    starts, pdf = [], pymupdf.open()
    for data in parts:
        starts.append(pdf.page_count + 1)
        pdf.insert_pdf(pymupdf.open(stream=data))
    path = folder / "fax bundle.pdf"
    pdf.save(path)
    return root, path, starts, pdf.page_count


def test_ingest_stores_one_document_per_segment(bundle, tmp_path):
    from claimdex.index import IndexStore
    from claimdex.pipeline import ingest

    root, path, starts, pages = bundle
    db = tmp_path / "index.db"
    report = ingest([root / "claims"], db_path=db, settings=IngestSettings(workers=1))
    assert report.failures == 0 and report.documents == 3 and report.pages == pages
    store = IndexStore.open(db, create=False)
    try:
        docs = store.claim_view("C7").documents
        texts = [store.page_text(d.id) for d in docs]
    finally:
        store.close()
    ends = [s - 1 for s in starts[1:]] + [pages]
    assert [(d.page_start, d.page_end) for d in docs] == list(zip(starts, ends, strict=True))
    assert all(d.path == str(path) and d.member == "" for d in docs)
    assert [t[0][0] for t in texts] == starts  # pages keep the bundle's numbering


def test_classify_prints_one_line_per_segment(bundle):
    from claimdex.cli import app

    root, path, starts, pages = bundle
    result = CliRunner().invoke(app, ["classify", str(path), "--json", "--workers", "1"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert [r["page_start"] for r in rows] == starts
    assert rows[-1]["page_end"] == pages


def test_split_command_writes_one_pdf_per_segment(bundle, tmp_path):
    from claimdex.cli import app

    root, path, starts, pages = bundle
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["split", str(path), "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert [r["page_start"] for r in rows] == starts
    written = sorted(out.iterdir())
    assert len(written) == 3
    assert sum(pymupdf.open(p).page_count for p in written) == pages
    assert written[0].name == f"fax bundle_p001-{starts[1] - 1:03d}.pdf"
    again = CliRunner().invoke(app, ["split", str(path), "--out", str(out)])
    assert again.exit_code == 0 and len(list(out.iterdir())) == 6  # never overwrites


def test_split_names_segments_by_the_convention_with_a_db(bundle, tmp_path):
    from claimdex.cli import app
    from claimdex.pipeline import ingest

    root, path, starts, pages = bundle
    db = tmp_path / "index.db"
    ingest([root / "claims"], db_path=db, settings=IngestSettings(workers=1))
    out = tmp_path / "named"
    result = CliRunner().invoke(app, ["split", str(path), "--out", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 3 and all(n.endswith(".pdf") for n in names)
    assert not any(n.startswith("fax bundle_p") for n in names)


def test_split_refuses_what_cannot_be_a_bundle(tmp_path):
    from claimdex.cli import app

    note = tmp_path / "note.txt"
    note.write_text("File note: called the worker, no answer.", encoding="utf-8")
    result = CliRunner().invoke(app, ["split", str(note), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "not a PDF or TIFF" in result.output
