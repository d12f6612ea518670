"""Zip exports, read in memory: unsafe member names rejected, size and count limits enforced."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from typing import TYPE_CHECKING

from claimdex.errors import ArchiveLimitError, CorruptFileError, InputFileError, UnsafeArchiveMemberError
from claimdex.models import MEMBER_SEP, ExtractedDocument

if TYPE_CHECKING:
    from claimdex.extract import Context

_CHUNK = 1 << 20
_DRIVE = re.compile(r"^[A-Za-z]:")


def check_member_name(name: str) -> str:
    """Return the safe relative name of a zip member, or raise UnsafeArchiveMemberError.

    Rejected: absolute paths, drive letters, backslashes, ``..`` components. Control
    characters are replaced with ``_`` and the name is NFC-normalised.
    """
    if not name or "\x00" in name:
        raise UnsafeArchiveMemberError("empty or NUL-containing member name")
    if "\\" in name:
        raise UnsafeArchiveMemberError(f"member name {name!r} contains a backslash")
    if name.startswith("/") or _DRIVE.match(name):
        raise UnsafeArchiveMemberError(f"member name {name!r} is an absolute path")
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if parts and _DRIVE.match(parts[0]):  # "./C:" is a drive once "." is dropped
        raise UnsafeArchiveMemberError(f"member name {name!r} is an absolute path")
    if any(p == ".." for p in parts):
        raise UnsafeArchiveMemberError(f"member name {name!r} points outside the archive")
    if not parts:
        raise UnsafeArchiveMemberError(f"member name {name!r} is empty")
    return unicodedata.normalize("NFC", "/".join(_printable(p) for p in parts))


def _printable(part: str) -> str:
    return "".join(ch if ch.isprintable() else "_" for ch in part)


def extract_zip(name: str, data: bytes, ctx: Context, *, member: str, depth: int,
                parent: str | None) -> list[ExtractedDocument]:
    from claimdex.extract import child_member, extract_bytes

    shown = f"{ctx.path}{MEMBER_SEP}{member}" if member else ctx.path
    limits = ctx.settings
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CorruptFileError(f"{shown} is not a readable zip archive") from exc
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        if len(infos) > limits.max_archive_members:
            raise ArchiveLimitError(f"{shown} has {len(infos)} members, over the limit of "
                                    f"{limits.max_archive_members}")
        declared = sum(i.file_size for i in infos)
        if ctx.archive_bytes + declared > limits.max_archive_bytes:
            raise ArchiveLimitError(
                f"{shown} would expand to {declared // 2**20} MiB, over the "
                f"{limits.max_archive_bytes // 2**20} MiB limit (possible zip bomb); nothing extracted")
        for info in infos:
            if info.file_size > _CHUNK and info.compress_size and (
                    info.file_size / info.compress_size > limits.max_compression_ratio):
                raise ArchiveLimitError(
                    f"{shown}: member {info.filename!r} is compressed {info.file_size // max(1, info.compress_size)}:1, "
                    "over the limit (possible zip bomb); nothing extracted")
        docs: list[ExtractedDocument] = []
        for info in infos:
            try:
                safe = check_member_name(info.filename)
            except UnsafeArchiveMemberError as exc:
                ctx.problem(child_member(member, info.filename.replace("\n", "\\n")),
                            UnsafeArchiveMemberError(f"{shown}: {exc}; member skipped"))
                continue
            if _ignored(safe):
                continue
            child = child_member(member, safe)
            try:
                payload = _read_limited(archive, info, ctx, shown)
                docs.extend(extract_bytes(safe.rsplit("/", 1)[-1], payload, ctx, member=child,
                                          depth=depth + 1, parent=parent))
            except ArchiveLimitError:
                raise
            except InputFileError as exc:
                ctx.problem(child, exc)
    return docs


def _ignored(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return name.startswith("__MACOSX/") or base.startswith(".") or base in ("Thumbs.db", "desktop.ini")


def _read_limited(archive: zipfile.ZipFile, info: zipfile.ZipInfo, ctx: Context, shown: str) -> bytes:
    """Read one member, enforcing the size budget on the bytes actually produced."""
    budget = ctx.settings.max_archive_bytes - ctx.archive_bytes
    out = io.BytesIO()
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                out.write(chunk)
                if out.tell() > info.file_size or out.tell() > budget:
                    raise ArchiveLimitError(
                        f"{shown}: member {info.filename!r} expands beyond its declared size or the "
                        "archive limit (possible zip bomb); nothing extracted")
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise CorruptFileError(f"{shown}: member {info.filename!r} is damaged or encrypted") from exc
    ctx.archive_bytes += out.tell()
    return out.getvalue()
