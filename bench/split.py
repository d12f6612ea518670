"""Benchmark bundle splitting: exact-boundary precision and recall, spurious splits, pages/s.

    .venv/bin/python bench/split.py [--generated 60] [--handwritten 60] [--scanned 0]
                                    [--long] [--no-classifier] [--seed 0] [--json]

Sets (built in memory by tests/bundles/builders.py, nothing written):

- generated: bundles of 2-6 documents of one generated claim, typeset larger than usual so
  that documents run over several pages, some with "Page k of N" footers, some with blank
  separator pages;
- handwritten-a / handwritten-b: bundles of 2-6 of the hand-written documents in
  tests/generalisation/docs (written independently of the generator), laid out as
  monospaced pages of 24-62 lines, a third with "Page k of N", a third with a bare page
  number, a third without; the two halves are disjoint sets of documents;
- scanned (``--scanned N``): generated bundles rasterised and read back with Tesseract;
- long (``--long``): single documents of many pages that must never be split: the
  hand-written ones in pages of 22 lines and generated reports, plans and wage schedules in a
  large type; and "long-varied", the same hand-written documents in pages of 16 and of 30
  lines (short pages push a letter's head or a form's parts onto pages of their own) with
  generated long documents of three other claims seeds, more types among them.

Figures: a boundary is found when a segment starts on exactly the page a document starts;
precision = found / predicted, recall = found / true; spurious-split rate = share of
documents cut at least once inside; pages/s counts the splitter alone (page signals and
page types), not PDF reading or OCR.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.bundles import builders  # noqa: E402

from claimdex.split import SplitSettings, find_boundaries, page_classifier, score_pages  # noqa: E402


def evaluate(bundles, classifier, *, ocr: bool = False, verbose: bool = False,
             settings: SplitSettings = SplitSettings()) -> dict:
    tp = fp = fn = docs = cut_docs = pages = 0
    seconds = 0.0
    for bundle in bundles:
        doc = builders.bundle_pages(bundle.pdf, ocr=ocr)
        texts = [p.text for p in doc.pages]
        started = time.perf_counter()
        scored = score_pages(texts, classifier=classifier, settings=settings)
        seconds += time.perf_counter() - started
        found = [b for b in scored if b.score >= settings.threshold]
        predicted = {b.page for b in found}
        truth = set(bundle.starts[1:])
        tp += len(predicted & truth)
        fp += len(predicted - truth)
        fn += len(truth - predicted)
        ends = [*bundle.starts[1:], bundle.pages + 1]
        for start, end in zip(bundle.starts, ends, strict=True):
            docs += 1
            cut_docs += any(start < p < end for p in predicted)
        pages += bundle.pages
        if verbose:
            for b in scored:
                if (b.page in predicted) != (b.page in truth):
                    kind = "spurious" if b.page in predicted else "missed"
                    print(f"  {kind:8s} {bundle.name} page {b.page}: {b.score:+.2f} "
                          f"{' '.join(b.reasons)}", file=sys.stderr)
    return {"bundles": None, "documents": docs, "pages": pages, "true_boundaries": tp + fn,
            "precision": round(tp / max(1, tp + fp), 4), "recall": round(tp / max(1, tp + fn), 4),
            "spurious_split_rate": round(cut_docs / max(1, docs), 4),
            "pages_per_second": round(pages / max(seconds, 1e-9), 1)}


def long_documents(seed: int):
    """Single documents of many pages: hand-written ones in short pages, the longest one in
    full, generated IME, rehab, wage and investigation reports in a large type."""
    import random

    out = []
    for name, _, text in builders.handwritten_texts():
        pdf = builders.text_pdf(text, lines_per_page=22, footer="none")
        out.append((f"handwritten:{name}", pdf))
    rng = random.Random(f"long:{seed}")
    for k in range(12):
        _, docs = builders.claim_documents(
            seed * 100 + k, force=("ime_report", "rehab_report", "investigation_report"))
        for doc in docs:
            if doc.doc_type in ("ime_report", "rehab_report", "wage_information",
                                "investigation_report", "injury_management_plan"):
                out.append((f"generated:{doc.template}",
                            builders.paged_pdf(doc, rng, size=22, footer="none")))
    return out


LONG_TYPES = ("ime_report", "rehab_report", "wage_information", "investigation_report",
              "injury_management_plan", "legal_document", "medical_report", "claim_form")


def long_varied(seed: int):
    """More single documents of many pages: the hand-written ones in shorter and longer pages,
    generated long documents of other claims."""
    import random

    out = []
    for lines in (16, 30):
        for name, _, text in builders.handwritten_texts():
            out.append((f"handwritten{lines}:{name}",
                        builders.text_pdf(text, lines_per_page=lines, footer="none")))
    for other in (seed + 1, seed + 2, seed + 3):
        rng = random.Random(f"long:{other}")
        for k in range(12):
            _, docs = builders.claim_documents(
                other * 100 + k, force=("ime_report", "rehab_report", "investigation_report"))
            for doc in docs:
                if doc.doc_type in LONG_TYPES:
                    pdf = builders.paged_pdf(doc, rng, size=rng.choice((16, 18, 20, 22)),
                                             footer="none")
                    out.append((f"generated{other}:{doc.template}", pdf))
    return out


def evaluate_long(documents, classifier, verbose: bool, settings: SplitSettings) -> dict:
    import pymupdf

    split = total = pages = 0
    for name, pdf in documents:
        n = pymupdf.open(stream=pdf).page_count
        if n < 3:
            continue
        total += 1
        pages += n
        doc = builders.bundle_pages(pdf)
        found = find_boundaries([p.text for p in doc.pages], classifier=classifier,
                                settings=settings)
        if found:
            split += 1
            if verbose:
                print(f"  long {name} ({n} pages) split at "
                      f"{[(b.page, b.reasons) for b in found]}", file=sys.stderr)
    return {"documents": total, "pages": pages, "split": split}


def fit(classifier, seed: int) -> None:
    """Fit the cue weights by logistic regression on development data only: generated
    bundles and hand-written half "a" (other seeds than the evaluation's), with the true
    segmentation (each page scored against its true document's first page). Half "b" stays
    held out. Prints weights to copy into claimdex.split.WEIGHTS (rounded by hand)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from claimdex.split import WEIGHTS, _cues, _numbering_decision, page_signals

    settings = SplitSettings()
    rows, labels = [], []
    bundles = [*builders.generated_bundles(200, seed=seed + 100),
               *builders.handwritten_bundles(200, seed=seed + 100, half="a")]
    for bundle in bundles:
        texts = [p.text for p in builders.bundle_pages(bundle.pdf).pages]
        signals = [page_signals(i + 1, t) for i, t in enumerate(texts)]
        content = [i for i, s in enumerate(signals) if not s.blank]
        types = dict(zip(content, classifier.classify_pages([texts[i] for i in content]),
                         strict=True)) if classifier else {}
        starts = {s - 1 for s in bundle.starts}
        start = content[0]
        for prev, here in zip(content, content[1:], strict=False):
            truth = any(prev < s <= here for s in starts)
            if _numbering_decision(signals[here], signals[prev]) is None:
                cues = _cues(signals, types, start, prev, here, settings)
                rows.append([k in cues for k in WEIGHTS])
                labels.append(truth)
            if truth:
                start = here
    x, y = np.array(rows, dtype=float), np.array(labels)
    model = LogisticRegression(C=1.0, max_iter=2000).fit(x, y)
    print(f"{len(y)} undecided candidate pages, {y.mean():.2f} of them boundaries")
    print(f"threshold (minus intercept): {-model.intercept_[0]:.2f}")
    for name, w in zip(WEIGHTS, model.coef_[0], strict=True):
        col = x[:, list(WEIGHTS).index(name)].astype(bool)
        print(f"  {name:14s} {w:+.2f}   (now {WEIGHTS[name]:+.2f}; on {col[y].mean():.0%} of "
              f"boundaries, {col[~y].mean():.0%} of other pages)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generated", type=int, default=60, help="generated bundles")
    parser.add_argument("--handwritten", type=int, default=60,
                        help="hand-written bundles per half")
    parser.add_argument("--scanned", type=int, default=0, help="scanned bundles (OCR, slow)")
    parser.add_argument("--long", action="store_true", help="check long single documents")
    parser.add_argument("--no-classifier", action="store_true", help="no page types")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--verbose", action="store_true", help="list misses on stderr")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--threshold", type=float, help="override the split threshold")
    parser.add_argument("--fit", action="store_true",
                        help="fit cue weights on development data and print them")
    args = parser.parse_args(argv)
    classifier = None
    if not args.no_classifier:
        from claimdex.resources import load_classifier

        classifier = page_classifier(load_classifier())
    if args.fit:
        fit(classifier, args.seed)
        return 0
    settings = SplitSettings() if args.threshold is None else \
        SplitSettings(threshold=args.threshold)
    results = {}
    sets = {
        "generated": (lambda: builders.generated_bundles(args.generated, seed=args.seed), False),
        "handwritten-a": (lambda: builders.handwritten_bundles(args.handwritten, seed=args.seed,
                                                               half="a"), False),
        "handwritten-b": (lambda: builders.handwritten_bundles(args.handwritten, seed=args.seed,
                                                               half="b"), False),
    }
    if args.scanned:
        sets["scanned"] = (lambda: builders.generated_bundles(args.scanned, seed=args.seed + 7,
                                                              scan=True), True)
    for name, (make, ocr) in sets.items():
        bundles = list(make())
        if not bundles:
            continue
        result = evaluate(bundles, classifier, ocr=ocr, verbose=args.verbose, settings=settings)
        result["bundles"] = len(bundles)
        results[name] = result
    if args.long:
        results["long"] = evaluate_long(long_documents(args.seed), classifier, args.verbose,
                                        settings)
        results["long-varied"] = evaluate_long(long_varied(args.seed), classifier, args.verbose,
                                               settings)
    if args.json:
        print(json.dumps(results))
        return 0
    for name, r in results.items():
        if name.startswith("long"):
            print(f"{name:14s} {r['documents']} single documents of 3+ pages "
                  f"({r['pages']} pages): {r['split']} split")
            continue
        print(f"{name:14s} {r['bundles']:3d} bundles {r['documents']:4d} docs {r['pages']:4d} pages"
              f"  precision {r['precision']:.3f}  recall {r['recall']:.3f}"
              f"  spurious {r['spurious_split_rate']:.3f}  {r['pages_per_second']:.0f} pages/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
