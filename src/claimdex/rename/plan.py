"""Planning renames: one row per file, its conventional name, and the reviewable plan CSV."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from claimdex.errors import UsageError
from claimdex.hashing import sha256_file
from claimdex.models import ClaimView, DocumentView
from claimdex.naming import (
    NameRequest,
    NameTemplate,
    Taxonomy,
    assign_names,
    claim_number_of,
    name_record,
    primary_documents,
    safe_filename,
)
from claimdex.rename.journal import create_new

PLAN_COLUMNS = ("old_path", "new_path", "type", "confidence", "sha256", "status", "action", "claim",
                "reason")
STATUSES = ("rename", "unsure", "unchanged", "skip")
ACTIONS = ("move", "copy")


class PlanError(UsageError):
    """A plan that cannot be applied as a whole; nothing was changed."""


@dataclass(frozen=True, slots=True)
class PlanRow:
    old_path: Path
    new_path: Path | None  # None when the file cannot be renamed (status "skip")
    doc_type: str
    confidence: float | None
    sha256: str
    status: str  # rename | unsure | unchanged | skip
    action: str  # move (in place) | copy (into an output folder)
    claim: str
    reason: str = ""
    line: int = 0  # line in a plan file, for messages

    def as_dict(self) -> dict[str, object]:
        return {"old_path": str(self.old_path), "new_path": str(self.new_path or ""),
                "type": self.doc_type, "confidence": self.confidence, "sha256": self.sha256,
                "status": self.status, "action": self.action, "claim": self.claim,
                "reason": self.reason}


@dataclass(frozen=True, slots=True)
class RenamePlan:
    rows: tuple[PlanRow, ...]
    source: str = "the plan"  # a plan file's path, for messages

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)


def plan_renames(views: Iterable[ClaimView], *, template: NameTemplate, taxonomy: Taxonomy,
                 threshold: float = 0.6, out_dir: Path | None = None,
                 hashes: Mapping[str, str] | None = None) -> RenamePlan:
    """One row per file: its new name, in place (``out_dir`` None) or as a copy in
    ``out_dir/<claim>/``. ``hashes`` (path -> SHA-256 from the index): files whose content
    changed since they were indexed are skipped, since their names rest on the old content."""
    action = "copy" if out_dir is not None else "move"
    rows: list[PlanRow] = []
    requests: list[NameRequest] = []
    facts: dict[str, tuple[DocumentView, str, Path, str]] = {}
    for view in views:
        number = claim_number_of(view)
        for path, doc in primary_documents(view).items():
            old = Path(path)
            reason = _unplannable(old, doc)
            if reason:
                rows.append(PlanRow(old, None, (doc.doc_type or "") if doc else "", None, "", "skip",
                                    action, view.claim, reason))
                continue
            assert doc is not None
            sha = sha256_file(old)
            if hashes is not None and hashes.get(path, sha) != sha:
                rows.append(PlanRow(old, None, doc.doc_type or "", doc.confidence, sha, "skip", action,
                                    view.claim, "changed since it was indexed; re-run 'claimdex ingest'"))
                continue
            folder = out_dir / safe_filename(view.claim) if out_dir is not None else old.parent
            record = name_record(doc, taxonomy=taxonomy, claim_number=number)
            requests.append(NameRequest(path, str(folder), record,
                                        (doc.value("doc_date") or "9999", sha, path)))
            facts[path] = (doc, sha, folder, view.claim)
    disk = _Disk(action, {p: f[1] for p, f in facts.items()})
    names = assign_names(requests, template, taken=disk.taken)
    for request in requests:
        doc, sha, folder, claim = facts[request.key]
        old, new = Path(request.key), folder / names[request.key]
        status, reason = "rename", ""
        if (action == "move" and new == old) or (action == "copy" and disk.identical(new, sha)):
            status, reason = "unchanged", "already named so" if action == "move" else "already copied"
        elif (why := _unsure(doc, threshold)):
            status, reason = "unsure", why
        rows.append(PlanRow(old, new, doc.doc_type or "", doc.confidence, sha, status, action, claim,
                            reason))
    return RenamePlan(tuple(sorted(rows, key=lambda r: str(r.old_path))))


def _unplannable(path: Path, doc: DocumentView | None) -> str:
    if doc is None:
        return "a container (archive): its documents are members, the file keeps its name"
    if path.is_symlink():
        return "a symbolic link; rename the file it points to instead"
    if not path.is_file():
        return "no longer exists at this path; re-run 'claimdex ingest'"
    return ""


def _unsure(doc: DocumentView, threshold: float) -> str:
    if not doc.doc_type:
        return "not classified; ingest with the classifier"
    if doc.doc_type == "unknown":
        return "type unknown"
    if doc.confidence is not None and doc.confidence < threshold:
        return f"confidence {doc.confidence:.2f} below {threshold:.2f}"
    return ""


class _Disk:
    """Which names are taken on disk, listing each folder once (case-insensitively)."""

    def __init__(self, action: str, hashes: Mapping[str, str]) -> None:
        self.action = action
        self.hashes = hashes
        self._listing: dict[str, dict[str, str]] = {}

    def _existing(self, path: Path) -> Path | None:
        folder = str(path.parent)
        if folder not in self._listing:
            try:
                self._listing[folder] = {n.casefold(): n for n in os.listdir(folder)}
            except OSError:
                self._listing[folder] = {}
        name = self._listing[folder].get(path.name.casefold())
        return path.parent / name if name is not None else None

    def identical(self, path: Path, sha: str) -> bool:
        existing = self._existing(path)
        return existing == path and path.is_file() and not path.is_symlink() and sha256_file(path) == sha

    def taken(self, request: NameRequest, name: str) -> bool:
        target = Path(request.folder) / name
        existing = self._existing(target)
        if existing is None:
            return False
        if self.action == "move":
            return str(existing).casefold() != request.key.casefold()
        return not self.identical(target, self.hashes[request.key])


def write_plan(plan: RenamePlan, path: Path) -> None:
    """Write the plan as CSV for review; an existing file is never overwritten."""
    with create_new(path, "w") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(PLAN_COLUMNS), lineterminator="\n")
        writer.writeheader()
        for row in plan.rows:
            record = row.as_dict()
            record["confidence"] = "" if row.confidence is None else f"{row.confidence:.3f}"
            writer.writerow(record)


def read_plan(path: Path) -> RenamePlan:
    """A reviewed, possibly hand-edited plan. Rows are checked again when applied."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise PlanError(f"{path} could not be read ({exc.__class__.__name__})") from exc
    reader = csv.DictReader(text.splitlines())
    missing = {"old_path", "new_path", "sha256", "status", "action"} - set(reader.fieldnames or ())
    if missing:
        raise PlanError(f"{path} is not a rename plan: missing column(s) {', '.join(sorted(missing))}")
    rows, errors = [], []
    for record in reader:
        line = reader.line_num
        get = lambda key, record=record: (record.get(key) or "").strip()  # noqa: E731
        status, action = get("status"), get("action")
        if status not in STATUSES or action not in ACTIONS:
            errors.append(f"line {line}: status must be one of {', '.join(STATUSES)} and action "
                          f"one of {', '.join(ACTIONS)}")
            continue
        old = Path(get("old_path"))
        new = Path(get("new_path")) if get("new_path") else None
        if new is not None and not new.is_absolute():
            new = old.parent / new  # a hand-edited name: beside the old file
        try:
            confidence = float(get("confidence")) if get("confidence") else None
        except ValueError:
            confidence = None
        rows.append(PlanRow(old, new, get("type"), confidence, get("sha256").lower(), status, action,
                            get("claim"), get("reason"), line))
    if errors:
        raise PlanError(listed(f"the plan {path} cannot be applied; nothing was changed", errors))
    return RenamePlan(tuple(rows), str(path))


def listed(title: str, errors: list[str], limit: int = 30) -> str:
    shown = "\n  ".join(errors[:limit])
    more = f"\n  ... and {len(errors) - limit} more" if len(errors) > limit else ""
    return f"{title}:\n  {shown}{more}"
