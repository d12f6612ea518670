"""Measure near-duplicate similarity to tune claimdex.dedupe (figures in its docstring).

    .venv/bin/python -m tests.bundles.measure_dedupe [--claims 6] [--per-claim 10] [--seed 0]

Generated documents of a few claims (certificates and invoices first: the same-template hard
negatives) are rendered as born-digital PDF, scanned PDF (OCR), fax TIFF (OCR), DOCX, plain
text and as the PDF attachment of an email, then read back with the real extractor. Prints
the 5-gram Jaccard of same-document pairs (across formats) and of different documents of one
claim and type, how many of those the key guard separates, and what ``find_duplicates``
makes of each claim's files: pairs grouped that should be, pairs grouped that should not.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

FORMATS = ("pdf", "scan_pdf", "tiff", "docx", "txt", "eml")


def _extract(args):
    fmt, data, suffix = args
    from claimdex.config import ExtractSettings
    from claimdex.extract import extract_file
    from claimdex.models import FileTask

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"doc{suffix}"
        path.write_bytes(data)
        task = FileTask(path, "c", hashlib.sha256(data).hexdigest(), len(data), 0.0)
        result = extract_file(task, settings=ExtractSettings())
    docs = [d for d in result.documents if d.pages]
    if not docs:  # unreadable (recorded in result.problems): left out of the figures
        return ("", "text", "pdf", None)
    doc = docs[-1] if fmt == "eml" else docs[0]  # the attachment of an email
    methods = {p.method for p in doc.pages}
    return ("\f".join(p.text for p in doc.pages), "mixed" if len(methods) > 1 else methods.pop(),
            doc.media_type, doc.parent)


def rendered(claims: int, per_claim: int, seed: int):
    """[(claim, doc index, doc_type, template, fmt, bytes, suffix)]"""
    from claimdex.generator.render import EXTENSIONS, render
    from tests.bundles.builders import claim_documents

    out = []
    for c in range(claims):
        story, docs = claim_documents(seed * 100 + c)
        docs = [d for d in docs if d.kind != "email"]
        docs.sort(key=lambda d: (d.doc_type not in ("certificate_of_capacity", "invoice"),))
        for k, doc in enumerate(docs[:per_claim]):
            rng = random.Random(f"dedupe:{seed}:{c}:{k}")
            for fmt in FORMATS:
                with tempfile.TemporaryDirectory() as tmp:
                    path = Path(tmp) / f"x{EXTENSIONS[fmt]}"
                    render(doc, fmt, path, rng, story=story)
                    out.append((c, k, doc.doc_type, doc.template, fmt, path.read_bytes(),
                                EXTENSIONS[fmt]))
    return out


def main(argv=None) -> int:
    from claimdex.dedupe import DedupeSettings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=6)
    parser.add_argument("--per-claim", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--cache", type=Path, help="JSON file keeping the extracted texts "
                        "between runs (OCR is slow)")
    args = parser.parse_args(argv)
    items = rendered(args.claims, args.per_claim, args.seed)
    if args.cache and args.cache.exists():
        texts = [tuple(t) for t in json.loads(args.cache.read_text(encoding="utf-8"))]
    else:
        with ProcessPoolExecutor(args.workers) as pool:
            texts = list(pool.map(_extract, [(fmt, data, sfx) for *_, fmt, data, sfx in items]))
        if args.cache:
            args.cache.write_text(json.dumps(texts), encoding="utf-8")
    settings = DedupeSettings()
    cands = _candidates(items, texts, settings)
    _pair_figures(cands, settings)
    _grouping(cands, args.claims, settings)
    return 0


def _candidates(items, texts, settings):
    from claimdex.dedupe import Candidate, prepare

    cands = []
    for n, ((c, k, doc_type, template, fmt, _, _), (text, method, media, _parent)) in \
            enumerate(zip(items, texts, strict=True)):
        if not text.strip():
            print(f"  claim {c} document {k} as {fmt} could not be read; left out")
            continue
        cand = Candidate(f"{c}-{k}-{fmt}", f"claim{c}/{k}.{fmt}", "", text, method, media,
                         "p" if fmt == "eml" else None, f"2024-01-01T00:00:{n % 60:02d}", 1)
        cands.append((c, k, doc_type, template, fmt, cand, prepare(cand, settings)))
    return cands


def _pair_figures(cands, settings) -> None:
    from claimdex.dedupe import jaccard, judge_pair

    same, diff, diff_guarded = [], [], []
    by_format: dict[str, list[float]] = {}
    for i, (c1, k1, t1, tpl1, f1, _, d1) in enumerate(cands):
        for c2, k2, t2, tpl2, f2, _, d2 in cands[i + 1:]:
            if c1 != c2:
                continue
            sim = jaccard(d1.grams, d2.grams)
            if k1 == k2:
                same.append((sim, judge_pair(d1, d2, settings) is not None))
                if f1 == "pdf":
                    by_format.setdefault(f2, []).append(sim)
            elif t1 == t2 and f1 == "pdf":
                diff.append(sim)
                diff_guarded.append((sim, judge_pair(d1, d2, settings) is not None, tpl1 == tpl2))
    s = np.array([x for x, _ in same])
    d = np.array(diff)
    print(f"same document, {len(s)} pairs across formats: min {s.min():.2f}  p5 "
          f"{np.percentile(s, 5):.2f}  median {np.median(s):.2f}; judged the same "
          f"{sum(ok for _, ok in same)}/{len(same)}")
    for fmt, values in sorted(by_format.items()):
        print(f"  pdf vs {fmt:8s} min {min(values):.2f}  median {np.median(values):.2f}")
    print(f"different documents, same claim and type, {len(d)} pairs: median {np.median(d):.2f}"
          f"  p99 {np.percentile(d, 99):.2f}  max {d.max():.2f}")
    high = [(sim, ok, tpl) for sim, ok, tpl in diff_guarded if sim >= settings.near_jaccard]
    print(f"  at or above {settings.near_jaccard}: {len(high)} pairs "
          f"({sum(t for *_, t in high)} of one template); judged different "
          f"{sum(not ok for _, ok, _ in high)}")


def _grouping(cands, claims: int, settings) -> None:
    from claimdex.dedupe import find_duplicates

    found_ok = found_bad = expected = 0
    for c in range(claims):
        group = [x for x in cands if x[0] == c]
        key = {x[5].id: x[1] for x in group}
        groups = find_duplicates([x[5] for x in group], settings=settings)
        together = {(a, b) for g in groups for a in g.documents for b in g.documents if a < b}
        for a in key:
            for b in key:
                if a < b and key[a] == key[b]:
                    expected += 1
                    found_ok += (a, b) in together
                elif a < b and (a, b) in together:
                    found_bad += 1
    print(f"find_duplicates: {found_ok}/{expected} same-document pairs grouped, "
          f"{found_bad} different-document pairs grouped")


if __name__ == "__main__":
    raise SystemExit(main())
