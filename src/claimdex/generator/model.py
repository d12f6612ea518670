"""The data contract of the sample corpus generator.

A *story* is one coherent claim (people, dates, injury, certificates, decisions).
A *template* turns the story plus a :class:`DocSpec` into a :class:`Doc`: the text of one
document in a tiny markup that every renderer understands, plus the ground-truth fields.

Markup understood by the renderers (one construct per line):

- ``# Title`` and ``## Section``: headings.
- ``[x] label`` / ``[ ] label``: ticked and unticked boxes.
- ``| a | b | c |``: table rows; consecutive rows form one table.
- ``---``: a horizontal rule.
- an empty line: paragraph break; any other line is text and wraps.

Dates inside templates are always formatted by the template (Australian day-first by
default, varied on purpose); fields carry ``datetime.date`` values.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field

DOC_TYPES: tuple[str, ...] = (
    "certificate_of_capacity",
    "ime_report",
    "consent_form",
    "handover_note",
    "claim_form",
    "injury_notification",
    "injury_management_plan",
    "liability_notice",
    "wage_information",
    "medical_report",
    "treatment_request",
    "rehab_report",
    "investigation_report",
    "file_note",
    "correspondence",
    "invoice",
    "legal_document",
)

CAPACITIES = ("none", "suitable_duties", "pre_injury_duties")
DECISIONS = ("provisional", "accepted", "reasonable_excuse", "disputed", "work_capacity")


@dataclass(frozen=True, slots=True)
class Person:
    title: str  # "Mr", "Ms", "Dr", ...
    first: str
    last: str
    role: str = ""  # "GP", "Orthopaedic surgeon", "Case manager", ...
    phone: str = ""
    email: str = ""
    qualifications: str = ""  # "MBBS FRACGP"
    provider_number: str = ""

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def formal(self) -> str:
        return f"{self.title} {self.first} {self.last}".strip()


@dataclass(frozen=True, slots=True)
class Org:
    name: str
    address: str  # one line, e.g. "12 Smith St, Parramatta NSW 2150"
    phone: str = ""
    abn: str = ""
    email_domain: str = ""


@dataclass(frozen=True, slots=True)
class Scheme:
    code: str  # "NSW", "VIC", "QLD", "SA", "WA", "COMCARE", "TAS", "NT"
    state: str  # "NSW", "VIC", ... ("ACT" for Comcare)
    regulator: str  # "SIRA", "WorkSafe Victoria", ...
    act: str  # "Workers Compensation Act 1987", ...
    certificate_name: str  # "Certificate of Capacity", "Work Capacity Certificate", ...
    claim_form_name: str
    earnings_term: str  # "PIAWE", "PIAWE", "NWE", "AWE", "normal weekly earnings"


@dataclass(frozen=True, slots=True)
class Injury:
    date: dt.date
    time: str  # "10:30 am"
    body_part: str  # "lower back", "right shoulder", ...
    nature: str  # "sprain/strain", "fracture", "adjustment disorder", ...
    mechanism: str  # one sentence: how it happened
    location: str  # where it happened
    psychological: bool
    diagnosis: str  # clinical wording, e.g. "L4/5 disc protrusion"


@dataclass(frozen=True, slots=True)
class Certificate:
    issued: dt.date
    date_from: dt.date
    date_to: dt.date
    capacity: str  # one of CAPACITIES
    hours_per_day: int  # 0 when no capacity
    days_per_week: int
    restrictions: tuple[str, ...]  # "no lifting > 5 kg", ...
    doctor: Person
    first: bool  # the initial certificate?


@dataclass(frozen=True, slots=True)
class CaseManagerStint:
    person: Person
    start: dt.date  # first day this case manager holds the claim


@dataclass(frozen=True, slots=True)
class Decision:
    date: dt.date
    kind: str  # one of DECISIONS
    weekly_amount: float = 0.0


@dataclass(frozen=True, slots=True)
class ClaimStory:
    """Everything true about one claim. Templates read it; they never change it."""

    claim_number: str
    scheme: Scheme
    insurer: Org
    worker: Person
    worker_dob: dt.date
    worker_address: str
    worker_occupation: str
    employer: Org
    employer_contact: Person  # supervisor / RTW coordinator
    injury: Injury
    notification_date: dt.date  # employer notified the insurer
    claim_lodged: dt.date  # worker's claim form received
    case_managers: tuple[CaseManagerStint, ...]  # in order; at least one
    treating_doctor: Person  # nominated treating doctor (GP)
    practice: Org
    specialist: Person
    specialist_practice: Org
    physio: Person
    physio_practice: Org
    ime_examiner: Person
    ime_practice: Org
    rehab_consultant: Person
    rehab_provider: Org
    investigator: Person
    investigation_firm: Org
    solicitor: Person
    law_firm: Org
    certificates: tuple[Certificate, ...]  # in date order
    decisions: tuple[Decision, ...]  # in date order
    piawe: float  # weekly pre-injury earnings, AUD
    hourly_rate: float
    ordinary_hours: float

    def case_manager_on(self, day: dt.date) -> Person:
        """The case manager holding the claim on ``day``."""
        current = self.case_managers[0].person
        for stint in self.case_managers:
            if stint.start <= day:
                current = stint.person
        return current


@dataclass(frozen=True, slots=True)
class DocSpec:
    """What to write: the type, the document date and the story element it is about.

    ``about`` carries the element a template needs, e.g. the :class:`Certificate` for a
    certificate of capacity, the :class:`Decision` for a liability notice, the pair
    ``(old, new)`` of :class:`CaseManagerStint` for a handover note, or ``None``.
    """

    doc_type: str
    date: dt.date
    about: object = None


@dataclass(frozen=True, slots=True)
class Doc:
    """One rendered-to-text document and its ground truth."""

    doc_type: str
    template: str  # "<doc_type>/<variant>", unique across the registry
    kind: str  # "form" | "letter" | "email" | "note" | "report"
    text: str  # markup described in the module docstring
    date: dt.date  # the document's own date
    fields: dict[str, object] = field(default_factory=dict)
    # For kind == "email": From, To, Subject, Date header values (text is the body).
    email_headers: dict[str, str] = field(default_factory=dict)
    hard_negative_of: str = ""  # the type this document is designed to be confused with


# Field keys that templates fill when the document states them (values in brackets):
FIELD_KEYS = (
    "doc_date",  # date
    "claim_number",  # str
    "worker",  # str, "First Last"
    "employer",  # str
    "author",  # str, the person who wrote/signed it
    "case_manager",  # str, insurer documents
    "injury_date",  # date
    "notification_date",  # date
    "cert_from",  # date, certificates
    "cert_to",  # date
    "capacity",  # one of CAPACITIES
    "decision",  # one of DECISIONS, liability notices
    "handover_from",  # str, handover notes
    "handover_to",  # str
    "exam_date",  # date, IME reports
    "examiner",  # str
    "body_part",  # str
)

Template = Callable[[ClaimStory, DocSpec, random.Random], Doc]

REGISTRY: dict[str, list[tuple[str, Template]]] = {t: [] for t in DOC_TYPES}


def template(doc_type: str, variant: str) -> Callable[[Template], Template]:
    """Register a template: ``@template("invoice", "physio_tax_invoice")``."""
    if doc_type not in REGISTRY:
        raise ValueError(f"unknown document type {doc_type!r}")

    def register(fn: Template) -> Template:
        name = f"{doc_type}/{variant}"
        if any(existing == name for existing, _ in REGISTRY[doc_type]):
            raise ValueError(f"template {name} registered twice")
        REGISTRY[doc_type].append((name, fn))
        return fn

    return register
