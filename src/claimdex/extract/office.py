"""Word .docx (python-docx, tables in reading order), plain text and RTF (striprtf)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from claimdex.errors import CorruptFileError
from claimdex.models import MEMBER_SEP, ExtractedDocument, Page

if TYPE_CHECKING:
    from claimdex.extract import Context


def extract_docx(name: str, data: bytes, ctx: Context, *, member: str, depth: int,
                 parent: str | None) -> list[ExtractedDocument]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    shown = f"{ctx.path}{MEMBER_SEP}{member}" if member else ctx.path
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, BadZipFile, lxml errors, ...
        raise CorruptFileError(f"{shown} is not a readable Word (.docx) document") from exc
    lines: list[str] = []
    for section in document.sections[:1]:
        lines.extend(p.text for p in section.header.paragraphs if p.text.strip())
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines.extend(_table_lines(block))
    for section in document.sections[:1]:
        lines.extend(p.text for p in section.footer.paragraphs if p.text.strip())
    text = "\n".join(lines).strip()
    return [ExtractedDocument(member, "docx", (Page(1, text, "docx"),), parent)]


def _table_lines(table) -> list[str]:
    lines = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            value = cell.text.strip()
            if not cells or cells[-1] != value:  # merged cells repeat their text
                cells.append(value)
        lines.append(" | ".join(cells))
    return lines


def decode_text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("cp1252", errors="replace")


def extract_text(name: str, data: bytes, ctx: Context, *, member: str, depth: int,
                 parent: str | None) -> list[ExtractedDocument]:
    text = decode_text(data).replace("\r\n", "\n")
    return [ExtractedDocument(member, "txt", (Page(1, text, "plain"),), parent)]


def extract_rtf(name: str, data: bytes, ctx: Context, *, member: str, depth: int,
                parent: str | None) -> list[ExtractedDocument]:
    from striprtf.striprtf import rtf_to_text

    shown = f"{ctx.path}{MEMBER_SEP}{member}" if member else ctx.path
    try:
        text = rtf_to_text(decode_text(data), errors="ignore")
    except Exception as exc:
        raise CorruptFileError(f"{shown} is not a readable RTF document") from exc
    return [ExtractedDocument(member, "rtf", (Page(1, text, "rtf"),), parent)]
