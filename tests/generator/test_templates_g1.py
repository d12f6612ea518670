"""Smoke tests for group g1 templates (certificate, IME, consent, handover, claim, notice)."""

from __future__ import annotations

import datetime as dt
import random

import pytest

import claimdex.generator.templates.certificate_of_capacity  # noqa: F401
import claimdex.generator.templates.claim_form  # noqa: F401
import claimdex.generator.templates.consent_form  # noqa: F401
import claimdex.generator.templates.handover_note  # noqa: F401
import claimdex.generator.templates.ime_report  # noqa: F401
import claimdex.generator.templates.injury_notification  # noqa: F401
from claimdex.generator.common import example_story
from claimdex.generator.model import (
    DOC_TYPES,
    FIELD_KEYS,
    REGISTRY,
    CaseManagerStint,
    Certificate,
    Doc,
    DocSpec,
)

G1_TYPES = (
    "certificate_of_capacity",
    "ime_report",
    "consent_form",
    "handover_note",
    "claim_form",
    "injury_notification",
)
KINDS = {"form", "letter", "email", "note", "report"}
HARD_NEGATIVES = {
    ("claim_form", "consent_form"),
    ("injury_notification", "claim_form"),
    ("ime_report", "medical_report"),
    ("handover_note", "file_note"),
    ("certificate_of_capacity", "medical_report"),
}
STORY = example_story()


def _specs(doc_type: str) -> list[DocSpec]:
    """Specs with ``about`` unset and set to each relevant story element."""
    day = STORY.injury.date + dt.timedelta(days=30)
    specs = [DocSpec(doc_type, day, None)]
    if doc_type == "certificate_of_capacity":
        specs += [DocSpec(doc_type, c.issued, c) for c in STORY.certificates]
        specs.append(DocSpec(doc_type, day, Certificate(
            day, day, day + dt.timedelta(days=20), "pre_injury_duties", 0, 0, (),
            STORY.treating_doctor, False)))
    elif doc_type == "handover_note":
        old, new = STORY.case_managers[0], STORY.case_managers[1]
        specs.append(DocSpec(doc_type, new.start - dt.timedelta(days=1), (old, new)))
    return specs


def _templates():
    for doc_type in G1_TYPES:
        for name, fn in REGISTRY[doc_type]:
            yield doc_type, name, fn


@pytest.mark.parametrize("doc_type", G1_TYPES)
def test_at_least_nine_templates(doc_type: str) -> None:
    names = [n for n, _ in REGISTRY[doc_type]]
    assert len(names) >= 9, names
    assert all(n.startswith(doc_type + "/") for n in names)


@pytest.mark.parametrize("doc_type,name,fn", list(_templates()), ids=lambda v: str(v))
def test_template_well_formed_and_varied(doc_type, name, fn) -> None:
    for spec in _specs(doc_type):
        texts = set()
        for seed in range(20):
            doc = fn(STORY, spec, random.Random(seed))
            assert isinstance(doc, Doc)
            assert doc.doc_type == doc_type
            assert doc.template == name
            assert doc.text.strip()
            assert doc.kind in KINDS
            assert doc.date == spec.date
            assert set(doc.fields) <= set(FIELD_KEYS), set(doc.fields) - set(FIELD_KEYS)
            if doc.kind == "email":
                for key in ("From", "To", "Subject", "Date"):
                    assert doc.email_headers.get(key), key
            if doc.hard_negative_of:
                assert doc.hard_negative_of in DOC_TYPES
                assert (doc_type, doc.hard_negative_of) in HARD_NEGATIVES
            if "worker" in doc.fields:
                assert doc.fields["worker"] == STORY.worker.name
            if "capacity" in doc.fields:
                assert doc.fields["capacity"] in ("none", "suitable_duties", "pre_injury_duties")
            texts.add(doc.text)
        assert len(texts) > 1, f"{name} produced identical output for 20 seeds"


@pytest.mark.parametrize("doc_type,name,fn", list(_templates()), ids=lambda v: str(v))
def test_deterministic(doc_type, name, fn) -> None:
    spec = _specs(doc_type)[-1]
    a = fn(STORY, spec, random.Random(42))
    b = fn(STORY, spec, random.Random(42))
    assert a == b


def test_hard_negatives_present() -> None:
    found = set()
    for doc_type, _name, fn in _templates():
        spec = _specs(doc_type)[-1]
        doc = fn(STORY, spec, random.Random(0))
        if doc.hard_negative_of:
            found.add((doc_type, doc.hard_negative_of))
    assert found == HARD_NEGATIVES


def test_certificate_fields_follow_about() -> None:
    for _name, fn in REGISTRY["certificate_of_capacity"]:
        for cert in STORY.certificates:
            doc = fn(STORY, DocSpec("certificate_of_capacity", cert.issued, cert),
                     random.Random(1))
            assert doc.fields["capacity"] == cert.capacity
            assert doc.fields["cert_from"] == cert.date_from


def test_handover_fields_follow_about() -> None:
    old, new = STORY.case_managers[0], STORY.case_managers[1]
    spec = DocSpec("handover_note", new.start, (old, new))
    for _name, fn in REGISTRY["handover_note"]:
        doc = fn(STORY, spec, random.Random(3))
        assert doc.fields["handover_from"] == old.person.name
        assert doc.fields["handover_to"] == new.person.name
        assert old.person.last.lower() in doc.text.lower() or old.person.first in doc.text


def test_handover_single_case_manager() -> None:
    import dataclasses

    story = dataclasses.replace(STORY, case_managers=STORY.case_managers[:1])
    for _name, fn in REGISTRY["handover_note"]:
        doc = fn(story, DocSpec("handover_note", STORY.injury.date, None), random.Random(2))
        assert "handover_to" not in doc.fields
        assert isinstance(story.case_managers[0], CaseManagerStint)


@pytest.mark.parametrize("doc_type,name,fn", list(_templates()), ids=lambda v: str(v))
def test_string_fields_are_stated(doc_type, name, fn) -> None:
    """Claim numbers and people named in fields must appear in the document."""
    for spec in _specs(doc_type):
        for seed in range(10):
            doc = fn(STORY, spec, random.Random(seed))
            blob = (doc.text + "\n" + "\n".join(doc.email_headers.values())).lower()
            if "claim_number" in doc.fields:
                assert str(doc.fields["claim_number"]).lower() in blob
            for key in ("worker", "examiner", "handover_from", "handover_to", "employer"):
                if key in doc.fields:
                    words = str(doc.fields[key]).split()
                    last = (words[0] if key == "employer" else words[-1]).lower()
                    assert last in blob, (key, doc.fields[key])


def _date_forms(day: dt.date) -> set[str]:
    from claimdex.generator.common import fmt_date

    forms = {fmt_date(day, style=k).lower() for k in range(9)}
    return forms | {f"{day.day}/{day.month}", f"{day.day}.{day.month}."}


@pytest.mark.parametrize("doc_type,name,fn", list(_templates()), ids=lambda v: str(v))
def test_date_fields_are_stated(doc_type, name, fn) -> None:
    """Every date in the ground truth must be written somewhere in the document."""
    for spec in _specs(doc_type):
        for seed in range(10):
            doc = fn(STORY, spec, random.Random(seed))
            blob = (doc.text + "\n" + "\n".join(doc.email_headers.values())).lower()
            for key, value in doc.fields.items():
                if isinstance(value, dt.date):
                    assert any(f in blob for f in _date_forms(value)), (key, value)
