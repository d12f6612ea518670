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
            hoard.append(bytearray(512 * 2**20))
    return extract_file(task, settings=settings.extract)


def _corpus(tmp_path, runaway: str):
    root = tmp_path / "c"
    root.mkdir()
    (root / runaway).write_text("runaway")
    (root / "fine.pdf").write_bytes(ff.text_pdf())
    (root / "notes.txt").write_text("File note: the worker called about the return to work plan.")
    return root


def _check_batch_went_on(db, runaway: str, category: str) -> None:
    conn = sqlite3.connect(db)
    try:
        statuses = {p.rsplit("/", 1)[-1]: s for p, s in conn.execute("select path, status from files")}
        assert statuses == {runaway: "failed", "fine.pdf": "ok", "notes.txt": "ok"}
        failures = {p.rsplit("/", 1)[-1]: c for p, c in conn.execute("select path, category from failures")}
        assert failures == {runaway: category}
    finally:
        conn.close()


def test_runaway_loop_is_stopped_by_the_time_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "_extract_one", _runaway_extract)
    root = _corpus(tmp_path, "spin.txt")
    report = ingest([root], db_path=tmp_path / "loop.db",
                    settings=IngestSettings(workers=2, timeout_seconds=6))
    (problem,) = report.problems
    assert problem.category == "timeout"
    assert "spin.txt" in problem.message and "6 s" in problem.message and "--timeout" in problem.message
    assert report.documents == 2  # the batch went on
    _check_batch_went_on(tmp_path / "loop.db", "spin.txt", "timeout")


def test_runaway_allocation_is_stopped_by_the_memory_limit(tmp_path, monkeypatch):
    """The timer is far away (300 s): only the memory limit (RLIMIT_AS) can stop it, and does
    at once: MemoryError in the worker (resource_limit), or the worker dying (crashed)."""
    monkeypatch.setattr(pipeline, "_extract_one", _runaway_extract)
    root = _corpus(tmp_path, "greedy.txt")
    started = time.monotonic()
    report = ingest([root], db_path=tmp_path / "alloc.db",
                    settings=IngestSettings(workers=2, timeout_seconds=300, memory_limit_mb=1536))
    elapsed = time.monotonic() - started
    (problem,) = report.problems
    assert problem.category in ("resource_limit", "crashed"), problem
    assert "greedy.txt" in problem.message
    if problem.category == "resource_limit":
        assert "1536 MB" in problem.message
    else:
        assert "crashed" in problem.message or "killed" in problem.message
    assert report.documents == 2
    _check_batch_went_on(tmp_path / "alloc.db", "greedy.txt", problem.category)
    assert elapsed < 120, f"the memory limit took {elapsed:.0f} s to stop the file"


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


def _sleepy_extract(task, settings):
    import time as _time

    from claimdex.extract import extract_file

    _time.sleep(0.4)
    return extract_file(task, settings=settings.extract)


def test_an_interrupted_run_stops_its_workers_without_reading_the_rest(tmp_path, monkeypatch):
    """Ctrl-C (or a failure in the parent) ends the run promptly: the files not yet read are
    not waited for (24 files at 0.4 s each would keep it 10 s longer)."""
    import pytest

    root = tmp_path / "c"
    root.mkdir()
    for i in range(24):
        (root / f"note{i:02}.txt").write_text(f"File note {i}: the worker called.")
    monkeypatch.setattr(pipeline, "_extract_one", _sleepy_extract)

    def interrupted(pages, doc_type):
        raise KeyboardInterrupt

    started = time.perf_counter()
    with pytest.raises(KeyboardInterrupt):
        ingest([root], db_path=tmp_path / "i.db", settings=IngestSettings(workers=1, timeout_seconds=30),
               fields=interrupted)
    assert time.perf_counter() - started < 6
