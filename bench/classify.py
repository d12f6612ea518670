"""Classification speed on one core, embeddings included, and accuracy on held-out texts.

    .venv/bin/python bench/classify.py [--docs 300]

Classifies generated documents (text already extracted) with the shipped model and prints
documents/s (target: at least 20 on one core), and for comparison the same with MiniLM as
the embedder (the model the static embeddings were distilled from).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, as the target says
os.environ.setdefault("MKL_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def texts(n: int, seed: int) -> list[str]:
    from claimdex.generator.corpus import iter_documents
    from claimdex.generator.render import plain_text

    rng = random.Random(seed)
    out = []
    for doc in iter_documents(rng, n_per_type=n // 17 + 1):
        out.append(plain_text(doc, rng))
        if len(out) >= n:
            break
    return out


def rate(classifier, docs: list[str], batch: int) -> float:
    start = time.perf_counter()
    for i in range(0, len(docs), batch):
        classifier.classify(docs[i:i + batch])
    return len(docs) / (time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--seed", type=int, default=99)
    parser.add_argument("--minilm", action="store_true", help="also time MiniLM embeddings")
    args = parser.parse_args()

    from claimdex.classify import DocTypeClassifier
    from claimdex.resources import DEFAULT_MODEL, MINILM_NAME, PROJECT_MODELS, load_classifier, load_embedder

    docs = texts(args.docs, args.seed)
    mean_chars = sum(len(d) for d in docs) / len(docs)
    started = time.perf_counter()
    classifier = load_classifier()
    load = time.perf_counter() - started
    print(f"{len(docs)} generated documents, mean {mean_chars:.0f} characters; model load {load:.1f} s")
    print(f"embedder {classifier.embedder.name if classifier.embedder else 'none'}: "
          f"one at a time {rate(classifier, docs, 1):6.1f} docs/s, "
          f"batches of 32 {rate(classifier, docs, 32):6.1f} docs/s (target >= 20, one core)")
    if args.minilm:
        import torch

        torch.set_num_threads(1)
        slow = DocTypeClassifier.load(PROJECT_MODELS / DEFAULT_MODEL, embedder=load_embedder(MINILM_NAME))
        slow.embed_weight = classifier.embed_weight if classifier.embedder.dim == 384 else 0.0
        if slow.embed_weight:
            print(f"embedder {MINILM_NAME}: batches of 32 {rate(slow, docs, 32):6.1f} docs/s")
        else:
            embedder = load_embedder(MINILM_NAME)
            start = time.perf_counter()
            for i in range(0, len(docs), 32):
                embedder.embed(docs[i:i + 32])
            print(f"MiniLM embeddings alone (128 tokens): {len(docs) / (time.perf_counter() - start):6.1f} docs/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
