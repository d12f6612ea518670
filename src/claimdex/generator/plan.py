"""Plan the documents of one claim file: :func:`plan_claim` returns dated :class:`DocSpec`s.

Conventions for ``DocSpec.about`` (beyond those in :mod:`claimdex.generator.model`):

- ``certificate_of_capacity``: the :class:`Certificate`; ``liability_notice``: the
  :class:`Decision`; ``handover_note``: ``(old, new)`` :class:`CaseManagerStint`s.
- ``ime_report``: the examination date (``datetime.date``); the report is dated later.
- ``correspondence``: ``None``, a :class:`Certificate` (letter about that certificate),
  ``(old, new)`` stints (new-case-manager letter) or a ``datetime.date`` (IME appointment
  letter; the date is the appointment).
- ``file_note``: ``None`` or a :class:`Certificate`.
- ``invoice``: the billing :class:`Person` (physio, GP, specialist, rehab consultant,
  investigator, solicitor) or a ``datetime.date`` (IME fee; the examination date).
- ``medical_report`` / ``treatment_request``: the author :class:`Person`.
- anything else: ``None``.

``omit`` flags (see :data:`OMIT_FLAGS`) leave records out on purpose; omitting a type drops
every document of that type. :func:`applicable_omissions` tells which flags make sense for a
story (``handover_note`` needs two case managers, ``coc_gap`` three certificates, ...).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from claimdex.generator.model import Certificate, ClaimStory, DocSpec
from claimdex.generator.story import claim_end, injury_severity, significant_injury

DAY = dt.timedelta(days=1)

OMIT_FLAGS: tuple[str, ...] = (
    "consent_form",
    "handover_note",
    "injury_management_plan",
    "claim_form",
    "liability_notice",
    "late_consent",
    "coc_gap",
    "late_liability",
)

# Tie-break order for documents dated the same day.
_ORDER = (
    "injury_notification", "claim_form", "consent_form", "certificate_of_capacity",
    "wage_information", "liability_notice", "injury_management_plan", "medical_report",
    "treatment_request", "ime_report", "investigation_report", "rehab_report",
    "handover_note", "correspondence", "file_note", "invoice", "legal_document",
)
_OPTIONAL = ("file_note", "correspondence", "invoice")

MIN_DOCS = 15
MAX_DOCS = 45


def _between(rng: random.Random, lo: dt.date, hi: dt.date) -> dt.date:
    if hi <= lo:
        return lo
    return lo + rng.randint(0, (hi - lo).days) * DAY


def gap_candidates(certs: tuple[Certificate, ...]) -> list[int]:
    """Indexes of middle certificates whose removal leaves uncovered days."""
    out = []
    for i in range(1, len(certs) - 1):
        if certs[i + 1].date_from > certs[i - 1].date_to + DAY:
            out.append(i)
    return out


def applicable_omissions(story: ClaimStory) -> tuple[str, ...]:
    """The omit flags that produce a real problem for this story."""
    out = ["consent_form", "claim_form", "liability_notice", "late_consent", "late_liability"]
    if len(story.case_managers) > 1:
        out.append("handover_note")
    if significant_injury(story):
        out.append("injury_management_plan")
    if gap_candidates(story.certificates):
        out.append("coc_gap")
    return tuple(f for f in OMIT_FLAGS if f in out)


class _Planner:
    """Builds the spec list of one claim step by step (keeps each step small)."""

    def __init__(self, story: ClaimStory, rng: random.Random, omit: frozenset[str],
                 force: frozenset[str]) -> None:
        self.story, self.rng, self.omit, self.force = story, rng, omit, force
        self.inj = story.injury
        self.notif = story.notification_date
        self.end = claim_end(story)
        self.severity = injury_severity(story)
        self.disputed = next((d for d in story.decisions if d.kind == "disputed"), None)
        self.specs: list[DocSpec] = []
        self.specialist_day: dt.date | None = None

    def add(self, doc_type: str, day: dt.date, about: object = None) -> None:
        self.specs.append(DocSpec(doc_type, max(day, self.inj.date), about))

    def lodgement(self) -> None:
        rng, notif = self.rng, self.notif
        self.add("injury_notification", notif)
        self.add("claim_form", self.story.claim_lodged)
        self.add("wage_information", notif + rng.randint(1, 21) * DAY)
        if rng.random() < 0.3:
            self.add("wage_information", notif + rng.randint(22, 70) * DAY)

    def certificates_and_decisions(self) -> None:
        for cert in self.story.certificates:
            self.add("certificate_of_capacity", cert.issued, cert)
        decisions = list(self.story.decisions)
        if "late_liability" in self.omit and decisions[0].date <= self.notif + 7 * DAY:
            late = self.notif + self.rng.randint(8, 20) * DAY
            if len(decisions) > 1:
                late = min(late, decisions[1].date - DAY)
            if late > self.notif + 7 * DAY:
                decisions[0] = dataclasses.replace(decisions[0], date=late)
        for dec in decisions:
            self.add("liability_notice", dec.date, dec)

    def case_manager_changes(self) -> None:
        stints = self.story.case_managers
        for old, new in zip(stints, stints[1:], strict=False):
            self.add("handover_note", new.start + self.rng.randint(0, 5) * DAY, (old, new))
            if self.rng.random() < 0.5:
                self.add("correspondence", new.start + self.rng.randint(0, 7) * DAY, (old, new))

    def injury_management(self) -> None:
        if not significant_injury(self.story):
            return
        rng, notif, end = self.rng, self.notif, self.end
        self.add("injury_management_plan", notif + rng.randint(3, 21) * DAY)
        if (end - notif).days > 90 and rng.random() < 0.4:
            self.add("injury_management_plan", notif + rng.randint(60, (end - notif).days) * DAY)

    def medical(self) -> None:
        rng, story, inj, notif, end = self.rng, self.story, self.inj, self.notif, self.end
        serious = self.severity in ("severe", "psych")
        self.add("medical_report", _between(rng, notif + 14 * DAY, min(end, notif + 60 * DAY)),
                 story.treating_doctor)
        if serious or rng.random() < 0.35:
            day = _between(rng, inj.date + 21 * DAY, min(end, inj.date + 120 * DAY))
            self.specialist_day = day
            self.add("medical_report", day, story.specialist)
            if serious and rng.random() < 0.6:
                self.add("treatment_request", day + rng.randint(3, 20) * DAY, story.specialist)
        if rng.random() < 0.3 and (end - notif).days > 100:
            self.add("medical_report", _between(rng, notif + 80 * DAY, end), story.treating_doctor)
        self.add("treatment_request", inj.date + rng.randint(5, 30) * DAY, story.physio)
        span = (end - inj.date).days
        if span > 60 and rng.random() < 0.5:
            self.add("treatment_request", inj.date + rng.randint(40, span) * DAY, story.physio)

    def checks_and_consent(self) -> None:
        """IME and factual investigation, then the consent form (late when asked)."""
        rng, inj, notif, end, disputed = self.rng, self.inj, self.notif, self.end, self.disputed
        late = "late_consent" in self.omit
        consent_day = max(notif, self.story.claim_lodged
                          + rng.choice((-2, -1, 0, 0, 0, 1, 2, 3, 5)) * DAY)
        want_ime = "ime_report" in self.force or rng.random() < (
            0.2 + 0.25 * (disputed is not None) + 0.15 * (self.severity in ("severe", "psych")))
        want_inv = "investigation_report" in self.force or rng.random() < (
            0.3 if (disputed is not None or inj.psychological) else 0.08)
        if late and not (want_ime or want_inv):
            want_ime = True
        reports: list[dt.date] = []
        earliest = notif + 10 * DAY if late else consent_day + 7 * DAY
        if want_ime:
            hi = end - 20 * DAY
            if disputed is not None and disputed.date - 25 * DAY > earliest:
                hi = disputed.date - 25 * DAY
            lo = max(earliest, inj.date + 35 * DAY)
            exam = max(_between(rng, lo, max(hi, lo)), earliest)
            while exam.weekday() >= 5:
                exam += DAY
            self.add("correspondence", max(notif, exam - rng.randint(14, 28) * DAY), exam)
            report_day = exam + rng.randint(5, 21) * DAY
            self.add("ime_report", report_day, exam)
            self.add("invoice", report_day + rng.randint(0, 10) * DAY, exam)
            reports.append(report_day)
        if want_inv:
            lo = max(earliest, notif + 10 * DAY)
            hi = disputed.date - 3 * DAY if disputed is not None else notif + 70 * DAY
            inv_day = _between(rng, lo, max(lo, hi))
            self.add("investigation_report", inv_day)
            self.add("invoice", inv_day + rng.randint(3, 20) * DAY, self.story.investigator)
            reports.append(inv_day)
        if late and reports:
            consent_day = min(reports) + rng.randint(1, 14) * DAY
        self.add("consent_form", consent_day)

    def rehab_and_legal(self) -> None:
        rng, story, notif, end, disputed = self.rng, self.story, self.notif, self.end, self.disputed
        suitable = [c for c in story.certificates if c.capacity == "suitable_duties"]
        if "rehab_report" in self.force or (suitable and rng.random() < 0.4):
            base = suitable[0].date_from if suitable else notif + 21 * DAY
            day = base + rng.randint(0, 14) * DAY
            self.add("rehab_report", day)
            self.add("invoice", day + rng.randint(5, 25) * DAY, story.rehab_consultant)
            if rng.random() < 0.4:
                self.add("rehab_report", _between(rng, day + 28 * DAY, end))
        if "legal_document" in self.force or rng.random() < (0.6 if disputed else 0.06):
            base = disputed.date if disputed is not None else notif + 30 * DAY
            day = base + rng.randint(10, 90) * DAY
            self.add("legal_document", day)
            if rng.random() < 0.3:
                self.add("legal_document", day + rng.randint(14, 60) * DAY)
            if rng.random() < 0.3:
                self.add("invoice", day + rng.randint(20, 60) * DAY, story.solicitor)

    def paperwork(self) -> None:
        """File notes, letters and invoices spread over the life of the claim."""
        rng, story, notif, end = self.rng, self.story, self.notif, self.end
        certs = story.certificates
        length = max(30, (end - notif).days)
        for _ in range(min(8, 2 + length // 45 + rng.randint(0, 2))):
            if rng.random() < 0.35:
                cert = rng.choice(certs)
                self.add("file_note", cert.issued + rng.randint(0, 4) * DAY, cert)
            else:
                self.add("file_note", _between(rng, notif, end))
        for _ in range(1 + min(4, length // 60 + rng.randint(0, 2))):
            if rng.random() < 0.25:
                cert = rng.choice(certs)
                self.add("correspondence", cert.issued + rng.randint(1, 5) * DAY, cert)
            else:
                self.add("correspondence", _between(rng, notif, end))
        providers = [story.physio, story.physio, story.treating_doctor]
        if self.specialist_day is not None:
            providers.append(story.specialist)
        for _ in range(1 + min(3, length // 50 + rng.randint(0, 1))):
            who = rng.choice(providers)
            lo = self.specialist_day if who is story.specialist and self.specialist_day \
                else self.inj.date + 7 * DAY
            self.add("invoice", _between(rng, lo, end), who)

    def omissions(self) -> None:
        dropped_types = {f for f in self.omit if f in _TYPE_FLAGS}
        self.specs = [s for s in self.specs if s.doc_type not in dropped_types]
        if "coc_gap" in self.omit:
            candidates = gap_candidates(self.story.certificates)
            if candidates:
                gone = self.story.certificates[self.rng.choice(candidates)]
                self.specs = [s for s in self.specs
                              if not (s.doc_type == "certificate_of_capacity" and s.about is gone)]

    def fit_size(self) -> None:
        while len(self.specs) < MIN_DOCS:
            self.specs.append(file_note_fill(self.story, self.rng, self.notif, self.end))
        while len(self.specs) > MAX_DOCS:
            removable = [i for i, s in enumerate(self.specs)
                         if s.doc_type in _OPTIONAL and not isinstance(s.about, dt.date | tuple)]
            if not removable:
                break
            self.specs.pop(self.rng.choice(removable))


_TYPE_FLAGS = ("consent_form", "handover_note", "injury_management_plan", "claim_form",
               "liability_notice")


def plan_claim(story: ClaimStory, rng: random.Random, omit: frozenset[str] = frozenset(),
               *, force: frozenset[str] = frozenset()) -> list[DocSpec]:
    """The documents of one coherent claim file, in date order.

    ``omit``: flags from :data:`OMIT_FLAGS`; flags that do not apply to the story (see
    :func:`applicable_omissions`) are ignored. ``force``: optional document types to include
    for sure (``ime_report``, ``rehab_report``, ``investigation_report``, ``legal_document``).
    """
    unknown = sorted(set(omit) - set(OMIT_FLAGS))
    if unknown:
        raise ValueError(f"unknown omit flags: {unknown}")
    planner = _Planner(story, rng, frozenset(omit), frozenset(force))
    planner.lodgement()
    planner.certificates_and_decisions()
    planner.case_manager_changes()
    planner.injury_management()
    planner.medical()
    planner.checks_and_consent()
    planner.rehab_and_legal()
    planner.paperwork()
    planner.omissions()
    planner.fit_size()
    return sorted(planner.specs, key=lambda s: (s.date, _ORDER.index(s.doc_type)))


def file_note_fill(story: ClaimStory, rng: random.Random, lo: dt.date, hi: dt.date) -> DocSpec:
    """A filler document (file note, correspondence or invoice) to reach the minimum size."""
    kind = rng.choice(_OPTIONAL)
    day = _between(rng, lo, hi)
    about: object = None
    if kind == "invoice":
        about = rng.choice((story.physio, story.treating_doctor))
    return DocSpec(kind, max(day, story.injury.date), about)
