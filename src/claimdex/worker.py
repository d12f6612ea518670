"""What runs in an ingest worker process: its set-up, and the extraction of one file.

Kept apart from claimdex.pipeline so a worker imports only the extractors (a worker process
imports the module of every function it is sent)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the parent imports this module too: the extractors load in workers only
    from claimdex.config import IngestSettings
    from claimdex.models import FileResult, FileTask

_files_since_shrink = 0  # per worker process


def init(memory_limit_mb: int) -> None:
    import resource

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # Tesseract: one thread per worker
    # C libraries (libtiff, MuPDF) print diagnostics straight to fd 2; keep the user's terminal
    # clean. Problems still come back as data.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)
    if memory_limit_mb > 0:
        limit = memory_limit_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def extract_one(task: FileTask, settings: IngestSettings) -> FileResult:
    import pymupdf

    from claimdex.extract import extract_file

    global _files_since_shrink
    try:
        return extract_file(task, settings=settings.extract)
    finally:
        # MuPDF keeps decoded images and fonts in its store (up to 256 MB) from file to file.
        # Emptied after a large file and every 32 files, so a worker's memory stays flat over
        # a long run; not after every file, which costs more than reading a one-page PDF (its
        # fonts are decoded again). PyMuPDF does not report the store's size.
        _files_since_shrink += 1
        if _files_since_shrink >= 32 or task.size > 4 * 2**20:
            pymupdf.TOOLS.store_shrink(100)
            _files_since_shrink = 0
