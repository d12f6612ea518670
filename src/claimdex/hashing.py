"""sha256_file: the SHA-256 of a file, read in 1 MB chunks (for incremental ingest, for
checking renamed files and for the embedding model's weights)."""

from __future__ import annotations

import hashlib
from pathlib import Path


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
