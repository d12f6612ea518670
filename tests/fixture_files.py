"""Small synthetic input files built in code: PDF, scanned PDF, TIFF, PNG, eml, msg-less, docx, zip."""

from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pymupdf
from PIL import Image, ImageDraw, ImageFont

CERT_TEXT = ("Certificate of Capacity\nWorker: Tomas Kowalski\nClaim number HW-2403-118822\n"
             "The worker has capacity for suitable duties from 04/03/2024 to 18/03/2024.")
SCAN_TEXT = "SURVEILLANCE REPORT\nSubject observed carrying shopping bags at 0942 hours"


def text_pdf(text: str = CERT_TEXT, pages: int = 1) -> bytes:
    doc = pymupdf.open()
    for n in range(pages):
        page = doc.new_page()
        page.insert_textbox(pymupdf.Rect(50, 50, 550, 800), f"{text}\nPage {n + 1} of {pages}",
                            fontsize=11)
    data = doc.tobytes()
    doc.close()
    return data


def text_image(text: str = SCAN_TEXT, size=(1700, 500)) -> Image.Image:
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=42)
    y = 40
    for line in text.splitlines():
        draw.text((40, y), line, fill=0, font=font)
        y += 70
    return image


def image_pdf(text: str = SCAN_TEXT) -> bytes:
    buffer = io.BytesIO()
    text_image(text).save(buffer, format="PNG")
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=200)
    page.insert_image(page.rect, stream=buffer.getvalue())
    data = doc.tobytes()
    doc.close()
    return data


def tiff(pages: tuple[str, ...] = ("FAX PAGE ONE invoice", "FAX PAGE TWO account")) -> bytes:
    frames = [text_image(t).convert("1") for t in pages]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="TIFF", save_all=True, append_images=frames[1:],
                   compression="group4")
    return buffer.getvalue()


def png(text: str = "Tax invoice physiotherapy consult") -> bytes:
    buffer = io.BytesIO()
    text_image(text).save(buffer, format="PNG")
    return buffer.getvalue()


def eml_with_pdf() -> bytes:
    message = EmailMessage()
    message["From"] = "Chloe Nguyen <chloe.nguyen@insurer.example>"
    message["To"] = "records@insurer.example"
    message["Subject"] = "Updated certificate attached"
    message["Date"] = "Tue, 05 Mar 2024 10:00:00 +1100"
    message.set_content("Hi team,\nPlease find attached the latest certificate of capacity.\n")
    message.add_attachment(text_pdf(), maintype="application", subtype="pdf", filename="cert.pdf")
    return message.as_bytes()


def html_eml() -> bytes:
    message = EmailMessage()
    message["From"] = "employer@example.com"
    message["To"] = "claims@insurer.example"
    message["Subject"] = "Injury notification"
    message.set_content("<html><body><p>Worker <b>injured</b> lifting a carton.</p>"
                        "<img src='http://example.com/track.png'></body></html>", subtype="html")
    return message.as_bytes()


def docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Injury Management Plan", level=1)
    document.add_paragraph("Goal: return to pre-injury duties within 8 weeks.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Service"
    table.cell(0, 1).text = "Physiotherapy"
    table.cell(1, 0).text = "Sessions"
    table.cell(1, 1).text = "8"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def build_fixtures(root: Path) -> dict[str, Path]:
    """Two claim folders plus a loose file, as a ClaimCenter export would look."""
    files = {
        "claim_A/cert.pdf": text_pdf(),
        "claim_A/scan.pdf": image_pdf(),
        "claim_A/fax.tif": tiff(),
        "claim_A/mail.eml": eml_with_pdf(),
        "claim_A/sub/plan.docx": docx_bytes(),
        "claim_B/notes.txt": b"File note: called IW re RTW. No answer.\n",
        "claim_B/html.eml": html_eml(),
        "claim_B/export.zip": zip_bytes({"inner/cert.pdf": text_pdf(), "inner/note.txt": b"Diary note"}),
        "claim_B/photo.png": png(),
        "claim_B/broken.pdf": b"%PDF-1.4\nthis is not really a pdf\n%%EOF",
        "loose.txt": b"Loose correspondence file",
    }
    return write_tree(root, files)


def write_tree(root: Path, files: dict[str, bytes]) -> dict[str, Path]:
    """Write ``files`` (relative path -> bytes) under ``root``; relative path -> written path."""
    out: dict[str, Path] = {}
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        out[rel] = path
    return out
