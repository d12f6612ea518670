"""Smoke tests for group g3 templates: investigation_report, file_note, correspondence,
invoice, legal_document."""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

import pytest

try:
    import claimdex  # noqa: F401
except ImportError:  # package not installed: run from the source tree
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

import claimdex.generator.templates.correspondence  # noqa: E402,F401
import claimdex.generator.templates.file_note  # noqa: E402,F401
import claimdex.generator.templates.investigation_report  # noqa: E402,F401
import claimdex.generator.templates.invoice  # noqa: E402,F401
import claimdex.generator.templates.legal_document  # noqa: E402,F401
from claimdex.generator.common import example_story, fmt_date  # noqa: E402
from claimdex.generator.model import (  # noqa: E402
    CAPACITIES,
    DECISIONS,
    FIELD_KEYS,
    REGISTRY,
    DocSpec,
)

TYPES = ("investigation_report", "file_note", "correspondence", "invoice", "legal_document")
MIN_TEMPLATES = {"correspondence": 12}
KINDS = {"form", "letter", "email", "note", "report"}
STR_FIELDS = ("worker", "claim_number", "employer", "author", "case_manager", "examiner",
              "handover_from", "handover_to", "body_part")
PERSON_FIELDS = ("worker", "author", "case_manager", "examiner", "handover_from", "handover_to")
DATE_FIELDS = ("injury_date", "notification_date", "cert_from", "cert_to", "exam_date")

STORY = example_story()


def _abouts() -> list[object]:
    s = STORY
    return [None, s.certificates[0], s.certificates[-1], s.decisions[-1],
            (s.case_managers[0], s.case_managers[-1]), s.injury.date + dt.timedelta(days=30)]


def _templates(doc_type: str):
    return [(name, fn) for name, fn in REGISTRY[doc_type] if name.startswith(doc_type + "/")]


ALL = [(t, name, fn) for t in TYPES for name, fn in _templates(t)]


@pytest.mark.parametrize("doc_type", TYPES)
def test_enough_templates(doc_type: str) -> None:
    assert len(_templates(doc_type)) >= MIN_TEMPLATES.get(doc_type, 9)


def test_hard_negatives_present() -> None:
    want = {
        "correspondence": {"certificate_of_capacity", "consent_form", "ime_report",
                           "medical_report", "handover_note", "injury_management_plan"},
        "file_note": {"handover_note", "certificate_of_capacity"},
        "invoice": {"ime_report"},
        "legal_document": {"correspondence"},
        "investigation_report": {"file_note"},
    }
    for doc_type, negs in want.items():
        got = set()
        for i, (_, fn) in enumerate(_templates(doc_type)):
            spec = DocSpec(doc_type, STORY.injury.date + dt.timedelta(days=50))
            got.add(fn(STORY, spec, random.Random(i)).hard_negative_of)
        assert negs <= got, (doc_type, negs - got)


def _check(doc, doc_type: str, name: str, spec: DocSpec) -> None:
    assert doc.doc_type == doc_type
    assert doc.template == name
    assert doc.kind in KINDS
    assert doc.text.strip()
    assert doc.date == spec.date
    assert set(doc.fields) <= set(FIELD_KEYS), set(doc.fields) - set(FIELD_KEYS)
    if doc.kind == "email":
        assert {"From", "To", "Subject", "Date"} <= set(doc.email_headers)
        assert all(doc.email_headers[k] for k in ("From", "To", "Subject", "Date"))
    if doc.hard_negative_of:
        assert doc.hard_negative_of in REGISTRY and doc.hard_negative_of != doc_type
    full = doc.text + "\n" + "\n".join(doc.email_headers.values())
    low = full.lower()
    for key in STR_FIELDS:
        if key in doc.fields:
            val = doc.fields[key]
            assert isinstance(val, str) and val, (key, val)
            if key in PERSON_FIELDS:  # "First Last" may be written "LAST, First"
                ok = all(tok in low for tok in val.lower().split())
            else:
                ok = val.lower() in low
            assert ok, f"{name}: field {key}={val!r} not stated in text"
    for key in DATE_FIELDS + ("doc_date",):
        if key in doc.fields:
            val = doc.fields[key]
            assert isinstance(val, dt.date), (key, val)
            if key != "doc_date":
                assert any(fmt_date(val, style=s) in full for s in range(9)), (
                    f"{name}: field {key}={val} not stated in text")
    if "capacity" in doc.fields:
        assert doc.fields["capacity"] in CAPACITIES
    if "decision" in doc.fields:
        assert doc.fields["decision"] in DECISIONS


@pytest.mark.parametrize("doc_type,name,fn", ALL, ids=[n for _, n, _ in ALL])
def test_template_wellformed_and_varied(doc_type: str, name: str, fn) -> None:
    texts = set()
    abouts = _abouts()
    for seed in range(20):
        day = STORY.injury.date + dt.timedelta(days=3 + seed * 7)
        for about in (None, abouts[seed % len(abouts)]):
            spec = DocSpec(doc_type, day, about)
            doc = fn(STORY, spec, random.Random(seed))
            _check(doc, doc_type, name, spec)
            texts.add(doc.text)
            again = fn(STORY, spec, random.Random(seed))
            assert again == doc, "not deterministic by seed"
    assert len(texts) > 1, f"{name}: all outputs identical"


@pytest.mark.parametrize("doc_type,name,fn", ALL, ids=[n for _, n, _ in ALL])
def test_template_early_date(doc_type: str, name: str, fn) -> None:
    """Robust when the document date is the injury date itself."""
    spec = DocSpec(doc_type, STORY.injury.date)
    doc = fn(STORY, spec, random.Random(1))
    _check(doc, doc_type, name, spec)
