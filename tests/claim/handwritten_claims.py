"""Load the hand-written claim files under tests/claim/handwritten as ClaimViews.

Each claim folder holds plain-text documents and an ``expected.yaml`` naming each document's
type, the flags the rules must raise and the summary fields. Documents go through the real
``extract_fields``; a form feed separates pages.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

from claimdex.fields import extract_fields
from claimdex.models import ClaimView, DocumentView, Page

HANDWRITTEN = Path(__file__).parent / "handwritten"


@dataclass(frozen=True)
class HandwrittenClaim:
    name: str
    view: ClaimView
    flags: frozenset[str]
    summary: dict


def load_claim(folder: Path) -> HandwrittenClaim:
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    docs = []
    for name, doc_type in expected["documents"].items():
        text = (folder / name).read_text(encoding="utf-8")
        pages = tuple(Page(i, part, "plain") for i, part in enumerate(text.split("\f"), start=1))
        doc_id = hashlib.sha256(f"{folder.name}/{name}".encode()).hexdigest()[:24]
        docs.append(DocumentView(doc_id, f"{folder.name}/{name}", "", expected["claim"], doc_type, 1.0,
                                 1, len(pages), "txt", extract_fields(pages, doc_type)))
    return HandwrittenClaim(folder.name, ClaimView(expected["claim"], tuple(docs)),
                            frozenset(expected["flags"]), expected["summary"])


def all_claims() -> list[HandwrittenClaim]:
    return [load_claim(p) for p in sorted(HANDWRITTEN.iterdir()) if (p / "expected.yaml").exists()]


def summary_checks(expected: dict, got: dict) -> dict[str, tuple[object, object]]:
    """Field name -> (expected, got) for every summary field; equal ones compare equal."""
    def value(key: str) -> object:
        item = got.get(key)
        return item.get("value") if isinstance(item, dict) else item

    injury = got.get("injury") or {}
    latest = got.get("latest_capacity") or {}
    found = {
        "claim_number": value("claim_number"), "worker": value("worker"),
        "employer": value("employer"), "injury_date": value("injury_date"),
        "notification_date": value("notification_date"), "body_part": injury.get("body_part"),
        "injury_kind": injury.get("kind"),
        "nominated_treating_doctor": value("nominated_treating_doctor"),
        "case_managers": [c["name"] for c in got.get("case_managers") or []],
        "liability_status": value("liability_status"),
        "latest_capacity": {"value": latest.get("value"), "from": latest.get("from"),
                            "to": latest.get("to")} if latest else None,
    }
    return {key: (expected.get(key), found[key]) for key in found if key in expected}
