"""Applying a plan, resuming an interrupted run, undoing a run: every step journaled first,
nothing overwritten, every moved or copied file checked by SHA-256."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from claimdex.errors import UsageError
from claimdex.hashing import sha256_file
from claimdex.models import Problem
from claimdex.naming import MAX_BYTES, is_safe_filename, safe_filename
from claimdex.rename.journal import (
    JOURNAL_FORMAT,
    Journal,
    JournalError,
    JournalState,
    NullJournal,
    Op,
    create_new,
    fsync_dir,
    is_journal,
    journal_for,
    write_manifest,
)
from claimdex.rename.plan import PlanError, PlanRow, RenamePlan, listed

_NO_HARDLINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS, errno.EXDEV}
_hardlink = os.link  # a seam for tests: shares without hard links, faults at chosen steps

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class ApplyReport:
    manifest: Path
    journal: Path
    renamed: int
    skipped: int  # left out: unsure, not renameable, or failed
    unchanged: int
    failed: int
    unsure: tuple[PlanRow, ...]  # below the confidence threshold: for review
    problems: tuple[Problem, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {"manifest": str(self.manifest), "renamed": self.renamed, "skipped": self.skipped,
                "unchanged": self.unchanged, "failed": self.failed, "unsure": len(self.unsure),
                "journal": str(self.journal),
                "problems": [{"path": p.path, "reason": p.message} for p in self.problems]}


@dataclass(frozen=True, slots=True)
class UndoReport:
    restored: int
    problems: tuple[Problem, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {"restored": self.restored,
                "problems": [{"path": p.path, "reason": p.message} for p in self.problems]}


def apply_renames(plan: RenamePlan, *, manifest: Path, include_unsure: bool = False,
                  progress: Progress | None = None) -> ApplyReport:
    """Perform the plan's "rename" rows (and "unsure" ones with ``include_unsure``).

    The whole plan is checked first (paths exist, SHA-256 unchanged, safe new names, no two
    rows to one name, no existing target); any problem refuses the whole plan."""
    ops, errors = validate_plan(plan, include_unsure=include_unsure, progress=progress)
    if errors:
        raise PlanError(listed(f"{plan.source} cannot be applied; nothing was changed", errors))
    journal_path = journal_for(manifest)
    for path in (manifest, journal_path):
        if os.path.lexists(path):
            raise UsageError(f"{path} already exists; choose another --manifest")
    chosen = {str(op.src) for op in ops}
    others = [{"action": r.action, "src": str(r.old_path), "dst": str(r.new_path or ""),
               "sha256": r.sha256, "status": r.status, "reason": r.reason}
              for r in plan.rows if str(r.old_path) not in chosen]
    header = {"journal": JOURNAL_FORMAT, "version": 1, "manifest": str(manifest),
              "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
              "ops": [op.as_dict() for op in ops], "others": others}
    journal = Journal.create(journal_path, header)
    state = JournalState(header, ops, others)
    return _run(state, journal, progress, unsure=tuple(
        r for r in plan.rows if r.status == "unsure" and str(r.old_path) not in chosen))


def validate_plan(plan: RenamePlan, *, include_unsure: bool = False, progress: Progress | None = None
                  ) -> tuple[list[Op], list[str]]:
    """The operations a plan asks for, and every reason it cannot be applied."""
    wanted = [r for r in plan.rows if r.status == "rename" or (include_unsure and r.status == "unsure")]
    errors: list[str] = []
    targets: dict[str, PlanRow] = {}
    sources: dict[str, PlanRow] = {}
    ops: list[Op] = []
    for k, row in enumerate(wanted):
        where = f"line {row.line}: " if row.line else ""
        problem = _row_problem(row, targets, sources)
        if not problem and sha256_file(row.old_path) != row.sha256:
            problem = (f"{row.old_path} changed since the plan was made (SHA-256 differs); "
                       "make a new plan")
        if progress:
            progress(k + 1, len(wanted))
        if problem:
            errors.append(where + problem)
            continue
        assert row.new_path is not None
        targets[str(row.new_path).casefold()] = row
        sources[str(row.old_path)] = row
        ops.append(Op(len(ops), row.action, row.old_path, row.new_path, row.sha256))
    return ops, errors


def _row_problem(row: PlanRow, targets: dict[str, PlanRow], sources: dict[str, PlanRow]) -> str:
    old, new = row.old_path, row.new_path
    if new is None:
        return f"{old} has no new path"
    if str(old) in sources:
        return f"{old} appears twice (also line {sources[str(old)].line})"
    if old.is_symlink() or not old.is_file():
        return f"{old} does not exist (or is not a regular file)"
    if not is_safe_filename(new.name, max_chars=MAX_BYTES) or new.name in (".", ".."):
        return (f"'{new.name}' is not a safe file name on every system (it would be "
                f"'{safe_filename(new.name, max_chars=MAX_BYTES)}')")
    if not len(row.sha256) == 64:
        return f"{old} has no SHA-256 in the plan"
    if row.action == "move" and new.parent != old.parent:
        return f"{new} is in another folder; an in-place rename keeps the folder"
    if row.action == "copy" and new.parent == old.parent:
        return f"{new} is beside the original; a copy goes to the output folder"
    clash = targets.get(str(new).casefold())
    if clash is not None:
        return f"{new.name} is the new name of two files (also line {clash.line})"
    if os.path.lexists(new) and not (row.action == "move" and _case_only(old, new)
                                     and _same_file(old, new)):
        return f"{new} already exists; nothing is ever overwritten"
    return ""


def resume_renames(journal_path: Path, *, progress: Progress | None = None) -> ApplyReport:
    """Complete an interrupted run from its journal (steps already done are checked, not redone)."""
    state = JournalState.read(journal_path)
    if state.undo_started:
        raise JournalError(f"{journal_path} was undone; nothing to resume")
    journal = Journal.reopen(journal_path)
    unsure = tuple(PlanRow(Path(o["src"]), Path(o["dst"]) if o["dst"] else None, "", None, o["sha256"],
                           o["status"], o["action"], "", o["reason"])
                   for o in state.others if o["status"] == "unsure")
    return _run(state, journal, progress, unsure=unsure)


def _run(state: JournalState, journal: Journal, progress: Progress | None,
         unsure: tuple[PlanRow, ...]) -> ApplyReport:
    problems: list[Problem] = []
    try:
        for op in state.ops:
            if op.index not in state.done and op.index not in state.failed:
                try:
                    _step(op, journal, state)
                    journal.write({"done": op.index})
                    state.done.add(op.index)
                except (_StepFailed, OSError) as exc:
                    reason = str(exc) if isinstance(exc, _StepFailed) else \
                        f"{op.src} could not be {op.action}d: {exc.strerror or exc}"
                    journal.write({"failed": op.index, "reason": reason})
                    state.failed[op.index] = reason
            if progress:
                progress(op.index + 1, len(state.ops))
        if not state.ended:
            journal.write({"end": True})
    finally:
        journal.close()
    manifest = Path(state.header["manifest"])
    if not os.path.lexists(manifest):
        write_manifest(manifest, state)
    for index, reason in sorted(state.failed.items()):
        problems.append(Problem(str(state.ops[index].src), "", "rename", "failed", reason))
    others = state.others
    return ApplyReport(manifest, journal.path, renamed=len(state.done),
                       skipped=sum(1 for o in others if o["status"] != "unchanged") + len(state.failed),
                       unchanged=sum(1 for o in others if o["status"] == "unchanged"),
                       failed=len(state.failed), unsure=unsure, problems=tuple(problems))


class _StepFailed(Exception):
    pass


def _step(op: Op, journal: Journal, state: JournalState) -> None:
    begun = op.index in state.begun
    if not begun:
        journal.write({"begin": op.index})
        state.begun.add(op.index)
    if op.action == "move":
        _move(op, journal, state, begun)
    else:
        _copy(op, journal, state, begun)
    fsync_dir(op.dst.parent)  # the new name is on disk before the journal says "done"


def _move(op: Op, journal: Journal, state: JournalState, begun: bool) -> None:
    src, dst = op.src, op.dst
    if _case_only(src, dst) and os.path.lexists(dst) and _same_file(src, dst):
        _change_case(src, dst, op.sha256)
        return
    if begun and os.path.lexists(dst):  # an earlier, interrupted try
        if os.path.lexists(src) and _same_file(src, dst):
            _verify(dst, op.sha256)
            _unlink(src)
            return
        if not os.path.lexists(src):
            _verify(dst, op.sha256)
            return
        if not _placeholder(dst, str(op.index), state):
            raise _StepFailed(f"{dst} appeared meanwhile and is another file; {src} kept its name")
        _unlink(dst)
    if not os.path.lexists(src):
        raise _StepFailed(f"{src} is missing and {dst} does not exist; check the folder")
    linked = _take_name(src, dst, journal, str(op.index), state)
    try:
        _verify(dst, op.sha256)
    except _StepFailed:
        if linked:
            _unlink(dst)  # our own second name for the file; the original name stays
        raise
    if linked:
        _unlink(src)


def _change_case(src: Path, dst: Path, sha256: str) -> None:
    """Only the letter case changes. On a case-insensitive share both names are one file:
    rename (nothing else can be replaced). On a case-sensitive one, hard-linked: drop the old."""
    names = set(os.listdir(dst.parent))
    if src.name in names and dst.name in names:
        _verify(dst, sha256)
        _unlink(src)
        return
    if dst.name not in names:
        os.rename(src, dst)
        fsync_dir(dst.parent)
    _verify(dst, sha256)


def _copy(op: Op, journal: Journal, state: JournalState, begun: bool) -> None:
    src, dst = op.src, op.dst
    partial = _partial(dst)
    if begun:
        if os.path.lexists(dst):
            if sha256_file(dst) == op.sha256:
                if os.path.lexists(partial):
                    _unlink(partial)
                return
            if not _placeholder(dst, str(op.index), state):
                raise _StepFailed(f"{dst} appeared meanwhile and is another file; not copied")
            _unlink(dst)
        if os.path.lexists(partial):
            _unlink(partial)
    _make_dirs(dst.parent, journal, state)
    digest = hashlib.sha256()
    try:
        with open(src, "rb") as reader, create_new(partial, "wb") as writer:
            while chunk := reader.read(1 << 20):
                digest.update(chunk)
                writer.write(chunk)
    except FileExistsError as exc:
        raise _StepFailed(f"{partial} is in the way (left by another interrupted run: resume or "
                          "undo that run first)") from exc
    if digest.hexdigest() != op.sha256:
        _unlink(partial)
        raise _StepFailed(f"{src} changed since the plan was made (SHA-256 differs); not copied")
    shutil.copystat(src, partial)
    if _take_name(partial, dst, journal, str(op.index), state):
        _unlink(partial)
    try:
        _verify(dst, op.sha256)
    except _StepFailed:
        _unlink(dst)  # our own copy, and a bad one
        raise


def _take_name(src: Path, dst: Path, journal: Journal, tag: str, state: JournalState) -> bool:
    """Give ``src`` the name ``dst`` without ever replacing anything. True: ``src`` still
    exists (hard link made); False: ``src`` was renamed (share without hard links)."""
    try:
        _hardlink(src, dst)
        return True
    except FileExistsError as exc:
        raise _StepFailed(f"{dst} already exists; nothing is ever overwritten") from exc
    except OSError as exc:
        if exc.errno not in _NO_HARDLINKS:
            raise
    journal.write({"reserve": tag})
    state.reserved.add(tag)
    try:
        os.close(os.open(dst, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError as exc:
        raise _StepFailed(f"{dst} already exists; nothing is ever overwritten") from exc
    os.rename(src, dst)  # onto our own empty reservation: nothing else can be replaced
    return False


def _make_dirs(folder: Path, journal: Journal, state: JournalState) -> None:
    missing = []
    while not os.path.isdir(folder):
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        journal.write({"mkdir": str(path)})
        state.mkdirs.append(str(path))
        os.mkdir(path)


def undo_renames(path: Path, *, progress: Progress | None = None) -> UndoReport:
    """Restore the state before a run, from its manifest or journal (also after a kill -9).

    Only files whose SHA-256 still matches are touched; anything changed since is reported
    and left as it is. Running undo twice is harmless."""
    journal_path = path if is_journal(path) else journal_for(path)
    if os.path.lexists(journal_path):
        state = JournalState.read(journal_path)
        journal: Journal | None = Journal.reopen(journal_path)
        todo = [op for op in state.ops if op.index in state.begun and op.index not in state.failed]
    else:
        state, journal = JournalState.from_manifest(path), None
        todo = list(state.ops)
    problems: list[Problem] = []
    restored = 0
    try:
        if journal:
            journal.write({"undo": "start"})
        for k, op in enumerate(reversed(todo)):
            try:
                if _undo_op(op, journal, state):
                    restored += 1
                for folder in {op.src.parent, op.dst.parent}:
                    fsync_dir(folder)
                if journal:
                    journal.write({"undone": op.index})
            except (_StepFailed, OSError) as exc:
                reason = str(exc) if isinstance(exc, _StepFailed) else \
                    f"{op.dst} could not be restored: {exc.strerror or exc}"
                problems.append(Problem(str(op.dst), "", "undo", "failed", reason))
            if progress:
                progress(k + 1, len(todo))
        for folder in reversed(state.mkdirs):
            try:
                os.rmdir(folder)  # only when empty: files put there since are kept
            except OSError:
                pass
        if journal:
            journal.write({"undo": "end"})
    finally:
        if journal:
            journal.close()
    return UndoReport(restored, tuple(problems))


def _undo_copy(op: Op, state: JournalState) -> bool:
    dst, partial = op.dst, _partial(op.dst)
    if os.path.lexists(partial):
        _unlink(partial)
    if not os.path.lexists(dst):
        return False
    if sha256_file(dst) != op.sha256 and not _placeholder(dst, str(op.index), state):
        raise _StepFailed(f"{dst} changed after it was copied; left in place")
    _unlink(dst)
    return True


def _undo_op(op: Op, journal: Journal | None, state: JournalState) -> bool:
    src, dst = op.src, op.dst
    if op.action == "copy":
        return _undo_copy(op, state)
    if _case_only(src, dst) and os.path.lexists(dst) and _same_file(src, dst):
        names = set(os.listdir(dst.parent))
        if src.name in names and dst.name in names:
            _unlink(dst)
        elif dst.name in names:
            os.rename(dst, src)
            fsync_dir(src.parent)
        return dst.name in names
    src_there, dst_there = os.path.lexists(src), os.path.lexists(dst)
    if src_there and dst_there:
        if _same_file(src, dst) or _placeholder(dst, str(op.index), state):
            _unlink(dst)
            return True
        if _placeholder(src, f"u{op.index}", state):  # an interrupted undo's reservation
            _unlink(src)
            src_there = False
        else:
            raise _StepFailed(f"{src} and {dst} are both present and differ; left as they are")
    if not dst_there:
        if not src_there:
            raise _StepFailed(f"neither {src} nor {dst} exists; the file was moved by something else")
        return False
    if sha256_file(dst) != op.sha256:
        raise _StepFailed(f"{dst} changed after the rename; left as it is")
    if journal is None:
        journal = NullJournal()
    if _take_name(dst, src, journal, f"u{op.index}", state):
        _verify(src, op.sha256)
        _unlink(dst)
    return True


def _verify(path: Path, expected: str) -> None:
    if sha256_file(path) != expected:
        raise _StepFailed(f"{path} does not match its SHA-256 after the step; check it by hand")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _case_only(a: Path, b: Path) -> bool:
    return a != b and str(a).casefold() == str(b).casefold()


def _placeholder(path: Path, tag: str, state: JournalState) -> bool:
    """An empty name we reserved ourselves before an interruption."""
    try:
        return tag in state.reserved and path.stat().st_size == 0
    except OSError:
        return False


def _partial(dst: Path) -> Path:
    return dst.parent / f".claimdex-partial-{hashlib.sha256(str(dst).encode('utf-8', 'surrogateescape')).hexdigest()[:16]}"


def _unlink(path: Path) -> None:
    os.unlink(path)
