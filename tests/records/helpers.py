"""Claim folders from the generator, and ClaimViews built from their documents.csv ground truth."""

from __future__ import annotations

import csv
import hashlib
import random
from pathlib import Path

from claimdex.models import ClaimView, DocumentView, Field

FIELD_COLUMNS = ("doc_date", "claim_number", "worker", "employer", "author", "case_manager",
                 "cert_from", "cert_to", "capacity", "decision", "handover_from", "handover_to",
                 "exam_date", "examiner", "injury_date")
FAST_FORMATS = {"pdf": 0.6, "docx": 0.2, "txt": 0.2}  # no scans: nothing to OCR


def generate(root: Path, *, seed: int = 7, claims: int = 1) -> Path:
    from claimdex.generator.corpus import write_claim_files

    write_claim_files(root, seed, claims, FAST_FORMATS)
    return root


def views_from_ground_truth(root: Path, *, confidence: float = 0.9, seed: int = 0) -> list[ClaimView]:
    """One ClaimView per claim folder, documents typed and dated as documents.csv says.

    ``seed`` > 0 lowers a few confidences below 0.6 so some documents are 'unsure'."""
    rng = random.Random(seed)
    by_claim: dict[str, list[DocumentView]] = {}
    with open(root / "documents.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            path = str((root / row["claim"] / row["file"]).resolve())
            fields = tuple(Field(name, row[name], 1, 0, 1) for name in FIELD_COLUMNS if row.get(name))
            conf = confidence if not seed or rng.random() > 0.25 else 0.4
            doc_id = hashlib.sha256(f"{path}::{row['member']}".encode()).hexdigest()[:24]
            by_claim.setdefault(row["claim"], []).append(DocumentView(
                doc_id, path, row["member"], row["claim"], row["doc_type"], conf, 1, 1,
                Path(row["file"]).suffix.lstrip(".").lower(), fields))
    return [ClaimView(claim, tuple(sorted(docs, key=lambda d: (d.path, d.member))))
            for claim, docs in sorted(by_claim.items())]


def tree(root: Path) -> dict[str, str]:
    """relative path -> sha256 of every file under ``root`` (the state undo must restore)."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def label_index(db: Path, root: Path, *, confidence: float = 0.9) -> int:
    """Give indexed documents the types and fields documents.csv states (as the classifier
    and field extractor would), by inserting rows. Returns the number of documents labelled."""
    import sqlite3

    conn = sqlite3.connect(db)
    labelled = 0
    with conn, open(root / "documents.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            path = str((root / row["claim"] / row["file"]).resolve())
            found = conn.execute(
                "select d.id, d.file_id from documents d join files f on f.id = d.file_id "
                "where f.path = ? and d.member = ?", [path, row["member"]]).fetchone()
            if found is None:
                continue
            doc_id, file_id = found
            conn.execute("update documents set doc_type = ?, confidence = ? where id = ?",
                         [row["doc_type"], confidence, doc_id])
            conn.executemany(
                'insert into fields (document_id, file_id, name, value, page, start, "end", confidence) '
                "values (?, ?, ?, ?, 1, 0, 1, 1.0)",
                [(doc_id, file_id, name, row[name]) for name in FIELD_COLUMNS if row.get(name)])
            labelled += 1
    conn.close()
    return labelled
