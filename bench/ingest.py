"""Ingest throughput against bare PyMuPDF and bare Tesseract, measured in the same run.

    .venv/bin/python bench/ingest.py [--pages 500] [--scanned 50] [--max-workers N] [--json]

Prints, on generated born-digital claim documents:

- full ingest pages/s (extraction in one worker process; split, classification, fields and
  index in the parent) against bare PyMuPDF ``page.get_text()`` over the same files in one
  process, and their ratio (target >= 0.5). Wall-clock and CPU figures are both given: the
  CPU ratio (bare CPU seconds / ingest CPU seconds, parent and workers) does not move when
  other programs load the machine, the wall-clock one does;
- the same without classification and fields (extraction, index and duplicates: the
  foundation alone), and both again on multi-page documents (the hand-written evaluation
  documents laid out 20 lines a page: the generated set is almost all one-page documents,
  where per-file and per-document costs weigh most);
- where the parent's time goes, stage by stage, in ms per page (measured in-process on the
  same documents, extracted without OCR);
- scaling from 1 to N workers (N = --max-workers, default the CPU count);
- OCR seconds per page against bare Tesseract on the same pages: both render at the same DPI
  (ExtractSettings.ocr_dpi) in grayscale and run Tesseract with OMP_THREAD_LIMIT=1;
- classification documents/s (one document at a time and in batches), re-ingest speed-up,
  and the peak resident memory of the parent and of each worker (psutil samples).

Model loading (classifier, embeddings, spaCy for fields) happens once per run and is
reported apart. Figures, not a timed test.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # Tesseract: one thread, as in the workers
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from _corpus import make_long_set, make_set  # noqa: E402
from scale import RssSampler  # noqa: E402


def _cpu() -> tuple[float, float]:
    """(this process, its reaped children) CPU seconds, user + system."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def bare_pymupdf(files: list[Path]) -> dict[str, float]:
    import pymupdf

    wall, cpu = time.perf_counter(), time.process_time()
    pages = 0
    for path in files:
        with pymupdf.open(path) as doc:
            for page in doc:
                page.get_text()
                pages += 1
    return {"pages": pages, "wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}


def bare_tesseract(files: list[Path], dpi: int, language: str) -> dict[str, float]:
    """Render like claimdex (grayscale, same DPI; not timed), then image_to_string on each
    page (timed: Tesseract's CPU and this process's)."""
    import pymupdf
    import pytesseract
    from PIL import Image

    images = []
    for path in files:
        with pymupdf.open(path) as doc:
            for page in doc:
                pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
                images.append(Image.frombytes("L", (pix.width, pix.height), pix.samples))
    wall = time.perf_counter()
    me, kids = _cpu()
    for image in images:  # pytesseract hands each image over as a PNG file: counted here too
        pytesseract.image_to_string(image, lang=language)
    me2, kids2 = _cpu()
    return {"pages": len(images), "wall": time.perf_counter() - wall,
            "cpu": (me2 - me) + (kids2 - kids)}


def run_ingest(folder: Path, db: Path, workers: int, classifier, fields) -> dict[str, object]:
    from claimdex.config import IngestSettings
    from claimdex.pipeline import ingest

    me, kids = _cpu()
    with RssSampler(os.getpid()) as sampler:
        report = ingest([folder], db_path=db, settings=IngestSettings(workers=workers),
                        classifier=classifier, fields=fields)
    me2, kids2 = _cpu()
    return {"report": report, "parent_cpu": me2 - me, "worker_cpu": kids2 - kids,
            "memory": sampler.summary()}


def _versus(bare: dict[str, float], run: dict[str, object]) -> dict[str, object]:
    """One ingest run against bare PyMuPDF on the same files: pages/s and their ratios."""
    report = run["report"]
    cpu = run["parent_cpu"] + run["worker_cpu"]
    return {"files": report.files, "documents": report.documents, "pages": report.pages,
            "ingest_pages_per_s": round(report.pages / report.seconds, 1),
            "bare_pages_per_s": round(bare["pages"] / bare["wall"], 1),
            "ratio_wall": round((report.pages / report.seconds) / (bare["pages"] / bare["wall"]), 3),
            "ratio_cpu": round(bare["cpu"] / cpu, 3)}


def load_models():
    from claimdex.models import Page
    from claimdex.resources import load_classifier

    started = time.perf_counter()
    classifier = load_classifier(on_missing=lambda msg: print(msg, file=sys.stderr))
    try:
        from claimdex.fields import extract_fields as fields
    except ImportError:
        fields = None
    warm = [Page(1, "Certificate of capacity. Date of injury: 03/04/2024", "text")]
    if fields is not None:
        fields(warm, None)  # loads spaCy and the field patterns once, as a real run does
    if classifier is not None:
        classifier.classify([warm[0].text])
    return classifier, fields, time.perf_counter() - started


def stage_costs(folder: Path, classifier, fields) -> dict[str, float]:
    """ms per page of each parent stage, in-process, on documents extracted without OCR."""
    from claimdex.config import ExtractSettings
    from claimdex.dedupe import dedupe_claims
    from claimdex.extract import extract_file
    from claimdex.index import IndexStore
    from claimdex.pipeline import _plan, _understand_many, discover, split_many

    tasks, _, _ = _plan(discover([folder]), {}, retry_failed=False)
    costs: dict[str, float] = {}

    def timed(name, fn):
        started = time.process_time()
        out = fn()
        costs[name] = time.process_time() - started
        return out

    results = timed("extract (no OCR)", lambda: [extract_file(t, settings=ExtractSettings(ocr=False))
                                                 for t in tasks])
    pages = sum(len(d.pages) for r in results for d in r.documents)
    batches = [results[i:i + 32] for i in range(0, len(results), 32)]
    results = timed("split", lambda: [r for b in batches for r in split_many(b, classifier)])
    batches = [results[i:i + 32] for i in range(0, len(results), 32)]
    timed("classify (batches of 32 files)",
          lambda: [_understand_many(b, classifier, None) for b in batches])
    if classifier is not None:
        timed("classify (one call per file)", lambda: [classifier.classify_result(r) for r in results])
    labels = timed("classify + fields", lambda: [x for b in batches
                                                 for x in _understand_many(b, classifier, fields)])
    costs["fields"] = costs.pop("classify + fields") - costs["classify (batches of 32 files)"]
    with tempfile.TemporaryDirectory() as tmp:
        store = IndexStore.open(Path(tmp) / "stages.db")
        try:
            timed("index write", lambda: [store.replace_file(r, x) for r, x in zip(results, labels, strict=True)])
            timed("duplicates", lambda: dedupe_claims(store, None))
        finally:
            store.close()
    return {name: round(1000 * seconds / pages, 2) for name, seconds in costs.items()}


def classify_rate(classifier, folder: Path) -> dict[str, float]:
    from claimdex.config import ExtractSettings
    from claimdex.extract import extract_file
    from claimdex.pipeline import _plan, discover

    tasks, _, _ = _plan(discover([folder]), {}, retry_failed=False)
    texts = ["\n".join(p.text for p in d.pages)
             for t in tasks[:300] for d in extract_file(t, settings=ExtractSettings(ocr=False)).documents]
    out = {}
    for batch in (1, 32):
        started = time.process_time()
        for i in range(0, len(texts), batch):
            classifier.classify(texts[i:i + batch])
        out[f"batch_{batch}"] = round(len(texts) / (time.process_time() - started), 1)
    return out


def measure(args) -> dict[str, object]:
    from claimdex.config import ExtractSettings

    figures: dict[str, object] = {"workers": 1}
    with tempfile.TemporaryDirectory(prefix="claimdex-bench-") as tmp:
        root = Path(tmp)
        digital = make_set(root / "digital" / "claim", fmt="pdf", min_pages=args.pages, seed=args.seed)
        scanned = make_set(root / "scanned" / "claim", fmt="scan_pdf", min_pages=args.scanned,
                           seed=args.seed + 1)
        classifier, fields, load = load_models()
        figures["model_load_s"] = round(load, 2)
        figures["classifier"] = classifier is not None
        figures["fields"] = fields is not None

        bare = bare_pymupdf(digital)
        one = run_ingest(root / "digital", root / "d1.db", 1, classifier, fields)
        again = run_ingest(root / "digital", root / "d1.db", 1, classifier, fields)
        report = one["report"]
        figures["born_digital"] = {
            "files": len(digital), "pages": report.pages, "documents": report.documents,
            "pages_ocred": report.ocr_pages, "failures": report.failures,
            "ingest_wall_s": round(report.seconds, 2),
            "ingest_pages_per_s": round(report.pages / report.seconds, 1),
            "ingest_cpu_parent_s": round(one["parent_cpu"], 2),
            "ingest_cpu_workers_s": round(one["worker_cpu"], 2),
            "bare_wall_s": round(bare["wall"], 3), "bare_cpu_s": round(bare["cpu"], 3),
            "bare_pages_per_s": round(bare["pages"] / bare["wall"], 1),
            "ratio_wall": round((report.pages / report.seconds) / (bare["pages"] / bare["wall"]), 3),
            "ratio_cpu": round(bare["cpu"] / (one["parent_cpu"] + one["worker_cpu"]), 3),
            "memory": one["memory"],
        }
        figures["reingest"] = {"wall_s": round(again["report"].seconds, 3),
                               "skipped": again["report"].skipped,
                               "speedup": round(report.seconds / again["report"].seconds, 1)}
        figures["foundation"] = _versus(bare, run_ingest(root / "digital", root / "f.db", 1, None, None))
        long_files = make_long_set(root / "long" / "claim")
        long_bare = bare_pymupdf(long_files)
        figures["multi_page"] = {
            "full": _versus(long_bare, run_ingest(root / "long", root / "l1.db", 1, classifier, fields)),
            "foundation": _versus(long_bare, run_ingest(root / "long", root / "l0.db", 1, None, None))}
        scaling = {}
        for n in range(1, args.max_workers + 1):
            run = one if n == 1 else run_ingest(root / "digital", root / f"d{n}.db", n, classifier, fields)
            scaling[n] = {"pages_per_s": round(run["report"].pages / run["report"].seconds, 1),
                          "wall_s": round(run["report"].seconds, 2),
                          "worker_peak_mb": run["memory"].get("worker_peak_mb"),
                          "parent_peak_mb": run["memory"].get("parent_peak_mb")}
        figures["scaling"] = scaling
        figures["parent_stage_ms_per_page"] = stage_costs(root / "digital", classifier, fields)
        if classifier is not None:
            figures["classification_docs_per_cpu_s"] = classify_rate(classifier, root / "digital")

        if args.scanned:
            ocr = run_ingest(root / "scanned", root / "s.db", 1, None, None)
            dpi = ExtractSettings().ocr_dpi
            tess = bare_tesseract(scanned, dpi, ExtractSettings().ocr_language)
            ours = ocr["report"].seconds / max(1, ocr["report"].ocr_pages)
            ours_cpu = (ocr["parent_cpu"] + ocr["worker_cpu"]) / max(1, ocr["report"].ocr_pages)
            figures["ocr"] = {
                "pages": ocr["report"].ocr_pages, "dpi": dpi,
                "claimdex_s_per_page": round(ours, 2),
                "tesseract_s_per_page": round(tess["wall"] / tess["pages"], 2),
                "ratio_wall": round(ours / (tess["wall"] / tess["pages"]), 2),
                "claimdex_cpu_s_per_page": round(ours_cpu, 2),
                "tesseract_cpu_s_per_page": round(tess["cpu"] / tess["pages"], 2),
                "ratio_cpu": round(ours_cpu / (tess["cpu"] / tess["pages"]), 2),
                "worker_peak_mb": ocr["memory"].get("worker_peak_mb"),
                "tesseract_peak_mb": ocr["memory"].get("tesseract_peak_mb"),
            }
    return figures


def print_figures(f: dict[str, object]) -> None:
    d = f["born_digital"]
    print(f"born-digital: {d['files']} files, {d['pages']} pages, {d['documents']} documents; "
          f"classifier: {'yes' if f['classifier'] else 'no'}, fields: {'yes' if f['fields'] else 'no'}; "
          f"model load once per run: {f['model_load_s']} s")
    print(f"claimdex ingest, 1 worker: {d['ingest_pages_per_s']:8.1f} pages/s ({d['ingest_wall_s']} s; "
          f"CPU parent {d['ingest_cpu_parent_s']} s + worker {d['ingest_cpu_workers_s']} s)")
    print(f"bare PyMuPDF get_text:     {d['bare_pages_per_s']:8.1f} pages/s ({d['bare_wall_s']} s; "
          f"CPU {d['bare_cpu_s']} s)")
    print(f"ratio ingest/bare: wall {d['ratio_wall']:.3f}, CPU {d['ratio_cpu']:.3f}   (target >= 0.5)")
    if d["pages_ocred"]:
        print(f"  note: {d['pages_ocred']} pages of the born-digital set were sent to OCR "
              "(pages of figures; see tests/reliability/test_known_gaps.py)")
    def versus(name: str, v: dict[str, object]) -> None:
        print(f"{name}: {v['ingest_pages_per_s']} pages/s vs bare {v['bare_pages_per_s']}: "
              f"ratio wall {v['ratio_wall']:.3f}, CPU {v['ratio_cpu']:.3f} "
              f"({v['files']} files, {v['pages']} pages)")

    versus("  extraction + index only (no classifier, no fields), same files", f["foundation"])
    versus("multi-page documents, full ingest", f["multi_page"]["full"])
    versus("multi-page documents, extraction + index only", f["multi_page"]["foundation"])
    print("parent stages, CPU ms/page: " + ", ".join(
        f"{k} {v}" for k, v in f["parent_stage_ms_per_page"].items()))
    print("scaling: " + "; ".join(f"{n} workers {s['pages_per_s']} pages/s ({s['wall_s']} s)"
                                   for n, s in f["scaling"].items()))
    r = f["reingest"]
    print(f"re-ingest unchanged: {r['wall_s']} s, {r['speedup']}x faster, skipped {r['skipped']}")
    if "classification_docs_per_cpu_s" in f:
        c = f["classification_docs_per_cpu_s"]
        print(f"classification: {c['batch_1']} docs/CPU-s one at a time, {c['batch_32']} in batches of 32")
    m = d["memory"]
    print(f"peak RSS: parent {m.get('parent_peak_mb')} MB, largest worker {m.get('worker_peak_mb')} MB")
    if "ocr" in f:
        o = f["ocr"]
        print(f"OCR ({o['pages']} scanned pages, {o['dpi']} dpi, one thread): claimdex "
              f"{o['claimdex_s_per_page']} s/page, bare Tesseract {o['tesseract_s_per_page']} s/page, "
              f"ratio {o['ratio_wall']} (CPU: {o['claimdex_cpu_s_per_page']} vs "
              f"{o['tesseract_cpu_s_per_page']}, ratio {o['ratio_cpu']}; target <= 1.2); "
              f"worker peak {o['worker_peak_mb']} MB, Tesseract peak {o['tesseract_peak_mb']} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500, help="born-digital pages (at least)")
    parser.add_argument("--scanned", type=int, default=50, help="scanned pages (at least; 0: skip OCR)")
    parser.add_argument("--max-workers", type=int, default=os.cpu_count() or 1,
                        help="scaling runs with 1..N workers")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    figures = measure(args)
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        print_figures(figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
