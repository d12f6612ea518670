"""Duplicate detection's candidate pairs: each document's character 5-grams as sorted 64-bit
keys, and MinHash LSH over them computed with numpy, equal to ``datasketch``'s ``MinHash``
(CRC-32 of each gram, scheme affine32) and ``MinHashLSH`` (its bands and rows)."""

from __future__ import annotations

import zlib
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from claimdex.dedupe import DedupeSettings, _Text

def shingles(norm: str, k: int = 5) -> np.ndarray:
    """The distinct character ``k``-grams of ``norm`` as sorted 64-bit keys (the whole of
    ``norm`` when it is no longer than ``k``). A gram of characters below U+1000 is its code
    points packed 12 bits each, exactly; one with a character above that is a 64-bit hash with
    the top bit set (no such hash can equal a packed gram, and two grams sharing one are as
    likely as a random 63-bit collision)."""
    codes = _code_points(norm)
    if len(codes) < k:  # the one gram, left-padded with code 0 (never in normalised text)
        codes = np.concatenate([np.zeros(k - len(codes), np.uint64), codes]) if len(codes) \
            else codes
    m = len(codes) - k + 1
    if m <= 0:
        return np.empty(0, np.uint64)
    windows = [codes[p:p + m] for p in range(k)]
    big = codes >= _PACKED_BELOW
    if k * _PACK_BITS <= 63 and not big.any():
        keys = _packed(windows)
    elif k * _PACK_BITS > 63:
        keys = _hashed(windows)
    else:
        any_big = np.logical_or.reduce([big[p:p + m] for p in range(k)])
        keys = np.where(any_big, _hashed(windows), _packed(windows))
    keys.sort()  # distinct values, sorted: np.unique hashes first, three times slower here
    keep = np.empty(len(keys), bool)
    keep[0] = True
    np.not_equal(keys[1:], keys[:-1], out=keep[1:])
    return keys[keep]


_PACK_BITS = 12
_PACKED_BELOW = 1 << _PACK_BITS


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), np.uint32).astype(np.uint64)


def _packed(windows: list[np.ndarray]) -> np.ndarray:
    keys = windows[0].copy()
    for column in windows[1:]:
        keys <<= np.uint64(_PACK_BITS)
        keys |= column
    return keys


def _hashed(windows: list[np.ndarray]) -> np.ndarray:
    keys = np.full(len(windows[0]), 0xCBF29CE484222325, np.uint64)  # FNV-1a over code points
    for column in windows:
        keys ^= column
        keys *= np.uint64(0x100000001B3)
    keys ^= keys >> np.uint64(33)  # MurmurHash3's 64-bit finalizer spreads the bits
    keys *= np.uint64(0xFF51AFD7ED558CCD)
    keys ^= keys >> np.uint64(33)
    keys *= np.uint64(0xC4CEB9FE1A85EC53)
    keys ^= keys >> np.uint64(33)
    return keys | np.uint64(1 << 63)


def _candidate_pairs(docs: list[_Text], settings: DedupeSettings) -> set[tuple[int, int]]:
    """Pairs with the same digest, and pairs MinHash LSH finds similar: those sharing all the
    rows of one band of their sketches, as ``datasketch.MinHashLSH`` would return them."""
    pairs: set[tuple[int, int]] = set()
    by_digest: dict[str, list[int]] = {}
    for index, doc in enumerate(docs):
        by_digest.setdefault(doc.digest, []).append(index)
    for same in by_digest.values():
        pairs.update((a, b) for k, a in enumerate(same) for b in same[k + 1:])
    if len(docs) < 2:
        return pairs
    (bands, rows), (permutations, _) = _lsh_setup(settings.lsh_threshold, settings.num_perm)
    used = bands * rows
    sketches = np.empty((len(docs), used), np.uint32)
    for same in by_digest.values():  # one sketch per distinct text
        sketches[same] = _sketch(docs[same[0]].norm, settings.shingle, permutations[:, :used])
    # every (band, its rows) of every document, sorted: runs of equal ones are LSH buckets
    cells = sketches.reshape(len(docs), bands, rows).transpose(1, 0, 2).reshape(-1, rows)
    band = np.repeat(np.arange(bands), len(docs))
    order = np.lexsort((*cells.T[::-1], band))
    cells, band = cells[order], band[order]
    same_as_next = (band[1:] == band[:-1]) & (cells[1:] == cells[:-1]).all(axis=1)
    edges = np.flatnonzero(np.diff(np.concatenate(([0], same_as_next, [0])).astype(np.int8)))
    members = order % len(docs)
    for start, stop in zip(edges[::2], edges[1::2] + 1, strict=True):  # runs of 2 or more
        bucket = sorted(members[start:stop].tolist())
        pairs.update((a, b) for k, a in enumerate(bucket) for b in bucket[k + 1:])
    return pairs


def _sketch(norm: str, k: int, permutations: np.ndarray) -> np.ndarray:
    """The MinHash of the ``k``-grams of ``norm`` as ``datasketch.MinHash`` (scheme affine32)
    computes it with CRC-32 of each gram's UTF-8 as hash function."""
    values = _gram_crc32(norm, k)
    values ^= values >> np.uint32(16)  # MurmurHash3's 32-bit finalizer, as datasketch mixes
    values *= np.uint32(0x85EBCA6B)
    values ^= values >> np.uint32(13)
    values *= np.uint32(0xC2B2AE35)
    values ^= values >> np.uint32(16)
    a, b = permutations
    sketch = np.full(len(a), 0xFFFFFFFF, np.uint32)
    for start in range(0, len(values), _SKETCH_CHUNK):  # a long document in bounded memory
        permuted = np.multiply.outer(a, values[start:start + _SKETCH_CHUNK])
        permuted += b[:, None]
        np.minimum(sketch, permuted.min(axis=1), out=sketch)
    return sketch


_SKETCH_CHUNK = 8192  # grams a time: 4 MB of permuted values


def _gram_crc32(norm: str, k: int) -> np.ndarray:
    """CRC-32 of the UTF-8 of every ``k``-gram of ``norm`` (repeats included: minima do not
    mind). The CRC of a fixed-length message is affine in its bytes, so grams of ASCII
    characters take one table lookup per character; the others are hashed one by one."""
    if len(norm) <= k:
        return np.array([zlib.crc32(norm.encode())] if norm else [], np.uint32)
    codes = np.frombuffer(norm.encode("utf-32-le"), np.uint32)
    m = len(codes) - k + 1
    zeros, tables = _crc_tables(k)
    plain = norm.isascii()
    ascii_codes = codes if plain else np.minimum(codes, 127)  # the others are redone below
    values = np.full(m, zeros, np.uint32)
    for p in range(k):
        values ^= tables[p][ascii_codes[p:p + m]]
    if plain:
        return values
    wide = codes > 127
    other = np.logical_or.reduce([wide[p:p + m] for p in range(k)])
    return np.concatenate([values[~other], np.array(
        [zlib.crc32(norm[i:i + k].encode()) for i in np.flatnonzero(other).tolist()], np.uint32)])


@lru_cache(maxsize=4)
def _crc_tables(k: int) -> tuple[int, np.ndarray]:
    """CRC-32 of ``k`` zero bytes, and per position the change an ASCII byte there makes."""
    zeros = zlib.crc32(bytes(k))
    tables = np.array([[zlib.crc32(bytes(p) + bytes([c]) + bytes(k - p - 1)) ^ zeros
                        for c in range(128)] for p in range(k)], np.uint32)
    return zeros, tables


@lru_cache(maxsize=8)
def _lsh_setup(threshold: float, num_perm: int
               ) -> tuple[tuple[int, int], tuple[np.ndarray, str]]:
    """(bands, rows) for the threshold, and the permutations of seed 1 with their scheme:
    working them out (an integral; random numbers) takes longer than sketching a small claim,
    so once a process."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    model = MinHash(num_perm=num_perm, seed=1, scheme="affine32")
    return (lsh.b, lsh.r), (np.asarray(model.permutations, np.uint32), model.scheme)


