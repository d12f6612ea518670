"""Bulk rename, reversible: plan -> (review) -> apply with a journal -> resume or undo.

Safety rules, in order of importance:

* Nothing is ever overwritten. A new name is taken with ``os.link`` (fails if the name
  exists) or, on shares without hard links, by reserving the name with ``O_EXCL`` and
  renaming onto that reservation. ``os.replace`` is never used on a path that exists.
* Every moved or copied file is checked by SHA-256 against the plan before the old name is
  released.
* A journal is written and fsynced *before* each step, so a run killed at any point
  (``kill -9``) can be completed (:func:`resume_renames`) or undone (:func:`undo_renames`).
  Resume and undo look at the disk, not only at the journal, so they are idempotent.
* One row per file on disk, named after its primary document (an email after the email
  itself); attachments and archive members are never extracted or renamed.

Modules: ``plan`` (naming every file, the plan CSV), ``apply`` (apply, resume, undo),
``journal`` (journal, manifest, file helpers).
"""

from claimdex.hashing import sha256_file
from claimdex.rename.apply import (
    ApplyReport,
    Progress,
    UndoReport,
    apply_renames,
    resume_renames,
    undo_renames,
    validate_plan,
)
from claimdex.rename.journal import (
    JOURNAL_FORMAT,
    MANIFEST_COLUMNS,
    JournalError,
    Op,
    default_manifest,
    journal_for,
)
from claimdex.rename.plan import (
    ACTIONS,
    PLAN_COLUMNS,
    STATUSES,
    PlanError,
    PlanRow,
    RenamePlan,
    plan_renames,
    read_plan,
    write_plan,
)

__all__ = [
    "ACTIONS", "JOURNAL_FORMAT", "MANIFEST_COLUMNS", "PLAN_COLUMNS", "STATUSES", "ApplyReport",
    "JournalError", "Op", "PlanError", "PlanRow", "Progress", "RenamePlan", "UndoReport",
    "apply_renames", "default_manifest", "journal_for", "plan_renames", "read_plan",
    "resume_renames", "sha256_file", "undo_renames", "validate_plan", "write_plan",
]
