"""No document text in logs or error messages, by default or with --verbose (which shows file
names and counts). Every file below carries a marker word in its content, never in its name,
including files that fail in different ways; the marker must not appear on stderr, in the
summary and failure tables, in the JSON report or in the failures stored in the index."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile

import pymupdf
import pytest

from tests import fixture_files as ff
from tests.reliability.conftest import claimdex

MARKER = "Quokkazebra"  # one word, so it survives text extraction and OCR-free paths intact


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in members.items():  # deflated: see test_known_gaps for stored members
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _encrypted() -> bytes:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), f"Psychiatric report {MARKER} diagnosis", fontsize=11)
    data = doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")
    doc.close()
    return data


def _folder(root):
    text = f"Diagnosis {MARKER}: major depressive disorder after workplace incident."
    files = {
        "notes.txt": text.encode(),
        "cert.pdf": ff.text_pdf(f"Certificate of Capacity\n{text}"),
        "broken.pdf": b"%PDF-1.4\n1 0 obj << /Title (" + MARKER.encode() + b") >>\nnot a pdf %%EOF",
        "truncated.pdf": ff.text_pdf(text)[:400],
        "old.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + MARKER.encode() * 50,
        "locked.pdf": _encrypted(),
        "export.zip": _zip({"../escape.txt": text.encode(), "inner/ok.txt": text.encode(),
                            "inner/bad.pdf": b"%PDF-1.7\n" + MARKER.encode() * 20,
                            "C:/abs.txt": text.encode()}),
        "mail.eml": _mail(text),
        "empty.txt": b"",
        "binary.txt": MARKER.encode() + b"\x00\x01\x02" * 40,
    }
    for name, data in files.items():
        (root / name).write_bytes(data)


def _mail(text: str) -> bytes:
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "clinic@example.com"
    message["To"] = "claims@insurer.example"
    message["Subject"] = f"Report {MARKER}"
    message.set_content(text)
    message.add_attachment(b"%PDF-1.4\n" + MARKER.encode(), maintype="application",
                           subtype="pdf", filename="attached.pdf")
    return message.as_bytes()


def _stored_reasons(db) -> str:
    conn = sqlite3.connect(db)
    try:
        return "\n".join(f"{m} {c} {r}" for m, c, r in conn.execute(
            "select member, category, reason from failures"))
    finally:
        conn.close()


@pytest.mark.slow
def test_marker_never_reaches_logs_messages_or_failures(tmp_path):
    claim = tmp_path / "claims" / "claim_P"
    claim.mkdir(parents=True)
    _folder(claim)

    verbose = claimdex("--verbose", "ingest", str(claim.parent), "--db", str(tmp_path / "v.db"),
                       "--workers", "2", "--no-ocr")
    quiet = claimdex("ingest", str(claim.parent), "--db", str(tmp_path / "q.db"), "--workers", "2",
                     "--no-ocr", "--json")
    for run in (verbose, quiet):
        assert run.returncode == 1, run.stderr  # some files fail on purpose
        assert "Traceback" not in run.stderr

    # The runs did exercise what they should: verbose logs name files; failures were recorded.
    assert "notes.txt" in verbose.stderr and "INFO" in verbose.stderr
    assert "INFO" not in quiet.stderr
    report = json.loads(quiet.stdout)
    failed = {f["path"].rsplit("/", 1)[-1] for f in report["failed"]}
    assert {"broken.pdf", "old.doc", "locked.pdf", "empty.txt"} <= failed
    assert any("escape.txt" in f["path"] or "escape.txt" in f["reason"] for f in report["failed"])
    assert report["documents"] >= 4  # notes, cert, zip member, mail (+ attachment)

    reasons = _stored_reasons(tmp_path / "v.db") + _stored_reasons(tmp_path / "q.db")
    assert "unsafe_member" in reasons
    for where, text in {"stderr --verbose": verbose.stderr, "stdout tables": verbose.stdout,
                        "stderr": quiet.stderr, "JSON report": quiet.stdout,
                        "failures table": reasons}.items():
        assert MARKER.lower() not in text.lower(), f"document text leaked into {where}"
