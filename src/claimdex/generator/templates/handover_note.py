"""Handover note templates: one case manager hands a claim over to another."""

from __future__ import annotations

import datetime as dt
import random

from claimdex.generator.common import date_style, fmt_date, join_lines, money, pick, tick
from claimdex.generator.model import (
    CaseManagerStint,
    Certificate,
    ClaimStory,
    Decision,
    Doc,
    DocSpec,
    Person,
    template,
)

DOC_TYPE = "handover_note"

_DECISION_TEXT = {
    "provisional": ("Provisional liability accepted", "PL accepted", "provisional payments"),
    "accepted": ("Liability accepted", "Liab accepted", "full liability"),
    "reasonable_excuse": ("Reasonable excuse - provisional payments not commenced", "RE issued",
                          "reasonable excuse"),
    "disputed": ("Liability disputed - dispute notice issued", "Liab declined",
                 "liability disputed"),
    "work_capacity": ("Work capacity decision issued", "WCD issued", "work capacity decision"),
}
_CAP_TEXT = {
    "none": ("No current work capacity", "nil capacity", "unfit"),
    "suitable_duties": ("Capacity for suitable duties", "S/D", "suitable duties"),
    "pre_injury_duties": ("Fit for pre-injury duties", "PID", "pre-injury duties"),
}


# ---------------------------------------------------------------- private helpers


def _dater(rng: random.Random):
    style = date_style(rng)
    return lambda d: fmt_date(d, style=style)


def _opt(rng: random.Random, p: float, text: str) -> str | None:
    return text if rng.random() < p else None


def _doc(spec: DocSpec, variant: str, kind: str, lines: list[str | None], fields: dict,
         hard_negative_of: str = "", headers: dict[str, str] | None = None) -> Doc:
    text = join_lines(*lines).strip("\n")
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return Doc(doc_type=DOC_TYPE, template=f"{DOC_TYPE}/{variant}", kind=kind, text=text,
               date=spec.date, fields=fields, email_headers=headers or {},
               hard_negative_of=hard_negative_of)


def _pair(story: ClaimStory, spec: DocSpec) -> tuple[Person, Person | None, dt.date]:
    """(outgoing, incoming or None, transfer date)."""
    about = spec.about
    if (isinstance(about, tuple) and len(about) == 2
            and all(isinstance(s, CaseManagerStint) for s in about)):
        return about[0].person, about[1].person, about[1].start
    stints = story.case_managers
    if len(stints) >= 2:
        best = min(range(1, len(stints)), key=lambda i: abs((stints[i].start - spec.date).days))
        return stints[best - 1].person, stints[best].person, stints[best].start
    return stints[0].person, None, spec.date


def _fields(story: ClaimStory, spec: DocSpec, old: Person, new: Person | None,
            author: Person | None = None, **extra) -> dict[str, object]:
    out: dict[str, object] = {
        "doc_date": spec.date,
        "worker": story.worker.name,
        "handover_from": old.name,
    }
    if new is not None:
        out["handover_to"] = new.name
    if author is not None:
        out["author"] = author.name
    for key, value in extra.items():
        if value is not None and value is not False:
            out[key] = value
    return out


def _lc(text: str) -> str:
    return text[:1].lower() + text[1:]


def _his_pos(title: str) -> str:
    return {"Mr": "his", "Ms": "her", "Mrs": "her", "Miss": "her"}.get(title, "their")


def _new_name(new: Person | None, formal: bool = False) -> str:
    if new is None:
        return "incoming case manager (to be allocated)"
    return new.formal if formal else new.name


def _decision(story: ClaimStory, day: dt.date) -> Decision | None:
    ds = [d for d in story.decisions if d.date <= day]
    return ds[-1] if ds else None


def _cert(story: ClaimStory, day: dt.date) -> Certificate | None:
    cs = [c for c in story.certificates if c.issued <= day]
    return cs[-1] if cs else (story.certificates[0] if story.certificates else None)


def _weeks(story: ClaimStory, day: dt.date) -> int:
    return max(0, (day - story.injury.date).days // 7)


def _liability(story: ClaimStory, day: dt.date, i: int, rng: random.Random, D) -> str:
    d = _decision(story, day)
    if d is None:
        return pick(rng, "Liability not yet determined", "Liab pending - within 7 day window",
                    "Awaiting liability decision")
    text = _DECISION_TEXT.get(d.kind, (d.kind, d.kind, d.kind))[i]
    return f"{text} ({D(d.date)})"


def _capacity(story: ClaimStory, day: dt.date, i: int, D) -> str:
    c = _cert(story, day)
    if c is None:
        return "No certificate on file"
    txt = _CAP_TEXT[c.capacity][i]
    s = f"{txt} {D(c.date_from)} - {D(c.date_to)}"
    if c.capacity == "suitable_duties":
        s += f", {c.hours_per_day}h x {c.days_per_week}d"
    return s


def _treatment(story: ClaimStory, rng: random.Random) -> list[str]:
    if story.injury.psychological:
        items = [f"GP {story.treating_doctor.formal} - reviews fortnightly",
                 "Psychologist - 10 sessions approved, 6 used",
                 "Psychiatrist referral pending",
                 "Medication managed by GP"]
    else:
        items = [f"GP {story.treating_doctor.formal} ({story.practice.name})",
                 f"Physio {story.physio.formal} - {rng.randint(4, 12)} sessions approved",
                 f"Specialist {story.specialist.formal} - "
                 f"{pick(rng, 'review booked', 'surgery not recommended', 'awaiting report')}",
                 pick(rng, "MRI completed", "Imaging request pending approval",
                      "Hydrotherapy/gym program approved")]
    rng.shuffle(items)
    return items[: rng.randint(2, len(items))]


def _actions(story: ClaimStory, spec: DocSpec, rng: random.Random, D) -> list[tuple[str, str]]:
    base = spec.date
    tx = "psychology" if story.injury.psychological else "physio"
    pool = [
        ("Diary IMP review", D(base + dt.timedelta(days=rng.randint(3, 14)))),
        ("Chase updated certificate from GP", D(base + dt.timedelta(days=rng.randint(1, 7)))),
        (f"Approve/decline {tx} request (rec'd last week)", D(base + dt.timedelta(days=2))),
        ("Confirm PIAWE with employer payroll", D(base + dt.timedelta(days=5))),
        ("Book IME - referral letter drafted", D(base + dt.timedelta(days=rng.randint(5, 21)))),
        ("Case conference with GP and rehab provider", D(base + dt.timedelta(days=14))),
        (f"Pay outstanding {tx} invoice", D(base + dt.timedelta(days=3))),
        ("Follow up RTW plan with employer", D(base + dt.timedelta(days=7))),
        ("Respond to solicitor's letter", D(base + dt.timedelta(days=10))),
        ("Step-down review (weekly payments)", D(base + dt.timedelta(days=rng.randint(14, 40)))),
    ]
    rng.shuffle(pool)
    return pool[: rng.randint(3, 6)]


def _rtw_status(story: ClaimStory, day: dt.date, rng: random.Random) -> str:
    cert = _cert(story, day)
    cap = cert.capacity if cert else "none"
    if cap == "none":
        return pick(rng, "Not currently at work - certified unfit.",
                    "Off work; RTW planning on hold until capacity improves.",
                    "No capacity at present. Rehab provider maintaining contact.")
    if cap == "suitable_duties":
        return pick(rng, f"Working suitable duties with {story.employer.name}.",
                    "RTW plan in place; hours upgrading.",
                    f"Graded RTW at {story.employer.name}; duties within restrictions.")
    return pick(rng, "Back at pre-injury duties - monitor for durability.",
                "Full RTW achieved; consider closure once treatment ends.")


def _rtw_terse(story: ClaimStory, day: dt.date, rng: random.Random) -> str:
    cert = _cert(story, day)
    cap = cert.capacity if cert else "none"
    return {
        "none": pick(rng, "not at work", "off work, nil cap", "NTD says unfit - r/v"),
        "suitable_duties": pick(rng, "S/D at PIE", "graded RTW, upgrading hrs",
                                "host placement tbc", "S/D - hrs per CoC"),
        "pre_injury_duties": pick(rng, "back at PID", "full RTW - monitor", "PID, closure soon"),
    }[cap]


def _risks(story: ClaimStory, rng: random.Random) -> list[str]:
    pool = [
        "Worker frustrated with delays - handle contact carefully",
        "Employer has limited suitable duties available",
        "Possible secondary psychological injury flagged by GP",
        "Solicitor on record - all correspondence to be copied",
        "Prior claim for same body part (checked, closed)",
        "Worker has limited English - interpreter for calls",
        "Surveillance requested by previous TL - not yet approved",
        "Durable RTW at risk - extended time off work",
        "Relationship with supervisor strained",
    ]
    rng.shuffle(pool)
    return pool[: rng.randint(1, 4)]


def _stakeholders(story: ClaimStory) -> list[tuple[str, str, str]]:
    return [
        ("Worker", story.worker.name, story.worker.phone or "-"),
        ("Employer contact", f"{story.employer_contact.name} ({story.employer.name})",
         story.employer_contact.phone or story.employer.phone or "-"),
        ("NTD", f"{story.treating_doctor.formal}, {story.practice.name}",
         story.practice.phone or "-"),
        ("Psychologist" if story.injury.psychological else "Physio",
         f"{story.physio.formal}, {story.physio_practice.name}",
         story.physio_practice.phone or "-"),
        ("Rehab", f"{story.rehab_consultant.formal}, {story.rehab_provider.name}",
         story.rehab_provider.phone or "-"),
    ]


# ---------------------------------------------------------------- templates


@template(DOC_TYPE, "structured_template")
def structured_template(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """The insurer's handover template: headed sections, actions and stakeholder tables."""
    D = _dater(rng)
    old, new, when = _pair(story, spec)
    w, inj = story.worker, story.injury
    sections = {
        "liab": ["## Liability", _liability(story, spec.date, 0, rng, D),
                 f"Weekly payments: {money(story.piawe)} {story.scheme.earnings_term}"
                 + pick(rng, " (confirmed)", " - to be reviewed", "")],
        "cap": ["## Current capacity and certification", _capacity(story, spec.date, 0, D),
                _rtw_status(story, spec.date, rng)],
        "tx": ["## Treatment", *[f"- {t}" for t in _treatment(story, rng)]],
        "rtw": ["## Return to work",
                pick(rng, f"Employer ({story.employer_contact.name}) supportive, duties available "
                          "in dispatch office.",
                     "Rehab provider engaged; workplace assessment completed.",
                     "No suitable duties available at present - host placement being explored.")],
    }
    order = list(sections)
    rng.shuffle(order)
    lines: list[str | None] = [
        ("# "
         + pick(rng, "Claim Handover", "Case Manager Handover", "File Transfer Summary",
                "Handover Note")),
        "",
        f"| Claim number | {story.claim_number} |",
        f"| Worker | {w.name} |",
        f"| Employer | {story.employer.name} |",
        f"| Date of injury | {D(inj.date)} |",
        f"| Injury | {inj.diagnosis} ({inj.body_part}) |",
        f"| Handover from | {old.name} |",
        f"| Handover to | {_new_name(new)} |",
        f"| Effective | {D(when)} |",
        f"| Date prepared | {D(spec.date)} |",
        "",
        "## Claim summary",
        f"{w.title} {w.last}, {story.worker_occupation.lower()}, injured {D(inj.date)}: "
        f"{inj.mechanism} Claim is at week {_weeks(story, spec.date)}.",
        "",
    ]
    for key in order:
        lines += sections[key] + [""]
    lines += ["## Outstanding actions", "| Action | Due |"]
    lines += [f"| {a} | {d} |" for a, d in _actions(story, spec, rng, D)]
    lines += ["", "## Risks / issues", *[f"- {r}" for r in _risks(story, rng)], ""]
    lines += ["## Stakeholders", "| Role | Name | Phone |"]
    lines += [f"| {r} | {n} | {p} |" for r, n, p in _stakeholders(story)]
    lines += [
        "",
        f"Next review: {D(spec.date + dt.timedelta(days=rng.choice((7, 14, 21, 28))))}",
        "",
        f"Prepared by {old.name}" + pick(rng, "", ", Case Manager", f" ({old.phone})"
                                          if old.phone else ""),
    ]
    f = _fields(story, spec, old, new, author=old, claim_number=story.claim_number,
                employer=story.employer.name, injury_date=inj.date, body_part=inj.body_part)
    return _doc(spec, "structured_template", "report", lines, f)


@template(DOC_TYPE, "email_between_cms")
def email_between_cms(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Handover written as an email from the outgoing to the incoming case manager."""
    D = _dater(rng)
    old, new, when = _pair(story, spec)
    w = story.worker
    to_name = new.first if new else "team"
    acts = _actions(story, spec, rng, D)
    lines: list[str | None] = [
        pick(rng, f"Hi {to_name},", f"Hey {to_name}", f"{to_name} -",
             f"Hi {to_name}, hope you're well."),
        "",
        pick(rng,
             f"As discussed, {w.name}'s claim ({story.claim_number}) moves to you from "
             f"{D(when)}. Quick summary below.",
             f"Handing over {w.first} {w.last} - {story.claim_number} - effective {D(when)}.",
             f"Please find handover for {w.last} below. You pick it up from {D(when)}."),
        "",
        f"Injury: {story.injury.diagnosis}, {D(story.injury.date)}. {story.injury.mechanism}",
        f"Liability: {_liability(story, spec.date, 0, rng, D)}",
        f"Capacity: {_capacity(story, spec.date, 0, D)}",
        f"Treatment: {'; '.join(_treatment(story, rng))}",
        "",
        "To do:",
        *[f"- {a} (by {d})" for a, d in acts],
        "",
        pick(rng, "Watch out for:", "Heads up:", "Risks:"),
        *[f"- {r}" for r in _risks(story, rng)],
        "",
        pick(rng, f"Employer contact is {story.employer_contact.name} "
                  f"({story.employer_contact.phone or 'number on file'}) - very responsive.",
             f"{w.first} prefers calls after 10am.", "All docs are saved in the claim file."),
        "",
        pick(rng, "Shout if you have any questions.", "Happy to do a quick call to walk through.",
             "Thanks!"),
        "",
        pick(rng, old.first, old.name, f"{old.name}\nCase Manager | {story.insurer.name}"),
    ]
    headers = {
        "From": f"{old.name} <{old.email}>" if old.email else old.name,
        "To": (f"{new.name} <{new.email}>" if new.email else new.name) if new else
        f"claims-team@{story.insurer.email_domain or 'insurer.example'}",
        "Subject": pick(rng, f"Handover - {w.name} - {story.claim_number}",
                        f"File handover: {story.claim_number} {w.last.upper()}",
                        f"RE: handover {w.last}", f"Claim transfer {story.claim_number}"),
        "Date": D(spec.date),
    }
    if rng.random() < 0.4:
        tl = f"teamleader@{story.insurer.email_domain or 'insurer.example'}"
        headers["Cc"] = tl
    stated = any(story.claim_number in x for x in [*map(str, lines), headers["Subject"]])
    f = _fields(story, spec, old, new, author=old,
                claim_number=story.claim_number if stated else None,
                injury_date=story.injury.date)
    return _doc(spec, "email_between_cms", "email", lines, f, hard_negative_of="file_note",
                headers=headers)


@template(DOC_TYPE, "terse_dot_points")
def terse_dot_points(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Abbreviation-heavy dot-point handover."""
    D = _dater(rng)
    old, new, when = _pair(story, spec)
    w, inj = story.worker, story.injury
    lines: list[str | None] = [
        pick(rng, "HANDOVER", "H/O NOTE", "File h/o", "CM handover"),
        f"{pick(rng, 'Clm', 'Claim', 'Ref')} {story.claim_number} - IW {w.first[0]}. {w.last}",
        f"{pick(rng, 'From', 'Outgoing CM')}: {old.name} -> {pick(rng, 'To', 'Incoming CM')}: "
        f"{_new_name(new)} ({D(when)})",
        "",
        f"- DOI {D(inj.date)}, {inj.body_part} {inj.nature}, wk {_weeks(story, spec.date)}",
        f"- {_liability(story, spec.date, 1, rng, D)}",
        f"- CoC: {_capacity(story, spec.date, 1, D)}",
        f"- {story.scheme.earnings_term} {money(story.piawe)}"
        + pick(rng, " conf'd", " - awaiting payroll", ""),
        f"- Rx: {', '.join(t.split(' - ')[0] for t in _treatment(story, rng))}",
        "- RTW: " + _rtw_terse(story, spec.date, rng),
        "- O/S: " + "; ".join(_lc(a) for a, _ in _actions(story, spec, rng, D)),
        f"- Risks: {'; '.join(_lc(r) for r in _risks(story, rng))}",
        f"- Next r/v {D(spec.date + dt.timedelta(days=rng.choice((7, 14))))}",
        "",
        pick(rng, old.first, f"{old.first[0]}{old.last[0]}", old.name) + " " + D(spec.date),
    ]
    f = _fields(story, spec, old, new, author=old, claim_number=story.claim_number,
                injury_date=inj.date)
    return _doc(spec, "terse_dot_points", "note", lines, f)


@template(DOC_TYPE, "checklist_table")
def checklist_table(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Handover checklist with ticks and a comment column."""
    D = _dater(rng)
    old, new, when = _pair(story, spec)
    dec = _decision(story, spec.date)
    cert = _cert(story, spec.date)
    items = [
        ("Liability determined", dec is not None and dec.kind != "provisional",
         _liability(story, spec.date, 1, rng, D)),
        ("Current certificate on file", cert is not None and cert.date_to >= spec.date,
         _capacity(story, spec.date, 1, D)),
        ("PIAWE/earnings confirmed", rng.random() < 0.7, money(story.piawe)),
        ("IMP / RTW plan current", rng.random() < 0.6, pick(rng, "reviewed last month",
                                                            "due for review", "")),
        ("Treatment approvals up to date", rng.random() < 0.5,
         pick(rng, "psychology request pending" if story.injury.psychological
              else "physio request pending", "")),
        ("Payments up to date", rng.random() < 0.8, "paid to last w/e"),
        ("Diary set for next action", True, ""),
        ("Worker advised of change of CM", rng.random() < 0.7, ""),
        ("Employer advised of change of CM", rng.random() < 0.6, ""),
    ]
    lines: list[str | None] = [
        f"# {pick(rng, 'Handover Checklist', 'Claim Transfer Checklist')}",
        f"Claim: {story.claim_number}    Worker: {story.worker.name}",
        f"Outgoing: {old.name}    Incoming: {_new_name(new)}    Transfer date: {D(when)}",
        "",
        "| Item | Done | Comment |",
    ]
    for label, done, comment in items:
        lines.append(f"| {label} | {'Y' if done else 'N'} | {comment} |")
    lines += ["", "Outstanding:"]
    lines += [f"{tick(False)} {a} - {d}" for a, d in _actions(story, spec, rng, D)]
    lines += ["", f"Signed off: {old.name}  {D(spec.date)}",
              _opt(rng, 0.5, f"Accepted: {_new_name(new)}")]
    f = _fields(story, spec, old, new, author=old, claim_number=story.claim_number)
    return _doc(spec, "checklist_table", "form", lines, f)


@template(DOC_TYPE, "memo_narrative")
def memo_narrative(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Internal memo with To/From/Re and prose paragraphs."""
    D = _dater(rng)
    old, new, when = _pair(story, spec)
    w, inj = story.worker, story.injury
    he = {"Mr": "he", "Ms": "she", "Mrs": "she", "Miss": "she"}.get(w.title, "they")
    lines: list[str | None] = [
        "# INTERNAL MEMORANDUM",
        f"To: {_new_name(new)}",
        f"From: {old.name}",
        _opt(rng, 0.4, "CC: Team Leader"),
        f"Date: {D(spec.date)}",
        ("Re: "
         + pick(rng, "Transfer of claim", "Handover of claim")
         + f" - {w.name} ({story.claim_number})"),
        "---",
        "",
        pick(rng,
             f"This claim is being transferred to you from {D(when)} as part of the portfolio "
             "rebalance.",
             f"I am moving to another team and this claim will be yours from {D(when)}.",
             f"Following my leave commencing {D(when)}, please take over management of this file."),
        "",
        f"{w.title} {w.last} is employed by {story.employer.name} as a "
        f"{story.worker_occupation.lower()}. On {D(inj.date)} {he} injured {_his_pos(w.title)} "
        f"{inj.body_part}. {inj.mechanism} The diagnosis is {inj.diagnosis}.",
        "",
        f"{_liability(story, spec.date, 0, rng, D)}. Weekly benefits are being paid based on "
        f"{story.scheme.earnings_term} of {money(story.piawe)}. "
        f"The current certificate shows: {_capacity(story, spec.date, 2, D)}.",
        "",
        pick(rng,
             f"Treatment has consisted of {_lc(', '.join(_treatment(story, rng)))}.",
             f"{w.first} is being treated by {story.treating_doctor.formal} and attends "
             f"{'psychology' if inj.psychological else 'physiotherapy'} weekly."),
        "",
        "The following matters need attention in the next fortnight: "
        + "; ".join(f"{_lc(a)} ({d})" for a, d in _actions(story, spec, rng, D)) + ".",
        "",
        pick(rng, "Please note: ", "Risks: ", "You should also be aware that ")
        + "; ".join(_lc(r) for r in _risks(story, rng)) + ".",
        "",
        pick(rng, "Thanks for picking this up.", "Happy to discuss.", ""),
        old.name,
    ]
    f = _fields(story, spec, old, new, author=old, claim_number=story.claim_number,
                employer=story.employer.name, injury_date=inj.date, body_part=inj.body_part)
    return _doc(spec, "memo_narrative", "note", lines, f)


@template(DOC_TYPE, "complex_claim_report")
def complex_claim_report(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Long numbered handover for a complex claim: history, medical, legal, financials."""
    D = _dater(rng)
    old, new, when = _pair(story, spec)
    w, inj = story.worker, story.injury
    weeks = _weeks(story, spec.date)
    paid_w = round(story.piawe * weeks * rng.uniform(0.6, 0.95), 2)
    paid_m = round(rng.uniform(1500, 18000), 2)
    lines: list[str | None] = [
        ("# "
         + pick(rng, "Complex Claim Handover Report", "Claim Handover - Detailed",
                "Portfolio Transfer - Claim Summary")),
        "",
        f"Claim: {story.claim_number}",
        f"Worker: {w.formal}, DOB {D(story.worker_dob)}",
        f"Employer: {story.employer.name} ({story.employer.address})",
        f"Scheme: {story.scheme.code} - {story.scheme.act}",
        f"Outgoing case manager: {old.name}",
        f"Incoming case manager: {_new_name(new)}",
        f"Effective date: {D(when)}",
        "",
        "## 1. Injury and claim history",
        f"Date of injury {D(inj.date)} at {inj.location}. {inj.mechanism}",
        f"Employer notified the insurer on {D(story.notification_date)}; claim form received "
        f"{D(story.claim_lodged)}.",
        *[f"- {D(d.date)}: {_DECISION_TEXT.get(d.kind, (d.kind,))[0]}"
          + (f", weekly {money(d.weekly_amount)}" if d.weekly_amount else "")
          for d in story.decisions if d.date <= spec.date],
        "",
        "## 2. Medical",
        f"Diagnosis: {inj.diagnosis}.",
        "Certificates on file:",
        *[f"- {D(c.date_from)} to {D(c.date_to)}: {_CAP_TEXT[c.capacity][0]}"
          + (f" ({c.hours_per_day}h x {c.days_per_week}d)" if c.capacity == "suitable_duties"
             else "") + f" - {c.doctor.formal}"
          for c in story.certificates if c.issued <= spec.date],
        "Treatment:",
        *[f"- {t}" for t in _treatment(story, rng)],
        _opt(rng, 0.6, f"IME with {story.ime_examiner.formal} "
             + pick(rng, "to be arranged", "completed - report on file",
                    "requested by previous CM") + "."),
        "",
        "## 3. Return to work",
        _rtw_status(story, spec.date, rng),
        pick(rng, f"{story.rehab_provider.name} ({story.rehab_consultant.name}) engaged.",
             "No rehab provider engaged yet - recommend referral.",
             f"Rehab consultant: {story.rehab_consultant.formal}, {story.rehab_provider.name}."),
        f"Employer contact: {story.employer_contact.formal}, {story.employer_contact.role}.",
        "",
        "## 4. Financials",
        "| Item | Amount |",
        f"| {story.scheme.earnings_term} | {money(story.piawe)} |",
        f"| Weekly benefits paid to date | {money(paid_w)} |",
        f"| Medical/treatment paid to date | {money(paid_m)} |",
        f"| Estimate (outstanding) | {money(round(rng.uniform(20000, 120000), -2))} |",
        "",
        "## 5. Legal / disputes",
        pick(rng, "No disputes on foot.",
             f"{story.law_firm.name} ({story.solicitor.formal}) act for the worker. Request for "
             "documents received - respond within statutory time.",
             "Worker has sought internal review of the last decision. Outcome pending."),
        "",
        "## 6. Outstanding actions",
        *[f"{i}. {a} - due {d}" for i, (a, d) in
          enumerate(_actions(story, spec, rng, D), start=1)],
        "",
        "## 7. Risks and strategy",
        *[f"- {r}" for r in _risks(story, rng)],
        pick(rng, "Strategy: maintain focus on upgrading hours and closing treatment by week 26.",
             "Strategy: obtain IME on capacity and treatment before next step-down.",
             "Strategy: support durable RTW with the pre-injury employer."),
        "",
        "## 8. Contacts",
        "| Role | Name | Phone |",
        *[f"| {r} | {n} | {p} |" for r, n, p in _stakeholders(story)],
        "",
        f"Next file review: {D(spec.date + dt.timedelta(days=rng.choice((14, 28, 30))))}",
        f"Prepared by {old.name} on {D(spec.date)}",
    ]
    f = _fields(story, spec, old, new, author=old, claim_number=story.claim_number,
                employer=story.employer.name, injury_date=inj.date,
                notification_date=story.notification_date)
    return _doc(spec, "complex_claim_report", "report", lines, f)


@template(DOC_TYPE, "system_transfer_print")
def system_transfer_print(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Claims-system print of a transfer record with a short activity log."""
    D = _dater(rng)
    old, new, when = _pair(story, spec)
    reason = pick(rng, "Workload rebalance", "CM resignation", "Team restructure",
                  "Complexity escalation", "Extended leave")
    lines: list[str | None] = [
        f"{story.insurer.name.upper()} - CLAIMS SYSTEM",
        f"Screen: CLAIM TRANSFER   Printed: {D(spec.date)}",
        "---",
        (f"CLAIM NO: {story.claim_number}    STATUS: "
         + pick(rng, "OPEN", "OPEN - ACTIVE", "OPEN - RTW")),
        f"CLAIMANT: {story.worker.last.upper()}, {story.worker.first.upper()}",
        f"DOI: {D(story.injury.date)}    WEEK: {_weeks(story, spec.date)}",
        f"FROM OWNER: {old.name.upper()}",
        f"TO OWNER: {_new_name(new).upper()}",
        f"EFFECTIVE: {D(when)}",
        f"REASON: {reason}",
        "",
        "HANDOVER COMMENTS:",
        f"{_liability(story, spec.date, 1, rng, D)}. {_capacity(story, spec.date, 1, D)}. "
        + "; ".join(a for a, _ in _actions(story, spec, rng, D)[:3]) + ".",
        "",
        "OPEN TASKS:",
        "| Task | Due | Assigned |",
        *[f"| {a} | {d} | {_new_name(new)} |" for a, d in _actions(story, spec, rng, D)],
    ]
    f = _fields(story, spec, old, new, claim_number=story.claim_number,
                injury_date=story.injury.date)
    return _doc(spec, "system_transfer_print", "form", lines, f)


@template(DOC_TYPE, "verbal_handover_record")
def verbal_handover_record(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Record of a handover meeting written up by the incoming case manager."""
    D = _dater(rng)
    old, new, when = _pair(story, spec)
    writer = new or old
    lines: list[str | None] = [
        "# " + pick(rng, "Handover meeting record", "Record of verbal handover",
                    "Handover discussion"),
        f"Claim {story.claim_number} - {story.worker.name}",
        f"Date: {D(spec.date)}   {pick(rng, 'via Teams', 'in person', 'by phone')}",
        f"Present: {old.name} (outgoing), {_new_name(new)} (incoming)"
        + pick(rng, "", ", Team Leader"),
        "",
        "Discussed:",
        f"- Background: {story.injury.body_part} injury {D(story.injury.date)}; "
        f"{story.injury.diagnosis}.",
        f"- {_liability(story, spec.date, 0, rng, D)}.",
        f"- Current cert: {_capacity(story, spec.date, 0, D)}.",
        ("- "
         + pick(rng, "Worker engaged and motivated.", "Worker difficult to contact.",
                "Worker anxious about RTW.")),
        ("- Employer: "
         + pick(rng, "supportive", "limited duties",
                "has asked about termination process - advised re obligations")
         + "."),
        "",
        "Agreed actions:",
        *[f"- {a} ({d})" for a, d in _actions(story, spec, rng, D)],
        "",
        f"Claim ownership transfers {D(when)}.",
        f"{writer.name}",
    ]
    f = _fields(story, spec, old, new, author=writer, claim_number=story.claim_number,
                injury_date=story.injury.date)
    return _doc(spec, "verbal_handover_record", "note", lines, f)


@template(DOC_TYPE, "short_handover")
def short_handover(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """A six-line handover note."""
    D = _dater(rng)
    old, new, when = _pair(story, spec)
    lines: list[str | None] = [
        pick(rng, "Handover", "Handover note", "File transferred"),
        f"{story.claim_number} {story.worker.name} - {old.name} to {_new_name(new)}, "
        f"{D(when)}.",
        f"{_liability(story, spec.date, 2, rng, D).capitalize()}. "
        f"{_capacity(story, spec.date, 2, D).capitalize()}.",
        "Next: " + _lc(_actions(story, spec, rng, D)[0][0]) + ".",
        pick(rng, "Nothing urgent.", "No complaints on file.", "Solicitor on record.", ""),
        f"{old.first[0]}{old.last[0]} {D(spec.date)}",
    ]
    f = _fields(story, spec, old, new, author=old, claim_number=story.claim_number)
    return _doc(spec, "short_handover", "note", lines, f)


@template(DOC_TYPE, "chat_transcript")
def chat_transcript(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Saved instant-message handover between two case managers."""
    D = _dater(rng)
    old, new, when = _pair(story, spec)
    if new is None:
        new_label = "Incoming CM"
    else:
        new_label = new.name
    t = rng.randint(8, 16)
    acts = _actions(story, spec, rng, D)
    msgs = [
        (old.name, f"hey - handing you {story.worker.last} {story.claim_number} from {D(when)}"),
        (new_label, pick(rng, "ok np, what's the status?", "sure - anything urgent?",
                          "thanks, give me the quick version")),
        (old.name, f"{_liability(story, spec.date, 1, rng, D)}, cert "
                   f"{_capacity(story, spec.date, 1, D)}"),
        (old.name, "o/s: " + "; ".join(_lc(a) for a, _ in acts[:3])),
        (new_label, pick(rng, "any risks?", "employer ok?", "worker ok to deal with?")),
        (old.name, _lc(_risks(story, rng)[0])),
        (new_label, pick(rng, "great thanks", "ok got it", "👍")),
    ]
    lines: list[str | None] = [
        f"{pick(rng, 'Chat export', 'Saved conversation', 'IM transcript')} - "
        f"{D(spec.date)} - saved to claim {story.claim_number}",
        "",
    ]
    for i, (who, msg) in enumerate(msgs):
        lines.append(f"[{t:02d}:{(i * 3 + 2) % 60:02d}] {who}: {msg}")
    f = _fields(story, spec, old, new, author=old, claim_number=story.claim_number)
    return _doc(spec, "chat_transcript", "note", lines, f)
