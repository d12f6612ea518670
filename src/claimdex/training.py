"""Labelled examples for training and evaluation, and the evaluation report.

A labels CSV names documents either by text (a ``text`` column, as the generator's fast
training set does) or by file (a ``file`` column relative to the CSV, an optional ``member``
for an email attachment or archive member). The type is in ``doc_type`` (or ``label``).
Files are read through the same extraction pool as ingest.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimdex.config import IngestSettings
from claimdex.errors import UsageError
from claimdex.models import FileTask, Problem


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    doc_type: str
    group: str  # template or source: whole groups are held out together
    source: str  # file[::member] or "csv:row"


@dataclass(frozen=True, slots=True)
class EvalReport:
    labels: tuple[str, ...]
    per_type: tuple[tuple[str, float, float, float, int], ...]  # type, precision, recall, f1, support
    macro_f1: float
    accuracy: float
    unknown_rate: float
    confusion: tuple[tuple[int, ...], ...]  # rows: true, columns: predicted (labels + unknown)
    n: int

    def as_dict(self) -> dict[str, object]:
        return {"n": self.n, "accuracy": round(self.accuracy, 4), "macro_f1": round(self.macro_f1, 4),
                "unknown_rate": round(self.unknown_rate, 4),
                "per_type": {t: {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                                 "support": s} for t, p, r, f, s in self.per_type},
                "confusion": {"labels": [*self.labels, "unknown"],
                              "matrix": [list(r) for r in self.confusion]}}


def load_examples(csv_paths: Iterable[Path], *, settings: IngestSettings | None = None
                  ) -> tuple[list[Example], list[Problem]]:
    csv.field_size_limit(sys.maxsize)
    by_text: list[Example] = []
    wanted: dict[Path, list[tuple[str, str, str]]] = {}  # file -> [(member, doc_type, group)]
    for csv_path in csv_paths:
        if not csv_path.is_file():
            raise UsageError(f"{csv_path} does not exist")
        with open(csv_path, newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            fields = set(reader.fieldnames or ())
            type_col = "doc_type" if "doc_type" in fields else "label" if "label" in fields else None
            if type_col is None or not fields & {"text", "file"}:
                raise UsageError(f"{csv_path} needs a doc_type (or label) column and a text or file column")
            for number, row in enumerate(reader, start=2):
                label = (row.get(type_col) or "").strip()
                if not label:
                    continue
                group = (row.get("template") or row.get("group") or "").strip()
                if "text" in fields and row.get("text"):
                    by_text.append(Example(row["text"], label, group or f"{csv_path.name}:{number}",
                                           f"{csv_path.name}:{number}"))
                    continue
                file = Path(row["file"])
                if not file.is_absolute():
                    claim_dir = (row.get("claim") or "").strip()
                    base = csv_path.parent
                    candidates = [base / file, base / claim_dir / file, base.parent / claim_dir / file]
                    file = next((c for c in candidates if c.exists()), base / file)
                wanted.setdefault(file.resolve(), []).append(
                    ((row.get("member") or "").strip(), label, group or file.name))
    examples, problems = _from_files(wanted, settings or IngestSettings())
    return by_text + examples, problems


def _from_files(wanted: dict[Path, list[tuple[str, str, str]]], settings: IngestSettings
                ) -> tuple[list[Example], list[Problem]]:
    from claimdex.pipeline import run_extraction

    tasks, problems = [], []
    for path in wanted:
        try:
            data = path.read_bytes()
        except OSError as exc:
            problems.append(Problem(str(path), "", "read", "io", f"{path} could not be read: {exc.strerror}"))
            continue
        tasks.append(FileTask(path, "", hashlib.sha256(data).hexdigest(), len(data), 0.0))
    examples: list[Example] = []
    for result in run_extraction(tasks, settings):
        problems.extend(result.problems)
        texts = {d.member: "\n".join(p.text for p in d.pages) for d in result.documents}
        for member, label, group in wanted[Path(result.task.path)]:
            if member in texts:
                source = f"{result.task.path}::{member}" if member else str(result.task.path)
                examples.append(Example(texts[member], label, group, source))
    return examples, problems


def evaluate(truth: Sequence[str], predicted: Sequence[str], labels: Sequence[str] | None = None
             ) -> EvalReport:
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    present = sorted(set(truth))
    labels = tuple(labels or present)
    scored = [t for t in labels if t in present]
    p, r, f, s = precision_recall_fscore_support(truth, predicted, labels=scored, zero_division=0)
    matrix = confusion_matrix(truth, predicted, labels=[*labels, "unknown"])
    n = len(truth)
    return EvalReport(
        labels=labels,
        per_type=tuple((t, float(p[i]), float(r[i]), float(f[i]), int(s[i])) for i, t in enumerate(scored)),
        macro_f1=float(f.mean()) if len(scored) else 0.0,
        accuracy=sum(1 for a, b in zip(truth, predicted, strict=True) if a == b) / n if n else 0.0,
        unknown_rate=sum(1 for b in predicted if b == "unknown") / n if n else 0.0,
        confusion=tuple(tuple(int(x) for x in row) for row in matrix),
        n=n,
    )
