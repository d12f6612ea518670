"""Text extraction, one module per format family; ``extract_file`` is the entry point.

Every extractor takes the bytes of one input and returns :class:`ExtractedDocument` s.
Containers (email, archive, PDF portfolios) call back into :func:`extract_bytes` for their
members, so every member is treated as a new untrusted input under the same limits.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from claimdex.config import ExtractSettings
from claimdex.errors import (
    ArchiveLimitError,
    EmptyFileError,
    InputFileError,
    ResourceLimitError,
    UnsupportedFileTypeError,
)
from claimdex.extract.ocr import OcrEngine, TesseractOcr, tesseract_available
from claimdex.extract.sniff import sniff
from claimdex.models import MEMBER_SEP, ExtractedDocument, FileResult, FileTask, Problem


@dataclass(slots=True)
class Context:
    """What one file's extraction carries around: settings, OCR engine, collected problems."""

    path: str
    settings: ExtractSettings
    ocr: OcrEngine | None
    problems: list[Problem] = field(default_factory=list)
    archive_bytes: int = 0  # expanded so far, across nested archives

    def problem(self, member: str, error: InputFileError | str, category: str = "") -> None:
        message = str(error)
        cat = category or getattr(error, "category", "input")
        self.problems.append(Problem(self.path, member, "extract", cat, message))


def extract_file(task: FileTask, *, settings: ExtractSettings, ocr: OcrEngine | None = None) -> FileResult:
    """Extract every document of one file. Per-file problems come back as data."""
    started = time.perf_counter()
    path = str(task.path)
    if ocr is None and settings.ocr and tesseract_available():
        ocr = TesseractOcr(settings.ocr_language)
    ctx = Context(path, settings, ocr if settings.ocr else None)
    documents: list[ExtractedDocument] = []
    try:
        if task.size > settings.max_file_bytes:
            raise ResourceLimitError(
                f"{path} is {task.size // 2**20} MiB, over the {settings.max_file_bytes // 2**20} MiB "
                "limit per file; split it or raise the limit"
            )
        data = Path(task.path).read_bytes()
        documents = extract_bytes(Path(path).name, data, ctx, member="", depth=0)
    except InputFileError as exc:
        ctx.problem("", exc)
    except MemoryError:
        ctx.problem("", f"{path} needed more memory than allowed; it may be a decompression bomb",
                    "resource_limit")
    except OSError as exc:
        ctx.problem("", f"{path} could not be read: {exc.strerror or exc.__class__.__name__}", "io")
    return FileResult(task, tuple(documents), tuple(ctx.problems), time.perf_counter() - started)


def extract_bytes(name: str, data: bytes, ctx: Context, *, member: str, depth: int,
                  parent: str | None = None) -> list[ExtractedDocument]:
    """Extract ``data`` (named ``name``); ``member`` is its path inside the top-level file."""
    from claimdex.extract import archive, email, image, office, pdf

    shown = f"{ctx.path}{MEMBER_SEP}{member}" if member else ctx.path
    if depth > ctx.settings.max_depth:
        raise ArchiveLimitError(f"{shown} is nested more than {ctx.settings.max_depth} levels deep")
    if not data:
        raise EmptyFileError(f"{shown} is empty (0 bytes)")
    kind = sniff(name, data)
    warnings = _extension_warnings(name, kind)
    handlers = {
        "pdf": pdf.extract_pdf,
        "image": image.extract_image,
        "tiff": image.extract_image,
        "eml": email.extract_eml,
        "msg": email.extract_msg,
        "docx": office.extract_docx,
        "txt": office.extract_text,
        "rtf": office.extract_rtf,
        "zip": archive.extract_zip,
    }
    handler = handlers.get(kind)
    if handler is None:
        raise UnsupportedFileTypeError(_unsupported_message(shown, kind))
    docs = handler(name, data, ctx, member=member, depth=depth, parent=parent)
    if warnings and docs:
        first = docs[0]
        docs[0] = ExtractedDocument(first.member, first.media_type, first.pages, first.parent,
                                    first.meta, first.warnings + warnings)
    return docs


def child_member(member: str, name: str) -> str:
    return f"{member}{MEMBER_SEP}{name}" if member else name


def _extension_warnings(name: str, kind: str) -> tuple[str, ...]:
    ext = Path(name).suffix.lower().lstrip(".")
    expected = {"pdf": {"pdf"}, "docx": {"docx"}, "msg": {"msg"}, "zip": {"zip"},
                "tiff": {"tif", "tiff"}, "image": {"png", "jpg", "jpeg", "gif", "bmp", "webp"}}
    if ext and kind in expected and ext not in expected[kind] and ext in {
        e for group in expected.values() for e in group
    }:
        return (f"extension mismatch: named .{ext} but the content is {kind}",)
    return ()


def _unsupported_message(shown: str, kind: str) -> str:
    if kind == "heic":
        return f"{shown} is a HEIC photo, which is not supported; convert it to JPEG or PDF"
    if shown.lower().endswith(".pdf") and kind == "unknown":
        return f"{shown} is named .pdf but is not a PDF (no %PDF header); it may be damaged"
    if kind == "ole":
        return (f"{shown} is an old Microsoft Office file (.doc/.xls), which is not supported; "
                "save it as .docx or PDF")
    return f"{shown} is not a supported document type (PDF, image, TIFF, email, .docx, .txt, .rtf, .zip)"
