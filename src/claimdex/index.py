"""The SQLite index (sqlite-utils): files, documents, pages, failures, FTS5 over page text.

One writer at a time: WAL mode and a busy timeout let a second run wait, then fail clearly.
Every file is replaced in one transaction, so a run killed at any point leaves either the old
rows or the new ones, never half of each.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import numpy as np
import sqlite_utils

from claimdex.errors import IndexStoreError
from claimdex.models import ClaimView, DocumentView, Field, FileResult, Problem, SearchHit, doc_key

SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 30_000
_INSERT_FILE = ("insert into files (path, claim, sha256, size, mtime, status, documents, pages, "
                "seconds, ingested_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
_INSERT_DOCUMENT = (
    "insert into documents (id, file_id, claim, member, parent_id, media_type, page_start, "
    "page_end, page_count, method, doc_type, confidence, type_model, classification, embedding, "
    "meta, warnings, duplicate_group, is_primary) "
    "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
_INSERT_FIELD = ("insert into fields (document_id, file_id, name, value, page, start, [end], "
                 "confidence) values (?, ?, ?, ?, ?, ?, ?, ?)")
_INSERT_PAGE = ("insert into pages (document_id, file_id, page_no, text, method, ocr_confidence, "
                "chars) values (?, ?, ?, ?, ?, ?, ?)")
_INSERT_FAILURE = ("insert into failures (path, member, stage, category, reason, at) "
                   "values (?, ?, ?, ?, ?, ?)")


def document_id(path: str, sha256: str, member: str, page_start: int, page_end: int) -> str:
    """Deterministic id: the same file content at the same place gives the same id."""
    key = f"{path}\x00{sha256}\x00{member}\x00{page_start}-{page_end}"
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:24]


class IndexStore:
    def __init__(self, db: sqlite_utils.Database, path: Path) -> None:
        self.db = db
        self.path = path

    @classmethod
    def open(cls, path: Path, *, create: bool = True) -> IndexStore:
        if not create and not path.exists():
            raise IndexStoreError(f"{path} does not exist; run 'claimdex ingest' first")
        try:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
            db = sqlite_utils.Database(conn)
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if _set_wal(db) == "wal":
                # Safe with WAL: a killed run loses at most its last transactions, never the
                # database; and one fsync per checkpoint instead of one per file.
                db.execute("PRAGMA synchronous = NORMAL")
            db.execute("PRAGMA foreign_keys = ON")
            store = cls(db, path)
            store._migrate()
        except sqlite3.OperationalError as exc:
            if _is_busy(exc):
                raise IndexStoreError(_busy_message(path)) from exc
            raise IndexStoreError(f"{path} is not a claimdex index or is damaged ({exc})") from exc
        except sqlite3.DatabaseError as exc:
            raise IndexStoreError(f"{path} is not a claimdex index or is damaged ({exc})") from exc
        return store

    def close(self) -> None:
        self.db.close()

    # -- schema -----------------------------------------------------------------------------
    def _migrate(self) -> None:
        db = self.db
        if "meta" in db.table_names():
            version = int(db["meta"].get("schema_version")["value"])
            if version > SCHEMA_VERSION:
                raise IndexStoreError(
                    f"{self.path} was written by a newer claimdex (schema {version}); upgrade claimdex")
            return
        with self.write():
            if "meta" in db.table_names():  # another run created the index meanwhile
                return
            db["meta"].create({"key": str, "value": str}, pk="key")
            db["meta"].insert({"key": "schema_version", "value": str(SCHEMA_VERSION)})
            db["files"].create(
                {"id": int, "path": str, "claim": str, "sha256": str, "size": int, "mtime": float,
                 "status": str, "documents": int, "pages": int, "seconds": float, "ingested_at": str},
                pk="id", not_null={"path", "sha256"})
            db["files"].create_index(["path"], unique=True)
            db["files"].create_index(["claim"])
            db["documents"].create(
                {"id": str, "file_id": int, "claim": str, "member": str, "parent_id": str,
                 "media_type": str, "page_start": int, "page_end": int, "page_count": int,
                 "method": str, "doc_type": str, "confidence": float, "type_model": str,
                 "classification": str, "embedding": bytes, "meta": str, "warnings": str,
                 "duplicate_group": str, "is_primary": int},
                pk="id", foreign_keys=[("file_id", "files", "id")])
            db["documents"].create_index(["file_id"])
            db["documents"].create_index(["claim", "doc_type"])
            db["pages"].create(
                {"id": int, "document_id": str, "file_id": int, "page_no": int, "text": str,
                 "method": str, "ocr_confidence": float, "chars": int},
                pk="id", foreign_keys=[("document_id", "documents", "id"), ("file_id", "files", "id")])
            db["pages"].create_index(["document_id", "page_no"])
            db["pages"].create_index(["file_id"])
            db["pages"].enable_fts(["text"], create_triggers=True, tokenize="porter unicode61")
            db["fields"].create(
                {"id": int, "document_id": str, "file_id": int, "name": str, "value": str,
                 "page": int, "start": int, "end": int, "confidence": float},
                pk="id", foreign_keys=[("document_id", "documents", "id"), ("file_id", "files", "id")])
            db["fields"].create_index(["document_id"])
            db["fields"].create_index(["name", "value"])
            db["failures"].create(
                {"id": int, "path": str, "member": str, "stage": str, "category": str,
                 "reason": str, "at": str}, pk="id")
            db["failures"].create_index(["path"])
            self._create_metadata_table()

    @contextmanager
    def write(self) -> Iterator[None]:
        """One transaction; waits for other writers up to the busy timeout, then fails clearly."""
        try:
            with self.db.conn:
                self.db.execute("BEGIN IMMEDIATE")
                yield
        except sqlite3.OperationalError as exc:
            if _is_busy(exc):
                raise IndexStoreError(_busy_message(self.path)) from exc
            raise

    # -- incremental state --------------------------------------------------------------------
    def known_files(self) -> dict[str, tuple[str, str]]:
        """path -> (sha256, status) for every file already in the index."""
        return {r["path"]: (r["sha256"], r["status"])
                for r in self.db.query("select path, sha256, status from files")}

    def replace_file(self, result: FileResult, classifications: dict[str, dict] | None = None) -> None:
        """Replace everything known about one file with ``result``, in one transaction."""
        self.replace_files([(result, classifications or {})])

    def replace_files(self, batch: Sequence[tuple[FileResult, dict[str, dict]]]) -> None:
        """Replace everything known about each file of ``batch`` (a result and its documents'
        classifications and fields, by doc_key), all in one transaction: a run stopped at
        any point leaves each file's old rows or its new ones. Plain prepared statements:
        sqlite-utils' per-call work cost more than SQLite's for one-page documents."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        conn = self.db.conn
        with self.write():
            for result, classifications in batch:
                self._delete_file(str(result.task.path))
                self._insert_file(conn, result, classifications, now)
                self._insert_problems(result.problems, now)

    @staticmethod
    def _insert_file(conn: sqlite3.Connection, result: FileResult,
                     classifications: dict[str, dict], now: str) -> None:
        task = result.task
        path = str(task.path)
        status = "failed" if result.failed else ("partial" if result.problems else "ok")
        file_id = conn.execute(_INSERT_FILE, (
            path, task.claim, task.sha256, task.size, task.mtime, status, len(result.documents),
            sum(len(d.pages) for d in result.documents), round(result.seconds, 4), now)).lastrowid
        ids: dict[str, str] = {}
        documents, fields, pages = [], [], []
        for doc in result.documents:
            start, end = (doc.pages[0].number, doc.pages[-1].number) if doc.pages else (0, 0)
            doc_id = document_id(path, task.sha256, doc.member, start, end)
            ids.setdefault(doc.member, doc_id)
            methods = {p.method for p in doc.pages}
            cls = classifications.get(doc_key(doc), {})
            documents.append((
                doc_id, file_id, task.claim, doc.member,
                ids.get(doc.parent) if doc.parent is not None else None,
                doc.media_type, start, end, len(doc.pages),
                "mixed" if len(methods) > 1 else (methods.pop() if methods else None),
                cls.get("doc_type"), cls.get("confidence"), cls.get("model"),
                json.dumps(cls["detail"]) if cls.get("detail") else None, cls.get("embedding"),
                json.dumps(dict(doc.meta)) if doc.meta else None,
                json.dumps(list(doc.warnings)) if doc.warnings else None, None, 1))
            fields.extend((doc_id, file_id, f.name, f.value, f.page, f.start, f.end, f.confidence)
                          for f in cls.get("fields", ()))
            pages.extend((doc_id, file_id, p.number, p.text, p.method, p.ocr_confidence, len(p.text))
                         for p in doc.pages)
        conn.executemany(_INSERT_DOCUMENT, documents)
        conn.executemany(_INSERT_FIELD, fields)
        conn.executemany(_INSERT_PAGE, pages)

    def _insert_problems(self, problems: Iterable[Problem], now: str) -> None:
        self.db.conn.executemany(_INSERT_FAILURE, [
            (p.path, p.member, p.stage, p.category, p.message, now) for p in problems])

    def _delete_file(self, path: str) -> None:
        conn = self.db.conn
        row = conn.execute("select id from files where path = ?", [path]).fetchone()
        conn.execute("delete from failures where path = ?", [path])
        if row is None:
            return
        file_id = row[0]
        for table in ("pages", "fields", "documents"):
            conn.execute(f"delete from {table} where file_id = ?", [file_id])
        conn.execute("delete from files where id = ?", [file_id])

    def prune(self, keep: set[str], roots: Iterable[Path]) -> int:
        """Remove files under ``roots`` that were not seen in this run."""
        prefixes = [str(r) for r in roots]
        gone = [p for p in self.known_files()
                if p not in keep and any(p == r or p.startswith(r.rstrip("/") + "/") for r in prefixes)]
        with self.write():
            for path in gone:
                self._delete_file(path)
        return len(gone)

    # -- reading ------------------------------------------------------------------------------
    def search(self, query: str, *, claim: str | None = None, doc_type: str | None = None,
               limit: int = 20) -> list[SearchHit]:
        match = fts_query(query)
        if not match:
            return []
        where, params = ["pages_fts MATCH ?"], [match]
        if claim:
            where.append("d.claim = ?")
            params.append(claim)
        if doc_type:
            where.append("d.doc_type = ?")
            params.append(doc_type)
        sql = f"""
            select f.path, d.member, p.page_no, d.claim, d.doc_type, d.id as document_id,
                   snippet(pages_fts, 0, '[', ']', '…', 16) as snippet,
                   bm25(pages_fts) as rank
            from pages_fts
            join pages p on p.rowid = pages_fts.rowid
            join documents d on d.id = p.document_id
            join files f on f.id = d.file_id
            where {' and '.join(where)}
            order by rank limit ?"""
        params.append(limit)
        try:
            rows = list(self.db.query(sql, params))
        except sqlite3.OperationalError as exc:
            raise IndexStoreError(f"the search could not run ({exc})") from exc
        return [SearchHit(r["path"], r["member"], r["page_no"], r["claim"], r["doc_type"],
                          " ".join(r["snippet"].split()), -r["rank"], r["document_id"]) for r in rows]

    def semantic_search(self, vector: np.ndarray, *, claim: str | None = None,
                        doc_type: str | None = None, limit: int = 20) -> list[SearchHit]:
        """Documents nearest in meaning to ``vector`` (exact cosine over stored embeddings)."""
        where, params = ["d.embedding is not null"], []
        if claim:
            where.append("d.claim = ?")
            params.append(claim)
        if doc_type:
            where.append("d.doc_type = ?")
            params.append(doc_type)
        rows = list(self.db.query(
            f"select d.id, d.embedding from documents d where {' and '.join(where)}", params))
        if not rows:
            return []
        matrix = np.frombuffer(b"".join(r["embedding"] for r in rows), dtype=np.float32)
        matrix = matrix.reshape(len(rows), -1)
        scores = matrix @ vector.astype(np.float32)
        order = np.argsort(scores)[::-1][:limit]
        return [self._document_hit(rows[i]["id"], float(scores[i])) for i in order]

    def hybrid_search(self, query: str, vector: np.ndarray, *, claim: str | None = None,
                      doc_type: str | None = None, limit: int = 20) -> list[SearchHit]:
        """Reciprocal-rank fusion of full-text (best page per document) and semantic ranks."""
        pool = max(limit * 3, 50)
        text_hits = _best_page_per_document(self.search(query, claim=claim, doc_type=doc_type, limit=pool))
        meaning = self.semantic_search(vector, claim=claim, doc_type=doc_type, limit=pool)
        fused: dict[str, float] = {}
        chosen: dict[str, SearchHit] = {}
        for ranked in (text_hits, meaning):
            for rank, hit in enumerate(ranked):
                fused[hit.document_id] = fused.get(hit.document_id, 0.0) + 1.0 / (_RRF_K + rank + 1)
                chosen.setdefault(hit.document_id, hit)
        order = sorted(fused, key=fused.get, reverse=True)[:limit]
        return [replace(chosen[d], score=fused[d]) for d in order]

    def _document_hit(self, doc_id: str, score: float) -> SearchHit:
        row = next(self.db.query(
            """select f.path, d.member, d.claim, d.doc_type, p.page_no, p.text
               from documents d join files f on f.id = d.file_id
               left join pages p on p.document_id = d.id and p.page_no = d.page_start
               where d.id = ?""", [doc_id]))
        snippet = " ".join((row["text"] or "").split())[:160]
        return SearchHit(row["path"], row["member"], row["page_no"] or 1, row["claim"], row["doc_type"],
                         snippet, score, doc_id)

    def claims(self) -> list[str]:
        return [r["claim"] for r in self.db.query("select distinct claim from documents order by claim")]

    def claim_view(self, claim: str) -> ClaimView:
        """Everything rules, summaries and naming need about one claim, without page text."""
        docs = list(self.db.query(
            """select d.id, f.path, d.member, d.claim, d.doc_type, d.confidence, d.page_start,
                      d.page_end, d.media_type, d.duplicate_group, d.is_primary
               from documents d join files f on f.id = d.file_id
               where d.claim = ? order by f.path, d.member, d.page_start""", [claim]))
        fields: dict[str, list[Field]] = {}
        for row in self.db.query(
                """select fl.document_id, fl.name, fl.value, fl.page, fl.start, fl."end", fl.confidence
                   from fields fl join documents d on d.id = fl.document_id where d.claim = ?
                   order by fl.id""", [claim]):
            fields.setdefault(row["document_id"], []).append(
                Field(row["name"], row["value"], row["page"], row["start"], row["end"], row["confidence"]))
        return ClaimView(claim, tuple(
            DocumentView(d["id"], d["path"], d["member"], d["claim"], d["doc_type"], d["confidence"],
                         d["page_start"], d["page_end"], d["media_type"], tuple(fields.get(d["id"], ())),
                         d["duplicate_group"], bool(d["is_primary"] if d["is_primary"] is not None else 1))
            for d in docs))

    def page_text(self, document_id: str) -> list[tuple[int, str]]:
        """(page number, text) of one document, for stages that re-read text (never logged)."""
        return [(r["page_no"], r["text"]) for r in self.db.query(
            "select page_no, text from pages where document_id = ? order by page_no", [document_id])]

    def meta(self, key: str) -> str | None:
        row = next(self.db.query("select value from meta where key = ?", [key]), None)
        return row["value"] if row else None

    def set_meta(self, key: str, value: str | None) -> None:
        """Store (or with ``None`` remove) one run-state value, in its own transaction."""
        with self.write():
            if value is None:
                self.db.execute("delete from meta where key = ?", [key])
            else:
                self.db["meta"].upsert({"key": key, "value": value}, pk="key")

    def use_embedder(self, name: str) -> None:
        """Record which embedding model fills documents.embedding; refuse to mix two."""
        current = self.meta("embedder")
        if current == name:
            return
        if current is not None and self.has_embeddings():
            raise IndexStoreError(
                f"{self.path} holds embeddings from {current}, but the classifier now uses {name}; "
                "ingest into a new database file so search compares like with like")
        with self.write():
            self.db["meta"].upsert({"key": "embedder", "value": name}, pk="key")

    def has_embeddings(self) -> bool:
        return next(self.db.query("select exists(select 1 from documents where embedding is not null) e"))["e"] == 1

    def counts(self) -> dict[str, int]:
        one = lambda sql: next(self.db.query(sql))["n"]  # noqa: E731
        return {"files": one("select count(*) n from files"),
                "documents": one("select count(*) n from documents"),
                "pages": one("select count(*) n from pages"),
                "failures": one("select count(*) n from failures")}

    # -- duplicates: the same document filed more than once (claimdex.dedupe) ----------------
    def duplicate_candidates(self, claim: str) -> list[dict[str, object]]:
        """The documents of ``claim`` with their text (pages joined by form feeds), for
        duplicate detection; keys are the fields of ``claimdex.dedupe.Candidate``."""
        rows = list(self.db.query(
            """select d.id, f.path, d.member, d.method, d.media_type, d.parent_id,
                      f.ingested_at, d.page_start,
                      (select group_concat(text, char(12)) from
                         (select text from pages p where p.document_id = d.id order by p.page_no))
                      as text
               from documents d join files f on f.id = d.file_id
               where d.claim = ? order by f.path, d.member, d.page_start""", [claim]))
        return [{**r, "text": r["text"] or "", "member": r["member"] or "",
                 "ingested_at": r["ingested_at"] or "", "page_start": r["page_start"] or 0}
                for r in rows]

    def set_duplicate_groups(self, claim: str, groups: Iterable[tuple[str, str, Sequence[str]]]
                             ) -> None:
        """Replace the duplicate groups of ``claim``: each (group id, id of the copy to keep,
        ids of every copy). Other documents of the claim become ungrouped and primary."""
        with self.write():
            self.db.execute("update documents set duplicate_group = null, is_primary = 1 "
                            "where claim = ?", [claim])
            for group_id, keep, members in groups:
                for doc_id in members:
                    self.db.execute(
                        "update documents set duplicate_group = ?, is_primary = ? "
                        "where id = ? and claim = ?", [group_id, int(doc_id == keep), doc_id, claim])

    def duplicate_groups(self, claim: str | None = None) -> list[tuple[str, tuple[DocumentView, ...]]]:
        """(group id, its documents with the copy to keep first), by claim then group id."""
        where, params = "d.duplicate_group is not null", []
        if claim is not None:
            where += " and d.claim = ?"
            params.append(claim)
        rows = list(self.db.query(
            f"""select d.id, f.path, d.member, d.claim, d.doc_type, d.confidence, d.page_start,
                       d.page_end, d.media_type, d.duplicate_group, d.is_primary
                from documents d join files f on f.id = d.file_id where {where}
                order by d.claim, d.duplicate_group, d.is_primary desc, f.path, d.member,
                         d.page_start""", params))
        groups: dict[str, list[DocumentView]] = {}
        for d in rows:
            groups.setdefault(d["duplicate_group"], []).append(DocumentView(
                d["id"], d["path"], d["member"], d["claim"], d["doc_type"], d["confidence"],
                d["page_start"], d["page_end"], d["media_type"], (), d["duplicate_group"],
                bool(d["is_primary"])))
        return [(g, tuple(docs)) for g, docs in groups.items()]

    # -- external metadata: the claims system's CSVs found beside the files -------------------
    def _create_metadata_table(self) -> None:
        if "external_metadata" in self.db.table_names():
            return
        self.db["external_metadata"].create(
            {"id": int, "source": str, "line": int, "folder": str, "name": str, "doc_type": str,
             "doc_ref": str, "member": str, "section": str, "doc_date": str, "date_kind": str,
             "claim": str, "read_at": str}, pk="id")
        self.db["external_metadata"].create_index(["folder"])
        self.db["external_metadata"].create_index(["source"])

    def replace_metadata(self, root: str, records: Iterable[dict[str, object]]) -> int:
        """Replace the metadata rows read from CSVs under ``root`` with ``records``."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        prefix = root.rstrip("/") + "/"
        with self.write():
            self._create_metadata_table()
            self.db.execute("delete from external_metadata where source = ? or "
                            "substr(source, 1, length(?)) = ?", [root, prefix, prefix])
            rows = [{**r, "read_at": now} for r in records]
            self.db["external_metadata"].insert_all(rows, batch_size=500)
        return len(rows)

    def metadata_records(self, folders: Iterable[str]) -> list[dict[str, object]]:
        """Stored metadata rows of CSVs lying in ``folders``, in file and line order."""
        if "external_metadata" not in self.db.table_names():
            return []
        folders = list(folders)
        found: list[dict[str, object]] = []
        for i in range(0, len(folders), 500):
            chunk = folders[i:i + 500]
            found += self.db.query(
                f"select * from external_metadata where folder in ({', '.join('?' * len(chunk))})",
                chunk)
        return sorted(found, key=lambda r: (str(r["source"]), int(r["line"])))


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def _busy_message(path: Path) -> str:
    return (f"{path} is busy: another claimdex run is writing to it; "
            "wait for it to finish and try again")


def _set_wal(db: sqlite_utils.Database) -> str:
    """Switch to WAL; another process switching at the same moment gets SQLITE_BUSY without
    the busy handler being called, so retry for up to the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            return str(db.execute("PRAGMA journal_mode = WAL").fetchone()[0]).lower()
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


_RRF_K = 60


def _best_page_per_document(hits: list[SearchHit]) -> list[SearchHit]:
    seen: set[str] = set()
    out = []
    for hit in hits:
        if hit.document_id not in seen:
            seen.add(hit.document_id)
            out.append(hit)
    return out


_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str:
    """A safe FTS5 query: every word quoted (so user input is never FTS syntax), all required."""
    words = _TOKEN.findall(text)
    return " ".join(f'"{w}"' for w in words)
