"""Helpers shared by several template modules (private to the templates package)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from claimdex.generator.common import date_style, fmt_date
from claimdex.generator.model import Certificate, ClaimStory, Doc, DocSpec

DATE_KEYS = ("doc_date", "injury_date", "notification_date", "cert_from", "cert_to",
              "exam_date")


def dater(rng: random.Random) -> Callable[[dt.date], str]:
    style = date_style(rng)
    return lambda d: fmt_date(d, style=style)


def current_certificate(story: ClaimStory, spec: DocSpec) -> Certificate:
    if isinstance(spec.about, Certificate):
        return spec.about
    certs = [c for c in story.certificates if c.issued <= spec.date]
    if certs:
        return certs[-1]
    if story.certificates:
        return story.certificates[0]
    inj = story.injury.date
    return Certificate(inj, inj, inj + dt.timedelta(days=13), "none", 0, 0, (),
                       story.treating_doctor, True)


def check_fields(text: str, fields: dict[str, object]) -> None:
    """Drop fields the text does not actually state (safety net)."""
    low = text.lower()
    for key in ("employer", "author", "case_manager", "claim_number", "body_part"):
        val = fields.get(key)
        if isinstance(val, str) and val.lower() not in low:
            del fields[key]
    for key in DATE_KEYS:
        val = fields.get(key)
        if isinstance(val, dt.date) and not any(
            fmt_date(val, style=k) in text for k in range(9)
        ):
            del fields[key]
    worker = fields.get("worker")
    if isinstance(worker, str) and worker.split()[-1].lower() not in low:
        del fields["worker"]


def make_doc(doc_type: str, spec: DocSpec, variant: str, kind: str, lines: list[str], fields: dict[str, object],
         headers: dict[str, str] | None = None, hard_negative_of: str = "") -> Doc:
    text = "\n".join(lines).strip("\n")
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    check_fields(text + "\n" + "\n".join((headers or {}).values()), fields)
    return Doc(doc_type, f"{doc_type}/{variant}", kind, text, spec.date, fields,
               headers or {}, hard_negative_of)
