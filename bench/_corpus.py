"""Benchmark inputs made with the sample generator (deterministic by seed)."""

from __future__ import annotations

import random
import sys
from pathlib import Path


def pdf_pages(path: Path) -> int:
    # Imported here, after claimdex: the worker processes of an ingest benchmark import this
    # module (multiprocessing re-imports the main script's imports), and PyMuPDF imported
    # before claimdex would load its optional layout companions into them.
    import pymupdf

    with pymupdf.open(path) as doc:
        return doc.page_count


def make_set(out: Path, *, fmt: str, min_pages: int, seed: int) -> list[Path]:
    """Render generated documents as ``fmt`` (pdf or scan_pdf) until ``min_pages`` pages."""
    from claimdex.generator.corpus import iter_documents
    from claimdex.generator.render import render

    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    files: list[Path] = []
    pages = 0
    for index, doc in enumerate(iter_documents(rng, n_per_type=10_000)):
        path = out / f"{fmt}-{index:05d}.pdf"
        render(doc, fmt, path, rng)
        files.append(path)
        pages += pdf_pages(path)
        if pages >= min_pages:
            break
    return files


def make_long_set(out: Path, *, lines_per_page: int = 20) -> list[Path]:
    """Multi-page born-digital documents: the hand-written evaluation documents
    (tests/generalisation/docs, written apart from the generator) laid out ``lines_per_page``
    lines a page with "Page k of N" footers, one PDF each."""
    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root))
    from tests.bundles.builders import handwritten_texts, text_pdf

    out.mkdir(parents=True, exist_ok=True)
    files = []
    for name, _, text in handwritten_texts():
        path = out / (Path(name).stem + ".pdf")
        path.write_bytes(text_pdf(text, footer="page_of", lines_per_page=lines_per_page))
        files.append(path)
    return files
