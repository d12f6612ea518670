"""Render a :class:`Doc` to a file: born-digital PDF, scanned PDF, fax TIFF, email, DOCX, text.

:func:`render` writes one file and returns its labels: a list of ``(member, doc_type)``
where ``member`` is ``""`` for the file itself and the attachment's file name for an
attachment inside an ``.eml``. Everything is deterministic given the ``random.Random``:
PDF and DOCX metadata, email ids and MIME boundaries all come from it or from the doc date.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import io
import random
import re
import zipfile
from collections.abc import Sequence
from email.message import EmailMessage
from pathlib import Path

import numpy as np
import pymupdf
from PIL import Image, ImageFilter

from claimdex.generator.model import ClaimStory, Doc, Person
from claimdex.generator.noise import Block, boxes, fax_header, parse_markup, strip_markup

FORMATS: tuple[str, ...] = ("pdf", "scan_pdf", "tiff", "eml", "docx", "txt")
EXTENSIONS = {"pdf": ".pdf", "scan_pdf": ".pdf", "tiff": ".tif", "eml": ".eml",
              "docx": ".docx", "txt": ".txt"}
A4 = pymupdf.paper_rect("a4")
_TZ = dt.timezone(dt.timedelta(hours=10))

_CREATORS = ("", "", "Microsoft® Word for Microsoft 365", "Microsoft® Word 2016",
             "Microsoft: Print To PDF", "Adobe Acrobat Pro (64-bit) 23.8",
             "Nitro Pro 13", "PDF-XChange Editor 9.5", "Chromium", "Writer",
             "JasperReports Library version 6.20.0", "wkhtmltopdf 0.12.6")
_PRODUCERS = ("", "", "Microsoft® Word for Microsoft 365", "Adobe PDF Library 17.0",
              "macOS Quartz PDFContext", "Skia/PDF m120", "iText 7.1.16", "LibreOffice 7.5",
              "PDFsharp 1.50", "Qt 5.15.2", "GPL Ghostscript 9.55.0")
_SCANNERS = ("", "", "Canon iR-ADV C5535 PDF", "RICOH IM C3000", "KONICA MINOLTA bizhub C300i",
             "HP Digital Sending Software 5.0", "Xerox WorkCentre 7855", "ScanSnap Manager #iX1600",
             "Brother MFC-L8900CDW", "Kyocera TASKalfa 3253ci")


# --------------------------------------------------------------------------- markup helpers


def _email_header_lines(doc: Doc) -> list[str]:
    h = doc.email_headers
    out = []
    for key, label in (("From", "From"), ("Date", "Sent"), ("To", "To"), ("Cc", "Cc"),
                       ("Subject", "Subject")):
        if h.get(key):
            out.append(f"{label}: {h[key]}")
    return out


def doc_markup(doc: Doc) -> str:
    """The markup to print: email documents get a From/Sent/To/Subject block on top."""
    if doc.kind == "email" and doc.email_headers:
        return "\n".join([*_email_header_lines(doc), "", doc.text])
    return doc.text


def plain_text(doc: Doc, rng: random.Random | None = None) -> str:
    """What a person reads in the document, as plain text (for .txt files and training)."""
    return strip_markup(doc_markup(doc), rng)


# --------------------------------------------------------------------------- born-digital PDF


def _style(rng: random.Random, kind: str) -> dict:
    family = rng.choices(("sans-serif", "serif", "monospace"), weights=(55, 33, 12))[0]
    size = rng.choice((9, 9.5, 10, 10, 10.5, 11))
    return {
        "family": family,
        "size": size,
        "h1": size + rng.choice((3, 4, 5, 6)),
        "h2": size + rng.choice((1, 1.5, 2)),
        "h1_center": rng.random() < (0.5 if kind == "form" else 0.15),
        "h1_upper": rng.random() < 0.25,
        "borders": rng.random() < (0.75 if kind in ("form", "report") else 0.4),
        "glyphs": rng.random() < 0.5,
        "para_gap": rng.choice((3, 4, 6, 8)),
        "margins": (rng.randint(40, 80), rng.randint(36, 70), rng.randint(40, 80),
                    rng.randint(50, 80)),  # left, top, right, bottom
        "footer": rng.choices(("page_of", "page", "none"), weights=(40, 15, 45))[0],
        "footer_align": rng.choice(("center", "right")),
    }


def _esc(text: str, glyphs: bool) -> str:
    return html.escape(boxes(text, "glyphs" if glyphs else "brackets"), quote=False)


def markup_to_html(markup: str, style: dict) -> str:
    """HTML for :class:`pymupdf.Story` (headings bold, tables as tables, boxes as glyphs)."""
    out: list[str] = []
    para: list[str] = []
    glyphs = style["glyphs"]

    def flush() -> None:
        if para:
            out.append("<p>" + "<br/>".join(para) + "</p>")
            para.clear()

    for block in parse_markup(markup):
        if block.kind in ("text", "box"):
            para.append(_esc(block.text.strip(), glyphs) or "&nbsp;")
            continue
        flush()
        if block.kind == "h1":
            text = block.text.upper() if style["h1_upper"] else block.text
            out.append(f"<h1>{_esc(text, glyphs)}</h1>")
        elif block.kind == "h2":
            out.append(f"<h2>{_esc(block.text, glyphs)}</h2>")
        elif block.kind == "table":
            out.append(_table_html(block, style))
        elif block.kind == "rule":
            out.append("<hr/>")
    flush()
    return "\n".join(out)


def _table_html(block: Block, style: dict) -> str:
    width = max(len(r) for r in block.rows)
    cell = "padding: 1pt 3pt; vertical-align: top;"
    if style["borders"]:
        cell += " border: 0.6pt solid black;"
    rows = []
    for i, row in enumerate(block.rows):
        tag = "th" if (i == 0 and block.header) else "td"
        cells = [f"<{tag} style=\"{cell} text-align: left;\">"
                 f"{_esc(row[j], style['glyphs']) if j < len(row) and row[j] else '&nbsp;'}"
                 f"</{tag}>" for j in range(width)]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return ("<table style=\"border-collapse: collapse; width: 100%; margin: 2pt 0 6pt 0;\">"
            + "".join(rows) + "</table>")


def _css(style: dict) -> str:
    align = "center" if style["h1_center"] else "left"
    return (f"* {{font-family: {style['family']}; font-size: {style['size']}pt;}}\n"
            f"p {{margin: 0 0 {style['para_gap']}pt 0;}}\n"
            f"h1 {{font-size: {style['h1']}pt; font-weight: bold; text-align: {align};"
            f" margin: 0 0 6pt 0;}}\n"
            f"h2 {{font-size: {style['h2']}pt; font-weight: bold; margin: 6pt 0 3pt 0;}}\n"
            f"hr {{margin: 4pt 0 4pt 0;}}\n")


def _pdf_date(day: dt.datetime) -> str:
    return f"D:{day:%Y%m%d%H%M%S}+10'00'"


def _stamp(doc: Doc, rng: random.Random, max_days: int = 0) -> dt.datetime:
    day = doc.date + dt.timedelta(days=rng.randint(0, max_days))
    return dt.datetime(day.year, day.month, day.day, rng.randint(7, 18), rng.randint(0, 59),
                       rng.randint(0, 59))


def _finish_pdf(pdf: pymupdf.Document, meta: dict) -> bytes:
    """Set metadata, drop MuPDF's own producer marks, serialise deterministically."""
    catalog = pdf.pdf_catalog()
    if pdf.xref_get_key(catalog, "Info")[0] != "null":
        pdf.xref_set_key(catalog, "Info", "null")
    pdf.set_metadata(meta)
    data = pdf.tobytes(garbage=3, deflate=True, no_new_id=True)
    head = data[:200]
    match = re.search(rb"%[^\n]*MuPDF[^\n]*", head)
    if match:  # same-length comment keeps every byte offset valid
        data = data[:match.start()] + b"%" + b" " * (len(match.group()) - 1) + data[match.end():]
    return data


def pdf_bytes(doc: Doc, rng: random.Random, *, max_pages: int = 40) -> bytes:
    """A born-digital A4 PDF of ``doc`` (text layer, embedded subset fonts)."""
    style = _style(rng, doc.kind)
    story = pymupdf.Story(html=markup_to_html(doc_markup(doc), style), user_css=_css(style))
    left, top, right, bottom = style["margins"]
    where = A4 + (left, top, -right, -bottom)
    buf = io.BytesIO()
    writer = pymupdf.DocumentWriter(buf)
    more, pages = 1, 0
    while more and pages < max_pages:
        device = writer.begin_page(A4)
        more, _ = story.place(where)
        story.draw(device)
        writer.end_page()
        pages += 1
    writer.close()
    pdf = pymupdf.open("pdf", buf.getvalue())
    if style["footer"] != "none":
        font = {"sans-serif": "helv", "serif": "tiro", "monospace": "cour"}[style["family"]]
        n = pdf.page_count
        for i, page in enumerate(pdf):
            text = f"Page {i + 1} of {n}" if style["footer"] == "page_of" else f"{i + 1}"
            width = pymupdf.get_text_length(text, fontname=font, fontsize=8)
            x = (A4.width - width) / 2 if style["footer_align"] == "center" else \
                A4.width - right - width
            page.insert_text((x, A4.height - bottom / 2), text, fontname=font, fontsize=8)
    pdf.subset_fonts()
    when = _stamp(doc, rng)
    return _finish_pdf(pdf, {
        "creationDate": _pdf_date(when), "modDate": _pdf_date(when),
        "creator": rng.choice(_CREATORS), "producer": rng.choice(_PRODUCERS),
        "title": rng.choice(("", "", "", "Document1", "Microsoft Word - Document1", "Untitled")),
        "author": "", "subject": "", "keywords": "",
    })


# --------------------------------------------------------------------------- scans


def _np_rng(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.getrandbits(64))


def scan_images(pdf: bytes, rng: random.Random, *, dpi: int | None = None,
                fax: bool | None = None, header_sender: str = "", header_phone: str = "",
                when: dt.datetime | None = None) -> list[Image.Image]:
    """Rasterise a born-digital PDF into grayscale 'scanned' pages: skew, blur, speckle,
    uneven contrast, an optional fax header line. Legible enough for Tesseract."""
    dpi = dpi or rng.choice((150, 150, 170, 200))
    fax = rng.random() < 0.3 if fax is None else fax
    nrng = _np_rng(rng)
    src = pymupdf.open("pdf", pdf)
    angle_sign = rng.choice((-1, 1))
    base_angle = rng.uniform(0.3, 2.5)
    paper = rng.uniform(228, 252)
    ink = rng.uniform(0, 45)
    gamma = rng.uniform(0.8, 1.3)
    blur = rng.uniform(0.25, 0.8)
    sigma = rng.uniform(2, 8)
    speckle = rng.uniform(0.00003, 0.0004)
    border = rng.random() < 0.12
    images = []
    for i, page in enumerate(src):
        if fax:
            line = fax_header(rng, sender=header_sender, phone=header_phone, when=when,
                              page=i + 1, pages=src.page_count)
            page.insert_text((18, 12), line, fontname="cour", fontsize=7.5)
        pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
        arr = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width)
        arr = arr.astype(np.float32) / 255.0
        arr = ink + (paper - ink) * np.power(arr, gamma)
        img = Image.fromarray(arr.clip(0, 255).astype(np.uint8), "L")
        angle = angle_sign * base_angle + rng.uniform(-0.3, 0.3)
        shift = (rng.randint(-12, 12), rng.randint(-12, 12))
        img = img.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=int(paper),
                         translate=shift)
        img = img.filter(ImageFilter.GaussianBlur(blur))
        arr = np.asarray(img, dtype=np.float32)
        arr = arr + nrng.standard_normal(arr.shape, dtype=np.float32) * np.float32(sigma)
        flat = arr.reshape(-1)
        n_dots = int(nrng.binomial(flat.size, speckle))
        flat[nrng.integers(0, flat.size, n_dots)] = nrng.uniform(0, 90, n_dots)
        if border:
            w = rng.randint(6, 30)
            arr[:, :w] *= 0.25
        images.append(Image.fromarray(arr.clip(0, 255).astype(np.uint8), "L"))
    return images


def scan_pdf_bytes(images: Sequence[Image.Image], rng: random.Random,
                   when: dt.datetime) -> bytes:
    """An image-only PDF (no text layer) from scanned page images, JPEG compressed."""
    out = pymupdf.open()
    quality = rng.randint(35, 75)
    for img in images:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=quality, optimize=False)
        page = out.new_page(width=A4.width, height=A4.height)
        page.insert_image(page.rect, stream=buf.getvalue())
    return _finish_pdf(out, {
        "creationDate": _pdf_date(when), "modDate": _pdf_date(when),
        "creator": rng.choice(_SCANNERS), "producer": rng.choice(_SCANNERS),
        "title": "", "author": "", "subject": "", "keywords": "",
    })


def tiff_bytes(images: Sequence[Image.Image], rng: random.Random) -> bytes:
    """A multi-page TIFF: usually bilevel CCITT G4 (fax), sometimes grayscale LZW."""
    buf = io.BytesIO()
    if rng.random() < 0.75:
        threshold = rng.randint(140, 185)
        pages = [im.point(lambda v, t=threshold: 255 if v > t else 0).convert("1")
                 for im in images]
        pages[0].save(buf, "TIFF", save_all=True, append_images=pages[1:],
                      compression="group4", dpi=(204, 196))
    else:
        pages = list(images)
        pages[0].save(buf, "TIFF", save_all=True, append_images=pages[1:],
                      compression="tiff_lzw", dpi=(150, 150))
    return buf.getvalue()


# --------------------------------------------------------------------------- email


def _person_for(story: ClaimStory | None, name: str) -> Person | None:
    if story is None or not name:
        return None
    people = [story.worker, story.employer_contact, story.treating_doctor, story.specialist,
              story.physio, story.ime_examiner, story.rehab_consultant, story.investigator,
              story.solicitor, *(s.person for s in story.case_managers),
              *(c.doctor for c in story.certificates)]
    for p in people:
        if p.name == name or p.formal == name:
            return p
    return None


def _address(p: Person, rng: random.Random, fallback_domain: str = "mail.com.au") -> str:
    mail = p.email or f"{p.first}.{p.last}@{fallback_domain}".lower().replace(" ", "")
    mail = mail.replace("'", "")
    return email.utils.formataddr((p.name, mail)) if rng.random() < 0.8 else mail


_COVER_DESC = {
    "certificate_of_capacity": ("the latest certificate", "the updated certificate of capacity",
                                "the medical certificate"),
    "ime_report": ("the IME report", "the independent medical report"),
    "consent_form": ("the signed consent", "the authority form"),
    "handover_note": ("my handover notes",), "claim_form": ("the claim form",),
    "injury_notification": ("the incident report", "the injury notification"),
    "injury_management_plan": ("the injury management plan", "the updated plan"),
    "liability_notice": ("our letter", "the decision letter"),
    "wage_information": ("the wage details", "the payroll information"),
    "medical_report": ("the report", "the medical report"),
    "treatment_request": ("the treatment plan for approval", "a request for approval"),
    "rehab_report": ("the rehab report", "the progress report"),
    "investigation_report": ("the factual report", "the investigation report"),
    "file_note": ("the notes",), "correspondence": ("the letter",),
    "invoice": ("our invoice", "the account", "the tax invoice"),
    "legal_document": ("the documents", "correspondence from our office"),
}


def cover_email(doc: Doc, rng: random.Random, story: ClaimStory | None = None) -> Doc:
    """A short covering email that carries ``doc`` as an attachment (label: correspondence)."""
    author_name = str(doc.fields.get("author", "") or "")
    sender = _person_for(story, author_name)
    cm = story.case_manager_on(doc.date) if story else None
    if sender is None:
        sender = cm
    if sender is None:
        parts = (author_name or "Admin Office").split(" ", 1)
        sender = Person("", parts[0], parts[1] if len(parts) > 1 else "")
    if story is not None and cm is not None and sender.name == cm.name:
        recipient = rng.choice((story.worker, story.employer_contact, story.treating_doctor,
                                story.rehab_consultant))
    elif cm is not None:
        recipient = cm
    else:
        recipient = Person("", "Claims", "Team", email="claims@insurer.com.au")
    sent = _stamp(doc, rng, max_days=rng.choice((0, 0, 1, 2)))
    claim = story.claim_number if story else str(doc.fields.get("claim_number", ""))
    worker = story.worker.name if story else str(doc.fields.get("worker", ""))
    desc = rng.choice(_COVER_DESC.get(doc.doc_type, ("the attached",)))
    subject = rng.choice((
        f"{worker} - claim {claim}" if claim else f"{worker}",
        f"Claim {claim}" if claim else "Claim documents",
        f"RE: {worker} {claim}".strip(),
        f"{desc[0].upper()}{desc[1:]} - {worker}",
        "Documents", "Scan", "FW: attached", f"Claim no. {claim} - {worker.split(' ')[-1]}",
    ))
    greeting = rng.choice((f"Hi {recipient.first},", f"Dear {recipient.formal},",
                           f"Good morning {recipient.first}", "Hello,", f"{recipient.first},"))
    body_line = rng.choice((
        f"Please find attached {desc} for {worker}.",
        f"Please see attached {desc}.",
        f"Attached as discussed ({desc}).",
        f"As requested, attached is {desc} regarding {worker}, claim {claim}.",
        "Please see attached.",
        f"Sending through {desc} for your records.",
    ))
    closing = rng.choice(("Regards,", "Kind regards,", "Thanks,", "Many thanks", "Cheers,"))
    lines = [greeting, "", body_line]
    if rng.random() < 0.4:
        lines += ["", rng.choice(("Let me know if you need anything else.",
                                  "Happy to discuss.", "Please call if you have any questions."))]
    lines += ["", closing, sender.name]
    if sender.role and rng.random() < 0.7:
        lines.append(sender.role)
    if sender.phone and rng.random() < 0.6:
        lines.append(f"Ph: {sender.phone}")
    text = "\n".join(lines)
    fields: dict[str, object] = {"doc_date": sent.date(), "author": sender.name}
    if claim and claim in (subject + text):
        fields["claim_number"] = claim
    if worker and worker in (subject + text):
        fields["worker"] = worker
    if cm is not None and cm.name in (sender.name, recipient.name):
        fields["case_manager"] = cm.name
    headers = {
        "From": _address(sender, rng),
        "To": _address(recipient, rng),
        "Subject": subject,
        "Date": email.utils.format_datetime(sent.replace(tzinfo=_TZ)),
    }
    return Doc("correspondence", "correspondence/cover_email", "email", text, sent.date(),
               fields, headers)


def _header_date(value: str, doc: Doc, rng: random.Random) -> str:
    try:
        parsed = email.utils.parsedate_to_datetime(value)
        if parsed is not None:
            return email.utils.format_datetime(parsed if parsed.tzinfo else
                                               parsed.replace(tzinfo=_TZ))
    except (TypeError, ValueError, IndexError):
        pass
    return email.utils.format_datetime(_stamp(doc, rng).replace(tzinfo=_TZ))


def _clean_header(value: str) -> str:
    return re.sub(r"[\r\n]+", " ", str(value)).strip()


def eml_bytes(doc: Doc, rng: random.Random, *, story: ClaimStory | None = None,
              cover: Doc | None = None, attachment_name: str | None = None
              ) -> tuple[bytes, list[tuple[str, str]]]:
    """An RFC 5322 message. Email docs become the message itself; other docs are attached
    (as born-digital PDF) to a covering email. Returns the bytes and the labels."""
    if doc.kind == "email":
        message_doc, attachment = doc, None
    else:
        message_doc = cover or cover_email(doc, rng, story)
        attachment = doc
    h = message_doc.email_headers
    msg = EmailMessage()
    msg["From"] = _clean_header(h.get("From", "")) or "noreply@claims.com.au"
    msg["To"] = _clean_header(h.get("To", "")) or "claims@insurer.com.au"
    if h.get("Cc"):
        msg["Cc"] = _clean_header(h["Cc"])
    msg["Subject"] = _clean_header(h.get("Subject", ""))
    msg["Date"] = _header_date(h.get("Date", ""), message_doc, rng)
    domain = re.findall(r"@([\w.-]+)", msg["From"]) or ["mail.com.au"]
    msg["Message-ID"] = f"<{rng.getrandbits(64):016x}.{rng.getrandbits(32):08x}@{domain[0]}>"
    msg["MIME-Version"] = "1.0"
    msg.set_content(strip_markup(message_doc.text, rng))
    labels = [("", message_doc.doc_type)]
    if attachment is not None:
        name = attachment_name or "attachment.pdf"
        msg.add_attachment(pdf_bytes(attachment, rng), maintype="application", subtype="pdf",
                           filename=name)
        msg.set_boundary(f"----=_Part_{rng.getrandbits(40)}_{rng.getrandbits(32)}")
        labels.append((name, attachment.doc_type))
    return msg.as_bytes(), labels


# --------------------------------------------------------------------------- docx


def docx_bytes(doc: Doc, rng: random.Random) -> bytes:
    """A Word document: headings, paragraphs, tables, checkboxes as ☒/☐ or [X]/[ ]."""
    import docx
    from docx.shared import Pt

    d = docx.Document()
    normal = d.styles["Normal"]
    normal.font.name = rng.choice(("Calibri", "Arial", "Times New Roman", "Verdana", "Cambria"))
    normal.font.size = Pt(rng.choice((10, 10.5, 11, 12)))
    box_style = rng.choice(("glyphs", "brackets"))
    real_headings = rng.random() < 0.6
    para = None
    for block in parse_markup(doc_markup(doc)):
        if block.kind in ("text", "box"):
            text = boxes(block.text.strip(), box_style)
            if para is None:
                para = d.add_paragraph()
            else:
                para.add_run().add_break()
            para.add_run(text)
            continue
        para = None
        if block.kind in ("h1", "h2"):
            level = 1 if block.kind == "h1" else 2
            if real_headings:
                d.add_heading(boxes(block.text, box_style), level=level)
            else:
                run = d.add_paragraph().add_run(boxes(block.text, box_style))
                run.bold = True
                run.font.size = Pt(14 if level == 1 else 12)
        elif block.kind == "table":
            width = max(len(r) for r in block.rows)
            table = d.add_table(rows=len(block.rows), cols=width)
            if rng.random() < 0.8:
                table.style = "Table Grid"
            for i, row in enumerate(block.rows):
                for j in range(width):
                    cell_text = boxes(row[j], box_style) if j < len(row) else ""
                    table.cell(i, j).text = cell_text
                    if i == 0 and block.header and cell_text:
                        for run in table.cell(i, j).paragraphs[0].runs:
                            run.bold = True
        elif block.kind == "rule":
            d.add_paragraph("_" * rng.choice((30, 50, 70)))
    when = _stamp(doc, rng)
    props = d.core_properties
    author = str(doc.fields.get("author", "") or "")
    props.author = rng.choice((author, "", "Admin", "User", "reception", "Windows User"))
    props.last_modified_by = rng.choice((props.author, "", "Admin"))
    props.title = ""
    props.subject = ""
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.created = when
    props.modified = when
    props.revision = rng.randint(1, 6)
    buf = io.BytesIO()
    d.save(buf)
    return _fixed_zip(buf.getvalue(), when)


def _fixed_zip(data: bytes, when: dt.datetime) -> bytes:
    """Rewrite a zip with fixed entry timestamps so the bytes only depend on the input."""
    stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            item = zipfile.ZipInfo(info.filename, date_time=stamp)
            item.compress_type = zipfile.ZIP_DEFLATED
            item.external_attr = info.external_attr
            dst.writestr(item, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------- entry point


def render(doc: Doc, fmt: str, path: str | Path, rng: random.Random, *,
           story: ClaimStory | None = None, cover: Doc | None = None,
           attachment_name: str | None = None) -> list[tuple[str, str]]:
    """Write ``doc`` to ``path`` in ``fmt`` (one of :data:`FORMATS`); return the labels
    ``[(member, doc_type), ...]`` (member ``""`` is the file itself).

    ``story`` lets the covering email of an ``eml`` use real names and addresses;
    ``cover`` supplies that covering email (see :func:`cover_email`) when the caller wants
    to know its fields; ``attachment_name`` names the attached PDF.
    """
    path = Path(path)
    if fmt == "pdf":
        path.write_bytes(pdf_bytes(doc, rng))
    elif fmt in ("scan_pdf", "tiff"):
        born = pdf_bytes(doc, rng)
        when = _stamp(doc, rng, max_days=rng.choice((0, 1, 3, 7)))
        sender, phone = _fax_sender(doc, story)
        if fmt == "scan_pdf":
            images = scan_images(born, rng, header_sender=sender, header_phone=phone, when=when)
            path.write_bytes(scan_pdf_bytes(images, rng, when))
        else:
            images = scan_images(born, rng, dpi=rng.choice((150, 200)),
                                 fax=rng.random() < 0.7, header_sender=sender,
                                 header_phone=phone, when=when)
            path.write_bytes(tiff_bytes(images, rng))
    elif fmt == "eml":
        data, labels = eml_bytes(doc, rng, story=story, cover=cover,
                                 attachment_name=attachment_name)
        path.write_bytes(data)
        return labels
    elif fmt == "docx":
        path.write_bytes(docx_bytes(doc, rng))
    elif fmt == "txt":
        text = plain_text(doc, rng)
        newline = "\r\n" if rng.random() < 0.3 else "\n"
        path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    else:
        raise ValueError(f"unknown format {fmt!r}; expected one of {FORMATS}")
    return [("", doc.doc_type)]


def _fax_sender(doc: Doc, story: ClaimStory | None) -> tuple[str, str]:
    """Who a fax of ``doc`` plausibly came from: the author's practice or the employer."""
    if story is None:
        return "", ""
    author = str(doc.fields.get("author", "") or "")
    pairs = ((story.treating_doctor, story.practice), (story.specialist, story.specialist_practice),
             (story.physio, story.physio_practice), (story.ime_examiner, story.ime_practice),
             (story.rehab_consultant, story.rehab_provider),
             (story.investigator, story.investigation_firm), (story.solicitor, story.law_firm),
             (story.employer_contact, story.employer))
    for person, org in pairs:
        if author and author in (person.name, person.formal):
            return org.name, org.phone
    if doc.doc_type in ("certificate_of_capacity", "medical_report"):
        return story.practice.name, story.practice.phone
    if doc.doc_type in ("injury_notification", "wage_information", "claim_form"):
        return story.employer.name, story.employer.phone
    return story.insurer.name, story.insurer.phone
