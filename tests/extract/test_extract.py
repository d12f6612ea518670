"""Extraction of every supported format, from fixtures built in code."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from claimdex.config import ExtractSettings
from claimdex.extract import extract_file
from claimdex.extract.ocr import tesseract_available
from claimdex.models import FileTask
from tests import fixture_files as ff

needs_ocr = pytest.mark.skipif(not tesseract_available(), reason="tesseract not installed")


def run(path: Path, **settings) -> object:
    data = path.read_bytes()
    task = FileTask(path, "c", hashlib.sha256(data).hexdigest(), len(data), 0.0)
    return extract_file(task, settings=ExtractSettings(**settings))


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_born_digital_pdf_uses_text_layer(tmp_path):
    result = run(write(tmp_path, "c.pdf", ff.text_pdf(pages=3)))
    (doc,) = result.documents
    assert [p.number for p in doc.pages] == [1, 2, 3]
    assert {p.method for p in doc.pages} == {"text"}
    assert "suitable duties" in doc.pages[0].text
    assert "Page 3 of 3" in doc.pages[2].text


@needs_ocr
def test_scanned_pdf_is_ocrd_with_confidence(tmp_path):
    (doc,) = run(write(tmp_path, "s.pdf", ff.image_pdf())).documents
    page = doc.pages[0]
    assert page.method == "ocr"
    assert "SURVEILLANCE" in page.text.upper()
    assert page.ocr_confidence is not None and page.ocr_confidence > 50


def test_scanned_pdf_without_ocr_keeps_empty_page_and_warns(tmp_path):
    (doc,) = run(write(tmp_path, "s.pdf", ff.image_pdf()), ocr=False).documents
    assert doc.pages[0].method == "text"
    assert any("OCR is unavailable" in w for w in doc.warnings)


@needs_ocr
def test_multipage_tiff_fax_gives_one_page_per_frame(tmp_path):
    (doc,) = run(write(tmp_path, "f.tif", ff.tiff())).documents
    assert doc.media_type == "tiff"
    assert len(doc.pages) == 2
    assert "ONE" in doc.pages[0].text.upper() and "TWO" in doc.pages[1].text.upper()


@needs_ocr
def test_png_image_is_ocrd(tmp_path):
    (doc,) = run(write(tmp_path, "p.png", ff.png())).documents
    assert "invoice" in doc.pages[0].text.lower()


def test_eml_body_headers_and_pdf_attachment(tmp_path):
    docs = run(write(tmp_path, "m.eml", ff.eml_with_pdf())).documents
    email, attachment = docs
    assert email.member == "" and email.media_type == "eml"
    assert "Subject: Updated certificate attached" in email.pages[0].text
    assert "latest certificate of capacity" in email.pages[0].text
    assert attachment.member == "cert.pdf" and attachment.parent == ""
    assert "suitable duties" in attachment.pages[0].text


def test_html_email_is_converted_to_text_without_fetching(tmp_path):
    (email,) = run(write(tmp_path, "h.eml", ff.html_eml())).documents
    text = email.pages[0].text
    assert "Worker\ninjured\nlifting a carton." in text or "injured" in text
    assert "<b>" not in text and "track.png" not in text


def test_docx_paragraphs_and_tables_in_order(tmp_path):
    (doc,) = run(write(tmp_path, "p.docx", ff.docx_bytes())).documents
    text = doc.pages[0].text
    assert text.index("Injury Management Plan") < text.index("Service | Physiotherapy")
    assert "Sessions | 8" in text


def test_txt_and_rtf(tmp_path):
    (txt,) = run(write(tmp_path, "n.txt", "Diary note – called IW".encode())).documents
    assert txt.pages[0].text == "Diary note – called IW"
    rtf = rb"{\rtf1\ansi{\fonttbl\f0\fswiss Helvetica;}\f0\pard File note: spoke to employer.\par}"
    (doc,) = run(write(tmp_path, "n.rtf", rtf)).documents
    assert "File note: spoke to employer." in doc.pages[0].text


def test_zip_members_become_documents(tmp_path):
    data = ff.zip_bytes({"a/cert.pdf": ff.text_pdf(), "a/note.txt": b"note", "__MACOSX/._x": b"x"})
    result = run(write(tmp_path, "e.zip", data))
    assert sorted(d.member for d in result.documents) == ["a/cert.pdf", "a/note.txt"]
    assert not result.problems


def test_zip_traversal_members_rejected_others_kept(tmp_path):
    data = ff.zip_bytes({"../../evil.txt": b"x", "/abs.txt": b"y", "ok/doc.txt": b"fine"})
    result = run(write(tmp_path, "slip.zip", data))
    assert [d.member for d in result.documents] == ["ok/doc.txt"]
    assert {p.category for p in result.problems} == {"unsafe_member"}
    assert len(result.problems) == 2
    assert not (tmp_path.parent / "evil.txt").exists()


def test_zip_bomb_rejected_before_extraction(tmp_path):
    data = ff.zip_bytes({f"scan_{i}.pdf": b"\0" * (5 * 2**20) for i in range(3)})
    result = run(write(tmp_path, "bomb.zip", data), max_archive_bytes=8 * 2**20)
    assert not result.documents
    assert result.problems[0].category == "archive_limit"
    assert "bomb.zip" in result.problems[0].message


def test_zip_ratio_limit(tmp_path):
    data = ff.zip_bytes({"big.txt": b"\0" * (20 * 2**20)})
    result = run(write(tmp_path, "ratio.zip", data))
    assert result.problems[0].category == "archive_limit"


@pytest.mark.parametrize(
    ("name", "data", "category"),
    [
        ("empty.pdf", b"", "empty"),
        ("fake.pdf", b"oops", "unsupported"),
        ("broken.pdf", b"%PDF-1.4\nnot a pdf\n%%EOF", "corrupt"),
        ("thing.bin", bytes(range(256)) * 4, "unsupported"),
        ("broken.docx", ff.zip_bytes({"word/document.xml": b"<not-xml"}), "corrupt"),
    ],
)
def test_bad_files_become_problems_naming_the_file(tmp_path, name, data, category):
    result = run(write(tmp_path, name, data))
    assert not result.documents
    (problem,) = result.problems
    assert problem.category == category
    assert name in problem.message


def test_encrypted_pdf_needs_password(tmp_path):
    import pymupdf

    doc = pymupdf.open(stream=ff.text_pdf(), filetype="pdf")
    data = doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="view", owner_pw="master")
    path = write(tmp_path, "locked.pdf", data)
    (problem,) = run(path).problems
    assert problem.category == "encrypted" and "--password" in problem.message
    assert run(path, password="wrong").problems[0].category == "encrypted"
    (unlocked,) = run(path, password="view").documents
    assert "suitable duties" in unlocked.pages[0].text


def test_extension_mismatch_is_warned(tmp_path):
    (doc,) = run(write(tmp_path, "note.pdf", ff.docx_bytes())).documents
    assert doc.media_type == "docx"
    assert any("extension mismatch" in w for w in doc.warnings)


def test_problem_messages_never_contain_document_text(tmp_path):
    secret = "DIAGNOSIS-SECRET-8812"
    data = ff.zip_bytes({"../x.txt": secret.encode(), "ok.pdf": b"%PDF-1.4 " + secret.encode()})
    result = run(write(tmp_path, "z.zip", data))
    assert result.problems
    assert all(secret not in p.message for p in result.problems)


def test_text_file_with_fax_headers_is_text_not_email(tmp_path):
    fax = b"FAX\nTo: Dr Lee\nFrom: Claims team\nDate: 3/04/2024\nSubject: request for report\n\nPlease send."
    (doc,) = run(write(tmp_path, "fax.txt", fax)).documents
    assert doc.media_type == "txt" and "Please send." in doc.pages[0].text


def test_files_attached_to_a_pdf_become_child_documents(tmp_path):
    """Both ways a PDF carries a file: the EmbeddedFiles tree, and a file-attachment
    annotation on a page (here on page 2 of 3, so pages without annotations are passed by)."""
    import pymupdf

    doc = pymupdf.open(stream=ff.text_pdf(pages=3), filetype="pdf")
    doc.embfile_add("invoice.txt", b"Tax invoice for physiotherapy, 3 sessions")
    doc[1].add_file_annot(pymupdf.Point(72, 72), b"File note: phone call with the worker",
                          filename="note.txt")
    data = doc.tobytes()
    doc.close()
    result = run(write(tmp_path, "with-files.pdf", data))
    top, *children = result.documents
    assert len(top.pages) == 3
    members = {c.member: c for c in children}
    assert set(members) == {"invoice.txt", "page2-note.txt"}
    assert all(c.parent == "" for c in children)
    assert "physiotherapy" in members["invoice.txt"].pages[0].text
    assert "phone call" in members["page2-note.txt"].pages[0].text
