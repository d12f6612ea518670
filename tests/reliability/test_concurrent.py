"""Runs at the same time against one database do not corrupt it: each finishes, or fails with
the clear "busy" message and its exit code, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from claimdex.config import IngestSettings
from claimdex.errors import IndexStoreError
from claimdex.fields import extract_fields
from claimdex.index import IndexStore
from claimdex.pipeline import ingest
from tests import fixture_files as ff
from tests.reliability.conftest import ROOT, assert_no_duplicate_rows, child_env, snapshot


def _claims(root, prefix: str, n: int) -> None:
    for i in range(n):
        folder = root / f"{prefix}_{i % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"note_{i:02d}.txt").write_text(f"File note {prefix} {i}: called the worker "
                                                  f"about suitable duties, week {i}.")
        if i % 4 == 0:
            (folder / f"cert_{i:02d}.pdf").write_bytes(ff.text_pdf(f"{ff.CERT_TEXT}\nRef {prefix}{i}"))


@pytest.mark.slow
def test_three_runs_at_once_on_one_database(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    _claims(one, "alpha", 24)
    _claims(two, "beta", 24)
    db = tmp_path / "shared.db"  # does not exist yet: the runs race to create it too
    runs = [subprocess.Popen([sys.executable, "-m", "claimdex.cli", "ingest", str(folder), "--db",
                              str(db), "--workers", "1", "--no-classify"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                             env=child_env())
            for folder in (one, two, one)]
    outcomes = [(p.wait(timeout=600), *p.communicate()) for p in runs]
    for code, _out, err in outcomes:
        assert "Traceback" not in err, err
        assert code in (0, 4), (code, err)
        if code == 4:
            assert "is busy: another claimdex run is writing to it" in err
    assert any(code == 0 for code, _, _ in outcomes)

    state = snapshot(db)
    assert state["integrity"] == "ok" and state["fts_integrity"]
    assert_no_duplicate_rows(db)

    # A final run completes whatever a busy run left, and the index equals a clean one.
    settings = IngestSettings(workers=2)
    ingest([one, two], db_path=db, settings=settings, fields=extract_fields)
    clean = tmp_path / "clean.db"
    ingest([one, two], db_path=clean, settings=settings, fields=extract_fields)
    assert snapshot(db) == snapshot(clean)
    assert len(snapshot(db)["files"]) == 2 * (24 + 6)


def test_a_writer_that_waits_too_long_gets_the_busy_message(tmp_path, monkeypatch):
    """The message and exit code a run gets when the other writer holds the lock too long."""
    from claimdex import index

    db = tmp_path / "locked.db"
    IndexStore.open(db).close()
    holder = IndexStore.open(db)
    monkeypatch.setattr(index, "BUSY_TIMEOUT_MS", 200)
    try:
        with holder.write():
            waiting = IndexStore.open(db)
            waiting.db.execute("PRAGMA busy_timeout = 200")
            try:
                with waiting.write():
                    raise AssertionError("the second writer got in while the first held the lock")
            except IndexStoreError as exc:
                assert "is busy: another claimdex run is writing to it" in str(exc)
                assert str(db) in str(exc)
                assert exc.exit_code == 4
            finally:
                waiting.close()
    finally:
        holder.close()
