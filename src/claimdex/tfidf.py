"""Fast transforms of fitted scikit-learn TF-IDF vectorisers: the same matrices (to float
rounding), several times faster on the classifier's many small batches.

scikit-learn checks its parameters and inputs on every call and builds and looks up every
n-gram of every document in Python; these look up each n-gram once, reuse a word's character
n-grams from document to document, and weigh the counts the way TfidfTransformer does
(sublinear tf, idf, l2 norm). Only the settings claimdex trains with are accepted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer


def fast_transform(vectorizer: TfidfVectorizer) -> CharNgrams | WordNgrams:
    """The fast equivalent of a fitted vectoriser's ``transform``."""
    return CharNgrams(vectorizer) if vectorizer.analyzer == "char_wb" else WordNgrams(vectorizer)


class _Weights:
    """Counts of feature numbers -> TF-IDF rows, as the vectoriser's transformer weighs them."""

    def __init__(self, vectorizer: TfidfVectorizer, analyzer: str) -> None:
        if vectorizer.analyzer != analyzer or not vectorizer.lowercase or vectorizer.strip_accents \
                or vectorizer.preprocessor is not None or vectorizer.tokenizer is not None \
                or vectorizer.stop_words is not None or vectorizer.norm != "l2":
            raise ValueError(f"{type(self).__name__} reads lower-cased {analyzer} vectorisers "
                             "with l2 norm, no stop words and no custom steps only")
        self.source = vectorizer
        self._terms = vectorizer.vocabulary_
        self._idf = np.asarray(vectorizer.idf_, dtype=np.float32)
        self._sizes = range(vectorizer.ngram_range[0], vectorizer.ngram_range[1] + 1)
        self._sublinear = vectorizer.sublinear_tf

    def _matrix(self, rows: Sequence[list[int]]) -> sparse.csr_matrix:
        indptr, indices, values = [0], [], []
        for found in rows:
            columns, counts = np.unique(np.asarray(found, dtype=np.int64), return_counts=True)
            weights = counts.astype(np.float32)
            if self._sublinear:
                weights = np.log(weights) + 1.0
            weights *= self._idf[columns]
            norm = float(np.sqrt(np.dot(weights, weights)))
            indices.append(columns)
            values.append(weights / norm if norm > 0 else weights)
            indptr.append(indptr[-1] + len(columns))
        return sparse.csr_matrix(
            (np.concatenate(values) if values else np.zeros(0, np.float32),
             np.concatenate(indices) if indices else np.zeros(0, np.int64), indptr),
            shape=(len(rows), len(self._idf)), dtype=np.float32)


class WordNgrams(_Weights):
    """The transform of a fitted word n-gram TF-IDF vectoriser."""

    def __init__(self, vectorizer: TfidfVectorizer) -> None:
        super().__init__(vectorizer, "word")
        self._tokens = re.compile(vectorizer.token_pattern)
        if self._tokens.groups > 1:
            raise ValueError("WordNgrams reads token patterns with at most one group")

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        lookup = self._terms.get
        rows = []
        for text in texts:
            tokens = self._tokens.findall(text.lower())
            found = []
            for n in self._sizes:
                grams = tokens if n == 1 else [" ".join(tokens[i:i + n])
                                               for i in range(len(tokens) - n + 1)]
                found.extend(i for i in map(lookup, grams) if i is not None)
            rows.append(found)
        return self._matrix(rows)


class CharNgrams(_Weights):
    """The transform of a fitted ``char_wb`` TF-IDF vectoriser: a word's character n-grams and
    their feature numbers are worked out once and reused, as most words recur from document
    to document, where scikit-learn's analyser builds and looks up every n-gram of every word
    each time."""

    _MAX_WORDS = 200_000  # forget the words seen when there are more (OCR noise adds many)

    def __init__(self, vectorizer: TfidfVectorizer) -> None:
        super().__init__(vectorizer, "char_wb")
        self._words: dict[str, list[int]] = {}

    def _features(self, word: str) -> list[int]:
        """Feature numbers of the n-grams of one word padded with spaces (as scikit-learn
        counts them: a word shorter than the smallest n once, whole)."""
        padded, lookup, out = f" {word} ", self._terms.get, []
        size = len(padded)
        for n in self._sizes:
            if size <= n:
                index = lookup(padded)
                return out if index is None else [*out, index]
            grams = [padded[offset:offset + n] for offset in range(size - n + 1)]
            out.extend(i for i in map(lookup, grams) if i is not None)
        return out

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        words, rows = self._words, []
        if len(words) > self._MAX_WORDS:
            words.clear()
        for text in texts:
            found: list[int] = []
            for word in text.lower().split():
                known = words.get(word)
                if known is None:
                    known = words[word] = self._features(word)
                found.extend(known)
            rows.append(found)
        return self._matrix(rows)
