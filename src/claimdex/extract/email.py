"""Emails (.eml with the stdlib, .msg with extract-msg): headers, body, attachments recursed."""

from __future__ import annotations

import email as stdlib_email
import email.policy
from email.message import EmailMessage
from typing import TYPE_CHECKING

from bs4 import BeautifulSoup

from claimdex.errors import CorruptFileError, InputFileError
from claimdex.models import MEMBER_SEP, ExtractedDocument, Page

if TYPE_CHECKING:
    from claimdex.extract import Context

_HEADERS = ("From", "To", "Cc", "Date", "Subject")


def html_to_text(html: str) -> str:
    """Visible text of an HTML body; nothing is fetched (no remote resources)."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "head"]):
        tag.decompose()
    lines = (line.strip() for line in soup.get_text("\n").splitlines())
    return "\n".join(line for line in lines if line)


def extract_eml(name: str, data: bytes, ctx: Context, *, member: str, depth: int,
                parent: str | None) -> list[ExtractedDocument]:
    shown = f"{ctx.path}{MEMBER_SEP}{member}" if member else ctx.path
    message = stdlib_email.message_from_bytes(data, policy=email.policy.default)
    if not any(message.get(h) for h in (*_HEADERS, "Message-ID", "Received")):
        raise CorruptFileError(f"{shown} is not a valid email: it has no email headers")
    return _from_message(message, ctx, member=member, depth=depth, parent=parent, media="eml")


def _from_message(message: EmailMessage, ctx: Context, *, member: str, depth: int,
                  parent: str | None, media: str) -> list[ExtractedDocument]:
    from claimdex.extract import child_member, extract_bytes

    headers = tuple((h, _header(message, h)) for h in _HEADERS if message.get(h))
    body = _body(message)
    text = "\n".join(f"{h}: {v}" for h, v in headers) + "\n\n" + body
    docs = [ExtractedDocument(member, media, (Page(1, text.strip(), "email"),), parent, headers)]
    for index, part in enumerate(message.iter_attachments(), start=1):
        if _is_inline_image(part):
            continue
        att_name = _safe_name(part.get_filename() or f"attachment-{index}")
        child = child_member(member, att_name)
        try:
            if part.get_content_type() == "message/rfc822":
                inner = part.get_content()
                docs.extend(_from_message(inner, ctx, member=child, depth=depth + 1,
                                          parent=member, media="eml"))
                continue
            payload = part.get_payload(decode=True) or b""
            docs.extend(extract_bytes(att_name, payload, ctx, member=child, depth=depth + 1,
                                      parent=member))
        except InputFileError as exc:
            ctx.problem(child, exc)
    return docs


def _header(message: EmailMessage, name: str) -> str:
    try:
        return str(message.get(name, "")).strip()
    except (ValueError, TypeError, IndexError):
        return ""  # an unparseable header is left out, not fatal


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError, AttributeError):
        raw = part.get_payload(decode=True) or b""
        content = raw.decode("utf-8", errors="replace")
    if not isinstance(content, str):
        return ""
    return html_to_text(content) if part.get_content_type() == "text/html" else content


def _is_inline_image(part: EmailMessage) -> bool:
    return part.get_content_maintype() == "image" and (
        part.get_content_disposition() == "inline" or (part.get("Content-ID") and not part.get_filename())
    )


def _safe_name(name: str) -> str:
    """Attachment names come from the sender: keep only the last path component, no controls."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch if ch.isprintable() else "_" for ch in name).strip(" .")
    return name[:200] or "attachment"


def extract_msg(name: str, data: bytes, ctx: Context, *, member: str, depth: int,
                parent: str | None) -> list[ExtractedDocument]:
    import extract_msg as xmsg

    shown = f"{ctx.path}{MEMBER_SEP}{member}" if member else ctx.path
    try:
        msg = xmsg.openMsg(data, delayAttachments=False)
    except Exception as exc:  # extract-msg raises many unrelated types for bad files
        raise CorruptFileError(f"{shown} is not a readable Outlook .msg file") from exc
    try:
        return _from_msg(msg, ctx, shown=shown, member=member, depth=depth, parent=parent)
    finally:
        msg.close()


def _from_msg(msg, ctx: Context, *, shown: str, member: str, depth: int,
              parent: str | None) -> list[ExtractedDocument]:
    from claimdex.extract import child_member, extract_bytes

    headers = []
    for label, attr in (("From", "sender"), ("To", "to"), ("Cc", "cc"), ("Date", "date"),
                        ("Subject", "subject")):
        try:
            value = getattr(msg, attr, None)
        except Exception:  # a malformed property (e.g. a strange date) is left out
            value = None
        if value:
            headers.append((label, str(value).strip()))
    body = _msg_body(msg)
    text = "\n".join(f"{h}: {v}" for h, v in headers) + "\n\n" + body
    docs = [ExtractedDocument(member, "msg", (Page(1, text.strip(), "email"),), parent, tuple(headers))]
    for index, att in enumerate(getattr(msg, "attachments", []) or [], start=1):
        att_name = _safe_name(getattr(att, "longFilename", None) or getattr(att, "shortFilename", None)
                              or f"attachment-{index}")
        child = child_member(member, att_name)
        try:
            payload = att.data
            if hasattr(payload, "attachments"):  # an embedded .msg
                docs.extend(_from_msg(payload, ctx, shown=f"{shown}{MEMBER_SEP}{att_name}",
                                      member=child, depth=depth + 1, parent=member))
            elif isinstance(payload, bytes):
                docs.extend(extract_bytes(att_name, payload, ctx, member=child, depth=depth + 1,
                                          parent=member))
        except InputFileError as exc:
            ctx.problem(child, exc)
    return docs


def _msg_body(msg) -> str:
    try:
        body = msg.body
    except Exception:
        body = None
    if body:
        return body if isinstance(body, str) else body.decode("utf-8", errors="replace")
    try:
        html = msg.htmlBody
    except Exception:
        html = None
    if html:
        return html_to_text(html.decode("utf-8", errors="replace") if isinstance(html, bytes) else html)
    return ""
