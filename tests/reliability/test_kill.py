"""kill -9 of a worker, and of the whole run: re-running completes the index with no duplicate
and no missing document, and the database passes PRAGMA integrity_check."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from claimdex import pipeline
from claimdex.config import IngestSettings
from claimdex.fields import extract_fields
from claimdex.pipeline import ingest
from tests.reliability.conftest import (
    ROOT,
    assert_no_duplicate_rows,
    build_corpus,
    child_env,
    snapshot,
)

SETTINGS = IngestSettings(workers=2, timeout_seconds=120)


def _clean_index(root: Path, db: Path) -> dict[str, object]:
    """The index a run that nobody interrupts builds (what `ingest --no-classify` does)."""
    ingest([root], db_path=db, settings=SETTINGS, fields=extract_fields)
    return snapshot(db)


# -- a worker killed mid-ingest ----------------------------------------------------------------

def _slow_extract(task, settings):
    """The real extraction, slowed for the reports and announcing which worker reads them."""
    import time as _time

    from claimdex.extract import extract_file

    if task.path.name.startswith("report_"):
        marks = Path(os.environ["CLAIMDEX_TEST_MARKS"])
        (marks / f"{os.getpid()}-{task.path.name}").write_text("")
        _time.sleep(1.5)
    return extract_file(task, settings=settings.extract)


def _kill_first_reader(marks: Path, killed: list[int], stop: threading.Event) -> None:
    me = psutil.Process()
    while not stop.is_set():
        for mark in sorted(marks.iterdir()):
            pid = int(mark.name.split("-", 1)[0])
            workers = {p.pid for p in me.children(recursive=True)}
            assert pid in workers, "the marked reader is not one of this run's workers"
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)
            return
        time.sleep(0.02)


def test_worker_killed_mid_ingest_is_retried_and_nothing_is_lost(tmp_path, monkeypatch):
    root = tmp_path / "claims"
    build_corpus(root, slow_files=2, slow_pages=3)
    clean = _clean_index(root, tmp_path / "clean.db")

    marks = tmp_path / "marks"
    marks.mkdir()
    monkeypatch.setenv("CLAIMDEX_TEST_MARKS", str(marks))
    monkeypatch.setattr(pipeline, "_extract_one", _slow_extract)
    killed: list[int] = []
    stop = threading.Event()
    killer = threading.Thread(target=_kill_first_reader, args=(marks, killed, stop))
    killer.start()
    db = tmp_path / "killed.db"
    try:
        report = ingest([root], db_path=db, settings=SETTINGS, fields=extract_fields)
    finally:
        stop.set()
        killer.join()
    assert killed, "no worker was killed: the test did not exercise anything"
    assert not psutil.pid_exists(killed[0]) or psutil.Process(killed[0]).status() == psutil.STATUS_ZOMBIE
    # The killed worker's file got a second try in a fresh worker: nothing failed, nothing lost.
    assert report.failures == 0, report.problems
    assert snapshot(db) == clean
    assert_no_duplicate_rows(db)

    again = ingest([root], db_path=db, settings=SETTINGS, fields=extract_fields)
    assert again.documents == 0 and again.skipped == again.files
    assert snapshot(db) == clean


# -- the whole run killed --------------------------------------------------------------------

def _files_indexed(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
        try:
            return conn.execute("select count(*) from files").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_whole_run_killed_then_rerun_completes_the_index(tmp_path):
    root = tmp_path / "claims"
    # Many mid-sized reports: results are written in batches (32 files, or 1 s), so the run
    # writes several batches and can be caught between two of them.
    files = build_corpus(root, slow_files=60, slow_pages=40)
    db = tmp_path / "index.db"
    cmd = [sys.executable, "-m", "claimdex.cli", "ingest", str(root), "--db", str(db),
           "--workers", "1", "--no-classify"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT,
                            env=child_env())
    try:
        deadline = time.monotonic() + 240
        seen = 0
        while proc.poll() is None and time.monotonic() < deadline:
            seen = _files_indexed(db)
            if 0 < seen < len(files):
                break
            time.sleep(0.02)
        if proc.poll() is not None:
            pytest.fail(f"the run ended before it could be killed (files indexed: {seen}); "
                        "make the corpus slower")
        workers = psutil.Process(proc.pid).children(recursive=True)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stderr.close()
    # The workers of a killed run do not linger.
    _gone, alive = psutil.wait_procs(workers, timeout=30)
    for orphan in alive:
        orphan.kill()
    assert not alive, f"worker processes outlived the killed run: {[p.pid for p in alive]}"

    partial = snapshot(db)
    assert partial["integrity"] == "ok" and partial["fts_integrity"]
    assert 0 < len(partial["files"]) < len(files)
    assert_no_duplicate_rows(db)

    rerun = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=child_env(), timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert "Traceback" not in rerun.stderr
    clean = _clean_index(root, tmp_path / "clean.db")
    assert snapshot(db) == clean
    assert clean["duplicate_groups"], "the corpus should hold one pair of identical copies"
    assert_no_duplicate_rows(db)
