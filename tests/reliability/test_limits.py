"""A file that makes the parser loop or allocate without bound is stopped by the per-file time
and memory limits, recorded with a clear message, and the batch goes on.

Faults are injected through the real seam, the function each worker runs
(``pipeline._extract_one``), in the worker processes with their real limits."""

from __future__ import annotations

import sqlite3
import time

from claimdex import pipeline
from claimdex.config import IngestSettings
from claimdex.pipeline import ingest
from tests import fixture_files as ff


def _runaway_extract(task, settings):
    from claimdex.extract import extract_file

    if task.path.name == "spin.txt":  # a parser stuck in a loop, holding the CPU
        while True:
            pass
    if task.path.name == "greedy.txt":  # a parser allocating without bound
        hoard = []
        while True:
            hoard.append(bytearray(256 * 2**20))
    return extract_file(task, settings=settings.extract)


def _corpus(tmp_path):
    root = tmp_path / "c"
    root.mkdir()
    (root / "spin.txt").write_text("loops")
    (root / "greedy.txt").write_text("allocates")
    (root / "fine.pdf").write_bytes(ff.text_pdf())
    (root / "notes.txt").write_text("File note: the worker called about the return to work plan.")
    return root


def test_runaway_loop_and_allocation_are_stopped_and_recorded(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "_extract_one", _runaway_extract)
    root = _corpus(tmp_path)
    db = tmp_path / "limits.db"
    started = time.monotonic()
    report = ingest([root], db_path=db, settings=IngestSettings(
        workers=2, timeout_seconds=15, memory_limit_mb=1536))
    elapsed = time.monotonic() - started
    by_file = {p.path.rsplit("/", 1)[-1]: p for p in report.problems}
    assert set(by_file) == {"spin.txt", "greedy.txt"}

    spin = by_file["spin.txt"]
    assert spin.category == "timeout"
    assert "spin.txt" in spin.message and "15 s" in spin.message

    # The memory limit (RLIMIT_AS) stops the allocation long before the 15 s timer would (on a
    # loaded machine 4 s was not enough to reach the limit):
    # MemoryError in the worker (resource_limit), or the worker dying (crashed).
    greedy = by_file["greedy.txt"]
    assert greedy.category in ("resource_limit", "crashed"), greedy
    assert "greedy.txt" in greedy.message
    assert ("1536 MB" in greedy.message) if greedy.category == "resource_limit" else \
        ("crashed" in greedy.message or "killed" in greedy.message)

    assert report.documents == 2  # the batch went on
    conn = sqlite3.connect(db)
    statuses = dict((p.rsplit("/", 1)[-1], s) for p, s in conn.execute("select path, status from files"))
    assert statuses == {"spin.txt": "failed", "greedy.txt": "failed", "fine.pdf": "ok", "notes.txt": "ok"}
    reasons = dict((p.rsplit("/", 1)[-1], c) for p, c in conn.execute("select path, category from failures"))
    assert reasons == {"spin.txt": "timeout", "greedy.txt": greedy.category}
    assert elapsed < 120, f"the limits took {elapsed:.0f} s to stop two files"


def test_memory_limit_applies_to_each_worker(tmp_path, monkeypatch):
    """The limit is the worker's own: a file that fits reads normally under it."""
    monkeypatch.setattr(pipeline, "_extract_one", _report_limit)
    root = tmp_path / "one"
    root.mkdir()
    (root / "a.txt").write_text("File note.")
    report = ingest([root], db_path=tmp_path / "m.db",
                    settings=IngestSettings(workers=1, memory_limit_mb=1700))
    assert report.failures == 0 and report.documents == 1
    assert _seen_limit(root) == 1700 * 2**20


def _report_limit(task, settings):
    import resource

    from claimdex.extract import extract_file

    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    (task.path.parent.parent / "limit.txt").write_text(str(soft))
    return extract_file(task, settings=settings.extract)


def _seen_limit(root) -> int:
    return int((root.parent / "limit.txt").read_text())
