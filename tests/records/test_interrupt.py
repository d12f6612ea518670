"""A rename killed with SIGKILL at any step can be completed (resume) or undone from its journal."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimdex.naming import DEFAULT_TEMPLATE, NameTemplate, load_taxonomy
from claimdex.rename import journal_for, plan_renames, resume_renames, undo_renames, write_plan
from tests.records.helpers import tree, views_from_ground_truth

# Runs apply_renames in a child process and SIGKILLs it at a chosen step (a fault injected
# through the module's real seams), or slows every step so the parent can kill it.
CHILD = r"""
import errno, os, signal, sys, time
from pathlib import Path
from claimdex import rename as rn
from claimdex.rename import apply as steps
from claimdex.rename import journal

plan_file, manifest, mode, k = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
calls = {"n": 0}

def after(fn):
    def wrapped(*args, **kwargs):
        result = fn(*args, **kwargs)
        calls["n"] += 1
        if calls["n"] == k:
            os.kill(os.getpid(), signal.SIGKILL)
        return result
    return wrapped

def no_links(src, dst):
    raise OSError(errno.EPERM, "no hard links on this share")

if mode == "journal":
    journal.Journal.write = after(journal.Journal.write)
elif mode == "link":
    steps._hardlink = after(os.link)
elif mode == "unlink":
    steps._unlink = after(steps._unlink)
elif mode == "nolink-journal":
    steps._hardlink = no_links
    journal.Journal.write = after(journal.Journal.write)
elif mode == "nolink-before-rename":
    steps._hardlink = no_links
    real_rename = os.rename
    def rename(src, dst):
        calls["n"] += 1
        if calls["n"] == k:
            os.kill(os.getpid(), signal.SIGKILL)
        return real_rename(src, dst)
    os.rename = rename
elif mode == "slow":
    def slow_link(src, dst):
        time.sleep(0.03)
        return os.link(src, dst)
    steps._hardlink = slow_link
rn.apply_renames(rn.read_plan(Path(plan_file)), manifest=manifest)
"""

CRASHES = [  # (action, mode, k): the k-th call of the seam is the last thing the run does
    ("move", "journal", 1), ("move", "journal", 2), ("move", "journal", 5),
    ("move", "link", 1), ("move", "link", 4), ("move", "unlink", 3),
    ("move", "nolink-journal", 3), ("move", "nolink-before-rename", 2),
    ("copy", "journal", 3), ("copy", "journal", 7), ("copy", "link", 1), ("copy", "unlink", 2),
    ("copy", "nolink-before-rename", 1),
]


def _prepare(claims: Path, tmp_path: Path, action: str):
    views = [v for v in views_from_ground_truth(claims) if v.claim == sorted(p.name for p in claims.iterdir()
                                                                             if p.is_dir())[0]]
    out = tmp_path / "out" if action == "copy" else None
    plan = plan_renames(views, template=NameTemplate.parse(DEFAULT_TEMPLATE), taxonomy=load_taxonomy(),
                        out_dir=out)
    plan_file = tmp_path / "plan.csv"
    write_plan(plan, plan_file)
    expected = tree(tmp_path)
    if action == "move":
        for row in plan.rows:
            if row.status == "rename":
                expected[row.new_path.relative_to(tmp_path).as_posix()] = \
                    expected.pop(row.old_path.relative_to(tmp_path).as_posix())
    else:
        for row in plan.rows:
            if row.status == "rename":
                expected[row.new_path.relative_to(tmp_path).as_posix()] = row.sha256
    return plan, plan_file, expected


def _child(plan_file: Path, manifest: Path, mode: str, k: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", CHILD, str(plan_file), str(manifest), mode, str(k)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _files_only(state: dict[str, str]) -> dict[str, str]:
    """The tree without the run's own records (plan, manifest, journal)."""
    return {k: v for k, v in state.items() if not k.startswith(("plan.csv", "run."))}


@pytest.mark.parametrize("finish", ["resume", "undo"])
@pytest.mark.parametrize(("action", "mode", "k"), CRASHES)
def test_killed_run_can_be_resumed_or_undone(claims, tmp_path, action, mode, k, finish):
    root = claims.parent
    plan, plan_file, expected = _prepare(claims, root, action)
    before = _files_only(tree(root))
    manifest = root / "run.manifest.csv"
    child = _child(plan_file, manifest, mode, k)
    _, stderr = child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL, stderr.decode()[-2000:]
    journal = journal_for(manifest)
    assert journal.exists() and not manifest.exists()
    if finish == "resume":
        report = resume_renames(journal)
        assert report.failed == 0 and report.renamed == plan.count("rename")
        assert _files_only(tree(root)) == _files_only(expected)
        assert manifest.exists()
        undo_renames(manifest)  # a completed resume can still be undone
    else:
        report = undo_renames(journal)
        assert report.problems == ()
    assert _files_only(tree(root)) == before
    assert not any(p.name.startswith(".claimdex-partial") for p in root.rglob("*"))


def test_torn_journal_line_is_skipped(claims, tmp_path):
    root = claims.parent
    plan, plan_file, expected = _prepare(claims, root, "move")
    manifest = root / "run.manifest.csv"
    child = _child(plan_file, manifest, "journal", 6)
    child.communicate(timeout=60)
    with open(journal_for(manifest), "ab") as fh:
        fh.write(b'{"do')  # what a kill in the middle of a write leaves
    report = resume_renames(journal_for(manifest))
    assert report.renamed == plan.count("rename")
    assert _files_only(tree(root)) == _files_only(expected)


@pytest.mark.parametrize("finish", ["resume", "undo"])
def test_kill_9_from_outside_mid_apply(claims, tmp_path, finish):
    root = claims.parent
    plan, plan_file, expected = _prepare(claims, root, "move")
    before = _files_only(tree(root))
    manifest = root / "run.manifest.csv"
    journal = journal_for(manifest)
    child = _child(plan_file, manifest, "slow", 0)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if journal.exists() and journal.read_text().count('"done"') >= 5:
            break
        time.sleep(0.005)
    os.kill(child.pid, signal.SIGKILL)
    child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    records = [json.loads(line) for line in journal.read_text().splitlines()[1:] if line.endswith("}")]
    done = sum(1 for r in records if "done" in r)
    assert 5 <= done < plan.count("rename") and not any("end" in r for r in records)
    if finish == "resume":
        assert resume_renames(journal).renamed == plan.count("rename")
        assert _files_only(tree(root)) == _files_only(expected)
    else:
        undo_renames(journal)
        assert _files_only(tree(root)) == before


def test_resume_refuses_an_undone_run(claims, tmp_path):
    root = claims.parent
    _, plan_file, _ = _prepare(claims, root, "move")
    manifest = root / "run.manifest.csv"
    _child(plan_file, manifest, "journal", 4).communicate(timeout=60)
    undo_renames(journal_for(manifest))
    from claimdex.rename import JournalError

    with pytest.raises(JournalError, match="was undone"):
        resume_renames(journal_for(manifest))
