"""Distil a static embedding model from all-MiniLM-L6-v2 (model2vec), for fast classification.

    python -m claimdex.distill --out models/minilm-static-v1

MiniLM's weights are checked against the official SHA-256 first; the result is a
safetensors token-embedding table (PCA to 256 dimensions) that embeds a document in well
under a millisecond without PyTorch. The SHA-256 of the written weights is printed; record
it in resources.STATIC_SHA256 when you ship a new one.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from pathlib import Path

from claimdex.resources import minilm_dir, verify_weights


def distill_static(out: Path, *, pca_dims: int = 256) -> str:
    """Write the distilled model to ``out``; return the SHA-256 of its weights."""
    folder = minilm_dir()
    verify_weights(folder)
    os.environ["HF_HUB_OFFLINE"] = "1"
    from model2vec.distill import distill

    model = distill(model_name=str(folder), pca_dims=pca_dims)
    model.save_pretrained(str(out))
    config_path = out / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config["tokenizer_name"] = "sentence-transformers/all-MiniLM-L6-v2"  # not a local path
    config_path.write_text(json.dumps(config, indent=4), encoding="utf-8")
    return hashlib.sha256((out / "model.safetensors").read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder to write the model to")
    parser.add_argument("--pca-dims", type=int, default=256, help="embedding dimensions")
    args = parser.parse_args(argv)
    digest = distill_static(args.out, pca_dims=args.pca_dims)
    print(f"wrote {args.out} (model.safetensors sha256 {digest})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
