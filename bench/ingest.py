"""Ingest throughput against bare PyMuPDF and bare Tesseract, measured in the same run.

    .venv/bin/python bench/ingest.py [--pages 500] [--scanned 50] [--workers 1]

Prints pages/s of `claimdex ingest` (extraction, classification, fields, index; one worker by
default) and of bare PyMuPDF page.get_text() over the same born-digital files, their ratio,
OCR seconds per page against bare Tesseract on the same rendered pages, re-ingest speed-up
and peak memory. Figures, not a timed test.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from _corpus import make_set  # noqa: E402


def bare_pymupdf(files: list[Path]) -> tuple[int, float]:
    import pymupdf

    start = time.perf_counter()
    pages = 0
    for path in files:
        with pymupdf.open(path) as doc:
            for page in doc:
                page.get_text()
                pages += 1
    return pages, time.perf_counter() - start


def bare_tesseract(files: list[Path], dpi: int) -> tuple[int, float]:
    import pymupdf
    import pytesseract
    from PIL import Image

    images = []
    for path in files:
        with pymupdf.open(path) as doc:
            for page in doc:
                pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
                images.append(Image.frombytes("L", (pix.width, pix.height), pix.samples))
    start = time.perf_counter()
    for image in images:
        pytesseract.image_to_string(image)
    return len(images), time.perf_counter() - start


def run_ingest(folder: Path, db: Path, workers: int, classifier, fields):
    from claimdex.config import IngestSettings
    from claimdex.pipeline import ingest

    return ingest([folder], db_path=db, settings=IngestSettings(workers=workers),
                  classifier=classifier, fields=fields)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500, help="born-digital pages (at least)")
    parser.add_argument("--scanned", type=int, default=50, help="scanned pages (at least)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    import os

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    from claimdex.resources import load_classifier

    with tempfile.TemporaryDirectory(prefix="claimdex-bench-") as tmp:
        root = Path(tmp)
        digital = make_set(root / "digital" / "claim", fmt="pdf", min_pages=args.pages, seed=args.seed)
        scanned = make_set(root / "scanned" / "claim", fmt="scan_pdf", min_pages=args.scanned,
                           seed=args.seed + 1)

        t0 = time.perf_counter()
        classifier = load_classifier(on_missing=lambda msg: print(msg))
        try:
            from claimdex.fields import extract_fields as fields
        except ImportError:
            fields = None
        load_seconds = time.perf_counter() - t0

        bare_pages, bare_seconds = bare_pymupdf(digital)
        report = run_ingest(root / "digital", root / "d.db", args.workers, classifier, fields)
        again = run_ingest(root / "digital", root / "d.db", args.workers, classifier, fields)
        ours = report.pages / report.seconds
        bare = bare_pages / bare_seconds

        scan_report = run_ingest(root / "scanned", root / "s.db", args.workers, None, None)
        tess_pages, tess_seconds = bare_tesseract(scanned, dpi=300)

    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ocr_per_page = scan_report.seconds / max(1, scan_report.ocr_pages)
    print(f"born-digital files: {len(digital)}, pages: {report.pages}, documents: {report.documents}")
    print(f"classifier: {'yes' if classifier else 'no'}; fields: {'yes' if fields else 'no'}; "
          f"workers: {args.workers}; model load (once): {load_seconds:.1f} s")
    print(f"claimdex ingest:      {ours:8.1f} pages/s ({report.seconds:.2f} s)")
    print(f"bare PyMuPDF get_text: {bare:8.1f} pages/s ({bare_seconds:.2f} s)")
    print(f"ratio ingest/bare:    {ours / bare:8.3f}   (target >= 0.5)")
    print(f"re-ingest unchanged:  {again.seconds:.3f} s, {report.seconds / again.seconds:.0f}x faster "
          f"(target >= 50x), skipped {again.skipped}")
    print(f"scanned pages: {scan_report.ocr_pages}; claimdex OCR {ocr_per_page:.2f} s/page, "
          f"bare Tesseract {tess_seconds / tess_pages:.2f} s/page, ratio "
          f"{ocr_per_page / (tess_seconds / tess_pages):.2f} (target <= 1.2)")
    print(f"peak RSS: parent {parent:.0f} MB, largest worker {children:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
