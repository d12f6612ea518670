"""Smoke tests for the international templates (US, UK, NZ, Canada) in
``claimdex.generator.templates.international``: every document type has at least three of
them, and every one is well formed, varied and deterministic over many stories."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re

import pytest

import claimdex.generator.templates.international as intl
from claimdex.generator.common import example_story, fmt_date
from claimdex.generator.model import (
    CAPACITIES,
    DECISIONS,
    DOC_TYPES,
    FIELD_KEYS,
    REGISTRY,
    CaseManagerStint,
    Certificate,
    Decision,
    Doc,
    DocSpec,
    Person,
)
from claimdex.generator.story import make_story

KINDS = {"form", "letter", "email", "note", "report"}
PREFIXES = ("us_", "uk_", "nz_", "ca_", "ie_", "sg_")
PERSON_FIELDS = ("worker", "author", "case_manager", "examiner", "handover_from", "handover_to")
TEXT_FIELDS = ("claim_number", "employer", "body_part")
DATE_FIELDS = ("doc_date", "injury_date", "notification_date", "cert_from", "cert_to",
               "exam_date")
# g1 types: the g1 tests require their hard negatives to be exactly their own set.
NO_HARD_NEGATIVE = ("certificate_of_capacity", "ime_report", "consent_form", "handover_note",
                    "claim_form", "injury_notification")
_NONE_RE = re.compile(r"(:\s*None\s*$)|(\|\s*None\s*\|)|(\bNone\b\s*\()|(\(None\))")
STORY = example_story()


def _intl_templates(doc_type: str):
    return [(name, fn) for name, fn in REGISTRY[doc_type] if fn.__module__ == intl.__name__]


ALL = [(t, name, fn) for t in DOC_TYPES for name, fn in _intl_templates(t)]


def _abouts(doc_type: str, story) -> list[object]:
    """``about`` values the planner uses for ``doc_type`` (always including None)."""
    day = story.injury.date + dt.timedelta(days=30)
    cms = story.case_managers
    pair = (cms[0], cms[-1]) if len(cms) > 1 else None
    people = [story.physio, story.treating_doctor, story.specialist]
    out: list[object] = [None]
    if doc_type == "certificate_of_capacity":
        out += list(story.certificates)
    elif doc_type == "liability_notice":
        out += list(story.decisions) + [Decision(day, k, 0.0 if k == "disputed" else 900.0)
                                        for k in DECISIONS]
    elif doc_type == "handover_note" and pair:
        out.append(pair)
    elif doc_type == "ime_report":
        out.append(day)
    elif doc_type == "correspondence":
        out += [c for c in story.certificates[:1]] + [day] + ([pair] if pair else [])
    elif doc_type == "file_note":
        out += list(story.certificates[:2])
    elif doc_type == "invoice":
        out += people + [story.rehab_consultant, story.investigator, story.solicitor, day]
    elif doc_type in ("medical_report", "treatment_request"):
        out += people
    return out


def _odd_abouts(story) -> list[object]:
    """``about`` values of the wrong kind: templates must not break on them."""
    cms = story.case_managers
    return [story.certificates[0] if story.certificates else None,
            story.decisions[0] if story.decisions else None, (cms[0], cms[-1]),
            story.injury.date, story.worker]


def _date_forms(day: dt.date) -> set[str]:
    return {fmt_date(day, style=k) for k in range(9)}


def _check(doc: Doc, doc_type: str, name: str, spec: DocSpec, story) -> None:
    assert isinstance(doc, Doc)
    assert doc.doc_type == doc_type
    assert doc.template == name
    assert doc.kind in KINDS
    assert doc.text.strip()
    assert doc.date == spec.date
    assert set(doc.fields) <= set(FIELD_KEYS), set(doc.fields) - set(FIELD_KEYS)
    if doc.kind == "email":
        for key in ("From", "To", "Subject", "Date"):
            assert doc.email_headers.get(key), key
    if doc.hard_negative_of:
        assert doc.hard_negative_of in DOC_TYPES and doc.hard_negative_of != doc_type
        assert doc_type not in NO_HARD_NEGATIVE
    full = doc.text + "\n" + "\n".join(doc.email_headers.values())
    low = full.lower()
    for line in doc.text.splitlines():
        assert not _NONE_RE.search(line), (name, line)
        assert "{" not in line and "}" not in line, (name, line)
    if "worker" in doc.fields:
        assert doc.fields["worker"] == story.worker.name
    if "capacity" in doc.fields:
        assert doc.fields["capacity"] in CAPACITIES
    if "decision" in doc.fields:
        assert doc.fields["decision"] in DECISIONS
    for key in PERSON_FIELDS:
        if key in doc.fields:
            value = doc.fields[key]
            assert isinstance(value, str) and value
            assert all(tok in low for tok in value.lower().split()), (name, key, value)
    for key in TEXT_FIELDS:
        if key in doc.fields:
            value = doc.fields[key]
            assert isinstance(value, str) and value.lower() in low, (name, key, value)
    for key in DATE_FIELDS:
        if key in doc.fields:
            value = doc.fields[key]
            assert isinstance(value, dt.date), (key, value)
            assert any(f in full for f in _date_forms(value)), (name, key, value)


def test_module_registers_all_types() -> None:
    assert intl.__name__ == "claimdex.generator.templates.international"
    for doc_type in DOC_TYPES:
        names = [n for n, _ in _intl_templates(doc_type)]
        assert len(names) >= 3, (doc_type, names)
        for n in names:
            assert n.startswith(doc_type + "/"), n
            assert n.split("/", 1)[1].startswith(PREFIXES), n
    assert len(ALL) >= 51


@pytest.mark.parametrize("doc_type,name,fn", ALL, ids=[n for _, n, _ in ALL])
def test_example_story(doc_type: str, name: str, fn) -> None:
    texts = set()
    for seed in range(20):
        day = STORY.injury.date + dt.timedelta(days=5 + seed * 6)
        for about in _abouts(doc_type, STORY):
            spec = DocSpec(doc_type, day, about)
            doc = fn(STORY, spec, random.Random(seed))
            _check(doc, doc_type, name, spec, STORY)
            if about is None:
                texts.add(doc.text)
    assert len(texts) > 1, f"{name}: identical output for 20 seeds"


@pytest.mark.parametrize("doc_type,name,fn", ALL, ids=[n for _, n, _ in ALL])
def test_random_stories(doc_type: str, name: str, fn) -> None:
    texts = set()
    for seed in range(20):
        story = make_story(random.Random(seed))
        day = story.injury.date + dt.timedelta(days=3 + seed * 9)
        abouts = _abouts(doc_type, story)
        for about in (None, abouts[seed % len(abouts)], _odd_abouts(story)[seed % 5]):
            spec = DocSpec(doc_type, day, about)
            doc = fn(story, spec, random.Random(seed))
            _check(doc, doc_type, name, spec, story)
            texts.add(doc.text)
    assert len(texts) > 1


@pytest.mark.parametrize("doc_type,name,fn", ALL, ids=[n for _, n, _ in ALL])
def test_deterministic_and_early_date(doc_type: str, name: str, fn) -> None:
    spec = DocSpec(doc_type, STORY.injury.date + dt.timedelta(days=33))
    assert fn(STORY, spec, random.Random(42)) == fn(STORY, spec, random.Random(42))
    early = DocSpec(doc_type, STORY.injury.date)
    _check(fn(STORY, early, random.Random(1)), doc_type, name, early, STORY)


def _sparse_story(seed: int):
    """Unusual but legal stories: no certificates/decisions, one case manager, zero pay."""
    base = make_story(random.Random(1000 + seed))
    r = random.Random(seed)
    cm = dataclasses.replace(base.case_managers[0].person, email="", phone="")
    worker = dataclasses.replace(base.worker, title=r.choice(["Mr", "Ms", "Mx", ""]), email="")
    return dataclasses.replace(
        base, worker=worker, certificates=r.choice([(), base.certificates]),
        decisions=r.choice([(), base.decisions]),
        case_managers=(CaseManagerStint(cm, base.injury.date),),
        piawe=r.choice([0.0, 450.0]), hourly_rate=r.choice([0.0, 31.0]),
        ordinary_hours=r.choice([0.0, 20.0]))


@pytest.mark.parametrize("doc_type,name,fn", ALL, ids=[n for _, n, _ in ALL])
def test_sparse_stories(doc_type: str, name: str, fn) -> None:
    for seed in range(8):
        story = _sparse_story(seed)
        for offset in (0, 200):
            spec = DocSpec(doc_type, story.injury.date + dt.timedelta(days=offset))
            doc = fn(story, spec, random.Random(seed))
            _check(doc, doc_type, name, spec, story)
            if doc_type == "handover_note":
                assert "handover_to" not in doc.fields


def test_certificate_fields_follow_about() -> None:
    for name, fn in _intl_templates("certificate_of_capacity"):
        for seed in range(10):
            story = make_story(random.Random(seed))
            for cert in story.certificates:
                doc = fn(story, DocSpec("certificate_of_capacity", cert.issued, cert),
                         random.Random(seed))
                assert doc.fields["capacity"] == cert.capacity, name
                assert doc.fields["cert_from"] == cert.date_from, name


def test_handover_fields_follow_about() -> None:
    old, new = STORY.case_managers[0], STORY.case_managers[1]
    for name, fn in _intl_templates("handover_note"):
        for seed in range(10):
            doc = fn(STORY, DocSpec("handover_note", new.start, (old, new)), random.Random(seed))
            assert doc.fields["handover_from"] == old.person.name, name
            assert doc.fields["handover_to"] == new.person.name, name


def test_liability_decision_follows_about() -> None:
    day = STORY.injury.date + dt.timedelta(days=20)
    for name, fn in _intl_templates("liability_notice"):
        for kind in DECISIONS:
            doc = fn(STORY, DocSpec("liability_notice", day, Decision(day, kind, 800.0)),
                     random.Random(3))
            assert doc.fields.get("decision") == kind, (name, kind)


def test_us_documents_write_month_first() -> None:
    """A US document never writes a day-first numeric date for the injury date."""
    story = dataclasses.replace(STORY, injury=dataclasses.replace(
        STORY.injury, date=dt.date(2024, 4, 23)))
    seen_us = False
    for doc_type, name, fn in ALL:
        if "/us_" not in name:
            continue
        for seed in range(5):
            doc = fn(story, DocSpec(doc_type, dt.date(2024, 6, 20)), random.Random(seed))
            assert "23/04/2024" not in doc.text and "23/4/2024" not in doc.text, name
            seen_us = seen_us or "04/23/2024" in doc.text or "April 23, 2024" in doc.text
    assert seen_us


def test_wrong_about_types_do_not_break() -> None:
    people = [STORY.worker, STORY.investigator]
    certs: list[object] = [Certificate(STORY.injury.date, STORY.injury.date,
                                       STORY.injury.date + dt.timedelta(days=6), "none", 0, 0,
                                       (), STORY.treating_doctor, True)]
    extra: list[object] = [*people, *certs, "text", 3, Person("Dr", "A", "B")]
    for doc_type, name, fn in ALL:
        for i, about in enumerate(extra):
            spec = DocSpec(doc_type, STORY.injury.date + dt.timedelta(days=40), about)
            _check(fn(STORY, spec, random.Random(i)), doc_type, name, spec, STORY)
