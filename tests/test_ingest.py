"""Ingest end to end: claims from folders, incremental re-ingest, failures, prune, search."""

from __future__ import annotations

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from claimdex.cli import app
from claimdex.config import IngestSettings
from claimdex.extract.ocr import tesseract_available
from claimdex.index import IndexStore, fts_query
from claimdex.pipeline import discover, ingest
from tests import fixture_files as ff

runner = CliRunner()
SETTINGS = IngestSettings(workers=2, timeout_seconds=60)


def test_discover_assigns_claims_from_folders(fixtures):
    root = fixtures["loose.txt"].parent
    found = {d.path.relative_to(root).as_posix(): d.claim for d in discover([root])}
    assert found["claim_A/cert.pdf"] == "claim_A"
    assert found["claim_A/sub/plan.docx"] == "claim_A"
    assert found["claim_B/notes.txt"] == "claim_B"
    assert found["loose.txt"] == root.name
    assert {d.claim for d in discover([root], claim="X")} == {"X"}
    assert discover([fixtures["loose.txt"]])[0].claim == root.name


def test_ingest_indexes_everything_and_records_failures(fixtures, tmp_path):
    root = fixtures["loose.txt"].parent
    db = tmp_path / "index.db"
    report = ingest([root], db_path=db, settings=SETTINGS)
    assert report.files == 11
    assert report.failures == 1
    (problem,) = report.problems
    assert problem.path.endswith("broken.pdf") and problem.category == "corrupt"
    # cert.pdf, scan.pdf, fax.tif, mail.eml + attachment, plan.docx, notes.txt, html.eml,
    # 2 zip members, photo.png, loose.txt
    assert report.documents == 12
    if tesseract_available():
        assert report.ocr_pages == 4  # scan page, 2 fax frames, photo
    conn = sqlite3.connect(db)
    statuses = dict(conn.execute("select path, status from files").fetchall())
    assert statuses[str(fixtures["claim_B/broken.pdf"])] == "failed"
    reason = conn.execute("select reason from failures").fetchone()[0]
    assert "broken.pdf" in reason
    parent = conn.execute("select d.id from documents d join files f on f.id = d.file_id "
                          "where f.path like '%mail.eml' and d.member = ''").fetchone()[0]
    child_parent = conn.execute("select parent_id from documents where member = 'cert.pdf'").fetchone()[0]
    assert child_parent == parent
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_reingest_skips_unchanged_replaces_changed_and_prunes(fixtures, tmp_path):
    root = fixtures["loose.txt"].parent
    db = tmp_path / "index.db"
    first = ingest([root], db_path=db, settings=SETTINGS)
    second = ingest([root], db_path=db, settings=SETTINGS)
    assert second.skipped == first.files and second.documents == 0 and second.failures == 0

    fixtures["claim_B/notes.txt"].write_text("File note: new content about surveillance.")
    fixtures["claim_A/cert.pdf"].unlink()
    third = ingest([root], db_path=db, settings=IngestSettings(workers=1, prune=True))
    assert third.documents == 1 and third.pruned == 1
    store = IndexStore.open(db)
    try:
        assert store.search("surveillance")[0].path.endswith("notes.txt")
        assert not store.search("called IW")
        assert not [h for h in store.search("suitable duties") if h.path.endswith("claim_A/cert.pdf")]
        assert store.counts()["pages"] == sum(1 for _ in store.db.query("select * from pages_fts"))
    finally:
        store.close()


def test_search_filters_and_snippets(fixtures, tmp_path):
    root = fixtures["loose.txt"].parent
    db = tmp_path / "index.db"
    ingest([root], db_path=db, settings=SETTINGS)
    store = IndexStore.open(db)
    try:
        hits = store.search("suitable duties")
        assert {h.claim for h in hits} == {"claim_A", "claim_B"}
        assert all("[" in h.snippet for h in hits)
        assert {h.claim for h in store.search("suitable duties", claim="claim_B")} == {"claim_B"}
        assert store.search('"); drop table pages; --') == []
    finally:
        store.close()


@pytest.mark.parametrize("query", ['a"b', "NEAR(", "x OR", "*", "'"])
def test_fts_query_is_always_safe(query):
    quoted = fts_query(query)
    assert all(part.startswith('"') and part.endswith('"') for part in quoted.split())


def test_cli_ingest_json_exit_codes_and_search(fixtures, tmp_path):
    root = fixtures["loose.txt"].parent
    db = tmp_path / "cli.db"
    result = runner.invoke(app, ["ingest", str(root), "--db", str(db), "--workers", "2",
                                 "--no-classify", "--json"])
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout)
    for key in ("files", "documents", "pages", "ocr_pages", "failures", "skipped", "seconds", "failed"):
        assert key in summary
    assert summary["failed"][0]["path"].endswith("broken.pdf")

    fixtures["claim_B/broken.pdf"].unlink()
    again = runner.invoke(app, ["ingest", str(root), "--db", str(db), "--no-classify", "--json"])
    assert again.exit_code == 0 and json.loads(again.stdout)["skipped"] == 10

    found = runner.invoke(app, ["search", "certificate", "--db", str(db), "--json"])
    assert found.exit_code == 0
    lines = [json.loads(line) for line in found.stdout.splitlines()]
    assert lines and {"path", "page", "claim", "doc_type", "snippet", "score"} <= set(lines[0])


def test_cli_usage_errors_exit_2(tmp_path):
    missing = runner.invoke(app, ["ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "x.db")])
    assert missing.exit_code == 2 and "does not exist" in missing.output
    assert not (tmp_path / "x.db").exists()
    assert runner.invoke(app, ["ingest"]).exit_code == 2
    no_db = runner.invoke(app, ["search", "x", "--db", str(tmp_path / "none.db")])
    assert no_db.exit_code != 0 and "claimdex ingest" in no_db.output


def test_timeout_and_crash_are_recorded_and_batch_goes_on(tmp_path, monkeypatch):
    """Faults injected through the real seam: the function the worker runs."""
    from claimdex import pipeline

    root = tmp_path / "c"
    root.mkdir()
    (root / "hang.txt").write_text("hang")
    (root / "crash.txt").write_text("crash")
    (root / "fine.pdf").write_bytes(ff.text_pdf())
    monkeypatch.setattr(pipeline, "_extract_one", _faulty_extract)
    report = ingest([root], db_path=tmp_path / "f.db",
                    settings=IngestSettings(workers=2, timeout_seconds=3))
    categories = {p.path.rsplit("/", 1)[-1]: p.category for p in report.problems}
    assert categories == {"hang.txt": "timeout", "crash.txt": "crashed"}
    assert report.documents == 1


def _faulty_extract(task, settings):
    import os
    import time

    from claimdex.extract import extract_file

    if task.path.name == "hang.txt":
        time.sleep(60)
    if task.path.name == "crash.txt":
        os._exit(139)
    return extract_file(task, settings=settings.extract)
