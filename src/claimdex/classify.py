"""Document-type classifier: TF-IDF word and character n-grams plus sentence embeddings, a
linear model, probabilities calibrated by temperature scaling on held-out *templates*.

Saved without pickle: ``model.json`` (classes, vectoriser settings and vocabularies, figures)
and ``arrays.npz`` (idf vectors, weights) read with ``allow_pickle=False``, so a model folder
from an untrusted place cannot run code.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from claimdex.errors import ModelError
from claimdex.models import doc_key
from claimdex.resources import Embedder
from claimdex.tfidf import CharNgrams, WordNgrams, fast_transform

__all__ = ["CharNgrams", "Classification", "DocTypeClassifier", "WordNgrams", "prepare"]

MODEL_NAME = "tfidf-head-minilm-logreg.v1"
UNKNOWN = "unknown"
MAX_CHARS = 8000  # classify on the first pages; long reports say what they are early
_WORD_PARAMS = {"analyzer": "word", "ngram_range": (1, 2), "min_df": 2, "max_df": 0.9,
                "max_features": 60000, "sublinear_tf": True, "lowercase": True,
                "token_pattern": r"(?u)\b[a-zA-Z][a-zA-Z]+\b", "dtype": np.float32}
HEAD_CHARS = 400  # the title region: letterheads, form names, "Tax invoice", "File note"
_HEAD_PARAMS = {"analyzer": "word", "ngram_range": (1, 3), "min_df": 2, "max_df": 0.9,
                "max_features": 30000, "sublinear_tf": True, "lowercase": True,
                "token_pattern": r"(?u)\b[a-zA-Z][a-zA-Z]+\b", "dtype": np.float32}
_CHAR_PARAMS = {"analyzer": "char_wb", "ngram_range": (3, 5), "min_df": 3, "max_df": 0.9,
                "max_features": 60000, "sublinear_tf": True, "lowercase": True,
                "dtype": np.float32}


@dataclass(frozen=True, slots=True)
class Classification:
    doc_type: str  # a taxonomy id, or "unknown" when the model is unsure
    confidence: float  # calibrated probability of the best guess
    best_guess: str
    runner_up: str
    runner_up_confidence: float
    reasons: tuple[str, ...]  # the terms that pushed hardest toward the best guess

    def as_dict(self) -> dict[str, object]:
        return {"doc_type": self.doc_type, "confidence": round(self.confidence, 4),
                "best_guess": self.best_guess, "runner_up": self.runner_up,
                "runner_up_confidence": round(self.runner_up_confidence, 4),
                "reasons": list(self.reasons)}


@dataclass(slots=True)
class DocTypeClassifier:
    classes: tuple[str, ...]
    word: TfidfVectorizer
    head: TfidfVectorizer
    char: TfidfVectorizer
    coef: np.ndarray  # (n_classes, n_features)
    intercept: np.ndarray
    embedder: Embedder | None
    embed_weight: float = 1.0
    temperature: float = 1.0
    threshold: float = 0.4
    info: dict[str, object] = field(default_factory=dict)
    _vocab: np.ndarray | None = field(default=None, repr=False, compare=False)
    _fast: dict[int, object] = field(default_factory=dict, repr=False, compare=False)

    # -- use ------------------------------------------------------------------------------------
    def classify(self, texts: Sequence[str], embeddings: np.ndarray | None = None) -> list[Classification]:
        return self._classify(texts, embeddings)[0]

    def _classify(self, texts: Sequence[str], embeddings: np.ndarray | None
                  ) -> tuple[list[Classification], np.ndarray]:
        """The classifications and the embeddings they used. Embeddings not given are worked
        out in a second thread while the TF-IDF blocks are (the tokenizer runs in Rust
        without the GIL)."""
        if not texts:
            return [], np.zeros((0, 0), dtype=np.float32)
        pending = _embedding_thread().submit(self.embed, texts) if embeddings is None else None
        words, blocks = self._tfidf(texts)
        if pending is not None:
            embeddings = pending.result()
        if self.embed_weight and embeddings.shape[1]:
            blocks.append(sparse.csr_matrix(embeddings * self.embed_weight))
        features = sparse.hstack(blocks, format="csr")
        return self._labels(texts, words, features), embeddings

    def _labels(self, texts: Sequence[str], words: sparse.csr_matrix,
                features: sparse.csr_matrix) -> list[Classification]:
        probs = softmax((features @ self.coef.T + self.intercept) / self.temperature)
        if self._vocab is None:  # building it takes longer than classifying a batch: once
            self._vocab = self.word.get_feature_names_out()
        vocab = self._vocab
        n_word = words.shape[1]
        out = []
        for row, p in enumerate(probs):
            order = np.argsort(p)[::-1]
            best, second = order[0], order[1]
            reasons = _top_terms(words.getrow(row), self.coef[best, :n_word], vocab)
            label = self.classes[best] if p[best] >= self.threshold and len(texts[row].strip()) > 0 \
                else UNKNOWN
            out.append(Classification(label, float(p[best]), self.classes[best],
                                      self.classes[second], float(p[second]), reasons))
        return out

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if self.embedder is None or self.embed_weight == 0:
            return np.zeros((len(texts), 0), dtype=np.float32)
        return self.embedder.embed(texts)

    def _matrix(self, texts: Sequence[str], embeddings: np.ndarray):
        """(word block, full feature matrix): body words, title-region words, characters,
        and the weighted sentence embedding."""
        words, blocks = self._tfidf(texts)
        if self.embed_weight and embeddings.shape[1]:
            blocks.append(sparse.csr_matrix(embeddings * self.embed_weight))
        return words, sparse.hstack(blocks, format="csr")

    def _tfidf(self, texts: Sequence[str]) -> tuple[sparse.csr_matrix, list[sparse.csr_matrix]]:
        """(body words, [body words, title-region words, characters])."""
        prepared = [prepare(t) for t in texts]
        words = self._transform(self.word, prepared)
        return words, [words, self._transform(self.head, [t[:HEAD_CHARS] for t in prepared]),
                       self._transform(self.char, prepared)]

    def _transform(self, vectorizer: TfidfVectorizer, texts: list[str]) -> sparse.csr_matrix:
        """``vectorizer.transform(texts)`` through its fast equivalent (claimdex.tfidf)."""
        fast = self._fast.get(id(vectorizer))
        if fast is None or fast.source is not vectorizer:
            fast = self._fast[id(vectorizer)] = fast_transform(vectorizer)
        return fast.transform(texts)

    def classify_result(self, result) -> dict[str, dict]:
        """For the ingest pipeline: doc_key -> stored classification (with its embedding)."""
        docs = [d for d in result.documents if d.pages]
        texts = ["\n".join(p.text for p in d.pages) for d in docs]
        if not docs:
            return {}
        labels, embeddings = self._classify(texts, None)
        out = {}
        for index, (doc, label) in enumerate(zip(docs, labels, strict=True)):
            vector = embeddings[index] if embeddings.shape[1] else None
            out[doc_key(doc)] = {"doc_type": label.doc_type, "confidence": label.confidence,
                               "model": MODEL_NAME, "detail": label.as_dict(),
                               "embedding": vector.astype(np.float32).tobytes() if vector is not None else None}
        return out

    # -- training -------------------------------------------------------------------------------
    @classmethod
    def fit(cls, texts: Sequence[str], labels: Sequence[str], *, groups: Sequence[str] | None = None,
            embedder: Embedder | None, embed_weight: float = 1.0, c: float = 4.0,
            threshold: float = 0.4, embeddings: np.ndarray | None = None) -> DocTypeClassifier:
        """Fit on all data; the temperature comes from a fit that held out whole templates."""
        if len(set(labels)) < 2:
            raise ModelError("training needs documents of at least two types")
        if embeddings is None:
            embeddings = embedder.embed(texts) if embedder is not None and embed_weight else \
                np.zeros((len(texts), 0), dtype=np.float32)
        labels_arr = np.asarray(labels)
        temperature = 1.0
        if groups is not None and len(set(groups)) >= 10:
            train_idx, held_idx = _group_split(np.asarray(groups), labels_arr)
            probe = cls._fit_once([texts[i] for i in train_idx], labels_arr[train_idx],
                                  embeddings[train_idx], embedder, embed_weight, c, threshold)
            logits = probe._logits([texts[i] for i in held_idx], embeddings[held_idx])
            known = np.isin(labels_arr[held_idx], probe.classes)
            targets = np.array([probe.classes.index(y) for y in labels_arr[held_idx][known]])
            temperature = fit_temperature(logits[known], targets)
            heldout = _heldout_summary(probe, logits, labels_arr[held_idx], temperature, threshold)
        model = cls._fit_once(list(texts), labels_arr, embeddings, embedder, embed_weight, c, threshold)
        model.temperature = temperature
        model.info = {"examples": len(texts), "groups": len(set(groups or ())), "c": c,
                      "per_type": {t: int((labels_arr == t).sum()) for t in model.classes}}
        if groups is not None and len(set(groups)) >= 10:
            model.info["heldout_templates"] = heldout
        return model

    @classmethod
    def _fit_once(cls, texts, labels, embeddings, embedder, embed_weight, c, threshold):
        from sklearn.linear_model import LogisticRegression

        prepared = [prepare(t) for t in texts]
        word = TfidfVectorizer(**_WORD_PARAMS).fit(prepared)
        head = TfidfVectorizer(**_HEAD_PARAMS).fit([t[:HEAD_CHARS] for t in prepared])
        char = TfidfVectorizer(**_CHAR_PARAMS).fit(prepared)
        model = cls(tuple(), word, head, char, np.zeros(0), np.zeros(0), embedder, embed_weight,
                    threshold=threshold)
        _, features = model._matrix(texts, embeddings)
        lr = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
        lr.fit(features, labels)
        model.classes = tuple(str(x) for x in lr.classes_)
        model.coef = lr.coef_.astype(np.float32)
        model.intercept = lr.intercept_.astype(np.float32)
        return model

    def _logits(self, texts, embeddings):
        _, features = self._matrix(texts, embeddings)
        return np.asarray(features @ self.coef.T + self.intercept)

    # -- persistence ----------------------------------------------------------------------------
    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        meta = {
            "name": MODEL_NAME, "format": 1, "classes": list(self.classes),
            "embedder": self.embedder.name if self.embedder else None,
            "embed_weight": self.embed_weight, "temperature": self.temperature,
            "threshold": self.threshold, "saved": dt.date.today().isoformat(),
            "word": _vectorizer_state(self.word, _WORD_PARAMS),
            "head": _vectorizer_state(self.head, _HEAD_PARAMS),
            "char": _vectorizer_state(self.char, _CHAR_PARAMS),
            "info": self.info,
        }
        (folder / "model.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        np.savez_compressed(folder / "arrays.npz", word_idf=self.word.idf_.astype(np.float32),
                            head_idf=self.head.idf_.astype(np.float32),
                            char_idf=self.char.idf_.astype(np.float32), coef=self.coef,
                            intercept=self.intercept)

    @classmethod
    def load(cls, folder: Path, *, embedder: Embedder | None = None,
             embedder_loader: Callable[[str], Embedder] | None = None) -> DocTypeClassifier:
        """Load a saved model; the embedder is ``embedder`` or ``embedder_loader(name)`` for
        the embedding model named in the model folder."""
        try:
            meta = json.loads((folder / "model.json").read_text(encoding="utf-8"))
            with np.load(folder / "arrays.npz", allow_pickle=False) as arrays:
                word = _vectorizer_from(meta["word"], _WORD_PARAMS, arrays["word_idf"])
                head = _vectorizer_from(meta["head"], _HEAD_PARAMS, arrays["head_idf"])
                char = _vectorizer_from(meta["char"], _CHAR_PARAMS, arrays["char_idf"])
                coef, intercept = arrays["coef"], arrays["intercept"]
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"{folder} does not hold a readable claimdex classifier ({exc})") from exc
        if meta.get("name") != MODEL_NAME:
            raise ModelError(f"{folder} holds model {meta.get('name')!r}; this claimdex reads {MODEL_NAME}")
        weight = float(meta["embed_weight"]) if meta.get("embedder") else 0.0
        if weight and embedder is None and embedder_loader is not None:
            embedder = embedder_loader(meta["embedder"])
        if weight and embedder is not None and embedder.name != meta["embedder"]:
            raise ModelError(f"{folder} was trained with {meta['embedder']}, not {embedder.name}")
        return cls(tuple(meta["classes"]), word, head, char, coef, intercept, embedder if weight else None,
                   weight, float(meta["temperature"]), float(meta["threshold"]), meta.get("info", {}))


@lru_cache(maxsize=1)
def _embedding_thread() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="claimdex-embed")


def _heldout_summary(probe: DocTypeClassifier, logits: np.ndarray, truth: np.ndarray,
                     temperature: float, threshold: float) -> dict[str, object]:
    """Figures on templates the probe never saw: the honest estimate the model card reports."""
    from claimdex.training import evaluate

    probs = softmax(logits / temperature)
    best = probs.argmax(axis=1)
    predicted = [probe.classes[b] if probs[i, b] >= threshold else UNKNOWN for i, b in enumerate(best)]
    report = evaluate(list(truth), predicted, probe.classes)
    return {"n": report.n, "macro_f1": round(report.macro_f1, 4), "accuracy": round(report.accuracy, 4),
            "unknown_rate": round(report.unknown_rate, 4), "temperature": round(temperature, 3)}


def prepare(text: str) -> str:
    """What the vectorisers see: compatibility-normalised (ligatures, full-width forms),
    whitespace folded, the first MAX_CHARS characters."""
    return " ".join(unicodedata.normalize("NFKC", text[: MAX_CHARS * 2]).split())[:MAX_CHARS]


def softmax(logits: np.ndarray) -> np.ndarray:
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_temperature(logits: np.ndarray, targets: np.ndarray) -> float:
    """The temperature minimising held-out negative log-likelihood."""
    from scipy.optimize import minimize_scalar

    if len(targets) == 0:
        return 1.0

    def nll(t: float) -> float:
        p = softmax(logits / t)
        return -float(np.mean(np.log(p[np.arange(len(targets)), targets] + 1e-12)))

    return float(minimize_scalar(nll, bounds=(0.05, 20.0), method="bounded").x)


def _group_split(groups: np.ndarray, labels: np.ndarray, held_fraction: float = 0.25, seed: int = 0):
    """Hold out about a quarter of each type's templates (at least one where a type has two)."""
    rng = np.random.default_rng(seed)
    held: set[str] = set()
    for label in sorted(set(labels)):
        names = sorted(set(groups[labels == label]))
        if len(names) < 2:
            continue
        k = max(1, int(round(len(names) * held_fraction)))
        held.update(rng.choice(names, size=k, replace=False))
    mask = np.isin(groups, list(held))
    return np.flatnonzero(~mask), np.flatnonzero(mask)


def _top_terms(row, weights: np.ndarray, vocab: np.ndarray, k: int = 5) -> tuple[str, ...]:
    if row.nnz == 0:
        return ()
    contrib = row.data * weights[row.indices]
    order = np.argsort(contrib)[::-1][:k]
    return tuple(str(vocab[row.indices[i]]) for i in order if contrib[i] > 0)


def _vectorizer_state(vec: TfidfVectorizer, params: dict) -> dict[str, object]:
    terms = [""] * len(vec.vocabulary_)
    for term, index in vec.vocabulary_.items():
        terms[index] = term
    return {"ngram_range": list(params["ngram_range"]), "analyzer": params["analyzer"], "terms": terms}


def _vectorizer_from(state: dict, params: dict, idf: np.ndarray) -> TfidfVectorizer:
    settings = {k: v for k, v in params.items() if k not in ("min_df", "max_df", "max_features")}
    vec = TfidfVectorizer(**settings, vocabulary={t: i for i, t in enumerate(state["terms"])})
    vec.idf_ = idf
    return vec
