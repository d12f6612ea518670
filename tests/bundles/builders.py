"""Build bundles (several documents in one PDF) and duplicate pairs for tests and bench/split.py.

Two sources of documents:

- generated: the documents of one claim from the sample generator (one story, so every page
  of a bundle names the same worker and claim number, as a real fax bundle does), rendered
  with :func:`claimdex.generator.render.render` (born-digital or scanned);
- hand-written: the texts in ``tests/generalisation/docs``, written independently of the
  generator, laid out here as monospaced A4 pages (long ones paginated, an optional footer).

A bundle is the pages of its documents concatenated with PyMuPDF ``insert_pdf``, sometimes
with a blank separator page after a document. The truth is the 1-based first page of every
document; a separator page belongs to the document before it.
"""

from __future__ import annotations

import hashlib
import io
import random
import re
import tempfile
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parents[2]
HANDWRITTEN = ROOT / "tests" / "generalisation" / "docs"
A4 = pymupdf.paper_rect("a4")


# A document's own "Page 1 of 2": the layouts here paginate afresh, so the marks go.
_PAGE_MARK = re.compile(r"\b(?:page|pg)\.?\s*[\dlO]+\s*(?:of|/)\s*[\dlO]+\b", re.I)
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")


@dataclass(frozen=True, slots=True)
class Bundle:
    name: str
    pdf: bytes
    starts: tuple[int, ...]  # 1-based first page of every document, the first is 1
    pages: int
    labels: tuple[str, ...]  # document type of each document


# --------------------------------------------------------------------------- generated


def claim_documents(seed: int, *, force: Sequence[str] = ()):
    """The generated documents of one claim (one story), in date order."""
    from claimdex.generator.corpus import _make_doc, choose_template
    from claimdex.generator.plan import plan_claim
    from claimdex.generator.story import make_story

    rng = random.Random(f"bundles:{seed}")
    story = make_story(rng)
    docs = []
    for spec in plan_claim(story, rng, force=frozenset(force)):
        choice = choose_template(story, spec, rng)
        if choice is None:
            continue
        doc = _make_doc(story, spec, rng, *choice, strict=False)
        if doc is not None:
            docs.append(doc)
    return story, docs


def render_bytes(doc, fmt: str, rng: random.Random, story=None) -> bytes:
    """``doc`` rendered by the generator as ``fmt`` ("pdf", "scan_pdf" or "tiff")."""
    from claimdex.generator.render import render

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("doc.tif" if fmt == "tiff" else "doc.pdf")
        render(doc, fmt, path, rng, story=story)
        return path.read_bytes()


def paged_pdf(doc, rng: random.Random, *, size: float | None = None, footer: str | None = None,
              scan: bool = False) -> bytes:
    """``doc`` typeset by the generator's own HTML and CSS, but in a larger type (``size``
    points, 10-17 by default) so that documents run over several pages as real ones do;
    ``footer`` "page_of", "page" or "none" (random by default); ``scan`` rasterises it with
    the generator's scanner (skew, blur, speckle, sometimes a fax header)."""
    from claimdex.generator import render as gen

    style = gen._style(rng, doc.kind)
    style["size"] = size or rng.choice((10, 11, 12, 13, 14, 15, 16, 17))
    style["h1"] = style["size"] + rng.choice((3, 4, 5))
    style["h2"] = style["size"] + rng.choice((1, 2))
    style["footer"] = footer or style["footer"]
    markup = "\n".join(x for x in gen.doc_markup(doc).splitlines() if not _PAGE_MARK.search(x))
    story = pymupdf.Story(html=gen.markup_to_html(markup, style),
                          user_css=gen._css(style))
    left, top, right, bottom = style["margins"]
    where = A4 + (left, top, -right, -bottom)
    buf = io.BytesIO()
    writer = pymupdf.DocumentWriter(buf)
    more = 1
    while more:
        device = writer.begin_page(A4)
        more, _ = story.place(where)
        story.draw(device)
        writer.end_page()
    writer.close()
    pdf = pymupdf.open("pdf", buf.getvalue())
    n = pdf.page_count
    if style["footer"] != "none":
        for i, page in enumerate(pdf):
            mark = f"Page {i + 1} of {n}" if style["footer"] == "page_of" else f"{i + 1}"
            page.insert_text((A4.width / 2 - 20, A4.height - bottom / 2), mark, fontname="helv",
                             fontsize=8)
    data = pdf.tobytes()
    pdf.close()
    if scan:
        images = gen.scan_images(data, rng)
        data = gen.scan_pdf_bytes(images, rng, gen._stamp(doc, rng))
    return data


def generated_bundles(count: int, *, seed: int = 0, scan: bool = False, min_docs: int = 2,
                      max_docs: int = 6, blank_rate: float = 0.15) -> Iterator[Bundle]:
    """``count`` bundles of ``min_docs``..``max_docs`` documents of one claim each."""
    for k in range(count):
        rng = random.Random(f"gen-bundle:{seed}:{k}")
        story, docs = claim_documents(seed * 1000 + k)
        docs = [d for d in docs if d.kind != "email"] or docs
        n = rng.randint(min_docs, min(max_docs, len(docs)))
        start = rng.randrange(0, len(docs) - n + 1)
        chosen = docs[start:start + n]  # neighbours in time, as a fax of the week's papers
        parts = [paged_pdf(d, rng, size=rng.choice((11, 12, 14, 16, 18, 20)), scan=scan)
                 for d in chosen]
        yield _assemble(f"generated-{seed}-{k}", parts, [d.doc_type for d in chosen], rng,
                        blank_rate)


# --------------------------------------------------------------------------- hand-written


def handwritten_texts(half: str = "all") -> list[tuple[str, str, str]]:
    """(file name, document type, text) of the hand-written documents: ``half`` "all", or
    "a" / "b" for two fixed halves (by a hash of the file name)."""
    out = []
    for path in sorted(HANDWRITTEN.glob("*.txt")):
        if half != "all" and "ab"[hashlib.sha256(path.name.encode()).digest()[0] % 2] != half:
            continue
        doc_type = path.name.split("__", 1)[0]
        out.append((path.name, doc_type, path.read_text(encoding="utf-8")))
    return out


def text_pdf(text: str, *, footer: str = "none", lines_per_page: int = 62, width: int = 96,
             max_pages: int = 0) -> bytes:
    """A monospaced A4 PDF of ``text`` (long lines wrapped, paginated); ``footer`` is "none",
    "page_of" ("Page k of N") or "number" ("k")."""
    lines: list[str] = []
    for raw in text.replace("\r\n", "\n").split("\n"):
        if not _CLOCK.search(raw):  # the text's own "Page 1 of 2" (not a fax header's)
            raw = _PAGE_MARK.sub("", raw)  # goes: this layout numbers its pages afresh
        wrapped = textwrap.wrap(raw.rstrip(), width=width, replace_whitespace=False,
                                drop_whitespace=True) if raw.strip() else [""]
        lines.extend(wrapped or [""])
    while lines and not lines[-1].strip():
        lines.pop()
    pages = [lines[i:i + lines_per_page] for i in range(0, len(lines), lines_per_page)] or [[""]]
    if max_pages:
        pages = pages[:max_pages]
    pdf = pymupdf.open()
    for number, chunk in enumerate(pages, start=1):
        page = pdf.new_page(width=A4.width, height=A4.height)
        y = 50.0
        for line in chunk:
            if line:
                page.insert_text((40, y), line, fontname="cour", fontsize=8.5)
            y += 11.6
        if footer != "none":
            mark = f"Page {number} of {len(pages)}" if footer == "page_of" else str(number)
            page.insert_text((A4.width / 2 - 30, A4.height - 28), mark, fontname="helv",
                             fontsize=8)
    data = pdf.tobytes()
    pdf.close()
    return data




def _footer_for(name: str, footers: str) -> str:
    if footers != "mixed":
        return footers
    pick = int(hashlib.sha256(name.encode()).hexdigest(), 16) % 3
    return ("none", "page_of", "number")[pick]


def handwritten_bundles(count: int, *, seed: int = 0, footers: str = "mixed", min_docs: int = 2,
                        max_docs: int = 6, blank_rate: float = 0.15, max_pages: int = 12,
                        half: str = "all") -> Iterator[Bundle]:
    """``count`` bundles of hand-written documents (each document at most ``max_pages``)."""
    texts = handwritten_texts(half)
    for k in range(count):
        rng = random.Random(f"hand-bundle:{seed}:{k}")
        chosen = rng.sample(texts, rng.randint(min_docs, max_docs))
        parts = [text_pdf(t, footer=_footer_for(n, footers), max_pages=max_pages,
                          lines_per_page=rng.choice((24, 32, 40, 50, 62)))
                 for n, _, t in chosen]
        yield _assemble(f"handwritten-{half}-{seed}-{k}", parts, [d for _, d, _ in chosen], rng,
                        blank_rate)


# --------------------------------------------------------------------------- assembly


def _assemble(name: str, parts: Sequence[bytes], labels: Sequence[str], rng: random.Random,
              blank_rate: float) -> Bundle:
    out = pymupdf.open()
    starts = []
    for index, data in enumerate(parts):
        starts.append(out.page_count + 1)
        src = pymupdf.open(stream=data)
        if src.is_pdf:
            out.insert_pdf(src)
        else:  # a TIFF: each frame becomes an image page
            out.insert_pdf(pymupdf.open("pdf", src.convert_to_pdf()))
        src.close()
        if index < len(parts) - 1 and rng.random() < blank_rate:
            out.new_page(width=A4.width, height=A4.height)
    data = out.tobytes(garbage=3, deflate=True)
    pages = out.page_count
    out.close()
    return Bundle(name, data, tuple(starts), pages, tuple(labels))


def bundle_pages(data: bytes, *, ocr: bool = False):
    """The pages of a bundle as the extractor reads them (OCR only when ``ocr``)."""
    from claimdex.config import ExtractSettings
    from claimdex.extract import extract_file
    from claimdex.models import FileTask

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bundle.pdf"
        path.write_bytes(data)
        task = FileTask(path, "bundle", hashlib.sha256(data).hexdigest(), len(data), 0.0)
        result = extract_file(task, settings=ExtractSettings(ocr=ocr))
    return result.documents[0]
