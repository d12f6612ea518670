"""Scale: ingest a generated corpus of N documents and measure memory and search latency.

    .venv/bin/python bench/scale.py [--docs 2000 | --full] [--workers N] [--ocr-sample 0.1]
                                    [--work DIR] [--seed 5] [--json]

The corpus is whole generated claims (claimdex.generator) written mostly as born-digital
PDFs, with about a tenth scanned (image-only PDFs) plus the emails and notes the generator
writes. OCR is sampled: ``--ocr-sample`` of the scanned files are ingested with OCR, the
rest without (their pages are indexed with no text), so the run stays in hours even at
20,000 documents. The corpus is cached in the work folder and reused by the next run.

It runs the real command line, ``claimdex ingest`` (classification, fields, index,
duplicates), in a subprocess, sampling with psutil the resident memory (RSS) of the parent
process and of every worker twice a second, and prints

- throughput (documents/s, pages/s), CPU seconds of parent and workers;
- peak RSS of the parent and of each worker (target: each worker under 1.5 GB), and the
  parent's and workers' peak RSS over each quarter of the run (flat: not growing);
- re-ingest of the unchanged corpus (every file hashed and skipped);
- full-text search latency (target < 100 ms) and semantic search latency (embedding the
  query included; target < 300 ms) over the finished index, median and 95th percentile of
  a fixed set of queries, through the same library calls ``claimdex search`` makes, plus the
  wall time of one ``claimdex search`` command (Python start-up included).

``--full`` is 20,000 documents. Figures, not a timed test.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

FORMATS = {"pdf": 0.9, "scan_pdf": 0.1}  # emails are mostly written as .eml by the generator
FTS_QUERIES = ("certificate of capacity", "suitable duties", "physiotherapy invoice",
               "liability accepted", "surveillance", "independent medical examination",
               "return to work plan", "case manager handover", "wage schedule overtime",
               "lumbar strain", "consent to release information", "injury management plan",
               "medical certificate unfit", "claim form employer", "psychological injury",
               "travel reimbursement", "file note phone call", "rehabilitation provider",
               "weekly payments", "dispute notice")
SEMANTIC_QUERIES = ("doctor says the worker can do light duties", "bill for treatment sessions",
                    "insurer accepts the claim", "worker was watched by an investigator",
                    "specialist assessment of permanent impairment", "new person handling the file",
                    "permission to share health information", "pay records before the injury",
                    "plan to get back to work", "employer reports an accident",
                    "back pain after lifting", "the claim is declined", "phone call with the worker",
                    "anxiety and stress at work", "travel costs to appointments")


# --------------------------------------------------------------------------- corpus


def _write_claims(out: str, seed: int, indices: list[int], ocr_sample: float) -> list[dict[str, str]]:
    """Write claims ``indices`` under out/ocr/<claim>; scanned files not sampled for OCR are
    moved to out/noocr/<claim>. Returns the document rows with their final location."""
    from claimdex.generator.corpus import choose_omissions, write_claim
    from claimdex.generator.story import make_story

    rows: list[dict[str, str]] = []
    base = Path(out)
    for i in indices:
        rng = random.Random(f"claimdex-scale:{seed}:{i}")
        story = make_story(rng)
        folder = f"claim_{i:05d}"
        claim_rows = write_claim(base / "ocr", story, rng, choose_omissions(story, rng), folder, FORMATS)
        pick = random.Random(f"claimdex-scale-ocr:{seed}:{i}")
        moved: set[str] = set()
        for row in claim_rows:
            if row["format"] == "scan_pdf" and row["file"] not in moved and pick.random() >= ocr_sample:
                target = base / "noocr" / folder
                target.mkdir(parents=True, exist_ok=True)
                shutil.move(base / "ocr" / folder / row["file"], target / row["file"])
                moved.add(row["file"])
        for row in claim_rows:
            rows.append({"claim": folder, "file": row["file"], "member": row["member"],
                         "format": row["format"], "doc_type": row["doc_type"],
                         "root": "noocr" if row["file"] in moved else "ocr"})
    return rows


def make_corpus(work: Path, docs: int, seed: int, ocr_sample: float, jobs: int) -> list[dict[str, str]]:
    """Whole generated claims until at least ``docs`` documents (cached in ``work``)."""
    manifest = work / "manifest.csv"
    stamp = work / "corpus.json"
    wanted = {"docs": docs, "seed": seed, "ocr_sample": ocr_sample, "formats": FORMATS}
    if manifest.exists() and stamp.exists() and json.loads(stamp.read_text()) == wanted:
        with open(manifest, newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))
    shutil.rmtree(work / "corpus", ignore_errors=True)
    (work / "corpus").mkdir(parents=True)
    rows: list[dict[str, str]] = []
    next_claim = 0
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        while len(rows) < docs:
            need = max(1, (docs - len(rows)) // 27 + 1)  # about 27 documents per claim
            chunks = [list(range(next_claim + k, next_claim + need, jobs)) for k in range(jobs)]
            next_claim += need
            for part in pool.map(_write_claims, [str(work / "corpus")] * jobs, [seed] * jobs,
                                 [c for c in chunks], [ocr_sample] * jobs):
                rows.extend(part)
            print(f"  generated {len(rows)} documents in {time.perf_counter() - started:.0f} s",
                  file=sys.stderr)
    rows.sort(key=lambda r: (r["claim"], r["file"], r["member"]))
    with open(manifest, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    stamp.write_text(json.dumps(wanted))
    return rows


# --------------------------------------------------------------------------- memory sampling


class RssSampler:
    """Samples the RSS of a process tree (claimdex and its workers; Tesseract apart)."""

    def __init__(self, pid: int, interval: float = 0.5) -> None:
        import psutil

        self.root = psutil.Process(pid)
        self.interval = interval
        self.samples: list[tuple[float, int, dict[int, int]]] = []  # (t, parent, {worker: rss})
        self.tesseract_peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        import psutil

        start = time.monotonic()
        while not self._stop.is_set():
            try:
                parent = self.root.memory_info().rss
                workers: dict[int, int] = {}
                for child in self.root.children(recursive=True):
                    try:
                        rss = child.memory_info().rss
                        if child.name().startswith("tesseract"):
                            self.tesseract_peak = max(self.tesseract_peak, rss)
                        elif any("spawn_main" in part for part in child.cmdline()):
                            workers[child.pid] = rss  # pebble's workers, not its resource tracker
                    except psutil.Error:
                        continue
                self.samples.append((time.monotonic() - start, parent, workers))
            except psutil.Error:
                break
            self._stop.wait(self.interval)

    def summary(self) -> dict[str, object]:
        mb = 1 / 2**20
        if not self.samples:
            return {}
        peaks: dict[int, int] = {}
        for _, _, workers in self.samples:
            for pid, rss in workers.items():
                peaks[pid] = max(peaks.get(pid, 0), rss)
        end = self.samples[-1][0] or 1.0
        quarters = []
        for q in range(4):
            part = [s for s in self.samples if q * end / 4 <= s[0] <= (q + 1) * end / 4]
            quarters.append({
                "parent_mb": round(max((s[1] for s in part), default=0) * mb),
                "worker_mb": round(max((max(s[2].values(), default=0) for s in part), default=0) * mb)})
        return {"samples": len(self.samples),
                "parent_peak_mb": round(max(s[1] for s in self.samples) * mb),
                "worker_peak_mb": round(max(peaks.values(), default=0) * mb),
                "workers_seen": len(peaks),
                "tesseract_peak_mb": round(self.tesseract_peak * mb),
                "by_quarter": quarters}


# --------------------------------------------------------------------------- runs


def claimdex_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("claimdex")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "claimdex.cli"]


def run_ingest(folder: Path, db: Path, workers: int, *, ocr: bool) -> dict[str, object]:
    cmd = [*claimdex_cmd(), "ingest", str(folder), "--db", str(db), "--workers", str(workers),
           "--json", "--timeout", "300"]
    if not ocr:
        cmd.append("--no-ocr")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    with RssSampler(proc.pid) as sampler:
        stdout, stderr = proc.communicate()
    wall = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"claimdex ingest failed ({proc.returncode}):\n{stderr[-2000:]}")
    report = json.loads(stdout)
    return {"wall_seconds": round(wall, 1), "report": report, "memory": sampler.summary(),
            "stderr_lines": len(stderr.splitlines())}


def _cpu_children() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def latency(fn, queries) -> dict[str, float]:
    times = []
    for query in queries:
        started = time.perf_counter()
        fn(query)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"median_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[min(len(times) - 1, int(0.95 * len(times)))], 1),
            "max_ms": round(times[-1], 1), "n": len(times)}


def search_figures(db: Path) -> dict[str, object]:
    from claimdex.index import IndexStore
    from claimdex.resources import DEFAULT_EMBEDDER, load_embedder

    store = IndexStore.open(db, create=False)
    try:
        counts = store.counts()
        for query in FTS_QUERIES[:3]:  # warm the page cache once, as a second search would find it
            store.search(query)
        fts = latency(lambda q: store.search(q, limit=20), FTS_QUERIES)
        claim = next(iter(store.claims()))
        fts_claim = latency(lambda q: store.search(q, claim=claim, limit=20), FTS_QUERIES)
        started = time.perf_counter()
        embedder = load_embedder(store.meta("embedder") or DEFAULT_EMBEDDER)
        load = time.perf_counter() - started
        embedded = sum(1 for _ in store.db.query("select 1 from documents where embedding is not null"))
        semantic = latency(lambda q: store.semantic_search(embedder.embed([q])[0], limit=20),
                           SEMANTIC_QUERIES)
        hybrid = latency(lambda q: store.hybrid_search(q, embedder.embed([q])[0], limit=20),
                         SEMANTIC_QUERIES)
    finally:
        store.close()
    cli = []
    for mode in ("--fts", "--semantic"):
        started = time.perf_counter()
        subprocess.run([*claimdex_cmd(), "search", "suitable duties", "--db", str(db), mode,
                        "--json"], check=True, capture_output=True)
        cli.append(round(time.perf_counter() - started, 2))
    return {"index": counts, "db_mb": round(db.stat().st_size / 2**20),
            "documents_with_embeddings": embedded, "fts": fts, "fts_one_claim": fts_claim,
            "semantic": semantic, "hybrid": hybrid, "embedder_load_s": round(load, 2),
            "cli_fts_s": cli[0], "cli_semantic_s": cli[1]}


def measure(args) -> dict[str, object]:
    work = args.work or Path(f"/tmp/claimdex-scale-{args.docs}-s{args.seed}")
    work.mkdir(parents=True, exist_ok=True)
    jobs = args.workers
    started = time.perf_counter()
    rows = make_corpus(work, args.docs, args.seed, args.ocr_sample, jobs)
    generated = time.perf_counter() - started
    corpus = work / "corpus"
    db = work / "index.db"
    for path in work.glob("index.db*"):
        path.unlink()
    by_root = {name: sum(1 for r in rows if r["root"] == name) for name in ("ocr", "noocr")}
    scanned = sum(1 for r in rows if r["format"] == "scan_pdf")
    print(f"corpus: {len(rows)} documents ({scanned} scanned, {by_root['noocr']} of them without "
          f"OCR) in {len({(r['claim'], r['file']) for r in rows})} files, "
          f"{len({r['claim'] for r in rows})} claims; generated/reused in {generated:.0f} s",
          file=sys.stderr)

    cpu0 = _cpu_children()
    print("ingesting (OCR on) ...", file=sys.stderr)
    main = run_ingest(corpus / "ocr", db, args.workers, ocr=True)
    cpu1 = _cpu_children()
    rest = None
    if (corpus / "noocr").exists():
        print("ingesting the scans not sampled for OCR (--no-ocr) ...", file=sys.stderr)
        rest = run_ingest(corpus / "noocr", db, args.workers, ocr=False)
    cpu2 = _cpu_children()
    print("re-ingesting unchanged ...", file=sys.stderr)
    again = run_ingest(corpus / "ocr", db, args.workers, ocr=True)
    print("searching ...", file=sys.stderr)
    search = search_figures(db)
    report = main["report"]
    return {
        "docs_generated": len(rows), "scanned_docs": scanned, "ocr_sampled_files": len(
            {(r["claim"], r["file"]) for r in rows if r["format"] == "scan_pdf" and r["root"] == "ocr"}),
        "workers": args.workers,
        "ingest": {"wall_seconds": main["wall_seconds"], "files": report["files"],
                   "documents": report["documents"], "pages": report["pages"],
                   "ocr_pages": report["ocr_pages"], "failures": report["failures"],
                   "docs_per_s": round(report["documents"] / main["wall_seconds"], 1),
                   "pages_per_s": round(report["pages"] / main["wall_seconds"], 1),
                   "cpu_seconds": round(cpu1 - cpu0, 1), "memory": main["memory"]},
        "ingest_no_ocr_scans": None if rest is None else {
            "wall_seconds": rest["wall_seconds"], "files": rest["report"]["files"],
            "documents": rest["report"]["documents"], "cpu_seconds": round(cpu2 - cpu1, 1),
            "memory": rest["memory"]},
        "reingest_unchanged": {"wall_seconds": again["wall_seconds"],
                               "skipped": again["report"]["skipped"],
                               "speedup": round(main["wall_seconds"] / max(again["wall_seconds"], 1e-3), 1)},
        "search": search,
    }


def print_figures(fig: dict[str, object]) -> None:
    ing = fig["ingest"]
    mem = ing["memory"]
    print(f"documents generated: {fig['docs_generated']} ({fig['scanned_docs']} scanned; "
          f"{fig['ocr_sampled_files']} scanned files OCR'd, the rest indexed without OCR)")
    print(f"ingest (OCR on), {fig['workers']} workers: {ing['files']} files, {ing['documents']} "
          f"documents, {ing['pages']} pages ({ing['ocr_pages']} OCR) in {ing['wall_seconds']} s = "
          f"{ing['docs_per_s']} docs/s, {ing['pages_per_s']} pages/s; {ing['failures']} failures; "
          f"CPU {ing['cpu_seconds']} s")
    if fig["ingest_no_ocr_scans"]:
        rest = fig["ingest_no_ocr_scans"]
        print(f"ingest of the other scans (--no-ocr): {rest['documents']} documents in "
              f"{rest['wall_seconds']} s")
    print(f"peak RSS: parent {mem['parent_peak_mb']} MB, largest worker {mem['worker_peak_mb']} MB "
          f"(target < 1536 MB), Tesseract {mem['tesseract_peak_mb']} MB; "
          f"{mem['workers_seen']} worker processes seen")
    print("peak RSS by quarter of the run (parent / largest worker, MB): " + ", ".join(
        f"{q['parent_mb']}/{q['worker_mb']}" for q in mem["by_quarter"]))
    again = fig["reingest_unchanged"]
    print(f"re-ingest unchanged: {again['wall_seconds']} s, {again['skipped']} files skipped "
          f"({again['speedup']}x faster)")
    s = fig["search"]
    print(f"index: {s['index']['documents']} documents, {s['index']['pages']} pages, "
          f"{s['db_mb']} MB; {s['documents_with_embeddings']} with embeddings")
    print(f"FTS search:      median {s['fts']['median_ms']} ms, p95 {s['fts']['p95_ms']} ms "
          f"(target < 100 ms); within one claim median {s['fts_one_claim']['median_ms']} ms")
    print(f"semantic search: median {s['semantic']['median_ms']} ms, p95 {s['semantic']['p95_ms']} ms "
          f"(query embedding included; target < 300 ms); hybrid median {s['hybrid']['median_ms']} ms")
    print(f"one 'claimdex search' command, start-up included: --fts {s['cli_fts_s']} s, "
          f"--semantic {s['cli_semantic_s']} s (embedder load {s['embedder_load_s']} s)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents to generate (about)")
    parser.add_argument("--full", action="store_true", help="20,000 documents")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--ocr-sample", type=float, default=0.1,
                        help="share of the scanned files ingested with OCR")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--work", type=Path, default=None, help="work folder (corpus is cached)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.full:
        args.docs = 20_000
    figures = measure(args)
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        print_figures(figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
