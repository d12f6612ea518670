"""Duplicates, the fast paths: the numpy 5-grams, sketches and LSH buckets give what the
plain computation and ``datasketch`` give, and the rewritten key patterns match what the
plain patterns match."""

from __future__ import annotations

import random
import re
import zlib

import numpy as np
import pytest

from claimdex import dedupe
from claimdex.dedupe import Candidate, DedupeSettings, _lsh, _text

BASE = ("Certificate of Capacity. Worker: Jane Citizen, claim WC-1234, injured 03/01/2024. "
        "Capacity for work from 12/06/2024 to 10/07/2024; no lifting over 10 kg. Invoice "
        "total $1,300.00 paid 19-Sep-2022, reviewed March 5, 2024 by Dr Tom Lee.")

TEXTS = [
    BASE,
    BASE.upper().replace("O", "0"),
    "Ärztliche Bescheinigung für José Müller, Straße 5, Œuvre ½ ﬁle: " + BASE,
    "労災 請求 書類 番号 2024 年 " + BASE[:80] + " 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ὄνομα",
    "short",
    "abcde",
    "",
]


def plain_grams(norm: str, k: int = 5) -> set[str]:
    if len(norm) <= k:
        return {norm} if norm else set()
    return {norm[i:i + k] for i in range(len(norm) - k + 1)}


def noisy(text: str, rng: random.Random, edits: int) -> str:
    chars = list(text)
    for _ in range(edits):
        chars[rng.randrange(len(chars))] = rng.choice("abcxyz 0l1é日")
    return "".join(chars)


@pytest.mark.parametrize("text", TEXTS)
def test_grams_are_the_distinct_5_grams(text):
    norm = dedupe.normalise(text)
    grams = dedupe.shingles(norm)
    assert len(grams) == len(plain_grams(norm))
    assert np.all(grams[1:] > grams[:-1])


def test_jaccard_equals_the_jaccard_of_the_gram_sets():
    rng = random.Random(3)
    norms = [dedupe.normalise(t) for t in TEXTS] + \
        [dedupe.normalise(noisy(t, rng, 12)) for t in TEXTS if len(t) > 20]
    for a in norms:
        for b in norms:
            x, y = plain_grams(a), plain_grams(b)
            want = len(x & y) / len(x | y) if x and y else 0.0
            assert dedupe.jaccard(dedupe.shingles(a), dedupe.shingles(b)) == want


@pytest.mark.parametrize("text", TEXTS)
def test_sketch_equals_datasketch_minhash_of_crc32(text):
    from datasketch import MinHash

    norm = dedupe.normalise(text)
    settings = DedupeSettings()
    _, (permutations, scheme) = _lsh._lsh_setup(settings.lsh_threshold, settings.num_perm)
    model = MinHash(num_perm=settings.num_perm, hashfunc=zlib.crc32,
                    permutations=permutations, scheme=scheme)
    model.update_batch([g.encode("utf-8") for g in plain_grams(norm)])
    assert np.array_equal(_lsh._sketch(norm, 5, permutations), model.hashvalues)


def test_candidate_pairs_equal_minhash_lsh():
    from datasketch import MinHash, MinHashLSH

    rng = random.Random(5)
    texts = [noisy(BASE, rng, rng.randint(0, 60)) for _ in range(40)] + TEXTS[:4] + [BASE]
    settings = DedupeSettings()
    docs = [dedupe._read(Candidate(str(i), f"p{i}", "", t), settings) for i, t in enumerate(texts)]
    params, (permutations, scheme) = _lsh._lsh_setup(settings.lsh_threshold, settings.num_perm)
    lsh = MinHashLSH(num_perm=settings.num_perm, params=params)
    sketches = []
    for i, doc in enumerate(docs):
        sketch = MinHash(num_perm=settings.num_perm, hashfunc=zlib.crc32,
                         permutations=permutations, scheme=scheme)
        sketch.update_batch([g.encode("utf-8") for g in plain_grams(doc.norm)])
        lsh.insert(str(i), sketch)
        sketches.append(sketch)
    want = {(i, j) for i, d in enumerate(docs) for j, e in enumerate(docs)
            if i < j and d.digest == e.digest}
    want |= {(min(i, int(j)), max(i, int(j))) for i, s in enumerate(sketches)
             for j in lsh.query(s) if int(j) != i}
    found = _lsh._candidate_pairs(docs, settings)
    assert found == want
    assert 0 < len(found) < len(docs) * (len(docs) - 1) // 2  # some pairs, not all


# The patterns as they were written before the rewrite that lets re skip to the next digit.
PLAIN = {
    "_DATE_NUM": re.compile(
        r"(?<!\d)(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4}|\d{2})(?!\d)"),
    "_DATE_ISO": re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"),
    "_DATE_WORDS": re.compile(
        r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?[\s-]+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
        r"[a-z]*\.?,?[\s-]+(\d{4}|\d{2})(?!\d)", re.I),
}
PLAIN_DIGITISH = re.compile(r"(?<!\S)(?=[^\s]*\d)[0-9OolI|SB/.,:\-$]+(?!\S)")
PIECES = ["1", "12", "03", "2024", "0", "/", ".", "-", " ", "\n", ",", "$", "AUD", "aud ", "O",
          "o", "l", "I", "|", "S", "B", "Sep", "March", "jan", "Dec.", "may", "st", "th", "x",
          "from ", "é", "٣", "1,300", "1 300", ".50", ":", "2O24", "l5", "ı", "ｓｅｐ"]


def fuzz_texts(n: int = 3000) -> list[str]:
    rng = random.Random(11)
    return [BASE] + ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))
                     for _ in range(n)]


def spans(matches) -> list:
    return [(m.span(), m.groups()) for m in matches]


def test_rewritten_key_patterns_match_as_the_plain_ones():
    fix = lambda m: m.group().translate(_text._OCR_DIGITS)  # noqa: E731
    for text in fuzz_texts():
        assert _text._DIGITISH.sub(fix, text) == PLAIN_DIGITISH.sub(fix, text), text
        for name, plain in PLAIN.items():
            assert spans(getattr(_text, name).finditer(text)) == spans(plain.finditer(text))
        assert spans(_text._starting_with(_text._DATE_US_WORDS, text, tuple(_text._MONTHS))) \
            == spans(_text._DATE_US_WORDS.finditer(text)), text
        assert spans(_text._starting_with(_text._AMOUNT, text, ("$", "aud"))) \
            == spans(_text._AMOUNT.finditer(text)), text
