"""Encrypted PDFs: a clear failure naming the file and what to do, or their text when the
password is given with --password (also on a re-run over an index that recorded them)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pymupdf
import pytest
from typer.testing import CliRunner

from claimdex.cli import app
from tests.conftest import SHARED

runner = CliRunner()
ROBUST = SHARED / "robustness" / "files"
QPDF = ("qpdf-enc-R2-user-view.pdf", "qpdf-enc-R6-aes256-user-view.pdf")  # user password "view"
SECRET_WORDS = "Independent medical examination of the lumbar spine"


def _encrypted_pdf(path: Path, method: int) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_textbox(pymupdf.Rect(50, 50, 550, 800), f"{SECRET_WORDS}\nClaim HW-2403-118822\n"
                        "The worker has capacity for suitable duties.", fontsize=11)
    doc.save(path, encryption=method, user_pw="view", owner_pw="master-owner")
    doc.close()


@pytest.fixture
def folder(tmp_path) -> Path:
    """Two generated encrypted PDFs, plus the qpdf samples of ../shared/robustness if present."""
    root = tmp_path / "claim"
    root.mkdir()
    _encrypted_pdf(root / "aes256.pdf", pymupdf.PDF_ENCRYPT_AES_256)
    _encrypted_pdf(root / "rc4.pdf", pymupdf.PDF_ENCRYPT_RC4_128)
    for name in QPDF:
        if (ROBUST / name).exists():
            shutil.copy(ROBUST / name, root / name)
    return root


def _ingest(folder: Path, db: Path, *extra: str):
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--workers", "2",
                                 "--no-classify", "--no-ocr", "--json", *extra])
    assert "Traceback" not in result.output
    return result, json.loads(result.stdout)


def _page_text(db: Path, name: str) -> str:
    conn = sqlite3.connect(db)
    try:
        return "\n".join(r[0] for r in conn.execute(
            "select p.text from pages p join files f on f.id = p.file_id where f.path like ? "
            "order by p.page_no", [f"%/{name}"]))
    finally:
        conn.close()


def _check_clear_failure(report: dict, names: set[str], wrong_password: bool = False) -> None:
    failed = {Path(f["path"]).name: f for f in report["failed"]}
    assert set(failed) == names
    for name, failure in failed.items():
        assert failure["category"] == "encrypted"
        assert name in failure["reason"] and "password" in failure["reason"]
        if wrong_password:
            assert "does not open it" in failure["reason"]
        else:
            assert "--password" in failure["reason"]


def test_encrypted_pdfs_fail_clearly_then_read_with_password(folder, tmp_path):
    names = {p.name for p in folder.iterdir()}
    db = tmp_path / "enc.db"
    result, report = _ingest(folder, db)
    assert result.exit_code == 1
    _check_clear_failure(report, names)
    assert _page_text(db, "aes256.pdf") == ""

    wrong, report = _ingest(folder, tmp_path / "wrong.db", "--password", "not-it")
    assert wrong.exit_code == 1
    _check_clear_failure(report, names, wrong_password=True)

    # The user follows the advice on the same index: the failed files are read this time.
    again, report = _ingest(folder, db, "--password", "view")
    assert again.exit_code == 0, again.output
    assert report["failed"] == [] and report["documents"] == len(names)
    for name in ("aes256.pdf", "rc4.pdf"):
        assert SECRET_WORDS in " ".join(_page_text(db, name).split())
    for name in names & set(QPDF):
        text = _page_text(db, name)
        assert "Potato 0" in text and "Potato 29" in text  # all 30 pages


@pytest.mark.skipif(not all((ROBUST / n).exists() for n in QPDF), reason="../shared/robustness is not present")
def test_qpdf_samples_were_included(folder):
    assert {p.name for p in folder.iterdir()} >= set(QPDF)
