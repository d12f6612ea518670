"""Settings, one section per stage, resolved once by the CLI into frozen objects."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ExtractSettings:
    password: str | None = None  # for encrypted PDFs
    ocr: bool = True  # OCR scanned pages and images when Tesseract is available
    ocr_language: str = "eng"
    ocr_dpi: int = 300
    ocr_max_pixels: int = 25_000_000  # pixel budget per rendered page
    min_text_chars: int = 25  # fewer characters than this on a page: treat as scanned
    max_image_pixels: int = 100_000_000  # larger images are refused as decompression bombs
    max_archive_bytes: int = 512 * 1024 * 1024  # total expanded size of one archive
    max_archive_members: int = 10_000
    max_compression_ratio: int = 200  # per member, for members over 1 MiB
    max_depth: int = 5  # nesting of archives and email attachments
    max_file_bytes: int = 512 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class IngestSettings:
    workers: int = max(1, os.cpu_count() or 1)
    timeout_seconds: float = 120.0
    memory_limit_mb: int = 3072  # address-space limit per worker process
    prune: bool = False
    retry_failed: bool = False
    extract: ExtractSettings = ExtractSettings()
