"""Decide a file's format from its bytes (extensions lie: see png-renamed.pdf)."""

from __future__ import annotations

import io
import zipfile

_IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF87a", "image"),
    (b"GIF89a", "image"),
    (b"BM", "image"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_EMAIL_HEADERS = (b"from:", b"to:", b"subject:", b"date:", b"received:", b"mime-version:",
                  b"message-id:", b"return-path:", b"delivered-to:", b"x-")


def sniff(name: str, data: bytes) -> str:
    """Return the media type: pdf, image, tiff, zip, docx, msg, eml, rtf, txt, heic or unknown."""
    head = data[:2048]
    lower = name.lower()
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(data)  # before the %PDF search: stored PDF members show that marker too
    if b"%PDF-" in data[:1024]:
        return "pdf"
    for magic, kind in _IMAGE_MAGIC:
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image"
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc"):
        return "heic"
    if head.startswith(_OLE2):
        return "msg" if lower.endswith(".msg") or b"_\x00_\x00s\x00u\x00b\x00s\x00t\x00g" in data[:65536] else "ole"
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    if lower.endswith((".txt", ".text", ".md", ".csv", ".log")) and _is_text(head):
        return "txt"  # a faxed letter starting "To: ... From: ..." is still a text file
    if lower.endswith(".eml") or _looks_like_email(head):
        return "eml"
    if _is_text(head) and not lower.endswith((".pdf", ".docx", ".msg", ".zip")):
        return "txt"
    return "unknown"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist()[:200])
    except (zipfile.BadZipFile, OSError, ValueError):
        return "zip"  # let the archive extractor produce the precise error
    return "docx" if "word/document.xml" in names else "zip"


def _looks_like_email(head: bytes) -> bool:
    lines = [ln.strip().lower() for ln in head.splitlines()[:12] if ln.strip()]
    hits = sum(1 for ln in lines if ln.startswith(_EMAIL_HEADERS))
    return hits >= 2


def _is_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a multibyte character cut at the end
            return all(b >= 9 for b in head[:512])
    return True
