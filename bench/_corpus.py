"""Benchmark inputs made with the sample generator (deterministic by seed)."""

from __future__ import annotations

import random
from pathlib import Path

import pymupdf


def pdf_pages(path: Path) -> int:
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
