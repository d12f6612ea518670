"""PDF: text layer with PyMuPDF; OCR for pages with no usable text; embedded files recursed."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

import pymupdf

from claimdex.errors import CorruptFileError, EncryptedPdfError, InputFileError
from claimdex.models import MEMBER_SEP, ExtractedDocument, Page

if TYPE_CHECKING:
    from claimdex.extract import Context

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)

# Ligatures ("ﬁ") expanded to letters so words match what a person would type.
_TEXT_FLAGS = pymupdf.TEXTFLAGS_TEXT & ~pymupdf.TEXT_PRESERVE_LIGATURES
# Words and figures: a born-digital wage schedule or invoice is mostly numbers, and is text.
_WORDLIKE = re.compile(r"[A-Za-z]{2,}|\d[\d,.:/-]*")
_ACTIVE_CONTENT = ((b"/JavaScript", "contains JavaScript (not executed)"),
                   (b"/Launch", "contains a Launch action (not followed)"))


def extract_pdf(name: str, data: bytes, ctx: Context, *, member: str, depth: int,
                parent: str | None) -> list[ExtractedDocument]:
    shown = f"{ctx.path}{MEMBER_SEP}{member}" if member else ctx.path
    doc = _open(data, shown)
    warnings: list[str] = []
    try:
        _unlock(doc, shown, ctx.settings.password, warnings)
        if doc.is_repaired:
            warnings.append("damaged PDF was repaired while opening")
        annotated: list[int] = []
        pages = _pages(doc, shown, ctx, warnings, annotated)
        children = _embedded_files(doc, ctx, member=member, depth=depth, shown=shown,
                                   annotated=annotated)
    finally:
        doc.close()
    warnings.extend(label for marker, label in _ACTIVE_CONTENT if marker in data)
    me = ExtractedDocument(member, "pdf", tuple(pages), parent, (), tuple(warnings))
    return [me, *children]


def _open(data: bytes, shown: str) -> pymupdf.Document:
    try:
        return pymupdf.open(stream=data, filetype="pdf")
    except pymupdf.EmptyFileError as exc:
        raise CorruptFileError(f"{shown} is empty") from exc
    except (pymupdf.FileDataError, RuntimeError, ValueError) as exc:
        raise CorruptFileError(f"{shown} is not a valid PDF or is too damaged to open") from exc


def _unlock(doc: pymupdf.Document, shown: str, password: str | None, warnings: list[str]) -> None:
    if not doc.needs_pass:
        if doc.is_encrypted:
            warnings.append("encrypted with an owner password only; opened without one")
        return
    if password is None:
        raise EncryptedPdfError(f"{shown} is password-protected; pass --password or remove the protection")
    if not doc.authenticate(password):
        raise EncryptedPdfError(f"{shown} is password-protected and the password given does not open it")


def _pages(doc: pymupdf.Document, shown: str, ctx: Context, warnings: list[str],
           annotated: list[int]) -> list[Page]:
    """Each page's text (OCR where it has none); ``annotated`` gets the numbers of pages with
    annotations, where attached files may be."""
    try:
        count = doc.page_count
    except (RuntimeError, ValueError) as exc:
        raise CorruptFileError(f"{shown} has an invalid page count; the file is damaged") from exc
    if count == 0:
        raise CorruptFileError(f"{shown} has no pages; it is empty or too damaged to read")
    pages: list[Page] = []
    for index in range(count):
        try:
            page = doc.load_page(index)
            text = page.get_text(flags=_TEXT_FLAGS)
        except (RuntimeError, ValueError) as exc:
            raise CorruptFileError(f"{shown}: page {index + 1} cannot be read; the file is damaged") from exc
        if _has_annotations(page):
            annotated.append(index)
        if _usable(text, ctx.settings.min_text_chars):
            pages.append(Page(index + 1, text, "text"))
            continue
        pages.append(_ocr_page(page, index + 1, text, shown, ctx, warnings))
    return pages


def _has_annotations(page: pymupdf.Page) -> bool:
    try:
        return page.first_annot is not None
    except (RuntimeError, ValueError):  # a damaged annotation: its attachment is lost, not the page
        return False


def _usable(text: str, min_chars: int) -> bool:
    """Enough text, and text that looks like words (not a font without a Unicode map)."""
    stripped = "".join(text.split())
    if len(stripped) < min_chars:
        return False
    wordlike = sum(len(w) for w in _WORDLIKE.findall(text))
    return wordlike >= 0.4 * len(stripped)


def _ocr_page(page: pymupdf.Page, number: int, text: str, shown: str, ctx: Context,
              warnings: list[str]) -> Page:
    if ctx.ocr is None:
        if not text.strip():
            warnings.append(f"page {number} has no text layer and OCR is unavailable")
        return Page(number, text, "text")
    if not page.get_images(full=False) and not text.strip() and not _has_drawings(page):
        return Page(number, text, "text")  # a blank page: nothing to read
    image = render_for_ocr(page, ctx.settings.ocr_dpi, ctx.settings.ocr_max_pixels)
    try:
        result = ctx.ocr.recognise(image)
    except InputFileError:
        raise
    except Exception as exc:  # Tesseract failures must not lose the file
        warnings.append(f"OCR failed on page {number} ({exc.__class__.__name__})")
        return Page(number, text, "text")
    if not result.text.strip() and text.strip():
        return Page(number, text, "text")
    return Page(number, result.text, "ocr", result.confidence)


def _has_drawings(page: pymupdf.Page) -> bool:
    try:
        return bool(page.get_cdrawings())
    except (RuntimeError, ValueError):
        return False


def render_for_ocr(page: pymupdf.Page, dpi: int, max_pixels: int):
    """Render a page to a grayscale PIL image at ``dpi``, scaled down to fit ``max_pixels``."""
    from PIL import Image

    rect = page.rect
    width_in, height_in = rect.width / 72, rect.height / 72
    if width_in <= 0 or height_in <= 0:
        raise CorruptFileError("page has no size")
    dpi = min(dpi, int(math.sqrt(max_pixels / (width_in * height_in))))
    dpi = max(dpi, 20)
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
    return Image.frombytes("L", (pix.width, pix.height), pix.samples)


def _embedded_files(doc: pymupdf.Document, ctx: Context, *, member: str, depth: int,
                    shown: str, annotated: list[int]) -> list[ExtractedDocument]:
    from claimdex.extract import child_member, extract_bytes

    out: list[ExtractedDocument] = []
    for emb_name, load in _attachments(doc, annotated):
        child = child_member(member, emb_name)
        try:
            payload = load()
            out.extend(extract_bytes(emb_name, payload, ctx, member=child, depth=depth + 1,
                                     parent=member))
        except InputFileError as exc:
            ctx.problem(child, exc)
        except (RuntimeError, ValueError):
            ctx.problem(child, f"{shown}: embedded file {emb_name!r} cannot be read", "corrupt")
    return out


def _attachments(doc: pymupdf.Document, annotated: list[int]):
    """(name, loader) for files in the EmbeddedFiles tree and in FileAttachment annotations
    (on the pages numbered in ``annotated``)."""
    try:
        for name in doc.embfile_names():
            yield name, (lambda n=name: doc.embfile_get(n))
    except (RuntimeError, ValueError):
        pass
    for index in annotated:
        try:
            page = doc.load_page(index)
            annots = list(page.annots(types=[pymupdf.PDF_ANNOT_FILE_ATTACHMENT]))
        except (RuntimeError, ValueError):
            continue
        for annot in annots:
            try:
                name = annot.file_info.get("filename") or f"page{page.number + 1}-attachment"
            except (RuntimeError, ValueError):
                continue
            yield f"page{page.number + 1}-{name}", annot.get_file
