"""Every file of ../shared/robustness ends as text or as the recorded failure its manifest expects."""

from __future__ import annotations

import csv
import sqlite3

import pytest

from claimdex.config import IngestSettings
from claimdex.pipeline import ingest
from tests.conftest import SHARED

CORPUS = SHARED / "robustness"
pytestmark = pytest.mark.skipif(not (CORPUS / "manifest.csv").exists(),
                                reason="../shared/robustness is not present")

# The manifest's words for an expected failure, and the categories that honour them.
_ERROR_WORDS = (
    ("encrypted", {"encrypted"}),
    ("exceeds limits", {"archive_limit"}),
    ("too large", {"resource_limit"}),
    ("unsupported format", {"unsupported"}),
    ("empty file", {"empty"}),
    ("not a pdf", {"unsupported", "corrupt"}),
    ("not a valid email", {"corrupt"}),
    ("corrupt image", {"corrupt", "crashed"}),
    ("or clear error", {"corrupt"}),
    ("invalid", {"corrupt", "unsupported"}),
    ("zero pages", {"corrupt", "unsupported"}),
    ("truncated", {"corrupt"}),
)


def _expectation(expected: str) -> tuple[bool, set[str]]:
    """(text allowed, failure categories allowed) from the manifest's expected behaviour.

    Some rows allow either outcome: "clear error ... (or hand to archive handling ...)",
    "load with warning (partial image) or clear error".
    """
    text = expected.lower()
    allows_text = not text.startswith("clear error") or "(or hand to" in text \
        or "or process only the real pages" in text
    if not text.startswith("clear error") and "or clear error" not in text:
        return allows_text, set()
    for word, categories in _ERROR_WORDS:
        if word in text:
            return allows_text, categories
    raise AssertionError(f"manifest expectation not understood: {expected}")


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    out = tmp_path_factory.mktemp("robust")
    db = out / "r.db"
    before = {p.name for p in CORPUS.glob("files/*")}
    report = ingest([CORPUS / "files"], db_path=db,
                    settings=IngestSettings(workers=2, timeout_seconds=240, memory_limit_mb=2048))
    assert {p.name for p in CORPUS.glob("files/*")} == before  # nothing written beside inputs
    return report, db, out


def _rows():
    with open(CORPUS / "manifest.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_batch_completes_with_every_file_accounted_for(ingested):
    report, db, _ = ingested
    conn = sqlite3.connect(db)
    statuses = {r[0].rsplit("/", 1)[-1] for r in conn.execute("select path from files")}
    assert statuses == {row["file"] for row in _rows()}
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize("row", _rows() if (CORPUS / "manifest.csv").exists() else [],
                         ids=lambda r: r["file"])
def test_outcome_matches_manifest(ingested, row):
    _, db, _ = ingested
    conn = sqlite3.connect(db)
    status, pages = conn.execute("select status, pages from files where path like ?",
                                 [f"%/{row['file']}"]).fetchone()
    categories = {r[0] for r in conn.execute(
        "select category from failures where path like ? and member = ''", [f"%/{row['file']}"])}
    reasons = [r[0] for r in conn.execute("select reason from failures where path like ?",
                                          [f"%/{row['file']}"])]
    allows_text, error_categories = _expectation(row["expected_behaviour"])
    if status == "failed":
        assert categories & error_categories, (row["file"], categories, error_categories)
    else:
        assert allows_text, (row["file"], "expected a clear error")
        assert status in ("ok", "partial") and pages >= 1
    assert all(row["file"] in reason for reason in reasons)  # every message names the file


def test_zip_slip_writes_nothing_outside(ingested):
    _, _, out = ingested
    assert not list(out.parent.glob("evil*"))
    assert not list(out.glob("**/evil*"))
