"""ingest: discover -> hash -> extract (worker pool) -> classify -> index.

Extraction of untrusted files runs in worker processes with a per-file timeout and memory
limit, so a file that crashes or hangs its parser is recorded as failed and the batch goes on.
The parent process is the only writer to the index.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures import as_completed
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from claimdex import worker
from claimdex.config import IngestSettings
from claimdex.errors import UsageError
from claimdex.hashing import sha256_file
from claimdex.metadata import is_metadata_csv, read_metadata
from claimdex.models import Field, FileResult, FileTask, IngestReport, Page, Problem, doc_key

if TYPE_CHECKING:  # the index (and sqlite-utils) is the parent's: workers never import it
    from pebble import ProcessPool

    from claimdex.index import IndexStore

log = logging.getLogger(__name__)  # ids, paths and counts only: never document text
_SKIP_NAMES = {"Thumbs.db", "desktop.ini"}
_SKIP_SUFFIXES = (".db", ".db-wal", ".db-shm", ".sqlite", ".sqlite-wal", ".sqlite-shm")


class Progress(Protocol):
    def start(self, total: int) -> None: ...
    def advance(self, pages: int) -> None: ...


class Classifier(Protocol):
    def classify_result(self, result: FileResult) -> dict[str, dict]: ...


class FieldExtractor(Protocol):
    def __call__(self, pages: Sequence[Page], doc_type: str | None) -> tuple[Field, ...]: ...


@dataclass(frozen=True, slots=True)
class Discovered:
    path: Path
    claim: str


def discover(paths: Iterable[Path], claim: str | None = None,
             exclude: Iterable[Path] = ()) -> list[Discovered]:
    """Files under ``paths`` with their claim ids.

    Each immediate subfolder of a folder argument is a claim; files directly in a folder
    argument belong to a claim named after that folder; a file argument belongs to a claim
    named after its parent folder. ``claim`` overrides all of these.
    """
    skip = {p.resolve() for p in exclude}
    found: dict[Path, Discovered] = {}
    for raw in paths:
        root = raw.resolve()
        if not root.exists():
            raise UsageError(f"{raw} does not exist")
        if root.is_file():
            found.setdefault(root, Discovered(root, claim or root.parent.name))
            continue
        for file in sorted(_walk(root)):
            if file in skip or _skipped(file) or is_metadata_csv(file):
                continue
            rel = file.relative_to(root)
            owner = root.name if len(rel.parts) == 1 else rel.parts[0]
            found.setdefault(file, Discovered(file, claim or owner))
    return list(found.values())


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            yield Path(dirpath) / name


def _skipped(file: Path) -> bool:
    return file.name.startswith(".") or file.name in _SKIP_NAMES or file.name.endswith(_SKIP_SUFFIXES)


def ingest(paths: list[Path], *, db_path: Path, settings: IngestSettings,
           claim: str | None = None, classifier: Classifier | None = None,
           fields: FieldExtractor | None = None, progress: Progress | None = None) -> IngestReport:
    from claimdex.index import IndexStore

    started = time.perf_counter()
    found = discover(paths, claim, exclude=[db_path])
    store = IndexStore.open(db_path)
    try:
        embedder = getattr(classifier, "embedder", None)
        if embedder is not None:
            store.use_embedder(embedder.name)
        known = store.known_files()
        # A password given now may open files that failed as encrypted before: retry failures.
        retry = settings.retry_failed or settings.extract.password is not None
        tasks, skipped, problems = _plan(found, known, retry)
        log.info("%d files found: %d to read, %d unchanged", len(found), len(tasks), skipped)
        dedupe_pending = _mark_pending(store, tasks)
        for root in sorted({p.resolve() for p in paths if p.is_dir()}):  # claims-system metadata
            scan = read_metadata(root)
            store.replace_metadata(str(root), (row.as_record() for row in scan.rows))
            problems.extend(scan.problems)
        if progress:
            progress.start(len(tasks))
        documents = pages = ocr_pages = 0
        with worker_pool(settings, len(tasks)) as pool:  # joined after the last stages
            for batch in _batches(run_extraction(tasks, settings, pool), first=8):
                batch = split_many(batch, classifier)
                understood = list(zip(batch, _understand_many(batch, classifier, fields), strict=True))
                store.replace_files(understood)
                for result, _ in understood:
                    problems.extend(result.problems)
                    documents += len(result.documents)
                    n_pages = sum(len(d.pages) for d in result.documents)
                    pages += n_pages
                    ocr_pages += sum(1 for d in result.documents for p in d.pages if p.method == "ocr")
                    _log_result(result, n_pages)
                    if progress:
                        progress.advance(n_pages)
            pruned = store.prune({str(f.path) for f in found}, [p.resolve() for p in paths]) \
                if settings.prune else 0
            if dedupe_pending or pruned:  # the same document filed twice: group the copies
                from claimdex.dedupe import dedupe_claims

                dedupe_claims(store, None if pruned else dedupe_pending)
                store.set_meta(_DEDUPE_PENDING, None)
        log.info("indexed %d documents (%d pages, %d read by OCR); %d files pruned",
                 documents, pages, ocr_pages, pruned)
    finally:
        store.close()
    return IngestReport(files=len(found), documents=documents, pages=pages, ocr_pages=ocr_pages,
                        skipped=skipped, pruned=pruned, seconds=time.perf_counter() - started,
                        problems=tuple(problems))


def split_bundles(result: FileResult, classifier: object | None) -> FileResult:
    """Cut multi-document PDFs and TIFFs into their documents (see claimdex.split)."""
    from claimdex.split import page_classifier, split_document

    pages = page_classifier(classifier)
    docs = tuple(seg for doc in result.documents for seg in split_document(doc, classifier=pages))
    return result if len(docs) == len(result.documents) else replace(result, documents=docs)


def split_many(results: Sequence[FileResult], classifier: object | None) -> list[FileResult]:
    """split_bundles for several files, with the page types of all their multi-page documents
    found in one classifier call (the model's fixed cost per call is paid once per batch)."""
    from claimdex.split import page_classifier

    pages = page_classifier(classifier)
    if pages is not None:
        texts = [p.text for r in results for d in r.documents if len(d.pages) > 1 for p in d.pages]
        pages = _RememberedPages(pages, texts)
    return [split_bundles(result, pages) for result in results]


class _RememberedPages:
    """A page classifier answering from page types worked out together beforehand."""

    def __init__(self, pages, texts: Sequence[str]) -> None:
        self._pages = pages
        unique = [t for t in dict.fromkeys(texts) if t.strip()]
        self._known = dict(zip(unique, pages.classify_pages(unique), strict=True)) if unique else {}

    def classify_pages(self, texts: Sequence[str]) -> list:
        missing = [t for t in dict.fromkeys(texts) if t not in self._known]
        if missing:
            self._known.update(zip(missing, self._pages.classify_pages(missing), strict=True))
        return [self._known[t] for t in texts]


_DEDUPE_PENDING = "dedupe_pending"


def _mark_pending(store: IndexStore, tasks: list[FileTask]) -> set[str]:
    """Claims whose copies must be grouped again: this run's, plus those a killed run left.
    Kept in the index until the duplicate pass is done, so the next run finishes the job."""
    try:
        pending = set(json.loads(store.meta(_DEDUPE_PENDING) or "[]"))
    except (ValueError, TypeError):
        pending = set()
    if tasks:
        pending |= {t.claim for t in tasks}
        store.set_meta(_DEDUPE_PENDING, json.dumps(sorted(pending)))
    return pending


def _batches(results: Iterable[FileResult], *, files: int = 32, first: int | None = None,
             seconds: float = 1.0) -> Iterator[list[FileResult]]:
    """Results grouped for one classifier call per group: up to ``files`` files (``first``
    for the first group, so the parent starts while the workers are still warming up), or
    fewer when ``seconds`` have passed since the first arrived (slow files are not held back
    long)."""
    batch: list[FileResult] = []
    since = 0.0
    size = first or files
    for result in results:
        if not batch:
            since = time.monotonic()
        batch.append(result)
        if len(batch) >= size or time.monotonic() - since >= seconds:
            yield batch
            batch = []
            size = files
    if batch:
        yield batch


def _understand_many(results: Sequence[FileResult], classifier: Classifier | None,
                     fields: FieldExtractor | None) -> list[dict[str, dict]]:
    """Classify the documents of several files, then extract their fields: one dict per file,
    keyed by doc_key."""
    labels = _classify_many(results, classifier)
    if fields is not None:
        for result, entries in zip(results, labels, strict=True):
            for doc in result.documents:
                if doc.pages:
                    entry = entries.setdefault(doc_key(doc), {})
                    entry["fields"] = fields(doc.pages, entry.get("doc_type"))
    return labels


_FILE_TAG = "\x1f"


def _classify_many(results: Sequence[FileResult], classifier: Classifier | None) -> list[dict[str, dict]]:
    """One classifier call for the documents of several files: the model's fixed cost per call
    (about 10 ms) is paid once per batch instead of once per file. Each member is tagged with
    its file's position so that documents of different files keep apart."""
    out: list[dict[str, dict]] = [{} for _ in results]
    docs = tuple(replace(doc, member=f"{i}{_FILE_TAG}{doc.member}")
                 for i, result in enumerate(results) for doc in result.documents if doc.pages)
    if classifier is None or not docs:
        return out
    for key, value in classifier.classify_result(replace(results[0], documents=docs)).items():
        index, _, own_key = key.partition(_FILE_TAG)
        out[int(index)][own_key] = value
    return out


def _log_result(result: FileResult, pages: int) -> None:
    if result.failed:
        log.info("%s: not read (%s)", result.task.path,
                 ", ".join(sorted({p.category for p in result.problems})))
    else:
        log.info("%s: %d documents, %d pages%s", result.task.path, len(result.documents), pages,
                 f", {len(result.problems)} problems" if result.problems else "")


def _plan(found: list[Discovered], known: dict[str, tuple[str, str]],
          retry_failed: bool) -> tuple[list[FileTask], int, list[Problem]]:
    tasks: list[FileTask] = []
    problems: list[Problem] = []
    skipped = 0
    for item in found:
        try:
            stat = item.path.stat()
            digest = sha256_file(item.path)
        except OSError as exc:
            problems.append(Problem(str(item.path), "", "read", "io",
                                    f"{item.path} could not be read: {exc.strerror or exc}"))
            continue
        previous = known.get(str(item.path))
        if previous and previous[0] == digest and not (retry_failed and previous[1] == "failed"):
            skipped += 1
            continue
        tasks.append(FileTask(item.path, item.claim, digest, stat.st_size, stat.st_mtime))
    return tasks, skipped, problems


def run_extraction(tasks: list[FileTask], settings: IngestSettings,
                   pool: ProcessPool | None = None) -> Iterator[FileResult]:
    """Extract every task in a pool of worker processes; yields results as they complete.

    A file whose worker process died (a parser crash, or the process killed from outside, as
    the system does when memory runs out) gets one more try in a fresh worker at the end of
    the run; a second death records it as crashed. With ``pool`` (from worker_pool), the pool
    is closed once every result is in and joined by its owner.
    """
    if not tasks:
        return
    if pool is None:
        with worker_pool(settings, len(tasks)) as pool:
            yield from run_extraction(tasks, settings, pool)
        return
    again: list[FileTask] = []
    for task, future in _completed(pool, tasks, settings):
        result = _outcome(task, future, settings, retry=again)
        if result is not None:
            yield result
    for task, future in _completed(pool, again, settings):
        yield _outcome(task, future, settings, retry=None)
    pool.close()  # the workers exit while the caller works on the last results


@contextmanager
def worker_pool(settings: IngestSettings, tasks: int) -> Iterator[ProcessPool | None]:
    """The worker processes for ``tasks`` files (None when there are none), stopped at the end."""
    if not tasks:
        yield None
        return
    from pebble import ProcessPool

    context = multiprocessing.get_context("spawn")
    workers = max(1, min(settings.workers, tasks))
    pool = ProcessPool(max_workers=workers, initializer=_worker_init,
                       initargs=(settings.memory_limit_mb,), context=context)
    try:
        yield pool
        pool.close()
    except BaseException:  # interrupted (Ctrl-C) or failed: files not yet read are not waited for
        pool.stop()
        raise
    finally:
        pool.join()


def _completed(pool, tasks: list[FileTask], settings: IngestSettings):
    futures = {pool.submit(_extract_one, settings.timeout_seconds, task, settings): task
               for task in tasks}
    for future in as_completed(futures):
        yield futures.pop(future), future


def _outcome(task: FileTask, future, settings: IngestSettings,
             retry: list[FileTask] | None) -> FileResult | None:
    """The result of one finished future, or a recorded failure; None when sent to ``retry``."""
    from pebble import ProcessExpired

    try:
        return future.result()
    except FutureTimeout:
        return _failed(task, "timeout", f"{task.path} took longer than "
                       f"{settings.timeout_seconds:g} s to read and was stopped; "
                       "raise --timeout or check the file")
    except ProcessExpired as exc:
        if retry is not None:
            retry.append(task)
            return None
        if exc.exitcode == -9:  # SIGKILL: the kernel's out-of-memory killer, or a person
            return _failed(task, "crashed", f"{task.path}: the process reading it was killed "
                           "(signal 9), usually because the computer ran out of memory; "
                           "try again with fewer --workers")
        return _failed(task, "crashed", f"{task.path} crashed the document parser "
                       f"(exit code {exc.exitcode}); the file is probably damaged")
    except MemoryError:
        return _failed(task, "resource_limit", f"{task.path} needed more than "
                       f"{settings.memory_limit_mb} MB of memory and was stopped")
    except Exception as exc:  # an unexpected bug must not stop the batch
        return _failed(task, "internal", f"{task.path} could not be processed "
                       f"(internal error {exc.__class__.__name__}); re-run with --debug")


def _failed(task: FileTask, category: str, message: str) -> FileResult:
    return FileResult(task, (), (Problem(str(task.path), "", "extract", category, message),), 0.0)


# The worker's side lives in its own small module: a worker process imports what it runs, and
# this module's imports (the index, metadata, naming) are the parent's. Looked up here at call
# time, so tests can put a faulty extractor in its place.
_worker_init = worker.init
_extract_one = worker.extract_one


def classify_paths(paths: list[Path], *, classifier, settings: IngestSettings
                   ) -> tuple[list[dict[str, object]], list[Problem]]:
    """Read and classify files without an index: one row per document (or bundle segment)."""
    found = discover(paths)
    tasks, _, problems = _plan(found, {}, retry_failed=False)
    rows: list[dict[str, object]] = []
    for result in run_extraction(tasks, settings):
        problems.extend(result.problems)
        result = split_bundles(result, classifier)
        docs = [d for d in result.documents if d.pages]
        labels = classifier.classify(["\n".join(p.text for p in d.pages) for d in docs])
        for doc, label in zip(docs, labels, strict=True):
            path = str(result.task.path) + (f"::{doc.member}" if doc.member else "")
            rows.append({"path": path, "page_start": doc.pages[0].number,
                         "page_end": doc.pages[-1].number, **label.as_dict()})
    rows.sort(key=lambda r: str(r["path"]))
    return rows, problems
