"""The journal (JSON lines, fsynced before each step), the manifest, and file helpers.

A journal's first line is a header with every planned operation; then ``begin``, ``reserve``,
``mkdir``, ``done``/``failed`` records and ``end``; undo adds ``undo`` and ``undone``. Readers
skip a last line torn by a kill."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from claimdex.errors import ClaimdexError

MANIFEST_COLUMNS = ("action", "old_path", "new_path", "sha256", "status", "reason")
JOURNAL_FORMAT = "claimdex-rename-journal"


class JournalError(ClaimdexError):
    category = "journal"


@dataclass(frozen=True, slots=True)
class Op:
    index: int
    action: str
    src: Path
    dst: Path
    sha256: str

    def as_dict(self) -> dict[str, object]:
        return {"i": self.index, "action": self.action, "src": str(self.src), "dst": str(self.dst),
                "sha256": self.sha256}


def journal_for(manifest: Path) -> Path:
    return manifest.with_name(manifest.name.removesuffix(".csv").removesuffix(".manifest")
                              + ".journal.jsonl")


def default_manifest(folder: Path) -> Path:
    """A new manifest name in ``folder``: rename-<UTC time>.manifest.csv."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    candidate, k = folder / f"rename-{stamp}.manifest.csv", 1
    while os.path.lexists(candidate) or os.path.lexists(journal_for(candidate)):
        k += 1
        candidate = folder / f"rename-{stamp}-{k}.manifest.csv"
    return candidate


class Journal:
    """Append-only JSON lines, each fsynced before the step it announces."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd = fd

    @classmethod
    def create(cls, path: Path, header: dict) -> Journal:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_APPEND, 0o600)
        journal = cls(path, fd)
        journal.write(header)
        fsync_dir(path.parent)
        return journal

    @classmethod
    def reopen(cls, path: Path) -> Journal:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND)
        if path.stat().st_size and not path.read_bytes().endswith(b"\n"):
            os.write(fd, b"\n")  # a line torn by a kill: end it, readers skip it
        return cls(path, fd)

    def write(self, record: dict) -> None:
        os.write(self._fd, (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
        os.fsync(self._fd)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


class NullJournal(Journal):
    def __init__(self) -> None:
        super().__init__(Path(os.devnull), -1)

    def write(self, record: dict) -> None:
        pass


@dataclass
class JournalState:
    """What a journal says: the operations, and which were begun, done, failed."""

    header: dict
    ops: list[Op]
    others: list[dict]
    begun: set[int] = field(default_factory=set)
    done: set[int] = field(default_factory=set)
    failed: dict[int, str] = field(default_factory=dict)
    reserved: set[str] = field(default_factory=set)
    mkdirs: list[str] = field(default_factory=list)
    ended: bool = False
    undo_started: bool = False

    @classmethod
    def read(cls, path: Path) -> JournalState:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
            header = json.loads(lines[0]) if lines else {}
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise JournalError(f"{path} is not a claimdex rename journal ({exc.__class__.__name__})") from exc
        if not isinstance(header, dict) or header.get("journal") != JOURNAL_FORMAT:
            raise JournalError(f"{path} is not a claimdex rename journal")
        ops = [Op(o["i"], o["action"], Path(o["src"]), Path(o["dst"]), o["sha256"]) for o in header["ops"]]
        state = cls(header, ops, header.get("others", []))
        for line in lines[1:]:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue  # torn by a kill
            state._apply(record)
        return state

    def _apply(self, record: dict) -> None:
        if "begin" in record:
            self.begun.add(record["begin"])
        elif "done" in record:
            self.done.add(record["done"])
        elif "failed" in record:
            self.failed[record["failed"]] = record.get("reason", "")
        elif "reserve" in record:
            self.reserved.add(str(record["reserve"]))
        elif "mkdir" in record:
            self.mkdirs.append(record["mkdir"])
        elif "end" in record:
            self.ended = True
        elif record.get("undo") == "start":
            self.undo_started = True

    @classmethod
    def from_manifest(cls, path: Path) -> JournalState:
        try:
            reader = csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines())
            records = list(reader)
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise JournalError(f"{path} could not be read as a rename manifest "
                               f"({exc.__class__.__name__})") from exc
        if not set(MANIFEST_COLUMNS) <= set(reader.fieldnames or ()):
            raise JournalError(f"{path} is not a claimdex rename manifest or journal")
        ops = [Op(k, r["action"], Path(r["old_path"]), Path(r["new_path"]), r["sha256"])
               for k, r in enumerate(x for x in records if x["status"] == "done")]
        return cls({"manifest": str(path)}, ops, [], begun={op.index for op in ops})


def is_journal(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return JOURNAL_FORMAT.encode() in fh.readline(4096)
    except OSError as exc:
        raise JournalError(f"{path} could not be read: {exc.strerror or exc}") from exc


def write_manifest(path: Path, state: JournalState) -> None:
    with create_new(path, "w") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(MANIFEST_COLUMNS)
        for op in state.ops:
            status = "done" if op.index in state.done else "failed"
            writer.writerow([op.action, op.src, op.dst, op.sha256, status, state.failed.get(op.index, "")])
        for other in state.others:
            writer.writerow([other["action"], other["src"], other["dst"], other["sha256"],
                             other["status"], other["reason"]])


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class create_new:  # noqa: N801 - used like open()
    """Open a new file for writing, refusing to replace one; fsync on close."""

    def __init__(self, path: Path, mode: str) -> None:
        self.path, self.mode = path, mode

    def __enter__(self):
        fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        self._fh = os.fdopen(fd, self.mode, **({"encoding": "utf-8", "newline": ""} if "b" not in self.mode else {}))
        return self._fh

    def __exit__(self, *exc) -> None:
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
