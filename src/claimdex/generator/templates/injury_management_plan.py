"""Injury management plans (IMP): the insurer's plan for the worker's recovery and RTW.

Each template states goals, approved services, responsibilities of the worker, employer,
insurer and nominated treating doctor (NTD), an RTW goal and a review date, and is issued by
the case manager. ``spec.about`` may be a Certificate (the certificate the plan relies on);
otherwise the latest certificate on or before ``spec.date`` is used.
"""

from __future__ import annotations

import datetime as dt
import random

from claimdex.generator.common import capacity_phrase, maybe
from claimdex.generator.model import Certificate, ClaimStory, Doc, DocSpec, template
from claimdex.generator.templates._shared import current_certificate as _cert
from claimdex.generator.templates._shared import dater as _dater
from claimdex.generator.templates._shared import make_doc

DOC_TYPE = "injury_management_plan"


def _doc(*args, **kwargs) -> Doc:
    return make_doc(DOC_TYPE, *args, **kwargs)


_RTW_OPTIONS = (
    "Same employer, same job",
    "Same employer, different job",
    "Different employer, same job",
    "Different employer, different job",
    "Retraining",
)


# ---------------------------------------------------------------------------------------
# private helpers
# ---------------------------------------------------------------------------------------


def _claim_label(rng: random.Random) -> str:
    return rng.choice(("Claim number", "Claim no.", "Our ref", "Insurer claim #", "Claim No",
                       "Claim"))


def _lc(text: str) -> str:
    return text[:1].lower() + text[1:]


def _cap_text(cert: Certificate, rng: random.Random) -> str:
    txt = capacity_phrase(cert.capacity, rng)
    if cert.capacity == "suitable_duties" and cert.hours_per_day:
        txt += f" ({cert.hours_per_day} hrs/day, {cert.days_per_week} days/wk)"
    return txt


def _cap_you(cert: Certificate, rng: random.Random) -> str:
    """Capacity phrased for 'your doctor says you ...'."""
    txt = rng.choice({
        "none": ("have no current capacity for work", "are unfit for any work at present",
                 "cannot work at the moment"),
        "suitable_duties": ("have capacity for suitable duties", "can work on restricted duties",
                            "are fit for modified duties"),
        "pre_injury_duties": ("are fit for your pre-injury duties",
                              "can return to your normal duties"),
    }[cert.capacity])
    if cert.capacity == "suitable_duties" and cert.hours_per_day:
        txt += f" ({cert.hours_per_day} hours a day, {cert.days_per_week} days a week)"
    return txt


def _rtw_goal(story: ClaimStory, cert: Certificate, spec: DocSpec, rng: random.Random
              ) -> tuple[str, dt.date, int]:
    """(goal sentence, target date, index into _RTW_OPTIONS)."""
    weeks = rng.choice((4, 6, 8, 10, 12)) if cert.capacity != "pre_injury_duties" else 2
    target = spec.date + dt.timedelta(weeks=weeks)
    idx = 0 if rng.random() < 0.75 else 1
    role = story.worker_occupation.lower()
    if idx == 0:
        goal = rng.choice((
            f"Return to pre-injury duties as {role} with {story.employer.name}",
            f"Full return to pre-injury hours and duties as {role}",
            f"Upgrade to full duties as {role}, {story.ordinary_hours:g} hrs per week",
        ))
    else:
        goal = rng.choice((
            f"Return to alternative permanent duties with {story.employer.name}",
            "Sustainable return to modified duties with the pre-injury employer",
        ))
    return goal, target, idx


def _services(story: ClaimStory, rng: random.Random) -> list[tuple[str, str, str]]:
    """(service, provider, approval) rows."""
    inj = story.injury
    rows = [(
        "GP consultations",
        f"{story.treating_doctor.formal}, {story.practice.name}",
        rng.choice(("As required", "Up to 6 consults", "Ongoing - reasonable and necessary")),
    )]
    if inj.psychological:
        rows.append(("Psychology (CBT)", rng.choice(("Treating psychologist", "To be nominated")),
                     f"{rng.choice((6, 8, 10))} sessions"))
        if rng.random() < 0.5:
            rows.append(("Psychiatry review", "Consultant psychiatrist", "1 consultation"))
    else:
        rows.append(("Physiotherapy", f"{story.physio.formal}, {story.physio_practice.name}",
                     f"{rng.choice((6, 8, 10, 12))} sessions"))
        if rng.random() < 0.5:
            rows.append(("Specialist review", f"{story.specialist.formal} "
                         f"({story.specialist.role or 'specialist'})", "1 consultation"))
        if rng.random() < 0.35:
            rows.append(("Hydrotherapy / gym program", story.physio_practice.name,
                         f"{rng.choice((6, 8))} sessions"))
    if rng.random() < 0.7:
        rows.append(("Workplace rehabilitation",
                     f"{story.rehab_consultant.formal}, {story.rehab_provider.name}",
                     rng.choice(("Initial needs assessment + workplace assessment",
                                 "INA and 10 hours RTW services",
                                 "Workplace assessment and RTW plan"))))
    if rng.random() < 0.3:
        rows.append(("Medication (pharmacy)", "Local pharmacy", "As prescribed by NTD"))
    return rows


def _responsibilities(story: ClaimStory, rng: random.Random) -> dict[str, list[str]]:
    cert_name = story.scheme.certificate_name
    return {
        "Worker": rng.sample([
            "Attend all medical and treatment appointments",
            f"Provide a current {cert_name} to us and your employer",
            "Participate in the return to work program and suitable duties offered",
            "Let us know of any change in your circumstances or earnings",
            "Make reasonable efforts to return to work in suitable employment",
            "Tell us about any other employment or income",
        ], k=rng.randint(3, 5)),
        "Employer": rng.sample([
            f"Provide suitable duties within the restrictions on the {cert_name}",
            f"Nominate a return to work coordinator ({story.employer_contact.name})",
            "Keep in regular contact with the worker and the case manager",
            "Monitor the worker's progress on duties and hours",
            "Advise the insurer of any change to the worker's duties or pay",
        ], k=rng.randint(2, 4)),
        "Insurer": rng.sample([
            "Pay weekly compensation and approved treatment accounts on time",
            "Coordinate services and approve reasonable and necessary treatment",
            "Keep the worker, employer and NTD informed of decisions",
            "Review this plan at least every 8 weeks or when circumstances change",
            "Refer to a workplace rehabilitation provider where required",
        ], k=rng.randint(2, 4)),
        "Nominated treating doctor": rng.sample([
            f"Provide a {cert_name} at each review that describes capacity for work",
            "Coordinate treatment and referrals",
            "Discuss suitable duties with the employer and rehabilitation provider",
            "Advise the insurer of changes in the worker's condition",
        ], k=rng.randint(2, 3)),
    }


def _plan_title(story: ClaimStory, rng: random.Random) -> str:
    return rng.choice(("Injury Management Plan", "INJURY MANAGEMENT PLAN",
                       "Injury management plan (IMP)", "Injury Management Plan - Insurer"))


def _cm_role(rng: random.Random) -> str:
    return rng.choice(("Case Manager", "Injury Management Advisor", "Claims Advisor",
                       "Case Manager - Workers Compensation"))


# ---------------------------------------------------------------------------------------
# templates
# ---------------------------------------------------------------------------------------


@template(DOC_TYPE, "formal_numbered_plan")
def formal_numbered_plan(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Long insurer IMP with numbered sections, service table and responsibilities."""
    fd = _dater(rng)
    cm = story.case_manager_on(spec.date)
    cert = _cert(story, spec)
    inj = story.injury
    goal, target, _ = _rtw_goal(story, cert, spec, rng)
    review = spec.date + dt.timedelta(weeks=rng.choice((4, 6, 8)))
    fields: dict[str, object] = {
        "doc_date": spec.date, "worker": story.worker.name, "claim_number": story.claim_number,
        "employer": story.employer.name, "injury_date": inj.date, "author": cm.name,
        "case_manager": cm.name, "body_part": inj.body_part, "capacity": cert.capacity,
        "cert_from": cert.date_from, "cert_to": cert.date_to,
    }
    lines = [story.insurer.name, story.insurer.address, "---", f"# {_plan_title(story, rng)}"]
    if story.scheme.code == "NSW":
        lines.append("Prepared under section 45 of the Workplace Injury Management and Workers "
                     "Compensation Act 1998")
    else:
        lines.append(f"Prepared in accordance with the {story.scheme.act}")
    lines += [f"Date of plan: {fd(spec.date)}", ""]
    lines += ["## 1. Worker and claim details", "| | |", "|---|---|",
              f"| Worker | {story.worker.formal} |"]
    if rng.random() < 0.6:
        lines.append(f"| Date of birth | {fd(story.worker_dob)} |")
    lines += [f"| Address | {story.worker_address} |",
              f"| {_claim_label(rng)} | {story.claim_number} |",
              f"| Employer | {story.employer.name} |",
              f"| Occupation | {story.worker_occupation} |",
              f"| Date of injury | {fd(inj.date)} |",
              f"| Injury | {inj.diagnosis} ({inj.body_part}) |",
              f"| Case manager | {cm.name} ({cm.phone or story.insurer.phone}) |",
              f"| Nominated treating doctor | {story.treating_doctor.formal} |", ""]
    lines += ["## 2. Current medical status", ""]
    lines.append(
        f"The current {story.scheme.certificate_name} from {cert.doctor.formal} covers "
        f"{fd(cert.date_from)} to {fd(cert.date_to)} and states that the worker "
        f"{_cap_text(cert, rng)}."
    )
    if cert.restrictions:
        lines.append("Restrictions: " + "; ".join(cert.restrictions) + ".")
    lines.append("")
    lines += ["## 3. Injury management goals", ""]
    goals = [f"Return to work goal: {goal} by {fd(target)}.",
             rng.choice(("Reduce pain and improve function through active treatment.",
                         "Improve tolerance for standing, lifting and bending.",
                         "Develop self-management strategies.",
                         "Maintain connection with the workplace."))]
    if inj.psychological:
        goals.append("Reduce psychological symptoms and improve sleep and concentration.")
    for i, g in enumerate(goals, 1):
        lines.append(f"3.{i} {g}")
    lines += ["", "## 4. Treatment and services approved", "",
              "| Service | Provider | Approval |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in _services(story, rng)]
    lines += ["", "## 5. Return to work", ""]
    lines.append("RTW hierarchy: " + " / ".join(_RTW_OPTIONS[:3]) + ".")
    if cert.capacity == "suitable_duties":
        lines.append(f"{story.employer.name} has offered suitable duties for "
                     f"{cert.hours_per_day} hours per day, {cert.days_per_week} days per week.")
    elif cert.capacity == "none":
        lines.append("The worker currently has no capacity. Suitable duties will be identified "
                     "when capacity is certified.")
    else:
        lines.append("The worker has been cleared for pre-injury duties; the goal is a "
                     "sustained return.")
    lines += ["", "## 6. Responsibilities", ""]
    resp = _responsibilities(story, rng)
    order = list(resp)
    if rng.random() < 0.5:
        order = order[1:] + order[:1]
    for i, party in enumerate(order, 1):
        lines.append(f"6.{i} {party}")
        lines += [f"- {r}" for r in resp[party]]
        lines.append("")
    lines += ["## 7. Non-compliance", "",
              rng.choice((
                  "If you do not comply with your obligations under this plan, your weekly "
                  "payments may be suspended after written notice.",
                  "Failure to participate in this plan without a reasonable excuse may result "
                  "in weekly payments being suspended or discontinued.",
              )), ""]
    lines += ["## 8. Review", "",
              f"This plan will be reviewed on or before {fd(review)}, or earlier if the "
              "worker's capacity changes.", ""]
    lines += ["## 9. Plan issued by", "", cm.name, _cm_role(rng), story.insurer.name,
              f"Phone: {cm.phone or story.insurer.phone}" + maybe(rng, 0.6, f"  Email: {cm.email}"),
              ""]
    lines.append(rng.choice((
        f"Copies to: {story.employer.name}; {story.treating_doctor.formal}",
        f"cc: {story.treating_doctor.formal} (NTD), {story.employer_contact.formal} (RTW "
        "coordinator)",
        "",
    )))
    lines.append(maybe(rng, 0.5, "Page 1 of 3"))
    return _doc(spec, "formal_numbered_plan", "report", lines, fields)


@template(DOC_TYPE, "tick_box_form")
def tick_box_form(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """IMP on a check-box form: RTW hierarchy, services, review frequency."""
    fd = _dater(rng)
    cm = story.case_manager_on(spec.date)
    cert = _cert(story, spec)
    goal, target, idx = _rtw_goal(story, cert, spec, rng)
    review = spec.date + dt.timedelta(weeks=rng.choice((4, 6, 8)))
    fields: dict[str, object] = {
        "doc_date": spec.date, "worker": story.worker.name, "claim_number": story.claim_number,
        "injury_date": story.injury.date, "author": cm.name, "case_manager": cm.name,
        "capacity": cert.capacity,
    }
    lines = [f"# {_plan_title(story, rng)}", f"{story.insurer.name}  |  {story.scheme.regulator}",
             ""]
    lines += ["Worker: " + story.worker.name + "    " + f"{_claim_label(rng)}: "
              + story.claim_number,
              f"Date of injury: {fd(story.injury.date)}    Plan date: {fd(spec.date)}"]
    if rng.random() < 0.7:
        lines.append(f"Employer: {story.employer.name}")
        fields["employer"] = story.employer.name
    lines.append(f"Injury: {story.injury.nature}, {story.injury.body_part}")
    fields["body_part"] = story.injury.body_part
    lines += ["", "## Current capacity"]
    for cap, label in (("none", "No current work capacity"),
                       ("suitable_duties", "Capacity for suitable duties"),
                       ("pre_injury_duties", "Fit for pre-injury duties")):
        lines.append(f"{'[x]' if cert.capacity == cap else '[ ]'} {label}")
    lines += ["", "## Return to work goal"]
    for i, opt in enumerate(_RTW_OPTIONS):
        lines.append(f"{'[x]' if i == idx else '[ ]'} {opt}")
    lines.append(f"Goal: {goal}. Target date: {fd(target)}")
    lines += ["", "## Services approved"]
    svcs = _services(story, rng)
    names = {s[0] for s in svcs}
    for label in ("GP consultations", "Physiotherapy", "Psychology (CBT)", "Specialist review",
                  "Hydrotherapy / gym program", "Workplace rehabilitation",
                  "Medication (pharmacy)"):
        detail = next((c for a, _, c in svcs if a == label), "")
        lines.append(f"{'[x]' if label in names else '[ ]'} {label}"
                     + (f" - {detail}" if detail else ""))
    lines += ["", "## Responsibilities agreed"]
    for party, items in _responsibilities(story, rng).items():
        lines.append(f"[x] {party}: {_lc(items[0])}")
    lines += ["", "## Review",
              f"Review frequency: {'[x]' if rng.random() < 0.5 else '[ ]'} 4-weekly  "
              f"[ ] 8-weekly  [ ] other",
              f"Next review date: {fd(review)}", ""]
    lines += [f"Case manager: {cm.name}   Signature: ________   Date: {fd(spec.date)}",
              maybe(rng, 0.6, "Worker acknowledgement: ________   Date: ________")]
    return _doc(spec, "tick_box_form", "form", lines, fields)


@template(DOC_TYPE, "letter_with_plan")
def letter_with_plan(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Letter to the worker that sets out the plan itself in the body."""
    fd = _dater(rng)
    cm = story.case_manager_on(spec.date)
    cert = _cert(story, spec)
    goal, target, _ = _rtw_goal(story, cert, spec, rng)
    review = spec.date + dt.timedelta(weeks=rng.choice((6, 8)))
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": cm.name, "case_manager": cm.name}
    lines = [story.insurer.name.upper(), story.insurer.address, "", fd(spec.date), "",
             story.worker.formal, *[p.strip() for p in story.worker_address.split(",")], ""]
    if rng.random() < 0.8:
        lines.append(f"{_claim_label(rng)}: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    lines += ["", "## " + rng.choice((
                      'Your injury management plan',
                      'Injury Management Plan',
                      'Your IMP',
                  )),
              "", f"Dear {story.worker.title} {story.worker.last}", ""]
    lines.append(rng.choice((
        "This is your injury management plan. It sets out the treatment and services we have "
        "approved and what everyone will do to help you recover and return to work.",
        "We have developed the following injury management plan in consultation with you, "
        "your employer and your nominated treating doctor.",
        f"Following our discussions with you, {story.employer_contact.formal} and "
        f"{story.treating_doctor.formal}, your plan is set out below.",
    )))
    lines += ["", "## Your goal",
              f"{goal}, with a target date of {fd(target)}.", "",
              "## Your current capacity",
              f"Your doctor has certified that you {_cap_you(cert, rng)} "
              f"until {fd(cert.date_to)}.", ""]
    fields.update(capacity=cert.capacity, cert_to=cert.date_to)
    lines += ["## Treatment and services we have approved"]
    lines += [f"- {a}: {c} ({b})" for a, b, c in _services(story, rng)]
    lines.append("")
    resp = _responsibilities(story, rng)
    for party, title in (("Worker", "What you need to do"),
                         ("Employer", f"What {story.employer.name} will do"),
                         ("Insurer", "What we will do"),
                         ("Nominated treating doctor", "What your doctor will do")):
        lines.append(f"## {title}")
        lines += [f"- {r}" for r in resp[party]]
        lines.append("")
    fields["employer"] = story.employer.name
    lines += [rng.choice((
        f"We will review this plan by {fd(review)}.",
        f"Your plan will be reviewed on {fd(review)} or sooner if things change.",
    )), "", rng.choice((
        "It is important that you take part in your plan. If you do not, your weekly "
        "payments may be affected.",
        "Please call me if you have questions about the plan or would like anything changed.",
    )), "", rng.choice(("Yours sincerely", "Kind regards")), "", cm.name, _cm_role(rng)]
    lines += ["", maybe(rng, 0.6, f"cc {story.treating_doctor.formal}; "
                                  f"{story.employer_contact.formal}")]
    return _doc(spec, "letter_with_plan", "letter", lines, fields)


@template(DOC_TYPE, "email_short_plan")
def email_short_plan(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Hard negative: a short IMP issued by email (the email body is the plan)."""
    fd = _dater(rng)
    cm = story.case_manager_on(spec.date)
    cert = _cert(story, spec)
    goal, target, _ = _rtw_goal(story, cert, spec, rng)
    review = spec.date + dt.timedelta(weeks=rng.choice((4, 6, 8)))
    dom = story.insurer.email_domain or "insurer.example"
    to = rng.choice((
        f"{story.worker.first.lower()}.{story.worker.last.lower()}@mail.example",
        f"{story.worker.first.lower()}{story.worker.last[0].lower()}@mail.example",
    ))
    headers = {
        "From": f"{cm.name} <{cm.email or 'claims@' + dom}>",
        "To": to + maybe(rng, 0.5, f"; {story.employer_contact.first.lower()}."
                                   f"{story.employer_contact.last.lower()}@"
                                   f"{story.employer.email_domain or 'employer.example'}"),
        "Subject": rng.choice((f"Injury Management Plan - {story.claim_number}",
                               f"Your IMP - {story.worker.name}",
                               f"IMP {story.claim_number} ({story.worker.last})")),
        "Date": fd(spec.date) + rng.choice(("", " 10:22", " 3:47 PM")),
    }
    fields: dict[str, object] = {"doc_date": spec.date, "claim_number": story.claim_number,
                                 "worker": story.worker.name, "author": cm.name,
                                 "case_manager": cm.name}
    lines = [f"Hi {story.worker.first}," if rng.random() < 0.6
             else f"Dear {story.worker.formal},", ""]
    lines.append(rng.choice((
        "Below is your Injury Management Plan, as discussed on the phone.",
        "As required, here is your injury management plan. Please read it and let me know if "
        "anything should change.",
        "Your IMP is set out below.",
    )))
    lines += ["", "INJURY MANAGEMENT PLAN", f"Goal: {goal} by {fd(target)}"]
    lines.append(f"Current capacity: {_cap_text(cert, rng)} (certificate to {fd(cert.date_to)})")
    fields.update(capacity=cert.capacity, cert_to=cert.date_to)
    svcs = _services(story, rng)
    lines.append("Approved: " + "; ".join(f"{a} - {c}" for a, _, c in svcs[:3]))
    resp = _responsibilities(story, rng)
    lines.append(f"You: {_lc(resp['Worker'][0])}; {_lc(resp['Worker'][1])}.")
    lines.append(f"Employer: {_lc(resp['Employer'][0])}.")
    lines.append(f"Us: {_lc(resp['Insurer'][0])}.")
    lines.append(f"Your doctor ({story.treating_doctor.formal}): "
                 f"{_lc(resp['Nominated treating doctor'][0])}.")
    lines.append(f"Review: {fd(review)}")
    lines += ["", rng.choice(("Thanks,", "Regards,", "Kind regards,")), cm.name,
              f"{_cm_role(rng)} | {story.insurer.name}",
              maybe(rng, 0.6, cm.phone or story.insurer.phone)]
    return _doc(spec, "email_short_plan", "email", lines, fields, headers,
                hard_negative_of="correspondence")


@template(DOC_TYPE, "terse_summary_note")
def terse_summary_note(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Case manager's abbreviated IMP (as stored on the claim system)."""
    fd = _dater(rng)
    cm = story.case_manager_on(spec.date)
    cert = _cert(story, spec)
    goal, target, _ = _rtw_goal(story, cert, spec, rng)
    review = spec.date + dt.timedelta(weeks=rng.choice((4, 6, 8)))
    cap = {"none": "nil cap", "suitable_duties": f"S/D {cert.hours_per_day}h x "
           f"{cert.days_per_week}d", "pre_injury_duties": "fit PID"}[cert.capacity]
    fields: dict[str, object] = {"doc_date": spec.date, "capacity": cert.capacity,
                                 "cert_to": cert.date_to, "body_part": story.injury.body_part}
    lines = [rng.choice(("IMP", "IMP - initial", "IMP (updated)", "INJURY MGMT PLAN")) + " - "
             + fd(spec.date)]
    if rng.random() < 0.7:
        lines.append(f"IW {story.worker.name} / {story.claim_number}")
        fields.update(worker=story.worker.name, claim_number=story.claim_number)
    lines += [f"Dx: {story.injury.diagnosis}; {story.injury.body_part}",
              f"DOI {fd(story.injury.date)}",
              f"CoC: {cap} to {fd(cert.date_to)}"
              + (f"; restr: {', '.join(cert.restrictions)}" if cert.restrictions else ""),
              f"RTW goal: {goal} by {fd(target)}", "Rx approved:"]
    fields["injury_date"] = story.injury.date
    for a, _b, c in _services(story, rng):
        lines.append(f"- {a} {c}")
    lines += ["IW: attend Rx, provide CoCs, participate in RTW",
              f"ER: S/D per CoC, RTWC {story.employer_contact.name}",
              f"NTD: {story.treating_doctor.formal} - certify, coordinate Rx",
              "Insurer: pay wkly, approve R&N Rx, coordinate rehab",
              f"Review: {fd(review)}", ""]
    lines.append(f"{cm.name} CM" if rng.random() < 0.6 else f"-- {cm.first[0]}.{cm.last}")
    if cm.name in lines[-1]:
        fields.update(author=cm.name, case_manager=cm.name)
    return _doc(spec, "terse_summary_note", "note", lines, fields)


@template(DOC_TYPE, "revised_plan")
def revised_plan(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Updated IMP with version, changes since the last plan and an action status table."""
    fd = _dater(rng)
    cm = story.case_manager_on(spec.date)
    cert = _cert(story, spec)
    goal, target, _ = _rtw_goal(story, cert, spec, rng)
    version = rng.randint(2, 5)
    prev = spec.date - dt.timedelta(weeks=rng.choice((4, 6, 8)))
    review = spec.date + dt.timedelta(weeks=rng.choice((4, 6, 8)))
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "claim_number": story.claim_number, "author": cm.name,
                                 "case_manager": cm.name, "capacity": cert.capacity,
                                 "employer": story.employer.name}
    lines = ["# " + rng.choice((
                 'Revised Injury Management Plan',
                 'Updated Injury Management Plan',
                 'Injury Management Plan - Review',
             )),
             f"Version {version}  |  Supersedes plan dated {fd(prev)}", story.insurer.name, "",
             f"Worker: {story.worker.name}   {_claim_label(rng)}: {story.claim_number}",
             f"Employer: {story.employer.name}   Date: {fd(spec.date)}", ""]
    lines += ["## Changes since the last plan"]
    changes = [
        f"New {story.scheme.certificate_name} received: worker {_cap_text(cert, rng)}.",
        rng.choice(("Physiotherapy progressing; further sessions approved.",
                    "Specialist review completed; conservative management recommended.",
                    "Rehabilitation provider engaged and workplace assessment completed.",
                    "Psychology sessions commenced.")),
        maybe(rng, 0.6, rng.choice(("Hours upgraded in line with certificate.",
                                    "Employer has confirmed suitable duties are available.",
                                    "Case manager change - new contact details below."))),
    ]
    lines += [f"- {c}" for c in changes if c]
    lines += ["", "## Goal", f"{goal} - target {fd(target)}", ""]
    lines += ["## Actions", "| Action | Responsible | Due | Status |", "|---|---|---|---|"]
    acts = [("Attend physiotherapy / treatment", "Worker", spec.date + dt.timedelta(weeks=2),
             rng.choice(("Ongoing", "In progress"))),
            ("Provide suitable duties per certificate", story.employer.name,
             spec.date + dt.timedelta(weeks=1), rng.choice(("In place", "Pending", "Ongoing"))),
            ("Review capacity and update certificate", story.treating_doctor.formal,
             cert.date_to, "Due"),
            ("Approve treatment requests within 21 days", "Insurer", spec.date, "Ongoing")]
    if rng.random() < 0.6:
        acts.append(("Workplace assessment / RTW plan", story.rehab_provider.name,
                     spec.date + dt.timedelta(weeks=3), rng.choice(("Booked", "Completed"))))
    rng.shuffle(acts)
    lines += [f"| {a} | {r} | {fd(d)} | {s} |" for a, r, d, s in acts]
    lines += ["", "## Services approved"]
    lines += [f"- {a} ({c})" for a, _b, c in _services(story, rng)]
    lines += ["", f"Next review: {fd(review)}", "",
              f"Issued by {cm.name}, {_cm_role(rng)}"
              + maybe(rng, 0.5, f", on {fd(spec.date)}")]
    return _doc(spec, "revised_plan", "report", lines, fields)


@template(DOC_TYPE, "goal_action_matrix")
def goal_action_matrix(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Grid-style plan: each goal broken into actions, owners and time frames."""
    fd = _dater(rng)
    cm = story.case_manager_on(spec.date)
    cert = _cert(story, spec)
    goal, target, _ = _rtw_goal(story, cert, spec, rng)
    review = spec.date + dt.timedelta(weeks=rng.choice((4, 6, 8)))
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": cm.name, "case_manager": cm.name,
                                 "injury_date": story.injury.date}
    lines = [f"{story.insurer.name} - {_plan_title(story, rng)}", ""]
    lines += ["| Worker | Claim | DOI | Plan date |", "|---|---|---|---|",
              f"| {story.worker.name} | {story.claim_number} | {fd(story.injury.date)} | "
              f"{fd(spec.date)} |", ""]
    fields["claim_number"] = story.claim_number
    medical_goal = ("Reduce psychological symptoms" if story.injury.psychological
                    else f"Improve {story.injury.body_part} function and pain")
    rows = [
        ("1. Recovery", medical_goal, "Attend treatment as approved", "Worker / NTD",
         f"{rng.choice((4, 6, 8))} weeks"),
        ("2. Capacity", "Increase certified capacity", "Review at each consult",
         story.treating_doctor.formal, f"by {fd(cert.date_to)}"),
        ("3. RTW", goal, "Provide suitable duties and monitor", story.employer.name,
         f"by {fd(target)}"),
        ("4. Support", "Keep the claim on track", "Approve services; pay weekly benefits",
         "Insurer (CM)", "ongoing"),
    ]
    if rng.random() < 0.6:
        rows.append(("5. Rehab", "Workplace rehabilitation", "Workplace assessment, RTW plan",
                     story.rehab_provider.name, f"{rng.choice((2, 3))} weeks"))
    lines += ["| Goal | Outcome sought | Action | Who | When |", "|---|---|---|---|---|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    fields["employer"] = story.employer.name
    lines += ["", "Approved treatment: " + ", ".join(f"{a} ({c})" for a, _b, c in
                                                     _services(story, rng)), ""]
    lines.append(f"Current certificate: {_cap_text(cert, rng)}, {fd(cert.date_from)} - "
                 f"{fd(cert.date_to)}")
    fields.update(capacity=cert.capacity, cert_from=cert.date_from, cert_to=cert.date_to)
    lines += [f"Review date: {fd(review)}", "",
              f"Plan owner: {cm.name} ({_cm_role(rng)})",
              maybe(rng, 0.5, "Distribution: worker, employer, NTD, rehab provider")]
    return _doc(spec, "goal_action_matrix", "form", lines, fields)


@template(DOC_TYPE, "plain_language_plan")
def plain_language_plan(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Friendly plain-English plan: 'your recovery plan - what happens next'."""
    fd = _dater(rng)
    cm = story.case_manager_on(spec.date)
    cert = _cert(story, spec)
    goal, target, _ = _rtw_goal(story, cert, spec, rng)
    review = spec.date + dt.timedelta(weeks=rng.choice((4, 6, 8)))
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": cm.name, "case_manager": cm.name}
    lines = ["# " + rng.choice((
                 'Your injury management plan',
                 'Your recovery and return to work plan (IMP)',
                 'Injury management plan - what happens next',
             )),
             f"Prepared for {story.worker.name} by {cm.name}, {story.insurer.name}",
             fd(spec.date), ""]
    if rng.random() < 0.6:
        lines.append(f"Claim {story.claim_number}")
        fields["claim_number"] = story.claim_number
        lines.append("")
    lines.append("## Where things are now")
    if rng.random() < 0.6:
        lines.append(f"You hurt your {story.injury.body_part} at work on "
                     f"{fd(story.injury.date)}. Your doctor says you {_cap_you(cert, rng)}.")
        fields.update(capacity=cert.capacity, injury_date=story.injury.date,
                      body_part=story.injury.body_part)
    else:
        lines.append(f"Your latest certificate runs until {fd(cert.date_to)}.")
        fields["cert_to"] = cert.date_to
    lines.append("")
    lines += ["## What we're aiming for", f"{goal} by around {fd(target)}.", ""]
    resp = _responsibilities(story, rng)
    blocks = [("What you'll do", resp["Worker"]),
              ("What your employer will do", resp["Employer"]),
              ("What we'll do", resp["Insurer"]),
              (f"What {story.treating_doctor.formal} will do", resp["Nominated treating doctor"])]
    if rng.random() < 0.5:
        blocks = blocks[2:] + blocks[:2]
    for title, items in blocks:
        lines.append(f"## {title}")
        lines += [f"- {i}" for i in items]
        lines.append("")
    lines.append("## Treatment we've approved")
    lines += [f"- {a}: {c}" for a, _b, c in _services(story, rng)]
    lines += ["", f"We'll check in on this plan by {fd(review)}.", "",
              f"Questions? Call {cm.first} on {cm.phone or story.insurer.phone}."]
    return _doc(spec, "plain_language_plan", "letter", lines, fields)


@template(DOC_TYPE, "statutory_parts_form")
def statutory_parts_form(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Scheme-flavoured statutory IMP in Parts A-E with agreement signatures."""
    fd = _dater(rng)
    cm = story.case_manager_on(spec.date)
    cert = _cert(story, spec)
    goal, target, idx = _rtw_goal(story, cert, spec, rng)
    review = spec.date + dt.timedelta(weeks=rng.choice((4, 8, 12)))
    code = story.scheme.code
    sub = {
        "TAS": "Injury Management Plan - Workers Rehabilitation and Compensation Act 1988",
        "NSW": "Injury Management Plan - Workplace Injury Management and Workers Compensation "
               "Act 1998",
        "COMCARE": "Injury management plan (Safety, Rehabilitation and Compensation Act 1988)",
    }.get(code, f"Injury Management Plan - {story.scheme.act}")
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "employer": story.employer.name, "author": cm.name,
                                 "case_manager": cm.name, "injury_date": story.injury.date,
                                 "claim_number": story.claim_number, "capacity": cert.capacity,
                                 "body_part": story.injury.body_part}
    lines = [f"# {sub}", f"Issued by: {story.insurer.name}", ""]
    lines += ["## Part A - Parties",
              f"Worker: {story.worker.formal}, {story.worker_address}",
              f"Employer: {story.employer.name}, {story.employer.address}",
              f"Injury management coordinator / case manager: {cm.name}",
              f"Treating medical practitioner: {story.treating_doctor.formal}, "
              f"{story.practice.name}"]
    if rng.random() < 0.7:
        lines.append(f"Rehabilitation provider: {story.rehab_provider.name}")
    lines += ["", "## Part B - Injury",
              f"Claim: {story.claim_number}   Date of injury: {fd(story.injury.date)}",
              f"Nature of injury: {story.injury.nature} - {story.injury.body_part}",
              f"Diagnosis: {story.injury.diagnosis}", ""]
    lines += ["## Part C - Capacity and goal",
              f"Capacity: {_cap_text(cert, rng)}",
              f"RTW option: {_RTW_OPTIONS[idx]}", f"Goal: {goal}",
              f"Expected time frame: {fd(target)}", ""]
    lines += ["## Part D - Services and treatment"]
    for n, (a, b, c) in enumerate(_services(story, rng), 1):
        lines.append(f"D{n}. {a} - {b} - {c}")
    lines += ["", "## Part E - Obligations"]
    for party, items in _responsibilities(story, rng).items():
        lines.append(f"{party}: " + "; ".join(_lc(i) for i in items) + ".")
    lines += ["", "## Review and agreement",
              f"This plan will be reviewed by {fd(review)}.",
              rng.choice(("The worker was consulted in preparing this plan.",
                          "This plan was developed in consultation with the worker, employer "
                          "and treating practitioner.")), "",
              f"Signed: {cm.name} ({_cm_role(rng)})   Date: {fd(spec.date)}",
              f"Worker: {story.worker.name}   Signature: ________",
              maybe(rng, 0.5, f"Employer representative: {story.employer_contact.name}   "
                              "Signature: ________")]
    return _doc(spec, "statutory_parts_form", "form", lines, fields)


@template(DOC_TYPE, "phased_timeline_plan")
def phased_timeline_plan(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """IMP organised as time-boxed phases with the insurer's milestones."""
    fd = _dater(rng)
    cm = story.case_manager_on(spec.date)
    cert = _cert(story, spec)
    goal, target, _ = _rtw_goal(story, cert, spec, rng)
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": cm.name, "case_manager": cm.name,
                                 "claim_number": story.claim_number}
    lines = [f"{story.insurer.name}", f"# {_plan_title(story, rng)}",
             f"{story.worker.name} | {_claim_label(rng)} {story.claim_number} | {fd(spec.date)}",
             ""]
    lines.append(rng.choice((
        f"Overall goal: {goal} by {fd(target)}.",
        f"RTW goal - {goal}. Target: {fd(target)}.",
    )))
    lines.append("")
    start = spec.date
    n_phases = rng.randint(3, 4)
    hours = max(cert.hours_per_day, 2 if cert.capacity != "none" else 0)
    for p in range(n_phases):
        p_start = start + dt.timedelta(weeks=4 * p)
        p_end = p_start + dt.timedelta(weeks=4, days=-1)
        lines.append(f"## Phase {p + 1}: {fd(p_start)} - {fd(p_end)}")
        if p == 0:
            lines.append("- Treatment: " + ", ".join(a for a, _b, _c in _services(story, rng)))
            lines.append(f"- Capacity per current certificate: {_cap_text(cert, rng)}")
            fields["capacity"] = cert.capacity
        else:
            hours = min(8, hours + rng.choice((1, 2)))
            lines.append(f"- Upgrade to approx. {hours} hrs/day if certified by the NTD")
        lines.append("- " + rng.choice((
            "Case manager contact with worker fortnightly",
            "Case conference with NTD and employer",
            "Rehab provider progress report due",
            "Review of treatment effectiveness",
        )))
        lines.append("")
    lines += ["## Who does what"]
    for party, items in _responsibilities(story, rng).items():
        lines.append(f"- {party}: {_lc(items[0])}")
    lines += ["", f"Plan review: {fd(start + dt.timedelta(weeks=4 * n_phases))}", "",
              f"{cm.name}", _cm_role(rng),
              maybe(rng, 0.5, "This plan will be provided to the worker, employer and NTD.")]
    return _doc(spec, "phased_timeline_plan", "report", lines, fields)
