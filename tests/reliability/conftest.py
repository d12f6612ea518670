"""Helpers for the reliability tests: small corpora built in code, the real command line in a
subprocess, and a snapshot of what an index holds."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests import fixture_files as ff

ROOT = Path(__file__).resolve().parents[2]


def claimdex(*args: str, env: dict[str, str] | None = None, timeout: float = 300,
             **popen) -> subprocess.CompletedProcess:
    """Run the real command line (``python -m claimdex.cli``) and capture its output."""
    return subprocess.run([sys.executable, "-m", "claimdex.cli", *args], capture_output=True,
                          text=True, timeout=timeout, env=child_env(env), cwd=ROOT, **popen)


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMDEX_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    env.setdefault("OMP_THREAD_LIMIT", "1")
    env.update(extra or {})
    return env


def long_pdf(label: str, pages: int) -> bytes:
    """A born-digital report of many pages (slow enough to read that a run can be caught
    half way), with text that differs from file to file."""
    text = (f"Independent medical examination report {label}\nClaim number HW-2403-11{label}\n"
            "The worker reports pain in the lower back after lifting cartons at work. "
            "Examination shows a reduced range of movement. Capacity for suitable duties. ")
    return ff.text_pdf(text * 3, pages=pages)


def build_corpus(root: Path, *, slow_files: int = 4, slow_pages: int = 120) -> dict[str, Path]:
    """Two claims: claim_a (quick files, two identical copies of one certificate) and claim_b
    (long reports). Folders are read in name order, so claim_a is indexed first."""
    files: dict[str, bytes] = {
        "claim_a/cert.pdf": ff.text_pdf(),
        "claim_a/cert copy.pdf": ff.text_pdf(),
        "claim_a/notes.txt": b"File note: called the worker about the return to work plan.\n",
        "claim_a/plan.docx": ff.docx_bytes(),
        "claim_a/mail.eml": ff.eml_with_pdf(),
    }
    for n in range(slow_files):
        files[f"claim_b/report_{n}.pdf"] = long_pdf(f"{n:02d}", slow_pages)
    return ff.write_tree(root, files)


def snapshot(db: Path) -> dict[str, object]:
    """What the index holds, independent of row ids and timestamps."""
    conn = sqlite3.connect(db)
    try:
        docs = conn.execute(
            """select f.path, d.member, d.page_start, d.page_end, d.doc_type, d.page_count,
                      (select count(*) from pages p where p.document_id = d.id),
                      (select count(*) from fields x where x.document_id = d.id)
               from documents d join files f on f.id = d.file_id""").fetchall()
        groups: dict[str, set[tuple[str, str, int]]] = {}
        for group, path, member, start in conn.execute(
                """select d.duplicate_group, f.path, d.member, d.page_start from documents d
                   join files f on f.id = d.file_id where d.duplicate_group is not null"""):
            groups.setdefault(group, set()).add((path, member, start))
        return {
            "files": sorted(conn.execute("select path, status, documents, pages from files")),
            "documents": Counter(docs),
            "pages": conn.execute("select count(*) from pages").fetchone()[0],
            "fts_rows": conn.execute("select count(*) from pages_fts").fetchone()[0],
            "failures": sorted(conn.execute("select path, member, category from failures")),
            "duplicate_groups": sorted(sorted(g) for g in groups.values()),
            "integrity": conn.execute("pragma integrity_check").fetchone()[0],
            "fts_integrity": _fts_ok(conn),
        }
    finally:
        conn.close()


def _fts_ok(conn: sqlite3.Connection) -> bool:
    try:
        conn.execute("insert into pages_fts(pages_fts) values('integrity-check')")
        return True
    except sqlite3.DatabaseError:
        return False


def assert_no_duplicate_rows(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("select count(*) - count(distinct path) from files").fetchone()[0] == 0
        assert conn.execute(
            """select count(*) from (select file_id, member, page_start, count(*) n from documents
               group by file_id, member, page_start having n > 1)""").fetchone()[0] == 0
        assert conn.execute(
            """select count(*) from (select document_id, page_no, count(*) n from pages
               group by document_id, page_no having n > 1)""").fetchone()[0] == 0
        orphans = conn.execute("select count(*) from pages where document_id not in "
                               "(select id from documents)").fetchone()[0]
        assert orphans == 0
    finally:
        conn.close()


@pytest.fixture
def corpus(tmp_path) -> Path:
    root = tmp_path / "claims"
    build_corpus(root)
    return root
